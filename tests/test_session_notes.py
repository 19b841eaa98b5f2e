"""A facilitator's session notes are kept with the version as their own field: private to the app,
out of the version's note, `careplan history` and the family's export unless chosen."""

from __future__ import annotations

import json

import pytest
from textual.widgets import OptionList

from careplan.cli import main
from careplan.demo import SESSION_NOTES, build_demo
from careplan.history import PlanHistory
from careplan.markdown_export import render_snapshot
from careplan.model import About, CarePlan
from careplan.screens.history import HistoryScreen
from careplan.store import Store
from careplan.working_plan import WorkingPlan
from tests.pilot_helpers import SIZE, settle
from tests.screen_host import ScreenHost

PRIVATE = "asked that we not use the word 'dying'"


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]):
    def run(*argv: str) -> tuple[int, str, str]:
        code = main(list(argv))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


def plan_with_private_notes(store: Store) -> str:
    plan = CarePlan(about=About(name="Dana Reyes"))
    with store.create_plan(plan) as plan_file:
        plan_file.save_version(plan, saved_by="Priya", note="First visit", session_notes=PRIVATE)
        return plan_file.id


def test_session_notes_are_kept_with_the_version_and_not_in_its_note(store: Store) -> None:
    plan_id = plan_with_private_notes(store)
    with store.open_plan(plan_id, write=False) as plan_file:
        info = plan_file.version(1)
        assert info.session_notes == PRIVATE
        assert info.note == "First visit"
        summary = PlanHistory(plan_file).summaries()[0]
        assert summary.session_notes == PRIVATE
        assert "dying" not in json.dumps(summary.to_json())
        assert "dying" not in render_snapshot(plan_file)


def test_a_save_without_session_notes_stores_no_field_for_them(store: Store) -> None:
    plan = CarePlan(about=About(name="Dana Reyes"))
    with store.create_plan(plan) as plan_file:
        assert plan_file.save_version(plan, saved_by="Dana").session_notes == ""
        assert "sn" not in plan_file._records[1]


def test_session_notes_stay_out_of_careplan_history(cli, store: Store) -> None:
    plan_id = plan_with_private_notes(store)
    code, out, err = cli("history", plan_id)
    assert code == 0 and err == "" and "First visit" in out and "dying" not in out
    code, out, err = cli("history", plan_id, "--format", "json")
    assert code == 0 and "dying" not in out and "session_notes" not in out
    code, out, err = cli("export", plan_id)
    assert code == 0 and "dying" not in out


def test_old_versions_with_notes_in_their_note_and_damaged_rows_still_read(
    store: Store,
) -> None:
    """Versions saved before the field existed have none (their note stays as it was); a row
    whose field is not text (a damaged file) reads as no notes rather than failing."""
    plan = CarePlan(about=About(name="Dana Reyes"))
    with store.create_plan(plan) as plan_file:
        plan_file.save_version(plan, saved_by="Priya", note="Session notes: old way")
        plan_id = plan_file.id
        path = plan_file.path
    raw = json.loads(path.read_text())
    for row in raw["versions"].values():
        assert "sn" not in row  # the old shape
        row["sn"] = 42
    path.write_text(json.dumps(raw))
    with Store(store.root).open_plan(plan_id, write=False) as plan_file:
        info = plan_file.version(1)
        assert info.note == "Session notes: old way" and info.session_notes == ""


def test_the_demo_keeps_its_session_notes_private(store: Store) -> None:
    plan_id = build_demo(store)
    with store.open_plan(plan_id, write=False) as plan_file:
        kept = {info.number: info.session_notes for info in plan_file.versions()}
        assert kept[1] == SESSION_NOTES[1] and kept[3] == SESSION_NOTES[3]
        assert all("dying" not in info.note for info in plan_file.versions())
        assert "dying" not in render_snapshot(plan_file, 1)


async def test_the_history_screen_shows_the_facilitator_the_session_notes(store: Store) -> None:
    app = ScreenHost(HistoryScreen, WorkingPlan(store.open_plan(build_demo(store))))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        listing = app.screen.query_one("#history-versions", OptionList)
        first = str(listing.get_option("1").prompt)
        assert "Session notes (private): Maggie asked that we not use the word" in first
        second = str(listing.get_option("2").prompt)
        assert "Session notes" not in second
