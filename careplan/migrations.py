"""The data format's version, and how older plan files are brought up to date.

A plan file stores `schema` in its `_meta` table. To change the format: bump SCHEMA_VERSION and add
a function to MIGRATIONS that takes the whole file's data at version N and returns it at N + 1.
Files are migrated in memory when opened and written in the new format on the next save (the file
as it was is kept among the plan's backups). `migrate` stamps the new version itself, so a
migration cannot be run twice on the same data.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

from careplan.errors import DamagedFile, NewerSchema

SCHEMA_VERSION = 2
META = "_meta"  # the table holding `schema` (store.META)
VERSIONS, OBJECTS = "versions", "objects"  # store.VERSIONS, store.OBJECTS

OLD_WORKSHEET, DECISIONS = "treatment_break", "treatment_decisions"
FIRST_DECISION_ID = (
    "first"  # the one worksheet of an older plan, the same decision in every version
)


def decisions_from_worksheet(worksheet: Any) -> list[Any]:
    """An older plan's one treatment-break worksheet as its list of decisions: the worksheet as the
    first decision, or none when nobody had started it (no kind chosen, nothing written)."""
    if not isinstance(worksheet, dict):
        return []
    started = any(value not in (None, "", []) for value in worksheet.values())
    if not started:
        return []
    return [{**worksheet, "id": FIRST_DECISION_ID}]


def plan_with_decisions(plan_data: Any) -> Any:
    """A plan dict (codec.to_dict's shape: a draft's, a JSON export's) with an older plan's
    worksheet turned into its list of decisions; any other plan as it is."""
    if not isinstance(plan_data, dict) or OLD_WORKSHEET not in plan_data:
        return plan_data
    converted = {}
    for name, value in plan_data.items():
        if name == OLD_WORKSHEET:
            if DECISIONS not in plan_data:
                converted[DECISIONS] = decisions_from_worksheet(value)
        else:
            converted[name] = value
    return converted


def _worksheet_to_decisions(data: dict[str, Any]) -> dict[str, Any]:
    """Schema 1 -> 2: every version's treatment-break worksheet becomes its list of decisions.
    The pieces the lists are made of are added as one more row of objects; what was stored stays."""
    from careplan import plan_objects  # the model's section names, imported only when migrating

    data = copy.deepcopy(data)  # the file as read stays as it was (the store keeps the new one)
    objects: dict[str, Any] = {}
    for row in (data.get(OBJECTS) or {}).values():
        if isinstance(row, dict) and isinstance(row.get("d"), dict):
            objects.update(row["d"])
    lists: dict[str, str] = {}  # a worksheet's key -> its list of decisions' key
    added: dict[str, Any] = {}
    for record in (data.get(VERSIONS) or {}).values():
        sections = record.get("s") if isinstance(record, dict) else None
        if not isinstance(sections, dict) or OLD_WORKSHEET not in sections:
            continue
        old_key = sections[OLD_WORKSHEET]
        if old_key not in lists:
            try:
                worksheet = plan_objects.join_section(old_key, objects)
            except (KeyError, TypeError):
                continue  # a damaged piece: left as it was, for the reader to report
            keys, pieces = plan_objects.split({DECISIONS: decisions_from_worksheet(worksheet)})
            lists[old_key] = keys[DECISIONS]
            added.update({key: piece for key, piece in pieces.items() if key not in objects})
        record["s"] = {
            (DECISIONS if name == OLD_WORKSHEET else name): (
                lists[old_key] if name == OLD_WORKSHEET else key
            )
            for name, key in sections.items()
        }
    if added:
        rows = data.setdefault(OBJECTS, {})
        number = max((int(key) for key in rows if str(key).isdigit()), default=0) + 1
        rows[str(number)] = {"h": plan_objects.object_key(added), "d": added}
    return data


Migration = Callable[[dict[str, Any]], dict[str, Any]]
MIGRATIONS: dict[int, Migration] = {
    1: _worksheet_to_decisions,  # one treatment-break worksheet -> a list of treatment decisions
}


def migrate(data: dict[str, Any], found: int, path: Path) -> dict[str, Any]:
    """The file's data at SCHEMA_VERSION. NewerSchema if it is newer than this careplan knows."""
    if found > SCHEMA_VERSION:
        raise NewerSchema(path, found, SCHEMA_VERSION)
    if found == SCHEMA_VERSION:
        return data
    for version in range(found, SCHEMA_VERSION):
        step = MIGRATIONS.get(version)
        if step is None:
            raise DamagedFile(
                path, f"its data format ({found}) is not one careplan has ever written"
            )
        data = step(data)
    for meta in data[META].values():
        meta["schema"] = SCHEMA_VERSION
    return data
