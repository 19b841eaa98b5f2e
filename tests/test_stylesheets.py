"""Every stylesheet is loaded by someone: the App for the first screen and dialogs, each screen for its own.

Start-up parses only app.tcss and forms.tcss; a section's sheet is read when a screen naming it in
its CSS_PATH is first shown. A sheet nobody names would silently never apply.
"""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

from textual.screen import Screen

import careplan.screens
from careplan.screens.app import CarePlanApp
from careplan.store import Store
from careplan.styles import stylesheet
from careplan.working_plan import WorkingPlan
from tests.storage_helpers import full_plan, new_plan_with_versions

STYLES = Path(stylesheet("app.tcss")).parent


def screen_classes() -> list[type[Screen]]:
    """Every Screen class defined in careplan.screens."""
    found = []
    for module in pkgutil.walk_packages(careplan.screens.__path__, "careplan.screens."):
        for value in vars(importlib.import_module(module.name)).values():
            if (
                isinstance(value, type)
                and issubclass(value, Screen)
                and value.__module__ == module.name
            ):
                found.append(value)
    return found


def sheets(css_path: str | list[str] | None) -> set[str]:
    if css_path is None:
        return set()
    return {Path(path).name for path in ([css_path] if isinstance(css_path, str) else css_path)}


def test_every_sheet_is_named_by_the_app_or_a_screen_and_every_name_is_a_sheet() -> None:
    named = sheets(CarePlanApp.CSS_PATH)
    for cls in screen_classes():
        named |= sheets(cls.CSS_PATH)
    assert named == {path.name for path in STYLES.glob("*.tcss")}


def sheets_read(app: CarePlanApp) -> set[str]:
    return {Path(path).name for path, _ in app.stylesheet.source if path.endswith(".tcss")}


async def test_start_up_reads_only_the_app_sheets_and_a_section_reads_its_own_when_opened(
    store: Store,
) -> None:
    for name in ("Ann Smith", "Bea Jones"):  # two plans, so the list stays on screen
        new_plan_with_versions(store, full_plan(name))
    app = CarePlanApp(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert sheets_read(app) == {"app.tcss", "forms.tcss"}
        app.show_plan(WorkingPlan(store.open_plan(store.plan_ids()[0])))
        await pilot.pause()
        app.open_section("goals")
        await pilot.pause()
        assert sheets_read(app) == {"app.tcss", "forms.tcss", "goals.tcss"}
        assert app.screen.query_one("#goal-actions").styles.padding.left == 1  # goals.tcss applies
