"""The command palette (Ctrl+P) offers careplan's own commands in plain words, and of Textual's
system commands only changing the colours and quitting (no Keys, Maximize or Screenshot)."""

from __future__ import annotations

from textual.command import CommandList, CommandPalette

from careplan.screens.app import CarePlanApp
from careplan.store import Store
from tests.conftest import OpenApp
from tests.palette import ROUNDS, palette_search
from tests.pilot_helpers import SIZE, add_plan, settle


async def offered(pilot) -> dict[str, str]:
    """Every command the palette lists before anything is typed: name -> its help line."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    palette = pilot.app.screen
    assert isinstance(palette, CommandPalette)
    commands = palette.query_one(CommandList)
    for _ in range(ROUNDS):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if commands.option_count:
            break
    found = {}
    for index in range(commands.option_count):
        hit = commands.get_option_at_index(index).hit  # type: ignore[attr-defined]
        found[str(hit.text)] = str(hit.help or "")
    await pilot.press("escape")
    return found


async def test_only_plain_system_commands_are_offered(store: Store, open_app: OpenApp) -> None:
    add_plan(store, "Ruth Okafor")
    async with open_app() as pilot:
        commands = await offered(pilot)
        assert "Change colours (light or dark)" in commands and "Quit careplan" in commands
        for jargon in ("Keys", "Maximize", "Minimize", "Screenshot", "Theme", "Quit"):
            assert jargon not in commands
        assert not [
            text for text in commands.values() if "as soon as possible" in text or "SVG" in text
        ]
        assert "Export a snapshot to print or share" in commands
        assert not [name for name, text in commands.items() if "Markdown" in name + text]


async def test_the_caseload_offers_the_system_commands_too(store: Store) -> None:
    app = CarePlanApp(store)  # no plans: the caseload, with nothing open
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert set(await offered(pilot)) == {"Change colours (light or dark)", "Quit careplan"}


async def test_the_palette_starts_a_guided_session(store: Store, open_app: OpenApp) -> None:
    add_plan(store, "Ruth Okafor")
    async with open_app() as pilot:
        app = pilot.app
        assert await palette_search(pilot, "guided") == "Start a guided session"
        await pilot.press("enter")
        await settle(pilot)
        assert app.guide is not None


async def test_a_session_paused_at_its_first_step_is_resumed_from_the_palette(
    store: Store, open_app: OpenApp
) -> None:
    add_plan(store, "Ruth Okafor")
    async with open_app() as pilot:
        app = pilot.app
        assert app.working is not None
        app.working.extra.guided_step = 0  # paused at step 1: a step like any other
        commands = await offered(pilot)
        assert commands.get("Resume the guided session") == "Paused at step 1 of 9: About us"
        assert "Start a guided session" not in commands
