"""The data folder can't be turned against its owner: planted links, shared folders and odd files.

Each test plants what someone with write access to the folder (or an unlucky copy) could leave
there, and checks careplan neither follows it out of the data folder nor hangs or falls over.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from careplan import locations
from careplan.errors import CarePlanError, StorageError
from careplan.store import Store
from tests.storage_helpers import NOBODY, full_plan, new_plan_with_versions


def a_plan(root: Path, name: str = "Ann Smith", versions: int = 1) -> tuple[Store, str]:
    store = Store(root)
    return store, new_plan_with_versions(store, full_plan(name), versions)


def someone_elses_file(tmp_path: Path) -> Path:
    victim = tmp_path / "elsewhere" / "notes.txt"
    victim.parent.mkdir(mode=0o755)
    victim.write_text("not careplan's\n")
    return victim


def test_a_lock_file_replaced_by_a_link_is_refused_and_its_target_untouched(tmp_path: Path) -> None:
    store, ann = a_plan(tmp_path / "data")
    victim = someone_elses_file(tmp_path)
    lock = locations.lock_file(store.root, ann)
    lock.unlink(missing_ok=True)
    lock.symlink_to(victim)
    with pytest.raises(StorageError) as raised:
        store.open_plan(ann)
    assert "link" in str(raised.value) and str(lock) in str(raised.value)
    assert victim.read_text() == "not careplan's\n"


def test_a_plans_backup_folder_replaced_by_a_link_loses_nothing_there(tmp_path: Path) -> None:
    store, ann = a_plan(tmp_path / "data", versions=2)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o755)
    os.chmod(elsewhere, 0o755)
    for number in range(1, 11):
        (elsewhere / f"{number}.json").write_text("{}")
    backups = locations.backups_dir(store.root, ann)
    for old in backups.iterdir():
        old.unlink()
    backups.rmdir()
    backups.symlink_to(elsewhere)
    with store.open_plan(ann) as opened:
        assert (
            opened.save_version(opened.load(), saved_by="Ann").number == 3
        )  # the words still save
    assert sorted(p.name for p in elsewhere.iterdir()) == sorted(f"{n}.json" for n in range(1, 11))
    assert stat.S_IMODE(elsewhere.stat().st_mode) == 0o755


@pytest.mark.parametrize("folder", ["drafts", "backups"])
def test_a_drafts_or_backups_folder_that_is_a_link_is_never_written_through(
    tmp_path: Path, folder: str
) -> None:
    store, ann = a_plan(tmp_path / "data", versions=2)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o755)
    os.chmod(elsewhere, 0o755)
    planted = store.root / folder
    if planted.exists():
        import shutil

        shutil.rmtree(planted)
    planted.symlink_to(elsewhere)
    try:
        with store.open_plan(ann) as opened:
            opened.keep_draft(opened.load())
            opened.save_version(opened.load(), saved_by="Ann")
    except StorageError as refused:
        assert str(planted) in str(refused) and "link" in str(refused)
    assert list(elsewhere.iterdir()) == []
    assert stat.S_IMODE(elsewhere.stat().st_mode) == 0o755


def test_a_shared_sticky_folder_as_the_data_folder_is_refused_and_left_as_it_was(
    tmp_path: Path,
) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o1777)
    with pytest.raises(StorageError) as raised:
        Store(shared).create_plan(full_plan())
    assert "other people on this computer can change" in str(raised.value)
    assert f"chmod 700 {shared}" in str(raised.value)
    assert stat.S_IMODE(shared.stat().st_mode) == 0o1777
    assert list(shared.iterdir()) == []


def test_a_data_folder_group_can_write_to_is_refused(tmp_path: Path) -> None:
    root = tmp_path / "data"
    root.mkdir()
    os.chmod(root, 0o770)
    with pytest.raises(StorageError, match="other people on this computer"):
        Store(root).create_plan(full_plan())
    assert stat.S_IMODE(root.stat().st_mode) == 0o770


@pytest.mark.skipif(os.geteuid() != 0, reason="handing a folder to another account needs root")
def test_a_data_folder_owned_by_another_account_is_refused(tmp_path: Path) -> None:
    root = tmp_path / "data"
    root.mkdir(mode=0o700)
    os.chown(root, NOBODY, NOBODY)
    with pytest.raises(StorageError, match="belongs to another user account"):
        Store(root).create_plan(full_plan())


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_or_folder_named_like_a_plan_is_listed_as_unreadable_and_nothing_hangs(
    tmp_path: Path,
) -> None:
    store, ann = a_plan(tmp_path / "data")
    os.mkfifo(locations.plan_file(store.root, "pipe"), 0o600)
    locations.plan_file(store.root, "folder").mkdir()
    summaries = {summary.id: summary for summary in store.list_plans()}
    assert "not an ordinary file" in summaries["pipe"].problem
    assert "folder" in summaries["folder"].problem
    assert summaries[ann].problem == "" and summaries[ann].person == "Ann Smith"
    with store.open_plan(ann) as opened:
        assert opened.save_version(opened.load(), saved_by="Ann").number == 2


def test_a_plan_file_too_big_to_be_a_plan_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    store, ann = a_plan(tmp_path / "data")
    huge = locations.plan_file(store.root, "huge")
    with open(huge, "wb") as handle:
        handle.truncate(65 * 1024 * 1024)  # sparse: no disk used
    os.chmod(huge, 0o600)
    with pytest.raises(CarePlanError, match="larger than 64 MB"):
        store.open_plan("huge", write=False)
    assert {s.id for s in store.list_plans() if not s.problem} == {ann}


def test_a_name_of_only_invisible_characters_is_refused_like_an_empty_one(tmp_path: Path) -> None:
    with pytest.raises(CarePlanError, match="needs the person's name"):
        Store(tmp_path / "data").create_plan(full_plan("\u200b\u200b"))
    from careplan.validation import problems

    assert "about.name" in problems(full_plan("\u200b \u2060"))


def test_a_name_with_bidi_overrides_lists_as_it_is_found(tmp_path: Path) -> None:
    store, plan_id = a_plan(tmp_path / "data", name="Ann \u202eHtimS\u202c")
    [summary] = store.list_plans()
    assert summary.person == "Ann HtimS"  # what is shown is what is stored, and what finds it
    assert store.resolve("Ann HtimS") == plan_id
