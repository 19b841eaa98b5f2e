"""`python -m benchmarks [--json] [--quick] [--check]`: measure careplan against plain baselines.

Prints a table (or, with --json, {"metrics": {NAME: {"value", "unit", "baseline", "ratio",
"target", "ok", ...}}}); progress goes to stderr. Exits 1 if a figure could not be measured, or,
with --check, if a target is missed.
"""

from __future__ import annotations

import argparse
import json
import sys

from benchmarks.metrics import Metric
from benchmarks.suite import FULL, QUICK, Sizes, run, stderr_progress


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--quick",
        action="store_true",
        help="tiny caseload and one run of each: proves the suite works, figures mean nothing",
    )
    parser.add_argument("--check", action="store_true", help="exit 1 if any target is missed")
    parser.add_argument("--quiet", action="store_true", help="no progress lines on stderr")
    options = parser.parse_args(argv)
    sizes = QUICK if options.quick else FULL
    try:
        metrics = run(sizes, progress=(lambda line: None) if options.quiet else stderr_progress)
    except KeyboardInterrupt:
        print("Stopped; the temporary folder is removed.", file=sys.stderr)
        return 130
    if options.json:
        print(json.dumps(as_json(metrics, sizes), indent=2))
    else:
        print(table(metrics, sizes))
    unmeasured = [metric.name for metric in metrics if metric.value is None]
    missed = [metric.name for metric in metrics if metric.ok is False]
    return 1 if unmeasured or (options.check and missed) else 0


def as_json(metrics: list[Metric], sizes: Sizes) -> dict:
    return {
        "metrics": {metric.name: metric.to_json() for metric in metrics},
        "sizes": {
            "plans": sizes.plans,
            "versions": sizes.versions,
            "scaled_plans": sizes.plans * sizes.scale,
            "runs": sizes.runs,
            "process_runs": sizes.process_runs,
            "typing_runs": sizes.typing_runs,
            "typed_characters": sizes.typed,
        },
    }


def table(metrics: list[Metric], sizes: Sizes) -> str:
    rows = [("metric", "value", "baseline", "ratio", "target", "met")]
    for metric in metrics:
        rows.append(
            (
                metric.name,
                _amount(metric.value, metric.unit),
                _amount(metric.baseline, metric.unit),
                "-" if metric.ratio is None else f"{metric.ratio:.3f}",
                "-" if metric.target is None else f"<= {metric.target:g}",
                {True: "yes", False: "NO", None: "-"}[metric.ok],
            )
        )
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    lines = [f"careplan benchmarks: {sizes.describe()}", ""]
    for index, row in enumerate(rows):
        cells = [row[0].ljust(widths[0])] + [
            cell.rjust(width) for cell, width in zip(row[1:], widths[1:], strict=False)
        ]
        lines.append("  ".join(cells).rstrip())
        if index == 0:
            lines.append("  ".join("-" * width for width in widths))
    lines.append("")
    for metric in metrics:
        lines.append(f"{metric.name}: {metric.what}")
        lines.extend(f"    {note}" for note in metric.notes)
    return "\n".join(lines)


def _amount(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if abs(value) >= 100:
        return f"{value:,.0f} {unit}"
    return f"{value:.3g} {unit}" if abs(value) >= 1 else f"{value:.3f} {unit}"


if __name__ == "__main__":
    sys.exit(main())
