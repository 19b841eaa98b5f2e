"""A caseload on disk, built through careplan's own API, and the same caseload in one plain TinyDB file.

careplan's side: `Store.create_plan` then `PlanFile.save_version(when=...)` for every version, so
the files are exactly what the app writes. The plain side is what a naive design would keep: one
default TinyDB file holding every version of every plan as a whole document. It is written as
JSON directly (in TinyDB's own layout) because thousands of TinyDB inserts, each rewriting the
whole file, would take longer than the benchmark itself.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

from careplan import locations
from careplan.codec import to_dict
from careplan.store import Store

from benchmarks.plans import plan_history

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
    {**plan, "plan_id": ..., "number": ...}, in the order careplan saved them.
    """
    store = Store(root)
    plan_ids = []
    plain = _PlainWriter(plain_db) if plain_db else None
    try:
        for number in range(plans):
            history = plan_history(SEED, number, versions)
            first, when, note = next(history)
            with store.create_plan(first) as opened:
                plan_ids.append(opened.id)
                info = opened.save_version(first, saved_by="Social worker", note=note, when=when)
                if plain:
                    plain.add(opened.id, info.number, first)
                for plan, when, note in history:
                    info = opened.save_version(plan, saved_by="Social worker", note=note, when=when)
                    if plain:
                        plain.add(opened.id, info.number, plan)
    finally:
        if plain:
            plain.close()
    store.refresh_index()  # as after any session: the next launch lists from the index
    return Caseload(root=root, plan_ids=plan_ids, versions=versions, plain_db=plain_db)


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
    for plan_id in caseload.plan_ids:
        shutil.copy2(source_plans / f"{plan_id}.json", target_plans / f"{plan_id}.json")
    for copy_number in range(1, factor):
        for plan_id in caseload.plan_ids:
            data = json.loads((source_plans / f"{plan_id}.json").read_bytes())
            new_id = f"{plan_id}-c{copy_number}"
            meta = next(iter(data["_meta"].values()))
            meta["id"] = new_id
            meta["person"] = f"{meta['person']} ({copy_number + 1})"
            path = target_plans / f"{new_id}.json"
            path.write_bytes(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
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


class _PlainWriter:
    """Streams documents into a file in TinyDB's default layout: {"_default": {"1": doc, ...}}."""

    def __init__(self, path: Path) -> None:
        self.handle = path.open("w", encoding="utf-8")
        self.handle.write('{"_default": {')
        self.count = 0

    def add(self, plan_id: str, number: int, plan) -> None:
        document = {**to_dict(plan), "plan_id": plan_id, "number": number}
        self.count += 1
        separator = ", " if self.count > 1 else ""
        # json.dumps with its defaults, as TinyDB's JSONStorage writes.
        self.handle.write(f'{separator}"{self.count}": {json.dumps(document)}')

    def close(self) -> None:
        self.handle.write("}}")
        self.handle.close()
