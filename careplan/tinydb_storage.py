"""A TinyDB Storage that never corrupts its file, and writes once per batch.

TinyDB's own JSONStorage rewrites its file in place, so a crash mid-write leaves it corrupt. This
one writes through `safe_files.atomic_write`. It also keeps the last data it read or wrote, because
the plan's lock means no other process writes this file while we hold it, and it can defer writes
so that saving a version (new objects and the version record) is a single atomic replace.

The lock only works where the operating system honours it (not always on network or synced
folders), so before every write the storage also checks that the file on disk is still the one it
read; if something else replaced it, the write is refused rather than saved over the other work.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from careplan.errors import DamagedFile, PlanChangedOnDisk
from careplan.safe_files import atomic_write, describe_error, read_regular_file

Stamp = tuple[int, int, int, int]  # device, inode, size, modification time: a new file changes it


class AtomicJSONStorage(Storage):
    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self._data: dict[str, Any] | None = None
        self._deferring = False
        self._pending = False
        self._stamp: Stamp | None = (
            None  # the file as we last read or wrote it (None: there was none)
        )
        self._known = False  # whether _stamp has been taken
        self._stale = False  # set once the file was found replaced by something else

    def read(self) -> dict[str, Any] | None:
        if self._data is None:
            self._data, stamp = _read_with_stamp(self.path)
            if self._known and stamp != self._stamp:
                self._stale = (
                    True  # replaced since we last read or wrote it: refuse to write over it
                )
            self._stamp, self._known = stamp, True
        # TinyDB changes what it reads in place before writing it back; a failed write drops this
        # cache (see _flush), so it is never ahead of the disk for long.
        return self._data

    def replace_read(self, data: dict[str, Any]) -> None:
        """Use `data` (the file as read, brought to the current format) in place of what was read,
        without writing it: the next save writes it in the new format."""
        self._data = data

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

    def check_unchanged(self) -> None:
        """PlanChangedOnDisk if the file is no longer the one this storage read or last wrote."""
        if self._stale or (self._known and _stamp_of(self.path) != self._stamp):
            self._stale = True  # stays refused: what we hold in memory is out of date
            self._data = None
            raise PlanChangedOnDisk(self.path)

    def _flush(self) -> None:
        try:
            self.check_unchanged()
            atomic_write(self.path, encode(self._data))
            self._stamp, self._known = _stamp_of(self.path), True
        except BaseException:
            self._data = None
            raise

    def close(self) -> None:
        self._data = None


def encode(data: Any) -> bytes:
    """Compact JSON: the file is read by programs, and every byte is written on every save."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        # A lone surrogate (left by text that was not valid UTF-8) has no UTF-8 form; written as a
        # \u escape it is still kept exactly, and reads back as it was.
        return json.dumps(data, ensure_ascii=True, separators=(",", ":")).encode("ascii")


def read_json_file(path: Path) -> Any:
    """Read a JSON data file, or None if there is none. Damage is a DamagedFile, never a traceback."""
    return _read_with_stamp(path)[0]


def _read_with_stamp(path: Path) -> tuple[Any, Stamp | None]:
    try:
        raw, info = read_regular_file(path)  # no link followed, no FIFO waited on, no runaway size
        stamp = _stamp_from(info)  # of the very file read, even if replaced meanwhile
    except FileNotFoundError:
        return None, None
    except IsADirectoryError:
        raise DamagedFile(path, "a folder is where the file should be") from None
    except PermissionError:
        raise DamagedFile(path, "no permission to read it") from None
    except OSError as error:
        raise DamagedFile(path, describe_error(error)) from None
    if not raw.strip():
        raise DamagedFile(path, "it is empty")
    try:
        return json.loads(raw.decode("utf-8")), stamp
    except UnicodeDecodeError:
        raise DamagedFile(path, "it is not text") from None
    except json.JSONDecodeError as error:
        raise DamagedFile(
            path, f"it is not valid JSON: {error.msg} at line {error.lineno}"
        ) from None
    except (
        ValueError,
        RecursionError,
    ):  # e.g. a number thousands of digits long, or lists nested too deep
        raise DamagedFile(path, "it is not in a form careplan can read") from None


def _stamp_of(path: Path) -> Stamp | None:
    try:
        return _stamp_from(os.stat(path))
    except FileNotFoundError:
        return None
    except OSError:
        return (-1, -1, -1, -1)  # cannot tell: treat as changed


def _stamp_from(stat: os.stat_result) -> Stamp:
    return (stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns)
