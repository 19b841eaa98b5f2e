"""The data folder: one TinyDB file per plan, versions that never change, drafts, one writer per plan.

Layout (see `careplan.locations`):
    plans/<id>.json    the plan's versions and their content-addressed pieces (TinyDB; see below)
    plans/<id>.lock    held while a process may write the plan
    drafts/<id>.json   work in progress, saved continuously, cleared by saving a version
                       (careplan.drafts owns this file; PlanFile opens it under the plan's lock)
    index.json         a cache of each plan's summary, so the caseload lists without reading plans

One file per plan keeps saving a version independent of the size of the caseload. Screens and the
CLI use this module; nothing else touches TinyDB.

A plan file holds three tables. `_meta`: one row (schema, id, person, next review). `versions`:
one row per version, {"n", "at", "by", "note", "s", "sd"} and "sn" (session notes) when there
are any. "sd" is the day of the conversation (absent in files written before it was kept: such a
version's day is the day it was saved); "s" maps each section that changed since the version
before to the key of its content (the first version names every section), so reading a version
walks forward through the records. `objects`: one row per save, {"h": key of "d", "d": {key:
object}}, holding the pieces that save added (see careplan.plan_objects). Rows are only ever
added, never changed, so an old version's bytes stay as they were written.
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import secrets
import threading
import typing
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeGuard

from tinydb import TinyDB

from careplan import backups, locations, plan_objects, vocab
from careplan.closing import REOPENED_NOTE, Closure, closed_note
from careplan.codec import from_dict, to_dict
from careplan.display import shown_name
from careplan.drafts import Draft, DraftExtra, DraftFile, plans_with_drafts
from careplan.errors import (
    AmbiguousPlan,
    CarePlanError,
    DamagedFile,
    InvalidPlanFile,
    PlanLocked,
    PlanNotFound,
    StorageError,
)
from careplan.migrations import SCHEMA_VERSION, migrate
from careplan.model import SECTION_NAMES, CarePlan
from careplan.plan_lock import LockBusy, PlanLock
from careplan.safe_files import (
    atomic_write,
    describe_error,
    ensure_private_dir,
    remove_leftovers,
)
from careplan.tinydb_storage import AtomicJSONStorage, encode, read_json_file
from careplan.validation import check, has_visible_character, tidy, tidy_name, tidy_text

META, VERSIONS, OBJECTS = "_meta", "versions", "objects"


@dataclass(frozen=True)
class VersionInfo:
    number: int
    saved_at: datetime
    saved_by: str
    note: str
    # The facilitator's notes from a guided session: kept with the version, never in its note
    # (which history and the family's export show) unless someone chose to put them there.
    session_notes: str = ""
    session_date: date | None = None  # the day of the conversation; None in older files
    # How the session happened (a vocab.SESSION_KINDS id), its language and interpreter: the
    # facilitator's record, like session_notes; "" when nobody said (and in older files).
    session_kind: str = ""
    session_language: str = ""
    session_interpreter: str = ""

    @property
    def session_day(self) -> date:
        """The day the version speaks for: the conversation's, or (older files) the day saved."""
        return self.session_date or self.saved_at.date()


@dataclass(frozen=True)
class PlanSummary:
    id: str
    person: str
    versions: int
    last_saved: datetime | None
    next_review: date | None
    has_draft: bool = False
    problem: str = ""  # set when the plan's file cannot be read
    # From the latest saved version's About (careplan.people): what they are called, who takes
    # part, and what tells them from someone of the same name. Empty before the first version.
    called: str = ""
    caregivers: tuple[str, ...] = ()
    told_apart: str = ""
    closed: Closure | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "person": self.person,
            "versions": self.versions,
            "last_saved": self.last_saved.isoformat() if self.last_saved else None,
            "next_review": self.next_review.isoformat() if self.next_review else None,
            "has_draft": self.has_draft,
            "problem": self.problem or None,
            "closed": {"reason": self.closed.reason, "on": self.closed.on.isoformat()}
            | ({"words": self.closed.words} if self.closed.words else {})
            if self.closed
            else None,
        }


