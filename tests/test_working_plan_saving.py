"""The working plan while a version is saved and while the draft cannot be written: a version holds
the plan as it was at Save, typing after it stays a change, and one plan file is never written by
two threads at once or after it was closed."""

from __future__ import annotations

import shutil
import threading

import pytest

from careplan import locations
from careplan.drafts import DraftExtra
from careplan.errors import CarePlanError, StorageError
from careplan.model import About, CarePlan
from careplan.store import Store
from careplan.working_plan import WorkingPlan


def opened(store: Store) -> WorkingPlan:
    plan = CarePlan(about=About(name="Ruth Okafor"))
    plan_file = store.create_plan(plan)
    plan_file.save_version(plan, saved_by="Priya")
    return WorkingPlan(plan_file)


def test_a_version_holds_the_snapshot_and_later_typing_stays_a_change(store: Store) -> None:
    working = opened(store)
    working.plan.about.preferred_name = "Ruthie"
    snapshot = working.snapshot()
    working.plan.about.illness = "typed while saving"  # after Save was pressed
    info = working.save_version("Sam", plan=snapshot)
    assert info.number == 2
    assert working.file.load(2).about.illness == ""
    assert working.file.load(2).about.preferred_name == "Ruthie"
    assert working.base == snapshot and working.has_changes
    working.keep_draft()
    assert working.file.draft().plan.about.illness == "typed while saving"
    working.file.close()


def test_a_save_starts_the_next_draft_afresh_keeping_the_speaker_and_a_session_that_goes_on(
    store: Store,
) -> None:
    working = opened(store)
    working.set_speaker("caregiver")
    extra = working.extra
    extra.guided_step, extra.guided_skipped, extra.session_notes = 2, [1], "driving matters"
    extra.review_note, extra.typed_dates = "after the visit", {"next_review": "next tuesdayish"}
    working.plan.about.preferred_name = "Ruthie"
    working.save_version("Sam", session_goes_on=True)  # Ctrl+S on the way through a session
    assert working.extra == DraftExtra(
        speaker="caregiver", guided_step=2, guided_skipped=[1], session_notes="driving matters"
    )
    working.plan.about.illness = "Parkinson's"
    working.save_version("Sam")  # the session's last step, or no session running
    assert working.extra == DraftExtra(speaker="caregiver")
    assert working.speaker == "caregiver"
    working.file.close()


def test_a_snapshot_is_tidied_so_the_plan_matches_what_is_saved(store: Store) -> None:
    working = opened(store)
    working.plan.about.preferred_name = "Ru\x07thie\r\n"
    working.save_version("Sam", plan=working.snapshot())
    assert working.plan.about.preferred_name == "Ruthie\n"
    assert not working.has_changes
    working.file.close()


def test_a_draft_that_cannot_be_written_is_remembered_until_one_can(store: Store) -> None:
    working = opened(store)
    folder = locations.draft_file(store.root, working.file.id).parent
    shutil.rmtree(folder, ignore_errors=True)
    folder.write_text("not a folder")
    working.plan.about.preferred_name = "Ruthie"
    with pytest.raises(StorageError):
        working.keep_draft()
    assert isinstance(working.draft_problem, StorageError)
    folder.unlink()
    working.keep_draft()
    assert working.draft_problem is None
    assert working.file.draft().plan.about.preferred_name == "Ruthie"
    working.file.close()


def test_closing_waits_for_a_save_on_another_thread_and_nothing_is_written_after(
    store: Store, monkeypatch
) -> None:
    working = opened(store)
    plan_file = working.file
    inside, finish = threading.Event(), threading.Event()
    order: list[str] = []
    real_backup = plan_file._keep_backup

    def slow_backup() -> None:  # part way through the save, with the plan file held
        inside.set()
        finish.wait()
        real_backup()

    monkeypatch.setattr(plan_file, "_keep_backup", slow_backup)
    working.plan.about.preferred_name = "Ruthie"
    snapshot = working.snapshot()
    saving = threading.Thread(
        target=lambda: order.append(f"saved {working.save_version('Sam', plan=snapshot).number}")
    )
    saving.start()
    inside.wait()
    closing = threading.Thread(target=lambda: (plan_file.close(), order.append("closed")))
    closing.start()
    finish.set()
    saving.join()
    closing.join()
    assert order == ["saved 2", "closed"]
    with pytest.raises(CarePlanError, match="closed"):
        plan_file.keep_draft(working.plan)
    with store.open_plan(plan_file.id) as again:  # the lock was let go, after the save
        assert again.latest == 2 and not again.read_only
        assert again.load(2).about.preferred_name == "Ruthie"
