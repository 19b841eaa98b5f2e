"""Damaged or unexpected files: each gets a plain message naming the file and what to do, the
damaged file's bytes stay exactly as they were, and every other plan keeps working."""

from __future__ import annotations

import errno
import json
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

from careplan import locations, migrations, safe_files
from careplan.errors import CarePlanError, DamagedFile, NewerSchema, StorageError
from careplan.store import Store
from careplan.tinydb_storage import encode
from careplan.working_plan import WorkingPlan
from tests.storage_helpers import (
    files_under,
    full_plan,
    give_to,
    new_plan_with_versions,
    run_as_another_user,
)


def caseload(store: Store) -> tuple[str, str]:
    """Two plans: Ann's (about to be damaged) and Bea's (which must carry on working)."""
    return new_plan_with_versions(store, full_plan("Ann Smith"), 2), new_plan_with_versions(
        store, full_plan("Bea Jones"), 1
    )


def check_the_rest_works(store: Store, damaged_id: str, healthy_id: str, why: str) -> None:
    summaries = {summary.id: summary for summary in store.list_plans()}
    problem = summaries[damaged_id].problem
    assert str(locations.plan_file(store.root, damaged_id)) in problem and why in problem
    assert "untouched" in problem
    healthy = summaries[healthy_id]
    assert (healthy.person, healthy.versions, healthy.problem) == ("Bea Jones", 1, "")
    with store.open_plan(healthy_id) as opened:
        assert opened.save_version(opened.load(), saved_by="Bea").number == 2


def edit_json(change: Callable[[dict], object]) -> Callable[[bytes], bytes]:
    def damage(good: bytes) -> bytes:
        data = json.loads(good)
        change(data)
        return encode(data)

    return damage


def meta(data: dict) -> dict:
    return next(iter(data["_meta"].values()))