class Store:
    """A data folder. Creating one touches nothing; folders appear on the first write."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    # --- the caseload -------------------------------------------------------------------------

    def plan_ids(self) -> list[str]:
        folder = locations.plans_dir(self.root)
        try:
            names = os.listdir(folder)
        except FileNotFoundError:
            return []
        except OSError as error:
            raise DamagedFile(folder, error.strerror or str(error)) from None
        return sorted(
            name[:-5] for name in names if name.endswith(".json") and not name.startswith(".")
        )

    def list_plans(self) -> list[PlanSummary]:
        """Every plan's summary, from the index where the plan file has not changed since."""
        index_path = locations.index_file(self.root)
        try:
            cached = read_json_file(index_path) or {}
        except DamagedFile:
            cached = {}  # only a cache: rebuild it
        entries = cached.get("plans", {}) if isinstance(cached, dict) else {}
        if not isinstance(entries, dict):
            entries = {}  # valid JSON of the wrong shape: only a cache, rebuild it
        fresh: dict[str, Any] = {}
        summaries = []
        drafts = plans_with_drafts(self.root)  # one listing, not a look for each plan's draft
        for plan_id in self.plan_ids():
            path = locations.plan_file(self.root, plan_id)
            try:
                stat = path.stat()
                stamp = [stat.st_ino, stat.st_mtime_ns, stat.st_size]  # every save is a new file
            except OSError:
                stamp = None
            cached = entries.get(plan_id)
            if _usable_entry(cached) and stamp and cached.get("stamp") == stamp:
                entry = cached
            else:
                entry = {"stamp": stamp, **self._summarise(plan_id)}
            fresh[plan_id] = entry
            summaries.append(self._summary_from_entry(plan_id, entry, has_draft=plan_id in drafts))
        if fresh != entries:
            try:
                atomic_write(index_path, encode({"plans": fresh}))
            except CarePlanError:
                pass  # the index is a cache; the plans themselves are fine
        return sorted(summaries, key=lambda summary: (summary.person.casefold(), summary.id))

    def resolve(self, ref: str) -> str:
        """A plan id from an id, the start of an id, or an unambiguous start of the person's name."""
        ref = ref.strip()
        if not ref:
            raise PlanNotFound(ref)
        ids = self.plan_ids()
        if ref in ids:
            return ref
        from careplan.caseload import found_by, tell_apart

        wanted = ref.casefold()
        summaries = self.list_plans()
        matches = [s for s in summaries if s.id.startswith(wanted)]
        if not matches:
            matches = found_by(summaries, ref)
        if len(matches) == 1:
            return matches[0].id
        if not matches:
            raise PlanNotFound(ref)
        raise AmbiguousPlan(ref, [tell_apart(s) for s in matches])

    def create_plan(self, plan: CarePlan) -> PlanFile:
        """Start a new plan (no versions yet; the plan is kept as its draft) and open it for writing."""
        if not has_visible_character(plan.person):  # nothing but spaces or invisible characters
            raise CarePlanError("A new plan needs the person's name.")
        for folder in (self.root, locations.plans_dir(self.root)):
            try:
                ensure_private_dir(folder)
            except OSError as error:
                raise StorageError(folder, describe_error(error)) from None
        taken = set(self.plan_ids())
        while True:
            plan_id = _new_plan_id(plan.person, taken)
            try:
                opened = PlanFile(
                    self.root, plan_id, write=True, create=True, person=tidy_name(plan.person)
                )
            except LockBusy:
                taken.add(plan_id)  # another process is creating a plan with this very id
                continue
            try:
                opened.keep_draft(plan)
            except BaseException:
                opened.close()
                raise
            return opened

    def open_plan(
        self, plan_id: str, *, write: bool = True, read_only_if_busy: bool = False
    ) -> PlanFile:
        """Open a plan. For writing, takes its lock: PlanLocked if another process has it, or a
        read-only PlanFile (with `locked_by` set) when `read_only_if_busy`."""
        if plan_id not in self.plan_ids():
            raise PlanNotFound(plan_id)
        try:
            return PlanFile(self.root, plan_id, write=write)
        except LockBusy as busy:
            if not read_only_if_busy:
                raise PlanLocked(self._person_or_id(plan_id), busy.holder) from None
            opened = PlanFile(self.root, plan_id, write=False)
            opened.locked_by = busy.holder or "another careplan window"
            return opened

    def refresh_index(self) -> None:
        self.list_plans()

    # --- helpers ------------------------------------------------------------------------------

    def _summarise(self, plan_id: str) -> dict[str, Any]:
        try:
            with PlanFile(self.root, plan_id, write=False) as opened:
                versions = opened.versions()
                meta = opened.meta
                about = _latest_about(opened) if versions else None
                return {
                    "person": meta.get("person", ""),
                    "versions": len(versions),
                    "last_saved": versions[-1].saved_at.isoformat() if versions else None,
                    "next_review": meta.get("next_review"),
                    "problem": "",
                    **_about_entry(about),
                    "closed": meta.get("closed"),
                }
        except CarePlanError as error:
            problem = str(error)
        except Exception as error:  # a bug meeting an odd file: still list the rest
            problem = f"The file {locations.plan_file(self.root, plan_id)} could not be read ({type(error).__name__})."
        return {
            "person": "",
            "versions": 0,
            "last_saved": None,
            "next_review": None,
            "problem": problem,
            **_about_entry(None),
            "closed": None,
        }

    def _summary_from_entry(
        self, plan_id: str, entry: dict[str, Any], has_draft: bool
    ) -> PlanSummary:
        return PlanSummary(
            id=plan_id,
            person=entry.get("person") or "",
            versions=entry.get("versions") or 0,
            last_saved=_datetime_or_none(entry.get("last_saved")),
            next_review=_date_or_none(entry.get("next_review")),
            has_draft=has_draft,
            problem=entry.get("problem") or "",
            called=entry.get("called") or "",
            caregivers=tuple(entry.get("caregivers") or ()),
            told_apart=entry.get("told_apart") or "",
            closed=Closure.from_json(entry.get("closed")),
        )

    def _person_or_id(self, plan_id: str) -> str:
        try:
            with PlanFile(self.root, plan_id, write=False) as opened:
                return opened.person or plan_id
        except CarePlanError:
            return plan_id


