"""Every screen and dialog at 80x24, the size a palliative social worker's terminal often is: each
footer key shows whole, a dialog's buttons are in view, table columns and placeholders are not cut,
and the export preview uses the height it has.

Read from the screen's own widgets, on the demo plan (Maggie and Tom), reached by the keys a person
would press from the plan's home.
"""

from __future__ import annotations

from datetime import date

import pytest
from textual.errors import NoWidget
from textual.geometry import Region
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, DataTable, Input
from textual.widgets._footer import FooterKey

from careplan.demo import build_demo
from careplan.store import Store
from tests.pilot_helpers import settle

WIDTH, HEIGHT = 80, 24
TODAY = date(2026, 11, 20)  # as in tests/test_app_snapshots.py: before the demo's next review

# Where to go from the plan's home: keys to press, or "#id" for a button to click. Each route ends
# on the screen or dialog named.
ROUTES: dict[str, list[str]] = {
    "caseload": ["escape"],
    "new plan": ["escape", "ctrl+n"],
    "close plan": ["escape", "ctrl+w"],
    "plan home": [],
    "session day": ["d"],
    "about us": ["1"],
    "what matters most": ["2"],
    "how things are now": ["3"],
    "goals": ["4"],
    "new goal": ["4", "n"],
    "edit goal": ["4", "e"],
    "adapt goal": ["4", "a"],
    "leave a goal unsaved": ["4", "n", "x", "escape"],
    "lifestyle modifications": ["5"],
    "new change": ["5", "n"],
    "ideas to start from": ["5", "i"],
    "treatment decisions": ["6"],
    "a decision's worksheet": ["6", "enter"],
    "decision kind": ["6", "n"],
    "copy questions": ["6", "n", "#answer-recover"],
    "support team": ["7"],
    "who does what": ["7", "w"],
    "team member editor": ["7", "a"],
    "needs editor": ["7", "n"],
    "if I can't speak for myself": ["8"],
    "someone to speak": ["8", "a"],
    "a document": ["8", "d"],
    "a wish": ["8", "w"],
    "review and save": ["9"],
    "history": ["h"],
    "compare": ["h", "c"],
    "journeys": ["h", "j"],
    "export": ["e"],
    "help": ["f1"],
    "help on goals": ["4", "f1"],
    "guided session": ["g"],
    "guided session with notes": ["g", "f8"],
    "guided session, goals step": ["g", "f5", "f5", "f5"],
}


def cut_at_80(screen: Screen) -> list[str]:
    """What does not fit: each problem in words, or nothing."""
    problems: list[str] = []
    room = screen.region
    for key in screen.query(FooterKey):
        if not key.display:
            continue  # the palette key: Ctrl+P and the header's icon open it
        label = key.render()
        if key.region.right > room.right or key.region.width < label.cell_len:
            problems.append(f"footer key cut: {label.plain.strip()!r} at {key.region}")
    if isinstance(screen, ModalScreen):
        for button in screen.query(Button):
            if not button.display:
                continue
            try:  # what of it is drawn, once every container around it has clipped it
                drawn = screen.find_widget(button).visible_region
            except NoWidget:
                drawn = Region()
            if not drawn or drawn != button.region or not room.contains_region(drawn):
                problems.append(f"button out of view: {button.label} at {button.region}")
    for field in screen.query(Input):
        width = field.content_region.width
        if field.placeholder and not field.value and width and len(field.placeholder) > width:
            problems.append(f"placeholder cut: {field.placeholder!r} in {width} columns")
    for table in screen.query(DataTable):
        if not table.region or table.fixed_columns:
            continue  # hidden (another tab), or its first column stays put as it scrolls sideways
        wanted = sum(column.get_render_width(table) for column in table.columns.values())
        if wanted > table.scrollable_content_region.width:
            problems.append(
                f"table {table.id} needs {wanted} columns, has {table.scrollable_content_region.width}"
            )
    return problems


async def go(pilot, route: list[str]) -> None:
    for step in route:
        if step.startswith("#"):
            await pilot.click(step)
        else:
            await pilot.press(step)
        await settle(pilot)


@pytest.mark.parametrize("where", list(ROUTES))
async def test_everything_fits_at_80_by_24(store: Store, open_app, where: str) -> None:
    build_demo(store)
    async with open_app(size=(WIDTH, HEIGHT), today=TODAY) as pilot:
        home = pilot.app.screen
        await go(pilot, ROUTES[where])
        screen = pilot.app.screen
        assert ROUTES[where] == [] or screen is not home, f"{where}: the keys opened nothing"
        assert cut_at_80(screen) == []


async def test_the_export_preview_uses_the_height_it_has(store: Store, open_app) -> None:
    build_demo(store)
    async with open_app(size=(WIDTH, HEIGHT), today=TODAY) as pilot:
        await go(pilot, ["e"])
        preview = pilot.app.screen.query_one("#export-preview")
        assert preview.region.height >= HEIGHT // 2
