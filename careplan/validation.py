"""What must be true of a plan before a version is saved, as field -> plain message."""

from __future__ import annotations

from careplan import vocab
from careplan.errors import ValidationError
from careplan.model import CarePlan

MAX_TEXT = 100_000  # characters in any one field: generous, but a paste of a whole book is a mistake


def problems(plan: CarePlan) -> dict[str, str]:
    """Every problem in the plan, keyed by a field path such as "goals[2].title"."""
    found: dict[str, str] = {}

    def need_text(path: str, value: str, what: str) -> None:
        if not value.strip():
            found[path] = f"{what} is needed"

    def need_choice(path: str, value: str | None, choices: vocab.Choices, optional: bool = False) -> None:
        if value is None and optional:
            return
        if value not in choices:
            found[path] = f'"{value}" is not one of: {", ".join(choices.values())}'

    need_text("about.name", plan.about.name, "The person's name")
    for index, person in enumerate(plan.about.participants):
        need_text(f"about.participants[{index}].name", person.name, "A name")
        need_choice(f"about.participants[{index}].role", person.role, vocab.PARTICIPANT_ROLES)
    for index, statement in enumerate(plan.matters):
        need_text(f"matters[{index}].text", statement.text, "The words")
        need_choice(f"matters[{index}].kind", statement.kind, vocab.STATEMENT_KINDS)
        need_choice(f"matters[{index}].voice", statement.voice, vocab.VOICES)
    goal_ids = {goal.id for goal in plan.goals}
    for index, goal in enumerate(plan.goals):
        need_text(f"goals[{index}].title", goal.title, "A goal")
        need_choice(f"goals[{index}].category", goal.category, vocab.GOAL_CATEGORIES)
        need_choice(f"goals[{index}].status", goal.status, vocab.GOAL_STATUSES)
        need_choice(f"goals[{index}].voice", goal.voice, vocab.VOICES)
        if goal.adapted_from is not None and goal.adapted_from not in goal_ids:
            found[f"goals[{index}].adapted_from"] = "the goal it was adapted from is missing"
    for index, change in enumerate(plan.modifications):
        if not (change.before.strip() or change.now.strip()):
            found[f"modifications[{index}].now"] = "Say what you used to do or what you'll do now"
        need_choice(f"modifications[{index}].area", change.area, vocab.MODIFICATION_AREAS)
        need_choice(f"modifications[{index}].status", change.status, vocab.MODIFICATION_STATUSES)
    pause = plan.treatment_break
    need_choice("treatment_break.kind", pause.kind, vocab.BREAK_KINDS, optional=True)
    need_choice("treatment_break.status", pause.status, vocab.BREAK_STATUSES, optional=True)
    if pause.starts_on and pause.ends_on and pause.ends_on < pause.starts_on:
        found["treatment_break.ends_on"] = "The end date is before the start date"
    for index, member in enumerate(plan.team):
        need_text(f"team[{index}].name", member.name, "A name")
        need_choice(f"team[{index}].role", member.role, vocab.TEAM_ROLES)
        if member.role == "custom":
            need_text(f"team[{index}].custom_role", member.custom_role, "The role's name")
    if sum(member.first_contact for member in plan.team) > 1:
        found["team"] = "Only one person can be the first point of contact"
    checkin = plan.checkin
    if checkin.function_level is not None and checkin.function_level not in vocab.FUNCTION_LEVELS:
        found["checkin.function_level"] = "should be one of 0, 10, 20 ... 100"
    for symptom, score in checkin.symptoms.items():
        if symptom not in vocab.SYMPTOMS:
            found[f"checkin.symptoms.{symptom}"] = "is not one of the nine symptoms"
        elif not 0 <= score <= 10:
            found[f"checkin.symptoms.{symptom}"] = "should be from 0 (none) to 10 (worst)"
    _check_lengths(plan, found)
    return found


def check(plan: CarePlan) -> None:
    """Raise ValidationError if the plan has any problem."""
    found = problems(plan)
    if found:
        raise ValidationError(found)


def _check_lengths(plan: CarePlan, found: dict[str, str]) -> None:
    from careplan.codec import to_dict

    def walk(value: object, path: str) -> None:
        if isinstance(value, str) and len(value) > MAX_TEXT:
            found[path] = f"is {len(value):,} characters; the most one field holds is {MAX_TEXT:,}"
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(item, f"{path}.{key}" if path else key)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, f"{path}[{index}]")

    walk(to_dict(plan), "")
