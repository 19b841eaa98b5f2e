"""A plan over time: what each version changed, how things were at each check-in, and restoring.

`PlanHistory` loads each saved version at most once, so a screen or the CLI can ask for the
summaries, the trends and a diff without reading the plan file's versions again and again.
Versions are never rewritten: restoring an old version saves its content as a new version.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from careplan import vocab
from careplan.checkins import FUNCTION_LEVEL, LastAnswer, last_answers, same_as_saved
from careplan.diff import PlanDiff, compare
from careplan.errors import CarePlanError
from careplan.model import CarePlan, CheckIn

if TYPE_CHECKING:
    from careplan.store import PlanFile, VersionInfo

__all__ = [
    "PlanHistory",
    "VersionSummary",
    "checkin_trends",
    "compare_versions",
    "restore_note",
    "restore_version",
    "session_way",
    "version_summaries",
]

FIRST_VERSION = "First version"


@dataclass(frozen=True)
class VersionSummary:
    number: int
    saved_at: datetime
    saved_by: str
    note: str
    summary: str  # what changed since the version before, in one line
    session_notes: str = ""  # private to the facilitator: shown in the app, never in to_json
    session_date: date | None = None  # the day of the conversation; None in older files
    session_kind: str = ""  # a vocab.SESSION_KINDS id, or "" when nobody said
    session_language: str = ""
    session_interpreter: str = ""

    @property
    def session_way(self) -> str:
        """How the session happened, in words: "Video call, in Polish, with an interpreter (Ana)"."""
        return session_way(self.session_kind, self.session_language, self.session_interpreter)

    def to_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "saved_at": self.saved_at.isoformat(),
            "session_date": self.session_date.isoformat() if self.session_date else None,
            "saved_by": self.saved_by,
            "note": self.note,
            "summary": self.summary,
            # How the session happened; null when nobody said (the session notes stay out)
            "session_kind": self.session_kind or None,
            "session_language": self.session_language or None,
            "session_interpreter": self.session_interpreter or None,
        }


def session_way(kind: str, language: str = "", interpreter: str = "") -> str:
    """A session's kind, language and interpreter in one line; "" when none was said."""
    parts = [vocab.label(vocab.SESSION_KINDS, kind)] if kind else []
    if language.strip():
        parts.append(f"in {' '.join(language.split())}")
    if interpreter.strip():
        parts.append(f"interpreter: {' '.join(interpreter.split())}")
    line = ", ".join(parts)
    return line[:1].upper() + line[1:]


