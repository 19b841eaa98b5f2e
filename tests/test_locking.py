"""One writer at a time: a second window gets a clear message or a read-only view, no update is
lost or interleaved, and a lock held by a process that died never locks anyone out."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from careplan import locations
from careplan.errors import CarePlanError, LockUnavailable, PlanLocked
from careplan.store import Store
from tests.storage_helpers import add_plan, full_plan

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the lock is an fcntl lock (POSIX)")

WORKER = Path(__file__).with_name("lock_worker.py")
ROOT = WORKER.parent.parent


def worker(data_dir: Path, plan_id: str, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, str(WORKER), str(data_dir), plan_id, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )


def holding(data_dir: Path, plan_id: str) -> subprocess.Popen:
    """Another process with the plan open for writing (kill it when done)."""
    holder = worker(data_dir, plan_id, "hold")
    line = holder.stdout.readline()
    if line != "holding\n":
        holder.kill()
        raise AssertionError(f"the holder did not start: {line!r} {holder.communicate()[1]}")
    return holder


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGKILL)
    process.communicate(timeout=30)


# --- within one process ------------------------------------------------------------------------


def test_a_second_open_for_writing_is_refused_with_a_plain_message(store: Store) -> None:
    plan_id = add_plan(store, plan=full_plan("Ann Smith"))
    with store.open_plan(plan_id):
        with pytest.raises(PlanLocked) as raised:
            store.open_plan(plan_id)
        message = str(raised.value)
        assert message.startswith("Ann Smith's plan is open for changes in another careplan window")
        assert f"process {os.getpid()}" in message and "close the other window" in message


def test_while_busy_the_plan_can_still_be_read_but_not_changed(store: Store) -> None:
    plan_id = add_plan(store, plan=full_plan("Ann Smith"), versions=2)
    with store.open_plan(plan_id) as writer:
        with store.open_plan(plan_id, read_only_if_busy=True) as reader:
            assert reader.read_only and f"process {os.getpid()}" in reader.locked_by
            assert reader.load(2) == writer.load(2)
            with pytest.raises(PlanLocked, match="Ann Smith's plan is open for changes"):
                reader.save_version(reader.load(), saved_by="Tom")
            with pytest.raises(PlanLocked):
                reader.keep_draft(reader.load())
        writer.save_version(writer.load(), saved_by="Ann")
    with store.open_plan(plan_id, read_only_if_busy=True) as free:  # nobody else: a writable plan
        assert not free.read_only and free.locked_by == ""


def test_closing_lets_the_next_window_write_even_after_an_error(store: Store) -> None:
    plan_id = add_plan(store, plan=full_plan())
    store.open_plan(plan_id).close()
    with pytest.raises(RuntimeError), store.open_plan(plan_id):
        raise RuntimeError("something went wrong in a screen")
    with store.open_plan(plan_id) as opened:
        opened.close()
        opened.close()  # closing twice is harmless
    store.open_plan(plan_id).close()


def test_a_lock_that_cannot_be_made_is_a_plain_error_and_the_plan_can_still_be_read(
    store: Store,
) -> None:
    plan_id = add_plan(store, plan=full_plan())
    lock = locations.lock_file(store.root, plan_id)
    lock.unlink()
    lock.mkdir()
    with pytest.raises(LockUnavailable) as raised:
        store.open_plan(plan_id)
    assert str(lock) in str(raised.value) and isinstance(raised.value, CarePlanError)
    with store.open_plan(plan_id, write=False) as reader:
        assert reader.latest == 1


# --- between processes -------------------------------------------------------------------------


def test_another_process_is_refused_while_one_writes_and_told_who_has_it(
    store: Store, data_dir: Path
) -> None:
    plan_id = add_plan(store, plan=full_plan("Ann Smith"))
    with store.open_plan(plan_id):
        attempt = worker(data_dir, plan_id, "try")
        out, err = attempt.communicate(timeout=30)
    assert out.startswith(
        "locked: Ann Smith's plan is open for changes in another careplan window"
    ), err
    assert f"process {os.getpid()}" in out
    attempt = worker(data_dir, plan_id, "try")
    assert attempt.communicate(timeout=30)[0] == "opened\n"


def test_a_lock_held_by_a_process_that_was_killed_locks_nobody_out(
    store: Store, data_dir: Path
) -> None:
    plan_id = add_plan(store, plan=full_plan("Ann Smith"))
    holder = holding(data_dir, plan_id)
    try:
        with pytest.raises(PlanLocked, match=f"process {holder.pid}"):
            store.open_plan(plan_id)
        with store.open_plan(plan_id, read_only_if_busy=True) as reader:
            assert reader.read_only
    finally:
        stop(holder)  # SIGKILL: no chance to clean up
    assert locations.lock_file(
        store.root, plan_id
    ).exists()  # the file stays; the lock died with it
    with store.open_plan(plan_id) as opened:
        assert opened.save_version(opened.load(), saved_by="Ann").number == 2


def test_a_program_started_by_a_process_that_was_killed_does_not_keep_its_lock(
    store: Store, data_dir: Path
) -> None:
    # The lock is an flock on an open file, so any program that inherited the descriptor would hold
    # it on after careplan died. The descriptor is made non-inheritable; this program is handed
    # every inheritable one (close_fds=False), so it would have it otherwise.
    plan_id = add_plan(store, plan=full_plan("Ann Smith"))
    holder = worker(data_dir, plan_id, "hold-and-start")
    line = holder.stdout.readline()
    if not line.startswith("holding "):
        stop(holder)
        raise AssertionError(f"the holder did not start: {line!r} {holder.stderr.read()}")
    program = int(line.split()[1])
    try:
        with pytest.raises(PlanLocked):
            store.open_plan(plan_id)
        stop(holder)  # SIGKILL; the program it started runs on
        os.kill(program, 0)  # (still there: raises if not)
        with store.open_plan(plan_id) as opened:
            assert not opened.read_only
    finally:
        if holder.poll() is None:
            stop(holder)
        with contextlib.suppress(ProcessLookupError):
            os.kill(program, signal.SIGKILL)


def test_two_processes_saving_the_same_plan_lose_nothing_and_never_interleave(
    store: Store, data_dir: Path
) -> None:
    """Each adds its own statements one version at a time, reading the latest under the lock: all
    40 additions end up in the plan, and each version is its predecessor plus exactly one."""
    plan = full_plan()
    plan.matters.clear()
    plan_id = add_plan(store, plan=plan)
    per_writer = 20
    writers = [worker(data_dir, plan_id, "append", who, str(per_writer)) for who in ("ann", "tom")]
    reads = 0
    while any(writer.poll() is None for writer in writers):
        with store.open_plan(
            plan_id, write=False
        ) as reader:  # reading is never blocked, never torn
            if reader.latest is not None:
                assert len(reader.load().matters) == reader.latest - 1
            reads += 1
    for writer in writers:
        out, err = writer.communicate(timeout=60)
        assert writer.returncode == 0, err
        assert len(out.splitlines()) == per_writer
    with store.open_plan(plan_id, write=False) as opened:
        assert opened.latest == 1 + 2 * per_writer
        texts = [statement.text for statement in opened.load().matters]
        for who in ("ann", "tom"):
            assert [text for text in texts if text.startswith(who)] == [
                f"{who} {n}" for n in range(1, per_writer + 1)
            ]
        for number in range(2, opened.latest + 1):
            before, after = opened.load(number - 1).matters, opened.load(number).matters
            assert after[:-1] == before
            assert opened.version(number).note == after[-1].text
    assert reads > 0


def cli(*args: str, data_dir: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "careplan", *args, "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        env={**os.environ, "NO_COLOR": "1"},
    )


def test_the_command_line_meets_a_plan_held_open_by_another_process(
    store: Store, data_dir: Path, tmp_path: Path
) -> None:
    plan_id = add_plan(store, plan=full_plan("Ann Smith"))
    exported = cli("export", plan_id, "--format", "json", data_dir=data_dir)
    assert exported.returncode == 0, exported.stderr
    changed = json.loads(exported.stdout)
    import_file = tmp_path / "ann.json"
    import_file.write_text(json.dumps(changed))
    before = locations.plan_file(store.root, plan_id).read_bytes()

    holder = holding(data_dir, plan_id)
    try:
        listed = cli("list", data_dir=data_dir)  # reading works while the plan is held
        assert listed.returncode == 0 and "Ann Smith" in listed.stdout
        refused = cli("import", str(import_file), data_dir=data_dir)
    finally:
        stop(holder)
    assert refused.returncode == 1
    assert "Traceback" not in refused.stderr and len(refused.stderr.strip().splitlines()) == 1
    assert "Ann Smith's plan is open for changes in another careplan window" in refused.stderr
    assert locations.plan_file(store.root, plan_id).read_bytes() == before

    accepted = cli(
        "import", str(import_file), data_dir=data_dir
    )  # the holder is gone: it goes through
    assert accepted.returncode == 0, accepted.stderr
    with store.open_plan(plan_id, write=False) as opened:
        assert opened.latest == 2
