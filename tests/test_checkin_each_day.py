"""A check-in belongs to its day: each new version's starts empty, last time's answers are shown
beside it with their day and kept only when someone says so, and a measure not asked is a gap."""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import Select, Static

from careplan.cli import main
from careplan.diff import compare
from careplan.history import PlanHistory
from careplan.markdown_export import render_snapshot
from careplan.model import About, CarePlan, CheckIn
from careplan.screens.checkin import CheckInScreen, ScoreScale
from careplan.store import PlanFile, Store
from careplan.working_plan import WorkingPlan
from tests.screen_host import ScreenHost

MARCH, JUNE = date(2026, 3, 12), date(2026, 6, 4)


def plan_asked_in_march(store: Store) -> PlanFile:
    plan = CarePlan(
        about=About(name="Ruth Okafor"),
        checkin=CheckIn(
            function_level=60,
            symptoms={"anxiety": 6, "pain": 3},
            answered_by="caregiver",
            note="A hard week",
        ),
    )
    plan_file = store.create_plan(plan)
    plan_file.save_version(plan, saved_by="Priya", session_date=MARCH)
    return plan_file


def test_a_new_version_starts_with_an_empty_check_in_and_nothing_changed(store: Store) -> None:
    with plan_asked_in_march(store) as plan_file:
        working = WorkingPlan(plan_file)
        assert working.plan.checkin == CheckIn()  # no answers, note or "answered by" copied
        assert not working.has_changes
        assert not working.unsaved("checkin")

        working.plan.goals = []  # nothing else changes either: saving now records no check-in
        working.plan.about.illness = "myeloma"
        working.save_version(saved_by="Priya", session_date=JUNE)
        assert plan_file.load().checkin == CheckIn()
        assert working.plan.checkin == CheckIn()  # and the next version starts empty again

        history = PlanHistory(plan_file)
        assert history.trends()["anxiety"] == [6, None]  # a gap, never a 6 nobody gave
        assert history.trends()["function_level"] == [60, None]


def test_last_time_is_the_latest_answer_with_the_day_of_its_conversation(store: Store) -> None:
    with plan_asked_in_march(store) as plan_file:
        working = WorkingPlan(plan_file)
        working.plan.checkin = CheckIn(symptoms={"pain": 5})  # anxiety not asked in June
        working.save_version(saved_by="Priya", session_date=JUNE)

        last = PlanHistory(plan_file).last_answers()
        assert (last["anxiety"].value, last["anxiety"].day) == (6, MARCH)
        assert (last["pain"].value, last["pain"].day) == (5, JUNE)
        assert (last["function_level"].value, last["function_level"].day) == (60, MARCH)
        assert "tiredness" not in last


def test_the_export_and_diff_show_a_gap_for_a_measure_not_asked(store: Store) -> None:
    with plan_asked_in_march(store) as plan_file:
        working = WorkingPlan(plan_file)
        working.plan.about.illness = "myeloma"
        working.save_version(saved_by="Priya", session_date=JUNE)  # nothing asked in June
        working.plan.checkin = CheckIn(function_level=50)
        working.save_version(saved_by="Priya")

        text = render_snapshot(plan_file)
        assert "60% → – → 50%" in text
        summary = compare(plan_file.load(1), plan_file.load(2)).summary()
        assert "no check-in" in summary.lower()
        assert "not rated" not in summary  # one line, not one per measure


def test_an_older_draft_with_last_times_answers_still_loads(store: Store) -> None:
    with plan_asked_in_march(store) as plan_file:
        plan_file.keep_draft(plan_file.load(), based_on=1)  # written before check-ins started empty
        working = WorkingPlan(plan_file)
        assert working.plan.checkin.symptoms == {"anxiety": 6, "pain": 3}
        assert not working.has_changes


def open_checkin(plan_file: PlanFile, speaker: str = "together") -> ScreenHost:
    working = WorkingPlan(plan_file)
    working.set_speaker(speaker)
    return ScreenHost(CheckInScreen, working, today=date(2026, 10, 1))


async def loaded(app: ScreenHost, pilot) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_each_measure_shows_last_time_and_k_keeps_it(store: Store) -> None:
    with plan_asked_in_march(store) as plan_file:
        app = open_checkin(plan_file)
        async with app.run_test(size=(100, 30)) as pilot:
            await loaded(app, pilot)
            screen = app.screen
            assert str(screen.query_one("#last-anxiety", Static).render()) == "6, 12 Mar"
            assert str(screen.query_one("#last-nausea", Static).render()) == ""
            assert "60%, 12 Mar" in str(screen.query_one("#last-function_level", Static).render())
            assert "[6]" not in str(screen.query_one("#symptom-anxiety ScoreScale").render())

            screen.query_one("#symptom-anxiety").focus()
            await pilot.press("k")
            screen.query_one("#function-levels").focus()
            await pilot.press("k")
            await pilot.pause()
            screen.keep_waiting()
            draft = plan_file.draft()
            assert draft is not None
            assert draft.plan.checkin == CheckIn(function_level=60, symptoms={"anxiety": 6})
            scale = screen.query_one("#symptom-anxiety ScoreScale", ScoreScale)
            assert "[6]" in str(scale.render())
            levels = screen.query_one("#function-levels")
            assert str(levels.get_option("60").prompt).startswith("(x)")


async def test_a_click_on_last_time_keeps_it(store: Store) -> None:
    with plan_asked_in_march(store) as plan_file:
        app = open_checkin(plan_file)
        async with app.run_test(size=(100, 30)) as pilot:
            await loaded(app, pilot)
            label = app.screen.query_one("#last-pain")
            label.scroll_visible(animate=False)
            await pilot.pause()
            await pilot.click(label)
            await pilot.pause()
            app.screen.keep_waiting()
            assert plan_file.draft().plan.checkin.symptoms == {"pain": 3}


async def test_who_answered_is_empty_until_chosen(store: Store) -> None:
    with plan_asked_in_march(store) as plan_file:
        app = open_checkin(plan_file, speaker="caregiver")
        async with app.run_test(size=(100, 30)) as pilot:
            await loaded(app, pilot)
            answered_by = app.screen.query_one("#answered-by", Select)
            assert answered_by.value is Select.NULL  # not last time's, not the speaker
            app.screen.query_one("#symptom-pain").focus()
            await pilot.press("4")
            app.working.next_speaker()
            await pilot.pause()
            app.screen.keep_waiting()
            checkin = plan_file.draft().plan.checkin
            assert (checkin.symptoms, checkin.answered_by, checkin.note) == ({"pain": 4}, "", "")
            assert answered_by.value is Select.NULL


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]):
    def run(*argv: str) -> tuple[int, str]:
        code = main(list(argv))
        return code, capsys.readouterr().out

    return run


def test_history_and_export_keep_the_gap(store: Store, cli, tmp_path) -> None:
    with plan_asked_in_march(store) as plan_file:
        working = WorkingPlan(plan_file)
        working.plan.checkin = CheckIn(symptoms={"pain": 4})
        working.save_version(saved_by="Priya", session_date=JUNE)
        plan_id = plan_file.id
    code, out = cli("export", plan_id)
    assert code == 0
    assert "| Anxiety |" not in out  # not asked in June: not shown as June's
    assert "| Pain | 4 |" in out
