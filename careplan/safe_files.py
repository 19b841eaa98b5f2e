"""Writing files so that a crash, a full disk or a kill at any moment never leaves a half-written one.

Every write goes to a temporary file in the same folder, is flushed and fsynced, then `os.replace`d
over the old file, and the folder is fsynced so the rename itself survives a power cut. Files are
0600 and folders 0700 whatever the umask: this is health information.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from careplan.errors import StorageError

FILE_MODE = 0o600
DIR_MODE = 0o700


def ensure_private_dir(path: Path) -> Path:
    """Create the folder (and parents) if needed, owner-only."""
    path.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    if path.stat().st_mode & 0o777 != DIR_MODE:
        try:
            os.chmod(path, DIR_MODE)
        except PermissionError:
            pass  # a folder we do not own (e.g. a shared parent): leave it as it is
    return path


def atomic_write(path: Path, data: bytes) -> None:
    """Replace `path` with `data` all at once, or leave it exactly as it was."""
    folder = path.parent
    ensure_private_dir(folder)
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        os.fchmod(descriptor, FILE_MODE)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except OSError as error:
        _remove_quietly(temporary)
        raise StorageError(path, _plain(error)) from error
    except BaseException:
        _remove_quietly(temporary)
        raise
    fsync_dir(folder)


def fsync_dir(folder: Path) -> None:
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass  # some file systems cannot fsync a folder; the file itself is already safe
    finally:
        os.close(descriptor)


def remove(path: Path) -> None:
    """Delete a file if it is there, and make the deletion durable."""
    try:
        path.unlink()
    except FileNotFoundError:
        return
    fsync_dir(path.parent)


def _remove_quietly(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def _plain(error: OSError) -> str:
    if error.errno == errno.ENOSPC:
        return "the disk is full"
    if error.errno in (errno.EACCES, errno.EPERM):
        return "no permission to write there"
    if error.errno == errno.EROFS:
        return "the disk is read-only"
    return error.strerror or str(error)
