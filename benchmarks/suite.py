"""The whole run: build a caseload in a temporary folder, measure every figure, clean up.

Nothing outside the temporary folder is touched: CAREPLAN_DATA_DIR points into it for this
process and every child, and the folder is removed however the run ends (including Ctrl+C and
SIGTERM).
"""

from __future__ import annotations

import os
import signal
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from benchmarks import caseload as caseloads
from benchmarks import family_year, interactive, storage
from benchmarks.metrics import Metric

# Every figure the suite reports, in the order it reports them, with its target ratio (if any).
METRICS: dict[str, float | None] = {
    "startup": 1.5,
    "save_version": 0.1,
    "save_scaling": 1.3,
    "open_plan": 0.1,
    "storage_growth": 3.0,
    "peak_memory": 1.5,
    "typing": 1.5,
    "keys_for_scenario": family_year.TARGET,  # a count of keys, not a ratio
    "markdown_export": None,
    "data_folder": None,
}


@dataclass(frozen=True)
class Sizes:
    plans: int = 60
    versions: int = 50
    scale: int = 10  # the large caseload for save_scaling is this many times the plans
    runs: int = (
        9  # in-process measurements (careplan's take milliseconds, plain TinyDB's up to 2 s)
    )
    process_runs: int = 5  # fresh-process start-ups (each takes about half a second)
    typing_runs: int = (
        3  # fresh processes typing (each several seconds; each already averages every key)
    )
    typed: int = 200

    def describe(self) -> str:
        return (
            f"{self.plans} plans x {self.versions} versions (and {self.plans * self.scale} plans for"
            f" save_scaling); medians of {self.runs} runs in process, {self.process_runs} start-ups and"
            f" {self.typing_runs} typing runs in fresh processes"
        )


FULL = Sizes()
QUICK = Sizes(plans=3, versions=4, scale=2, runs=1, process_runs=1, typing_runs=1, typed=10)

Progress = Callable[[str], None]


def run(sizes: Sizes = FULL, progress: Progress = lambda line: None) -> list[Metric]:
    """Every metric in METRICS. One that could not be measured has value None and says why."""
    results: dict[str, Metric] = {}
    with _temporary_folder() as folder, _data_dir(folder / "one"):
        started = time.perf_counter()

        def step(what: str) -> None:
            progress(f"[{time.perf_counter() - started:6.1f} s] {what}")

        step(f"building {sizes.plans} plans x {sizes.versions} versions through the Store")
        small = caseloads.build(
            folder / "one", sizes.plans, sizes.versions, plain_db=folder / "plain-tinydb.json"
        )
        # Figures of the caseload as built, before any measurement adds versions to it.
        _measure(results, step, "storage_growth", lambda: [storage.storage_growth(small)])
        _measure(results, step, "data_folder", lambda: [storage.data_folder(small)])
        step(f"copying it to {sizes.plans * sizes.scale} plans")
        large = caseloads.scale_up(small, folder / "large", sizes.scale)
        _measure(
            results,
            step,
            "startup and peak_memory",
            lambda: list(interactive.startup_and_memory(small, sizes.process_runs)),
            names=("startup", "peak_memory"),
        )
        _measure(
            results,
            step,
            "typing",
            lambda: [interactive.typing(small, sizes.typed, sizes.typing_runs)],
        )
        _measure(
            results,
            step,
            "keys_for_scenario",
            lambda: [family_year.keys_for_scenario(folder / "family-year")],
        )
        _measure(results, step, "save_version", lambda: [storage.save_version(small, sizes.runs)])
        _measure(
            results,
            step,
            "save_scaling",
            lambda: [storage.save_scaling(small, large, sizes.runs * 3)],
        )
        _measure(results, step, "open_plan", lambda: [storage.open_plan(small, sizes.runs)])
        _measure(
            results, step, "markdown_export", lambda: [storage.markdown_export(small, sizes.runs)]
        )
        step("done; removing the temporary folder")
    return [results[name] for name in METRICS]


def _measure(
    results: dict[str, Metric],
    step: Callable[[str], None],
    label: str,
    measure: Callable[[], list[Metric]],
    names: tuple[str, ...] | None = None,
) -> None:
    step(f"measuring {label}")
    try:
        for metric in measure():
            results[metric.name] = metric
    except Exception as error:  # one broken measurement must not hide the others
        detail = traceback.format_exception_only(error)[-1].strip()
        for name in names or (label,):
            results[name] = Metric(
                name,
                "could not be measured",
                None,
                None,
                "",
                target=METRICS[name],
                notes=[f"error: {detail}"],
            )
        step(f"  {label} failed: {detail}")


@contextmanager
def _temporary_folder() -> Iterator[Path]:
    previous = signal.getsignal(signal.SIGTERM)

    def stop(signum: int, frame: object) -> None:
        raise KeyboardInterrupt  # unwinds through the with-blocks, so the folder is removed

    in_main_thread = _is_main_thread()
    if in_main_thread:
        signal.signal(signal.SIGTERM, stop)
    try:
        with tempfile.TemporaryDirectory(prefix="careplan-benchmarks-") as name:
            yield Path(name)
    finally:
        if in_main_thread:
            signal.signal(signal.SIGTERM, previous)


@contextmanager
def _data_dir(path: Path) -> Iterator[None]:
    """CAREPLAN_DATA_DIR at the benchmark's own folder while it runs, as it was afterwards."""
    previous = os.environ.get("CAREPLAN_DATA_DIR")
    os.environ["CAREPLAN_DATA_DIR"] = str(path)
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop("CAREPLAN_DATA_DIR", None)
        else:
            os.environ["CAREPLAN_DATA_DIR"] = previous


def _is_main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()


def stderr_progress(line: str) -> None:
    print(line, file=sys.stderr, flush=True)
