"""Review and save: what changed since the last version, who is saving, then a new version.

Problems that stop a save are listed in plain words with a way straight to the part that needs a
look. Discarding goes back to the last saved version, after a clear question.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, cast

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, Label, Select, Static
from textual.worker import Worker, WorkerState

from careplan import vocab
from careplan.date_fields import looking
from careplan.dates import day_in_words, describe_date, parse_date
from careplan.errors import CarePlanError, ValidationError
from careplan.review_wording import (
    changes_text,
    join_note,
    problem_place,
    waiting_dates_text,
    who_is_saving,
)
from careplan.screens import clock
from careplan.screens.messages import PlanSaved, SpeakerChanged
from careplan.screens.section_base import SectionScreen
from careplan.screens.widgets.date_field import DateField
from careplan.screens.widgets.text_box import TextBox
from careplan.store import VersionInfo
from careplan.voices import facilitator_name

if TYPE_CHECKING:
    from collections.abc import Sequence

    from careplan.date_fields import WaitingDate
    from careplan.model import CarePlan
    from careplan.screens.app import CarePlanApp

READ_ONLY_SAVE = (
    "This window can only read the plan, so it cannot save. Once the other careplan window is closed, "
    "Ctrl+E makes changes possible here."
)
KEEP_NOTES_LABEL = "Also put the session notes in this version's note"
KEEP_NOTES_DETAIL = (
    "The session notes are kept with this version for you to read in History. The version's note"
    " shows in history and the family's exports: tick only if everyone is happy for them to be there."
)


class ReviewScreen(SectionScreen):
    SECTION = "review"
    HELP = """\
**Review and save.** Read what has changed since the last saved version, say who is at the
keyboard, add a note if you like, then Save: that makes a new numbered version, kept for good.

- If something needs a look first, it is listed with a button that goes straight to it.
- A draft started from an older version (History, N) starts with the note "Restored from
  version N"; change it if you like.