def _one_at_a_time(method):
    """Run a PlanFile method while holding its thread lock: a save in a worker thread, a draft
    written as someone types and closing on quit never interleave, and a close waits for a save."""

    @functools.wraps(method)
    def guarded(self: PlanFile, *args: Any, **kwargs: Any) -> Any:
        with self._guard:
            return method(self, *args, **kwargs)

    return guarded


class PlanFile:
    """One plan, opened. Read-only, or writable while this process holds the plan's lock.
    Safe to use from more than one thread: each read or write runs alone (see `_one_at_a_time`)."""

    def __init__(
        self, root: Path, plan_id: str, *, write: bool, create: bool = False, person: str = ""
    ) -> None:
        self.root = root
        self.id = plan_id
        self.path = locations.plan_file(root, plan_id)
        self.read_only = not write
        self.locked_by = ""  # who holds the lock, when we fell back to reading only
        self._guard = threading.RLock()
        self._closed = False
        self._lock = PlanLock(locations.lock_file(root, plan_id))
        self._draft = DraftFile(root, plan_id)
        if write:
            self._lock.acquire()
        try:
            if write:
                self._tidy_folders()
            self._storage = AtomicJSONStorage(self.path, read_only=not write)
            self._db = TinyDB(storage=_use(self._storage))
            if create:
                self._create(person)
            self._load()
        except DamagedFile as damaged:
            self._lock.release()
            if damaged.path != self.path:
                raise
            raise DamagedFile(damaged.path, damaged.why, advice=self._damage_advice()) from None
        except BaseException:
            self._lock.release()
            raise

    # --- reading ------------------------------------------------------------------------------

    @property
    def person(self) -> str:
        return self.meta.get("person", "")

    @_one_at_a_time
    def versions(self) -> list[VersionInfo]:
        return list(self._versions)

    @property
    def latest(self) -> int | None:
        return self._versions[-1].number if self._versions else None

    def version(self, number: int) -> VersionInfo:
        for info in self._versions:
            if info.number == number:
                return info
        raise CarePlanError(f"{self.person or self.id}'s plan has no version {number}.")

    @_one_at_a_time
    def load(self, number: int | None = None) -> CarePlan:
        """A saved version (the latest by default) as a fresh CarePlan the caller may change."""
        if number is None:
            if not self._versions:
                return CarePlan()
            number = self._versions[-1].number
        self.version(number)
        try:
            plan_data = plan_objects.join(self._sections(number), self._objects)
            return from_dict(CarePlan, plan_data, where=f"version {number}")
        except _INCOMPLETE as error:
            raise DamagedFile(
                self.path, f"version {number} is incomplete ({error})", advice=self._damage_advice()
            ) from None

    @_one_at_a_time
    def load_section(self, section: str, number: int | None = None) -> Any:
        """One section of a saved version (the latest by default), e.g. its CheckIn or its goals,
        without reading the rest of the plan: for looking along many versions at once."""
        if section not in _SECTION_TYPES:
            raise KeyError(f"No section called {section!r}")
        number = self._number(number)
        if number is None:
            return getattr(CarePlan(), section)
        try:
            data = plan_objects.join_section(self._sections(number)[section], self._objects)
            return from_dict(_SECTION_TYPES[section], data, where=f"version {number}.{section}")
        except _INCOMPLETE as error:
            raise DamagedFile(
                self.path, f"version {number} is incomplete ({error})", advice=self._damage_advice()
            ) from None

    @_one_at_a_time
    def sections_changed(self, number: int) -> frozenset[str]:
        """The sections version `number` changed from the version before (all, for the first)."""
        self.version(number)
        index = next(i for i, info in enumerate(self._versions) if info.number == number)
        try:
            now = self._sections(number)
            before = self._sections(self._versions[index - 1].number) if index else {}
        except _INCOMPLETE as error:
            raise DamagedFile(
                self.path, f"version {number} is incomplete ({error})", advice=self._damage_advice()
            ) from None
        return frozenset(name for name in SECTION_NAMES if now.get(name) != before.get(name))

    @_one_at_a_time
    def item_ids(self, section: str, number: int | None = None) -> list[str]:
        """The ids of the items of a list section (goals, matters, ...) in a saved version, read
        from the stored items without rebuilding them."""
        number = self._number(number)
        if number is None:
            return []
        try:
            items = plan_objects.list_items(self._sections(number)[section], self._objects)
            return [stored["id"] for _, stored in items]
        except _INCOMPLETE as error:
            raise DamagedFile(
                self.path, f"version {number} is incomplete ({error})", advice=self._damage_advice()
            ) from None

    # --- writing ------------------------------------------------------------------------------

    @_one_at_a_time
    def save_version(
        self,
        plan: CarePlan,
        saved_by: str,
        note: str = "",
        when: datetime | None = None,
        session_notes: str = "",
        session_date: date | None = None,
        session_kind: str = "",
        session_language: str = "",
        session_interpreter: str = "",
    ) -> VersionInfo:
        """Save the plan as a new, numbered version that is never changed again. Clears the draft.

        `session_date` is the day of the conversation the version records (default: the day it is
        saved); it may be earlier than the save, never later. `when`, the real save time, is kept
        beside it and never changes.
        """
        self._need_write()
        if self.closed is not None:
            raise CarePlanError(
                f"{self.person or self.id}'s plan is closed ({self.closed.in_words}), so nothing "
                "new is saved to it. Reopen it first (`careplan reopen`) if it should go on."
            )
        when = when or datetime.now().astimezone()
        session_date = session_date or when.date()
        if session_kind and session_kind not in vocab.SESSION_KINDS:
            raise InvalidPlanFile(
                "session_kind", f"is one of {', '.join(vocab.SESSION_KINDS)}, or left out"
            )
        if session_date > when.date():
            raise InvalidPlanFile(
                "session_date", "cannot be after the day it is saved (a future day)"
            )
        check(tidy(plan))
        self._storage.check_unchanged()
        self._keep_backup()
        sections, objects = plan_objects.split(to_dict(plan))
        new_objects = {key: data for key, data in objects.items() if key not in self._objects}
        changed = self._changed_sections(sections)
        number = (self.latest or 0) + 1
        record = {
            "n": number,
            "at": when.isoformat(),
            "by": tidy_text(saved_by).strip(),
            "note": tidy_text(note).strip(),
            "s": changed,
            "sd": session_date.isoformat(),
        }
        private = tidy_text(session_notes).strip()
        if private:  # only when there are some, so older files and plain saves keep their shape
            record["sn"] = private
        for key, said in (
            ("sk", session_kind),
            ("sl", tidy_text(session_language).strip()),
            ("si", tidy_text(session_interpreter).strip()),
        ):
            if said:  # likewise: only what someone said
                record[key] = said
        meta = {
            "person": plan.person,
            "next_review": plan.next_review.isoformat() if plan.next_review else None,
        }
        with self._storage.batch():
            if new_objects:
                self._db.table(OBJECTS).insert(
                    {"h": plan_objects.object_key(new_objects), "d": new_objects}
                )
            self._db.table(VERSIONS).insert(record)
            self._db.table(META).update(meta)
        self._objects.update(new_objects)
        self._records[number] = record
        self.meta.update(meta)
        info = _version_info(record)
        self._versions.append(info)
        try:
            self.discard_draft()
        except CarePlanError:
            pass  # the version is saved; a draft left over equals it, so reopening shows no changes
        return info

    @property
    def closed(self) -> Closure | None:
        """Why and when the plan was closed, or None while it is open."""
        return Closure.from_json(self.meta.get("closed"))

    @_one_at_a_time
    def close_plan(
        self, closure: Closure, saved_by: str, when: datetime | None = None
    ) -> VersionInfo:
        """Close the plan: a version with the words of the one before, unchanged, whose record says
        it closed the plan (see careplan.closing). A draft is left as it is, never discarded."""
        if self.closed is not None:
            raise CarePlanError(
                f"{self.person or self.id}'s plan is already closed ({self.closed.in_words})."
            )
        return self._record_event(
            {"closed": closure.to_json()}, closed_note(closure), saved_by, when
        )

    @_one_at_a_time
    def reopen_plan(self, saved_by: str, when: datetime | None = None) -> VersionInfo:
        if self.closed is None:
            raise CarePlanError(
                f"{self.person or self.id}'s plan is open; there is nothing to reopen."
            )
        return self._record_event({"closed": None}, REOPENED_NOTE, saved_by, when)

    def _record_event(
        self, meta_change: dict[str, Any], note: str, saved_by: str, when: datetime | None
    ) -> VersionInfo:
        self._need_write()
        if self.latest is None:
            raise CarePlanError(
                f"{self.person or self.id}'s plan has no saved version yet. Save one first, so "
                "what was written is kept with it."
            )
        when = when or datetime.now().astimezone()
        self._storage.check_unchanged()
        self._keep_backup()
        number = self.latest + 1
        record = {
            "n": number,
            "at": when.isoformat(),
            "by": tidy_text(saved_by).strip(),
            "note": note,
            "s": {},  # no section changed: the words are the version before's
            "sd": when.date().isoformat(),
            "ev": meta_change,
        }
        with self._storage.batch():
            self._db.table(VERSIONS).insert(record)
            self._db.table(META).update(meta_change)
        self._records[number] = record
        self.meta.update(meta_change)
        info = _version_info(record)
        self._versions.append(info)
        return info

    # --- the draft (careplan.drafts owns its file; these take the plan's lock and thread guard) --

    @_one_at_a_time
    def draft(self) -> Draft | None:
        """The work in progress, if any."""
        return self._draft.read()

    @_one_at_a_time
    def keep_draft(
        self,
        plan: CarePlan,
        based_on: int | None = None,
        extra: DraftExtra | None = None,
        changes: bool = True,
    ) -> None:
        """Keep the work in progress safe on disk (atomically, so a crash keeps the previous draft).
        `changes` says whether it differs from the version it is based on: a draft that only keeps
        who is speaking, or a section opened and left, is no unsaved change in the caseload."""
        self._need_write()
        self._draft.keep(plan, based_on if based_on is not None else self.latest, extra, changes)

    @_one_at_a_time
    def discard_draft(self) -> None:
        self._need_write()
        self._draft.discard()

    @_one_at_a_time
    def set_aside_draft(self) -> Path | None:
        """Move an unreadable draft, bytes untouched, into backups/<id>/ (see DraftFile.set_aside)."""
        self._need_write()
        return self._draft.set_aside()

    @_one_at_a_time
    def close(self) -> None:
        self._closed = True
        self._storage.close()
        self._lock.release()

    def __enter__(self) -> PlanFile:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # --- inside -------------------------------------------------------------------------------

    def _number(self, number: int | None) -> int | None:
        """`number` checked, or the latest version's (None when nothing is saved yet)."""
        if number is None:
            return self.latest
        self.version(number)
        return number

    def _sections(self, number: int) -> dict[str, str]:
        """Section -> key in version `number`. A record names only the sections that changed, so the
        map is built forward from the first version; maps already built are kept (records never
        change). A misshapen record is a TypeError for its version and the ones built on it, up to
        a record that names every section (as one saved after it does)."""
        built = self._section_maps  # version -> its map, or why it cannot be read
        if number not in built:
            sections = built[self._versions[len(built) - 1].number] if built else {}
            for info in self._versions[len(built) :]:
                changed = self._records[info.number].get("s")
                if not isinstance(changed, dict) or not all(
                    isinstance(key, str) for key in changed.values()
                ):
                    sections = f"version {info.number} does not say which sections it holds"
                elif isinstance(sections, dict) or changed.keys() >= _ALL_SECTIONS:
                    sections = (
                        {**sections, **changed} if isinstance(sections, dict) else dict(changed)
                    )
                built[info.number] = sections
                if info.number == number:
                    break
        found = built[number]
        if isinstance(found, str):
            raise TypeError(found)
        return found

    def _changed_sections(self, sections: dict[str, str]) -> dict[str, str]:
        """The sections of a version about to be saved that differ from the latest version: all of
        them when there is none, or when the latest cannot be read (so this one stands alone)."""
        try:
            before = self._sections(self.latest) if self.latest is not None else {}
        except TypeError:
            before = {}
        return {name: key for name, key in sections.items() if before.get(name) != key}

    def _need_write(self) -> None:
        if self._closed:
            raise CarePlanError(
                f"{self.person or self.id}'s plan was closed here, so nothing more is written to it."
            )
        if self.read_only:
            raise PlanLocked(self.person or self.id, self.locked_by)

    def _tidy_folders(self) -> None:
        """With the lock held: the data folders owner-only, and no temporary files left by a killed save."""
        for folder in (self.root, self.path.parent):
            try:
                ensure_private_dir(folder)
            except OSError:
                pass  # reported plainly by the first write that needs the folder
        remove_leftovers(self.path)
        self._draft.tidy()

    def _keep_backup(self) -> None:
        """Copy the file about to be replaced into backups/ (see careplan.backups). A copy that cannot
        be made does not stop the save: the save itself is atomic, and the words matter more."""
        with contextlib.suppress(CarePlanError):
            backups.keep_copy(self.root, self.id, self.path, self.latest)

    def _damage_advice(self) -> str:
        try:
            kept = backups.list_backups(self.root, self.id)
        except CarePlanError:
            kept = []
        if kept:
            return (
                f"A good copy up to version {kept[0].version} was kept: `careplan backups {self.id}` "
                "lists the copies and `careplan restore-backup` puts one back, keeping this file beside it."
            )
        return "Please keep this file: its words may still be recoverable by hand."

    def _create(self, person: str) -> None:
        if self.path.exists():
            raise CarePlanError(f"A plan file already exists at {self.path}.")
        meta = {
            "schema": SCHEMA_VERSION,
            "id": self.id,
            "person": person,
            "created_at": datetime.now().astimezone().isoformat(),
            "next_review": None,
        }
        self._db.table(META).insert(meta)

    def _load(self) -> None:
        raw: object = self._storage.read()  # the file's JSON, whatever shape it has
        if raw is None:
            raise DamagedFile(self.path, "it is missing")
        if not isinstance(raw, dict) or not isinstance(raw.get(META), dict) or not raw[META]:
            raise DamagedFile(self.path, "it is not a careplan plan file")
        try:
            meta = next(iter(raw[META].values()))
            schema = meta.get("schema")
            if not isinstance(schema, int):
                raise DamagedFile(self.path, "it has no data format version")
            migrated = migrate(raw, schema, self.path)
            if migrated is not raw:
                self._storage.replace_read(migrated)
            self.meta: dict[str, Any] = dict(next(iter(migrated[META].values())))
            if not isinstance(self.meta.get("person", ""), str):
                raise TypeError("the person's name should be text")
            if not isinstance(self.meta.get("next_review"), (str, type(None))):
                raise TypeError("the next review should be a date")
            self._objects: dict[str, Any] = {}
            for row in migrated.get(OBJECTS, {}).values():
                if not isinstance(row["h"], str):
                    raise TypeError("a row of pieces without its key")
                if isinstance(
                    row["d"], dict
                ):  # otherwise damaged: the versions needing it say so when read
                    self._objects.update(row["d"])
            records = sorted(migrated.get(VERSIONS, {}).values(), key=lambda record: record["n"])
            self._records: dict[int, dict[str, Any]] = {record["n"]: record for record in records}
            self._versions: list[VersionInfo] = [_version_info(record) for record in records]
            self._section_maps: dict[int, dict[str, str] | str] = {}
        except (AttributeError, KeyError, TypeError, ValueError) as error:
            raise DamagedFile(
                self.path, f"it is not in the expected shape ({type(error).__name__}: {error})"
            ) from None


