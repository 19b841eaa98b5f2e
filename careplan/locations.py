"""Where careplan keeps things. Every path comes from here; nothing is created at import time."""

from __future__ import annotations

import os
from pathlib import Path

ENV_DATA_DIR = "CAREPLAN_DATA_DIR"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The data folder: --data-dir, else $CAREPLAN_DATA_DIR, else the platform's user data dir."""
    if override:
        return Path(override).expanduser()
    from_env = os.environ.get(ENV_DATA_DIR, "").strip()
    if from_env:
        return Path(from_env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("careplan", appauthor=False))


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