DAMAGE = {
    "truncated": (lambda good: good[: len(good) // 2], "it is not valid JSON"),
    "cut to one byte": (lambda good: good[:1], "it is not valid JSON"),
    "empty": (lambda good: b"", "it is empty"),
    "only spaces": (lambda good: b"  \n ", "it is empty"),
    "not JSON": (lambda good: b"Dear diary, today", "it is not valid JSON"),
    "not text": (lambda good: bytes(range(256)), "it is not text"),
    "zeroed by a crashed disk": (lambda good: b"\0" * len(good), "it is not valid JSON"),
    "a JSON list": (lambda good: b"[1, 2, 3]", "it is not a careplan plan file"),
    "some other JSON object": (lambda good: b'{"name": "Ann"}', "it is not a careplan plan file"),
    "no meta": (edit_json(lambda d: d.update(_meta={})), "it is not a careplan plan file"),
    "meta not an object": (
        edit_json(lambda d: d["_meta"].update({"1": "x"})),
        "not in the expected shape",
    ),
    "no schema": (edit_json(lambda d: meta(d).pop("schema")), "it has no data format version"),
    "schema as text": (
        edit_json(lambda d: meta(d).update(schema="1")),
        "it has no data format version",
    ),
    "versions as a list": (edit_json(lambda d: d.update(versions=[])), "not in the expected shape"),
    "a version without its number": (
        edit_json(lambda d: d["versions"]["1"].pop("n")),
        "not in the expected shape",
    ),
    "a version's date unreadable": (
        edit_json(lambda d: d["versions"]["1"].update(at="last Tuesday")),
        "not in the expected shape",
    ),
    "a version that is not an object": (
        edit_json(lambda d: d["versions"].update({"1": 7})),
        "not in the expected shape",
    ),
    "version numbers of mixed kinds": (
        edit_json(lambda d: d["versions"]["1"].update(n="one")),
        "not in the expected shape",
    ),
    "objects without their hash": (
        edit_json(lambda d: d["objects"]["1"].pop("h")),
        "not in the expected shape",
    ),
    "nested too deeply": (
        lambda good: b"[" * 200_000 + b"]" * 200_000,
        "not in a form careplan can read",
    ),
    "a number with 10,000 digits": (
        lambda good: b'{"_meta": ' + b"9" * 10_000 + b"}",
        "not in a form careplan can read",
    ),
}


@pytest.mark.parametrize("kind", list(DAMAGE))
def test_a_damaged_plan_file_is_named_left_exactly_as_it_was_and_the_others_work(
    store: Store, kind: str
) -> None:
    damage, why = DAMAGE[kind]
    ann, bea = caseload(store)
    path = locations.plan_file(store.root, ann)
    damaged = damage(path.read_bytes())
    path.write_bytes(damaged)

    for write in (False, True):
        with pytest.raises(DamagedFile) as raised:
            store.open_plan(ann, write=write)
        message = str(raised.value)
        assert str(path) in message and why in message
        assert "It has been left untouched; your other plans are fine." in message
        assert "careplan backups" in message or "keep this file" in message  # what to do
        assert "\n" not in message
    check_the_rest_works(store, ann, bea, why)
    assert path.read_bytes() == damaged
    store.open_plan(bea).close()  # the failed opens let go of Ann's lock, and never held Bea's
    assert path.read_bytes() == damaged


def test_the_advice_points_to_the_copy_kept_before_the_last_save(store: Store) -> None:
    ann, _ = caseload(store)
    locations.plan_file(store.root, ann).write_bytes(b"{")
    with pytest.raises(
        DamagedFile, match=f"A good copy up to version 1 was kept: `careplan backups {ann}`"
    ):
        store.open_plan(ann)
    with store.create_plan(full_plan("Cy New")) as opened:  # no versions, so no copy was ever kept
        opened.save_version(full_plan("Cy New"), saved_by="Cy")
        new = opened.id
    locations.plan_file(store.root, new).write_bytes(b"{")
    with pytest.raises(
        DamagedFile, match="Please keep this file: its words may still be recoverable by hand"
    ):
        store.open_plan(new)


@pytest.mark.parametrize(
    ("damage", "why"),
    [
        (lambda d: d["versions"]["2"].update(s=["not", "a", "map"]), "version 2 is incomplete"),
        (lambda d: d["versions"]["2"].pop("s"), "version 2 is incomplete"),
        (lambda d: d.update(objects={}), "version 2 is incomplete"),
        (
            lambda d: [doc.update(d="not a plan section") for doc in d["objects"].values()],
            "version 2 is incomplete",
        ),
    ],
)
def test_a_damaged_version_is_reported_when_read_and_the_other_versions_still_load(
    store: Store, damage, why: str
) -> None:
    ann, bea = caseload(store)
    path = locations.plan_file(store.root, ann)
    data = json.loads(path.read_bytes())
    damage(data)
    path.write_bytes(encode(data))
    damaged = path.read_bytes()
    with store.open_plan(ann, write=False) as opened:
        assert opened.latest == 2
        with pytest.raises(DamagedFile) as raised:
            opened.load(2)
        assert str(path) in str(raised.value) and why in str(raised.value)
    assert path.read_bytes() == damaged
    assert {s.id: s.problem for s in store.list_plans()} == {ann: "", bea: ""}


def test_a_plan_from_a_newer_careplan_is_treated_like_damage_but_says_to_update(
    store: Store,
) -> None:
    ann, bea = caseload(store)
    path = locations.plan_file(store.root, ann)
    data = json.loads(path.read_bytes())
    meta(data)["schema"] = migrations.SCHEMA_VERSION + 7
    path.write_bytes(encode(data))
    newer = path.read_bytes()
    with pytest.raises(NewerSchema, match="update careplan"):
        store.open_plan(ann)
    check_the_rest_works(store, ann, bea, "newer careplan")
    assert path.read_bytes() == newer


def test_a_folder_where_the_plan_file_should_be(store: Store) -> None:
    ann, bea = caseload(store)
    path = locations.plan_file(store.root, ann)
    path.unlink()
    path.mkdir()
    (path / "something.txt").write_text("kept")
    with pytest.raises(DamagedFile, match="a folder is where the file should be"):
        store.open_plan(ann)
    check_the_rest_works(store, ann, bea, "a folder is where the file should be")
    assert (path / "something.txt").read_text() == "kept"


def test_a_damaged_draft_never_blocks_the_saved_plan_and_is_never_written_over(
    store: Store,
) -> None:
    ann, bea = caseload(store)
    draft = locations.draft_file(store.root, ann)
    draft.parent.mkdir(exist_ok=True)
    draft.write_bytes(b'{"plan": {"about": {"name": "Ann"}, "matters": [{"text": "half a thou')
    damaged = draft.read_bytes()
    assert {s.id: s.problem for s in store.list_plans()} == {ann: "", bea: ""}
    with store.open_plan(ann) as opened:
        with pytest.raises(DamagedFile) as raised:
            opened.draft()
        assert str(draft) in str(raised.value)
        with pytest.raises(DamagedFile):
            WorkingPlan(opened)
        working = WorkingPlan(opened, use_draft=False)  # the saved version, without the draft
        working.plan.goals[0].title = "Typed after the damage"
        working.keep_draft()
        assert opened.draft().plan.goals[0].title == "Typed after the damage"
    set_aside = [
        p for p in locations.backups_dir(store.root, ann).iterdir() if p.name.startswith("draft-")
    ]
    assert [p.read_bytes() for p in set_aside] == [damaged]


def test_a_damaged_draft_is_set_aside_not_deleted_when_a_version_is_saved(store: Store) -> None:
    ann, _ = caseload(store)
    draft = locations.draft_file(store.root, ann)
    draft.parent.mkdir(exist_ok=True)
    draft.write_bytes(b"\xff\xfe not a draft")
    with store.open_plan(ann) as opened:
        opened.save_version(opened.load(), saved_by="Ann")
    assert not draft.exists()
    kept = [
        p.read_bytes()
        for p in locations.backups_dir(store.root, ann).iterdir()
        if p.name.startswith("draft-")
    ]
    assert kept == [b"\xff\xfe not a draft"]


def test_a_folder_where_a_draft_should_be(store: Store) -> None:
    ann, _ = caseload(store)
    draft = locations.draft_file(store.root, ann)
    draft.mkdir(parents=True)
    with store.open_plan(ann) as opened:
        with pytest.raises(DamagedFile, match="a folder is where the file should be"):
            opened.draft()
        opened.keep_draft(opened.load())  # the folder is moved aside, not deleted
        assert opened.draft() is not None


def test_a_file_where_the_plans_folder_should_be_is_named(store: Store, data_dir: Path) -> None:
    data_dir.mkdir()
    locations.plans_dir(data_dir).write_text("not a folder")
    with pytest.raises(CarePlanError) as raised:
        store.list_plans()
    assert str(locations.plans_dir(data_dir)) in str(raised.value)
    with pytest.raises(StorageError) as raised:
        store.create_plan(full_plan())
    assert str(locations.plans_dir(data_dir)) in str(raised.value)
    assert locations.plans_dir(data_dir).read_text() == "not a folder"


def test_a_file_where_the_drafts_folder_should_be_stops_only_the_draft(store: Store) -> None:
    ann, _ = caseload(store)
    drafts = locations.draft_file(store.root, ann).parent
    shutil.rmtree(drafts)
    drafts.write_text("in the way")
    with store.open_plan(ann) as opened:
        with pytest.raises(StorageError) as raised:
            opened.keep_draft(opened.load())
        assert str(locations.draft_file(store.root, ann)) in str(raised.value)
        assert (
            opened.save_version(opened.load(), saved_by="Ann").number == 3
        )  # saving a version still works


# --- no permission: tested for real, as a user root's permissions do not cover ------------------


@pytest.fixture
def shared_folder() -> Path:
    """A data folder another user can reach (pytest's tmp folders are root's alone)."""
    base = Path(tempfile.mkdtemp(prefix="careplan-permissions-"))
    os.chmod(base, 0o711)
    yield base / "data"
    shutil.rmtree(base, ignore_errors=True)


def as_the_person(folder: Path, work: Callable[[], None]) -> None:
    """Run `work` as an ordinary user who owns `folder` (or as ourselves if we are not root)."""
    if os.geteuid() == 0:
        give_to(folder)
        run_as_another_user(work)
    else:
        work()


def test_a_plan_file_that_may_not_be_read(shared_folder: Path) -> None:
    store = Store(shared_folder)
    ann, bea = caseload(store)
    path = locations.plan_file(shared_folder, ann)
    before = path.read_bytes()
    os.chmod(path, 0o000)

    def check() -> None:
        with pytest.raises(DamagedFile) as raised:
            store.open_plan(ann)
        assert str(path) in str(raised.value) and "no permission to read it" in str(raised.value)
        check_the_rest_works(store, ann, bea, "no permission to read it")

    as_the_person(shared_folder, check)
    os.chmod(path, 0o600)
    assert path.read_bytes() == before


def test_a_draft_that_may_not_be_read(shared_folder: Path) -> None:
    store = Store(shared_folder)
    ann, _ = caseload(store)
    with store.open_plan(ann) as opened:
        opened.keep_draft(full_plan("Ann Smith", note="unsaved words"))
    draft = locations.draft_file(shared_folder, ann)
    os.chmod(draft, 0o000)

    def check() -> None:
        with store.open_plan(ann) as opened:
            with pytest.raises(DamagedFile, match="no permission to read it"):
                opened.draft()
            assert opened.load(2).checkin.note == "note 2"

    as_the_person(shared_folder, check)
    os.chmod(draft, 0o600)
    with store.open_plan(ann, write=False) as opened:
        assert opened.draft().plan.checkin.note == "unsaved words"


def test_a_data_folder_that_may_not_be_written_to(shared_folder: Path) -> None:
    store = Store(shared_folder)
    ann, _ = caseload(store)
    before = files_under(shared_folder)

    def check() -> None:
        with store.open_plan(ann) as opened:
            with pytest.raises(StorageError) as raised:
                opened.save_version(opened.load(), saved_by="Ann")
            assert str(locations.plan_file(shared_folder, ann)) in str(raised.value)
            assert "no permission to write there" in str(raised.value)
            assert "Nothing already saved was changed" in str(raised.value)
        assert [s.versions for s in store.list_plans()] == [2, 1]

    if os.geteuid() == 0:
        give_to(shared_folder)
        os.chmod(locations.plans_dir(shared_folder), 0o500)  # the person's own, but not writable
        run_as_another_user(check)
        os.chmod(locations.plans_dir(shared_folder), 0o700)
    else:
        os.chmod(locations.plans_dir(shared_folder), 0o500)
        check()
        os.chmod(locations.plans_dir(shared_folder), 0o700)

    def plans_and_drafts(files):
        return {
            k: v
            for k, v in files.items()
            if k.endswith(".json") and k.startswith(("plans", "drafts"))
        }

    assert plans_and_drafts(files_under(shared_folder)) == plans_and_drafts(before)


# --- the disk fills up while saving --------------------------------------------------------------


class FullDisk:
    """Stands in for the os module inside careplan.safe_files: `room` more bytes fit, then writes
    fail with ENOSPC (a write may be cut short first); with `fsync_fails`, fsync reports it instead."""

    def __init__(
        self, room: int = 0, fsync_fails: bool = False, replace_error: int | None = None
    ) -> None:
        self.room = room
        self.fsync_fails = fsync_fails
        self.replace_error = replace_error

    def __getattr__(self, name: str):
        return getattr(os, name)

    def write(self, descriptor: int, data) -> int:
        if self.room <= 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        count = min(len(data), self.room)
        self.room -= count
        return os.write(descriptor, bytes(data[:count]))

    def fsync(self, descriptor: int) -> None:
        if self.fsync_fails and not os.path.isdir(f"/proc/self/fd/{descriptor}"):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        os.fsync(descriptor)

    def replace(self, source, target) -> None:
        if self.replace_error is not None:
            raise OSError(self.replace_error, os.strerror(self.replace_error))
        os.replace(source, target)


FULL_DISKS = {
    "no room at all": (lambda: FullDisk(room=0), "the disk is full"),
    "room for part of it": (lambda: FullDisk(room=700), "the disk is full"),
    "fsync reports it": (lambda: FullDisk(room=10**9, fsync_fails=True), "the disk is full"),
    "the disk turned read-only": (
        lambda: FullDisk(room=10**9, replace_error=errno.EROFS),
        "the disk is read-only",
    ),
}


@pytest.mark.parametrize("disk", list(FULL_DISKS))
def test_a_full_disk_while_saving_a_version_changes_nothing_and_the_save_can_be_tried_again(
    store: Store, monkeypatch: pytest.MonkeyPatch, disk: str
) -> None:
    make_disk, why = FULL_DISKS[disk]
    ann, bea = caseload(store)
    before = files_under(store.root)
    with store.open_plan(ann) as opened:
        editing = opened.load()
        editing.goals[0].title = "Words typed just before the disk filled"
        opened.keep_draft(editing)
        draft_before = locations.draft_file(store.root, ann).read_bytes()

        monkeypatch.setattr(safe_files, "os", make_disk())
        with pytest.raises(StorageError) as raised:
            opened.save_version(editing, saved_by="Ann")
        message = str(raised.value)
        assert str(opened.path) in message and why in message
        assert "Nothing already saved was changed" in message and "then save again" in message
        assert opened.latest == 2
        assert [s.versions for s in store.list_plans()] == [2, 1]  # listing works on a full disk
        monkeypatch.undo()  # some space is freed

        assert (
            locations.draft_file(store.root, ann).read_bytes() == draft_before
        )  # the words are safe
        after = files_under(store.root)

        def unchanged(files):
            return {
                k: v
                for k, v in files.items()
                if k != "index.json" and not k.startswith(("drafts", "backups"))
            }

        assert unchanged(after) == unchanged(before)
        assert not [name for name in after if name.endswith(".tmp")]

        assert opened.save_version(editing, saved_by="Ann").number == 3
    with store.open_plan(ann, write=False) as reopened:
        assert [info.number for info in reopened.versions()] == [1, 2, 3]
        assert reopened.load(3).goals[0].title == "Words typed just before the disk filled"
        assert reopened.draft() is None


@pytest.mark.parametrize("disk", list(FULL_DISKS))
def test_a_full_disk_while_saving_the_draft_keeps_the_previous_draft(
    store: Store, monkeypatch: pytest.MonkeyPatch, disk: str
) -> None:
    make_disk, why = FULL_DISKS[disk]
    ann, _ = caseload(store)
    with store.open_plan(ann) as opened:
        opened.keep_draft(full_plan("Ann Smith", note="the draft before"))
        draft_path = locations.draft_file(store.root, ann)
        before = draft_path.read_bytes()
        monkeypatch.setattr(safe_files, "os", make_disk())
        with pytest.raises(StorageError) as raised:
            opened.keep_draft(full_plan("Ann Smith", note="x" * 5000))
        assert str(draft_path) in str(raised.value) and why in str(raised.value)
        monkeypatch.undo()
        assert draft_path.read_bytes() == before
        assert not [p for p in draft_path.parent.iterdir() if p.name.endswith(".tmp")]


def test_a_full_disk_when_starting_a_plan_leaves_no_half_plan_and_no_lock_held(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    ann, bea = caseload(store)
    monkeypatch.setattr(safe_files, "os", FullDisk(room=0))
    with pytest.raises(StorageError, match="the disk is full"):
        store.create_plan(full_plan("Cy New"))
    monkeypatch.undo()
    assert sorted(store.plan_ids()) == sorted([ann, bea])
    with store.create_plan(full_plan("Cy New")) as opened:
        assert opened.draft().plan == full_plan("Cy New")


# --- putting a good copy back from the command line ----------------------------------------------


def test_from_damage_to_a_working_plan_again_with_the_command_line(
    store: Store, data_dir: Path, capsys
) -> None:
    from careplan.cli import main

    ann, bea = caseload(store)
    with store.open_plan(ann) as opened:
        opened.save_version(opened.load(), saved_by="Ann", note="third")
    path = locations.plan_file(data_dir, ann)
    path.write_bytes(path.read_bytes()[:100])  # damaged after the last save
    damaged = path.read_bytes()

    assert main(["list"]) == 0
    listed = capsys.readouterr().out
    assert (
        "could not be read" in listed
        and f"careplan backups {ann}" in listed
        and "Bea Jones" in listed
    )

    assert main(["backups", ann]) == 0
    shown = capsys.readouterr().out
    assert shown.splitlines()[0].split() == ["COPY", "HOLDS", "VERSIONS", "KEPT", "FILE"]
    assert [line.split()[0] for line in shown.splitlines()[1:3]] == ["2", "1"]
    assert f"careplan restore-backup {ann} COPY" in shown

    assert main(["backups", ann, "--format", "json"]) == 0
    assert [entry["copy"] for entry in json.loads(capsys.readouterr().out)] == [2, 1]

    assert main(["restore-backup", ann, "2"]) == 0
    said = capsys.readouterr().out
    moved = Path(said.split("kept, untouched, at ")[1].strip())
    assert moved.read_bytes() == damaged
    with store.open_plan(ann) as opened:
        assert opened.latest == 2

    assert (
        main(["restore-backup", ann, "1"]) == 1
    )  # the file can be read now: refused, nothing changed
    assert "--force" in capsys.readouterr().err
    assert main(["restore-backup", ann, "one"]) == 1
    assert "is not a copy number" in capsys.readouterr().err
    assert main(["restore-backup", ann, "1", "--force"]) == 0
    capsys.readouterr()
    with store.open_plan(ann) as opened:
        assert opened.latest == 1


def test_a_deleted_plan_can_be_put_back_from_the_command_line_by_its_id(
    store: Store, data_dir: Path, capsys
) -> None:
    from careplan.cli import main

    ann, _ = caseload(store)
    locations.plan_file(data_dir, ann).unlink()
    assert main(["backups", ann]) == 0
    assert main(["restore-backup", ann, "1"]) == 0
    assert "holding versions 1 to 1" in capsys.readouterr().out
    assert main(["backups", "nobody-0000"]) == 1
    assert 'No plan matches "nobody-0000"' in capsys.readouterr().err
