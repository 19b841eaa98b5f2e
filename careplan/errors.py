"""Errors a person can meet, each carrying a plain message that is safe to show as it is.

The CLI prints `str(error)` on one line and exits 1; screens show it in a notification or modal.
Anything that is not a CarePlanError is a bug in careplan, not something the person did.
"""

from __future__ import annotations

from pathlib import Path


class CarePlanError(Exception):
    """Something the person can understand and act on."""


class InvalidDate(CarePlanError, ValueError):
    def __init__(self, typed: str, why: str = "") -> None:
        self.typed = typed
        hint = why or 'try something like "24 Dec 2026", "2026-12-24" or "in 3 weeks"'
        super().__init__(f'Could not read "{typed}" as a date: {hint}.')


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
        super().__init__(
            f'"{ref}" matches more than one plan ({", ".join(names)}); type more of the name or use the id.'
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
    """A data file cannot be read. Its bytes are left exactly as they were."""

    def __init__(self, path: Path, why: str) -> None:
        self.path = Path(path)
        self.why = why
        super().__init__(
            f"The file {path} could not be read ({why}). It has been left untouched; "
            "your other plans are fine."
        )


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


class StorageError(CarePlanError):
    """Writing to disk failed (disk full, no permission). Nothing already saved was changed."""

    def __init__(self, path: Path, why: str) -> None:
        self.path = Path(path)
        super().__init__(
            f"Could not save to {path} ({why}). Nothing already saved was changed; "
            "free some space or check permissions, then save again."
        )
