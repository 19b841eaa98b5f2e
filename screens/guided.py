"""A guided session: a social worker walks the person and caregiver through the plan, step by step.

Each step is the section's own screen (from the registry, unchanged) with a guide added to it: a
strip saying "Step 3 of 8 · How things are now" with Back / Skip / Next, and a panel with that
step's suggested questions and the session notes. The step, the skipped steps and the notes live
only in the working plan's draft (`DraftExtra.guided_step`, `guided_skipped`, `session_notes`), so a
paused session resumes where it stopped, even after a restart.
"""

from __future__ import annotations

import copy
from functools import partial
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.timer import Timer
from textual.widgets import Button, Static, TextArea

from careplan import vocab
from careplan.screens.draft_keeper import keep_draft
from careplan.working_plan import WorkingPlan

if TYPE_CHECKING:
    from careplan.screens.app import CarePlanApp
    from careplan.screens.section_base import SectionScreen

STEPS: tuple[str, ...] = tuple(vocab.SECTIONS)  # who is here, what matters, how things are now, ...
WIDE_ENOUGH_FOR_PANEL = 100  # columns; narrower terminals start with the panel hidden (F8 shows it)
# Columns for the panel beside the step; narrower, it goes below it: beside, it took the room the
# step's own fields need (names in four characters, the symptom scale without 9 and 10).
WIDE_ENOUGH_BESIDE = 120


def paused_step(working: WorkingPlan) -> int | None:
    """The step a guided session kept in the draft is at, or None when there is none."""
    step = working.extra.guided_step
    return step if step is not None and 0 <= step < len(STEPS) else None


def step_title(step: int) -> str:
    return f"Step {step + 1} of {len(STEPS)} · {vocab.SECTIONS[STEPS[step]]}"


class GuidedSession:
    """Drives the steps. The app holds one while a session runs and routes F3-F5 and F8 to `move`."""

    def __init__(self, app: CarePlanApp, working: WorkingPlan) -> None:
        self.app = app
        self.working = working
        self.current: SectionScreen | None = None
        self.show_panel = app.size.width >= WIDE_ENOUGH_FOR_PANEL
        self._as_shown: object = None  # the step's part of the plan as it was when the step began

    @property
    def step(self) -> int:
        """The step the session is at (kept in the draft; the first when none is kept)."""
        return paused_step(self.working) or 0

    @property
    def skipped(self) -> set[int]:
        return set(self.working.extra.guided_skipped)

    def start(self) -> None:
        self.app.call_later(self._show, self.step)

    def move(self, how: str) -> None:
        """ "next", "skip", "back" to change step; "panel" to show or hide the questions and notes."""
        if self.current is None:
            return  # between two steps: the next one is on its way
        if self.app.screen is not self.current:
            self.app.notify("Close the window that is open first, then carry on with the session.")
            return
        if how in ("panel", "notes"):
            self.toggle_notes()
            return
        target = self.step - 1 if how == "back" else self.step + 1
        if not 0 <= target < len(STEPS):
            first_or_last = (
                "the first step" if target < 0 else "the last step: save here, or Esc to pause"
            )
            self.app.notify(f"This is {first_or_last}.")
            return
        skipped = self.skipped - {self.step}
        if how == "skip":
            skipped.add(self.step)
        self.working.extra.guided_skipped = sorted(skipped)
        self.current = None  # leaving by a step, not pausing
        self.app.pop_screen()
        self.app.call_later(self._show, target)

    def toggle_notes(self) -> None:
        """F8 and the strip's Notes button: show or hide the questions and notes, the cursor left
        where it is (the notes are a Tab or a click away). Hidden with the cursor in them, it goes
        back to the step, so typing never lands in notes nobody can see."""
        screen = self.current
        panels = screen.query(GuidePanel) if screen is not None else None
        if screen is None or not panels:
            return
        panel = panels.first()
        self.show_panel = panel.display = not panel.display
        if not self.show_panel and screen.focused is not None and panel in screen.focused.ancestors:
            focus_the_step(screen)

    def step_changed(self) -> None:
        """The step's own screen changed the plan: a step filled in after a skip is skipped no more."""
        screen = self.current
        if screen is None or self.step not in self.skipped:
            return
        if copy.deepcopy(getattr(self.working.plan, STEPS[self.step], None)) == self._as_shown:
            return  # kept, but nothing of this part changed (a date field left as it was)
        self.working.extra.guided_skipped = sorted(self.skipped - {self.step})
        for strip in screen.query(GuideStrip):
            strip.skipped = False
            strip.query_one(".guide-step", Static).update(strip.step_line)

    @property
    def ends_with_a_save(self) -> bool:
        """Whether the next save ends the session (it is at its last step), its notes with it."""
        return self.step == len(STEPS) - 1 or self.current is None

    def saved(self) -> None:
        """A version was saved. At the last step that ends the session (the save started the next
        draft without it); earlier (Ctrl+S on the way) the session carries on, its step and notes
        in the new draft (see Review and save's `session_goes_on`)."""
        if self.working.extra.guided_step is None or self.current is None:
            self.finish()
            return
        panels = self.current.query(GuidePanel)
        if panels:  # typed while the version was being written
            self.working.extra.session_notes = panels.first().notes
        keep_draft(self.app, self.working)

    def finish(self) -> None:
        """The session is done (saving cleared its step and notes from the draft; the review
        screen says where the notes went)."""
        self.app.guide = None
        if self.current is not None:
            for panel in self.current.query(GuidePanel):
                panel.forget_pending()  # the notes went into the saved version's note
            self.current.query(GuidePanel).remove()
            self.current.query(GuideStrip).remove()
            self.current.refresh_bindings()  # Esc is "Back" again, not "Pause"
        self.current = None
        self.app.notify("The guided session is finished. Well done, all of you.", title="Saved")

    async def _show(self, step: int) -> None:
        from careplan.screens import registry
        from careplan.screens.widgets.speaker import SpeakerBar

        self.working.extra.guided_step = step
        keep_draft(self.app, self.working)
        screen = registry.screen_for(STEPS[step], self.working)
        self.current = screen
        self._as_shown = copy.deepcopy(getattr(self.working.plan, STEPS[step], None))
        await self.app.push_screen(screen, callback=partial(self._left, screen))
        bars = screen.query(SpeakerBar)
        strip = GuideStrip(step, skipped=step in self.skipped)
        if bars:
            await screen.mount(strip, after=bars.first())
        else:
            await screen.mount(strip)
        panel = GuidePanel(self.working, STEPS[step])
        # Review and save needs its room below the changes (who, the note, how the session was
        # held): there the panel would go below, it starts hidden; F8 shows it.
        crowded = STEPS[step] == "review" and self.app.size.width < WIDE_ENOUGH_BESIDE
        panel.display = self.show_panel and not crowded
        await screen.mount(panel)
        focused = screen.focused
        if focused is None or panel in focused.ancestors:
            focus_the_step(screen)  # keys typed now are for the step, never the notes

    def _left(self, screen: SectionScreen, result: object) -> None:
        """The step's screen was dismissed (Esc): pause; the draft keeps the step and notes."""
        if screen is not self.current:
            return
        self.current = None
        self.app.guide = None
        self.app.notify(
            f"Paused at {step_title(self.step).lower()}. Resume it from the plan's home (G).",
            title="Guided session paused",
        )


