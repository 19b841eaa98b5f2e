"""The data folder can't be turned against its owner: planted links, shared folders and odd files.

Each test plants what someone with write access to the folder (or an unlucky copy) could leave
there, and checks careplan neither follows it out of the data folder nor hangs or falls over.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from textual.widgets import DataTable

from careplan import locations
from careplan.cli import main
from careplan.errors import CarePlanError, StorageError
from careplan.screens.app import CarePlanApp
from careplan.screens.plan_home import PlanHomeScreen
from careplan.screens.plans import PlansScreen
from careplan.store import Store
from tests.pilot_helpers import SIZE, settle
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


# --- one odd plan among good ones ------------------------------------------------------------------


def change_stored(store: Store, plan_id: str, change) -> None:
    """Edit a plan file's JSON by hand, as a copy from elsewhere (or a mistake) could leave it."""
    path = locations.plan_file(store.root, plan_id)
    data = json.loads(path.read_text())
    change(data)
    path.write_text(json.dumps(data))


def cli_run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_a_plan_whose_stored_person_is_not_text_lists_as_unreadable_and_the_rest_work(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    ann = new_plan_with_versions(store, full_plan("Ann Smith"), 1)
    odd = new_plan_with_versions(store, full_plan("Bob Jones"), 1)
    change_stored(store, odd, lambda data: data["_meta"]["1"].update(person=5))
    summaries = {summary.id: summary for summary in store.list_plans()}
    assert "could not be read" in summaries[odd].problem
    assert summaries[ann].problem == "" and summaries[ann].person == "Ann Smith"
    code, out, err = cli_run(capsys, "list")
    assert code == 0 and "Ann Smith" in out and f"{odd}: " in out and err == ""
    assert cli_run(capsys, "history", "Ann")[0] == 0
    code, out, _ = cli_run(capsys, "export", "Ann")
    assert code == 0 and "Ann Smith" in out
    code, out, err = cli_run(capsys, "history", odd)
    assert code == 1 and out == "" and err.count("\n") == 1 and "could not be read" in err


async def test_the_app_lists_a_plan_whose_stored_person_is_not_text_and_opens_the_others(
    store: Store,
) -> None:
    ann = new_plan_with_versions(store, full_plan("Ann Smith"), 1)
    odd = new_plan_with_versions(store, full_plan("Bob Jones"), 1)
    change_stored(store, odd, lambda data: data["_meta"]["1"].update(person=5))
    async with CarePlanApp(store).run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(pilot.app.screen, PlansScreen)
        table = pilot.app.screen.query_one(DataTable)
        assert table.row_count == 2
        assert "can't be read" in str(table.get_row(odd)[-1])
        table.move_cursor(row=table.get_row_index(ann))
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, PlanHomeScreen)


@pytest.mark.parametrize("field", ["by", "note"])
def test_a_version_whose_saved_by_or_note_is_a_number_reads_without_a_crash(
    store: Store, capsys: pytest.CaptureFixture[str], field: str
) -> None:
    ann = new_plan_with_versions(store, full_plan("Ann Smith"), 2)
    change_stored(store, ann, lambda data: data["versions"]["1"].update({field: 5}))
    code, out, err = cli_run(capsys, "history", ann)  # read as nothing said, the rest as saved
    assert code == 0 and "version 2" in out and err == ""
    code, out, err = cli_run(capsys, "history", ann, "--format", "json")
    assert code == 0 and json.loads(out)[0][{"by": "saved_by", "note": "note"}[field]] == ""
    code, out, err = cli_run(capsys, "export", ann)
    assert code == 0 and "Ann Smith" in out and err == ""


def test_a_draft_replaced_by_a_link_is_not_followed_and_its_target_untouched(
    tmp_path: Path,
) -> None:
    store, ann = a_plan(tmp_path / "data")
    victim = tmp_path / "elsewhere" / "draft.json"
    victim.parent.mkdir(mode=0o755)
    with store.open_plan(ann) as opened:  # a real draft's bytes, so following the link would work
        opened.keep_draft(full_plan("Someone Else"))
    draft = locations.draft_file(store.root, ann)
    victim.write_bytes(draft.read_bytes())
    os.chmod(victim, 0o644)
    draft.unlink()
    draft.symlink_to(victim)
    before = victim.read_bytes()
    with store.open_plan(ann) as opened:
        with pytest.raises(CarePlanError, match="link"):
            opened.draft()  # not read through the link
        opened.keep_draft(opened.load())  # the link is set aside, never written through
        assert opened.draft().plan.person == "Ann Smith"
        opened.save_version(opened.load(), saved_by="Ann")
    assert victim.read_bytes() == before
    assert stat.S_IMODE(victim.stat().st_mode) == 0o644
    assert not draft.is_symlink()


def test_a_name_planted_with_bidi_overrides_and_escapes_lists_as_it_is_found(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    ann = new_plan_with_versions(store, full_plan("Ann Smith"), 1)
    change_stored(  # past the tidying at save, as a hand-edited file could hold it
        store,
        ann,
        lambda data: data["_meta"]["1"].update(person="Ann \u202eHtimS\u202c\x1b]2;x\x07"),
    )
    code, out, _ = cli_run(capsys, "list")
    assert code == 0 and "Ann HtimS]2;x" in out and "\u202e" not in out and "\x1b" not in out
    assert store.resolve("Ann HtimS") == ann
    assert cli_run(capsys, "history", "Ann HtimS")[0] == 0
