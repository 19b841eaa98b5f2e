"""The history screen on the demo plan: every version with what it changed, the trends as
sparklines with their numbers, marking two versions to compare, goal journeys, and starting a new
draft from an old version without rewriting history."""

from __future__ import annotations

from textual.message import Message
from textual.notifications import Notify
from textual.widgets import Input, OptionList, Sparkline, Static

from careplan.demo import build_demo
from careplan.history import checkin_trends, version_summaries
from careplan.model import CheckIn
from careplan.screens.app import CarePlanApp
from careplan.screens.compare import CompareScreen
from careplan.screens.history import HistoryScreen
from careplan.screens.journeys import JourneysScreen
from careplan.screens.plan_home import PlanHomeScreen
from careplan.screens.review import ReviewScreen
from careplan.screens.widgets.confirm import ConfirmScreen
from careplan.store import Store
from careplan.working_plan import WorkingPlan
from tests.conftest import OpenApp
from tests.pilot_helpers import SIZE, add_plan, settle, type_into
from tests.screen_host import ScreenHost


def history_host(store: Store) -> ScreenHost:
    return ScreenHost(HistoryScreen, WorkingPlan(store.open_plan(build_demo(store))))


def prompts(screen: HistoryScreen) -> list[str]:
    listing = screen.query_one("#history-versions", OptionList)
    return [option.prompt.plain for option in listing.options]


def shown(widget: Static) -> str:
    return str(widget.render())


def choose(screen: HistoryScreen, number: int) -> None:
    listing = screen.query_one("#history-versions", OptionList)
    listing.highlighted = listing.get_option_index(str(number))


def notices(seen: list[Message]) -> str:
    return " ".join(
        f"{m.notification.title} {m.notification.message}" for m in seen if isinstance(m, Notify)
    )


# --- what the history shows ---------------------------------------------------------------------


