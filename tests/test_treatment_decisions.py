"""Treatment decisions over time: a list of worksheets (pauses, stopping), older plans' one
worksheet brought in as the first decision, and each one kept readable once it has ended."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest

from careplan import locations, migrations, plan_objects
from careplan.cli import main
from careplan.codec import to_dict
from careplan.diff import compare
from careplan.model import CarePlan, TreatmentDecision
from careplan.plan_json import loads
from careplan.store import Store
from careplan.tinydb_storage import encode
from careplan.validation import problems, without_blank_rows
from tests.storage_helpers import full_plan

WHEN = datetime(2026, 5, 1, 10, 0, tzinfo=UTC)


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]):
    """Run the command line in-process on the test's data folder: (exit code, stdout, stderr)."""

    def run(*argv: str) -> tuple[int, str, str]:
        code = main(list(argv))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


OLD_PAUSE = {
    "kind": "event",
    "event": "Our daughter's wedding",
    "starts_on": "2026-06-01",
    "ends_on": "2026-06-21",
    "current_treatment": "Chemotherapy every three weeks",
    "team_said": "",
    "hopes": "To have the energy to dance at the wedding, and to enjoy the day with everyone there.",
    "fears": "",
    "questions": ["Can I restart straight after the wedding?"],
    "warning_signs": ["A temperature of 38C or more"],
    "who_to_call": "The chemo unit's 24-hour line",
    "status": "on_break",
    "look_again_on": None,
}
UNSTARTED = {
    "kind": None,
    "event": "",
    "starts_on": None,
    "ends_on": None,
    "current_treatment": "",
    "team_said": "",
    "hopes": "",
    "fears": "",
    "questions": [],
    "warning_signs": [],
    "who_to_call": "",
    "status": None,
    "look_again_on": None,
}


def old_plan_file(store: Store, worksheets: list[dict]) -> str:
    """A plan file as careplan wrote it before decisions (schema 1): one version per worksheet,
    each holding its one "treatment_break" section, stored in pieces as that careplan did."""
    plan = full_plan()
    plan.treatment_decisions = []
    with store.create_plan(plan) as opened:
        for number in range(len(worksheets)):
            plan.checkin.note = f"note {number + 1}"
            opened.save_version(plan, saved_by="Ann", when=WHEN)
        plan_id = opened.id
    path = locations.plan_file(store.root, plan_id)
    data = json.loads(path.read_bytes())
    added: dict = {}
    for record, worksheet in zip(data["versions"].values(), worksheets, strict=True):
        node = {}
        for name, value in worksheet.items():
            if isinstance(value, str) and len(value) > plan_objects.LONG:
                added[plan_objects.object_key(value)] = value
                node["&" + name] = plan_objects.object_key(value)
            else:
                node[name] = value
        added[plan_objects.object_key(node)] = node
        record["s"] = {
            ("treatment_break" if name == "treatment_decisions" else name): key
            for name, key in record["s"].items()
        }
        record["s"]["treatment_break"] = plan_objects.object_key(node)
    data["objects"][str(len(data["objects"]) + 1)] = {"h": "old", "d": added}
    next(iter(data["_meta"].values()))["schema"] = 1
    path.write_bytes(encode(data))
    return plan_id


# --- the model ------------------------------------------------------------------------------


def test_a_pause_that_ends_is_an_earlier_decision_and_stopping_is_where_treatment_stands() -> None:
    pause = TreatmentDecision(kind="event", event="Wedding", status="on_break")
    plan = CarePlan(treatment_decisions=[pause])
    assert plan.current_decision is pause and plan.earlier_decisions == []
    pause.status = "resumed"
    assert plan.current_decision is None and plan.earlier_decisions == [pause]
    stop = TreatmentDecision(kind="stop", status="stopped", support=["palliative_care"])
    plan.treatment_decisions.append(stop)
    assert plan.current_decision is stop  # stopping that has happened has not "ended"
    assert plan.earlier_decisions == [pause]
    assert plan.decision(stop.id) is stop


def test_a_decision_nobody_started_is_not_saved_and_two_with_one_id_are_a_problem() -> None:
    plan = full_plan()
    plan.treatment_decisions.append(TreatmentDecision())
    assert len(without_blank_rows(plan).treatment_decisions) == 1
    plan.treatment_decisions.append(TreatmentDecision(kind="stop", id="d-wedding"))
    assert problems(plan) == {"treatment_decisions[2].id": "Two decisions have the same id"}


