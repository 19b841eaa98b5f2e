"""What matters most, in the room the screen has: with a guided session's panel beside it the form
is narrower, and still every statement shows whose words it is, and its buttons whole."""

from __future__ import annotations

import pytest
from textual.widgets import Button, Select, Static

from careplan.demo import build_demo
from careplan.screens.app import CarePlanApp
from careplan.screens.matters import MattersScreen
from careplan.store import Store
from careplan.voices import voice_name
from tests.pilot_helpers import settle

SIZES = [(100, 30), (80, 24), (120, 30), (160, 40), (70, 24)]


def shown_voice(select: Select) -> str:
    return str(select.query_one("#label", Static).render())


def check_every_row(screen: MattersScreen) -> None:
    plan = screen.plan
    selects = list(screen.query(".voice-select").results(Select))
    assert selects
    for select in selects:
        name = "Together" if select.value == "together" else voice_name(plan, str(select.value))
        assert select.outer_size.width >= 12, (
            f"{name}'s picker is {select.outer_size.width} cells wide"
        )
        label = select.query_one("#label", Static)
        assert label.size.width >= min(len(name), 12)
        assert shown_voice(select).startswith(name[: label.size.width])
    for button in screen.query(".row-head Button").results(Button):
        assert button.outer_size.width >= len(str(button.label)) + 2, f"{button.label} is squashed"
    for head in screen.query(".row-head"):
        for part in head.children:  # nothing cut off at the right
            assert part.virtual_region.right <= head.size.width, (
                f"{part} is cut off in {head.size.width} cells"
            )
            for button in part.query(Button):
                assert part.virtual_region.x + button.virtual_region.right <= head.size.width, (
                    f"{button.label} is cut off"
                )


async def open_matters(pilot, guided: bool) -> MattersScreen:
    await settle(pilot)
    if guided:
        await pilot.press("g")  # step 1: About us
        await settle(pilot)
        await pilot.press("f5")  # step 2: What matters most
    else:
        await pilot.press("2")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, MattersScreen)
    return screen


async def test_in_a_guided_session_at_100_columns_the_voice_shows_its_name(store: Store) -> None:
    build_demo(store)
    app = CarePlanApp(store)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_matters(pilot, guided=True)
        assert app.guide is not None
        first = screen.query(".statement-voice").results(Select).__next__()
        assert first.outer_size.width >= 12
        assert "Maggie" in shown_voice(first)  # the demo's first statement is in Maggie's words
        check_every_row(screen)


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
@pytest.mark.parametrize("guided", [True, False], ids=["guided", "alone"])
async def test_every_voice_and_button_shows_whole(
    store: Store, size: tuple[int, int], guided: bool
) -> None:
    build_demo(store)
    app = CarePlanApp(store)
    async with app.run_test(size=size) as pilot:
        screen = await open_matters(pilot, guided)
        check_every_row(screen)
        await pilot.resize_terminal(
            *SIZES[(SIZES.index(size) + 1) % len(SIZES)]
        )  # and after a resize
        await settle(pilot)
        check_every_row(screen)
