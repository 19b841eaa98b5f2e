"""What changed between two versions of a plan, section by section, in plain sentences.

Items are matched by their `id`, so a goal whose title was reworded is "edited", not "removed and
added", and a goal adapted into a new one reads as one step: '"Run 5 miles" became "A daily walk
with Sam" on 3 June 2026: running hurts my hip now'. Participants have no id and are matched by name.

`compare()` gives a PlanDiff: its `changes` (section, kind, sentence), a one-line `summary()`, and
the same changes as text, Markdown (typed words escaped) or JSON.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from careplan import vocab
from careplan.dates import day_in_words
from careplan.markdown_escape import escape_inline, plain_lines
from careplan.model import (
    CarePlan,
    CareWish,
    CheckIn,
    Goal,
    Modification,
    PlanningDocument,
    Spokesperson,
    Statement,
    TeamMember,
    TreatmentDecision,
    View,
)
from careplan.names import called
from careplan.partial_dates import PartialDate, shown
from careplan.team_tasks import task_words, who_does_what
from careplan.voices import voice_name

__all__ = ["Change", "KINDS", "PlanDiff", "SECTION_TITLES", "compare", "describe_changes"]

# The sections a change can belong to, in the order a plan is read (as in vocab.SECTIONS).
SECTION_TITLES: dict[str, str] = {
    "about": "About us",
    "matters": "What matters most",
    "checkin": "How things are now",
    "goals": "Goals",
    "modifications": "Lifestyle modifications",
    "treatment_decisions": "Treatment decisions",
    "team": "Support team",
    "advance_care": "If I can't speak for myself",
    "next_review": "Next review",
}

# Every kind of change, with how it is counted in a summary: (one, several) for kinds that are
# counted ("2 goals adapted"), None for kinds whose own short phrase is shown ("pain 3→5").
KINDS: dict[str, tuple[str, str] | None] = {
    "about_changed": ("change to About us", "changes to About us"),
    "participant_joined": None,
    "participant_left": None,
    "participant_changed": ("change to who is planning", "changes to who is planning"),
    "statement_added": ("new thing that matters", "new things that matter"),
    "statement_removed": ("thing that matters taken out", "things that matter taken out"),
    "statement_changed": ("change to what matters most", "changes to what matters most"),
    "function_level": None,
    "symptom": None,
    "checkin_not_asked": None,
    "goal_added": ("goal added", "goals added"),
    "goal_adapted": ("goal adapted", "goals adapted"),
    "goal_achieved": ("goal achieved", "goals achieved"),
    "goal_let_go": ("goal let go", "goals let go"),
    "goal_reopened": ("goal active again", "goals active again"),
    "goal_removed": ("goal taken out", "goals taken out"),
    "goal_edited": ("goal edited", "goals edited"),
    "modification_started": ("lifestyle change started", "lifestyle changes started"),
    "modification_status": ("lifestyle change updated", "lifestyle changes updated"),
    "modification_stopped": ("lifestyle change stopped", "lifestyle changes stopped"),
    "modification_edited": ("lifestyle change edited", "lifestyle changes edited"),
    "modification_removed": ("lifestyle change taken out", "lifestyle changes taken out"),
    "decision_added": None,
    "decision_removed": None,
    "break_decision": None,
    "break_status": None,
    "break_dates": ("treatment decision date changed", "treatment decision dates changed"),
    "break_edited": ("treatment decision detail changed", "treatment decision details changed"),
    "member_joined": None,
    "member_left": None,
    "member_role": ("role changed", "roles changed"),
    "member_tasks": ("change in who does what", "changes in who does what"),
    "need_uncovered": None,
    "need_covered": ("need now covered", "needs now covered"),
    "need_removed": ("need taken off", "needs taken off"),
    "first_contact": None,
    "member_edited": ("team detail changed", "team details changed"),
    "speaker_named": None,
    "speaker_order": None,
    "speaker_removed": None,
    "speaker_edited": ("change to who would speak for them", "changes to who would speak for them"),
    "document_added": None,
    "document_removed": None,
    "document_edited": ("planning document detail changed", "planning document details changed"),
    "wish_added": ("wish for care written", "wishes for care written"),
    "wish_removed": ("wish for care taken out", "wishes for care taken out"),
    "wish_changed": ("wish for care changed", "wishes for care changed"),
    "place_changed": None,
    "not_now": None,
    "review_moved": None,
}

# What comes first in a one-line summary: the things a care team most wants to see at a glance.
_SUMMARY_ORDER = (
    "goals",
    "checkin",
    "team",
    "advance_care",
    "treatment_decisions",
    "modifications",
    "matters",
    "next_review",
    "about",
)
_SUMMARY_PARTS = 5
# `diff --format json` is read by people's scripts: a section keeps the id it was first given there,
# so treatment decisions (once one worksheet) still come as "treatment_break".
_JSON_SECTION_IDS = {"treatment_decisions": "treatment_break"}
_QUOTE_LIMIT = 100


@dataclass(frozen=True)
class Change:
    """One change: which section, what kind (a KINDS key), a plain sentence, and a short phrase."""

    section: str
    kind: str
    text: str
    brief: str = ""  # for the summary: "pain 3→5", "Dr Rao joined the team"
    item: str = ""  # id of the goal, statement, modification or team member it is about
    size: int = 0  # how far a symptom score moved, so a summary can name the biggest change

    def to_json(self) -> dict[str, Any]:
        return {
            "section": _JSON_SECTION_IDS.get(self.section, self.section),
            "kind": self.kind,
            "text": self.text,
            "item": self.item or None,
        }


@dataclass(frozen=True)
class PlanDiff:
    old_label: str
    new_label: str
    changes: tuple[Change, ...]

    def __bool__(self) -> bool:
        return bool(self.changes)

    @property
    def title(self) -> str:
        return f"Changes from {self.old_label} to {self.new_label}"

    def by_section(self) -> list[tuple[str, list[Change]]]:
        """(section id, its changes) for each section that changed, in reading order."""
        return [
            (section, [change for change in self.changes if change.section == section])
            for section in SECTION_TITLES
            if any(change.section == section for change in self.changes)
        ]

    def summary(self) -> str:
        """One line: "2 goals adapted, pain 3→5, Dr Rao joined the team".

        Symptoms are named one by one when two or fewer changed; otherwise the biggest change
        (of 2 points or more) is named and the rest counted, so a check-in does not crowd out
        the rest of the line.
        """
        if not self.changes:
            return "No changes"
        ordered = sorted(self.changes, key=lambda change: _SUMMARY_ORDER.index(change.section))
        symptoms = [change for change in ordered if change.kind == "symptom"]
        named = {id(change) for change in symptoms} if len(symptoms) <= 2 else set()
        if symptoms and not named:
            biggest = max(symptoms, key=lambda change: change.size)
            named = {id(biggest)} if biggest.size >= 2 else set()
        # The symptom named comes before the count of the others (a stable sort keeps the rest).
        ordered.sort(key=lambda change: change.kind == "symptom" and id(change) not in named)
        ordered.sort(key=lambda change: _SUMMARY_ORDER.index(change.section))
        groups: dict[tuple[str, str], list[Change]] = {}
        for change in ordered:
            if change.kind == "symptom" and id(change) not in named:
                key = ("symptoms", "")
            elif KINDS.get(change.kind) is None:
                key = ("phrase", _shorten(change.brief or change.text))
            else:
                key = ("kind", change.kind)
            groups.setdefault(key, []).append(change)
        parts, sizes = [], []
        for (group, value), changes in groups.items():
            if group == "symptoms":
                count = len(changes)
                parts.append(
                    f"{count} {'other ' if named else ''}symptom{'' if count == 1 else 's'} changed"
                )
            elif group == "kind":
                count = len({change.item or str(index) for index, change in enumerate(changes)})
                one, several = KINDS[value]  # type: ignore[misc]
                parts.append(f"{count} {one if count == 1 else several}")
            else:
                parts.append(value)
            sizes.append(len(changes))
        if len(parts) > _SUMMARY_PARTS:
            rest = sum(sizes[_SUMMARY_PARTS - 1 :])
            parts = [
                *parts[: _SUMMARY_PARTS - 1],
                f"and {rest} more change{'' if rest == 1 else 's'}",
            ]
        return ", ".join(parts)

    def to_text(self) -> str:
        if not self.changes:
            return f"No changes from {self.old_label} to {self.new_label}.\n"
        lines = [self.title, ""]
        for section, changes in self.by_section():
            lines.append(SECTION_TITLES[section])
            lines.extend(f"  - {change.text}" for change in changes)
            lines.append("")
        return "\n".join(lines)

    def markdown_list(self) -> str:
        """The changes as a Markdown list grouped by section, to place inside another document."""
        if not self.changes:
            return "No changes."
        lines = []
        for section, changes in self.by_section():
            lines.append(f"- **{SECTION_TITLES[section]}**")
            lines.extend(f"  - {escape_inline(change.text)}" for change in changes)
        return "\n".join(lines)

    def to_markdown(self, level: int = 2) -> str:
        """A Markdown document (or part of one, at heading `level`). Typed words are escaped."""
        heading = "#" * level
        return f"{heading} {escape_inline(self.title)}\n\n{self.markdown_list()}\n"

    def to_json(self) -> dict[str, Any]:
        return {
            "from": self.old_label,
            "to": self.new_label,
            "summary": self.summary(),
            "changes": [change.to_json() for change in self.changes],
        }


def compare(
    old: CarePlan,
    new: CarePlan,
    old_label: str = "the earlier version",
    new_label: str = "this version",
) -> PlanDiff:
    """Every change from `old` to `new`, section by section."""
    changes: list[Change] = []
    for describe in (
        _about,
        _matters,
        _checkin,
        _goals,
        _modifications,
        _treatment_decisions,
        _team,
        _advance_care,
        _next_review,
    ):
        changes.extend(describe(old, new))
    # Typed words may hold line breaks or control characters: sentences are one clean line each,
    # safe to print to a terminal.
    cleaned = tuple(
        replace(change, text=_printable(change.text), brief=_printable(change.brief))
        for change in changes
    )
    return PlanDiff(old_label=old_label, new_label=new_label, changes=cleaned)


def describe_changes(old: CarePlan, new: CarePlan) -> list[str]:
    """The changes as plain sentences (for a review screen)."""
    return [change.text for change in compare(old, new).changes]


# --- about us ---------------------------------------------------------------------------------


def _about(old: CarePlan, new: CarePlan) -> list[Change]:
    changes = []
    before, after = old.about, new.about

    def add(kind: str, text: str, brief: str = "") -> None:
        changes.append(Change("about", kind, text, brief))

    for label, was, now in (
        ("Name", before.name, after.name),
        ("Likes to be called", before.preferred_name, after.preferred_name),
        ("Their reference", before.reference, after.reference),
        ("The illness, in their own words", before.illness, after.illness),
    ):
        if _differs(was, now):
            add("about_changed", _field_change(label, was, now))
    if before.date_of_birth != after.date_of_birth:
        add(
            "about_changed",
            _date_change("Date of birth", before.date_of_birth, after.date_of_birth),
        )

    old_people = {p.name.strip().casefold(): p for p in before.participants if p.name.strip()}
    new_people = {p.name.strip().casefold(): p for p in after.participants if p.name.strip()}
    for key, someone in new_people.items():
        role = vocab.label(vocab.PARTICIPANT_ROLES, someone.role)
        who = _fold(called(someone, new)) or someone.name.strip()
        if key not in old_people:
            add(
                "participant_joined",
                f"{who} ({role}) joined the planning",
                f"{who} joined the planning",
            )
            continue
        earlier = old_people[key]
        if _differs(earlier.preferred_name, someone.preferred_name):
            add(
                "participant_changed",
                _field_change(
                    f"What {_fold(someone.name)} likes to be called",
                    earlier.preferred_name,
                    someone.preferred_name,
                ),
            )
        if earlier.role != someone.role:
            add(
                "participant_changed",
                f"{who} now takes part as {role} "
                f"(was {vocab.label(vocab.PARTICIPANT_ROLES, earlier.role)})",
            )
        if _differs(earlier.relationship, someone.relationship):
            add(
                "participant_changed",
                _field_change(f"{who}'s relationship", earlier.relationship, someone.relationship),
            )
    for key, someone in old_people.items():
        if key not in new_people:
            who = _fold(called(someone, old)) or someone.name.strip()
            add(
                "participant_left",
                f"{who} is no longer part of the planning",
                f"{who} left the planning",
            )
    return changes


# --- what matters most ------------------------------------------------------------------------


def _matters(old: CarePlan, new: CarePlan) -> list[Change]:
    changes = []
    old_by_id = {statement.id: statement for statement in old.matters}
    new_ids = {statement.id for statement in new.matters}

    def add(kind: str, statement: Statement, text: str) -> None:
        changes.append(Change("matters", kind, text, item=statement.id))

    for statement in new.matters:
        was = old_by_id.get(statement.id)
        if was is None:
            add(
                "statement_added",
                statement,
                f"Added {_quote(statement.text)} ({_kind(statement)}), "
                f"said by {voice_name(new, statement.voice)}",
            )
            continue
        subject = _quote(statement.text)
        if _differs(was.text, statement.text):
            add("statement_changed", statement, f"{_quote(was.text)} now reads {subject}")
        if was.kind != statement.kind:
            add(
                "statement_changed",
                statement,
                f"{subject} is now under {_kind(statement)} (was {_kind(was)})",
            )
        if was.voice != statement.voice:
            add(
                "statement_changed",
                statement,
                f"{subject} is now said by {voice_name(new, statement.voice)} "
                f"(was {voice_name(old, was.voice)})",
            )
        for text in _view_changes(old, new, was.other_views, statement.other_views, subject):
            add("statement_changed", statement, text)
    for statement in old.matters:
        if statement.id not in new_ids:
            add(
                "statement_removed",
                statement,
                f"Taken out: {_quote(statement.text)} ({_kind(statement)}), "
                f"said by {voice_name(old, statement.voice)}",
            )
    return changes


def _kind(statement: Statement) -> str:
    return vocab.label(vocab.STATEMENT_KINDS, statement.kind)


def _view_changes(
    old: CarePlan, new: CarePlan, was: list[View], now: list[View], subject: str
) -> list[str]:
    """Other voices added, changed or taken away, keyed by voice."""
    before, after = _views_by_voice(was), _views_by_voice(now)
    sentences = []
    for voice, text in after.items():
        who = voice_name(new, voice)
        if voice not in before:
            sentences.append(f"{who} sees {subject} differently: {_quote(text)}")
        elif _differs(before[voice], text):
            sentences.append(f"{who}'s view of {subject} now reads {_quote(text)}")
    for voice in before:
        if voice not in after:
            sentences.append(
                f"{voice_name(old, voice)}'s different view of {subject} was taken out"
            )
    return sentences


def _views_by_voice(views: list[View]) -> dict[str, str]:
    by_voice: dict[str, list[str]] = {}
    for view in views:
        if view.text.strip():
            by_voice.setdefault(view.voice, []).append(view.text.strip())
    return {voice: " / ".join(texts) for voice, texts in by_voice.items()}


# --- how things are now -----------------------------------------------------------------------


def _checkin(old: CarePlan, new: CarePlan) -> list[Change]:
    if new.checkin == CheckIn() and old.checkin != CheckIn():
        # Each version's check-in starts empty: one not filled in is one line, not one per measure
        return [
            Change(
                "checkin",
                "checkin_not_asked",
                "No check-in this time (the last one stays in the history)",
                "no check-in this time",
            )
        ]
    changes = []
    was, now = old.checkin.function_level, new.checkin.function_level
    if was != now:
        name = vocab.FUNCTION_NAME
        if was is None:
            text = f"{name} recorded: {now}%"
            brief = f"{name.lower()} {now}%"
        elif now is None:
            text, brief = (
                f"{name} not recorded this time (was {was}%)",
                f"{name.lower()} not recorded",
            )
        else:
            text, brief = f"{name} {was}% → {now}%", f"{name.lower()} {was}%→{now}%"
        changes.append(Change("checkin", "function_level", text, brief))
    before, after = old.checkin.symptoms, new.checkin.symptoms
    extra = sorted((set(before) | set(after)) - set(vocab.SYMPTOMS))
    for symptom in [*vocab.SYMPTOMS, *extra]:
        was_score, score = before.get(symptom), after.get(symptom)
        if was_score == score:
            continue
        name = vocab.label(vocab.SYMPTOMS, symptom)
        if was_score is None:
            text, brief = f"{name} rated {score} (not rated last time)", f"{name.lower()} {score}"
        elif score is None:
            text, brief = (
                f"{name} not rated this time (was {was_score})",
                f"{name.lower()} not rated",
            )
        else:
            text, brief = f"{name} {was_score} → {score}", f"{name.lower()} {was_score}→{score}"
        size = abs(score - was_score) if score is not None and was_score is not None else 0
        changes.append(Change("checkin", "symptom", text, brief, item=symptom, size=size))
    return changes


# --- goals ------------------------------------------------------------------------------------


def _goals(old: CarePlan, new: CarePlan) -> list[Change]:
    changes = []
    old_by_id = {goal.id: goal for goal in old.goals}
    new_by_id = {goal.id: goal for goal in new.goals}
    # Goals that were adapted in this step: their new status is explained by their successor.
    adapted_now = {
        goal.adapted_from for goal in new.goals if goal.id not in old_by_id and goal.adapted_from
    }

    def add(kind: str, goal: Goal, text: str) -> None:
        changes.append(Change("goals", kind, text, item=goal.id))

    for goal in new.goals:
        was = old_by_id.get(goal.id)
        if was is None:
            source = new_by_id.get(goal.adapted_from or "") or old_by_id.get(
                goal.adapted_from or ""
            )
            if source is not None:
                add("goal_adapted", goal, _adapted_sentence(source, goal))
            else:
                detail = f"{vocab.label(vocab.GOAL_CATEGORIES, goal.category)}, {voice_name(new, goal.voice)}"
                if goal.status != "active":
                    detail += f", {vocab.label(vocab.GOAL_STATUSES, goal.status).lower()}"
                add("goal_added", goal, f"New goal: {_quote(goal.title)} ({detail})")
            continue
        subject = _quote(goal.title)
        if was.status != goal.status and not (goal.status == "adapted" and goal.id in adapted_now):
            add(*_status_change(was, goal))
        if _differs(was.title, goal.title):
            add("goal_edited", goal, f"The goal {_quote(was.title)} is now called {subject}")
        if was.category != goal.category:
            add(
                "goal_edited",
                goal,
                f"{subject} moved from {vocab.label(vocab.GOAL_CATEGORIES, was.category)} "
                f"to {vocab.label(vocab.GOAL_CATEGORIES, goal.category)}",
            )
        if was.voice != goal.voice:
            add(
                "goal_edited",
                goal,
                f"{subject} is now {voice_name(new, goal.voice)}'s goal "
                f"(was {voice_name(old, was.voice)}'s)",
            )
        if _differs(was.why, goal.why):
            add("goal_edited", goal, _field_change(f"Why {subject} matters", was.why, goal.why))
        if _differs(was.fallback, goal.fallback):
            add(
                "goal_edited",
                goal,
                _field_change(f"If {subject} gets harder", was.fallback, goal.fallback),
            )
        if was.started_on != goal.started_on:
            add(
                "goal_edited",
                goal,
                _date_change(f"{subject} started", was.started_on, goal.started_on),
            )
        if was.ended_on != goal.ended_on and was.status == goal.status:
            add("goal_edited", goal, _date_change(f"{subject} ended", was.ended_on, goal.ended_on))
        for text in _view_changes(old, new, was.other_views, goal.other_views, subject):
            add("goal_edited", goal, text)
    for goal in old.goals:
        if goal.id not in new_by_id:
            add("goal_removed", goal, f"The goal {_quote(goal.title)} was taken out of the plan")
    return changes


def _adapted_sentence(source: Goal, successor: Goal) -> str:
    text = f"{_quote(source.title)} became {_quote(successor.title)}"
    if successor.category != source.category:
        text += f" (now under {vocab.label(vocab.GOAL_CATEGORIES, successor.category)})"
    when = successor.started_on or source.ended_on
    if when:
        text += f" on {day_in_words(when)}"
    if successor.adapted_reason.strip():
        text += f": {_fold(successor.adapted_reason)}"
    return text


def _status_change(was: Goal, goal: Goal) -> tuple[str, Goal, str]:
    subject = _quote(goal.title)
    on = f" on {day_in_words(goal.ended_on)}" if goal.ended_on else ""
    if goal.status == "achieved":
        return "goal_achieved", goal, f"{subject} was achieved{on}"
    if goal.status == "let_go":
        return "goal_let_go", goal, f"{subject} was let go{on}"
    if goal.status == "active":
        return "goal_reopened", goal, f"{subject} is active again (was {_status(was)})"
    return "goal_edited", goal, f"{subject} is now marked {_status(goal)} (was {_status(was)})"


def _status(goal: Goal) -> str:
    return vocab.label(vocab.GOAL_STATUSES, goal.status).lower()


# --- lifestyle modifications ------------------------------------------------------------------


def _modifications(old: CarePlan, new: CarePlan) -> list[Change]:
    changes = []
    old_by_id = {change.id: change for change in old.modifications}
    new_ids = {change.id for change in new.modifications}

    def add(kind: str, change: Modification, text: str, brief: str = "") -> None:
        changes.append(Change("modifications", kind, text, brief, item=change.id))

    for change in new.modifications:
        was = old_by_id.get(change.id)
        area = vocab.label(vocab.MODIFICATION_AREAS, change.area)
        if was is None:
            if change.before.strip() and change.now.strip():
                what = f"{_quote(change.before)} becomes {_quote(change.now)}"
            else:
                what = _quote(change.now or change.before)
            since = f", since {day_in_words(change.since)}" if change.since else ""
            add("modification_started", change, f"New lifestyle change ({area}): {what}{since}")
            continue
        subject = _modification_name(was)  # as it was known, since "now" may be what changed
        if was.status != change.status:
            status = vocab.label(vocab.MODIFICATION_STATUSES, change.status)
            was_status = vocab.label(vocab.MODIFICATION_STATUSES, was.status)
            if change.status == "stopped":
                add("modification_stopped", change, f"{subject} was stopped (was {was_status})")
            else:
                add("modification_status", change, f"{subject}: {was_status} → {status}")
        if was.area != change.area:
            add(
                "modification_edited",
                change,
                f"{subject} moved from {vocab.label(vocab.MODIFICATION_AREAS, was.area)} to {area}",
            )
        for label, before, after in (
            ("What I used to do", was.before, change.before),
            ("What I'll do now", was.now, change.now),
            (f"Why {subject}", was.why, change.why),
        ):
            if _differs(before, after):
                add("modification_edited", change, _field_change(label, before, after))
        if was.voice != change.voice:
            add(
                "modification_edited",
                change,
                f"{subject} is now in {voice_name(new, change.voice)}'s words",
            )
        if was.since != change.since:
            add(
                "modification_edited",
                change,
                _date_change(f"When {subject} started", was.since, change.since),
            )
    for change in old.modifications:
        if change.id not in new_ids:
            add(
                "modification_removed",
                change,
                f"{_modification_name(change)} was taken out of the plan",
            )
    return changes


def _modification_name(change: Modification) -> str:
    return _quote(change.now if change.now.strip() else change.before)


# --- treatment decisions ----------------------------------------------------------------------


def decision_title(decision: TreatmentDecision) -> str:
    """What a decision is called in a sentence: its kind, and what a pause is for."""
    kind = vocab.label(vocab.ALL_DECISION_KINDS, decision.kind) or "A decision of no kind yet"
    if decision.event.strip() and not decision.stopping:
        return f"{kind} ({_quote(decision.event)})"
    return kind


def _status_label(decision: TreatmentDecision) -> str:
    statuses = vocab.STOP_STATUSES if decision.stopping else vocab.DECISION_STATUSES
    return vocab.label(statuses, decision.status) or vocab.label(
        vocab.DECISION_STATUSES, decision.status
    )


def _decision_texts(decision: TreatmentDecision) -> tuple[tuple[str, str], ...]:
    if decision.stopping:
        return (
            ("current_treatment", "Treatment being stopped"),
            ("team_said", "What the team said"),
            ("hopes", "Hopes for stopping"),
            ("fears", "Worries about stopping"),
            ("support_words", "Support that goes on, in our words"),
            ("who_to_call", "Who to call"),
        )
    return (
        ("event", "What the break is for"),
        ("current_treatment", "Treatment now"),
        ("team_said", "What the team said"),
        ("hopes", "Hopes for the break"),
        ("fears", "Fears about the break"),
        ("who_to_call", "Who to call"),
    )


def _decision_dates(decision: TreatmentDecision) -> tuple[tuple[str, str], ...]:
    if decision.stopping:
        return (
            ("decided_on", "First talked about"),
            ("starts_on", "Treatment stops"),
            ("ends_on", "End date"),
            ("look_again_on", "Look at stopping treatment again on"),
        )
    return (
        ("decided_on", "First talked about"),
        ("starts_on", "Treatment break starts"),
        ("ends_on", "Treatment break ends"),
        ("look_again_on", "Look at the treatment break again on"),
    )


def _treatment_decisions(old: CarePlan, new: CarePlan) -> list[Change]:
    changes: list[Change] = []
    old_by_id = {decision.id: decision for decision in old.treatment_decisions}
    new_ids = {decision.id for decision in new.treatment_decisions}

    def add(kind: str, decision: TreatmentDecision, text: str, brief: str = "") -> None:
        changes.append(Change("treatment_decisions", kind, text, brief, item=decision.id))

    for now in new.treatment_decisions:
        was = old_by_id.get(now.id)
        if was is None:
            kind = vocab.label(vocab.ALL_DECISION_KINDS, now.kind)
            what = kind[:1].lower() + kind[1:] if kind else "kind not chosen yet"
            if now.event.strip() and not now.stopping:
                what += f" ({_quote(now.event)})"
            status = _status_label(now)
            text = f"A new decision: {what}" + (f"; {status.lower()}" if status else "")
            if now.decided_on:
                text += f"; first talked about on {day_in_words(now.decided_on)}"
            add("decision_added", now, text, f"new decision: {what}")
            continue
        if was == now:
            continue
        title = decision_title(was)  # as it was known, since its kind may be what changed
        if was.kind != now.kind:
            kind = vocab.label(vocab.ALL_DECISION_KINDS, now.kind) or "not chosen"
            add(
                "break_decision",
                now,
                f"Kind of decision: {vocab.label(vocab.ALL_DECISION_KINDS, was.kind) or 'not chosen'}"
                f" → {kind}",
                f"treatment decision: {kind.lower()}",
            )
        if was.status != now.status:
            status = _status_label(now) or "not set"
            add(
                "break_status",
                now,
                f"{title}: {_status_label(was) or 'not set'} → {status}",
                f"{vocab.label(vocab.ALL_DECISION_KINDS, now.kind).lower() or 'treatment decision'}"
                f": {status.lower()}",
            )
        for name, label in _decision_dates(now):
            if getattr(was, name) != getattr(now, name):
                add("break_dates", now, _date_change(label, getattr(was, name), getattr(now, name)))
        for name, label in _decision_texts(now):
            if _differs(getattr(was, name), getattr(now, name)):
                add(
                    "break_edited",
                    now,
                    _field_change(label, getattr(was, name), getattr(now, name)),
                )
        for label, before, after in (
            ("question for the team", was.questions, now.questions),
            ("warning sign to watch for", was.warning_signs, now.warning_signs),
            (
                "support that goes on",
                [vocab.label(vocab.SUPPORTS, one) for one in was.support],
                [vocab.label(vocab.SUPPORTS, one) for one in now.support],
            ),
        ):
            for text in _list_changes(label, before, after):
                add("break_edited", now, text)
    for was in old.treatment_decisions:
        if was.id not in new_ids:
            add(
                "decision_removed",
                was,
                f"{decision_title(was)} was taken out of the plan",
                "treatment decision taken out",
            )
    return changes


def _list_changes(label: str, before: list[str], after: list[str]) -> list[str]:
    was = {_fold(item).casefold(): item for item in before if item.strip()}
    now = {_fold(item).casefold(): item for item in after if item.strip()}
    sentences = [f"New {label}: {_quote(item)}" for key, item in now.items() if key not in was]
    sentences += [
        f"Taken out, {label}: {_quote(item)}" for key, item in was.items() if key not in now
    ]
    return sentences


# --- support team -----------------------------------------------------------------------------


def _team(old: CarePlan, new: CarePlan) -> list[Change]:
    changes = []
    old_by_id = {member.id: member for member in old.team}
    new_by_id = {member.id: member for member in new.team}

    def add(kind: str, member: TeamMember | None, text: str, brief: str = "") -> None:
        changes.append(Change("team", kind, text, brief, item=member.id if member else ""))

    for member in new.team:
        was = old_by_id.get(member.id)
        name = _name(member, new)
        if was is None:
            text = f"{name} joined the team" + (
                f" on {day_in_words(member.joined_on)}" if member.joined_on else ""
            )
            text += f" ({member.role_label})"
            if member.tasks:
                text += f", helping with {_and(_task_words(task) for task in member.tasks)}"
            add("member_joined", member, text, f"{name} joined the team")
            continue
        if _differs(was.name, member.name):
            add("member_edited", member, f"{_name(was, old)} is now listed as {name}")
        if _differs(was.preferred_name, member.preferred_name):
            add(
                "member_edited",
                member,
                _field_change(
                    f"What {_fold(member.name)} likes to be called",
                    was.preferred_name,
                    member.preferred_name,
                ),
            )
        if was.role_label != member.role_label:
            add("member_role", member, f"{name}'s role: {was.role_label} → {member.role_label}")
        for label, before, after in (
            (f"How to reach {name}", was.contact, member.contact),
            (f"When {name} can help", was.when, member.when),
            (f"What {name} helps with", was.helps_with, member.helps_with),
        ):
            if _differs(before, after):
                add("member_edited", member, _field_change(label, before, after))
        if was.joined_on != member.joined_on:
            add(
                "member_edited",
                member,
                _date_change(f"When {name} joined the team", was.joined_on, member.joined_on),
            )
    for member in old.team:
        if member.id not in new_by_id:
            add(
                "member_left",
                member,
                f"{_name(member, old)} left the team ({member.role_label})",
                f"{_name(member, old)} left the team",
            )
    changes.extend(_needs(old, new))
    was_first, first = old.first_contact, new.first_contact
    if (was_first and was_first.id) != (first and first.id):
        if first and was_first:
            add(
                "first_contact",
                first,
                f"The first point of contact is now {_name(first, new)} "
                f"(was {_name(was_first, old)})",
                f"{_name(first, new)} is now the first contact",
            )
        elif first:
            add(
                "first_contact",
                first,
                f"{_name(first, new)} is now the first point of contact",
                f"{_name(first, new)} is now the first contact",
            )
        elif was_first:
            add(
                "first_contact",
                None,
                f"No first point of contact is chosen now (was {_name(was_first, old)})",
                "no first contact now",
            )
    return changes


def _needs(old: CarePlan, new: CarePlan) -> list[Change]:
    """The help the family needs, and who covers it. A need nobody covers is said as such, and so
    is the day someone covers it; a task that changed hands reads as moved."""
    before = {_need_key(cover.task): cover for cover in who_does_what(old)}
    after = {_need_key(cover.task): cover for cover in who_does_what(new)}
    old_ids = {member.id for member in old.team}
    new_ids = {member.id for member in new.team}
    changes = []

    def add(kind: str, text: str, brief: str = "", item: str = "") -> None:
        changes.append(Change("team", kind, text, brief, item=item))

    for key, cover in after.items():
        words = _task_words(cover.task)
        label = _capital(words)
        was = before.get(key)
        now_ids = {member.id for member in cover.members}
        was_ids = {member.id for member in was.members} if was else set()
        givers = [m for m in (was.members if was else ()) if m.id not in now_ids]
        takers = [m for m in cover.members if m.id not in was_ids]
        if was is None and not cover.covered:
            add("need_uncovered", f"A need nobody covers yet: {label}", f"nobody yet: {words}")
            continue
        if was is not None and not was.covered and cover.covered:
            who = _and(_name(m, new) for m in cover.members)
            add("need_covered", f"{label} is now covered by {who}", item=cover.members[0].id)
            continue
        if was is not None and was.covered and not cover.covered:
            who = _and(_name(m, old) for m in was.members)
            add(
                "need_uncovered",
                f"Nobody covers {words} now (it was {who}); it is still needed",
                f"nobody yet: {words}",
            )
            continue
        if givers and takers:
            text = f"{label} moved from {_and(_name(m, old) for m in givers)} to "
            text += _and(_name(m, new) for m in takers)
            add("member_tasks", text, item=takers[0].id)
            continue
        for member in takers:
            if member.id in old_ids:  # someone who joined has their tasks in the joining sentence
                add("member_tasks", f"{_name(member, new)} now helps with {words}", item=member.id)
        for member in givers:
            if member.id in new_ids:
                add(
                    "member_tasks",
                    f"{_name(member, new)} no longer helps with {words}",
                    item=member.id,
                )
    for key, cover in before.items():
        if key not in after:
            add("need_removed", f"No longer needed: {_task_words(cover.task)}")
    return changes


def _need_key(task: str) -> str:
    return task_words(task).casefold()


def _capital(words: str) -> str:
    return words[:1].upper() + words[1:]


def _task_words(task: str) -> str:
    """A task in the middle of a sentence: our own labels in lower case, typed words as typed."""
    if task in vocab.TASKS:
        words = vocab.TASKS[task]
        return words[0].lower() + words[1:]
    return _fold(task)


def _name(member: TeamMember, plan: CarePlan | None = None) -> str:
    return _fold(called(member, plan)) or "Someone unnamed"


# --- next review ------------------------------------------------------------------------------


def _next_review(old: CarePlan, new: CarePlan) -> list[Change]:
    was, now = old.next_review, new.next_review
    if was == now:
        return []
    if was is None:
        text = brief = f"Next review set for {day_in_words(now)}"  # type: ignore[arg-type]
    elif now is None:
        text, brief = (
            f"No next review date now (was {day_in_words(was)})",
            "next review date cleared",
        )
    else:
        text, brief = (
            f"Next review moved from {day_in_words(was)} to {day_in_words(now)}",
            f"next review moved to {day_in_words(now)}",
        )
    return [Change("next_review", "review_moved", text, brief)]


# --- words ------------------------------------------------------------------------------------


def _printable(text: str) -> str:
    return " ".join(" ".join(plain_lines(text)).split())


def _fold(text: str) -> str:
    """Typed text on one line, as in a sentence."""
    return " ".join(text.split())


# --- if I can't speak for myself -------------------------------------------------------------


def _advance_care(old: CarePlan, new: CarePlan) -> list[Change]:
    changes: list[Change] = []
    before, after = old.advance_care, new.advance_care

    def add(kind: str, text: str, brief: str = "", item: str = "") -> None:
        changes.append(Change("advance_care", kind, text, brief, item=item))

    if before.not_now_on != after.not_now_on:
        if after.not_now_on is not None:
            add(
                "not_now",
                f"{_person_or_they(new)} chose not to talk about this yet "
                f"({day_in_words(after.not_now_on)})",
                "not now, for speaking for them",
            )
        else:
            add(
                "not_now", "Ready to talk about this now", "ready to talk about who speaks for them"
            )
    _speaker_changes(old, new, add)
    _document_changes(before.documents, after.documents, add)
    _wish_changes(old, new, add)
    for label, was, now in (
        ("Where they would like to be cared for", before.place_of_care, after.place_of_care),
        ("Where they would like to be at the end", before.place_at_end, after.place_at_end),
    ):
        if was != now:
            if now is None:
                text = f"{label}: not said now (was {_place(was)})"
            elif was is None:
                text = f"{label}: {_place(now)} (new)"
            else:
                text = f"{label}: {_place(now)} (was {_place(was)})"
            add("place_changed", text, f"{label.lower()}: {_place(now) or 'not said'}")
    return changes


def _person_or_they(plan: CarePlan) -> str:
    return voice_name(plan, "person") if plan.about.called else "The person"


def _place(place: str | None) -> str:
    return vocab.label(vocab.PLACES_OF_CARE, place).lower() if place else ""


def _ordinal(index: int) -> str:
    return (
        "first person" if index == 0 else "backup person" if index == 1 else f"backup no. {index}"
    )


def _speaker_changes(old: CarePlan, new: CarePlan, add: Callable[..., None]) -> None:
    """Who would speak for the person, by id: named, moved in the order, taken off, edited."""
    was_list, now_list = old.advance_care.speakers, new.advance_care.speakers
    was_at = {speaker.id: index for index, speaker in enumerate(was_list)}
    now_ids = {speaker.id for speaker in now_list}
    whom = voice_name(new, "person") if new.about.called else "them"
    for index, speaker in enumerate(now_list):
        name = _speaker_name(speaker, new)
        if speaker.id not in was_at:
            text = f"{name} is now the {_ordinal(index)} to speak for {whom}"
            if speaker.standing:
                text += f" ({_standing(speaker)})"
            add("speaker_named", text, f"{name} would speak for {whom}", speaker.id)
            continue
        was = was_list[was_at[speaker.id]]
        if _ordinal(was_at[speaker.id]) != _ordinal(index):
            add(
                "speaker_order",
                f"{name} is now the {_ordinal(index)} to speak for {whom} "
                f"(was the {_ordinal(was_at[speaker.id])})",
                f"{name} is now the {_ordinal(index)}",
                speaker.id,
            )
        if _differs(was.name, speaker.name):
            add(
                "speaker_edited",
                f"{_speaker_name(was, old)} is now listed as {name}",
                item=speaker.id,
            )
        if was.standing != speaker.standing:
            add(
                "speaker_edited",
                f"{name}'s standing: {_standing(speaker) or 'not said'}"
                f" (was {_standing(was) or 'not said'})",
                item=speaker.id,
            )
        if was.agreement != speaker.agreement:
            add(
                "speaker_edited",
                f"{name}: {_agreement(speaker) or 'not said whether they know'}"
                f" (was {_agreement(was) or 'not said'})",
                item=speaker.id,
            )
        for label, before, after in (
            (f"{name}'s relationship", was.relationship, speaker.relationship),
            (f"How to reach {name}", was.contact, speaker.contact),
        ):
            if _differs(before, after):
                add("speaker_edited", _field_change(label, before, after), item=speaker.id)
    for speaker in was_list:
        if speaker.id not in now_ids:
            name = _speaker_name(speaker, old)
            add(
                "speaker_removed",
                f"{name} is no longer named to speak for {whom}",
                f"{name} no longer speaks for {whom}",
                speaker.id,
            )


def _speaker_name(speaker: Spokesperson, plan: CarePlan | None = None) -> str:
    return _fold(called(speaker, plan)) or "Someone"


def _standing(speaker: Spokesperson) -> str:
    return _lower_first(vocab.label(vocab.STANDINGS, speaker.standing)) if speaker.standing else ""


def _agreement(speaker: Spokesperson) -> str:
    return (
        _lower_first(vocab.label(vocab.AGREEMENTS, speaker.agreement)) if speaker.agreement else ""
    )


def _lower_first(label: str) -> str:
    """A label inside a sentence: "Named in ... (US)" as "named in ... (US)"."""
    return label[:1].lower() + label[1:]


def _document_changes(
    was_list: list[PlanningDocument], now_list: list[PlanningDocument], add: Callable[..., None]
) -> None:
    was_by_id = {document.id: document for document in was_list}
    now_ids = {document.id for document in now_list}
    for document in now_list:
        name = _fold(document.kind_label)
        was = was_by_id.get(document.id)
        if was is None:
            text = f"{name}: recorded as existing"
            if document.dated:
                text += f", {_document_day(document)}"
            if _fold(document.kept_where):
                text += f"; the original is kept: {_quote(document.kept_where)}"
            add("document_added", text, f"{name} recorded", document.id)
            continue
        if was.kind_label != document.kind_label:
            add(
                "document_edited",
                f"{_fold(was.kind_label)} is now recorded as {name}",
                item=document.id,
            )
        if (was.dated, was.dated_as) != (document.dated, document.dated_as):
            add(
                "document_edited",
                f"{name}: {_document_day(document) or 'no date now'}"
                f" (was {_document_day(was) or 'no date'})",
                item=document.id,
            )
        for label, before, after in (
            (f"Where the {name} is kept", was.kept_where, document.kept_where),
            (f"Who has copies of the {name}", was.copies_with, document.copies_with),
        ):
            if _differs(before, after):
                add("document_edited", _field_change(label, before, after), item=document.id)
    for document in was_list:
        if document.id not in now_ids:
            name = _fold(document.kind_label)
            add(
                "document_removed",
                f"The {name} is no longer listed",
                f"{name} taken off",
                document.id,
            )


def _document_day(document: PlanningDocument) -> str:
    if document.dated is None:
        return ""
    said = "signed" if document.dated_as == "signed" else "last looked at"
    return f"{said} {day_in_words(document.dated)}"


def _wish_changes(old: CarePlan, new: CarePlan, add: Callable[..., None]) -> None:
    was_by_id = {wish.id: wish for wish in old.advance_care.wishes}
    now_ids = {wish.id for wish in new.advance_care.wishes}
    for wish in new.advance_care.wishes:
        was = was_by_id.get(wish.id)
        if was is None:
            add(
                "wish_added",
                f"{_wish_kind(wish)}: {_quote(wish.text)}, said by {voice_name(new, wish.voice)}",
                item=wish.id,
            )
            continue
        subject = _quote(wish.text)
        if _differs(was.text, wish.text):
            add("wish_changed", f"{_quote(was.text)} now reads {subject}", item=wish.id)
        if was.kind != wish.kind:
            add(
                "wish_changed",
                f"{subject} is now under {_wish_kind(wish)} (was {_wish_kind(was)})",
                item=wish.id,
            )
        if was.voice != wish.voice:
            add(
                "wish_changed",
                f"{subject} is now said by {voice_name(new, wish.voice)}"
                f" (was {voice_name(old, was.voice)})",
                item=wish.id,
            )
        for text in _view_changes(old, new, was.other_views, wish.other_views, subject):
            add("wish_changed", text, item=wish.id)
    for wish in old.advance_care.wishes:
        if wish.id not in now_ids:
            add(
                "wish_removed",
                f"Taken out: {_quote(wish.text)} ({_wish_kind(wish)})",
                item=wish.id,
            )


def _wish_kind(wish: CareWish) -> str:
    return vocab.label(vocab.WISH_KINDS, wish.kind)


def _quote(text: str) -> str:
    """Typed text quoted inside a sentence, whole: a comparison, an export or JSON read by another
    program must not lose the end of what someone wrote. Only the one-line summary shortens."""
    return f'"{_fold(text)}"'


def _shorten(text: str) -> str:
    """A phrase cut to fit a one-line summary, at a word where it can be."""
    if len(text) <= _QUOTE_LIMIT:
        return text
    cut = (
        text[:_QUOTE_LIMIT].rsplit(" ", 1)[0] if " " in text[:_QUOTE_LIMIT] else text[:_QUOTE_LIMIT]
    )
    return cut.rstrip(' ,.;:"') + "…"


def _differs(was: str, now: str) -> bool:
    """Different words, not just different spacing."""
    return _fold(was) != _fold(now)


def _field_change(label: str, was: str, now: str) -> str:
    if not _fold(was):
        return f"{label}: {_quote(now)} (new)"
    if not _fold(now):
        return f"{label}: no longer written down (was {_quote(was)})"
    return f"{label}: {_quote(now)} (was {_quote(was)})"


def _date_change(label: str, was: date | PartialDate | None, now: date | PartialDate | None) -> str:
    # a partial date reads as it was given ("March 1958"), never with a day
    if was is None:
        return f"{label}: {shown(now)} (new)"  # type: ignore[arg-type]
    if now is None:
        return f"{label}: no date now (was {shown(was)})"
    return f"{label}: moved from {shown(was)} to {shown(now)}"


def _and(items: Iterable[str]) -> str:
    words = list(items)
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]
