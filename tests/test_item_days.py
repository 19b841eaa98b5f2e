"""Each lifestyle change, treatment decision and team member has one day of its own: a change's
"since", a decision's day (kept as `decided_on`, shown as "first talked about": the day its
worksheet was begun, which a decision still being thought about has too), a member's "joined
on". A new one takes the session's day, can be given another in its editor, moves with the
session day while it is new in the draft, and shows in the exports and the diff. Items saved
before these days were kept have none, and show none: no day is ever made up for them."""

from __future__ import annotations

from datetime import date, timedelta

from textual.widgets import Input

from careplan import decisions
from careplan.diff import compare
from careplan.markdown_export import render_plan
from careplan.model import About, CarePlan, Modification, TeamMember, TreatmentDecision
from careplan.screens.modification_editor import ModificationEditor
from careplan.screens.plan_home import PlanHomeScreen
from careplan.screens.team_editor import MemberEditor
from careplan.screens.treatment_break import DecisionScreen
from careplan.store import Store
from careplan.working_plan import WorkingPlan
from tests.conftest import OpenApp
from tests.pilot_helpers import add_plan, settle, shown, type_into
from tests.test_session_day_default import set_session_day_on_home

TODAY = date.today()  # the store refuses a session day after the real day of the save
EARLIER = TODAY - timedelta(days=10)
LATER_STILL = TODAY - timedelta(days=3)
OTHER_DAY = TODAY - timedelta(days=40)


def saved_plan(store: Store) -> WorkingPlan:
    """A plan saved with a change, a decision and a member from before these days were kept."""
    plan = CarePlan(
        about=About(name="Ruth Okafor"),
        modifications=[Modification(id="m-old", now="Shorter walks")],
        treatment_decisions=[TreatmentDecision(id="d-old", kind="recover")],
        team=[TeamMember(id="t-old", name="Dr Reyes", role="oncologist")],
    )
    plan_file = store.create_plan(plan)
    plan_file.save_version(plan, saved_by="Priya")
    return WorkingPlan(plan_file)


# --- the domain ------------------------------------------------------------------------------------


def test_new_items_moved_with_the_session_day_and_saved_ones_keep_none(store: Store) -> None:
    working = saved_plan(store)
    plan = working.plan
    day = working.session_day(TODAY)
    plan.modifications.append(Modification(id="m-new", now="A daily walk", since=day))
    plan.modifications.append(Modification(id="m-other", now="Naps", since=OTHER_DAY))
    decision = decisions.add_decision(plan, "stop", on=day)
    plan.team.append(TeamMember(id="t-new", name="Sue Marsh", joined_on=day))
    assert decision.decided_on == day

    working.set_session_day(EARLIER, TODAY)
    changes = {change.id: change.since for change in plan.modifications}
    assert changes == {"m-old": None, "m-new": EARLIER, "m-other": OTHER_DAY}
    assert [one.decided_on for one in plan.treatment_decisions] == [None, EARLIER]
    assert [member.joined_on for member in plan.team] == [None, EARLIER]

    working.set_session_day(LATER_STILL, TODAY)  # changed again: the new ones follow
    assert (plan.modifications[1].since, decision.decided_on, plan.team[1].joined_on) == (
        LATER_STILL,
    ) * 3
    working.file.close()


def test_a_day_given_to_an_item_saved_before_does_not_move(store: Store) -> None:
    working = saved_plan(store)
    old = working.plan.modifications[0]
    old.since = working.session_day(TODAY)  # someone gave the old change a day this session
    working.set_session_day(EARLIER, TODAY)
    assert old.since == TODAY  # it is saved already: only what is new in the draft moves
    working.file.close()


def test_a_decision_with_only_its_day_is_not_started() -> None:
    plan = CarePlan()
    decision = decisions.add_decision(plan, on=TODAY)
    assert not decision.started  # a row added and left empty, as before there were days


def test_the_days_are_kept_in_a_version(store: Store) -> None:
    working = saved_plan(store)
    working.plan.modifications[0].since = OTHER_DAY
    working.plan.team.append(TeamMember(name="Sue Marsh", joined_on=EARLIER))
    decisions.add_decision(working.plan, "stop", on=EARLIER)
    working.save_version("Priya")
    again = working.file.load()
    assert again.modifications[0].since == OTHER_DAY
    assert again.team[1].joined_on == EARLIER
    assert again.treatment_decisions[1].decided_on == EARLIER
    assert working.file.load(1).modifications[0].since is None  # the first version as it was
    working.file.close()


