"""The store: plans saved as versions that never change, drafts, the caseload index, schema and backups."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest

from careplan import locations, migrations
from careplan import store as store_module
from careplan.backups import KEEP, list_backups, restore_backup
from careplan.drafts import DraftExtra
from careplan.errors import (
    AmbiguousPlan,
    CarePlanError,
    DamagedFile,
    NewerSchema,
    PlanChangedOnDisk,
    PlanLocked,
    PlanNotFound,
    ValidationError,
)
from careplan.model import CarePlan, Goal, Statement
from careplan.safe_files import atomic_write
from careplan.store import Store
from careplan.tinydb_storage import encode
from careplan.working_plan import WorkingPlan
from tests.storage_helpers import full_plan, new_plan_with_versions


def plan_data(store: Store, plan_id: str) -> dict:
    return json.loads(locations.plan_file(store.root, plan_id).read_bytes())


# --- creating and saving -----------------------------------------------------------------------


def test_a_new_plan_has_no_versions_and_keeps_what_was_typed_as_its_draft(store: Store) -> None:
    plan = full_plan("Ann Smith")
    with store.create_plan(plan) as opened:
        assert opened.id.startswith("ann-smith-")
        assert opened.versions() == [] and opened.latest is None
        assert opened.load() == CarePlan()
        draft = opened.draft()
        assert draft.plan == plan and draft.based_on is None
    assert store.plan_ids() == [opened.id]


def test_a_plan_needs_a_name_to_be_created(store: Store) -> None:
    for name in ("", "   ", "\n"):
        with pytest.raises(CarePlanError, match="needs the person's name"):
            store.create_plan(full_plan(name))
    assert store.plan_ids() == []


def test_a_saved_version_comes_back_exactly_and_in_order(store: Store) -> None:
    plan = full_plan()
    when = datetime(2026, 3, 1, 9, 30, tzinfo=timezone(timedelta(hours=11)))
    with store.create_plan(plan) as opened:
        info = opened.save_version(plan, saved_by="  Ann and Tom ", note=" first talk ", when=when)
        assert (info.number, info.saved_by, info.note, info.saved_at) == (
            1,
            "Ann and Tom",
            "first talk",
            when,
        )
        plan.goals.append(Goal(title="See the grandchildren at Easter"))
        second = opened.save_version(plan, saved_by="Ann")
        assert second.number == 2 and second.saved_at.tzinfo is not None
        plan_id = opened.id
    with Store(store.root).open_plan(
        plan_id, write=False
    ) as reopened:  # a fresh store: read from disk
        assert [info.number for info in reopened.versions()] == [1, 2]
        assert reopened.load(1) == full_plan()
        assert reopened.load() == reopened.load(2) == plan
        assert reopened.version(1).saved_at == when
        with pytest.raises(CarePlanError, match="has no version 3"):
            reopened.load(3)


def test_a_version_cannot_be_saved_with_problems_and_nothing_changes(store: Store) -> None:
    plan = full_plan()
    plan_id = new_plan_with_versions(store, plan)
    before = locations.plan_file(store.root, plan_id).read_bytes()
    with store.open_plan(plan_id) as opened:
        bad = opened.load()
        bad.goals[0].title = "  "
        with pytest.raises(ValidationError, match=r"goals\[0\].title: A goal is needed"):
            opened.save_version(bad, saved_by="Ann")
        assert opened.latest == 1
    assert locations.plan_file(store.root, plan_id).read_bytes() == before


def test_loaded_and_saved_plans_are_independent_copies(store: Store) -> None:
    plan = full_plan()
    with store.create_plan(plan) as opened:
        opened.save_version(plan, saved_by="Ann")
        plan.goals[0].title = "changed after saving"  # the caller keeps editing its object
        plan.team.clear()
        loaded = opened.load(1)
        loaded.matters[0].other_views[0].text = "changed a loaded copy"
        assert opened.load(1) == full_plan()


def test_saving_a_new_version_never_changes_an_older_one_not_even_its_bytes(store: Store) -> None:
    plan = full_plan()
    with store.create_plan(plan) as opened:
        opened.save_version(plan, saved_by="Ann", note="first")
        first = plan_data(store, opened.id)
        record_bytes = encode(first["versions"]["1"])
        objects = {doc["h"]: doc["d"] for doc in first["objects"].values()}
        for round_number in range(2, 6):
            plan.goals[0].title = f"Walk to the harbour, round {round_number}"
            plan.matters.append(Statement(text=f"new thought {round_number}"))
            plan.team.pop() if plan.team else None
            opened.save_version(plan, saved_by="Tom", note=f"round {round_number}")
            raw = locations.plan_file(store.root, opened.id).read_bytes()
            assert record_bytes in raw  # version 1's record, byte for byte
            now = plan_data(store, opened.id)
            assert now["versions"]["1"] == first["versions"]["1"]
            current_objects = {doc["h"]: doc["d"] for doc in now["objects"].values()}
            assert all(current_objects[key] == data for key, data in objects.items())
            assert opened.load(1) == full_plan()
            assert opened.version(1).note == "first"


def test_unchanged_sections_are_stored_once(store: Store) -> None:
    plan = full_plan()
    with store.create_plan(plan) as opened:
        opened.save_version(plan, saved_by="Ann")
        size_one = locations.plan_file(store.root, opened.id).stat().st_size
        opened.save_version(plan, saved_by="Ann")
        size_two = locations.plan_file(store.root, opened.id).stat().st_size
    assert size_two - size_one < 400  # a second record, not a second copy of the plan


# --- drafts ------------------------------------------------------------------------------------


def test_a_draft_keeps_work_in_progress_until_a_version_is_saved(store: Store) -> None:
    plan = full_plan()
    plan_id = new_plan_with_versions(store, plan, count=2)
    with store.open_plan(plan_id) as opened:
        assert opened.draft() is None
        editing = opened.load()
        editing.goals.append(Goal(title="Half-typed goa"))
        opened.keep_draft(editing, extra=DraftExtra(guided_step=2, speaker="caregiver"))
    with store.open_plan(plan_id) as reopened:  # as after closing the terminal
        draft = reopened.draft()
        assert draft.plan == editing and draft.based_on == 2
        assert draft.extra == DraftExtra(guided_step=2, speaker="caregiver")
        assert isinstance(draft.updated_at, datetime)
        working = WorkingPlan(reopened)
        assert working.recovered and working.plan == editing
        working.plan.goals[-1].title = "Half-typed goal"
        working.save_version(saved_by="Ann")
        assert reopened.draft() is None
        assert reopened.load(3).goals[-1].title == "Half-typed goal"
    assert not locations.draft_file(store.root, plan_id).exists()
    assert [summary.has_draft for summary in store.list_plans()] == [False]


def test_a_draft_written_by_an_older_careplan_with_its_extra_as_a_plain_dict_still_loads(
    store: Store,
) -> None:
    plan_id = new_plan_with_versions(store, full_plan(), count=2)
    # As careplan wrote drafts before their extra data was typed: only the keys in use, a key no
    # longer kept, and a fact of the wrong shape (which is let go, not the words with it).
    old_draft = {
        "schema": migrations.SCHEMA_VERSION,
        "plan_id": plan_id,
        "based_on": 2,
        "updated_at": "2026-05-01T10:00:00+01:00",
        "plan": {"about": {"name": "Ann Smith", "preferred_name": "Annie"}},
        "extra": {
            "speaker": "caregiver",
            "guided_step": 3,
            "guided_skipped": [1],
            "session_notes": "She wants to keep driving",
            "typed_dates": {"next_review": "next tuesdayish"},
            "review_saved_by": "Ann and Sam",
            "restored_from": "one",
            "step": "goals",
        },
    }
    atomic_write(locations.draft_file(store.root, plan_id), json.dumps(old_draft).encode())
    with store.open_plan(plan_id) as opened:
        draft = opened.draft()
        assert draft is not None and draft.plan.about.preferred_name == "Annie"
        assert draft.extra == DraftExtra(
            speaker="caregiver",
            guided_step=3,
            guided_skipped=[1],
            session_notes="She wants to keep driving",
            typed_dates={"next_review": "next tuesdayish"},
            review_saved_by="Ann and Sam",
        )
        working = WorkingPlan(opened)
        assert working.speaker == "caregiver" and working.restored_from is None
    for extra in (None, [], "together"):  # no extra at all, or not a group of facts
        atomic_write(
            locations.draft_file(store.root, plan_id),
            json.dumps({**old_draft, "extra": extra}).encode(),
        )
        with store.open_plan(plan_id, write=False) as opened:
            assert opened.draft().extra == DraftExtra()


def test_a_draft_can_be_discarded_and_based_on_any_version(store: Store) -> None:
    plan_id = new_plan_with_versions(store, full_plan(), count=3)
    with store.open_plan(plan_id) as opened:
        opened.keep_draft(opened.load(1), based_on=1)
        assert opened.draft().based_on == 1
        assert [summary.has_draft for summary in store.list_plans()] == [True]
        opened.discard_draft()
        assert opened.draft() is None
        opened.discard_draft()  # nothing to discard: fine


def test_a_read_only_plan_file_cannot_write_anything(store: Store) -> None:
    plan_id = new_plan_with_versions(store, full_plan())
    with store.open_plan(plan_id, write=False) as opened:
        for attempt in (
            lambda: opened.save_version(full_plan(), saved_by="x"),
            lambda: opened.keep_draft(full_plan()),
            opened.discard_draft,
        ):
            with pytest.raises(PlanLocked):
                attempt()


# --- the caseload and its index ----------------------------------------------------------------


def make_caseload(store: Store) -> dict[str, str]:
    ids = {}
    for name, versions in (("Ann Smith", 2), ("Bea Jones", 1), ("Carl Ödegaard", 0)):
        if versions:
            ids[name] = new_plan_with_versions(store, full_plan(name), count=versions)
        else:
            with store.create_plan(full_plan(name)) as opened:
                ids[name] = opened.id
    return ids


def test_the_caseload_lists_each_plan_by_name_with_its_versions_and_review(store: Store) -> None:
    ids = make_caseload(store)
    summaries = store.list_plans()
    assert [(s.person, s.versions, s.has_draft, s.problem) for s in summaries] == [
        ("Ann Smith", 2, False, ""),
        ("Bea Jones", 1, False, ""),
        ("Carl Ödegaard", 0, True, ""),
    ]
    assert (
        summaries[0].id == ids["Ann Smith"] and summaries[0].next_review == full_plan().next_review
    )
    assert summaries[2].last_saved is None
    assert ids["Carl Ödegaard"].startswith("carl-odegaard-")
    assert summaries[0].to_json()["problem"] is None


@pytest.mark.parametrize(
    "damage",
    [
        lambda path: path.unlink(),
        lambda path: path.write_bytes(b"{not json"),
        lambda path: path.write_bytes(b""),
        lambda path: path.write_text('{"plans": []}'),
        lambda path: path.write_text('["a list"]'),
        lambda path: path.write_text('{"plans": {"x": 1, "y": {"stamp": "no", "person": 7}}}'),
    ],
)
def test_the_index_is_only_a_cache_rebuilt_when_missing_or_damaged(store: Store, damage) -> None:
    make_caseload(store)
    expected = store.list_plans()
    index = locations.index_file(store.root)
    assert index.exists() and index.stat().st_mode & 0o777 == 0o600
    damage(index)
    assert store.list_plans() == expected
    assert json.loads(index.read_bytes())["plans"].keys() == {s.id for s in expected}


def test_the_index_follows_every_save(store: Store) -> None:
    ids = make_caseload(store)
    store.list_plans()
    with store.open_plan(ids["Bea Jones"]) as opened:
        plan = opened.load()
        plan.about.name = "Beatrice Jones"
        opened.save_version(plan, saved_by="Bea")
    assert [s.person for s in store.list_plans()] == [
        "Ann Smith",
        "Beatrice Jones",
        "Carl Ödegaard",
    ]


def test_a_plan_is_found_by_id_by_the_start_of_its_id_or_by_the_start_of_the_name(
    store: Store,
) -> None:
    ids = make_caseload(store)
    assert store.resolve(ids["Bea Jones"]) == ids["Bea Jones"]
    assert store.resolve("bea-jon") == ids["Bea Jones"]
    assert store.resolve("  ann ") == ids["Ann Smith"]
    assert store.resolve("CARL ö") == ids["Carl Ödegaard"]
    with pytest.raises(PlanNotFound, match='No plan matches "Dora"'):
        store.resolve("Dora")
    with pytest.raises(PlanNotFound):
        store.resolve("   ")
    with pytest.raises(PlanNotFound):
        store.open_plan("../../etc/passwd")


# --- the data format: newer files are left alone, older ones are brought up to date -------------


def test_a_plan_from_a_newer_careplan_is_named_and_left_untouched(store: Store) -> None:
    ids = make_caseload(store)
    path = locations.plan_file(store.root, ids["Ann Smith"])
    data = json.loads(path.read_bytes())
    next(iter(data["_meta"].values()))["schema"] = migrations.SCHEMA_VERSION + 1
    path.write_bytes(encode(data))
    before = path.read_bytes()
    for write in (False, True):
        with pytest.raises(NewerSchema) as raised:
            store.open_plan(ids["Ann Smith"], write=write)
        assert str(path) in str(raised.value) and "newer careplan" in str(raised.value)
        assert "update careplan" in str(raised.value)
    summaries = {s.id: s for s in store.list_plans()}
    assert "newer careplan" in summaries[ids["Ann Smith"]].problem
    assert summaries[ids["Bea Jones"]].problem == "" and summaries[ids["Bea Jones"]].versions == 1
    assert path.read_bytes() == before
    with store.open_plan(ids["Bea Jones"]) as other:  # and the lock of the refused one was let go
        other.save_version(other.load(), saved_by="Bea")


def test_a_draft_from_a_newer_careplan_is_not_read_as_ours_and_is_set_aside_not_overwritten(
    store: Store,
) -> None:
    plan_id = new_plan_with_versions(store, full_plan())
    draft_path = locations.draft_file(store.root, plan_id)
    atomic_write(
        draft_path,
        encode(
            {
                "schema": 99,
                "plan": {"about": {"name": "From the future"}},
                "updated_at": "2030-01-01T00:00:00",
            }
        ),
    )
    before = draft_path.read_bytes()
    with store.open_plan(plan_id) as opened:
        with pytest.raises(NewerSchema):
            opened.draft()
        opened.keep_draft(opened.load())
    kept = [
        path
        for path in locations.backups_dir(store.root, plan_id).iterdir()
        if path.name.startswith("draft-")
    ]
    assert [path.read_bytes() for path in kept] == [before]


def test_an_older_file_is_migrated_in_memory_and_written_in_the_new_format_only_when_saved(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan_id = new_plan_with_versions(store, full_plan(), count=2)
    path = locations.plan_file(store.root, plan_id)
    old_bytes = path.read_bytes()
    calls = []

    def one_to_two(data: dict) -> dict:
        calls.append(1)
        for record in data["versions"].values():
            record["note"] = record["note"].upper()  # some change a real migration might make
        return data

    now, after = migrations.SCHEMA_VERSION, migrations.SCHEMA_VERSION + 1  # a format still to come
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", after)
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", after)
    monkeypatch.setattr(migrations, "MIGRATIONS", {now: one_to_two})

    with store.open_plan(plan_id) as opened:
        assert [info.note for info in opened.versions()] == ["VERSION 1", "VERSION 2"]
        assert opened.load(1).checkin.note == "note 1"
        assert path.read_bytes() == old_bytes  # opening changed nothing on disk
        opened.save_version(opened.load(), saved_by="Ann", note="version 3")
    data = plan_data(store, plan_id)
    assert next(iter(data["_meta"].values()))["schema"] == after
    assert [record["note"] for record in data["versions"].values()] == [
        "VERSION 1",
        "VERSION 2",
        "version 3",
    ]
    assert (
        list_backups(store.root, plan_id)[0].path.read_bytes() == old_bytes
    )  # the old format is kept
    calls.clear()
    with store.open_plan(plan_id, write=False) as reopened:
        assert calls == []  # already at the newer version: never migrated twice
        assert reopened.version(3).note == "version 3"


def test_a_file_of_a_format_no_careplan_wrote_is_damaged_not_a_traceback(store: Store) -> None:
    plan_id = new_plan_with_versions(store, full_plan())
    path = locations.plan_file(store.root, plan_id)
    data = json.loads(path.read_bytes())
    next(iter(data["_meta"].values()))["schema"] = 0
    path.write_bytes(encode(data))
    with pytest.raises(DamagedFile, match="data format"):
        store.open_plan(plan_id)


# --- a file changed behind the lock's back is never saved over ----------------------------------


def test_a_plan_file_replaced_by_something_else_is_not_saved_over(store: Store) -> None:
    """As if a sync program or a careplan on another computer (where the lock does not reach)
    wrote the file while this window had it open."""
    plan_id = new_plan_with_versions(store, full_plan())
    path = locations.plan_file(store.root, plan_id)
    with store.open_plan(plan_id) as opened:
        editing = opened.load()
        editing.goals.append(Goal(title="Typed in this window"))
        opened.keep_draft(editing)
        elsewhere = json.loads(path.read_bytes())
        elsewhere["versions"]["2"] = dict(elsewhere["versions"]["1"], n=2, note="saved elsewhere")
        atomic_write(path, encode(elsewhere))
        theirs = path.read_bytes()
        with pytest.raises(PlanChangedOnDisk) as raised:
            opened.save_version(editing, saved_by="Ann")
        assert str(path) in str(raised.value) and "open it again" in str(raised.value)
        with pytest.raises(PlanChangedOnDisk):
            opened.save_version(editing, saved_by="Ann")  # and stays refused
        assert opened.draft().plan == editing  # the words typed here are kept
    assert path.read_bytes() == theirs
    with store.open_plan(plan_id) as reopened:  # reopening picks up both
        assert reopened.version(2).note == "saved elsewhere"
        assert reopened.save_version(reopened.draft().plan, saved_by="Ann").number == 3


# --- the last few good copies ------------------------------------------------------------------


def test_each_save_keeps_the_file_it_replaces_and_only_the_last_three(store: Store) -> None:
    plan = full_plan()
    with store.create_plan(plan) as opened:
        path = opened.path
        opened.save_version(plan, saved_by="Ann")
        assert (
            list_backups(store.root, opened.id) == []
        )  # a file with no version held nothing to lose
        files = {1: path.read_bytes()}
        for number in range(2, 7):
            plan.checkin.note = f"note {number}"
            opened.save_version(plan, saved_by="Ann")
            files[number] = path.read_bytes()
        kept = list_backups(store.root, opened.id)
    assert [backup.version for backup in kept] == [5, 4, 3][:KEEP]
    for backup in kept:
        assert backup.path.read_bytes() == files[backup.version]
        assert backup.path.stat().st_mode & 0o777 == 0o600
        assert backup.size == len(files[backup.version]) and backup.name == f"{backup.version}.json"


def test_a_backup_that_cannot_be_made_does_not_stop_the_save(store: Store) -> None:
    plan_id = new_plan_with_versions(store, full_plan())
    folder = locations.backups_dir(store.root, plan_id)
    folder.parent.mkdir(mode=0o700)
    folder.write_text("a file where the backups folder should be")
    with store.open_plan(plan_id) as opened:
        assert opened.save_version(opened.load(), saved_by="Ann").number == 2


def damage(store: Store, plan_id: str, data: bytes = b'{"_meta": {"1": {"sch') -> bytes:
    locations.plan_file(store.root, plan_id).write_bytes(data)
    return data


def test_a_damaged_plan_is_put_back_from_a_backup_and_the_damaged_file_is_kept(
    store: Store,
) -> None:
    plan_id = new_plan_with_versions(store, full_plan(), count=4)
    damaged = damage(store, plan_id)
    with pytest.raises(DamagedFile) as raised:
        store.open_plan(plan_id)
    assert f"careplan backups {plan_id}" in str(raised.value) and "version 3" in str(raised.value)

    moved = restore_backup(store.root, plan_id, 3)
    assert moved.name.startswith(f"{plan_id}.json.damaged-") and moved.read_bytes() == damaged
    assert moved.parent == locations.plans_dir(store.root)
    with store.open_plan(plan_id) as opened:
        assert opened.latest == 3 and opened.load(3).checkin.note == "note 3"
    assert store.plan_ids() == [plan_id]  # the damaged copy is not mistaken for a plan


def test_restoring_over_a_readable_plan_needs_force_and_keeps_the_newer_file(store: Store) -> None:
    plan_id = new_plan_with_versions(store, full_plan(), count=3)
    current = locations.plan_file(store.root, plan_id).read_bytes()
    with pytest.raises(CarePlanError, match="can be read, so nothing was restored"):
        restore_backup(store.root, plan_id, "2.json")
    assert locations.plan_file(store.root, plan_id).read_bytes() == current
    moved = restore_backup(store.root, plan_id, list_backups(store.root, plan_id)[-1], force=True)
    assert ".replaced-" in moved.name and moved.read_bytes() == current


def test_restoring_is_refused_while_another_window_has_the_plan(store: Store) -> None:
    plan_id = new_plan_with_versions(store, full_plan(), count=2)
    with store.open_plan(plan_id):
        damage(store, plan_id)
        with pytest.raises(PlanLocked):
            restore_backup(store.root, plan_id, 1)


def test_restoring_a_backup_that_is_not_there_or_itself_damaged_changes_nothing(
    store: Store,
) -> None:
    plan_id = new_plan_with_versions(store, full_plan(), count=3)
    damaged = damage(store, plan_id)
    with pytest.raises(CarePlanError, match=r'no backup "9" .*the copies kept are: 2, 1'):
        restore_backup(store.root, plan_id, 9)
    list_backups(store.root, plan_id)[0].path.write_bytes(b"[]")
    with pytest.raises(DamagedFile, match="not a careplan plan file"):
        restore_backup(store.root, plan_id, 2)
    assert locations.plan_file(store.root, plan_id).read_bytes() == damaged
    assert [p.name for p in locations.plans_dir(store.root).iterdir() if "damaged" in p.name] == []
    with pytest.raises(CarePlanError, match="is not a plan id"):
        list_backups(store.root, "../elsewhere")


def test_a_deleted_plan_file_can_be_put_back_from_its_backup(store: Store) -> None:
    plan_id = new_plan_with_versions(store, full_plan(), count=2)
    locations.plan_file(store.root, plan_id).unlink()
    assert store.plan_ids() == []
    assert restore_backup(store.root, plan_id, 1) is None
    assert store.plan_ids() == [plan_id]


def test_plans_for_the_same_name_are_separate_and_asking_by_name_says_which(store: Store) -> None:
    first = new_plan_with_versions(store, full_plan("Sam Lee"))
    second = new_plan_with_versions(store, full_plan("Sam Lee"))
    assert first != second
    with pytest.raises(AmbiguousPlan) as raised:
        store.resolve("sam lee")
    for plan_id in (first, second):
        assert f"Sam Lee (born 14 Mar 1958; id {plan_id})" in str(raised.value)
    assert "give its id in place of the name" in str(raised.value)
