"""The data format's version, and how older plan files are brought up to date.

A plan file stores `schema` in its `_meta` table. To change the format: bump SCHEMA_VERSION and add
a function to MIGRATIONS that takes the whole file's data at version N and returns it at N + 1.
Files are migrated in memory when opened and written in the new format on the next save (the file
as it was is kept among the plan's backups). `migrate` stamps the new version itself, so a
migration cannot be run twice on the same data.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from careplan.errors import DamagedFile, NewerSchema

SCHEMA_VERSION = 1
META = "_meta"  # the table holding `schema` (store.META)

Migration = Callable[[dict[str, Any]], dict[str, Any]]
MIGRATIONS: dict[int, Migration] = {
    # 1: lambda data: ...  (turns a version-1 file into a version-2 file)
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
