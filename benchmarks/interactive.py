"""The figures a person feels at the keyboard, each from fresh processes: start-up, memory, typing.

The baseline is always the least an app can be: a bare Textual app with a Header and a Footer
(and, for typing, one Input), started and driven exactly as careplan is.
"""

from __future__ import annotations

from benchmarks.caseload import Caseload
from benchmarks.metrics import Metric, median
from benchmarks.processes import ChildRun, run_child
from careplan.store import Store

SENTENCE = "We would like a quiet walk to the park on Sunday mornings, with a rest on the bench by the pond. "


def startup_and_memory(caseload: Caseload, runs: int) -> tuple[Metric, Metric]:
    # Some person's name must be on screen before the app counts as ready. First and family name
    # only: the list may shorten long names, and may sort them in any order.
    names = sorted(
        {summary.person.rsplit(" ", 1)[0] for summary in Store(caseload.root).list_plans()}
    )
    careplan_args, bare_args = ["startup", "careplan", "\n".join(names)], ["startup", "bare"]
    run_child(bare_args, caseload.root)  # warm up: byte-code compiled, files in the page cache
    run_child(careplan_args, caseload.root)
    ours: list[ChildRun] = []
    bare: list[ChildRun] = []
    for _ in range(runs):
        bare.append(run_child(bare_args, caseload.root))
        ours.append(run_child(careplan_args, caseload.root))

    def seconds(run: ChildRun) -> float:
        return run.report["ready_at"] - run.launched_at

    def megabytes(run: ChildRun) -> float:
        return run.report["peak_rss_kib"] / 1024

    cpu, cpu_bare = median([run.cpu_s for run in ours]), median([run.cpu_s for run in bare])
    launch = (
        "fresh `python -m benchmarks.child` processes, app.run(headless=True, size=(100, 30)) with an auto"
        " pilot that waits for the first screen to be mounted, its workers done and a frame drawn"
    )
    startup = Metric(
        "startup",
        f"launch to the plans list with {len(caseload.plan_ids)} plans shown, headless",
        median([seconds(run) for run in ours]),
        median([seconds(run) for run in bare]),
        "s",
        target=1.5,
        notes=[
            f"{launch}; careplan must show a person's name from the caseload; median of {runs}",
            f"CPU time of the same processes (steadier when the machine is busy): {cpu:.3f} s against"
            f" {cpu_bare:.3f} s (ratio {cpu / cpu_bare:.2f})",
        ],
    )
    memory = Metric(
        "peak_memory",
        "peak RSS with the caseload, first screen shown",
        median([megabytes(run) for run in ours]),
        median([megabytes(run) for run in bare]),
        "MB",
        target=1.5,
        notes=[
            f"ru_maxrss of the same processes at the moment the first screen was ready; median of {runs}"
        ],
    )
    return startup, memory


def typing(caseload: Caseload, characters: int, runs: int) -> Metric:
    text = (SENTENCE * (characters // len(SENTENCE) + 1))[:characters]
    careplan_args, bare_args = ["typing", "goal", text], ["typing", "bare", text]
    plan_id = caseload.plan_ids[4 % len(caseload.plan_ids)]
    root = caseload.root
    ours: list[ChildRun] = []
    bare: list[ChildRun] = []
    for _ in range(
        runs
    ):  # no warm-up: the start-up runs before have compiled and cached everything
        bare.append(run_child(bare_args, root))
        ours.append(run_child(careplan_args + [plan_id], root))

    def cpu_ms(run: ChildRun) -> float:
        return run.report["cpu_s"] / run.report["keys"] * 1000

    def wall_ms(run: ChildRun) -> float:
        return run.report["wall_s"] / run.report["keys"] * 1000

    wall, wall_bare = median([wall_ms(run) for run in ours]), median([wall_ms(run) for run in bare])
    return Metric(
        "typing",
        f"time per keystroke typing {characters} characters into a goal's title",
        median([cpu_ms(run) for run in ours]),
        median([cpu_ms(run) for run in bare]),
        "ms/key",
        target=1.5,
        notes=[
            f"careplan: {ours[0].report['where']}; baseline: a bare App with one focused Input; "
            "Pilot.press of each character",
            "value is the process CPU time per key (handling the key, the app's own reactions, drawing):"
            " Pilot sleeps until the app is idle after every key, so wall time is mostly that waiting",
            f"wall time per key for comparison: {wall:.1f} ms against {wall_bare:.1f} ms"
            f" (ratio {wall / wall_bare:.2f}); median of {runs}",
        ],
    )
