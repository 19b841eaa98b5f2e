"""A plan at a glance: what each section holds, in a few words, and the version it last changed in.

Used by the plan's home screen; no Textual here, so the wording can be tested on its own.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from careplan import decisions, vocab
from careplan.dates import short_day
from careplan.display import shown_name
from careplan.errors import CarePlanError
from careplan.model import CarePlan
from careplan.names import called
from careplan.validation import without_blank_rows

if TYPE_CHECKING:
    from careplan.store import PlanFile

# vocab.SECTIONS ids that are parts of the CarePlan (review is the act of saving, not a part).
PLAN_PARTS = (
    "about",
    "matters",
    "checkin",
    "goals",
    "modifications",
    "treatment_decisions",
    "team",
    "advance_care",
)


def part_of(plan: CarePlan, part: str) -> object:
    """What a part of the plan holds, as its screen edits it: the support team's part is its
    people and the help the family named (CarePlan.team and CarePlan.needs)."""
    if part == "team":
        return (plan.team, plan.needs)
    return getattr(plan, part)


def counted(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


def section_summary(plan: CarePlan, section: str) -> str:
    """A few words on what the section holds: "3 active goals, 1 adapted · next: Coffee outside"."""
    summarise = _SUMMARIES.get(section)
    return summarise(without_blank_rows(plan)) if summarise else ""


def not_started(plan: CarePlan) -> list[str]:
    """PLAN_PARTS with nothing in them yet, in order (treatment decisions are only for some, so
    they are never listed as missing)."""
    empty = CarePlan()
    return [
        part
        for part in PLAN_PARTS
        if part not in ("about", "treatment_decisions")
        and part_of(plan, part) == part_of(empty, part)
    ]


def last_changed(plan_file: PlanFile) -> dict[str, int | None]:
    """For each PLAN_PART, the number of the last saved version in which it changed (None: never
    written in). Walks back from the latest version and stops once every part is placed."""
    numbers = [info.number for info in plan_file.versions()]
    found: dict[str, int | None] = {}
    if not numbers:
        return {part: None for part in PLAN_PARTS}
    try:
        later = plan_file.load(numbers[-1])
        for earlier_number, later_number in zip(
            reversed(numbers[:-1]), reversed(numbers[1:]), strict=False
        ):
            earlier = plan_file.load(earlier_number)
            for part in PLAN_PARTS:
                if part not in found and part_of(earlier, part) != part_of(later, part):
                    found[part] = later_number
            if len(found) == len(PLAN_PARTS):
                return found
            later = earlier
    except CarePlanError:
        return found  # an unreadable old version: say what we know, never fail the screen
    empty = CarePlan()
    for part in PLAN_PARTS:
        if part not in found:
            found[part] = numbers[0] if part_of(later, part) != part_of(empty, part) else None
    return found


# --- the sections in a few words ----------------------------------------------------------------


def _about(plan: CarePlan) -> str:
    about = plan.about
    name, called = shown_name(about.name).strip(), shown_name(about.preferred_name).strip()
    parts = [name or "no name yet"]
    if called and called != name:
        parts[0] += f" ({called})"
    if about.participants:
        parts.append(counted(len(about.participants), "person taking part", "people taking part"))
    if about.illness.strip():
        parts.append("illness in their own words")
    return " · ".join(parts)


def _matters(plan: CarePlan) -> str:
    if not plan.matters:
        return "nothing written yet"
    kinds = Counter(statement.kind for statement in plan.matters)
    words = {
        "strength": ("strength", "strengths"),
        "worry": ("worry", "worries"),
        "hope": ("hope", "hopes"),
        "cannot_live_without": ("can't live without", "can't live without"),
    }
    parts = [counted(len(plan.matters), "thing")]
    parts += [counted(count, *words[kind]) for kind, count in kinds.items() if kind in words]
    both = sum(1 for statement in plan.matters if statement.other_views)
    text = ", ".join(parts[1:])
    line = f"{parts[0]}: {text}" if text else parts[0]
    if both:
        line += f" · {counted(both, 'with another view', 'with other views')}"
    return line


def _goals(plan: CarePlan) -> str:
    if not plan.goals:
        return "no goals yet"
    statuses = Counter(goal.status for goal in plan.goals)
    active = statuses.pop("active", 0)
    parts = [counted(active, "active goal")]
    parts += [
        f"{count} {vocab.label(vocab.GOAL_STATUSES, status).lower()}"
        for status, count in statuses.items()
    ]
    first = next(
        (
            goal.title.strip()
            for goal in plan.goals
            if goal.status == "active" and goal.title.strip()
        ),
        "",
    )
    line = ", ".join(parts)
    return f"{line} · first: {first}" if first else line


def _modifications(plan: CarePlan) -> str:
    if not plan.modifications:
        return "no changes written yet"
    statuses = Counter(change.status for change in plan.modifications)
    parts = [
        f"{count} {vocab.label(vocab.MODIFICATION_STATUSES, status).lower()}"
        for status, count in statuses.items()
    ]
    return f"{counted(len(plan.modifications), 'change')}: {', '.join(parts)}"


def _treatment_decisions(plan: CarePlan) -> str:
    if not plan.treatment_decisions:
        return "none planned (only if one is wanted)"  # not a gap: not_started() never lists it
    decision = decisions.latest(plan)
    assert decision is not None
    parts = [decisions.kind_label(decision) or "being thought about"]
    status = decisions.status_label(decision)
    if status:
        parts.append(status.lower())
    if decision.starts_on:
        parts.append(f"from {short_day(decision.starts_on)}")
    earlier = len(plan.earlier_decisions)
    if earlier:
        parts.append(counted(earlier, "earlier decision"))
    return " · ".join(parts)


_SERVICES = ("helpline", "support_group")


def _team(plan: CarePlan) -> str:
    if not plan.team:
        return "nobody added yet"
    # A helpline or a support group is help, not a person: counted apart, so "5 people" are five.
    services = sum(1 for member in plan.team if member.role in _SERVICES)
    people = len(plan.team) - services
    parts = [counted(people, "person", "people")] if people else []
    if services:
        parts.append(counted(services, "helpline or group", "helplines or groups"))
    line = ", ".join(parts)
    first = plan.first_contact
    name = called(first, plan) if first else ""
    return f"{line} · first contact: {name}" if name else line


def _checkin(plan: CarePlan) -> str:
    checkin = plan.checkin
    parts = []
    if checkin.function_level is not None:
        parts.append(f"{vocab.FUNCTION_NAME.lower()}: {checkin.function_level}%")
    if checkin.symptoms:
        parts.append(counted(len(checkin.symptoms), "symptom rated", "symptoms rated"))
    return " · ".join(parts) or "not filled in yet"


def _advance_care(plan: CarePlan) -> str:
    advance = plan.advance_care
    if advance.not_now:
        return f"not now, said {short_day(advance.not_now_on)}" if advance.not_now_on else "not now"
    parts = []
    if advance.speakers:
        first = advance.speakers[0].name.strip()
        parts.append(f"speaks for them: {first}" if first else "someone to speak for them")
        if len(advance.speakers) > 1:
            parts[-1] += f", then {counted(len(advance.speakers) - 1, 'other')}"
    if advance.documents:
        parts.append(counted(len(advance.documents), "document"))
    if advance.wishes or advance.place_of_care:
        wishes = len(advance.wishes) + (advance.place_of_care is not None)
        parts.append(counted(wishes, "wish", "wishes") + " for care")
    return " · ".join(parts) or "nothing written yet (only when they are ready)"


_SUMMARIES = {
    "about": _about,
    "matters": _matters,
    "checkin": _checkin,
    "goals": _goals,
    "modifications": _modifications,
    "treatment_decisions": _treatment_decisions,
    "team": _team,
    "advance_care": _advance_care,
}
