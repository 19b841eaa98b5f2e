"""A TinyDB Storage that never corrupts its file, and writes once per batch.

TinyDB's own JSONStorage rewrites its file in place, so a crash mid-write leaves it corrupt. This
one writes through `safe_files.atomic_write`. It also keeps the last data it read or wrote, because
the plan's lock means no other process writes this file while we hold it, and it can defer writes
so that saving a version (new objects and the version record) is a single atomic replace.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from careplan.errors import DamagedFile
from careplan.safe_files import atomic_write


class AtomicJSONStorage(Storage):
    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self._data: dict[str, Any] | None = None
        self._deferring = False
        self._pending = False

    def read(self) -> dict[str, Any] | None:
        if self._data is None:
            self._data = read_json_file(self.path)
        # TinyDB changes what it reads in place before writing it back; a failed write drops this
        # cache (see _flush), so it is never ahead of the disk for long.
        return self._data

    def write(self, data: dict[str, Any]) -> None:
        if self.read_only:
            raise PermissionError(f"{self.path} is open read-only")
        self._data = data
        if self._deferring:
            self._pending = True
            return
        self._flush()

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Gather every write inside into one atomic replace at the end (none if it fails)."""
        self._deferring, self._pending = True, False
        try:
            yield
        except BaseException:
            self._data = None  # forget unwritten changes; the file is as it was
            raise
        finally:
            self._deferring = False
        if self._pending:
            self._pending = False
            self._flush()

    def _flush(self) -> None:
        try:
            atomic_write(self.path, encode(self._data))
        except BaseException:
            self._data = None
            raise

    def close(self) -> None:
        self._data = None


def encode(data: Any) -> bytes:
    """Compact JSON: the file is read by programs, and every byte is written on every save."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def read_json_file(path: Path) -> Any:
    """Read a JSON data file, or None if there is none. Damage is a DamagedFile, never a traceback."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        raise DamagedFile(path, "a folder is where the file should be") from None
    except PermissionError:
        raise DamagedFile(path, "no permission to read it") from None
    except OSError as error:
        raise DamagedFile(path, error.strerror or str(error)) from None
    if not raw.strip():
        raise DamagedFile(path, "it is empty")
    try:
        return json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise DamagedFile(path, "it is not text") from None
    except json.JSONDecodeError as error:
        raise DamagedFile(path, f"it is not valid JSON: {error.msg} at line {error.lineno}") from None
