"""A few calm themes with plain names, the one chosen kept across restarts in a settings file in
the user config folder (written whole), and found in the palette by the words people use."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.command import CommandList, CommandPalette

from careplan import locations
from careplan.screens.app import CarePlanApp
from careplan.settings import Settings, load_settings, save_settings
from careplan.store import Store
from tests.palette import ROUNDS, palette_search
from tests.pilot_helpers import SIZE, settle

SIZES = [SIZE, (80, 24)]


def test_the_settings_file_is_in_the_config_folder_the_tests_point_at(tmp_path: Path) -> None:
    assert locations.settings_file() == tmp_path / "careplan-config" / "settings.json"
    assert load_settings() == Settings()  # none yet: the defaults
    save_settings(Settings(theme="light"))
    assert load_settings().theme == "light"
    assert json.loads(locations.settings_file().read_text()) == {"theme": "light"}
    assert [p.name for p in locations.config_dir().iterdir()] == ["settings.json"]  # no leftovers


def test_a_damaged_settings_file_gives_the_defaults_and_unknown_keys_are_kept() -> None:
    path = locations.settings_file()
    path.parent.mkdir(parents=True)
    path.write_text("{not json")
    assert load_settings() == Settings()
    path.write_text(json.dumps({"theme": 7, "later": "kept"}))
    assert load_settings() == Settings()
    save_settings(Settings(theme="dark"))
    assert json.loads(path.read_text()) == {"theme": "dark", "later": "kept"}


@pytest.mark.parametrize("size", SIZES)
async def test_the_theme_chosen_is_kept_across_restarts(
    store: Store, size: tuple[int, int]
) -> None:
    app = CarePlanApp(store)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        assert app.theme == "dark"
        assert set(app.available_themes) == {"light", "dark", "high contrast"}
        await palette_search(pilot, "theme")
        await pilot.press("enter")  # the themes, by their plain names
        await settle(pilot)
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        await pilot.press(*"high")
        names = palette.query_one(CommandList)
        for _ in range(ROUNDS):
            await app.workers.wait_for_complete()
            await pilot.pause()
            if names.highlighted is not None:
                break
        await pilot.press("enter")
        await settle(pilot)
        assert app.theme == "high contrast"
    assert load_settings().theme == "high contrast"
    again = CarePlanApp(store)
    async with again.run_test(size=size) as pilot:
        await settle(pilot)
        assert again.theme == "high contrast"


def test_a_theme_careplan_does_not_offer_is_not_put_on(store: Store) -> None:
    save_settings(Settings(theme="nord"))
    assert CarePlanApp(store).theme == "dark"


@pytest.mark.parametrize("words", ["theme", "colour", "color", "light", "dark"])
async def test_the_palette_finds_the_colours_by_the_words_people_use(
    store: Store, words: str
) -> None:
    app = CarePlanApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert await palette_search(pilot, words) == "Change colours (light or dark)"