def focus_the_step(screen: SectionScreen) -> None:
    """The cursor to the step's own first control: not the guide's strip or notes."""
    for widget in screen.focus_chain:
        if not any(isinstance(above, (GuideStrip, GuidePanel)) for above in widget.ancestors):
            screen.set_focus(widget, scroll_visible=False)
            return
    screen.set_focus(None)


class GuideStrip(Vertical):
    """Where the session is, and the way on: always visible above the step's own screen."""

    def __init__(self, step: int, skipped: bool = False) -> None:
        super().__init__(classes="guide-strip")
        self.step = step
        self.skipped = skipped

    @property
    def step_line(self) -> str:
        # "Esc Pause" in the footer's words; on this line, so the buttons fit in 50 columns (80
        # columns with the questions beside them).
        note = " (skipped earlier)" if self.skipped else ""
        return f"Guided session · {step_title(self.step)}{note} · Esc Pause"

    def compose(self) -> ComposeResult:
        yield Static(self.step_line, classes="guide-step", markup=False)
        with Horizontal(classes="guide-buttons"):
            yield Button("F3 Back", id="guide-back", compact=True, classes="keep-enabled")
            yield Button("F4 Skip", id="guide-skip", compact=True, classes="keep-enabled")
            yield Button(
                "F5 Next", id="guide-next", compact=True, classes="keep-enabled", variant="primary"
            )
            yield Button(
                "F8 Notes",
                id="guide-notes",
                compact=True,
                classes="keep-enabled",
                tooltip="Show or hide the questions and the session notes",
            )

    @on(Button.Pressed, ".guide-buttons Button")
    async def pressed(self, event: Button.Pressed) -> None:
        event.stop()
        move = (event.button.id or "").removeprefix("guide-")
        await self.app.run_action(f"guide('{move}')")


class GuidePanel(Vertical):
    """The step's suggested questions and the session notes (kept in the draft as they are typed)."""

    NOTES_DELAY = 0.5

    def __init__(self, working: WorkingPlan, section: str) -> None:
        super().__init__(classes="guide-panel")
        self.working = working
        self.section = section
        self._pending: Timer | None = None

    def compose(self) -> ComposeResult:
        from careplan.screens.widgets.questions import SuggestedQuestions

        yield SuggestedQuestions(self.section, classes="guide-questions")
        with Vertical(classes="guide-notes"):
            yield Static("Session notes (kept with the draft)", classes="guide-notes-title")
            notes = TextArea(
                self.working.extra.session_notes, id="session-notes", classes="keep-enabled"
            )
            notes.read_only = self.working.read_only
            yield notes

    def on_mount(self) -> None:
        notes = self.query_one("#session-notes", TextArea)
        notes.move_cursor(notes.document.end)  # what is typed next goes after the notes so far
        self.fit_to_width()

    def on_resize(self) -> None:
        self.fit_to_width()

    def fit_to_width(self) -> None:
        """Narrower than WIDE_ENOUGH_BESIDE, the panel goes below the step rather than beside it,
        so the step's fields keep their width (names, the whole 0-10 symptom scale)."""
        self.set_class(self.app.size.width < WIDE_ENOUGH_BESIDE, "-below")

    @on(TextArea.Changed, "#session-notes")
    def notes_changed(self, event: TextArea.Changed) -> None:
        event.stop()  # the notes belong to the session, not to the step's screen
        self.working.extra.session_notes = event.text_area.text
        if self._pending is not None:
            self._pending.stop()
        self._pending = self.set_timer(self.NOTES_DELAY, self.keep_waiting)

    @property
    def notes(self) -> str:
        return self.query_one("#session-notes", TextArea).text

    def forget_pending(self) -> None:
        if self._pending is not None:
            self._pending.stop()
            self._pending = None

    def keep_waiting(self) -> None:
        if self._pending is not None:
            self._pending.stop()
            self._pending = None
            keep_draft(self.app, self.working)

    def on_unmount(self) -> None:
        self.keep_waiting()
