"""A printable key typed where no text goes acts (type-ahead in a list or table) or says, calmly
and once, where typing goes; a screen's own keys and typing into boxes are left alone."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable

from careplan.demo import build_demo
from careplan.screens.app import CarePlanApp
from careplan.screens.stray_keys import WHERE_TO_TYPE
from careplan.screens.team import TeamScreen
from careplan.store import Store
from tests.pilot_helpers import SIZE, notice_messages, settle

SIZES = [SIZE, (80, 24)]


@pytest.mark.parametrize("size", SIZES)
async def test_a_letter_in_the_team_table_goes_to_the_next_name_starting_with_it(
    store: Store, size: tuple[int, int]
) -> None:
    build_demo(store)
    app = CarePlanApp(store)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("7")
        await settle(pilot)
        assert isinstance(app.screen, TeamScreen)
        table = app.screen.query_one("#members", DataTable)
        table.focus()
        await pilot.pause()
        names = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        wanted = next(i for i, name in enumerate(names) if name.startswith("J"))
        await pilot.press("j")
        await pilot.pause()
        assert table.cursor_row == wanted
        assert WHERE_TO_TYPE not in notice_messages(app)
        await pilot.press("a")  # the screen's own key (Add) is not type-ahead
        await settle(pilot)
        assert not isinstance(app.screen, TeamScreen)


@pytest.mark.parametrize("size", SIZES)
async def test_a_letter_on_a_button_says_where_typing_goes_once(
    store: Store, size: tuple[int, int]
) -> None:
    build_demo(store)
    app = CarePlanApp(store)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("9")  # Review and save
        await settle(pilot)
        button = app.screen.query_one("#save")
        button.focus()
        await pilot.pause()
        await pilot.press("x", "y")
        await settle(pilot)
        assert notice_messages(app).count(WHERE_TO_TYPE) == 1
        assert app.screen.focused is button  # nothing else happened
