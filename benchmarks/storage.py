"""Storage figures: saving, opening, bytes on disk, export, each beside a plain-TinyDB baseline.

careplan's side goes through the public domain API (Store, PlanFile, WorkingPlan), as the screens
do. The baseline is the design careplan chose not to have: every version of every plan as a whole
document in one default `TinyDB(path)` file, whose every insert reads and rewrites the whole file.
"""

from __future__ import annotations

import json
import random
from datetime import datetime, timedelta

from tinydb import Query, TinyDB

from benchmarks.caseload import Caseload, folder_bytes
from benchmarks.metrics import Metric, interleaved, median, timed
from benchmarks.plans import next_change
from careplan import locations
from careplan.codec import to_dict
from careplan.markdown_export import render_snapshot
from careplan.store import PlanFile, Store
from careplan.working_plan import WorkingPlan

MS = 1000.0


class _Saver:
    """Saves new versions of one plan, one section changed each time, timing only the save."""

    def __init__(self, caseload: Caseload, plan_id: str, seed: int) -> None:
        self.opened: PlanFile = Store(caseload.root).open_plan(plan_id)
        self.plan = self.opened.load()
        self.rng = random.Random(seed)
        self.when = self.opened.versions()[-1].saved_at
        self.count = 0

    def change(self) -> None:
        self.when += timedelta(days=3)
        next_change(self.plan, self.rng, self.count, self.when.date())
        self.count += 1

    def save(self) -> float:
        self.change()
        return timed(
            lambda: self.opened.save_version(
                self.plan, saved_by="Social worker", note="Benchmark", when=self.when
            )
        )

    def close(self) -> None:
        self.opened.close()


class _PlainInserter:
    """Inserts one more whole-plan document into the one-file TinyDB, timing only the insert."""

    def __init__(self, caseload: Caseload, plan_id: str, seed: int) -> None:
        assert caseload.plain_db is not None
        self.db = TinyDB(caseload.plain_db)
        with Store(caseload.root).open_plan(plan_id, write=False) as opened:
            self.plan, self.number = opened.load(), opened.latest or 0
        self.plan_id = plan_id
        self.rng = random.Random(seed)
        self.count = 0

    def save(self) -> float:
        next_change(self.plan, self.rng, self.count, datetime.now().date())
        self.count += 1
        self.number += 1
        document = {**to_dict(self.plan), "plan_id": self.plan_id, "number": self.number}
        return timed(lambda: self.db.insert(document))

    def close(self) -> None:
        self.db.close()


def save_version(caseload: Caseload, runs: int) -> Metric:
    plan_id = caseload.plan_ids[1 % len(caseload.plan_ids)]
    ours, plain = _Saver(caseload, plan_id, seed=1), _PlainInserter(caseload, plan_id, seed=1)
    try:
        ours.save(), plain.save()  # warm up: imports, caches, the file in the page cache
        value, baseline = interleaved(runs, ours.save, plain.save)
    finally:
        ours.close()
        plain.close()
    return Metric(
        "save_version",
        "save one new version of a plan",
        value * MS,
        baseline * MS,
        "ms",
        target=0.1,
        notes=[
            f"PlanFile.save_version on an open plan with {caseload.versions} versions, one section changed;"
            f" baseline TinyDB.insert of the whole plan into one file holding {len(caseload.plan_ids)}"
            f" x {caseload.versions} plan documents; median of {runs}",
        ],
    )


def save_scaling(small: Caseload, large: Caseload, runs: int) -> Metric:
    plan_id = small.plan_ids[
        2 % len(small.plan_ids)
    ]  # present in both: the large caseload copies the small
    at_small, at_large = _Saver(small, plan_id, seed=2), _Saver(large, plan_id, seed=2)
    try:
        at_small.save(), at_large.save()
        baseline, value = interleaved(runs, at_small.save, at_large.save)
    finally:
        at_small.close()
        at_large.close()
    return Metric(
        "save_scaling",
        f"save one version with {len(large.plan_ids)} plans in the caseload",
        value * MS,
        baseline * MS,
        "ms",
        target=1.3,
        notes=[f"the same save with {len(small.plan_ids)} plans is the baseline; median of {runs}"],
    )


