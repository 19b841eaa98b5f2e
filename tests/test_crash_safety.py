"""A crash at any moment loses nothing that was reported saved, and never leaves a file that will not load.

Two kinds of crash: a real writer process (tests/crash_writer.py) killed with SIGKILL at random
moments, over and over; and a forked writer that kills itself just before each of the file-system
calls of one save in turn, so every step between "nothing written" and "all written" is tried.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from careplan import locations
from careplan.backups import list_backups
from careplan.drafts import DraftExtra
from careplan.store import Store
from tests.crash_writer import plan_for
from tests.storage_helpers import add_plan, killed_at_call

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs POSIX processes and signals")

WRITER = Path(__file__).with_name("crash_writer.py")
RANDOM_KILLS = 25
DRAFT_KILLS = 12


def start_plan(store: Store, versions: int = 1) -> str:
    """A plan whose version N is plan_for(N), with no draft."""
    return add_plan(
        store,
        plan=plan_for(1),
        versions=versions,
        saved_by="crash writer",
        note="step {number}",
        before_each=lambda _, number: plan_for(number),
    )


def run_and_kill(data_dir: Path, plan_id: str, *args: str, delay: float) -> list[int]:
    """Start the writer, SIGKILL it `delay` seconds after it has the plan open; the steps it reported."""
    writer = subprocess.Popen(
        [sys.executable, str(WRITER), str(data_dir), plan_id, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=WRITER.parent.parent,
    )
    try:
        first = writer.stdout.readline()
        if first != "ready\n":
            writer.kill()
            raise AssertionError(f"the writer did not start: {first!r} {writer.communicate()[1]}")
        time.sleep(
            delay
        )  # where the kill lands is the point of the test, not how long anything takes
        writer.send_signal(signal.SIGKILL)
        out, err = writer.communicate(timeout=30)
    finally:
        if writer.poll() is None:
            writer.kill()
            writer.wait()
    assert writer.returncode == -signal.SIGKILL, f"the writer stopped by itself: {err}"
    return [
        int(line.split()[1]) for line in out.splitlines() if line.split()[0] in ("saved", "drafted")
    ]


def check_versions(store: Store, plan_id: str, must_have: list[int]) -> int:
    """The plan opens; its versions run 1..N without a gap; each reported one is exactly what was saved."""
    assert [summary.problem for summary in store.list_plans()] == [""]
    with store.open_plan(plan_id, write=False) as opened:
        numbers = [info.number for info in opened.versions()]
        assert numbers == list(range(1, len(numbers) + 1))
        for number in must_have:
            assert number in numbers, f"version {number} was reported saved but is not there"
            assert opened.load(number) == plan_for(number)
            assert opened.version(number).note == f"step {number}"
        return numbers[-1]


def test_every_version_reported_saved_survives_sigkill_at_random_moments(
    store: Store, data_dir: Path
) -> None:
    plan_id = start_plan(store)
    seed = random.randrange(1_000_000)
    rng = random.Random(seed)
    reported: list[int] = []
    for kill in range(RANDOM_KILLS):
        saved = run_and_kill(data_dir, plan_id, "versions", delay=rng.uniform(0.0, 0.2))
        reported += saved
        try:
            check_versions(store, plan_id, saved)
        except AssertionError as failure:
            raise AssertionError(f"after kill {kill + 1} (seed {seed}): {failure}") from failure
    assert reported, "the writer never got to save anything: the kills tested nothing"

    # Every version in the file, reported or not, is exactly what the writer saved as that version.
    latest = check_versions(store, plan_id, list(range(1, check_versions(store, plan_id, []) + 1)))
    assert latest >= max(reported)
    # Opening for writing clears what the killed saves left behind; the backups all read.
    with store.open_plan(plan_id):
        leftovers = [p.name for p in data_dir.rglob("*.tmp")]
        assert not [name for name in leftovers if plan_id in name and "index" not in name]
    for backup in list_backups(data_dir, plan_id):
        assert json.loads(backup.path.read_bytes())["_meta"]


def test_the_draft_is_always_one_of_the_states_written_whenever_the_writer_is_killed(
    store: Store, data_dir: Path
) -> None:
    plan_id = start_plan(store)
    seed = random.randrange(1_000_000)
    rng = random.Random(seed)
    previous: int | None = None  # the step the draft held after the last kill
    for kill in range(DRAFT_KILLS):
        start = (kill + 1) * 1000
        drafted = run_and_kill(
            data_dir, plan_id, "drafts", str(start), delay=rng.uniform(0.0, 0.15)
        )
        with store.open_plan(plan_id, write=False) as opened:
            draft = opened.draft()
        if drafted:
            allowed = {
                drafted[-1],
                drafted[-1] + 1,
            }  # the last reported, or the next if killed after writing it
        else:
            allowed = {previous, start}
        step = draft.extra.guided_step if draft else None
        assert step in allowed, (
            f"after kill {kill + 1} (seed {seed}) the draft holds step {step}, not one of {allowed}"
        )
        if draft is not None:
            assert draft.plan == plan_for(step)
        previous = step


def test_a_save_killed_between_any_two_disk_operations_keeps_every_word(
    store: Store, data_dir: Path
) -> None:
    """Kill just before the 1st, 2nd, 3rd ... write/fsync/replace/unlink of saving a version, until a
    save finishes. Every time: the file loads, and the new words are in the new version or still in
    the draft."""
    plan_id = start_plan(store, versions=2)
    crash_points = 0
    for call in range(1, 60):
        with store.open_plan(plan_id) as opened:
            before = opened.latest
            step = before + 1
            opened.keep_draft(plan_for(step), extra=DraftExtra(guided_step=step))

        def save(step: int = step) -> None:
            with store.open_plan(plan_id) as opened:
                opened.save_version(plan_for(step), saved_by="crash writer", note=f"step {step}")

        killed = killed_at_call(call, save)
        latest = check_versions(store, plan_id, list(range(1, before + 1)))
        assert latest in (before, step)
        with store.open_plan(plan_id, write=False) as opened:
            draft = opened.draft()
        if latest == before:
            assert draft is not None and draft.plan == plan_for(step), (
                f"killed before call {call}: the words are lost"
            )
        else:
            assert opened.load(step) == plan_for(step)
        if not killed:
            assert latest == step and draft is None
            break
        crash_points += 1
    else:
        pytest.fail("the save never finished")
    assert (
        crash_points >= 6
    )  # backup copy and plan file: each written, fsynced, replaced; the draft removed


def test_a_draft_save_killed_between_any_two_disk_operations_leaves_the_old_or_the_new_draft(
    store: Store, data_dir: Path
) -> None:
    plan_id = start_plan(store)
    for call in range(1, 30):
        with store.open_plan(plan_id) as opened:
            opened.keep_draft(plan_for(100), extra=DraftExtra(guided_step=100))

        def keep_draft() -> None:
            with store.open_plan(plan_id) as opened:
                opened.keep_draft(plan_for(200), extra=DraftExtra(guided_step=200))

        killed = killed_at_call(call, keep_draft)
        with store.open_plan(plan_id, write=False) as opened:
            draft = opened.draft()
        assert draft is not None and draft.extra.guided_step in (100, 200)
        assert draft.plan == plan_for(draft.extra.guided_step)
        if not killed:
            assert draft.extra.guided_step == 200
            break
    else:
        pytest.fail("the draft save never finished")


def test_a_killed_save_leaves_no_temporary_files_once_the_plan_is_opened_again(
    store: Store, data_dir: Path
) -> None:
    plan_id = start_plan(store, versions=2)
    step = 3

    def save() -> None:
        with store.open_plan(plan_id) as opened:
            opened.save_version(plan_for(step), saved_by="crash writer", note=f"step {step}")

    # Killed just before replacing the plan file (backup: write, fsync, replace, dir fsync; plan: write, fsync).
    assert killed_at_call(2, save, calls=("replace",))
    plans = locations.plans_dir(data_dir)
    assert [name for name in os.listdir(plans) if name.endswith(".tmp")], (
        "the kill left no temporary file to clean"
    )
    with store.open_plan(plan_id):
        assert not [name for name in os.listdir(plans) if name.endswith(".tmp")]