def test_support_that_goes_on_is_one_of_its_choices() -> None:
    plan = full_plan()
    plan.treatment_decisions.append(TreatmentDecision(kind="stop", support=["massage"]))
    assert list(problems(plan)) == ["treatment_decisions[1].support[0]"]


def test_the_diff_names_a_new_decision_and_the_end_of_a_pause() -> None:
    before = full_plan()
    after = full_plan()
    after.treatment_decisions[0].status = "resumed"
    after.treatment_decisions.append(TreatmentDecision(kind="stop", id="d-stop"))
    texts = [change.text for change in compare(before, after).changes]
    assert 'A pause for an event ("Granddaughter\'s wedding"): not set → Resumed' in texts
    assert "A new decision: stopping treatment" in texts


# --- older plans --------------------------------------------------------------------------------


def test_an_older_plans_worksheet_becomes_its_first_decision_in_every_version(
    store: Store,
) -> None:
    resumed = {**OLD_PAUSE, "status": "resumed"}
    plan_id = old_plan_file(store, [UNSTARTED, OLD_PAUSE, resumed])
    with store.open_plan(plan_id, write=False) as opened:
        assert opened.load(1).treatment_decisions == []  # nobody had started it: no decision
        (first,) = opened.load(2).treatment_decisions
        assert first.kind == "event" and first.event == "Our daughter's wedding"
        assert first.starts_on == date(2026, 6, 1) and first.ends_on == date(2026, 6, 21)
        assert first.hopes == OLD_PAUSE["hopes"]
        assert first.questions == ["Can I restart straight after the wedding?"]
        assert first.support == [] and first.support_words == ""
        (later,) = opened.load(3).treatment_decisions
        assert later.id == first.id  # the same decision from version to version
        texts = [change.text for change in compare(opened.load(2), opened.load(3)).changes]
        assert texts == ['A pause for an event ("Our daughter\'s wedding"): On a break → Resumed']
        assert opened.load_section("treatment_decisions", 3) == [later]


def test_a_migrated_plan_saved_again_round_trips_and_is_not_migrated_twice(store: Store) -> None:
    plan_id = old_plan_file(store, [OLD_PAUSE])
    with store.open_plan(plan_id) as opened:
        plan = opened.load()
        plan.treatment_decisions[0].status = "resumed"
        plan.treatment_decisions.append(
            TreatmentDecision(
                kind="stop",
                hopes="Time at home without the sickness",
                support=["palliative_care", "hospice"],
                support_words="The district nurses twice a week",
                status="stopped",
                id="d-stop",
            )
        )
        opened.save_version(plan, saved_by="Ann", when=WHEN)
    data = json.loads(locations.plan_file(store.root, plan_id).read_bytes())
    assert next(iter(data["_meta"].values()))["schema"] == migrations.SCHEMA_VERSION
    with store.open_plan(plan_id, write=False) as reopened:
        assert to_dict(reopened.load(2)) == to_dict(plan)
        assert reopened.load(1).treatment_decisions[0].status == "on_break"


def test_an_old_draft_and_an_old_json_export_bring_their_worksheet_in_as_a_decision(
    store: Store,
) -> None:
    plan_data = {**to_dict(full_plan()), "treatment_break": OLD_PAUSE}
    del plan_data["treatment_decisions"]
    document = {"format": "careplan-plan", "format_version": 1, "plan": plan_data}
    _, plan = loads(json.dumps(document))
    (decision,) = plan.treatment_decisions
    assert decision.event == "Our daughter's wedding" and decision.status == "on_break"

    with store.create_plan(full_plan()) as opened:
        opened.save_version(full_plan(), saved_by="Ann", when=WHEN)
        opened.keep_draft(full_plan(), based_on=1)
        draft_path = locations.draft_file(store.root, opened.id)
        draft = json.loads(draft_path.read_bytes())
        draft["schema"] = 1
        draft["plan"] = {**plan_data, "treatment_break": UNSTARTED}
        draft_path.write_bytes(json.dumps(draft).encode())
        plan_id = opened.id
    with store.open_plan(plan_id) as opened:
        kept = opened.draft()
        assert kept is not None and kept.plan.treatment_decisions == []