class PlanHistory:
    """The saved versions of one plan (up to `upto`, or all), each loaded when first needed."""

    def __init__(self, plan_file: PlanFile, upto: int | None = None) -> None:
        self.file = plan_file
        self.versions: list[VersionInfo] = [
            info for info in plan_file.versions() if upto is None or info.number <= upto
        ]
        self._plans: dict[int, CarePlan] = {}
        self._checkins: dict[int, CheckIn] = {}

    @property
    def numbers(self) -> list[int]:
        return [info.number for info in self.versions]

    def plan(self, number: int) -> CarePlan:
        """Version `number`. Shared: callers must not change it (copy it first)."""
        if number not in self._plans:
            self._plans[number] = self.file.load(number)
        return self._plans[number]

    def diff(self, old: int, new: int) -> PlanDiff:
        return compare(self.plan(old), self.plan(new), f"version {old}", f"version {new}")

    def previous(self, number: int) -> int | None:
        """The version saved just before `number`, if any."""
        earlier = [n for n in self.numbers if n < number]
        return earlier[-1] if earlier else None

    def summaries(self) -> list[VersionSummary]:
        result = []
        for info in self.versions:
            before = self.previous(info.number)
            summary = FIRST_VERSION if before is None else self.diff(before, info.number).summary()
            result.append(
                VersionSummary(
                    info.number,
                    info.saved_at,
                    info.saved_by,
                    info.note,
                    summary,
                    session_notes=info.session_notes,
                    session_date=info.session_date,
                    session_kind=info.session_kind,
                    session_language=info.session_language,
                    session_interpreter=info.session_interpreter,
                )
            )
        return result

    def trends(self) -> dict[str, list[int | None]]:
        """Function level and each symptom rated in any version, one value per version, oldest first.

        Keys are "function_level" then vocab.SYMPTOMS ids in their usual order; None where a
        version has no rating. Ready for a sparkline.
        """
        checkins = [self.checkin(number) for number in self.numbers]
        trends: dict[str, list[int | None]] = {FUNCTION_LEVEL: [c.function_level for c in checkins]}
        rated = {symptom for checkin in checkins for symptom in checkin.symptoms}
        for symptom in [*vocab.SYMPTOMS, *sorted(rated - set(vocab.SYMPTOMS))]:
            if symptom in rated:
                trends[symptom] = [checkin.symptoms.get(symptom) for checkin in checkins]
        return trends

    def last_answers(self) -> dict[str, LastAnswer]:
        """Each measure's latest saved answer with the day of its conversation (last time's
        answers, shown beside a new check-in that starts empty)."""
        return last_answers(
            [(info.number, info.session_day, self.checkin(info.number)) for info in self.versions]
        )

    def checkin(self, number: int) -> CheckIn:
        """Version `number`'s check-in. Shared like `plan()`: callers must not change it.

        Read on its own, not with the whole version, and only from the versions that changed it:
        the others share the check-in of the version before.
        """
        if number not in self.numbers:
            return self.file.load_section("checkin", number)
        before: int | None = None
        for current in self.numbers:  # oldest first, so the version before is always known
            if current not in self._checkins:
                if current in self._plans:
                    self._checkins[current] = self._plans[current].checkin
                elif before is not None and "checkin" not in self.file.sections_changed(current):
                    self._checkins[current] = self._checkins[before]
                else:
                    self._checkins[current] = self.file.load_section("checkin", current)
            if current == number:
                break
            before = current
        return self._checkins[number]

    def first_versions(self) -> dict[str, int]:
        """For each goal id, the first version it appears in (where that step of a journey began).
        Read from the stored goals' ids, so no version has to be loaded whole."""
        found: dict[str, int] = {}
        for number in self.numbers:
            for goal_id in self.file.item_ids("goals", number):
                found.setdefault(goal_id, number)
        return found


def version_summaries(plan_file: PlanFile) -> list[VersionSummary]:
    """Every version with a one-line summary of what changed since the one before."""
    return PlanHistory(plan_file).summaries()


def checkin_trends(plan_file: PlanFile) -> dict[str, list[int | None]]:
    """Function level and each symptom across versions (see PlanHistory.trends)."""
    return PlanHistory(plan_file).trends()


def compare_versions(plan_file: PlanFile, old: int, new: int) -> PlanDiff:
    """What changed from version `old` to version `new`. CarePlanError for a version not there."""
    plan_file.version(old)
    plan_file.version(new)
    return PlanHistory(plan_file).diff(old, new)


def restore_note(number: int) -> str:
    """The note a version brought back from version `number` is saved with, so the history says
    so: the same words from `careplan restore` and from a new draft started in the app."""
    return f"Restored from version {number}"


def restore_version(
    plan_file: PlanFile, number: int, saved_by: str = "", session_date: date | None = None
) -> VersionInfo | None:
    """Save the content of version `number` as a new version; earlier versions stay as they are.

    Returns None when the latest version already has that content (nothing to save). Refuses,
    with a plain CarePlanError, when the plan has changes not yet saved, so none are lost.
    """
    plan_file.version(number)
    latest = plan_file.latest
    restored = plan_file.load(number)
    draft = plan_file.draft()
    if draft is not None and not same_as_saved(draft.plan, plan_file.load(latest)):
        who = plan_file.person or plan_file.id
        raise CarePlanError(
            f"{who}'s plan has changes that are not saved as a version yet. "
            "Open it in careplan to save or discard them, then restore."
        )
    if restored == plan_file.load(latest):
        return None
    return plan_file.save_version(
        restored, saved_by=saved_by, note=restore_note(number), session_date=session_date
    )
