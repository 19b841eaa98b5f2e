"""The data format's version, and how older plan files are brought up to date.

A plan file stores `schema` in its `_meta` table. To change the format: bump SCHEMA_VERSION and add
a function to MIGRATIONS that takes the whole file's data at version N and returns it at N + 1.
Files are migrated in memory when opened and written in the new format on the next save.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from careplan.errors import NewerSchema

SCHEMA_VERSION = 1

Migration = Callable[[dict[str, Any]], dict[str, Any]]
MIGRATIONS: dict[int, Migration] = {
    # 1: lambda data: ...  (turns a version-1 file into a version-2 file)
}


def migrate(data: dict[str, Any], found: int, path: Path) -> dict[str, Any]:
    if found > SCHEMA_VERSION:
        raise NewerSchema(path, found, SCHEMA_VERSION)
    for version in range(found, SCHEMA_VERSION):
        data = MIGRATIONS[version](data)
    return data
