"""The benchmark suite runs: every figure is measured and reported in the promised shape.

Only the shape is checked, never a number: `--quick` uses a tiny caseload and one run of each, so
its figures mean nothing, and timings do not belong in tests.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
FIELDS = {"value", "unit", "baseline", "ratio", "target", "ok"}
TARGETS = {
    "startup": 1.5,
    "save_version": 0.1,
    "save_scaling": 1.3,
    "open_plan": 0.1,
    "storage_growth": 3.0,
    "peak_memory": 1.5,
    "typing": 1.5,
}
REPORTED_WITHOUT_TARGET = {"markdown_export", "data_folder"}
COUNTS = {"keys_for_scenario": 400}  # a target on the value itself: there is no baseline


@pytest.fixture(scope="module")
def quick_run(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[subprocess.CompletedProcess[str], Path, Path]:
    """One `python -m benchmarks --quick --json`, with its temporary files and data paths fenced in."""
    base = tmp_path_factory.mktemp("benchmarks")
    temporary, real_data = base / "tmp", base / "real-data"
    temporary.mkdir()
    env = {
        **os.environ,
        "TMPDIR": str(temporary),  # everything the suite creates must be gone from here afterwards
        "CAREPLAN_DATA_DIR": str(real_data),  # stands for a real data folder: never to be touched
        "XDG_DATA_HOME": str(base / "xdg-data"),
        "HOME": str(base / "home"),
    }
    finished = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick", "--json", "--quiet"],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,  # the family's year is typed key by key through the app
    )
    return finished, temporary, real_data


def test_quick_run_measures_every_figure(quick_run) -> None:
    finished, _, _ = quick_run
    assert finished.returncode == 0, finished.stderr[-3000:] + finished.stdout[-3000:]
    metrics = json.loads(finished.stdout)["metrics"]
    assert set(metrics) == set(TARGETS) | REPORTED_WITHOUT_TARGET | set(COUNTS)
    for name, figure in metrics.items():
        assert set(figure) >= FIELDS, name
        assert isinstance(figure["value"], (int, float)), (name, figure.get("notes"))
        assert isinstance(figure["unit"], str) and figure["unit"], name
    for name, target in TARGETS.items():
        figure = metrics[name]
        assert figure["target"] == target
        assert isinstance(figure["baseline"], (int, float)) and figure["baseline"] > 0, name
        assert figure["ratio"] == pytest.approx(figure["value"] / figure["baseline"])
        assert figure["ok"] is (figure["ratio"] <= target)
    for name in REPORTED_WITHOUT_TARGET:
        assert metrics[name]["target"] is None and metrics[name]["ok"] is None
    for name, target in COUNTS.items():
        figure = metrics[name]
        assert figure["target"] == target and figure["baseline"] is None
        assert figure["ok"] is (figure["value"] <= target)


def test_the_familys_year_reports_its_keys(quick_run) -> None:
    """The scenario ran to the end (it reads the saved plan back, so a skipped step fails it) and
    said how it counted: a whole number of keys, step by step, with the typing apart."""
    finished, _, _ = quick_run
    figure = json.loads(finished.stdout)["metrics"]["keys_for_scenario"]
    assert figure["unit"] == "keys" and figure["value"] == int(figure["value"]) > 0
    notes = " ".join(figure["notes"])
    assert "by step: start the plan" in notes and "support team" in notes
    assert "characters typed into text boxes (not counted)" in notes


def test_quick_run_leaves_nothing_behind(quick_run) -> None:
    _, temporary, real_data = quick_run
    assert list(temporary.iterdir()) == []
    assert not real_data.exists()
