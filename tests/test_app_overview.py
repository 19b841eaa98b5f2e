"""The plan at a glance (careplan.overview): the words on the plan's home and where each part last changed."""

from __future__ import annotations

from careplan import overview
from careplan.model import About, CarePlan, Goal, Participant, Statement, TeamMember, View
from careplan.store import Store


def test_each_part_is_placed_in_the_version_it_last_changed_in(store: Store) -> None:
    plan = CarePlan(about=About(name="Ruth Okafor"))
    with store.create_plan(plan) as plan_file:
        plan_file.save_version(plan, saved_by="Priya")
        plan.matters.append(Statement(text="The coast", kind="hope"))
        plan_file.save_version(plan, saved_by="Priya")
        plan.goals.append(Goal(title="Walk to the harbour"))
        plan_file.save_version(plan, saved_by="Priya")
        plan_file.save_version(plan, saved_by="Priya", note="nothing changed")
        changed_in = overview.last_changed(plan_file)
    assert changed_in == {
        "about": 1,
        "matters": 2,
        "goals": 3,
        "checkin": None,
        "modifications": None,
        "treatment_decisions": None,
        "team": None,
        "advance_care": None,
    }


def test_a_plan_never_saved_has_no_history(store: Store) -> None:
    with store.create_plan(CarePlan(about=About(name="Ruth Okafor"))) as plan_file:
        assert set(overview.last_changed(plan_file).values()) == {None}


def test_sections_in_a_few_words() -> None:
    plan = CarePlan(
        about=About(
            name="Ruth Okafor", preferred_name="Ruthie", participants=[Participant(name="Sam")]
        ),
        matters=[
            Statement(text="The coast", kind="hope"),
            Statement(
                text="Pain at night", kind="worry", other_views=[View(text="It is better now")]
            ),
            Statement(text="The garden", kind="hope"),
        ],
        goals=[Goal(title="Walk to the harbour"), Goal(title="Run", status="adapted")],
    )
    assert overview.section_summary(plan, "about") == "Ruth Okafor (Ruthie) · 1 person taking part"
    assert (
        overview.section_summary(plan, "matters")
        == "3 things: 2 hopes, 1 worry · 1 with another view"
    )
    assert (
        overview.section_summary(plan, "goals")
        == "1 active goal, 1 adapted · first: Walk to the harbour"
    )
    assert overview.section_summary(plan, "team") == "nobody added yet"
    assert (
        overview.section_summary(plan, "treatment_decisions")
        == "none planned (only if one is wanted)"
    )
    assert overview.section_summary(plan, "advance_care") == (
        "nothing written yet (only when they are ready)"
    )
    assert overview.not_started(plan) == ["checkin", "modifications", "team", "advance_care"]


def test_the_team_counts_people_and_helplines_or_groups_apart() -> None:
    plan = CarePlan(
        team=[
            TeamMember(name="Tom", role="family"),
            TeamMember(name="Dr Rao", role="oncologist", first_contact=True),
            TeamMember(name="Macmillan Support Line", role="helpline"),
            TeamMember(name="An online group", role="support_group"),
        ]
    )
    assert overview.section_summary(plan, "team") == (
        "2 people, 2 helplines or groups · first contact: Dr Rao"
    )
    only_lines = CarePlan(team=[TeamMember(name="Samaritans", role="helpline")])
    assert overview.section_summary(only_lines, "team") == "1 helpline or group"
