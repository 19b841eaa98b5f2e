"""A plan being changed in the app: the latest saved version plus edits, kept safe as a draft.

Screens change `working.plan` in place and call `keep_draft()`; the draft on disk then holds every
word typed, so a closed terminal or a crash loses nothing. `save_version()` makes it a version.
No Textual here: the same object drives tests and any future front end.
"""

from __future__ import annotations

import copy
from datetime import date

from careplan import vocab
from careplan.checkins import asked_nothing, same_as_saved
from careplan.drafts import DraftExtra
from careplan.errors import CarePlanError
from careplan.model import CarePlan, CheckIn
from careplan.store import PlanFile, VersionInfo
from careplan.validation import tidy, without_blank_rows


class WorkingPlan:
    def __init__(self, plan_file: PlanFile, use_draft: bool = True) -> None:
        self.file = plan_file
        self.base_number = plan_file.latest
        self.base = plan_file.load() if self.base_number is not None else CarePlan()
        # DamagedFile propagates: the caller says so and offers the saved version (use_draft=False
        # shows it without reading the draft, e.g. read-only while another window writes it)
        draft = plan_file.draft() if use_draft else None
        if draft is not None:
            self.plan = draft.plan
            self.extra = draft.extra
        else:
            self.plan = self._fresh_from_base()
            self.extra = DraftExtra()
        self.recovered = draft is not None and self.base_number is not None and self.has_changes
        # Why the last draft write failed (a full disk, a folder gone): the words are only in memory
        # until a write works again. None once one does.
        self.draft_problem: CarePlanError | None = None

    @property
    def read_only(self) -> bool:
        return self.file.read_only

    @property
    def to_be_saved(self) -> CarePlan:
        """The plan as a save would keep it: rows added and left empty are no part of it (a shallow
        copy only when there are such rows)."""
        return without_blank_rows(self.plan)

    def _fresh_from_base(self) -> CarePlan:
        """A new version starts from the saved one, with a check-in not asked yet: last time's
        answers are shown beside it, never copied into it."""
        plan = copy.deepcopy(self.base)
        plan.checkin = CheckIn()
        return plan

    def unsaved(self, section: str) -> bool:
        """Whether a part of the plan (a CarePlan field) differs from the saved version (a
        check-in not asked yet this time is no change)."""
        if section == "checkin" and asked_nothing(self.plan.checkin):
            return False
        if section == "team":  # the team's screen edits its people and the needs they cover
            return (self.to_be_saved.team, self.to_be_saved.needs) != (
                self.base.team,
                self.base.needs,
            )
        return getattr(self.to_be_saved, section) != getattr(self.base, section)

    @property
    def has_changes(self) -> bool:
        return not same_as_saved(self.to_be_saved, self.base)

    @property
    def words_waiting(self) -> bool:
        """Words kept beside the plan that a save would take in: a date typed that could not be
        read yet, a guided session's notes."""
        return bool(self.extra.typed_dates) or bool(self.extra.session_notes.strip())

    @property
    def session_said(self) -> bool:
        """Whether anything was said of how a session happened (its kind, language, interpreter)."""
        extra = self.extra
        return bool(
            extra.session_kind
            or extra.session_language.strip()
            or extra.session_interpreter.strip()
        )

    @property
    def restored_from(self) -> int | None:
        """The older version this draft was started from (kept in the draft, so it lasts through a
        restart); None for a draft started from the latest version as usual."""
        number = self.extra.restored_from
        return None if number == self.base_number else number

    @property
    def speaker(self) -> vocab.Voice:
        """Who is speaking now (vocab.VOICES); kept in the draft, so it lasts through a restart."""
        return self.extra.speaker

    def set_speaker(self, voice: str) -> None:
        if voice not in vocab.VOICES:
            raise CarePlanError(f'"{voice}" is not one of: {", ".join(vocab.VOICES)}')
        self.extra.speaker = vocab.one_of(voice, vocab.VOICES)

    def next_speaker(self) -> vocab.Voice:
        """Person -> caregiver -> together -> person: the one-key toggle."""
        order = list(vocab.VOICES)
        self.set_speaker(order[(order.index(self.speaker) + 1) % len(order)])
        return self.speaker

    def session_day(self, today: date) -> date:
        """The day of the conversation this draft records: the one set, else `today`. New goals,
        adaptations, ends, lifestyle changes, treatment decisions and team members default to it."""
        chosen = self.extra.session_day
        return chosen if chosen is not None and chosen <= today else today

    def set_session_day(self, day: date | None, today: date) -> None:
        """Say the conversation was on `day` (None: today; never a future day). Dated things new in
        this draft that still carry the old session day move with it; nothing saved changes."""
        day = day or today
        if day > today:
            raise CarePlanError(
                f"{day.day} {day:%B %Y} has not happened yet; the day of the conversation is "
                "today or earlier."
            )
        old = self.session_day(today)
        self.extra.session_day = None if day == today else day
        if day != old:
            self._move_new_dates(old, day)

    def _move_new_dates(self, old: date, new: date) -> None:
        """Dates set in this draft (not in the base version) that are `old`, made `new`."""
        saved_goals = {goal.id: goal for goal in self.base.goals}
        for goal in self.plan.goals:
            saved = saved_goals.get(goal.id)
            if saved is None and goal.started_on == old:
                goal.started_on = new
            if goal.ended_on == old and (saved is None or saved.ended_on != old):
                goal.ended_on = new
        saved_changes = {change.id for change in self.base.modifications}
        for change in self.plan.modifications:
            if change.id not in saved_changes and change.since == old:
                change.since = new
        saved_decisions = {decision.id for decision in self.base.treatment_decisions}
        for decision in self.plan.treatment_decisions:
            if decision.id not in saved_decisions and decision.decided_on == old:
                decision.decided_on = new
        saved_members = {member.id for member in self.base.team}
        for member in self.plan.team:
            if member.id not in saved_members and member.joined_on == old:
                member.joined_on = new
        advance = self.plan.advance_care
        if advance.not_now_on == old and self.base.advance_care.not_now_on != old:
            advance.not_now_on = new

    def keep_draft(self) -> None:
        """Keep the draft on disk in step with what is on screen."""
        if self.read_only:
            return
        try:
            self.file.keep_draft(
                self.plan,
                based_on=self.base_number,
                extra=self.extra,
                changes=self.has_changes or self.words_waiting,
            )
        except CarePlanError as problem:
            self.draft_problem = problem
            raise
        self.draft_problem = None

    def snapshot(self) -> CarePlan:
        """The plan as it is now, to save as a version while typing goes on. Its text is tidied in
        the plan first (as saving would), so once saved the plan on screen equals the version.
        Rows added and left empty are left out."""
        return copy.deepcopy(without_blank_rows(tidy(self.plan)))

    def save_version(
        self,
        saved_by: str,
        note: str = "",
        plan: CarePlan | None = None,
        session_notes: str = "",
        session_date: date | None = None,
        session_goes_on: bool = False,
    ) -> VersionInfo:
        """Save `plan` (a snapshot taken where the typing happens; by default one taken now) as a
        new version. Anything typed into `self.plan` since the snapshot stays a change: call
        `keep_draft()` afterwards if `has_changes`, since the save clears the draft.

        The next draft starts afresh with the same speaker; a guided session that `goes on` past
        this save keeps its step, skipped steps and notes in it (otherwise the save ends it)."""
        saved = self.snapshot() if plan is None else plan
        info = self.file.save_version(
            saved,
            saved_by=saved_by,
            note=note,
            session_notes=session_notes,
            session_date=session_date or self.extra.session_day,
            session_kind=self.extra.session_kind,
            session_language=self.extra.session_language,
            session_interpreter=self.extra.session_interpreter,
        )
        self.base_number = info.number
        self.base = saved
        if self.plan.checkin == saved.checkin:
            self.plan.checkin = CheckIn()  # the next version's check-in is asked afresh
        before = self.extra
        self.extra = DraftExtra(speaker=before.speaker)
        if session_goes_on:
            self.extra.guided_step = before.guided_step
            self.extra.guided_skipped = list(before.guided_skipped)
            self.extra.session_notes = before.session_notes
            self.extra.session_day = before.session_day
            self.extra.session_kind = before.session_kind
            self.extra.session_language = before.session_language
            self.extra.session_interpreter = before.session_interpreter
        self.recovered = False
        self.draft_problem = None
        return info

    def start_from(self, number: int) -> None:
        """Take an older version as the starting point of the draft (history is not rewritten)."""
        self.plan = self.file.load(number)
        self.extra.restored_from = number
        self.keep_draft()

    def discard_changes(self) -> None:
        """Drop the draft and go back to the last saved version."""
        self.plan = self._fresh_from_base()
        self.extra = DraftExtra(speaker=self.speaker)
        self.recovered = False  # what comes next is typed now, not kept from last time
        if not self.read_only:
            self.file.discard_draft()
