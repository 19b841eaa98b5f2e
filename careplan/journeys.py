"""Goal journeys over time: each chain of adapted goals with its dates, reasons and how things were.

`careplan.goals.journeys` finds the chains inside one plan. This adds what only the history
knows: for each step, the version in which it first appeared and the everyday function (the
function level) recorded in that version, so a journey reads "a 5-mile run (everyday function 80%)
became a daily walk (70%) became coffee outside each morning (50%)".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from careplan import goals, vocab
from careplan.dates import day_in_words
from careplan.model import CarePlan, Goal

if TYPE_CHECKING:
    from careplan.history import PlanHistory
    from careplan.store import PlanFile

__all__ = ["GoalJourney", "JourneyStep", "goal_journeys", "journeys_in"]


@dataclass(frozen=True)
class JourneyStep:
    goal_id: str
    title: str
    category: str
    status: str
    started_on: date | None
    ended_on: date | None
    reason: str  # why it was adapted into this step; "" for the first step
    began_in: int | None  # the first version holding this step; None if not saved yet
    function_level: int | None  # recorded in that version (or in the plan itself if not saved yet)

    def describe(self) -> str:
        """One step in words: '"A daily walk" from 3 June 2026 (everyday function 70%, version 2):
        running hurts my hip now'."""
        text = f'"{" ".join(self.title.split())}"'
        if self.started_on:
            text += f" from {day_in_words(self.started_on)}"
        details = self.details()
        if details:
            text += f" ({details})"
        if self.reason.strip():
            text += f": {' '.join(self.reason.split())}"
        return text

    def details(self) -> str:
        """ "everyday function 70%, version 2", or as much of it as is known."""
        details = []
        if self.function_level is not None:
            details.append(f"{vocab.FUNCTION_NAME.lower()} {self.function_level}%")
        if self.began_in is not None:
            details.append(f"version {self.began_in}")
        return ", ".join(details)


@dataclass(frozen=True)
class GoalJourney:
    steps: tuple[JourneyStep, ...]

    @property
    def current(self) -> JourneyStep:
        return self.steps[-1]

    @property
    def first(self) -> JourneyStep:
        return self.steps[0]

    def to_text(self) -> str:
        lines = [f"{index}. {step.describe()}" for index, step in enumerate(self.steps, start=1)]
        status = vocab.label(vocab.GOAL_STATUSES, self.current.status).lower()
        lines.append(f"   Now: {status}.")
        return "\n".join(lines)


def journeys_in(
    plan: CarePlan, first_versions: dict[str, int], levels: dict[int, int | None]
) -> list[GoalJourney]:
    """Every chain of adapted goals in `plan`, each step with the version it began in and the
    function level then. `first_versions` maps goal id -> version number; `levels` maps version
    number -> function level. Steps not in any saved version use the plan's own check-in."""
    found = []
    for chain in goals.journeys(plan):
        steps = []
        for goal in chain:
            began_in = first_versions.get(goal.id)
            level = levels.get(began_in) if began_in is not None else plan.checkin.function_level
            steps.append(_step(goal, began_in, level))
        found.append(GoalJourney(tuple(steps)))
    return found


def goal_journeys(
    plan_file: PlanFile, number: int | None = None, history: PlanHistory | None = None
) -> list[GoalJourney]:
    """The journeys in version `number` (the latest by default), using versions up to it."""
    from careplan.history import PlanHistory

    number = number if number is not None else plan_file.latest
    if number is None:
        return []
    history = history or PlanHistory(plan_file, upto=number)
    earlier = [n for n in history.numbers if n <= number]
    first_versions = {goal_id: n for goal_id, n in history.first_versions().items() if n <= number}
    levels = {n: history.checkin(n).function_level for n in earlier}
    return journeys_in(history.plan(number), first_versions, levels)


def _step(goal: Goal, began_in: int | None, level: int | None) -> JourneyStep:
    return JourneyStep(
        goal_id=goal.id,
        title=goal.title,
        category=goal.category,
        status=goal.status,
        started_on=goal.started_on,
        ended_on=goal.ended_on,
        reason=goal.adapted_reason if goal.adapted_from else "",
        began_in=began_in,
        function_level=level,
    )