@pytest.mark.parametrize("worksheet", [UNSTARTED, {**UNSTARTED, "fears": "x"}])
def test_a_worksheet_becomes_a_decision_only_when_something_was_written(worksheet) -> None:
    assert len(migrations.decisions_from_worksheet(worksheet)) == (worksheet != UNSTARTED)


# --- on screen: the list of decisions, a new one, the questions it may bring -----------------


async def test_a_new_decision_starts_fresh_and_brings_only_the_questions_chosen(
    store: Store, open_app
) -> None:
    from careplan.screens.treatment_break import DecisionScreen
    from careplan.screens.treatment_decisions import CopyQuestionsScreen, TreatmentDecisionsScreen
    from careplan.screens.widgets.confirm import ChoiceScreen
    from tests.pilot_helpers import add_plan, draft_plan, settle

    plan = full_plan()
    wedding = plan.treatment_decisions[0]
    wedding.status = "resumed"
    wedding.questions = ["Can I restart straight after the wedding?", "Is it safe?"]
    plan_id = add_plan(store, plan=plan)
    async with open_app() as pilot:
        app = pilot.app
        await pilot.press("6")  # the sixth part: treatment decisions
        await settle(pilot)
        listed = app.screen
        assert isinstance(listed, TreatmentDecisionsScreen)
        lines = [
            str(listed.query_one("#decisions").get_option_at_index(index).prompt)
            for index in range(listed.query_one("#decisions").option_count)
        ]
        assert lines[0] == "Earlier decisions"
        assert lines[1].strip().startswith("A pause for an event: Granddaughter's wedding")

        await pilot.click("#new-decision")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.click("#answer-stop")
        await settle(pilot)
        assert isinstance(app.screen, CopyQuestionsScreen)
        await pilot.press("down", "space")  # tick the second question only
        await pilot.click("#copy-ticked")
        await settle(pilot)
        worksheet = app.screen
        assert isinstance(worksheet, DecisionScreen)

        earlier, stop = draft_plan(store, plan_id).treatment_decisions
        assert earlier == wedding  # the earlier one is kept whole
        assert stop.kind == "stop" and stop.questions == ["Is it safe?"]
        assert stop.hopes == "" and stop.warning_signs == []  # otherwise fresh

        await pilot.press("escape")
        await settle(pilot)
        listed = app.screen
        decisions_list = listed.query_one("#decisions")
        first = str(decisions_list.get_option_at_index(0).prompt)
        assert first.startswith("Stopping treatment")
        assert str(decisions_list.get_option_at_index(1).prompt) == "Earlier decisions"


async def test_starting_a_new_decision_can_be_left_with_nothing_added(
    store: Store, open_app
) -> None:
    from tests.pilot_helpers import add_plan, settle

    plan_id = add_plan(store, plan=full_plan())
    async with open_app() as pilot:
        await pilot.press("6")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        await pilot.click("#answer-recover")
        await settle(pilot)
        await pilot.press("escape")  # the questions' dialog: Esc starts nothing
        await settle(pilot)
        assert len(pilot.app.working.plan.treatment_decisions) == 1
    with store.open_plan(plan_id, write=False) as opened:
        draft = opened.draft()
        assert draft is None or len(draft.plan.treatment_decisions) == 1


# --- the command line's exports -------------------------------------------------------------


def test_the_snapshot_shows_the_decision_standing_now_then_the_earlier_ones_whole(
    cli, store: Store
) -> None:
    from careplan.demo import build_demo

    plan_id = build_demo(store)
    code, out, err = cli("export", plan_id)
    assert code == 0, err
    part = out.split("## Treatment decisions\n", 1)[1].split("\n## ", 1)[0]
    now, earlier = part.split("### Earlier decisions\n")
    assert now.strip().startswith("### Stopping treatment")
    assert "**What we hope stopping brings:**" in now
    assert "**Support that goes on:** Palliative care, Symptom control, Sue every week" in now
    assert "break" not in now.lower()  # stopping never calls itself a break
    assert "**A pause for an event: Jess's wedding on 22 August**" in earlier
    assert "**Where things stand:** Resumed" in earlier
    assert "Would missing a cycle or two change how well the treatment works?" in earlier

    code, summary, err = cli("export", plan_id, "--summary")
    assert code == 0, err
    stands = summary.split("## Where treatment stands\n", 1)[1]
    assert "**Stopping treatment:** Agreed" in stands and "Resumed" not in stands


