"""The plan's model and what must be true of it before a version is saved: problems(), field by field."""

from __future__ import annotations

import typing
from datetime import date

import pytest

from careplan import vocab
from careplan.codec import from_dict
from careplan.errors import InvalidPlanFile, ValidationError
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
from careplan.validation import MAX_TEXT, check, problems
from tests.storage_helpers import full_plan


def only_problem(plan: CarePlan) -> tuple[str, str]:
    found = problems(plan)
    assert len(found) == 1, found
    return next(iter(found.items()))


def test_a_full_plan_has_no_problems() -> None:
    assert problems(full_plan()) == {}
    check(full_plan())  # does not raise


def test_an_empty_plan_needs_only_the_persons_name() -> None:
    assert problems(CarePlan()) == {"about.name": "The person's name is needed"}


@pytest.mark.parametrize("name", ["", "   ", "\t\n", "\x00\x1b"])
def test_a_name_that_is_empty_or_only_spaces_or_invisible_is_needed(name: str) -> None:
    plan = full_plan()
    plan.about.name = name
    assert only_problem(plan) == ("about.name", "The person's name is needed")


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        (
            lambda p: p.about.participants.append(Participant(name=" ")),
            "about.participants[1].name",
            "A name is needed",
        ),
        (
            lambda p: p.about.participants.append(Participant(name="Jo", role="boss")),
            "about.participants[1].role",
            '"boss" is not one of',
        ),
        (lambda p: p.matters.append(Statement(text="")), "matters[1].text", "Some text is needed"),
        (
            lambda p: p.matters.append(Statement(text="x", kind="wish")),
            "matters[1].kind",
            '"wish" is not one of',
        ),
        (
            lambda p: p.matters.append(Statement(text="x", voice="doctor")),
            "matters[1].voice",
            '"doctor" is not one of',
        ),
        (
            lambda p: p.matters[0].other_views.append(View(voice="nobody", text="x")),
            "matters[0].other_views[1].voice",
            "not one of",
        ),
        (lambda p: p.goals.append(Goal(title=" ")), "goals[1].title", "A goal is needed"),
        (
            lambda p: p.goals.append(Goal(title="x", category="fun")),
            "goals[1].category",
            '"fun" is not one of',
        ),
        (
            lambda p: p.goals.append(Goal(title="x", status="done")),
            "goals[1].status",
            '"done" is not one of',
        ),
        (lambda p: p.goals.append(Goal(title="x", voice="")), "goals[1].voice", "not one of"),
        (
            lambda p: p.goals.append(Goal(title="x", other_views=[View(voice="?")])),
            "goals[1].other_views[0].voice",
            "not one of",
        ),
        (
            lambda p: p.goals.append(Goal(title="x", adapted_from="gone")),
            "goals[1].adapted_from",
            "is missing",
        ),
        (
            lambda p: p.modifications.append(Modification(before=" ", now="")),
            "modifications[1].now",
            "used to do",
        ),
        (
            lambda p: p.modifications.append(Modification(now="x", area="space")),
            "modifications[1].area",
            "not one of",
        ),
        (
            lambda p: p.modifications.append(Modification(now="x", status="?")),
            "modifications[1].status",
            "not one of",
        ),
        (
            lambda p: p.modifications.append(Modification(now="x", voice="?")),
            "modifications[1].voice",
            "not one of",
        ),
        (
            lambda p: setattr(p.treatment_decisions[0], "kind", "holiday"),
            "treatment_decisions[0].kind",
            "not one of",
        ),
        (
            lambda p: setattr(p.treatment_decisions[0], "status", "maybe"),
            "treatment_decisions[0].status",
            "not one of",
        ),
        (
            lambda p: (
                setattr(p.treatment_decisions[0], "starts_on", date(2026, 5, 2)),
                setattr(p.treatment_decisions[0], "ends_on", date(2026, 5, 1)),
            ),
            "treatment_decisions[0].ends_on",
            "before the start date",
        ),
        (lambda p: p.team.append(TeamMember(name="")), "team[1].name", "A name is needed"),
        (
            lambda p: p.team.append(TeamMember(name="x", role="wizard")),
            "team[1].role",
            "not one of",
        ),
        (
            lambda p: p.team.append(TeamMember(name="x", role="custom")),
            "team[1].custom_role",
            "The role's name is needed",
        ),
        (
            lambda p: p.team.append(TeamMember(name="x", first_contact=True)),
            "team",
            "Only one person",
        ),
        (lambda p: setattr(p.checkin, "function_level", 75), "checkin.function_level", "0, 10, 20"),
        (lambda p: p.checkin.symptoms.update(itch=3), "checkin.symptoms.itch", "nine symptoms"),
        (lambda p: p.checkin.symptoms.update(pain=11), "checkin.symptoms.pain", "0 (none) to 10"),
        (lambda p: p.checkin.symptoms.update(pain=-1), "checkin.symptoms.pain", "0 (none) to 10"),
        (
            lambda p: setattr(p.checkin, "answered_by", "neighbour"),
            "checkin.answered_by",
            "not one of",
        ),
        (
            lambda p: setattr(p.goals[0], "why", "w" * (MAX_TEXT + 1)),
            "goals[0].why",
            "100,001 characters",
        ),
    ],
)
def test_each_field_has_its_own_plain_problem(change, field: str, message: str) -> None:
    plan = full_plan()
    change(plan)
    found_field, found_message = only_problem(plan)
    assert found_field == field
    assert message in found_message


