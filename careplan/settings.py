"""How careplan looks, kept across restarts: settings.json in the user config folder.

One small JSON object, written whole and atomically (careplan.safe_files), read leniently: a
missing, damaged or foreign file gives the defaults rather than stopping careplan from opening,
and keys careplan does not know are kept as they were when it writes the file again.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from careplan import locations
from careplan.errors import CarePlanError
from careplan.safe_files import atomic_write
from careplan.tinydb_storage import read_json_file


@dataclass(frozen=True)
class Settings:
    theme: str = ""  # a theme's name ("light", "dark", "high contrast"); "": careplan's default


def _stored(path: Path) -> dict[str, Any]:
    try:
        data = read_json_file(path)
    except CarePlanError:
        return {}
    return data if isinstance(data, dict) else {}


def load_settings(path: Path | None = None) -> Settings:
    """The settings kept, or the defaults when there are none (or they cannot be read)."""
    data = _stored(path or locations.settings_file())
    theme = data.get("theme")
    return Settings(theme=theme if isinstance(theme, str) else "")


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Keep `settings` for next time, all at once. StorageError (a CarePlanError) when it cannot."""
    path = path or locations.settings_file()
    data = {**_stored(path), "theme": settings.theme}
    atomic_write(path, (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))
