"""Property tests: any sequence of edits and saves leaves every version retrievable exactly as
saved, and the codec turns any plan into plain data and back without losing anything."""

from __future__ import annotations

import copy
import json
import shutil
import tempfile
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from careplan import vocab
from careplan.codec import from_dict, to_dict
from careplan.model import (
    About,
    CarePlan,
    CheckIn,
    Goal,
    Modification,
    Participant,
    Statement,
    TeamMember,
    TreatmentDecision,
    View,
)
from careplan.partial_dates import PartialDate
from careplan.store import Store
from careplan.tinydb_storage import encode
from careplan.validation import has_visible_character, problems, tidy, tidy_text

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Any character at all: every script, emoji, combining marks, control characters, lone surrogates.
anything = st.text(st.characters(codec=None, categories=None), max_size=24)
# What a person can type: everything but control characters and surrogates (tabs and newlines allowed).
typed = st.text(
    st.characters(exclude_categories=("Cc", "Cs"), include_characters="\t\n"), max_size=24
)
# Text that still shows something once tidied, for fields a version needs (a name of only
# invisible characters such as a soft hyphen is refused like an empty one).
needed = anything.filter(lambda text: has_visible_character(tidy_text(text)))
days = st.one_of(st.none(), st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))
# a birth date as given: a year, a month and year, or a day (careplan.partial_dates)
partial_days = st.one_of(
    st.none(),
    days.filter(bool).flatmap(
        lambda day: st.sampled_from(
            [PartialDate(day.year), PartialDate(day.year, day.month), PartialDate.of(day)]
        )
    ),
)


def choice(choices: dict) -> st.SearchStrategy:
    return st.sampled_from(list(choices))


views = st.lists(st.builds(View, voice=choice(vocab.VOICES), text=anything), max_size=2)
statements = st.builds(
    Statement,
    text=needed,
    kind=choice(vocab.STATEMENT_KINDS),
    voice=choice(vocab.VOICES),
    other_views=views,
)
goals = st.builds(
    Goal,
    title=needed,
    why=anything,
    category=choice(vocab.GOAL_CATEGORIES),
    voice=choice(vocab.VOICES),
    status=choice(vocab.GOAL_STATUSES),
    fallback=anything,
    started_on=days,
    ended_on=days,
    adapted_reason=anything,
    other_views=views,
)
modifications = st.builds(
    Modification,
    area=choice(vocab.MODIFICATION_AREAS),
    before=needed,
    now=anything,
    why=anything,
    status=choice(vocab.MODIFICATION_STATUSES),
    voice=choice(vocab.VOICES),
    since=days,
)
team_members = st.builds(
    TeamMember,
    name=needed,
    role=st.sampled_from([role for role in vocab.TEAM_ROLES if role != "custom"]),
    contact=anything,
    when=anything,
    tasks=st.lists(st.one_of(choice(vocab.TASKS), anything), max_size=3),
    helps_with=anything,
    joined_on=days,
)
treatment_breaks = st.builds(
    TreatmentDecision,
    kind=st.one_of(st.none(), choice(vocab.ALL_DECISION_KINDS)),
    event=anything,
    event_on=days,
    hopes=anything,
    fears=anything,
    questions=st.lists(anything, max_size=3),
    warning_signs=st.lists(anything, max_size=3),
    support=st.lists(choice(vocab.SUPPORTS), max_size=3, unique=True),
    support_words=anything,
    status=st.one_of(st.none(), choice(vocab.DECISION_STATUSES)),
    look_again_on=days,
    decided_on=days,
)
checkins = st.builds(
    CheckIn,
    function_level=st.one_of(st.none(), choice(vocab.FUNCTION_LEVELS)),
    symptoms=st.dictionaries(choice(vocab.SYMPTOMS), st.integers(0, 10)),
    answered_by=st.sampled_from(["", *vocab.VOICES]),
    note=anything,
)
plans = st.builds(
    CarePlan,
    about=st.builds(
        About,
        name=needed,
        preferred_name=anything,
        date_of_birth=partial_days,
        illness=anything,
        participants=st.lists(
            st.builds(
                Participant,
                name=needed,
                role=choice(vocab.PARTICIPANT_ROLES),
                relationship=anything,
            ),
            max_size=2,
        ),
    ),
    matters=st.lists(statements, max_size=3),
    goals=st.lists(goals, max_size=3),
    modifications=st.lists(modifications, max_size=2),
    treatment_decisions=st.lists(treatment_breaks, max_size=2, unique_by=lambda one: one.id),
    team=st.lists(team_members, max_size=3),
    checkin=checkins,
    next_review=days,
)


# --- the codec ------------------------------------------------------------------------------------


@SETTINGS
@given(plans)
def test_the_codec_turns_any_plan_into_plain_data_and_back_exactly(plan: CarePlan) -> None:
    data = to_dict(plan)
    assert from_dict(CarePlan, data) == plan
    # ... and through the bytes written to disk, whatever the text holds (even lone surrogates)
    assert from_dict(CarePlan, json.loads(encode(data))) == plan


