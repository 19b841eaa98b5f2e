"""Errors a person can meet, each carrying a plain message that is safe to show as it is.

The CLI prints `str(error)` on one line and exits 1; screens show it in a notification or modal.
Anything that is not a CarePlanError is a bug in careplan, not something the person did.
"""

from __future__ import annotations

from pathlib import Path


class CarePlanError(Exception):
    """Something the person can understand and act on."""


class UnknownHome(CarePlanError):
    """A typed path starts with "~name", a home folder this computer does not have."""

    def __init__(self, typed: str) -> None:
        self.typed = typed
        self.home = typed.split("/", 1)[0]
        super().__init__(
            f'"{typed}" starts with {self.home}, a home folder this computer does not have. '
            "Nothing was changed."
        )


class InvalidDate(CarePlanError, ValueError):
    def __init__(self, typed: str, why: str = "") -> None:
        self.typed = typed
        hint = why or 'try something like "24 Dec 2026", "2026-12-24" or "in 3 weeks"'
        super().__init__(f'Could not read "{_echo(typed)}" as a date: {hint}.')


class ValidationError(CarePlanError, ValueError):
    """One or more fields need attention. `problems` maps a field path to what is wrong."""

    def __init__(self, problems: dict[str, str]) -> None:
        self.problems = dict(problems)
        listed = "; ".join(f"{field}: {message}" for field, message in self.problems.items())
        super().__init__(f"Some things need a look before saving: {listed}")


class PlanNotFound(CarePlanError):
    def __init__(self, ref: str) -> None:
        self.ref = ref
        super().__init__(f'No plan matches "{ref}". `careplan list` shows the plans there are.')


class AmbiguousPlan(CarePlanError):
    def __init__(self, ref: str, names: list[str]) -> None:
        self.ref = ref
        self.names = names
        # Typing more of a name cannot tell two people of one name apart: say what does.
        super().__init__(
            f'"{ref}" matches more than one plan: {"; ".join(names)}. '
            "To pick one, give its id in place of the name."
        )


class PlanLocked(CarePlanError):
    """Another careplan process is writing this plan right now."""

    def __init__(self, person: str, holder: str = "") -> None:
        self.holder = holder
        who = f" ({holder})" if holder else ""
        super().__init__(
            f"{person}'s plan is open for changes in another careplan window{who}. "
            "It can be read here; close the other window to make changes."
        )


class DamagedFile(CarePlanError):
    """A data file cannot be read. Its bytes are left exactly as they were.

    `advice` says what the person can do about this particular file (e.g. restore a backup).
    """

    def __init__(self, path: Path, why: str, advice: str = "") -> None:
        self.path = Path(path)
        self.why = why
        self.advice = advice
        message = f"The file {path} could not be read ({why}). It has been left untouched; your other plans are fine."
        super().__init__(f"{message} {advice}" if advice else message)


class NewerSchema(CarePlanError):
    def __init__(self, path: Path, found: int, known: int) -> None:
        self.path = Path(path)
        super().__init__(
            f"The file {path} was written by a newer careplan (data format {found}; this one "
            f"understands up to {known}). Please update careplan to open it; the file is untouched."
        )


class InvalidPlanFile(CarePlanError, ValueError):
    """A plan given to us (an import, a draft) is not in the shape we expect."""

    def __init__(self, where: str, why: str) -> None:
        self.where = where
        super().__init__(f"{where}: {why}")


class PlanChangedOnDisk(CarePlanError):
    """The plan's file was replaced by something other than this window since it was opened.

    The lock normally prevents this; it can happen where the lock does not reach (a folder shared
    over a network or kept in step by a sync program). Saving over it would lose the other change.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        super().__init__(
            f"The file {path} was changed by something else (another computer or a sync program?) "
            "since this window opened it, so nothing was saved over it. Your changes are kept as a "
            "draft: close the plan and open it again, then save."
        )


class StorageError(CarePlanError):
    """Writing to disk failed (disk full, no permission). Nothing already saved was changed."""

    def __init__(self, path: Path, why: str) -> None:
        self.path = Path(path)
        super().__init__(
            f"Could not save to {path} ({why}). Nothing already saved was changed; "
            "free some space or check permissions, then save again."
        )


class LockUnavailable(StorageError):
    """The plan's lock file could not be made or locked, so the plan cannot safely be changed."""

    def __init__(self, path: Path, why: str) -> None:
        self.path = Path(path)
        CarePlanError.__init__(
            self,
            f"Could not use {path} to keep two windows from changing the plan at once ({why}). "
            "Nothing was changed. Check that the data folder is yours and has space; the plan can "
            "still be read.",
        )


def _echo(typed: str, limit: int = 40) -> str:
    """What someone typed, safe to show in one line: no control characters, and not too long."""
    shown = "".join(" " if ord(char) < 32 or 127 <= ord(char) < 160 else char for char in typed)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"
