"""Moving into a box that already holds words, then typing, adds to them: Textual's Input selects
all its text on focus, so the first key would silently replace what was there."""

from __future__ import annotations

from datetime import date

from textual.app import App, ComposeResult
from textual.widgets import Input

from careplan.model import About, CarePlan, Goal
from careplan.screens.export import ExportScreen
from careplan.screens.goal_editor import AdaptGoalScreen
from careplan.screens.goals import GoalsScreen
from careplan.screens.plans import PlansScreen
from careplan.screens.widgets.text_box import TextBox
from careplan.store import Store
from tests.conftest import OpenApp
from tests.pilot_helpers import SIZE, add_plan, settle
from tests.screen_host import ScreenHost, working_plan_for

LONG = (
    "A walk to the park on Sunday mornings, with a rest on the bench by the pond and a flask of tea"
)


class TwoBoxes(App[None]):
    CSS = "TextBox { width: 32; }"

    def __init__(self, words: str = "Feeling strong") -> None:
        super().__init__()
        self.words = words

    def compose(self) -> ComposeResult:
        yield TextBox("", id="first")
        yield TextBox(self.words, id="second")


async def test_tab_into_a_box_with_words_then_typing_adds_to_them() -> None:
    app = TwoBoxes()
    async with app.run_test(size=(60, 10)) as pilot:
        await pilot.press("tab", *" and free")
        box = app.query_one("#second", TextBox)
        assert app.focused is box
        assert box.value == "Feeling strong and free"
        assert box.cursor_position == len(box.value)


async def test_tab_into_a_box_with_long_words_shows_their_end_where_the_cursor_is() -> None:
    app = TwoBoxes(LONG)
    async with app.run_test(size=(60, 10)) as pilot:
        box = app.query_one("#second", TextBox)
        assert LONG.startswith(box.render_line(0).text.strip())  # not focused: the start is shown
        await pilot.press("tab")
        await pilot.pause()
        assert box.cursor_position == len(LONG)
        assert LONG.endswith(box.render_line(0).text.strip())
        assert (
            box.region.x <= box.cursor_screen_offset.x < box.region.right
        )  # the cursor is in view


async def test_adapting_a_goal_keeps_why_it_matters_when_typing_after_tab(store: Store) -> None:
    run = Goal(
        title="Run 5 miles", why="Feeling strong", voice="person", started_on=date(2026, 4, 1)
    )
    working = working_plan_for(store, CarePlan(about=About(name="Ruth Okafor"), goals=[run]))
    app = ScreenHost(GoalsScreen, working, today=date(2026, 6, 15))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        assert isinstance(app.screen, AdaptGoalScreen)
        await pilot.press(*"running hurts my hip now", "tab", *"A daily walk", "tab", *" and free")
        await pilot.pause()
        assert app.screen.query_one("#adapt-why", Input).value == "Feeling strong and free"


async def test_the_export_file_name_is_added_to_not_replaced(
    store: Store, open_app: OpenApp
) -> None:
    add_plan(store, "Ruth Okafor")
    async with open_app() as pilot:
        app = pilot.app
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, ExportScreen)
        field = app.screen.query_one("#export-path", Input)
        named = field.value
        field.focus()
        await pilot.press(*"-x")
        assert field.value == named + "-x"


async def test_coming_back_to_the_plan_filter_adds_to_what_was_typed(
    store: Store, open_app: OpenApp
) -> None:
    add_plan(store, "Ruth Okafor")
    add_plan(store, "Margaret Ellis")
    async with open_app() as pilot:
        app = pilot.app
        assert isinstance(app.screen, PlansScreen)
        field = app.screen.query_one("#plan-filter", Input)
        field.focus()
        await pilot.press(*"Ru")
        app.screen.query_one("#plan-table").focus()
        await pilot.pause()
        field.focus()
        await pilot.press(*"th")
        assert field.value == "Ruth"
