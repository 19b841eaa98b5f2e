"""The check-in: function level and symptoms by keyboard, and trends drawn from saved versions."""

from __future__ import annotations

from textual.widgets import Static

from careplan.model import About, CarePlan, CheckIn
from careplan.screens.checkin import CheckInScreen, ScoreScale
from careplan.store import Store
from careplan.working_plan import WorkingPlan
from tests.screen_host import ScreenHost, working_plan_for


def host(store: Store, plan: CarePlan | None = None) -> ScreenHost:
    working = working_plan_for(store, plan or CarePlan(about=About(name="Ruth Okafor")))
    return ScreenHost(CheckInScreen, working)


def draft_checkin(app: ScreenHost) -> CheckIn:
    app.screen.keep_waiting()  # scores typed quickly are written when the keys pause; don't wait
    return app.working.file.draft().plan.checkin


async def test_function_level_and_symptoms_by_keyboard(store: Store) -> None:
    app = host(store)
    app.working.set_speaker("caregiver")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("down", "down", "enter")  # the third level: 80%
        await pilot.pause()
        assert draft_checkin(app).function_level == 80
        levels = app.screen.query_one("#function-levels")
        assert str(levels.get_option("80").prompt).startswith("(x)  80%")
        assert str(levels.get_option("100").prompt).startswith("( ) 100%")

        await pilot.press("ctrl+y")  # pain
        await pilot.press("4")  # a digit rates the row and moves on to the next
        assert app.screen.focused.id == "symptom-tiredness"
        await pilot.press("t")  # T is ten, and moves on too
        assert app.screen.focused.id == "symptom-drowsiness"
        await pilot.press("right", "right", "right", "down", "7", "up", "delete")
        await pilot.pause()
        checkin = draft_checkin(app)
        assert checkin.symptoms == {"pain": 4, "tiredness": 10, "drowsiness": 2}
        assert app.screen.focused.id == "symptom-nausea"
        assert checkin.answered_by == ""  # chosen, never assumed from who is speaking
        assert "[10]" in str(
            app.screen.query_one("#symptom-tiredness ScoreScale", ScoreScale).render()
        )


async def test_a_click_on_a_number_sets_the_score(store: Store) -> None:
    app = host(store)
    async with app.run_test(size=(100, 30)) as pilot:
        scale = app.screen.query_one("#symptom-nausea ScoreScale", ScoreScale)
        scale.scroll_visible(animate=False)
        await pilot.pause()
        await pilot.click(scale, offset=(3 * 6 + 1, 0))  # the "6"
        await pilot.pause()
        assert draft_checkin(app).symptoms == {"nausea": 6}
        assert app.screen.focused.id == "symptom-nausea"


async def test_who_answered_and_a_note(store: Store) -> None:
    app = host(store)
    async with app.run_test(size=(100, 30)) as pilot:
        app.screen.query_one("#answered-by").focus()
        await pilot.press("enter", "down", "down", "enter")  # from "Not chosen yet" to "Caregiver"
        app.screen.query_one("#note").focus()
        await pilot.press(*"A good week")
        await pilot.pause()
        checkin = draft_checkin(app)
        assert (checkin.answered_by, checkin.note) == ("caregiver", "A good week")


async def test_sparklines_follow_the_saved_versions(store: Store) -> None:
    plan = CarePlan(
        about=About(name="Ruth Okafor"), checkin=CheckIn(function_level=80, symptoms={"pain": 1})
    )
    plan_file = store.create_plan(plan)
    plan_file.save_version(plan, saved_by="test")
    plan.checkin = CheckIn(function_level=70, symptoms={"pain": 4, "nausea": 2})
    plan_file.save_version(plan, saved_by="test")
    plan.checkin = CheckIn(function_level=50, symptoms={"pain": 7, "nausea": 5})
    plan_file.save_version(plan, saved_by="test")
    app = ScreenHost(CheckInScreen, WorkingPlan(plan_file))

    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert screen.trend("function_level").data == [80, 70, 50]
        assert screen.trend("pain").data == [1, 4, 7]
        assert screen.trend("nausea").data == [2, 5]  # not rated in the first version
        assert screen.trend("tiredness").data == []

        # the latest saved value in numbers beside it (last time's), so the trend is never shape alone
        assert str(screen.query_one("#last-pain", Static).render()).startswith("7, ")
        assert "Last time: 50%, " in str(screen.query_one("#last-function_level", Static).render())
        assert str(screen.query_one("#last-tiredness", Static).render()) == ""


async def test_the_person_is_never_offered_has_died_about_themselves(store: Store) -> None:
    app = host(store)
    async with app.run_test(size=(100, 30)) as pilot:
        levels = app.screen.query_one("#function-levels")
        assert [option.id for option in levels.options] == [
            str(level) for level in range(100, 0, -10)
        ]
        assert not any("died" in str(option.prompt) for option in levels.options)
        await pilot.press("end", "enter")  # the last level offered is 10%
        await pilot.pause()
        assert draft_checkin(app).function_level == 10
        assert "Everyday function: which is closest to now?" in str(
            app.screen.query(".part-title").first().render()
        )


async def test_a_level_already_recorded_as_0_is_still_shown(store: Store) -> None:
    app = host(store)
    app.working.plan.checkin = CheckIn(function_level=0)  # this version's check-in holds it
    async with app.run_test(size=(100, 30)):
        levels = app.screen.query_one("#function-levels")
        assert levels.options[levels.highlighted].id == "0"
        assert str(levels.get_option("0").prompt).startswith("(x)   0%")


async def test_the_trend_label_is_shown_whole(store: Store) -> None:
    app = host(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        label = app.screen.query_one(".trend-label")
        assert label.region.width >= len("Across saved versions:")


async def test_the_grid_is_rated_one_key_a_row(store: Store) -> None:
    """Nine digits fill the nine rows; "1" then "0" are two rows' scores, never a ten."""
    app = host(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+y", "1", "0", "2", "3", "4", "5", "6", "7", "8")
        await pilot.pause()
        checkin = draft_checkin(app)
        assert list(checkin.symptoms.values()) == [1, 0, 2, 3, 4, 5, 6, 7, 8]
        assert app.screen.focused.id == "answered-by"  # the grid is left with the last rating
        await pilot.press("shift+tab", "up", "up", "t")  # up to depression, and ten there
        await pilot.pause()
        assert list(draft_checkin(app).symptoms.values()) == [1, 0, 2, 3, 4, 5, 10, 7, 8]


async def test_the_screen_says_how_to_rate_by_key(store: Store) -> None:
    app = host(store)
    async with app.run_test(size=(100, 30)):
        words = " ".join(
            str(hint.render()) for hint in app.screen.query(".part-hint").results(Static)
        )
        assert "moves on to the next" in words and "T for 10" in words