def open_plan(caseload: Caseload, runs: int) -> Metric:
    plan_id = caseload.plan_ids[3 % len(caseload.plan_ids)]
    store = Store(caseload.root)
    assert caseload.plain_db is not None
    plain_path = caseload.plain_db

    def ours() -> float:
        def open_and_read() -> None:
            with store.open_plan(plan_id) as opened:
                working = WorkingPlan(opened)  # the current state, and the draft if there is one
                history = opened.versions()
                assert working.plan.person and len(history) >= caseload.versions

        return timed(open_and_read)

    def plain() -> float:
        def search() -> None:
            db = TinyDB(
                plain_path
            )  # a fresh TinyDB each time: its query cache would otherwise answer
            try:
                found = db.search(Query().plan_id == plan_id)
            finally:
                db.close()
            assert len(found) >= caseload.versions

        return timed(search)

    ours(), plain()
    value, baseline = interleaved(runs, ours, plain)
    return Metric(
        "open_plan",
        f"open a plan with {caseload.versions} versions: current state and history",
        value * MS,
        baseline * MS,
        "ms",
        target=0.1,
        notes=[
            "Store.open_plan (for writing, taking the lock) + WorkingPlan (latest version and draft)"
            f" + versions(); baseline a fresh TinyDB(path).search(Query().plan_id == id); median of {runs}",
        ],
    )


def storage_growth(caseload: Caseload) -> Metric:
    """Bytes of each plan's file against one version's JSON, over plans nothing else has saved to."""
    store = Store(caseload.root)
    file_sizes, version_sizes, backup_sizes = [], [], []
    for plan_id in caseload.plan_ids:
        with store.open_plan(plan_id, write=False) as opened:
            if len(opened.versions()) != caseload.versions:
                continue  # another measurement has added versions to this one
            version_sizes.append(len(json.dumps(to_dict(opened.load())).encode("utf-8")))
        file_sizes.append(locations.plan_file(caseload.root, plan_id).stat().st_size)
        backup_sizes.append(folder_bytes(locations.backups_dir(caseload.root, plan_id)))
    backups, one_version = median(backup_sizes), median(version_sizes)
    make_up = _make_up(locations.plan_file(caseload.root, caseload.plan_ids[0]), caseload.versions)
    return Metric(
        "storage_growth",
        f"bytes on disk of a plan after {caseload.versions} versions, each changing one section",
        median(file_sizes),
        one_version,
        "bytes",
        target=3.0,
        notes=[
            f"median over {len(file_sizes)} plans of plans/<id>.json; baseline json.dumps(codec.to_dict(plan))"
            " of the latest version",
            f"not counted: the plan's backup copies in backups/<id>/, {backups:,.0f} bytes more"
            f" ({(median(file_sizes) + backups) / one_version:.1f} x one version with them)",
            *make_up,
        ],
    )


def _make_up(path, versions: int) -> list[str]:
    """What a plan file is made of, by TinyDB table, to show where growth comes from. Only a
    diagnosis: an unexpected layout just leaves it out."""
    try:
        tables = json.loads(path.read_bytes())
        sizes = {
            name: len(json.dumps(rows, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
            for name, rows in tables.items()
        }
        parts = ", ".join(
            f"{name} {size:,} bytes ({len(tables[name])} rows)" for name, size in sizes.items()
        )
    except (OSError, ValueError, AttributeError, TypeError):
        return []
    return [f"one plan file's tables: {parts}; {versions} versions"]


def markdown_export(caseload: Caseload, runs: int) -> Metric:
    plan_id = caseload.plan_ids[-1]
    store = Store(caseload.root)

    def export() -> float:
        def open_and_render() -> None:
            with store.open_plan(plan_id, write=False) as opened:
                assert render_snapshot(opened).startswith("# ")

        return timed(open_and_render)

    export()
    return Metric(
        "markdown_export",
        f"Markdown snapshot of the latest version of a {caseload.versions}-version plan",
        median([export() for _ in range(runs)]) * MS,
        None,
        "ms",
        notes=[f"open the plan read-only + render_snapshot; median of {runs}"],
    )


def data_folder(caseload: Caseload) -> Metric:
    assert caseload.plain_db is not None
    backups = sum(
        folder_bytes(locations.backups_dir(caseload.root, plan_id)) for plan_id in caseload.plan_ids
    )
    return Metric(
        "data_folder",
        f"size of the data folder for {len(caseload.plan_ids)} plans x {caseload.versions} versions",
        folder_bytes(caseload.root) / 1e6,
        caseload.plain_db.stat().st_size / 1e6,
        "MB",
        notes=[
            "baseline: the same caseload as one plain TinyDB file (for comparison, no target)",
            f"of which {backups / 1e6:.1f} MB are the backup copies in backups/ (the plain file has none)",
        ],
    )
