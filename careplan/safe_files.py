"""Writing files so that a crash, a full disk or a kill at any moment never leaves a half-written one.

Every write goes to a temporary file in the same folder, is written out in full and fsynced, then
`os.replace`d over the old file, and the folder is fsynced so the rename itself survives a power
cut. Files are 0600 and folders 0700 whatever the umask: this is health information.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
import tempfile
from datetime import datetime
from pathlib import Path

from careplan.errors import StorageError

FILE_MODE = 0o600
DIR_MODE = 0o700


def ensure_private_dir(path: Path) -> Path:
    """Create the folder (and any missing parents) owner-only, and make it owner-only if it is not.

    For careplan's own folders. For a folder the person chose (an export's), `atomic_write` only
    creates what is missing and leaves an existing folder's permissions alone.
    """
    make_private_dirs(path)
    if path.stat().st_mode & 0o777 != DIR_MODE:
        try:
            os.chmod(path, DIR_MODE)
        except PermissionError:
            pass  # a folder we do not own (e.g. a shared parent): leave it as it is
    return path


def make_private_dirs(path: Path) -> None:
    """Create `path` and every missing parent, each 0700.

    `Path.mkdir(parents=True, mode=...)` gives the parents it makes the default mode (0777 less the
    umask), so a data folder made that way could be world-readable; each one is made here instead.
    """
    missing: list[Path] = []
    folder = Path(path)
    while not folder.is_dir():
        missing.append(folder)
        if folder.parent == folder:
            break
        folder = folder.parent
    for folder in reversed(missing):
        try:
            os.mkdir(folder, DIR_MODE)
        except FileExistsError:
            if folder.is_dir():
                continue  # another process made it a moment ago
            raise
        os.chmod(
            folder, DIR_MODE
        )  # the umask may have taken away more than the group and others' bits


def atomic_write(path: Path, data: bytes) -> None:
    """Replace `path` with `data` all at once, or leave it exactly as it was (StorageError says why)."""
    path = Path(path)
    folder = path.parent
    try:
        make_private_dirs(folder)
        descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise StorageError(path, describe_error(error)) from error
    try:
        try:
            if hasattr(os, "fchmod"):  # mkstemp already makes it 0600; this says so where it can
                os.fchmod(descriptor, FILE_MODE)
            _write_all(descriptor, data)
            _flush_to_disk(descriptor)
        finally:
            os.close(descriptor)
        os.replace(temporary, path)
    except OSError as error:
        _remove_quietly(temporary)
        raise StorageError(path, describe_error(error)) from error
    except BaseException:
        _remove_quietly(temporary)
        raise
    fsync_dir(folder)


def _write_all(descriptor: int, data: bytes) -> None:
    """os.write may write less than asked (a signal, a nearly full disk): carry on until all is out."""
    view = memoryview(data)
    while view:
        written = os.write(descriptor, view)
        view = view[written:]


def _flush_to_disk(descriptor: int) -> None:
    """fsync; on macOS, where fsync stops short of the drive's own cache, F_FULLFSYNC as well."""
    if sys.platform == "darwin":
        import fcntl

        try:
            fcntl.fcntl(descriptor, fcntl.F_FULLFSYNC)
            return
        except (AttributeError, OSError):
            pass  # not supported by this file system: a plain fsync is the best there is
    os.fsync(descriptor)


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
    """Delete a file if it is there, and make the deletion durable (StorageError if it cannot be)."""
    try:
        path.unlink()
    except (FileNotFoundError, NotADirectoryError):
        return  # nothing there to delete
    except OSError as error:
        raise StorageError(path, describe_error(error)) from error
    fsync_dir(path.parent)


def set_aside(path: Path, label: str) -> Path:
    """Rename `path` (a file or a folder) to `<name>.<label>-<timestamp>` beside it, bytes untouched.

    Used instead of deleting anything that could hold someone's words (a damaged plan file, a plan
    file replaced by a backup). Returns the new path.
    """
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.{label}-{stamp}")
    count = 1
    while target.exists() or target.is_symlink():
        count += 1
        target = path.with_name(f"{path.name}.{label}-{stamp}-{count}")
    try:
        os.replace(path, target)
    except OSError as error:
        raise StorageError(path, describe_error(error)) from error
    fsync_dir(path.parent)
    return target


def remove_leftovers(path: Path) -> None:
    """Delete temporary files a killed process left beside `path` (only while holding its lock)."""
    try:
        names = os.listdir(path.parent)
    except OSError:
        return
    prefix = f".{path.name}."
    for name in names:
        if name.startswith(prefix) and name.endswith(".tmp"):
            _remove_quietly(str(path.parent / name))


def _remove_quietly(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


def describe_error(error: OSError) -> str:
    """An OSError in plain words."""
    if error.errno == errno.ENOSPC:
        return "the disk is full"
    if error.errno in (errno.EACCES, errno.EPERM):
        return "no permission to write there"
    if error.errno == errno.EROFS:
        return "the disk is read-only"
    if error.errno == errno.EISDIR:
        return "a folder is where the file should be"
    if error.errno in (errno.ENOTDIR, errno.EEXIST):
        return "a file is where a folder should be"
    return error.strerror or str(error)