@SETTINGS
@given(st.text(st.characters(codec=None, categories=None)))
def test_tidying_keeps_every_typed_character_and_is_idempotent(text: str) -> None:
    tidied = tidy_text(text)
    assert tidy_text(tidied) == tidied
    tidied.encode("utf-8")  # always writable as UTF-8 (a lone surrogate would raise here)
    kept = [
        char
        for char in text.replace("\r\n", "\n").replace("\r", "\n")
        if char in "\t\n"
        or not (ord(char) < 32 or 0x7F <= ord(char) < 0xA0 or 0xD800 <= ord(char) <= 0xDFFF)
    ]
    assert [char for char in tidied if char != "\ufffd"] == [
        char for char in kept if char != "\ufffd"
    ]


@SETTINGS
@given(typed)
def test_text_a_person_can_type_is_never_changed_by_tidying(text: str) -> None:
    assert tidy_text(text) == text


@SETTINGS
@given(plans)
def test_every_generated_plan_is_valid_once_tidied(plan: CarePlan) -> None:
    assert problems(tidy(plan)) == {}


# --- any sequence of edits and saves ---------------------------------------------------------------


class EditingAPlan(RuleBasedStateMachine):
    """A person edits a plan and saves now and then (versions and drafts), closing and reopening
    it between times. Every version must come back exactly as it was when it was saved."""

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="careplan-property-"))
        self.store = Store(self.folder)
        self.opened = None
        self.plan: CarePlan | None = None
        self.saved: dict[int, CarePlan] = {}
        self.draft: CarePlan | None = None

    @precondition(lambda self: self.plan is None)
    @rule(plan=plans)
    def start(self, plan: CarePlan) -> None:
        self.opened = self.store.create_plan(plan)
        self.plan = plan
        self.draft = copy.deepcopy(plan)

    @precondition(lambda self: self.plan is not None)
    @rule(name=needed)
    def rename(self, name: str) -> None:
        self.plan.about.name = name

    @precondition(lambda self: self.plan is not None)
    @rule(goal=goals)
    def add_goal(self, goal: Goal) -> None:
        self.plan.goals.append(goal)

    @precondition(lambda self: self.plan is not None and self.plan.goals)
    @rule(index=st.integers(0, 10), title=needed)
    def retitle_goal(self, index: int, title: str) -> None:
        self.plan.goals[index % len(self.plan.goals)].title = title

    @precondition(lambda self: self.plan is not None and self.plan.matters)
    @rule(index=st.integers(0, 10))
    def drop_statement(self, index: int) -> None:
        del self.plan.matters[index % len(self.plan.matters)]

    @precondition(lambda self: self.plan is not None)
    @rule(statement=statements)
    def add_statement(self, statement: Statement) -> None:
        self.plan.matters.append(statement)

    @precondition(lambda self: self.plan is not None)
    @rule(checkin=checkins, review=days)
    def check_in(self, checkin: CheckIn, review: date | None) -> None:
        self.plan.checkin = checkin
        self.plan.next_review = review

    @precondition(lambda self: self.plan is not None)
    @rule(question=anything)
    def ask(self, question: str) -> None:
        if not self.plan.treatment_decisions:
            self.plan.treatment_decisions.append(TreatmentDecision())
        self.plan.treatment_decisions[-1].questions.append(question)

    @precondition(lambda self: self.plan is not None)
    @rule()
    def keep_draft(self) -> None:
        self.opened.keep_draft(self.plan)
        self.draft = copy.deepcopy(self.plan)

    @precondition(lambda self: self.plan is not None)
    @rule(who=anything)
    def save_version(self, who: str) -> None:
        info = self.opened.save_version(self.plan, saved_by=who)
        self.saved[info.number] = copy.deepcopy(self.plan)  # the plan as saved (tidied in place)
        self.draft = None
        assert info.number == len(self.saved)

    @precondition(lambda self: self.plan is not None)
    @rule()
    def close_and_reopen(self) -> None:
        self.opened.close()
        self.opened = Store(self.folder).open_plan(self.opened.id)

    @invariant()
    def latest_is_as_saved(self) -> None:
        if self.saved:
            assert self.opened.load() == self.saved[max(self.saved)]

    def teardown(self) -> None:
        try:
            if self.opened is not None:
                plan_id = self.opened.id
                self.opened.close()
                with Store(self.folder).open_plan(plan_id, write=False) as reopened:
                    assert [info.number for info in reopened.versions()] == sorted(self.saved)
                    for number, plan in self.saved.items():
                        assert reopened.load(number) == plan
                    draft = reopened.draft()
                    assert (draft.plan if draft else None) == self.draft
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


EditingAPlan.TestCase.settings = settings(max_examples=50, stateful_step_count=12, deadline=None)
test_any_sequence_of_edits_and_saves_keeps_every_version = EditingAPlan.TestCase