- Discard changes goes back to the last saved version (it asks first).
- Ctrl+S saves from here too.
"""

    BINDINGS = [
        # A priority key, or "Who is at the keyboard" would take Ctrl+D (delete to the right) first.
        # check_action lets it through to the field when there is nothing to discard.
        Binding(
            "ctrl+d",
            "discard",
            "Discard changes",
            id="review_discard",
            priority=True,
            tooltip="Go back to the last saved version (asks first)",
        ),
    ]

    _saving = False  # a save is running: Save again, Discard and Esc wait for it
    _session_goes_on = False  # the last save was on the way through a guided session, not its end
    _problems_shown = False  # problems are listed above: keep the list true as things are fixed

    class Finished(Message):
        """The save worker is done: `info` on success, else the error to show."""

        def __init__(self, info: VersionInfo | None, error: CarePlanError | None = None) -> None:
            super().__init__()
            self.info = info
            self.error = error

    @property
    def careplan(self) -> CarePlanApp:
        return cast("CarePlanApp", self.app)

    def compose_body(self) -> ComposeResult:
        plan, working = self.plan, self.working
        with VerticalScroll(classes="section-body", id="review-body"):
            if working.recovered:
                yield Static(
                    "These changes were kept from last time. Save them as a new version, or discard "
                    f"them to go back to version {working.base_number}.",
                    classes="calm-note",
                    id="recovered-note",
                )
            yield Static(
                changes_text(working.base, plan, working.base_number),
                id="review-changes",
                markup=False,
            )
            yield Vertical(id="review-problems")
            yield Label("When to look at the plan again (next review)", classes="field-label")
            yield DateField(working, "next_review", id="next-review")
            # The day the conversation happened: typing up yesterday's visit says so.
            yield Label("Day of this conversation (blank: today)", classes="field-label")
            yield TextBox(
                working.extra.review_session_day or self.chosen_session_day(),
                id="session-day",
                placeholder="today, or e.g. yesterday, 12 Mar",
            )
            yield Static("", id="session-day-message", classes="field-message", markup=False)
            if self.private_notes():
                # Private working notes: saved with the version as their own field, and in its
                # note (which the family's export shows) only when someone ticks this, each save.
                yield Checkbox(KEEP_NOTES_LABEL, value=False, id="keep-notes")
                yield Static(KEEP_NOTES_DETAIL, classes="calm-note", id="keep-notes-detail")
            if self.in_a_session:
                yield from self.compose_session_way()
        # Who, the note and Save stay in view below the changes, however long the list is.
        with Vertical(id="review-form"):
            with Horizontal(id="review-fields"):
                with Vertical():
                    yield Label("Who is at the keyboard", classes="field-label")
                    who = working.extra.review_saved_by
                    in_guided = self.careplan.guide is not None
                    if who is None:
                        # A guided session is saved by whoever runs it, not whoever spoke last.
                        who = facilitator_name(plan) if in_guided else ""
                        who = who or ("" if in_guided else who_is_saving(plan, working.speaker))
                    # A guess to check, never taken away by the first key typed into it.
                    yield TextBox(
                        str(who),
                        id="saved-by",
                        placeholder="the facilitator's name" if in_guided else "your name or names",
                        select_on_focus=False,
                    )
                with Vertical():
                    yield Label("A note for this version (optional)", classes="field-label")
                    note = working.extra.review_note
                    if note is None:
                        note = self.suggested_note()
                    yield TextBox(
                        str(note),
                        id="version-note",
                        placeholder="e.g. after seeing Dr Rao",
                    )
            yield Static("", id="saved-by-message", classes="field-message", markup=False)
            with Horizontal(classes="button-row"):
                yield Button("Save as a new version", id="save", variant="primary", compact=True)
                yield Button("Discard changes", id="discard", compact=True)
                yield Static("", id="review-result", markup=False)

    @property
    def in_a_session(self) -> bool:
        """A guided session is going, or left notes or how it happened in the draft."""
        return (
            self.careplan.guide is not None
            or bool(self.private_notes())
            or self.working.session_said
        )

    def compose_session_way(self) -> ComposeResult:
        """How the session happened, kept with the version like the session notes (History, the
        care team's export), never in the family's export."""
        extra = self.working.extra
        with Horizontal(id="session-way"):  # one row, so the rest of the screen stays in view
            with Vertical(id="session-kind-column"):
                yield Label("How the session was held", classes="field-label")
                yield Select(
                    [(label, kind) for kind, label in vocab.SESSION_KINDS.items()],
                    prompt="Not said",
                    value=extra.session_kind
                    if extra.session_kind in vocab.SESSION_KINDS
                    else Select.NULL,
                    id="session-kind",
                )
            with Vertical():
                yield Label("Language (optional)", classes="field-label")
                yield TextBox(
                    extra.session_language, id="session-language", placeholder="e.g. Polish"
                )
            with Vertical():
                yield Label("Interpreter (optional)", classes="field-label")
                yield TextBox(
                    extra.session_interpreter,
                    id="session-interpreter",
                    placeholder="name or service",
                )

    @on(Select.Changed, "#session-kind")
    def remember_session_kind(self, event: Select.Changed) -> None:
        value = event.value
        self.working.extra.session_kind = value if isinstance(value, str) else ""

    def suggested_note(self) -> str:
        """What the note box starts with: for a draft started from an older version, the words
        `careplan restore` saves, so the history says which version came back. Theirs to change."""
        from careplan.history import restore_note

        working = self.working
        restored = working.restored_from
        return restore_note(restored) if restored is not None and working.has_changes else ""

    def on_mount(self) -> None:
        super().on_mount()
        if self.working.base_number is None or self.read_only:
            self.query_one("#discard", Button).display = False  # nothing saved to go back to
        if self.read_only:
            self.query_one("#save", Button).display = False
            self.say(READ_ONLY_SAVE)
        else:
            # The note first: what was said about this version; who is saving is just below it.
            self.set_focus(self.query_one("#version-note", Input), scroll_visible=False)

    def on_screen_resume(self) -> None:
        self.refresh_changes()  # back from fixing something
        self.recheck_problems()
        self.refresh_bindings()

    def recheck_problems(self) -> None:
        """Once problems are listed, keep the list true: what has been put right goes at once
        (a date now readable, a part fixed elsewhere), and the line below says so."""
        if not self._problems_shown or self._saving:
            return
        from careplan.date_fields import waiting_dates
        from careplan.validation import problems

        found = problems(self.working.to_be_saved)
        # a date being typed that reads well now is taken in when the field is left or saved
        waiting = [date for date in waiting_dates(self.working.extra) if date.problem]
        self.show_problems(found, waiting)
        if waiting:
            self.say(waiting_dates_text(waiting))
        elif found:
            self.say("A few things need a look before this can be saved; they are listed above.")
        else:
            self.say("Everything that needed a look is put right; save when you are ready.")

    @on(DateField.Typed)
    @on(DateField.Changed)
    def _date_fixed(self) -> None:
        self.call_after_refresh(self.recheck_problems)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "discard":  # in the footer only while there is something to discard
            working = self.working
            return not working.read_only and working.base_number is not None and working.has_changes
        return super().check_action(action, parameters)

    def refresh_changes(self) -> None:
        working = self.working
        self.query_one("#review-changes", Static).update(
            changes_text(working.base, self.plan, working.base_number)
        )

    # --- fields -----------------------------------------------------------------------------

    @on(Input.Changed, "#saved-by")
    def clear_saved_by_message(self) -> None:
        self.query_one("#saved-by-message", Static).update("")

    @on(Input.Changed, "#session-day")
    def echo_session_day(self, event: Input.Changed) -> None:
        """Say at once which day the text reads as, or what is wrong with it (never a stale word)."""
        day, problem = read_session_day(event.value)
        message = self.query_one("#session-day-message", Static)
        if problem:
            message.update(problem)
        elif day is not None:
            message.update(f"The version will say the conversation was on {describe_date(day)}.")
        else:
            message.update("")

    @on(Input.Changed, "#saved-by, #version-note, #session-day, #session-language")
    @on(Input.Changed, "#session-interpreter")
    def remember_typing(self, event: Input.Changed) -> None:
        """Kept with the working plan (and its draft), so going off to fix something and coming
        back finds them as typed; a save starts the next version's afresh."""
        if event.input.has_focus:  # typed, not set by careplan
            extra = self.working.extra
            if event.input.id == "saved-by":
                extra.review_saved_by = event.value
            elif event.input.id == "version-note":
                extra.review_note = event.value
            elif event.input.id == "session-language":
                extra.session_language = event.value
            elif event.input.id == "session-interpreter":
                extra.session_interpreter = event.value
            else:
                extra.review_session_day = event.value

    @on(SpeakerChanged)
    def follow_speaker(self, event: SpeakerChanged) -> None:
        """F2 changes who is at the keyboard too, unless a name was typed there by hand."""
        field = self.query_one("#saved-by", Input)
        if field.value in {who_is_saving(self.plan, voice) for voice in vocab.VOICES} | {""}:
            field.value = who_is_saving(self.plan, event.voice)

    # --- saving -----------------------------------------------------------------------------

    @on(Button.Pressed, "#save")
    @on(Input.Submitted, "#saved-by, #version-note")
    def action_save(self) -> None:
        if self.read_only:
            self.say(READ_ONLY_SAVE)
            return
        if self._saving:  # a second Enter or Ctrl+S: one version, not two
            self.say("Still saving; one moment.")
            return
        from careplan.date_fields import waiting_dates
        from careplan.validation import problems

        self.keep_waiting()  # takes in the next review date typed here just before saving
        found = problems(self.working.to_be_saved)
        waiting = waiting_dates(self.working.extra)
        self.show_problems(found, waiting)
        saved_by = self.query_one("#saved-by", Input).value.strip()
        if not saved_by:
            self.query_one("#saved-by-message", Static).update(
                "Please type who is saving, so the history shows who was there."
            )
            self.query_one("#saved-by", Input).focus()
            return
        if waiting:
            self.say(waiting_dates_text(waiting))
            return
        session_day, problem = read_session_day(self.query_one("#session-day", Input).value)
        if problem:
            self.query_one("#session-day-message", Static).update(problem)
            self.query_one("#session-day", Input).focus()
            return
        if found:
            self.say("A few things need a look before this can be saved; they are listed above.")
            return
        if not self.take_session_day(session_day):
            return
        if (
            not self.working.has_changes
            and not self.private_notes()
            and not self.working.session_said
        ):
            self.say(
                f"Nothing has changed since version {self.working.base_number}, so there is nothing new to save."
            )
            return
        self._saving = True
        self.query_one("#save", Button).disabled = True
        self.say("Saving…")
        # The version is the plan as it is now; anything typed while it is written stays a change.
        self._session_goes_on = not self.notes_end_with_this_save
        self.save_version(
            self.working.snapshot(),
            saved_by,
            self.version_note(),
            self.private_notes(),
            session_day,
            self._session_goes_on,
        )

    def chosen_session_day(self) -> str:
        """The day set before Review (on the plan's home), in words; "" for today."""
        chosen = self.working.extra.session_day
        return day_in_words(chosen) if chosen is not None else ""

    @on(Input.Blurred, "#session-day")
    def _session_day_left(self, event: Input.Blurred) -> None:
        day, problem = read_session_day(event.value)
        if not problem and not self.working.read_only and self.take_session_day(day):
            self.keep_draft()

    def take_session_day(self, day: dt.date | None) -> bool:
        """Make `day` (None: today) the draft's session day; what is new in the draft moves with
        it. False, with the reason shown, when it cannot be (a day after the app's today)."""
        try:
            self.working.set_session_day(day, clock.today(self.app))
        except CarePlanError as problem:
            self.query_one("#session-day-message", Static).update(str(problem))
            return False
        return True

    @property
    def notes_end_with_this_save(self) -> bool:
        guide = self.careplan.guide
        return guide is None or guide.ends_with_a_save

    @property
    def keeps_session_notes(self) -> bool:
        """Whether this save also takes the session notes into the version's note (they are kept
        with the version anyway, which is reason enough to save one of an unchanged plan: a session
        may be all talk, and that is worth keeping)."""
        keep = self.query("#keep-notes")
        return bool(keep) and cast(Checkbox, keep.first()).value and bool(self.private_notes())

    def version_note(self) -> str:
        note = self.query_one("#version-note", Input).value.strip()
        if self.keeps_session_notes:
            note = join_note(note, f"Session notes: {self.private_notes()}")
        return note

    def private_notes(self) -> str:
        """The session notes as they are at this save, kept with the version as their own field."""
        return self.working.extra.session_notes.strip()

    @work(thread=True, exclusive=True, exit_on_error=False, group="save")
    def save_version(
        self,
        snapshot: CarePlan,
        saved_by: str,
        note: str,
        session_notes: str = "",
        session_day: dt.date | None = None,
        session_goes_on: bool = False,
    ) -> None:
        try:
            self.post_message(
                self.Finished(
                    self.working.save_version(
                        saved_by,
                        note,
                        plan=snapshot,
                        session_notes=session_notes,
                        session_date=session_day,
                        session_goes_on=session_goes_on,
                    )
                )
            )
        except CarePlanError as error:
            self.post_message(self.Finished(None, error))

    @on(Finished)
    def saved(self, event: Finished) -> None:
        self._saving = False
        self.query_one("#save", Button).disabled = False
        if event.info is None:
            if isinstance(event.error, ValidationError):
                self.show_problems(event.error.problems)
                self.say(
                    "A few things need a look before this can be saved; they are listed above."
                )
            else:
                self.say(f"Not saved: {event.error}")
            return
        info = event.info
        if self.working.has_changes:  # typed while saving: back into the draft the save cleared
            self.keep_draft()
        self.query("#recovered-note").remove()
        self.refresh_changes()
        self.query_one("#discard", Button).display = True
        self.query_one("#version-note", Input).value = ""
        self.say_where_the_notes_went(info.number)
        self.query("#keep-notes, #keep-notes-detail").remove()
        self.say(f"Saved as version {info.number}. It is kept for good; Esc goes back to the plan.")
        self.notify(f"Version {info.number} saved.", title="Saved")
        self.post_message(PlanSaved(info))
        self.refresh_bindings()

    def say_where_the_notes_went(self, number: int) -> None:
        """When a save ends the session notes' life in the draft, say where they are now."""
        keep = self.query("#keep-notes")
        if not keep or self._session_goes_on:
            return
        if cast(Checkbox, keep.first()).value:
            self.notify(f"The session notes are in version {number}'s note.", title="Session notes")
        else:
            self.notify(
                f"The session notes are kept with version {number}, out of its note.",
                title="Session notes",
            )

    @on(Worker.StateChanged)
    def save_failed(self, event: Worker.StateChanged) -> None:
        """Not a CarePlanError (those arrive as Finished): still said calmly, never a traceback."""
        if event.worker.group == "save" and event.state == WorkerState.ERROR:
            self._saving = False
            self.query_one("#save", Button).disabled = False
            self.say(
                "Not saved: something unexpected went wrong. Versions already saved are untouched and "
                "what you typed is still here; please try Save again."
            )

    def show_problems(self, found: dict[str, str], waiting: Sequence[WaitingDate] = ()) -> None:
        box = self.query_one("#review-problems", Vertical)
        box.remove_children()
        self._problems_shown = bool(found or waiting)
        if not found and not waiting:
            return
        widgets: list[Widget] = [
            Static("Before saving, these need a look:", classes="problems-title")
        ]
        for date in waiting:
            section = date.field.section
            where = (
                "Next review"
                if section == "review"
                else f"{vocab.SECTIONS[section]}, {date.field.label}"
            )
            problem = date.problem or f'"{date.text}" was typed but not yet taken into the plan'
            go = "Go to the date" if section == "review" else f"Go to {vocab.SECTIONS[section]}"
            widgets.append(
                Horizontal(
                    Static(
                        f"• {where}: {problem.rstrip('.')}.", classes="problem-text", markup=False
                    ),
                    Button(
                        go,
                        name=date.key or date.field.key,
                        classes="fix-button date-fix-button",
                        compact=True,
                    ),
                    classes="problem-row",
                )
            )
        for index, (path, message) in enumerate(found.items()):
            section, where = problem_place(path)
            parts: list[Static | Button] = [
                Static(f"• {where}: {message}.", classes="problem-text", markup=False)
            ]
            if section != "review":
                parts.append(
                    Button(
                        f"Go to {vocab.SECTIONS[section]}",
                        id=f"fix-{index}-{section}",
                        classes="fix-button -section",
                        compact=True,
                    )
                )
            widgets.append(Horizontal(*parts, classes="problem-row"))
        box.mount_all(widgets)

    @on(Button.Pressed, ".date-fix-button")
    def go_to_date(self, event: Button.Pressed) -> None:
        """Straight to a date that could not be read, with the cursor in it."""
        from careplan.date_fields import field_info

        event.stop()
        key = event.button.name or ""
        field = field_info(key)
        if field is None:
            return
        selector = f".{DateField.css_class(key)} > .date-input"
        if field.section == "review":
            self.query_one(selector).focus()
            return
        self.keep_waiting()
        self.careplan.open_section(field.section)
        arriving = self.app.screen  # the section's screen is on the stack, not yet shown
        if isinstance(arriving, SectionScreen):
            arriving.send_cursor_to(selector)

    @on(Button.Pressed, ".fix-button.-section")
    def go_fix(self, event: Button.Pressed) -> None:
        section = (event.button.id or "").split("-", 2)[-1]
        self.keep_waiting()
        self.careplan.open_section(section)

    def say(self, text: str) -> None:
        self.query_one("#review-result", Static).update(text)

    def action_back(self) -> None:
        if self._saving:  # stay to say how the save went, and to keep later typing in the draft
            self.say("Saving… one moment, then Esc goes back.")
            return
        super().action_back()

    # --- discarding -------------------------------------------------------------------------

    @on(Button.Pressed, "#discard")
    def action_discard(self) -> None:
        from careplan.screens.open_parts import wait_for_parts_underneath
        from careplan.screens.widgets.confirm import ConfirmScreen

        working = self.working
        if working.read_only or working.base_number is None:
            return
        if self._saving:
            self.say("Saving… one moment; then the changes can be discarded.")
            return
        if wait_for_parts_underneath(self, "discard the changes"):
            return
        if not working.has_changes:
            self.say(
                f"Nothing to discard: the plan is as it was saved in version {working.base_number}."
            )
            return
        self.app.push_screen(
            ConfirmScreen(
                "Discard the changes?",
                f"Everything changed since version {working.base_number} will be let go, and the plan goes "
                f"back to how it was saved in version {working.base_number}. Saved versions are not touched.",
                yes="Discard the changes",
                no="No, keep them",
            ),
            callback=self.discard_decided,
        )

    def discard_decided(self, discard: bool | None) -> None:
        if not discard:
            return
        self._cancel_pending()
        try:
            self.working.discard_changes()
        except CarePlanError as error:
            self.say(str(error))
            return
        self.query("#recovered-note").remove()
        self.query_one("#next-review", DateField).reset()
        self.query_one("#saved-by-message", Static).update("")
        self.query_one(
            "#version-note", Input
        ).value = self.suggested_note()  # no "Restored from" left over
        self.refresh_changes()
        self.refresh_bindings()
        self.show_problems({})
        self.say(f"Changes discarded. The plan is as it was in version {self.working.base_number}.")


def read_session_day(text: str) -> tuple[dt.date | None, str]:
    """(the day typed, or None for blank = today; a kind one-line problem, or "")."""
    from careplan.errors import InvalidDate

    if not text.strip():
        return None, ""
    try:
        day = parse_date(text, looking=looking("session_date"))
    except InvalidDate as error:
        return None, str(error)
    if day > dt.date.today():
        return (
            None,
            f"{describe_date(day)} has not happened yet; the day of the conversation is today or earlier.",
        )
    return day, ""
