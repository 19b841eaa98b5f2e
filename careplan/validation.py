"""What must be true of a plan before a version is saved, as field -> plain message.

Also `tidy`, applied to a plan as it is saved as a version: it removes control characters that
cannot be seen or typed on purpose (pasted from PDFs and terminals, or escape sequences that could
drive a terminal when the plan is printed) and makes line endings plain newlines. Tabs and newlines
stay; every other character (any script, right-to-left text, emoji, combining marks) is kept
exactly as typed, with no normalisation. Drafts are kept exactly as typed, tidied or not.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from datetime import date

from careplan import vocab
from careplan.dates import year_problem
from careplan.display import BIDI_CONTROLS
from careplan.errors import ValidationError
from careplan.model import CarePlan, Goal
from careplan.partial_dates import PartialDate

MAX_TEXT = (
    100_000  # characters in any one field: generous, but a paste of a whole book is a mistake
)

# C0 controls except tab and newline, DEL, and the C1 controls (\x80-\x9f; \x9b starts an escape
# sequence on some terminals).
_INVISIBLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")  # from bytes that were not valid UTF-8


def tidy_name(text: str) -> str:
    """A person's name as saved: `tidy_text`, and without bidi overrides or isolates."""
    return BIDI_CONTROLS.sub("", tidy_text(text))  # see careplan.display


def has_visible_character(text: str) -> bool:
    """False for text of only spaces, controls and invisible format characters (U+200B ...)."""
    return any(
        unicodedata.category(char) not in ("Cc", "Cf", "Zs", "Zl", "Zp") for char in text
    )  # unassigned or private-use characters may well show on someone's screen: they count


