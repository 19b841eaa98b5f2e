"""One writer per plan: an OS file lock that dies with the process holding it.

`fcntl.flock` is released by the kernel when the holder exits, however it exits, so a killed
careplan never locks anyone out. The lock file holds the holder's pid for a helpful message.
"""

from __future__ import annotations

import os
from pathlib import Path

from careplan.errors import LockUnavailable
from careplan.safe_files import describe_error, ensure_private_dir, open_lock_file

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


class LockBusy(Exception):
    def __init__(self, holder: str) -> None:
        self.holder = holder
        super().__init__(holder)


class PlanLock:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._descriptor: int | None = None

    @property
    def held(self) -> bool:
        return self._descriptor is not None

    def acquire(self) -> None:
        """Take the lock now, or raise LockBusy naming who has it (LockUnavailable if it cannot be made)."""
        if self.held:
            return
        try:
            ensure_private_dir(self.path.parent)
            descriptor = open_lock_file(self.path)  # never through a link, never a FIFO
        except OSError as error:
            raise LockUnavailable(self.path, describe_error(error)) from None
        if fcntl is not None:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = _read_holder(descriptor)
                os.close(descriptor)
                raise LockBusy(holder) from None
            except OSError as error:  # e.g. a file system that offers no locks
                os.close(descriptor)
                raise LockUnavailable(self.path, describe_error(error)) from None
        try:
            os.ftruncate(descriptor, 0)
            os.pwrite(descriptor, _this_process().encode(), 0)
        except OSError:
            pass  # the holder's name only makes the "busy" message friendlier; the lock is what counts
        self._descriptor = descriptor

    def release(self) -> None:
        if self._descriptor is None:
            return
        descriptor, self._descriptor = self._descriptor, None
        if fcntl is not None:
            fcntl.flock(descriptor, fcntl.LOCK_UN)
        os.close(descriptor)

    def __enter__(self) -> PlanLock:
        self.acquire()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.release()


def _this_process() -> str:
    # os.uname rather than socket.gethostname: careplan imports no networking module at all.
    uname = getattr(os, "uname", None)
    host = uname().nodename if uname else os.environ.get("COMPUTERNAME", "this computer")
    return f"process {os.getpid()} on {host}"


def _read_holder(descriptor: int) -> str:
    try:
        return os.pread(descriptor, 200, 0).decode("utf-8", "replace").strip()
    except OSError:
        return ""
