"""Writing files so that a crash, a full disk or a kill at any moment never leaves a half-written one.

Every write goes to a temporary file in the same folder, is written out in full and fsynced, then
`os.replace`d over the old file, and the folder is fsynced so the rename itself survives a power
cut. Files are 0600 and folders 0700 whatever the umask: this is health information.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
import tempfile
from datetime import datetime
from pathlib import Path

from careplan.errors import StorageError

FILE_MODE = 0o600
DIR_MODE = 0o700


READ_LIMIT = 64 * 1024 * 1024  # far beyond any plan; a file bigger than this is not one of ours

# Opened with these, a link in place of a file is refused (ELOOP) and a FIFO never blocks.
_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NO_BLOCK = getattr(os, "O_NONBLOCK", 0)


def ensure_private_dir(path: Path) -> Path:
    """One of careplan's own folders: created owner-only if missing, and checked if it was there.

    A folder careplan made itself is 0700. One it finds is never changed (it may be a shared folder
    such as /tmp, or somewhere else entirely): it is refused if it is a link, is not the person's
    own, or others can write to it, the way OpenSSH's StrictModes refuses a loose ~/.ssh. For a
    folder the person chose (an export's), `atomic_write` only creates what is missing.
    """
    path = Path(path)
    made = make_private_dirs(path)
    if path not in made:
        check_own_folder(path)
    return path


def check_own_folder(path: Path) -> os.stat_result:
    """StorageError, naming the folder and saying what to do, unless it is safe to keep plans in."""
    try:
        info = os.lstat(path)
    except OSError as error:
        raise StorageError(path, describe_error(error)) from None
    if stat.S_ISLNK(info.st_mode):
        raise StorageError(
            path,
            "it is a link to somewhere else, and careplan does not follow links in its data "
            "folder; put a real folder there",
        )
    if not stat.S_ISDIR(info.st_mode):
        raise StorageError(path, "a file is where a folder should be")
    if hasattr(os, "geteuid") and info.st_uid != os.geteuid():
        raise StorageError(
            path,
            "it belongs to another user account, so careplan will not keep health information "
            "there; use a folder of your own",
        )
    if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        raise StorageError(
            path,
            "other people on this computer can change what is in it; make it yours alone "
            f"(chmod 700 {path}) or use another folder",
        )
    return info


def readable_by_others(path: Path) -> bool:
    """True if group or others may list the folder (plan file names carry people's names)."""
    try:
        return bool(os.stat(path).st_mode & (stat.S_IRGRP | stat.S_IROTH))
    except OSError:
        return False


def make_private_dirs(path: Path) -> list[Path]:
    """Create `path` and every missing parent, each 0700; returns the folders made.

    `Path.mkdir(parents=True, mode=...)` gives the parents it makes the default mode (0777 less the
    umask), so a data folder made that way could be world-readable; each one is made here instead.
    """
    missing: list[Path] = []
    folder = Path(path)
    while not (folder.is_dir() or folder.is_symlink()):
        missing.append(folder)
        if folder.parent == folder:
            break
        folder = folder.parent
    made: list[Path] = []
    for folder in reversed(missing):
        try:
            os.mkdir(folder, DIR_MODE)
        except FileExistsError:
            if folder.is_dir():
                continue  # another process made it a moment ago
            raise
        # the umask may have taken away more than the group and others' bits
        os.chmod(folder, DIR_MODE, follow_symlinks=False)
        made.append(folder)
    return made


def read_regular_file(path: Path, limit: int = READ_LIMIT) -> tuple[bytes, os.stat_result]:
    """The bytes of `path` and its fstat, opened without following a link or blocking on a FIFO.

    OSError as open() would raise it: FileNotFoundError, IsADirectoryError, or OSError with
    `describe_error`-ready errno for a link (ELOOP), something that is not a file, or too big.
    """
    descriptor = os.open(path, os.O_RDONLY | _NO_FOLLOW | _NO_BLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        info = os.fstat(descriptor)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        if not stat.S_ISREG(info.st_mode):
            raise OSError(errno.ENODEV, NOT_A_FILE, str(path))
        if info.st_size > limit:
            raise OSError(errno.EFBIG, too_big(limit), str(path))
        chunks = []
        total = 0
        while chunk := os.read(descriptor, 1024 * 1024):
            total += len(chunk)
            if total > limit:
                raise OSError(errno.EFBIG, too_big(limit), str(path))
            chunks.append(chunk)
        return b"".join(chunks), info
    finally:
        os.close(descriptor)


NOT_A_FILE = "it is not an ordinary file (a device, a pipe or a socket)"


def too_big(limit: int) -> str:
    return f"it is larger than {limit // (1024 * 1024)} MB, far more than any plan"


def open_lock_file(path: Path) -> int:
    """A descriptor on the lock file, created 0600 if missing; a link or odd file is refused."""
    flags = os.O_RDWR | os.O_CREAT | _NO_FOLLOW | _NO_BLOCK | getattr(os, "O_CLOEXEC", 0)
    descriptor = os.open(path, flags, FILE_MODE)
    info = os.fstat(descriptor)
    if not stat.S_ISREG(info.st_mode):
        os.close(descriptor)
        raise OSError(errno.ENODEV, NOT_A_FILE, str(path))
    return descriptor


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
    if error.errno == errno.ELOOP:
        return (
            "it is a link to somewhere else, and careplan does not follow links in its data folder"
        )
    if error.errno in (errno.ENODEV, errno.EFBIG) and error.strerror:
        return error.strerror
    return error.strerror or str(error)
