"""A caseload on disk, built through careplan's own API, and the same caseload in one plain TinyDB file.

careplan's side: `Store.create_plan` then `PlanFile.save_version(when=...)` for every version, so
the files are exactly what the app writes (without waiting for fsync while building: see
`_without_fsync`). The plain side is what a naive design would keep: one default TinyDB file
holding every version of every plan as a whole document. It is written as JSON directly (in
TinyDB's own layout) because thousands of TinyDB inserts, each rewriting the whole file, would
take longer than the benchmark itself.
"""

from __future__ import annotations

import itertools
import json
import multiprocessing
import os
import shutil
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path

from benchmarks.plans import plan_history
from careplan import locations
from careplan.codec import to_dict
from careplan.store import Store

SEED = 20250106


@dataclass(frozen=True)
class Caseload:
    root: Path  # the careplan data folder
    plan_ids: list[str]
    versions: int
    plain_db: Path | None = None  # the one-file TinyDB copy, when asked for


def build(root: Path, plans: int, versions: int, plain_db: Path | None = None) -> Caseload:
    """`plans` people's plans with `versions` versions each, saved through the Store.

    With `plain_db`, every version's whole plan is also written to that one TinyDB file as
    {**plan, "plan_id": ..., "number": ...}. Saving is mostly waiting on the file system, so
    one process per core saves plans side by side (each plan is still saved by one process,
    version after version, as the app would).
    """
    parts = root.parent / f".{root.name}-documents"  # each plan's documents, joined at the end
    if plain_db:
        parts.mkdir()
    jobs = [(root, number, versions, parts if plain_db else None) for number in range(plans)]
    workers = max(
        1, min(os.cpu_count() or 1, plans // 10)
    )  # a tiny caseload is not worth the start-up
    try:
        if workers == 1:
            plan_ids = [_build_plan(*job) for job in jobs]
        else:
            context = multiprocessing.get_context("spawn")  # nothing inherited but the arguments
            pool = ProcessPoolExecutor(workers, mp_context=context)
            try:
                plan_ids = list(pool.map(_build_plan, *zip(*jobs, strict=False)))
            finally:
                # Interrupted: drop the plans not started, wait for the few being saved, so nothing
                # writes into the folder while it is being removed.
                pool.shutdown(wait=True, cancel_futures=True)
        if plain_db:
            _write_plain(plain_db, [parts / f"{number}.jsonl" for number in range(plans)])
    finally:
        shutil.rmtree(parts, ignore_errors=True)
    Store(root).refresh_index()  # as after any session: the next launch lists from the index
    os.sync()  # everything on disk before anything is measured
    return Caseload(root=root, plan_ids=plan_ids, versions=versions, plain_db=plain_db)


def _build_plan(root: Path, number: int, versions: int, parts: Path | None) -> str:
    """Save every version of plan `number`; with `parts`, each version's document goes there too."""
    store = Store(root)
    history = plan_history(SEED, number, versions)
    first, when, note = next(history)
    with (
        _without_fsync(),
        (parts / f"{number}.jsonl").open("w", encoding="utf-8")
        if parts
        else nullcontext() as documents,
        store.create_plan(first) as opened,
    ):
        for plan, saved_on, said in itertools.chain([(first, when, note)], history):
            info = opened.save_version(plan, saved_by="Social worker", note=said, when=saved_on)
            if documents:
                document = {**to_dict(plan), "plan_id": opened.id, "number": info.number}
                documents.write(json.dumps(document) + "\n")
        return opened.id


def _write_plain(path: Path, parts: list[Path]) -> None:
    """One file in TinyDB's default layout, {"_default": {"1": doc, ...}}, written as TinyDB's
    JSONStorage writes (json.dumps defaults) but without thousands of whole-file rewrites."""
    with path.open("w", encoding="utf-8") as handle:
        handle.write('{"_default": {')
        count = 0
        for part in parts:
            with part.open(encoding="utf-8") as lines:
                for line in lines:
                    count += 1
                    handle.write(f'{", " if count > 1 else ""}"{count}": {line.rstrip()}')
        handle.write("}}")


@contextmanager
def _without_fsync() -> Iterator[None]:
    """Building only: os.fsync does nothing, so thousands of saves do not wait on the disk.

    Every save writes exactly the same files; only their durability against a power cut is
    skipped, which a temporary benchmark folder does not need. Five fsyncs per save would
    otherwise make building the caseload most of the suite's time. Measurements run with the
    real os.fsync, after one os.sync().
    """
    real = os.fsync
    os.fsync = lambda descriptor: None
    try:
        yield
    finally:
        os.fsync = real


def scale_up(caseload: Caseload, root: Path, factor: int) -> Caseload:
    """The same caseload `factor` times over in a new data folder.

    Saving every version of hundreds of plans through the API would take minutes, so the extra
    plans are copies of the saved plan files under new ids, with the id and person in each copy's
    metadata changed to match. The Store then reads them as it reads any plan; `check_readable`
    proves that for a sample.
    """
    source_plans = locations.plans_dir(caseload.root)
    target_plans = locations.plans_dir(root)
    target_plans.mkdir(parents=True, mode=0o700)
    plan_ids = list(caseload.plan_ids)
    for plan_id in (
        caseload.plan_ids
    ):  # the originals with their backups: a save there does what it does at 1x
        shutil.copy2(source_plans / f"{plan_id}.json", target_plans / f"{plan_id}.json")
        backups = locations.backups_dir(caseload.root, plan_id)
        if backups.is_dir():
            shutil.copytree(backups, locations.backups_dir(root, plan_id))
    for copy_number in range(1, factor):
        for plan_id in caseload.plan_ids:
            data = json.loads((source_plans / f"{plan_id}.json").read_bytes())
            new_id = f"{plan_id}-c{copy_number}"
            meta = next(iter(data["_meta"].values()))
            meta["id"] = new_id
            meta["person"] = f"{meta['person']} ({copy_number + 1})"
            path = target_plans / f"{new_id}.json"
            path.write_bytes(
                json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            )
            path.chmod(0o600)
            plan_ids.append(new_id)
    scaled = Caseload(root=root, plan_ids=plan_ids, versions=caseload.versions)
    Store(root).refresh_index()
    check_readable(scaled, plan_ids[-1])
    return scaled


def check_readable(caseload: Caseload, plan_id: str) -> None:
    """Fail loudly if the Store cannot open a plan of the caseload as it should."""
    with Store(caseload.root).open_plan(plan_id, write=False) as opened:
        if len(opened.versions()) != caseload.versions or not opened.load().person:
            raise RuntimeError(f"benchmark caseload is broken: {plan_id} did not load as expected")


def folder_bytes(root: Path) -> int:
    return sum(path.stat().st_size for path in root.rglob("*") if path.is_file())
