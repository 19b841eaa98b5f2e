"""A plan as content-addressed pieces (a small Merkle tree), so a version costs on disk about what changed.

Every section is stored once under the hash of its contents, and so is every piece inside it that
can change on its own: each item of a list (a goal, a statement, a team member, a participant, a
view) and each long text or list of texts. A piece refers to the pieces inside it by their keys,
so a version that changes one field of one goal stores that field, the goal and the list of goals
again, and shares everything else with the versions before it.

Inside a stored group of fields (a "node") the first character of a key says what its value is:

    "title": "..."           the value itself
    "&why": "<key>"          the value is the object stored under <key> (a long text, a list of texts)
    "@views": "<key>"        the value is a list stored under <key>, each item a node stored by its key

Field names are Python names, so they never start with & or @. Values that are not field groups
(the symptom scores, a list of task ids) are kept as they are and never looked into.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Iterator, Mapping
from typing import Any

from careplan.model import SECTION_NAMES

KEY_BYTES = (
    8  # 64 bits of sha256, written in 11 base64 characters: ample for the objects of one plan
)
LONG = 64  # characters: a text (or list of texts) longer than this is stored as a piece of its own
VALUE, LIST = "&", "@"  # the marks of a key whose value is stored apart (see above)


def object_key(data: Any) -> str:
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    digest = hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).digest()
    return base64.urlsafe_b64encode(digest[:KEY_BYTES]).decode("ascii").rstrip("=")


def split(plan_data: dict[str, Any]) -> tuple[dict[str, str], dict[str, Any]]:
    """(section name -> key, every object by key) for a plan dict made by codec.to_dict."""
    objects: dict[str, Any] = {}

    def put(data: Any) -> str:
        key = object_key(data)
        objects[key] = data
        return key

    def node(fields: dict[str, Any]) -> dict[str, Any]:
        stored: dict[str, Any] = {}
        for name, value in fields.items():
            if _is_list_of_groups(value):
                stored[LIST + name] = put([put(node(item)) for item in value])
            elif _is_long_text(value):
                stored[VALUE + name] = put(value)
            else:
                stored[name] = value
        return stored

    sections: dict[str, str] = {}
    for name in SECTION_NAMES:
        value = plan_data.get(name)
        if isinstance(value, list):
            value = [put(node(item)) for item in value]
        elif isinstance(value, dict):
            value = node(value)
        sections[name] = put(value)
    return sections, objects


def join(sections: Mapping[str, str], objects: Mapping[str, Any]) -> dict[str, Any]:
    """The plan dict again. A missing or misshapen object raises KeyError or TypeError: the caller
    reports a damaged file."""
    return {name: join_section(key, objects) for name, key in sections.items()}


def join_section(key: str, objects: Mapping[str, Any]) -> Any:
    """One section's value (as codec.to_dict made it) from its key."""
    value = objects[key]
    if isinstance(value, list):
        return [_join_node(objects[item], objects) for item in value]
    return _join_node(value, objects)


def list_items(key: str, objects: Mapping[str, Any]) -> Iterator[tuple[str, Any]]:
    """(key, stored node) of each item of a list section, without rebuilding the items: their
    literal fields (an item's "id") can be read as they are."""
    for item in objects[key]:
        yield item, objects[item]


def _join_node(stored: Any, objects: Mapping[str, Any]) -> Any:
    if not isinstance(stored, dict):
        return stored  # a plain value: a date, a text, nothing
    fields: dict[str, Any] = {}
    for name, value in stored.items():
        if name.startswith(LIST):
            fields[name[1:]] = [_join_node(objects[item], objects) for item in objects[value]]
        elif name.startswith(VALUE):
            fields[name[1:]] = objects[value]
        else:
            fields[name] = value
    return fields


def _is_list_of_groups(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(item, dict) for item in value)


def _is_long_text(value: Any) -> bool:
    if isinstance(value, str):
        return len(value) > LONG
    return (
        isinstance(value, list)
        and all(isinstance(item, str) for item in value)
        and sum(map(len, value)) > LONG
    )
