"""The words of Review and save that need no screen: where a problem is, what changed, a note joined
to another, who is saving. No Textual here, so the wording is tested on its own
(careplan.screens.review shows it)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from careplan import vocab

if TYPE_CHECKING:
    from careplan.date_fields import WaitingDate
    from careplan.model import CarePlan

_INDEXED = re.compile(r"^(?P<part>[a-z_]+)(?:\[(?P<index>\d+)\])?")
_ITEM_WORDS = {
    "about": "person taking part",
    "matters": "thing that matters",
    "goals": "goal",
    "modifications": "change",
    "treatment_decisions": "decision",
    "team": "team member",
}


def problem_place(path: str) -> tuple[str, str]:
    """(section id, plain words for where) for a validation field path like "goals[2].title"."""
    match = _INDEXED.match(path)
    part = match["part"] if match else path
    section = part if part in vocab.SECTIONS else "review"
    where = vocab.SECTIONS.get(section, "Next review") if section != "review" else "Next review"
    if match and match["index"] is not None:
        where += f", {_ITEM_WORDS.get(part, 'item')} {int(match['index']) + 1}"
    return section, where


def who_is_saving(plan: CarePlan, voice: str) -> str:
    """The names of whoever is speaking, to start "Who is at the keyboard" with; "" when the plan
    does not know their names (a label such as "Together" is not a name)."""
    from careplan.voices import voice_name

    name = voice_name(plan, voice)
    return "" if name in vocab.VOICES.values() else name


def waiting_dates_text(waiting: Sequence[WaitingDate]) -> str:
    """Why the save waits for a date, naming it; calm, and nothing typed is lost."""
    names = " and ".join(f'{date.field.label} ("{date.text}")' for date in waiting)
    what = (
        "could not be read as a date" if all(date.problem for date in waiting) else "needs a look"
    )
    return (
        f"Not saved yet: {names} {what}; see above. Change or clear it, then save. Nothing is lost."
    )


def join_note(note: str, more: str) -> str:
    """`more` as a sentence of its own after `note`: history shows a note on one line."""
    if not note:
        return more
    return f"{note}\n{more}" if note[-1] in ".!?" else f"{note}.\n{more}"


def changes_text(base: CarePlan, plan: CarePlan, base_number: int | None) -> str:
    """What changed since the last version, grouped by section, in plain sentences (rows added and
    left empty are no change)."""
    from careplan.validation import without_blank_rows

    plan = without_blank_rows(plan)
    if base_number is None:
        return "This will be the first saved version of the plan."
    from careplan.checkins import same_as_saved
    from careplan.diff import SECTION_TITLES, compare

    found = compare(base, plan, f"version {base_number}", "now")
    if not found or same_as_saved(plan, base):  # a check-in not asked yet is no change
        return f"Nothing has changed since version {base_number}."
    lines = [f"Changed since version {base_number}:"]
    for section, changes in found.by_section():
        lines.append(SECTION_TITLES.get(section, section))
        lines.extend(f"  • {change.text}" for change in changes)
    return "\n".join(lines)
