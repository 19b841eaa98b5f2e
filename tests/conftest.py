"""Every test gets its own empty data folder; nothing touches a real home folder; nothing in the
terminal's environment changes what the app shows (Textual's own settings: tests/textual_settings.py)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path
from typing import Any

import pytest

from careplan.screens.app import CarePlanApp
from careplan.store import Store
from tests.pilot_helpers import SIZE, add_plan, hear_notices, settle

# Read each time an App (or its Rich console) is made: colour switches and terminal size overrides.
# TEXTUAL holds Textual's feature flags. A test that wants one (NO_COLOR) sets it itself.
RENDERING_VARIABLES = (
    "NO_COLOR",
    "FORCE_COLOR",
    "TEXTUAL",
    "TTY_COMPATIBLE",
    "TTY_INTERACTIVE",
    "COLUMNS",
    "LINES",
)


@pytest.fixture(autouse=True)
def plain_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in RENDERING_VARIABLES:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "careplan-data"
    monkeypatch.setenv("CAREPLAN_DATA_DIR", str(folder))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    # How careplan looks (the theme) is kept in a settings file: the test's own, never the person's.
    monkeypatch.setenv("CAREPLAN_CONFIG_DIR", str(tmp_path / "careplan-config"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    return folder


@pytest.fixture
def store(data_dir: Path) -> Store:
    return Store(data_dir)


@pytest.fixture(autouse=True)
def notices_heard(monkeypatch: pytest.MonkeyPatch) -> None:
    """tests.pilot_helpers.notices reads what every app was told to notify, however long ago."""
    hear_notices(monkeypatch)


@pytest.fixture
def plan_id(store: Store) -> str:
    """One plan, saved once, for a test that opens the app on it."""
    return add_plan(store, "Ruth Okafor")


OpenApp = Callable[..., AbstractAsyncContextManager]


@pytest.fixture
def open_app(store: Store) -> OpenApp:
    """`async with open_app() as pilot:` the app on the test's store (a single plan opens on its
    home) at SIZE or `size=`, settled; other keywords go to CarePlanApp (`today=`). The block's end
    closes the app as a person quitting would, so a test can read what the store holds afterwards."""

    @asynccontextmanager
    async def opened(size: tuple[int, int] = SIZE, **options: Any) -> AsyncIterator:
        app = CarePlanApp(store, **options)
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            yield pilot

    return opened
