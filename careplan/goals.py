"""How goals change: adapting one (its successor takes over), achieving, letting go, journeys."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Literal

from careplan.errors import CarePlanError
from careplan.model import CarePlan, Goal, new_id


def adapt_goal(
    plan: CarePlan, goal_id: str, new_title: str, reason: str, on: date | None = None, **changes
) -> Goal:
    """End a goal as "adapted" and start its successor; the old goal is kept, never edited away.

    `changes` may set the successor's other fields (why, category, fallback, voice); by default it
    carries them over from the goal it grew out of.
    """
    old = _find(plan, goal_id)
    if old.status != "active":
        raise CarePlanError(
            f'"{old.title}" is already {old.status.replace("_", " ")}; only an active goal can be adapted.'
        )
    if not new_title.strip():
        raise CarePlanError("The new goal needs a title.")
    on = on or date.today()
    old.status = "adapted"
    old.ended_on = on
    successor = replace(
        old,
        id=new_id(),
        title=new_title.strip(),
        status="active",
        started_on=on,
        ended_on=None,
        adapted_from=old.id,
        adapted_reason=reason.strip(),
        other_views=[],
    )
    for name, value in changes.items():
        setattr(successor, name, value)
    plan.goals.insert(plan.goals.index(old) + 1, successor)
    return successor


def end_goal(
    plan: CarePlan, goal_id: str, status: Literal["achieved", "let_go"], on: date | None = None
) -> Goal:
    """Mark a goal achieved or let go."""
    if status not in ("achieved", "let_go"):
        raise ValueError(status)
    goal = _find(plan, goal_id)
    goal.status = status
    goal.ended_on = on or date.today()
    return goal


def journey(plan: CarePlan, goal_id: str) -> list[Goal]:
    """The whole chain a goal belongs to, first goal first."""
    by_id = {goal.id: goal for goal in plan.goals}
    goal = by_id.get(goal_id)
    if goal is None:
        return []
    # A draft is not validated, so links may form a circle: stop at any goal already seen.
    seen = {goal.id}
    while goal.adapted_from in by_id and goal.adapted_from not in seen:
        goal = by_id[goal.adapted_from]
        seen.add(goal.id)
    chain = [goal]
    successors = {g.adapted_from: g for g in plan.goals if g.adapted_from}
    while chain[-1].id in successors and successors[chain[-1].id] not in chain:
        chain.append(successors[chain[-1].id])
    return chain


def journeys(plan: CarePlan) -> list[list[Goal]]:
    """Every chain with more than one step, in the order their first goals appear."""
    starts = [goal for goal in plan.goals if goal.adapted_from is None]
    return [chain for chain in (journey(plan, goal.id) for goal in starts) if len(chain) > 1]


def _find(plan: CarePlan, goal_id: str) -> Goal:
    goal = plan.goal(goal_id)
    if goal is None:
        raise CarePlanError("That goal is no longer in the plan.")
    return goal