# --- exports and the diff --------------------------------------------------------------------------


def dated_plan() -> CarePlan:
    return CarePlan(
        about=About(name="Ruth Okafor"),
        modifications=[
            Modification(id="m-walk", before="Running", now="A daily walk", since=date(2026, 3, 12))
        ],
        treatment_decisions=[
            TreatmentDecision(
                id="d-stop", kind="stop", status="agreed", decided_on=date(2026, 11, 5)
            )
        ],
        team=[
            TeamMember(
                id="t-sue", name="Sue Marsh", role="palliative_care", joined_on=date(2026, 9, 10)
            ),
            TeamMember(id="t-tom", name="Tom Ellis", role="family"),  # from before: no day
            TeamMember(
                id="t-line",
                name="Macmillan Support Line",
                role="helpline",
                contact="0808 808 00 00",
                joined_on=date(2026, 5, 20),
            ),
        ],
    )


def test_the_snapshot_says_since_when_decided_and_joined() -> None:
    text = render_plan(dated_plan())
    assert "| A daily walk (since 12 March 2026) | " in text
    assert "- **First talked about:** 5 November 2026" in text
    assert "| On the team since |" in text
    assert "| 10 September 2026 |" in text
    assert "on the team since 20 May 2026" in text  # the helpline's line


def test_items_without_a_day_show_none() -> None:
    plan = dated_plan()
    plan.modifications[0].since = None
    plan.treatment_decisions[0].decided_on = None
    for member in plan.team:
        member.joined_on = None
    text = render_plan(plan)
    assert "since" not in text  # nothing says since when, not even a blank
    assert "First talked about" not in text
    assert "On the team since" not in text


def test_the_diff_names_the_day_of_what_is_new_and_a_day_changed() -> None:
    before = CarePlan(about=About(name="Ruth Okafor"))
    after = dated_plan()
    said = compare(before, after).to_text()
    assert '"Running" becomes "A daily walk", since 12 March 2026' in said
    assert "Sue Marsh joined the team on 10 September 2026 (Palliative care team)" in said
    assert "Tom Ellis joined the team (Family" in said  # no day: none is said
    assert (
        "A new decision: stopping treatment; agreed; first talked about on 5 November 2026" in said
    )

    moved = dated_plan()
    moved.modifications[0].since = date(2026, 3, 5)
    moved.treatment_decisions[0].decided_on = date(2026, 11, 4)
    moved.team[1].joined_on = date(2026, 4, 1)  # a day given to someone who had none
    said = compare(after, moved).to_text()
    assert 'When "A daily walk" started: moved from 12 March 2026 to 5 March 2026' in said
    assert "First talked about: moved from 5 November 2026 to 4 November 2026" in said
    assert "When Tom Ellis joined the team: 1 April 2026 (new)" in said


def test_fhir_gives_a_member_who_has_a_day_a_period_start(store: Store) -> None:
    from tests.test_fhir_and_calendar import bundle_of, resources

    plan_id = add_plan(store, plan=dated_plan())
    (team,) = resources(bundle_of(store, plan_id), "CareTeam")  # validated on the way
    periods = {one["member"]["display"]: one.get("period") for one in team["participant"]}
    assert periods["Sue Marsh"] == {"start": "2026-09-10"}
    assert periods["Tom Ellis"] is None  # no day made up


# --- on screen -------------------------------------------------------------------------------------

APP_TODAY = date(2026, 6, 1)
SESSION = date(2026, 5, 28)


async def test_a_change_added_in_the_app_is_since_the_session_day_and_can_be_given_another(
    store: Store, open_app: OpenApp
) -> None:
    add_plan(store, "Ruth Okafor")
    async with open_app(today=APP_TODAY) as pilot:
        app = pilot.app
        await set_session_day_on_home(pilot, "28 May 2026")
        await pilot.press("5")  # Lifestyle modifications
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        editor = app.screen
        assert isinstance(editor, ModificationEditor)
        assert editor.query_one("#change-since-input", Input).value == "28 May 2026"
        await type_into(pilot, "#change-now", "A daily walk")
        await pilot.press("enter")
        await settle(pilot)
        [change] = app.working.plan.modifications
        assert change.since == SESSION

        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, ModificationEditor)
        await type_into(pilot, "#change-since-input", "in 2 weeks")  # a future day: a gentle note
        assert "That is in the future" in shown(app, "#change-since .date-echo")
        await type_into(pilot, "#change-since-input", "someday")  # unreadable: said, not saved
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ModificationEditor)
        assert "someday" in shown(app, "#form-problem")
        await type_into(pilot, "#change-since-input", "20 May")  # looks back: this May
        assert "No year typed: the last one, 2026" in shown(app, "#change-since .date-echo")
        await pilot.press("enter")
        await settle(pilot)
        assert app.working.plan.modifications[0].since == date(2026, 5, 20)


