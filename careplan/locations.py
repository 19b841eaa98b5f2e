"""Where careplan keeps things. Every path comes from here; nothing is created at import time."""

from __future__ import annotations

import os
from pathlib import Path

ENV_DATA_DIR = "CAREPLAN_DATA_DIR"
ENV_CONFIG_DIR = "CAREPLAN_CONFIG_DIR"


def typed_path(text: str | os.PathLike[str]) -> Path:
    """A path as someone typed it (on the command line, in a box, in $CAREPLAN_DATA_DIR), "~" and
    "~name" expanded. UnknownHome when "~name" is no home folder on this computer."""
    try:
        return Path(text).expanduser()
    except RuntimeError:  # "~name/..." for a user this computer does not know
        from careplan.errors import UnknownHome

        raise UnknownHome(os.fspath(text)) from None


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The data folder: --data-dir, else $CAREPLAN_DATA_DIR, else the platform's user data dir.
    UnknownHome for a "~name" that is no home folder here."""
    if override:
        return typed_path(override)
    from_env = os.environ.get(ENV_DATA_DIR, "").strip()
    if from_env:
        return typed_path(from_env)
    import platformdirs

    return Path(platformdirs.user_data_dir("careplan", appauthor=False))


def config_dir() -> Path:
    """Where careplan keeps how it looks (settings.json): $CAREPLAN_CONFIG_DIR, else the
    platform's user config folder. Apart from the data folder: settings are not health information."""
    from_env = os.environ.get(ENV_CONFIG_DIR, "").strip()
    if from_env:
        return typed_path(from_env)
    import platformdirs

    return Path(platformdirs.user_config_dir("careplan", appauthor=False))


def settings_file() -> Path:
    return config_dir() / "settings.json"


def plans_dir(root: Path) -> Path:
    return root / "plans"


def plan_file(root: Path, plan_id: str) -> Path:
    return plans_dir(root) / f"{plan_id}.json"


def lock_file(root: Path, plan_id: str) -> Path:
    return plans_dir(root) / f"{plan_id}.lock"


def drafts_dir(root: Path) -> Path:
    return root / "drafts"


def draft_file(root: Path, plan_id: str) -> Path:
    return drafts_dir(root) / f"{plan_id}.json"


def backups_dir(root: Path, plan_id: str) -> Path:
    return root / "backups" / plan_id


def index_file(root: Path) -> Path:
    return root / "index.json"


def exports_dir(root: Path) -> Path:
    return root / "exports"


def own_files_holding(root: Path, path: Path) -> Path | None:
    """The part of careplan's own data (plans/, drafts/, backups/, the index) that `path` would
    land in, or None: an export written there would overwrite the record itself."""
    target = Path(os.path.realpath(path))
    real_root = Path(os.path.realpath(root))
    for own in (plans_dir(real_root), drafts_dir(real_root), real_root / "backups"):
        if target == own or own in target.parents:
            return own
    if target == index_file(real_root):
        return target
    return None
