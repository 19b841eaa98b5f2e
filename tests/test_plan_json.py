"""The JSON export/import format: its shape, a lossless round trip, and plain messages for bad files."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careplan import vocab
from careplan.codec import to_dict
from careplan.demo import build_demo
from careplan.errors import CarePlanError, InvalidPlanFile, ValidationError
from careplan.model import (
    About,
    CarePlan,
    CheckIn,
    Goal,
    Modification,
    Statement,
    TeamMember,
    TreatmentDecision,
    View,
)
from careplan.partial_dates import PartialDate
from careplan.plan_json import FORMAT, dumps, loads, plan_from_json, plan_to_json
from careplan.store import Store
from careplan.validation import has_visible_character


def test_document_shape(store: Store) -> None:
    plan_id = build_demo(store)
    with store.open_plan(plan_id, write=False) as plan_file:
        document = plan_to_json(plan_file, 2)
        info = plan_file.version(2)
        assert document == {
            "format": "careplan-plan",
            "format_version": 2,
            "id": plan_id,
            "version": 2,
            "saved_at": info.saved_at.isoformat(),
            "session_date": "2026-05-20",
            "saved_by": info.saved_by,
            "note": info.note,
            "plan": to_dict(plan_file.load(2)),
        }
        assert plan_to_json(plan_file)["version"] == plan_file.latest


def test_every_demo_version_round_trips(store: Store) -> None:
    plan_id = build_demo(store)
    with store.open_plan(plan_id, write=False) as plan_file:
        for info in plan_file.versions():
            assert loads(dumps(plan_to_json(plan_file, info.number))) == (
                plan_id,
                plan_file.load(info.number),
            )


def test_a_plan_never_saved_cannot_be_exported(store: Store) -> None:
    with (
        store.create_plan(CarePlan(about=About(name="Sam Jones"))) as plan_file,
        pytest.raises(CarePlanError, match="no saved version"),
    ):
        plan_to_json(plan_file)


def test_dumps_escapes_characters_that_drive_a_terminal() -> None:
    text = dumps({"note": "caf\u00e9 \x1b[2J \x9b31m \x7f"})
    assert "caf\u00e9" in text
    assert not any(char in text for char in "\x1b\x9b\x7f")
    assert json.loads(text) == {"note": "caf\u00e9 \x1b[2J \x9b31m \x7f"}


def _document(**changes) -> dict:
    return {
        "format": FORMAT,
        "format_version": 1,
        "id": None,
        "plan": {"about": {"name": "Ann"}},
        **changes,
    }


def test_a_document_without_an_id_is_a_new_plan() -> None:
    assert plan_from_json(_document()) == (None, CarePlan(about=About(name="Ann")))


@pytest.mark.parametrize(
    "data, message",
    [
        ([], "should hold a JSON object"),
        ({"plan": {}}, "is not a careplan plan"),
        (_document(format_version="1"), "format_version: should be a whole number"),
        (_document(format_version=True), "format_version: should be a whole number"),
        (_document(format_version=3), "newer careplan"),
        (_document(format_version=0), "not a format version"),
        (_document(id="Has Spaces"), "id: should be a plan id"),
        (_document(id=7), "id: should be a plan id"),
        ({"format": FORMAT, "format_version": 1}, 'has no "plan"'),
        (_document(plan=[]), "plan: should be a group of fields"),
        (
            _document(plan={"about": {"name": "Ann"}, "next_review": "2026-02-30"}),
            'plan.next_review: "2026-02-30" is not a date',
        ),
        (
            _document(plan={"about": {"name": "Ann"}, "checkin": {"symptoms": {"pain": "bad"}}}),
            "plan.checkin.symptoms.pain: should be a whole number",
        ),
    ],
)
def test_bad_documents_name_the_problem(data, message: str) -> None:
    with pytest.raises(InvalidPlanFile) as raised:
        plan_from_json(data)
    assert message in str(raised.value)


def test_a_plan_that_could_not_be_saved_is_refused() -> None:
    with pytest.raises(ValidationError) as raised:
        plan_from_json(
            _document(
                plan={"about": {"name": ""}, "goals": [{"title": "Walk", "status": "sideways"}]}
            )
        )
    assert set(raised.value.problems) == {"about.name", "goals[0].status"}


def test_text_that_is_not_json() -> None:
    with pytest.raises(InvalidPlanFile, match="not valid JSON .line 1"):
        loads("{nope")
    with pytest.raises(InvalidPlanFile, match="not text"):
        loads(b"\xff\xfe\xfa")
    with pytest.raises(InvalidPlanFile, match="nested too deeply"):
        loads("[" * 100_000 + "]" * 100_000)


# --- any plan the app could save comes back equal ---------------------------------------------

# Text a person could type or paste: any script, emoji, combining marks, tabs and new lines.
words = st.text(
    st.characters(exclude_categories=("Cs", "Cc"), include_characters="\n\t"), max_size=40
)
# A field a version needs shows something (a name of only invisible characters is refused).
named = words.filter(has_visible_character)
days = st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)))
# a birth date as given: a year, a month and year, or a day (careplan.partial_dates)
partial_days = st.one_of(
    st.none(),
    days.filter(bool).flatmap(
        lambda day: st.sampled_from(
            [PartialDate(day.year), PartialDate(day.year, day.month), PartialDate.of(day)]
        )
    ),
)
ids = st.text("abcdef0123456789", min_size=8, max_size=8)
views = st.lists(st.builds(View, voice=st.sampled_from(list(vocab.VOICES)), text=words), max_size=2)

plans = st.builds(
    CarePlan,
    about=st.builds(
        About, name=named, preferred_name=words, date_of_birth=partial_days, illness=words
    ),
    matters=st.lists(
        st.builds(
            Statement,
            text=named,
            kind=st.sampled_from(list(vocab.STATEMENT_KINDS)),
            voice=st.sampled_from(list(vocab.VOICES)),
            other_views=views,
            id=ids,
        ),
        max_size=3,
        unique_by=lambda statement: statement.id,
    ),
    goals=st.lists(
        st.builds(
            Goal,
            title=named,
            why=words,
            category=st.sampled_from(list(vocab.GOAL_CATEGORIES)),
            status=st.sampled_from(list(vocab.GOAL_STATUSES)),
            started_on=days,
            other_views=views,
            id=ids,
        ),
        max_size=3,
        unique_by=lambda goal: goal.id,
    ),
    modifications=st.lists(
        st.builds(
            Modification,
            area=st.sampled_from(list(vocab.MODIFICATION_AREAS)),
            before=named,
            now=words,
            status=st.sampled_from(list(vocab.MODIFICATION_STATUSES)),
            since=days,
            id=ids,
        ),
        max_size=3,
    ),
    treatment_decisions=st.lists(
        st.builds(
            TreatmentDecision,
            kind=st.one_of(st.none(), st.sampled_from(list(vocab.ALL_DECISION_KINDS))),
            hopes=words,
            questions=st.lists(words, max_size=2),
            support=st.lists(st.sampled_from(list(vocab.SUPPORTS)), max_size=2),
            look_again_on=days,
            decided_on=days,
            id=ids,
        ),
        max_size=2,
        unique_by=lambda one: one.id,
    ),
    team=st.lists(
        st.builds(
            TeamMember,
            name=named,
            role=st.sampled_from([r for r in vocab.TEAM_ROLES if r != "custom"]),
            tasks=st.lists(st.sampled_from(list(vocab.TASKS)), max_size=3),
            joined_on=days,
            id=ids,
        ),
        max_size=3,
    ),
    checkin=st.builds(
        CheckIn,
        function_level=st.one_of(st.none(), st.sampled_from(list(vocab.FUNCTION_LEVELS))),
        symptoms=st.dictionaries(st.sampled_from(list(vocab.SYMPTOMS)), st.integers(0, 10)),
        note=words,
    ),
    next_review=days,
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(plan=plans)
def test_any_saved_plan_survives_export_and_import(tmp_path_factory, plan: CarePlan) -> None:
    store = Store(tmp_path_factory.mktemp("data"))
    with store.create_plan(plan) as plan_file:
        plan_file.save_version(plan, saved_by="Test")
        assert loads(dumps(plan_to_json(plan_file))) == (plan_file.id, plan)
