"""Closing a plan, and keeping it: the person died, was discharged or moved away. Nothing is
deleted. A closed plan is read only, out of the caseload's default list, and can be reopened.

Closing is saved as a version of its own (careplan.store.PlanFile.close_plan): the plan's words
are the version before's, unchanged, and the version's record says it closed the plan, why and on
which day. So history shows the closing where it happened, in order with everything else, and an
export or a diff of any version stays exactly what it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from careplan.errors import CarePlanError

REASONS: dict[str, str] = {
    "died": "Died",
    "discharged": "Discharged",
    "moved": "Moved away",
    "other": "Other",
}


@dataclass(frozen=True)
class Closure:
    reason: str  # one of REASONS
    on: date
    words: str = ""  # their own words, for "other" (or beside any reason)

    def to_json(self) -> dict[str, Any]:
        return {"reason": self.reason, "on": self.on.isoformat(), "words": self.words}

    @classmethod
    def from_json(cls, data: Any) -> Closure | None:
        """The stored closure, or None (not closed, or a record of the wrong shape)."""
        if not isinstance(data, dict):
            return None
        try:
            reason, on, words = (
                data["reason"],
                date.fromisoformat(data["on"]),
                data.get("words", ""),
            )
        except (KeyError, TypeError, ValueError):
            return None
        if reason not in REASONS or not isinstance(words, str):
            return None
        return cls(reason, on, words)

    @property
    def in_words(self) -> str:
        """ "Died, 3 Dec 2026" or "Other (went to her sister's), 3 Dec 2026"."""
        said = self.words if self.reason == "other" and self.words else REASONS[self.reason]
        if self.reason != "other" and self.words:
            said += f" ({self.words})"
        return f"{said}, {self.on.day} {self.on:%b %Y}"


def closure_from(reason: str, on: date, today: date) -> Closure:
    """A closure from a reason as typed ("died", or one's own words, kept as "other")."""
    if on > today:
        raise CarePlanError(
            f"{on.isoformat()} is a future day; a plan is closed on a day that has come."
        )
    typed = " ".join(reason.split())
    if not typed:
        raise CarePlanError(
            "Closing a plan needs a reason: died, discharged, moved, or a few words of your own."
        )
    kind = typed.casefold()
    if kind in REASONS:
        return Closure(kind, on)
    return Closure("other", on, typed)


def closed_note(closure: Closure) -> str:
    """The note of the version that closes a plan, as history shows it."""
    return f"Plan closed: {closure.in_words}"


REOPENED_NOTE = "Plan reopened"