# What reading a damaged version can raise, besides InvalidPlanFile from the codec: a piece missing
# or of the wrong shape, or pieces that refer to each other in a circle.
_INCOMPLETE = (AttributeError, KeyError, TypeError, InvalidPlanFile, RecursionError)
_ALL_SECTIONS = frozenset(SECTION_NAMES)
_SECTION_TYPES: dict[str, Any] = {
    name: typing.get_type_hints(CarePlan)[name] for name in SECTION_NAMES
}


def _use(storage: AtomicJSONStorage):
    """TinyDB builds its storage from a class; hand it the instance we already made."""
    return lambda: storage


def _usable_entry(entry: Any) -> TypeGuard[dict[str, Any]]:
    """Whether a cached index entry has the shape list_plans needs (the index may be damaged)."""
    return (
        isinstance(entry, dict)
        and isinstance(entry.get("person"), str)
        and isinstance(entry.get("versions"), int)
        and isinstance(entry.get("problem", ""), str)
        and isinstance(entry.get("called"), str)
        and isinstance(entry.get("told_apart"), str)
        and isinstance(entry.get("caregivers"), list)
        and all(isinstance(name, str) for name in entry["caregivers"])
    )


def _latest_about(opened: PlanFile) -> Any:
    """The latest version's About, or None when that version cannot be read: the plan still
    lists (its damage is told when the version is opened), only without what tells it apart."""
    try:
        return opened.load_section("about")
    except CarePlanError:
        return None


