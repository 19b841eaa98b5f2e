"""Fresh Python processes for the figures a warm process would flatter: start-up, memory, typing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

TIME_LIMIT = 120  # seconds for one child; a hang fails the run instead of stalling it


class ChildFailed(RuntimeError):
    def __init__(self, message: str, errors: str = "") -> None:
        super().__init__(message)
        self.errors = errors  # the child's whole stderr, for a closer look


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else "(nothing on stderr)"


@dataclass(frozen=True)
class ChildRun:
    launched_at: float  # time.time() just before the process started
    report: dict[str, Any]  # the JSON line the child printed
    max_rss_kib: int  # the child's own peak, from the kernel when it was reaped
    cpu_s: float  # the child's user + system CPU time, whole life: steadier than wall time on a busy machine


def run_child(args: list[str], data_dir: Path) -> ChildRun:
    """Run `python -m benchmarks.child ARGS` with its data folder at `data_dir`, and wait for it."""
    env = dict(os.environ)
    env.pop("TEXTUAL", None)  # no devtools or debug features, whatever the caller's shell says
    env["CAREPLAN_DATA_DIR"] = str(data_dir)
    env["XDG_DATA_HOME"] = str(data_dir.parent / "xdg-data")  # nothing reaches a real home folder
    project = Path(__file__).resolve().parent.parent
    env["PYTHONPATH"] = os.pathsep.join(
        filter(None, [str(project), os.environ.get("PYTHONPATH", "")])
    )
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        launched_at = time.time()
        child = subprocess.Popen(
            [sys.executable, "-m", "benchmarks.child", *args],
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            env=env,
            cwd=project,
        )
        try:
            status, usage = _wait(child)
        except BaseException:  # interrupted: the child goes too, before its folder is removed
            _stop(child)
            raise
        out.seek(0)
        err.seek(0)
        output, errors = (
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
        )
    what = f"benchmarks.child {' '.join(args[:2])}"
    if status != 0:
        raise ChildFailed(f"{what} exited with {status}: {_last_line(errors)}", errors)
    lines = [line for line in output.splitlines() if line.startswith("{")]
    if not lines:
        raise ChildFailed(f"{what} printed no figures: {_last_line(errors)}", errors)
    return ChildRun(
        launched_at=launched_at,
        report=json.loads(lines[-1]),
        max_rss_kib=usage.ru_maxrss,
        cpu_s=usage.ru_utime + usage.ru_stime,
    )


def _wait(child: subprocess.Popen) -> tuple[int, Any]:
    """Reap the child with wait4, which gives its own resource usage (not all children's)."""
    deadline = time.monotonic() + TIME_LIMIT
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid == child.pid:
            child.returncode = os.waitstatus_to_exitcode(status)
            return child.returncode, usage
        if time.monotonic() > deadline:
            _stop(child)
            raise ChildFailed(f"benchmarks.child took longer than {TIME_LIMIT} s and was stopped")
        time.sleep(0.002)


def _stop(child: subprocess.Popen) -> None:
    if child.returncode is None:
        child.kill()
        _, status, _ = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
