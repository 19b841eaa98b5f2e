"""No false flags, no stale messages: "unsaved changes" only when the draft differs from the
latest version, and a message about a field updates as soon as the field is fixed."""

from __future__ import annotations

import json

import pytest
from textual.widgets import DataTable, Static

from careplan import vocab
from careplan.cli import main
from careplan.demo import build_demo
from careplan.model import About, CarePlan
from careplan.screens.about import AboutScreen
from careplan.screens.app import CarePlanApp
from careplan.screens.plan_home import PlanHomeScreen
from careplan.screens.review import ReviewScreen
from careplan.store import Store
from careplan.working_plan import WorkingPlan
from tests.pilot_helpers import SIZE, add_plan, settle, shown, type_into


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]):
    def run(*argv: str) -> tuple[int, str]:
        code = main(list(argv))
        return code, capsys.readouterr().out

    return run


def unsaved_in_list(cli) -> list[bool]:
    code, out = cli("list", "--format", "json")
    assert code == 0
    return [plan["has_draft"] for plan in json.loads(out)]


async def test_opening_each_section_and_leaving_it_marks_nothing(store: Store, cli) -> None:
    build_demo(store)  # every section has something in it
    app = CarePlanApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, PlanHomeScreen)
        for number, section in enumerate(vocab.SECTIONS, start=1):
            if section == "review":
                continue
            await pilot.press(str(number))
            await settle(pilot)
            assert not isinstance(app.screen, PlanHomeScreen), section
            await pilot.press("tab", "tab")  # through its fields, changing none
            await pilot.press("escape")
            await settle(pilot)
            assert isinstance(app.screen, PlanHomeScreen), section
            assert not app.working.has_changes, section
            assert store.list_plans()[0].has_draft is False, section
        await pilot.press("escape")  # back to the caseload
        await settle(pilot)
        table = app.screen.query_one("#plan-table", DataTable)
        cells = [str(cell) for key in table.rows for cell in table.get_row(key)]
        assert any("Maggie" in cell for cell in cells)
        assert not any("unsaved" in cell for cell in cells)
    assert unsaved_in_list(cli) == [False]
    code, out = cli("list")
    assert "unsaved changes" not in out


def test_a_real_change_is_still_flagged_and_its_undoing_is_not(store: Store, cli) -> None:
    plan = CarePlan(about=About(name="Sam Jones"))
    with store.create_plan(plan) as plan_file:
        plan_file.save_version(plan, saved_by="Priya")
        working = WorkingPlan(plan_file)
        working.plan.about.illness = "myeloma"
        working.keep_draft()
        assert unsaved_in_list(cli) == [True]
        code, out = cli("list")
        assert "unsaved changes" in out
        working.plan.about.illness = ""  # typed and taken out again: nothing differs
        working.keep_draft()
        assert unsaved_in_list(cli) == [False]
        working.plan.checkin.symptoms["pain"] = 3  # a check-in answered is a change
        working.keep_draft()
        assert unsaved_in_list(cli) == [True]


def test_a_draft_from_before_drafts_said_so_still_counts(store: Store, cli) -> None:
    plan = CarePlan(about=About(name="Sam Jones"))
    with store.create_plan(plan) as plan_file:
        plan_file.save_version(plan, saved_by="Priya")
        plan_file.keep_draft(plan)
        draft_path = next((store.root / "drafts").iterdir())
        data = json.loads(draft_path.read_text())
        del data["changes"]
        draft_path.write_text(json.dumps(data))
    assert unsaved_in_list(cli) == [True]  # unsaved words are never hidden


def problem_lines(app: CarePlanApp) -> list[str]:
    return [str(line.render()) for line in app.screen.query(".problem-text").results(Static)]


async def test_a_date_message_goes_as_soon_as_the_date_is_fixed(store: Store) -> None:
    add_plan(store, "Ruth Okafor")
    app = CarePlanApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        await type_into(pilot, "#next-review .date-input", "someday")
        await type_into(pilot, "#saved-by", "Sam")
        await pilot.click("#save")
        await settle(pilot)
        assert any("someday" in line for line in problem_lines(app))
        await type_into(pilot, "#next-review .date-input", "12 March 2027")
        await settle(pilot)
        assert problem_lines(app) == []  # not the 'someday' that is gone
        assert "someday" not in shown(app, "#review-result")
        assert "put right" in shown(app, "#review-result")


async def test_a_problem_fixed_in_its_part_is_gone_on_return(store: Store) -> None:
    add_plan(store, "Ruth Okafor")
    app = CarePlanApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("1")
        await settle(pilot)
        await type_into(pilot, "#about-name", "")
        await pilot.press("ctrl+s")
        await settle(pilot)
        await type_into(pilot, "#saved-by", "Sam")
        await pilot.click("#save")
        await settle(pilot)
        assert any("name is needed" in line for line in problem_lines(app))
        await pilot.click(".fix-button")
        await settle(pilot)
        assert isinstance(app.screen, AboutScreen)
        await type_into(pilot, "#about-name", "Ruth Okafor")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        assert problem_lines(app) == []
        assert "need a look" not in shown(app, "#review-result")