async def test_every_version_is_listed_newest_first_with_who_the_note_and_what_changed(
    store: Store,
) -> None:
    app = history_host(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        listed = prompts(app.screen)
        expected = list(reversed(version_summaries(app.working.file)))
        assert len(listed) == len(expected) == 6
        for summary, prompt in zip(expected, listed, strict=False):
            assert prompt.startswith(f"Version {summary.number} · ")
            assert f"{summary.saved_at.day} {summary.saved_at:%b %Y}" in prompt
            assert summary.saved_by in prompt
            assert summary.note in prompt
            assert summary.summary in prompt
        assert "First version" in listed[-1]
        assert "6 saved versions" in shown(app.screen.query_one("#history-status", Static))


async def test_trends_show_a_sparkline_and_the_number_at_every_version(store: Store) -> None:
    app = history_host(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        trends = checkin_trends(app.working.file)
        assert trends["function_level"] == [80, 70, 60, 70, 50, 40]
        for key, values in trends.items():
            row = app.screen.query_one(f"#trend-{key}")
            assert list(row.query_one(Sparkline).data) == values
            assert shown(row.query_one(".trend-numbers", Static)).split() == [
                "–" if value is None else str(value) for value in values
            ]
        assert trends["anxiety"][3] is None  # not asked in version 4: a gap, shown as one
        label = shown(app.screen.query_one("#trend-function_level .trend-label", Static))
        assert label == "Everyday function %"
        versions = shown(app.screen.query_one("#trend-versions .trend-numbers", Static))
        assert versions.split() == ["1", "2", "3", "4", "5", "6"]


async def test_a_long_history_shows_the_latest_numbers_that_fit(store: Store) -> None:
    from careplan.model import About, CarePlan, CheckIn

    plan = CarePlan(about=About(name="Ann Long"))
    opened = store.create_plan(plan)
    for visit in range(22):
        plan.checkin = CheckIn(function_level=90 - visit // 3 * 10, symptoms={"pain": visit % 11})
        opened.save_version(plan, saved_by="Ann")
    app = ScreenHost(HistoryScreen, WorkingPlan(opened))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        versions = shown(app.screen.query_one("#trend-versions .trend-numbers", Static)).split()
        count = len(versions)
        assert 3 <= count < 22
        assert versions == [str(number) for number in range(23 - count, 23)]
        assert f"The latest {count} of 22 versions" in shown(
            app.screen.query_one(".trend-caption", Static)
        )
        pain = shown(app.screen.query_one("#trend-pain .trend-numbers", Static)).split()
        assert pain == [str(visit % 11) for visit in range(22 - count, 22)]
        assert len(app.screen.query_one("#trend-pain").query_one(Sparkline).data) == count


async def test_a_plan_with_no_saved_version_says_how_one_is_made(store: Store) -> None:
    from careplan.model import About, CarePlan

    working = WorkingPlan(store.create_plan(CarePlan(about=About(name="Ruth Okafor"))))
    app = ScreenHost(HistoryScreen, working)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert prompts(app.screen) == []
        assert "No saved versions yet" in shown(app.screen.query_one("#history-status", Static))
        await pilot.press("c", "e", "j", "n")  # nothing chosen: nothing happens, nothing breaks
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)


async def test_a_history_that_cannot_be_read_is_said_calmly(store: Store, monkeypatch) -> None:
    from careplan.errors import DamagedFile
    from careplan.history import PlanHistory

    def unreadable(self):
        raise DamagedFile(self.file.path, "version 3 is incomplete")

    monkeypatch.setattr(PlanHistory, "summaries", unreadable)
    app = history_host(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        status = shown(app.screen.query_one("#history-status", Static))
        assert "could not be read (version 3 is incomplete)" in status
        assert prompts(app.screen) == []


async def test_a_bug_while_reading_becomes_a_calm_notification_not_a_crash(
    store: Store, monkeypatch
) -> None:
    from careplan.history import PlanHistory

    def broken(self):
        raise TypeError("a bug")

    monkeypatch.setattr(PlanHistory, "trends", broken)
    seen: list[Message] = []
    app = history_host(store)
    async with app.run_test(size=SIZE, message_hook=seen.append) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        assert "The history could not be read" in notices(seen)
        assert all(m.notification.severity != "error" for m in seen if isinstance(m, Notify))
        assert "The plan itself is untouched" in shown(
            app.screen.query_one("#history-status", Static)
        )


# --- comparing, journeys --------------------------------------------------------------------------


async def test_mark_two_versions_then_c_compares_them(store: Store) -> None:
    app = history_host(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        history = app.screen
        await pilot.press("enter")  # version 6, the newest, is highlighted first
        assert "Version 6 is marked" in shown(history.query_one("#history-status", Static))
        assert "Marked to compare" in prompts(history)[0]
        await pilot.press("end", "enter")  # version 1
        assert "Versions 1 and 6 are marked" in shown(history.query_one("#history-status", Static))
        assert isinstance(app.screen, HistoryScreen)  # marking alone never jumps anywhere
        await pilot.press("up")
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        assert (app.screen.old, app.screen.new) == (1, 6)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is history
        assert history.marked == []
        assert not any("Marked to compare" in prompt for prompt in prompts(history))


async def test_one_marked_version_is_compared_with_the_one_highlighted(store: Store) -> None:
    app = history_host(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        choose(app.screen, 2)
        await pilot.press("space")
        choose(app.screen, 5)
        await pilot.press("c")
        await settle(pilot)
        assert (app.screen.old, app.screen.new) == (2, 5)


async def test_marking_the_same_version_again_unmarks_it_and_a_third_lets_go_of_the_first(
    store: Store,
) -> None:
    app = history_host(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        history = app.screen
        await pilot.press("space")
        assert history.marked == [6]
        await pilot.press("space")
        assert history.marked == []
        for number in (6, 4, 2):
            choose(history, number)
            await pilot.press("space")
        assert history.marked == [4, 2]
        assert isinstance(app.screen, HistoryScreen)


async def test_the_mouse_marks_a_version_and_the_compare_button_compares(store: Store) -> None:
    app = history_host(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.click("#history-versions", offset=(4, 0))  # the first line: version 6
        assert app.screen.marked == [6]
        choose(app.screen, 3)
        await pilot.click("#history-do-compare")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        assert (app.screen.old, app.screen.new) == (3, 6)


async def test_f1_explains_the_history_and_lists_its_keys(store: Store) -> None:
    from careplan.screens.help import HelpScreen

    build_demo(store)
    app = CarePlanApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_history_from_home(pilot)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert "Mark two" in app.screen.text
        described = " ".join(what for _, what in app.screen.keys)
        assert "Compare the two marked versions" in described
        assert "Start a new draft from this version" in described
        assert "goal changed over time" in described


async def test_c_compares_a_version_with_the_one_before_it(store: Store) -> None:
    app = history_host(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        choose(app.screen, 3)
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        assert (app.screen.old, app.screen.new) == (2, 3)


async def test_the_first_version_has_nothing_before_it_and_says_so(store: Store) -> None:
    seen: list[Message] = []
    app = history_host(store)
    async with app.run_test(size=SIZE, message_hook=seen.append) as pilot:
        await settle(pilot)
        choose(app.screen, 1)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert "Version 1 is the first one" in notices(seen)


async def test_j_shows_the_goal_journeys_with_dates_reasons_and_ability(store: Store) -> None:
    app = history_host(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        assert isinstance(app.screen, JourneysScreen)
        text = "\n".join(
            shown(widget) for widget in app.screen.query(".journey Static").results(Static)
        )
        assert "1. Run 5 miles at the park run in May" in text
        assert "from 12 March 2026 · everyday function 80%, version 1" in text
        assert "3. Coffee outside with Tom each morning" in text
        assert "Why it changed: The park is too far now" in text
        assert "2. Go to the library book club once a month" in text
        assert len(app.screen.query(".journey")) == 2


# --- a new draft from an old version ---------------------------------------------------------------


async def open_history_from_home(pilot) -> HistoryScreen:
    await settle(pilot)  # one plan in the caseload: it opens straight away
    assert isinstance(pilot.app.screen, PlanHomeScreen)
    await pilot.press("h")
    await settle(pilot)
    assert isinstance(pilot.app.screen, HistoryScreen)
    return pilot.app.screen


async def test_starting_from_version_2_then_saving_makes_version_7_and_keeps_1_to_6(
    store: Store,
) -> None:
    plan_id = build_demo(store)
    with store.open_plan(plan_id, write=False) as before:
        old_versions = before.versions()
        old_plans = [before.load(info.number) for info in old_versions]
    seen: list[Message] = []
    app = CarePlanApp(store)
    async with app.run_test(size=SIZE, message_hook=seen.append) as pilot:
        history = await open_history_from_home(pilot)
        choose(history, 2)
        await pilot.press("n")  # no unsaved changes, so nothing to confirm
        await pilot.pause()
        assert app.screen is history
        assert app.working.plan == old_plans[1]
        assert "makes it version 7" in notices(seen)
        assert "The unsaved draft starts from this version" in prompts(history)[4]
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("ctrl+s")
        await settle(pilot)
    with store.open_plan(plan_id, write=False) as after:
        assert after.latest == 7
        assert after.versions()[:6] == old_versions
        assert [after.load(info.number) for info in old_versions] == old_plans
        assert after.load(7) == old_plans[1]


def two_versions(store: Store) -> str:
    """Sam's plan saved twice: version 1 without a preferred name, version 2 with one."""
    plan_id = add_plan(store, "Sam Jones")
    with store.open_plan(plan_id) as plan_file:
        plan = plan_file.load()
        plan.about.preferred_name = "Sammy"
        plan_file.save_version(plan, saved_by="Priya", note="")
    return plan_id


async def start_from_version_1_and_review(pilot) -> Input:
    history = await open_history_from_home(pilot)
    choose(history, 1)
    await pilot.press("n")
    await pilot.pause()
    await pilot.press("ctrl+s")  # Review and save
    await settle(pilot)
    assert isinstance(pilot.app.screen, ReviewScreen)
    await type_into(pilot, "#saved-by", "Priya")  # the plan names nobody, so who is saving is typed
    return pilot.app.screen.query_one("#version-note", Input)


async def test_discarding_a_restored_draft_leaves_no_restored_note_behind(store: Store) -> None:
    two_versions(store)
    app = CarePlanApp(store)
    async with app.run_test(size=SIZE) as pilot:
        note = await start_from_version_1_and_review(pilot)
        await pilot.press("ctrl+d")
        await settle(pilot)
        await pilot.click("#answer-yes")
        await settle(pilot)
        assert "Changes discarded" in str(pilot.app.screen.query_one("#review-result").render())
        assert note.value == ""


async def test_a_draft_from_an_old_version_is_saved_with_the_note_restored_from_it(
    store: Store,
) -> None:
    plan_id = two_versions(store)
    app = CarePlanApp(store)
    async with app.run_test(size=SIZE) as pilot:
        note = await start_from_version_1_and_review(pilot)
        assert note.value == "Restored from version 1"  # the same words as `careplan restore`
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert note.value == ""  # the next version starts with an empty note again
    with store.open_plan(plan_id, write=False) as after:
        assert after.latest == 3 and after.version(3).note == "Restored from version 1"
        assert after.load(3) == after.load(1)
        assert version_summaries(after)[-1].note == "Restored from version 1"


async def test_the_restored_note_can_be_changed_before_saving(store: Store) -> None:
    plan_id = two_versions(store)
    app = CarePlanApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await start_from_version_1_and_review(pilot)
        await type_into(pilot, "#version-note", "Back to how it was before the hospital")
        await pilot.press("ctrl+s")
        await settle(pilot)
    with store.open_plan(plan_id, write=False) as after:
        assert after.version(3).note == "Back to how it was before the hospital"


async def test_the_restored_note_is_still_there_after_closing_careplan(
    store: Store, open_app: OpenApp
) -> None:
    plan_id = two_versions(store)
    working = WorkingPlan(store.open_plan(plan_id))
    working.start_from(1)
    working.file.close()  # the draft stays on disk, as after a closed terminal
    async with open_app() as pilot:
        app = pilot.app
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        assert app.screen.query_one("#version-note", Input).value == "Restored from version 1"


async def test_an_ordinary_draft_starts_with_an_empty_note(store: Store, open_app: OpenApp) -> None:
    two_versions(store)
    async with open_app() as pilot:
        app = pilot.app
        app.working.plan.about.preferred_name = "S"
        app.working.keep_draft()
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen.query_one("#version-note", Input).value == ""


async def test_unsaved_changes_are_only_replaced_after_a_clear_yes(store: Store) -> None:
    app = CarePlanApp(store)
    build_demo(store)
    async with app.run_test(size=SIZE) as pilot:
        history = await open_history_from_home(pilot)
        app.working.plan.about.preferred_name = "Mags"
        app.working.keep_draft()
        choose(history, 2)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")  # keep things as they are
        await pilot.pause()
        assert app.screen is history
        assert app.working.plan.about.preferred_name == "Mags"
        await pilot.press("n")
        await pilot.pause()
        await pilot.click("#answer-yes")
        await pilot.pause()
        assert app.working.plan == app.working.file.load(2)
        assert app.working.file.draft().plan == app.working.file.load(2)
        assert app.working.file.latest == 6  # nothing saved by starting from an old version


async def test_a_read_only_window_cannot_start_a_new_draft(store: Store) -> None:
    plan_id = build_demo(store)
    holder = store.open_plan(plan_id)  # another window has the plan open for changes
    try:
        working = WorkingPlan(store.open_plan(plan_id, read_only_if_busy=True))
        assert working.read_only
        app = ScreenHost(HistoryScreen, working)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            assert not app.screen.query_one("#history-do-start-from").display
            choose(app.screen, 2)
            await pilot.press("n")
            await pilot.pause()
            latest = working.file.load(6)
            latest.checkin = CheckIn()  # the new version's check-in starts empty, as ever
            assert working.plan == latest  # version 2 was not taken up
    finally:
        holder.close()


# --- how it looks ------------------------------------------------------------------------------------


def test_history_screen_on_the_demo_plan(store: Store, snap_compare) -> None:
    async def loaded(pilot) -> None:
        await settle(pilot)

    assert snap_compare(history_host(store), run_before=loaded, terminal_size=SIZE)