def tidy_text(text: str) -> str:
    """`text` without invisible control characters, with \\r\\n and \\r as \\n, and any lone
    surrogate (which has no UTF-8 form) as U+FFFD, the replacement character."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE.sub("", text)
    return _LONE_SURROGATE.sub("\ufffd", text)


def tidy(plan: CarePlan) -> CarePlan:
    """Tidy every piece of text in the plan, in place (so what the caller holds is what is saved)."""

    def clean(value: object) -> object:
        if isinstance(value, str):
            return tidy_text(value)
        if isinstance(value, list):
            value[:] = [clean(item) for item in value]
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            for field in dataclasses.fields(value):
                setattr(value, field.name, clean(getattr(value, field.name)))
        return value

    clean(plan)
    plan.about.name = tidy_name(plan.about.name)
    for person in plan.about.participants:
        person.name = tidy_name(person.name)
    return plan


def far_out_dates(plan: CarePlan) -> dict[str, str]:
    """Each date whose year a person typing it would be asked about (`dates.year_problem`), keyed
    by its field path ("about.date_of_birth", "goals[0].started_on"). For plans brought in from a
    file; a plan made on screen cannot hold one, as its dates are typed."""
    found: dict[str, str] = {}

    def walk(value: object, path: str) -> None:
        if isinstance(value, date):
            problem = year_problem(value)
            if problem:
                found[path] = f"{value.isoformat()}: {problem}"
        elif isinstance(value, PartialDate):
            problem = year_problem(date(value.year, 1, 1))
            if problem:
                found[path] = f"{value.stored()}: {problem}"
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, f"{path}[{index}]")
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            for field in dataclasses.fields(value):
                walk(getattr(value, field.name), f"{path}.{field.name}" if path else field.name)

    walk(plan, "")
    return found


def without_blank_rows(plan: CarePlan) -> CarePlan:
    """`plan` without the rows added on screen and left empty (a statement, a person taking
    part, with no words in them at all; a decision with nothing chosen or written): they are
    not a change, not counted and not saved. A shallow copy; `plan` keeps its rows, which may
    still be typed into."""
    about = plan.about
    people = [
        person for person in about.participants if _has_words(person.name, person.relationship)
    ]
    matters = [
        statement
        for statement in plan.matters
        if _has_words(statement.text, *(view.text for view in statement.other_views))
    ]
    decisions = [decision for decision in plan.treatment_decisions if decision.started]
    if (
        len(people) == len(about.participants)
        and len(matters) == len(plan.matters)
        and len(decisions) == len(plan.treatment_decisions)
    ):
        return plan
    return dataclasses.replace(
        plan,
        about=dataclasses.replace(about, participants=people),
        matters=matters,
        treatment_decisions=decisions,
    )


def _has_words(*texts: str) -> bool:
    return any(tidy_text(text).strip() for text in texts)


def problems(plan: CarePlan) -> dict[str, str]:
    """Every problem in the plan, keyed by a field path such as "goals[2].title"."""
    found: dict[str, str] = {}

    def need_text(path: str, value: str, what: str) -> None:
        if not has_visible_character(value):
            found[path] = f"{what} is needed"

    def need_choice(
        path: str, value: str | None, choices: vocab.AnyChoices, optional: bool = False
    ) -> None:
        if value is None and optional:
            return
        if value not in choices:
            found[path] = f'"{value}" is not one of: {", ".join(choices.values())}'

    need_text("about.name", plan.about.name, "The person's name")
    for index, person in enumerate(plan.about.participants):
        need_text(f"about.participants[{index}].name", person.name, "A name")
        need_choice(f"about.participants[{index}].role", person.role, vocab.PARTICIPANT_ROLES)

    def need_views(path: str, views: list) -> None:
        for number, view in enumerate(views):
            need_choice(f"{path}.other_views[{number}].voice", view.voice, vocab.VOICES)

    for index, statement in enumerate(plan.matters):
        need_text(f"matters[{index}].text", statement.text, "Some text")
        need_choice(f"matters[{index}].kind", statement.kind, vocab.STATEMENT_KINDS)
        need_choice(f"matters[{index}].voice", statement.voice, vocab.VOICES)
        need_views(f"matters[{index}]", statement.other_views)
    goals_by_id = {goal.id: goal for goal in plan.goals}
    for index, goal in enumerate(plan.goals):
        need_text(f"goals[{index}].title", goal.title, "A goal")
        need_choice(f"goals[{index}].category", goal.category, vocab.GOAL_CATEGORIES)
        need_choice(f"goals[{index}].status", goal.status, vocab.GOAL_STATUSES)
        need_choice(f"goals[{index}].voice", goal.voice, vocab.VOICES)
        need_views(f"goals[{index}]", goal.other_views)
        if goal.adapted_from is not None and goal.adapted_from not in goals_by_id:
            found[f"goals[{index}].adapted_from"] = "the goal it was adapted from is missing"
        elif _adapts_in_a_circle(goal, goals_by_id):
            found[f"goals[{index}].adapted_from"] = "the goals it grew out of go round in a circle"
    for index, change in enumerate(plan.modifications):
        if not (tidy_text(change.before).strip() or tidy_text(change.now).strip()):
            found[f"modifications[{index}].now"] = "Say what you used to do or what you'll do now"
        need_choice(f"modifications[{index}].area", change.area, vocab.MODIFICATION_AREAS)
        need_choice(f"modifications[{index}].status", change.status, vocab.MODIFICATION_STATUSES)
        need_choice(f"modifications[{index}].voice", change.voice, vocab.VOICES)
    decision_ids: set[str] = set()
    for index, decision in enumerate(plan.treatment_decisions):
        where = f"treatment_decisions[{index}]"
        need_choice(f"{where}.kind", decision.kind, vocab.ALL_DECISION_KINDS, optional=True)
        need_choice(f"{where}.status", decision.status, vocab.DECISION_STATUSES, optional=True)
        for number, support in enumerate(decision.support):
            need_choice(f"{where}.support[{number}]", support, vocab.SUPPORTS)
        if decision.starts_on and decision.ends_on and decision.ends_on < decision.starts_on:
            found[f"{where}.ends_on"] = "The end date is before the start date"
        if decision.id in decision_ids:
            found[f"{where}.id"] = "Two decisions have the same id"
        decision_ids.add(decision.id)
    for index, member in enumerate(plan.team):
        need_text(f"team[{index}].name", member.name, "A name")
        need_choice(f"team[{index}].role", member.role, vocab.TEAM_ROLES)
        if member.role == "custom":
            need_text(f"team[{index}].custom_role", member.custom_role, "The role's name")
    if sum(member.first_contact for member in plan.team) > 1:
        found["team"] = "Only one person can be the first point of contact"
    advance = plan.advance_care
    for index, speaker in enumerate(advance.speakers):
        where = f"advance_care.speakers[{index}]"
        need_text(f"{where}.name", speaker.name, "A name")
        need_choice(f"{where}.standing", speaker.standing, vocab.STANDINGS, optional=True)
        need_choice(f"{where}.agreement", speaker.agreement, vocab.AGREEMENTS, optional=True)
    for index, document in enumerate(advance.documents):
        where = f"advance_care.documents[{index}]"
        need_choice(f"{where}.kind", document.kind, vocab.DOCUMENT_KINDS)
        need_choice(f"{where}.dated_as", document.dated_as, vocab.DOCUMENT_DATES)
        if document.kind == "other":
            need_text(f"{where}.other_kind", document.other_kind, "The document's name")
    for index, wish in enumerate(advance.wishes):
        where = f"advance_care.wishes[{index}]"
        need_text(f"{where}.text", wish.text, "Some text")
        need_choice(f"{where}.kind", wish.kind, vocab.WISH_KINDS)
        need_choice(f"{where}.voice", wish.voice, vocab.VOICES)
        need_views(where, wish.other_views)
    need_choice("advance_care.place_of_care", advance.place_of_care, vocab.PLACES_OF_CARE, True)
    need_choice("advance_care.place_at_end", advance.place_at_end, vocab.PLACES_OF_CARE, True)
    checkin = plan.checkin
    if checkin.answered_by:
        need_choice("checkin.answered_by", checkin.answered_by, vocab.VOICES)
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
            found[path] = (
                f"is {len(value):,} characters long; one field holds up to {MAX_TEXT:,}, "
                "so please shorten it or split it in two"
            )
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(item, f"{path}.{key}" if path else key)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, f"{path}[{index}]")

    walk(to_dict(plan), "")


def _adapts_in_a_circle(goal: Goal, goals_by_id: dict[str, Goal]) -> bool:
    """Whether following `adapted_from` from this goal comes back to it (which would never end)."""
    seen = {goal.id}
    current = goal
    while current.adapted_from is not None and current.adapted_from in goals_by_id:
        if current.adapted_from in seen:
            return True
        seen.add(current.adapted_from)
        current = goals_by_id[current.adapted_from]
    return False