def test_choices_are_checked_against_the_vocabulary_and_their_labels_are_listed() -> None:
    plan = full_plan()
    plan.goals[0].category = "fun"
    assert problems(plan)["goals[0].category"] == '"fun" is not one of: ' + ", ".join(
        vocab.GOAL_CATEGORIES.values()
    )


def test_every_choice_in_the_vocabulary_is_accepted() -> None:
    plan = full_plan()
    for kind in vocab.STATEMENT_KINDS:
        for voice in vocab.VOICES:
            plan.matters.append(Statement(text="x", kind=kind, voice=voice))
    for status in vocab.GOAL_STATUSES:
        for category in vocab.GOAL_CATEGORIES:
            plan.goals.append(Goal(title="x", status=status, category=category))
    for area in vocab.MODIFICATION_AREAS:
        for status in vocab.MODIFICATION_STATUSES:
            plan.modifications.append(Modification(area=area, status=status, now="x"))
    for role in vocab.TEAM_ROLES:
        plan.team.append(TeamMember(name="x", role=role, custom_role="Chaplain"))
    for level in vocab.FUNCTION_LEVELS:
        plan.checkin.function_level = level
        assert problems(plan) == {}
    plan.checkin.symptoms = {symptom: 10 for symptom in vocab.SYMPTOMS}
    for kind in vocab.ALL_DECISION_KINDS:
        for status in vocab.DECISION_STATUSES:
            plan.treatment_decisions = [
                TreatmentDecision(kind=kind, status=status, support=list(vocab.SUPPORTS))
            ]
            assert problems(plan) == {}


def test_a_treatment_break_may_start_and_end_on_the_same_day() -> None:
    plan = full_plan()
    pause = plan.treatment_decisions[0]
    pause.starts_on = pause.ends_on = date(2026, 6, 1)
    assert problems(plan) == {}


def test_goals_adapted_from_each_other_in_a_circle_are_refused() -> None:
    plan = full_plan()
    first, second = (
        Goal(title="a", id="g1", adapted_from="g2"),
        Goal(title="b", id="g2", adapted_from="g1"),
    )
    plan.goals = [first, second]
    found = problems(plan)
    assert (
        found["goals[0].adapted_from"]
        == found["goals[1].adapted_from"]
        == "the goals it grew out of go round in a circle"
    )
    plan.goals = [Goal(title="me", id="g1", adapted_from="g1")]
    assert "goals[0].adapted_from" in problems(plan)


def test_a_chain_of_adapted_goals_is_fine() -> None:
    plan = full_plan()
    plan.goals = [
        Goal(title="a", id="g1", status="adapted"),
        Goal(title="b", id="g2", adapted_from="g1"),
    ]
    assert problems(plan) == {}


