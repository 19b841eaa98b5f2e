"""The data format's version, and how older plan files are brought up to date.

A plan file stores `schema` in its `_meta` table. To change the format: bump SCHEMA_VERSION and add
a function to MIGRATIONS that takes the whole file's data at version N and returns it at N + 1.
Files are migrated in memory when opened and written in the new format on the next save (the file
as it was is kept among the plan's backups). `migrate` stamps the new version itself, so a
migration cannot be run twice on the same data.
"""

from __future__ import annotations

import base64
import copy
import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from careplan.errors import DamagedFile, NewerSchema

SCHEMA_VERSION = 3
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


# --- 2 -> 3: the help the family needs is a list of its own -------------------------------------
# Before, a need existed only as a task on some team member. Each task on a member becomes a named
# need (in team order, once each), so nothing anyone does is lost and a need stays when the person
# doing it leaves. Written out in the format of version 3 (careplan.plan_objects) rather than
# through today's code, so this step reads the same however that code changes later.

LONG_TEXT = 64  # plan_objects.LONG at version 3: a longer text is a piece of its own
VALUE_MARK, LIST_MARK = "&", "@"  # plan_objects.VALUE, plan_objects.LIST


def needs_from_team(team: Any) -> list[dict[str, str]]:
    """The needs a plan from before needs were kept had: every task on a member, once each, in
    team order ([{"task": ...}], as careplan.codec writes a Need). For versions, drafts and
    imported files alike; a team of the wrong shape has none."""
    needs: list[dict[str, str]] = []
    seen: set[str] = set()
    for member in team if isinstance(team, list) else []:
        tasks = member.get("tasks") if isinstance(member, dict) else None
        for task in tasks if isinstance(tasks, list) else []:
            key = " ".join(task.split()).casefold() if isinstance(task, str) else ""
            if key and key not in seen:
                seen.add(key)
                needs.append({"task": task})
    return needs


def add_needs_to_plan(plan: Any) -> Any:
    """A plan dict (as careplan.codec writes one) with "needs", made from its team when it has
    none: for a draft or an exported file written before needs were kept."""
    if isinstance(plan, dict) and "needs" not in plan:
        return {**plan, "needs": needs_from_team(plan.get("team"))}
    return plan


def _key(data: Any) -> str:
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    digest = hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).digest()
    return base64.urlsafe_b64encode(digest[:8]).decode("ascii").rstrip("=")


def _stored_team(key: Any, objects: dict[str, Any]) -> list[dict[str, Any]]:
    """The team section stored under `key`, with each member's tasks read back."""
    team = []
    for item in objects[key]:
        node = objects[item]
        tasks = (
            objects[node[VALUE_MARK + "tasks"]]
            if VALUE_MARK + "tasks" in node
            else node.get("tasks")
        )
        team.append({"tasks": tasks})
    return team


def _needs_section(needs: list[dict[str, str]], pieces: dict[str, Any]) -> str:
    """Store `needs` as a section the way version 3 stores a list of groups; its key."""

    def put(data: Any) -> str:
        key = _key(data)
        pieces[key] = data
        return key

    items = []
    for need in needs:
        task = need["task"]
        node = {VALUE_MARK + "task": put(task)} if len(task) > LONG_TEXT else {"task": task}
        items.append(put(node))
    return put(items)


def _needs_kept_apart(data: dict[str, Any]) -> dict[str, Any]:
    """Give every version a needs section, made from its team. Each version's record names the
    needs section when it differs from the version before (the first names it always), as a save
    would have. A version whose team cannot be read is left as it is: reading it says why."""
    data = copy.deepcopy(data)
    objects: dict[str, Any] = {}
    for row in (data.get(OBJECTS) or {}).values():
        if isinstance(row, dict) and isinstance(row.get("d"), dict):
            objects.update(row["d"])
    records = [r for r in (data.get(VERSIONS) or {}).values() if isinstance(r, dict)]
    pieces: dict[str, Any] = {}
    team_key, needs_key = None, None
    for record in sorted(records, key=lambda record: record.get("n", 0)):
        changed = record.get("s")
        if not isinstance(changed, dict):
            continue
        team_key = changed.get("team", team_key)
        try:
            key = _needs_section(needs_from_team(_stored_team(team_key, objects)), pieces)
        except (KeyError, TypeError, AttributeError):
            continue
        if key != needs_key:
            changed["needs"] = key
        needs_key = key
    if pieces:
        rows = data.setdefault(OBJECTS, {})
        number = max((int(n) for n in rows if str(n).isdigit()), default=0) + 1
        rows[str(number)] = {"h": _key(pieces), "d": pieces}
    return data


def plan_dict_brought_up_to_date(plan: Any) -> Any:
    """A plan dict (codec.to_dict's shape) from a draft or a JSON export written by an older
    careplan, as today's codec reads it: each step above, in order, for a plan on its own."""
    return add_needs_to_plan(plan_with_decisions(plan))


MIGRATIONS: dict[int, Migration] = {
    1: _worksheet_to_decisions,  # one treatment-break worksheet -> a list of treatment decisions
    2: _needs_kept_apart,  # needs only as tasks on members -> a list of needs of their own
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