async def test_a_change_saved_before_days_were_kept_shows_an_empty_since(
    store: Store, open_app: OpenApp
) -> None:
    add_plan(
        store,
        plan=CarePlan(about=About(name="Ruth Okafor"), modifications=[Modification(now="Naps")]),
    )
    async with open_app(today=APP_TODAY) as pilot:
        app = pilot.app
        await pilot.press("5")
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert app.screen.query_one("#change-since-input", Input).value == ""
        await type_into(pilot, "#change-why", "Afternoons are hard")
        await pilot.press("enter")
        await settle(pilot)
        assert app.working.plan.modifications[0].since is None  # never filled in for it


async def test_a_member_added_in_the_app_joins_on_the_session_day_and_moves_with_it(
    store: Store, open_app: OpenApp
) -> None:
    add_plan(store, "Ruth Okafor")
    async with open_app(today=APP_TODAY) as pilot:
        app = pilot.app
        await set_session_day_on_home(pilot, "28 May 2026")
        await pilot.press("7")  # Support team
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, MemberEditor)
        assert app.screen.query_one("#joined-on-input", Input).value == "28 May 2026"
        await type_into(pilot, "#name", "Jess Ellis")
        await pilot.press("ctrl+s")
        await settle(pilot)
        [jess] = app.working.plan.team
        assert jess.joined_on == SESSION
        assert "On the team since 28 May 2026" in shown(app, "#member-detail")

        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, MemberEditor)
        await type_into(pilot, "#joined-on-input", "nonsense")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, MemberEditor)  # kept open, with the reason under the field
        assert "nonsense" in shown(app, "#joined-on-problem")
        await pilot.press("escape")  # what was typed is asked about, never dropped
        await settle(pilot)
        assert not isinstance(app.screen, MemberEditor)
        await pilot.press("escape")  # "Keep writing"
        await settle(pilot)
        assert isinstance(app.screen, MemberEditor)
        await type_into(pilot, "#joined-on-input", "1 May 2026")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.working.plan.team[0].joined_on == date(2026, 5, 1)

        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, PlanHomeScreen)
        await set_session_day_on_home(pilot, "27 May 2026")
        assert app.working.plan.team[0].joined_on == date(2026, 5, 1)  # given another: stays


async def test_a_decision_started_in_the_app_is_decided_on_the_session_day(
    store: Store, open_app: OpenApp
) -> None:
    add_plan(store, "Ruth Okafor")
    async with open_app(today=APP_TODAY) as pilot:
        app = pilot.app
        await set_session_day_on_home(pilot, "28 May 2026")
        await pilot.press("6")  # Treatment decisions
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        await pilot.click("#answer-recover")
        await settle(pilot)
        worksheet = app.screen
        assert isinstance(worksheet, DecisionScreen)
        [decision] = app.working.plan.treatment_decisions
        assert decision.decided_on == SESSION
        field = worksheet.query_one("#decided_on .date-input", Input)
        assert field.value == "28 May 2026"
        await type_into(pilot, "#decided_on .date-input", "26 May 2026")
        await pilot.press("enter")
        await settle(pilot)
        assert app.working.plan.treatment_decisions[0].decided_on == date(2026, 5, 26)


def test_the_three_days_look_back_and_a_future_one_gets_a_gentle_note() -> None:
    from careplan import date_fields

    december = date(2026, 12, 2)
    for key in ("modifications.*.since", "treatment_decisions.*.decided_on", "team.*.joined_on"):
        assert date_fields.looking(key) == "back"
        assert date_fields.read_typed(key, "12 Sep", december) == date(2026, 9, 12)
        assert "in the future" in date_fields.gentle_note(key, date(2027, 1, 5), december)
        assert date_fields.gentle_note(key, date(2026, 9, 12), december) == ""
