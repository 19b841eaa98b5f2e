"""The last few good copies of each plan file, and putting one back.

Before saving a version replaces a plan file, the file as it was is copied to
`backups/<id>/<N>.json`, N being the newest version it holds; the newest `KEEP` copies are kept.
Saving is already atomic, so these are for what atomic saving cannot prevent: a disk that damages
a file later, a sync program or a person editing it by hand, a bug.

Restoring never deletes anything: the file being replaced is renamed beside it
(`plans/<id>.json.damaged-<time>`, or `.replaced-<time>` if it could still be read).
"""

from __future__ import annotations

import contextlib
import os
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from careplan import locations
from careplan.errors import CarePlanError, DamagedFile, PlanLocked
from careplan.plan_lock import LockBusy, PlanLock
from careplan.safe_files import (
    atomic_write,
    ensure_private_dir,
    read_regular_file,
    remove,
    set_aside,
)
from careplan.tinydb_storage import read_json_file

KEEP = 3
_BACKUP_NAME = re.compile(r"^(\d+)\.json$")


@dataclass(frozen=True)
class Backup:
    plan_id: str
    version: int  # the newest version this copy holds (it holds every version up to it)
    path: Path
    kept_at: datetime
    size: int  # bytes

    @property
    def name(self) -> str:
        return self.path.name


def list_backups(root: Path, plan_id: str) -> list[Backup]:
    """The copies kept of a plan's file, newest first."""
    folder = locations.backups_dir(Path(root), _checked(plan_id))
    if folder.is_symlink() or folder.parent.is_symlink():
        return []  # never a link's target: keep_copy refuses it, naming the folder
    try:
        names = os.listdir(folder)
    except (FileNotFoundError, NotADirectoryError):
        return []
    except OSError as error:
        raise DamagedFile(folder, error.strerror or str(error)) from None
    found = []
    for name in names:
        match = _BACKUP_NAME.match(name)
        if not match:
            continue  # e.g. a draft set aside by PlanFile.set_aside_draft
        path = folder / name
        try:
            stat = path.stat()
        except OSError:
            continue
        kept_at = datetime.fromtimestamp(stat.st_mtime).astimezone()
        found.append(Backup(plan_id, int(match[1]), path, kept_at, stat.st_size))
    return sorted(found, key=lambda backup: backup.version, reverse=True)


def keep_copy(root: Path, plan_id: str, plan_path: Path, version: int | None) -> Backup | None:
    """Copy the plan file as it is now (holding versions up to `version`) before it is replaced,
    then drop all but the newest KEEP copies. Called by PlanFile.save_version under the plan's lock.
    """
    if version is None:
        return None  # a plan with no versions yet: nothing that could be lost
    folder = locations.backups_dir(Path(root), _checked(plan_id))
    try:
        data, _ = read_regular_file(plan_path)
        ensure_private_dir(folder.parent)
        ensure_private_dir(folder)
    except OSError as error:
        raise CarePlanError(
            f"Could not keep a backup copy of {plan_path} ({error.strerror or error})."
        ) from None
    _remove_leftovers(folder)
    atomic_write(folder / f"{version}.json", data)
    kept = list_backups(root, plan_id)
    for old in kept[KEEP:]:
        remove(old.path)
    return next((backup for backup in kept if backup.version == version), None)


def restore_backup(
    root: Path, plan_id: str, backup: Backup | int | str, *, force: bool = False
) -> Path | None:
    """Put a kept copy back as the plan's file. Returns where the file it replaced was moved to
    (None if there was no file). Refuses, changing nothing, if another window has the plan open,
    or if the plan's file can still be read and `force` is not given (restoring would hide the
    versions saved since the copy; they stay in the moved-aside file either way).
    """
    root = Path(root)
    chosen = _find(root, plan_id, backup)
    _check_backup(chosen)
    plan_path = locations.plan_file(root, plan_id)
    lock = PlanLock(locations.lock_file(root, plan_id))
    try:
        lock.acquire()
    except LockBusy as busy:
        raise PlanLocked(plan_id, busy.holder) from None
    try:
        present = plan_path.exists() or plan_path.is_symlink()
        problem = _problem(root, plan_id) if present else "missing"
        if problem is None and not force:
            raise CarePlanError(
                f"The plan file {plan_path} can be read, so nothing was restored: putting back the copy "
                f"of version {chosen.version} would set aside anything saved since. To do it anyway, "
                "restore with --force; the current file is then kept beside it."
            )
        moved = set_aside(plan_path, "damaged" if problem else "replaced") if present else None
        try:
            atomic_write(plan_path, read_regular_file(chosen.path)[0])
            still = _problem(root, plan_id)
            if still is not None:
                raise CarePlanError(
                    f"The copy {chosen.path} could not be read once put back ({still})."
                )
        except BaseException:
            _undo(plan_path, moved)
            raise
        return moved
    finally:
        lock.release()


def _find(root: Path, plan_id: str, wanted: Backup | int | str) -> Backup:
    kept = list_backups(root, plan_id)
    if isinstance(wanted, Backup):
        version: object = wanted.version
    else:
        text = str(wanted).strip().removesuffix(".json")
        version = int(text) if text.isascii() and text.isdigit() else text  # not "²"
    for backup in kept:
        if backup.version == version:
            return backup
    listed = ", ".join(str(backup.version) for backup in kept) or "none"
    raise CarePlanError(
        f'There is no backup "{wanted}" of plan {plan_id} (the copies kept are: {listed}).'
    )


def _check_backup(backup: Backup) -> None:
    data = read_json_file(backup.path)  # DamagedFile names it
    if not isinstance(data, dict) or not isinstance(data.get("_meta"), dict):
        raise DamagedFile(backup.path, "it is not a careplan plan file")


def _problem(root: Path, plan_id: str) -> str | None:
    """Why the plan's file cannot be opened, or None if it can."""
    from careplan.store import PlanFile  # the store imports this module

    try:
        PlanFile(root, plan_id, write=False).close()
    except CarePlanError as error:
        return getattr(error, "why", "") or str(error)
    return None


def _remove_leftovers(folder: Path) -> None:
    """Temporary files of a copy interrupted by a kill (we hold the plan's lock, so none is in use)."""
    for name in os.listdir(folder):
        if name.startswith(".") and name.endswith(".tmp"):
            with contextlib.suppress(OSError):
                os.unlink(folder / name)


def _undo(plan_path: Path, moved: Path | None) -> None:
    """After a failed restore, put the original file back where it was."""
    try:
        if moved is not None:
            os.replace(moved, plan_path)  # the restored copy goes; the backup itself is untouched
        else:
            remove(plan_path)
    except OSError:
        pass  # the original is still safe under its moved-aside name


def _checked(plan_id: str) -> str:
    if (
        not plan_id
        or plan_id in (".", "..")
        or "/" in plan_id
        or "\\" in plan_id
        or "\0" in plan_id
    ):
        raise CarePlanError(f'"{plan_id}" is not a plan id.')
    return plan_id