def _about_entry(about: Any) -> dict[str, Any]:
    """What the caseload keeps of a plan's About, to find and tell people apart without reading it."""
    from careplan import people

    if about is None:
        return {"called": "", "caregivers": [], "told_apart": ""}
    return {
        "called": shown_name(about.preferred_name).strip(),
        "caregivers": people.caregivers(about),
        "told_apart": people.told_apart(about),
    }


def _version_info(record: dict[str, Any]) -> VersionInfo:
    return VersionInfo(
        number=record["n"],
        saved_at=datetime.fromisoformat(record["at"]),
        saved_by=_text(record.get("by")),
        note=_text(record.get("note")),
        session_notes=_text(record.get("sn")),
        session_date=_date_or_none(record.get("sd")),
        session_kind=_text(record.get("sk")),
        session_language=_text(record.get("sl")),
        session_interpreter=_text(record.get("si")),
    )


def _text(value: Any) -> str:
    """A stored field that should be text: anything else (a damaged row) reads as nothing."""
    return value if isinstance(value, str) else ""


def _new_plan_id(person: str, taken: set[str]) -> str:
    ascii_name = unicodedata.normalize("NFKD", person).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:24].strip("-") or "plan"
    while True:
        plan_id = f"{slug}-{secrets.token_hex(2)}"
        if plan_id not in taken:
            return plan_id


def _datetime_or_none(text: Any) -> datetime | None:
    try:
        return datetime.fromisoformat(text) if text else None
    except (TypeError, ValueError):
        return None


def _date_or_none(text: Any) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except (TypeError, ValueError):
        return None


__all__ = [
    "Draft",
    "DraftExtra",
    "PlanFile",
    "PlanSummary",
    "Store",
    "StorageError",
    "VersionInfo",
]
