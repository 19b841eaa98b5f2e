"""Every test gets its own empty data folder; nothing touches a real home folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from careplan.store import Store


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "careplan-data"
    monkeypatch.setenv("CAREPLAN_DATA_DIR", str(folder))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    return folder


@pytest.fixture
def store(data_dir: Path) -> Store:
    return Store(data_dir)
