"""Drafts on disk: the work in progress on a plan, kept so a closed terminal or a crash loses nothing.

One file per plan, `drafts/<id>.json` in the data folder (see `careplan.locations`), written whole
and atomically at each change, cleared by saving a version. Its shape:

    {"schema", "plan_id", "based_on", "updated_at", "changes", "plan", "extra"}

`plan` is the plan as typed and `extra` what the screens keep beside it until a save (a
`DraftExtra`), both through careplan.codec; `based_on` is the version it started from (null for a
plan never saved). A draft that cannot be read is never written over: it is moved aside into
`backups/<id>/` first.

This module owns the file; the plan file (`careplan.store.PlanFile`) opens it under the plan's lock,
and `careplan.working_plan.WorkingPlan` keeps it in step with the screen. No Textual here.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from pathlib import Path
from typing import Any

from careplan import locations, vocab
from careplan.codec import from_dict, to_dict
from careplan.errors import CarePlanError, DamagedFile, InvalidPlanFile, NewerSchema, StorageError
from careplan.migrations import SCHEMA_VERSION, plan_dict_brought_up_to_date
from careplan.model import CarePlan
from careplan.safe_files import atomic_write, ensure_private_dir, remove, remove_leftovers
from careplan.tinydb_storage import encode, read_json_file
from careplan.vocab import Voice


@dataclass
class DraftExtra:
    """What is kept beside the plan in its draft until a save, each fact once.

    The field names are the keys older careplans wrote into the draft's plain `extra` dict, so
    those drafts load as they are (see `extra_from`).
    """

    speaker: Voice = "together"  # who is speaking now, F2 changes it
    restored_from: int | None = None  # the older version the draft was started from
    guided_step: int | None = (
        None  # a guided session's step (its place in guided.STEPS); None: none
    )
    guided_skipped: list[int] = field(default_factory=list)  # steps skipped in that session
    session_notes: str = ""  # the session's private notes, until a save keeps them with a version
    session_kind: str = ""  # vocab.SESSION_KINDS id, kept with the version like the notes
    session_language: str = ""
    session_interpreter: str = ""
    typed_dates: dict[str, str] = field(
        default_factory=dict
    )  # date field key -> text (date_fields)
    review_saved_by: str | None = None  # typed on Review and save (None: nothing typed there yet)
    review_note: str | None = None
    review_session_day: str = ""
    # the day of the conversation this draft records (None: today); new dated things default to it
    session_day: date | None = None


def extra_from(data: Any) -> DraftExtra:
    """A draft's extra as kept on disk, leniently: a fact of the wrong shape (from an older careplan
    or a hand edit) is let go rather than losing the plan's words with it, and keys careplan no
    longer keeps are ignored."""
    if not isinstance(data, dict):
        return DraftExtra()
    values = {}
    for one in fields(DraftExtra):
        if one.name not in data:
            continue
        try:
            values[one.name] = getattr(from_dict(DraftExtra, {one.name: data[one.name]}), one.name)
        except InvalidPlanFile:
            continue
    extra = DraftExtra(**values)
    if extra.speaker not in vocab.VOICES:
        extra.speaker = DraftExtra.speaker
    return extra


@dataclass
class Draft:
    plan: CarePlan
    based_on: int | None  # the version it started from, None for a plan never saved
    updated_at: datetime
    extra: DraftExtra = field(default_factory=DraftExtra)


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
                plan=from_dict(
                    CarePlan, plan_dict_brought_up_to_date(data.get("plan", {})), where="draft"
                ),
                based_on=data.get("based_on"),
                updated_at=datetime.fromisoformat(data["updated_at"]),
                extra=extra_from(data.get("extra")),
            )
        except (InvalidPlanFile, KeyError, TypeError, ValueError) as error:
            raise DamagedFile(
                self.path, f"the draft is not in the expected shape ({error})"
            ) from None

    def keep(
        self,
        plan: CarePlan,
        based_on: int | None,
        extra: DraftExtra | None,
        changes: bool = True,
    ) -> None:
        """Keep the work in progress safe on disk (atomically, so a crash keeps the previous draft).
        `changes` says whether it differs from the version it is based on: a draft that only keeps
        who is speaking, or a section opened and left, is no unsaved change in the caseload."""
        data = {
            "schema": SCHEMA_VERSION,
            "plan_id": self.plan_id,
            "based_on": based_on,
            "updated_at": datetime.now().astimezone().isoformat(),
            "changes": bool(changes),
            "plan": to_dict(plan),
            "extra": to_dict(extra or DraftExtra()),
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
    """The plans that have a draft with changes not saved as a version yet. A draft that says it
    has none (written when a section was opened and left) is left out; one that cannot be read, or
    from before drafts said so, is counted, so unsaved words are never hidden."""
    folder = locations.drafts_dir(root)
    try:
        names = os.listdir(folder)
    except OSError:
        return set()
    found = set()
    for name in names:
        if not name.endswith(".json") or name.startswith("."):
            continue
        try:
            data = read_json_file(folder / name)
        except CarePlanError:
            data = "unreadable"
        if data is None:
            continue  # removed since the folder was listed: saved or discarded meanwhile
        if not isinstance(data, dict) or data.get("changes") is not False:
            found.add(name[:-5])
    return found