def test_a_decisions_date_is_typed_into_that_decision_and_waits_by_its_own_key() -> None:
    from careplan import date_fields
    from careplan.drafts import DraftExtra

    plan = full_plan()
    plan.treatment_decisions.append(TreatmentDecision(kind="stop", id="d-stop"))
    extra = DraftExtra()
    key = date_fields.decision_date_key("d-stop", "starts_on")
    assert date_fields.take_typed(plan, extra, key, "9 Nov 2026")
    assert plan.decision("d-stop").starts_on == date(2026, 11, 9)
    assert plan.decision("d-wedding").starts_on is None  # the other decision is untouched
    date_fields.take_typed(plan, extra, key, "30 February")
    (waiting,) = date_fields.waiting_dates(extra)
    assert waiting.key == key and waiting.field.section == "treatment_decisions"
    assert waiting.problem and plan.decision("d-stop").starts_on == date(2026, 11, 9)


def test_an_older_plans_pause_keeps_its_calendar_uids_after_it_becomes_a_decision(
    store: Store,
) -> None:
    import uuid

    from icalendar import Calendar

    from careplan.ics_export import ics_calendar

    plan_id = old_plan_file(store, [OLD_PAUSE])
    with store.open_plan(plan_id, write=False) as opened:
        events = Calendar.from_ical(ics_calendar(opened, 1)).walk("VEVENT")
    starts = next(
        event for event in events if str(event["SUMMARY"]).startswith("Treatment break starts")
    )
    # the UID careplan gave this date when the plan had one worksheet: the calendar moves it
    assert (
        str(starts["UID"])
        == f"{uuid.uuid5(uuid.NAMESPACE_URL, f'careplan:{plan_id}:break-starts')}@careplan"
    )


async def test_reviews_go_to_for_a_decisions_date_opens_that_decisions_worksheet(
    store: Store, open_app
) -> None:
    from textual.widgets import Button, Input

    from careplan.drafts import DraftExtra
    from careplan.screens.treatment_break import DecisionScreen
    from tests.pilot_helpers import add_plan, settle

    plan = full_plan()
    plan_id = add_plan(store, plan=plan)
    key = "treatment_decisions.d-wedding.ends_on"
    with store.open_plan(plan_id) as opened:
        opened.keep_draft(plan, extra=DraftExtra(typed_dates={key: "30 February"}))
    async with open_app() as pilot:
        app = pilot.app
        await pilot.press("ctrl+s")  # to Review and save
        await settle(pilot)
        app.screen.query_one("#saved-by", Input).value = "Priya"
        await pilot.press("ctrl+s")  # not saved: the date waits, with a way to it
        await settle(pilot)
        button = app.screen.query_one(".date-fix-button", Button)
        assert str(button.label) == "Go to Treatment decisions"
        await pilot.click(".date-fix-button")
        await settle(pilot)
        worksheet = app.screen
        assert isinstance(worksheet, DecisionScreen) and worksheet.decision_id == "d-wedding"
        assert app.focused is worksheet.query_one("#ends_on .date-input")
        assert app.focused.value == "30 February"  # what was typed, waiting to be put right


def test_where_treatment_stands_comes_from_the_latest_decision_still_current(
    store: Store,
) -> None:
    from careplan.summary_export import render_summary
    from tests.pilot_helpers import add_plan

    def stands(plan: CarePlan) -> str:
        plan_id = add_plan(store, plan=plan)
        with store.open_plan(plan_id, write=False) as opened:
            summary = render_summary(opened, 1)
        return summary.split("## Where treatment stands\n", 1)[1]

    plan = full_plan()
    plan.treatment_decisions[0].status = "resumed"
    assert "Resumed" in stands(plan)  # every decision has ended: the last still says so
    plan.treatment_decisions.append(TreatmentDecision(kind="stop", status="thinking", id="d2"))
    plan.treatment_decisions.append(TreatmentDecision(kind="recover", status="resumed", id="d3"))
    said = stands(plan)
    assert "**Stopping treatment:** Thinking about it" in said and "Resumed" not in said
