"""Drafts on disk: the work in progress on a plan, kept so a closed terminal or a crash loses nothing.

One file per plan, `drafts/<id>.json` in the data folder (see `careplan.locations`), written whole
and atomically at each change, cleared by saving a version. Its shape:

    {"schema", "plan_id", "based_on", "updated_at", "plan", "extra"}

`plan` is the plan as typed (careplan.codec), `based_on` the version it started from (null for a
plan never saved) and `extra` what the screens keep beside the plan until a save. A draft that
cannot be read is never written over: it is moved aside into `backups/<id>/` first.

This module owns the file; the plan file (`careplan.store.PlanFile`) opens it under the plan's lock,
and `careplan.working_plan.WorkingPlan` keeps it in step with the screen. No Textual here.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from careplan import locations
from careplan.codec import from_dict, to_dict
from careplan.errors import CarePlanError, DamagedFile, InvalidPlanFile, NewerSchema, StorageError
from careplan.migrations import SCHEMA_VERSION
from careplan.model import CarePlan
from careplan.safe_files import atomic_write, ensure_private_dir, remove, remove_leftovers
from careplan.tinydb_storage import encode, read_json_file


@dataclass
class Draft:
    plan: CarePlan
    based_on: int | None  # the version it started from, None for a plan never saved
    updated_at: datetime
    extra: dict[str, Any] = field(default_factory=dict)  # e.g. a guided session's step and notes


class DraftFile:
    """The draft of one plan. The caller holds the plan's lock before writing (PlanFile does)."""

    def __init__(self, root: Path, plan_id: str) -> None:
        self.root = root
        self.plan_id = plan_id
        self.path = locations.draft_file(root, plan_id)
        self._checked = False  # whether a draft already there was read before the first write

    def read(self) -> Draft | None:
        """The work in progress, if any. DamagedFile when it cannot be read."""
        data = read_json_file(self.path)
        if data is None:
            return None
        try:
            if not isinstance(data, dict):
                raise InvalidPlanFile("draft", "should be a JSON object")
            if isinstance(data.get("schema"), int) and data["schema"] > SCHEMA_VERSION:
                raise NewerSchema(self.path, data["schema"], SCHEMA_VERSION)
            if not isinstance(data.get("based_on"), (int, type(None))):
                raise InvalidPlanFile("draft.based_on", "should be a version number")
            return Draft(
                plan=from_dict(CarePlan, data.get("plan", {}), where="draft"),
                based_on=data.get("based_on"),
                updated_at=datetime.fromisoformat(data["updated_at"]),
                extra=data.get("extra") or {},
            )
        except (InvalidPlanFile, KeyError, TypeError, ValueError) as error:
            raise DamagedFile(
                self.path, f"the draft is not in the expected shape ({error})"
            ) from None

    def write(self, plan: CarePlan, based_on: int | None, extra: dict[str, Any] | None) -> None:
        """Keep the work in progress safe on disk (atomically, so a crash keeps the previous draft)."""
        data = {
            "schema": SCHEMA_VERSION,
            "plan_id": self.plan_id,
            "based_on": based_on,
            "updated_at": datetime.now().astimezone().isoformat(),
            "plan": to_dict(plan),
            "extra": extra or {},
        }
        self._keep_unreadable()
        atomic_write(self.path, encode(data))

    def discard(self) -> None:
        self._keep_unreadable()
        remove(self.path)

    def set_aside(self) -> Path | None:
        """Move an unreadable draft, bytes untouched, into backups/<id>/ so work can start again
        from the last saved version. Returns where it went (None if there was no draft)."""
        if not self.path.exists():
            return None
        folder = locations.backups_dir(self.root, self.plan_id)
        ensure_private_dir(folder.parent)
        ensure_private_dir(folder)
        target = (
            folder / f"draft-set-aside-{datetime.now():%Y%m%d-%H%M%S}-{secrets.token_hex(2)}.json"
        )
        try:
            os.replace(self.path, target)
        except OSError as error:
            raise StorageError(target, error.strerror or str(error)) from None
        return target

    def tidy(self) -> None:
        """With the lock held: the drafts folder owner-only, no temporary files left by a killed write."""
        try:
            ensure_private_dir(self.path.parent)
        except OSError:
            pass  # reported plainly by the first write that needs the folder
        remove_leftovers(self.path)

    def _keep_unreadable(self) -> None:
        """Before the first write over the draft, set it aside if it cannot be read: its bytes may
        hold words worth recovering by hand."""
        if self._checked:
            return
        try:
            self.read()
        except CarePlanError:  # damaged, or from a newer careplan: kept, not written over
            self.set_aside()
        self._checked = True


def plans_with_drafts(root: Path) -> set[str]:
    """The plans that have a draft (changes not saved as a version yet), from one folder listing."""
    try:
        names = os.listdir(locations.drafts_dir(root))
    except OSError:
        return set()
    return {name[:-5] for name in names if name.endswith(".json") and not name.startswith(".")}
