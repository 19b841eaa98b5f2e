"""A plan as content-addressed pieces, so a version costs on disk about what changed.

Each list item (a goal, a statement, a team member, a modification) and each section is stored
once under the hash of its contents. A version records only a small map of section -> hash, so
unchanged sections and items are shared by every version that has them.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from careplan.model import SECTION_NAMES

LIST_SECTIONS = frozenset({"matters", "goals", "modifications", "team"})
HASH_LENGTH = 16  # 64 bits of sha256: ample for the few thousand objects one plan holds


def object_hash(data: Any) -> str:
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:HASH_LENGTH]


def split(plan_data: dict[str, Any]) -> tuple[dict[str, str], dict[str, Any]]:
    """(section name -> hash, every object by hash) for a plan dict made by codec.to_dict."""
    objects: dict[str, Any] = {}

    def put(data: Any) -> str:
        key = object_hash(data)
        objects[key] = data
        return key

    sections: dict[str, str] = {}
    for name in SECTION_NAMES:
        value = plan_data.get(name)
        if name in LIST_SECTIONS:
            value = [put(item) for item in value or []]
        sections[name] = put(value)
    return sections, objects


def join(sections: dict[str, str], objects: dict[str, Any]) -> dict[str, Any]:
    """The plan dict again. A missing object is a KeyError: the caller reports a damaged file."""
    plan_data: dict[str, Any] = {}
    for name, key in sections.items():
        value = objects[key]
        if name in LIST_SECTIONS:
            value = [objects[item] for item in value]
        plan_data[name] = value
    return plan_data
