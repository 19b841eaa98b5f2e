"""A check-in belongs to the day it was asked: each version's starts empty, never copied forward.

What was answered last time is shown beside each measure (`last_answers`) and kept for this
version only when someone says so. A draft whose check-in is still empty has asked nothing yet,
so it is no change from the saved version (`same_as_saved`): opening the plan marks nothing.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date

from careplan import vocab
from careplan.model import CarePlan, CheckIn

FUNCTION_LEVEL = "function_level"  # the key of everyday function beside the symptom ids


@dataclass(frozen=True)
class LastAnswer:
    """The latest saved answer to one measure, and the day of the conversation it was given."""

    value: int
    day: date
    version: int


def asked_nothing(checkin: CheckIn) -> bool:
    """Nothing in this check-in was answered or written yet."""
    return checkin == CheckIn()


def same_as_saved(plan: CarePlan, saved: CarePlan) -> bool:
    """Whether a draft says nothing the saved version does not: a check-in not asked yet this
    time is no change (each version's check-in starts empty)."""
    if asked_nothing(plan.checkin) and not asked_nothing(saved.checkin):
        plan = dataclasses.replace(plan, checkin=saved.checkin)
    return plan == saved


def measures() -> list[str]:
    """Everyday function, then the nine symptoms, in the order the check-in shows them."""
    return [FUNCTION_LEVEL, *vocab.SYMPTOMS]


def answer(checkin: CheckIn, measure: str) -> int | None:
    """The answer to `measure` ("function_level" or a symptom id); None when not asked."""
    if measure == FUNCTION_LEVEL:
        return checkin.function_level
    return checkin.symptoms.get(measure)


def keep(checkin: CheckIn, measure: str, value: int | None) -> None:
    """Set (or with None, clear) the answer to `measure` in this check-in."""
    if measure == FUNCTION_LEVEL:
        checkin.function_level = value
    elif value is None:
        checkin.symptoms.pop(measure, None)
    else:
        checkin.symptoms[measure] = value


def last_answers(saved: list[tuple[int, date, CheckIn]]) -> dict[str, LastAnswer]:
    """For each measure, its latest answer among the saved versions (number, day of the
    conversation, check-in; oldest first). A measure never answered is left out."""
    found: dict[str, LastAnswer] = {}
    for number, day, checkin in saved:
        for measure in [FUNCTION_LEVEL, *checkin.symptoms]:
            value = answer(checkin, measure)
            if value is not None:
                found[measure] = LastAnswer(value, day, number)
    return found