def test_check_raises_one_error_listing_every_problem() -> None:
    plan = CarePlan(goals=[Goal(title="")])
    with pytest.raises(ValidationError) as raised:
        check(plan)
    assert raised.value.problems == {
        "about.name": "The person's name is needed",
        "goals[0].title": "A goal is needed",
    }
    assert str(raised.value).startswith(
        "Some things need a look before saving: about.name: The person's name is needed"
    )


# --- the model's own small helpers -------------------------------------------------------------


def test_the_person_is_called_by_their_preferred_name_when_there_is_one() -> None:
    assert About(name="Margaret Jones", preferred_name=" Peggy ").called == "Peggy"
    assert About(name=" Margaret Jones ", preferred_name="  ").called == "Margaret Jones"
    assert CarePlan(about=About(name="  Margaret  ")).person == "Margaret"


def test_a_team_members_role_reads_plainly_and_a_custom_role_uses_its_own_name() -> None:
    assert TeamMember(role="gp").role_label == "GP or family doctor"
    assert TeamMember(role="custom", custom_role=" Chaplain ").role_label == "Chaplain"
    assert TeamMember(role="custom").role_label == "Other role"
    assert TeamMember(role="astrologer").role_label == "astrologer"  # an unknown id never crashes


def test_goal_lookup_and_first_contact() -> None:
    plan = full_plan()
    assert plan.goal(plan.goals[0].id) is plan.goals[0]
    assert plan.goal("nope") is None
    assert plan.first_contact is plan.team[0]
    assert CarePlan().first_contact is None


def test_a_treatment_decision_counts_as_started_once_anything_is_written() -> None:
    assert not TreatmentDecision().started
    assert TreatmentDecision(hopes="a quiet month").started
    assert TreatmentDecision(kind="stop").started


def test_new_items_get_distinct_ids_and_views_default_to_the_caregiver() -> None:
    assert len({Goal().id for _ in range(200)}) == 200
    assert View().voice == "caregiver"
    assert CheckIn().symptoms == {} and CheckIn().symptoms is not CheckIn().symptoms


# --- choice fields are typed with their lists' ids ---------------------------------------------

TYPED_CHOICES = [
    (vocab.Voice, vocab.VOICES),
    (vocab.ParticipantRole, vocab.PARTICIPANT_ROLES),
    (vocab.StatementKind, vocab.STATEMENT_KINDS),
    (vocab.GoalCategory, vocab.GOAL_CATEGORIES),
    (vocab.GoalStatus, vocab.GOAL_STATUSES),
    (vocab.ModificationArea, vocab.MODIFICATION_AREAS),
    (vocab.ModificationStatus, vocab.MODIFICATION_STATUSES),
    (vocab.DecisionKind, vocab.ALL_DECISION_KINDS),
    (vocab.DecisionStatus, vocab.DECISION_STATUSES),
    (vocab.Support, vocab.SUPPORTS),
    (vocab.TeamRole, vocab.TEAM_ROLES),
]


@pytest.mark.parametrize(("kind", "choices"), TYPED_CHOICES)
def test_each_choice_type_names_exactly_the_ids_its_list_offers(kind, choices) -> None:
    assert list(typing.get_args(kind)) == list(choices)


def test_a_choice_read_from_a_file_that_is_not_in_its_list_still_loads_and_is_named() -> None:
    # A plan from a newer careplan, or edited by hand, opens and says what is odd; nothing dropped.
    plan = from_dict(
        CarePlan, {"about": {"name": "Ann"}, "goals": [{"title": "Walk", "status": "paused"}]}
    )
    assert plan.goals[0].status == "paused"
    assert problems(plan) == {
        "goals[0].status": '"paused" is not one of: Active, Achieved, Adapted, Let go'
    }


def test_a_choice_that_is_not_text_is_refused_naming_the_field() -> None:
    with pytest.raises(InvalidPlanFile, match=r"goals\[0\]\.status"):
        from_dict(CarePlan, {"about": {"name": "Ann"}, "goals": [{"title": "Walk", "status": 3}]})


def test_one_of_takes_an_id_from_the_list_and_refuses_anything_else() -> None:
    assert vocab.one_of("let_go", vocab.GOAL_STATUSES) == "let_go"
    with pytest.raises(ValueError):
        vocab.one_of("paused", vocab.GOAL_STATUSES)
    assert vocab.choice_or("shouting", vocab.VOICES, "together") == "together"
