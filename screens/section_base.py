"""What every section screen shares: the working plan, the draft kept in step, Esc to go back.

A section screen subclasses SectionScreen, sets SECTION (an id from careplan.vocab.SECTIONS),
composes its own body in `compose_body()`, and calls `self.keep_draft()` after changing
`self.plan`. The header, the speaker bar and the footer come from here, so every screen shows who
is speaking and the keys, the same way.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Footer, Header, TextArea

from careplan import vocab
from careplan.model import CarePlan
from careplan.people import plan_title
from careplan.screens import draft_keeper
from careplan.screens.widgets.date_field import DateField
from careplan.working_plan import WorkingPlan


class SectionScreen(Screen[None]):
    SECTION: ClassVar[str] = ""
    HELP: ClassVar[str] = ""  # Markdown shown by F1: what this screen is for and its keys
    CHANGE_DELAY: ClassVar[float] = 0.5  # seconds of quiet typing before the draft is written
    FIRST_FIELD: ClassVar[str] = ""  # a selector: where the cursor goes when the screen is shown
    # Textual's own auto-focus scrolls the field to the middle, taking its label (and the screen's
    # top) out of sight; focus_on_arrival puts the cursor there without scrolling instead.
    AUTO_FOCUS = ""

    BINDINGS = [
        Binding("escape", "back", "Back", id="back", tooltip="Go back; nothing typed is lost"),
        # The same key during a guided session, named for what it does there (the strip says so too)
        Binding(
            "escape",
            "pause",
            "Pause",
            id="guide_pause",
            tooltip="Pause the guided session; resume it from the plan's home (G)",
        ),
    ]

    def __init__(self, working: WorkingPlan) -> None:
        super().__init__()
        self.working = working
        self._pending_change: Timer | None = None
        self.sent_to = ""  # a field someone is sent to ("Go to the date"): focused and shown

    @property
    def plan(self) -> CarePlan:
        return self.working.plan

    @property
    def read_only(self) -> bool:
        """True while another window holds the plan: show everything, change nothing."""
        return self.working.read_only

    @property
    def title_text(self) -> str:
        return vocab.SECTIONS.get(self.SECTION, self.SECTION)

    def compose(self) -> ComposeResult:
        from careplan.screens.widgets.speaker import SpeakerBar

        yield Header()
        yield SpeakerBar(self.working)
        if self.read_only:
            from careplan.screens.read_only import ReadOnlyNote

            yield ReadOnlyNote()
        yield from self.compose_body()
        yield Footer()

    def compose_body(self) -> ComposeResult:
        raise NotImplementedError

    def on_mount(self) -> None:
        apply_width_classes(self)
        self.sub_title = f"{plan_title(self.working.plan.about)} · {self.title_text}"
        if self.read_only:
            self.call_after_refresh(self.lock_editing)
        self.focus_on_arrival()

    def focus_on_arrival(self) -> None:
        """Put the cursor in the screen's first field (FIRST_FIELD), so typing never goes nowhere.

        Textual applies its AUTO_FOCUS only while the terminal says it has the focus, so it came and
        went between runs (tmux, a second window); here it does not depend on that. At once, not
        through Widget.focus (which waits its turn): a key pressed meanwhile (Ctrl+N, then a name)
        must not have its own focus taken back."""
        chosen = self.sent_to  # shown, wherever it is
        selector = chosen or self.FIRST_FIELD
        if self.focused is not None or not selector:
            return
        for widget in self.query(selector):
            if widget.focusable:
                self.set_focus(widget, scroll_visible=bool(chosen))
                return

    def send_cursor_to(self, selector: str) -> None:
        """On arrival, put the cursor in `selector` rather than the first field (and show it)."""
        self.sent_to = selector

    def focus_new_row(self, row: Widget, field: Widget) -> None:
        """A row just added: the cursor into its field at once (the next key is typed there), and
        the whole row brought into sight once it is laid out (before, it has no place to scroll to)."""
        self.set_focus(field, scroll_visible=False)
        self.call_after_refresh(row.scroll_visible, animate=False)

    def in_guided_session(self) -> bool:
        guide = getattr(self.app, "guide", None)
        return guide is not None and guide.current is self

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Esc is "Back", or "Pause" while this screen is a guided session's step."""
        if action in ("back", "pause"):
            return self.in_guided_session() == (action == "pause")
        return True

    def keep_draft(self) -> None:
        """Call after changing self.plan: the draft is kept now. One that cannot be written is
        said calmly (draft_keeper.keep_draft); the words stay, and the next change tries again."""
        self._cancel_pending()
        draft_keeper.keep_draft(self.app, self.working)
        self.refresh_bindings()  # keys that depend on there being changes (Discard) come and go
        self._tell_the_guide()

    def _tell_the_guide(self) -> None:
        """A guided session's step that was skipped, now filled in, loses its mark."""
        guide = getattr(self.app, "guide", None)
        if guide is not None and guide.current is self:
            guide.step_changed()

    def keep_draft_soon(self) -> None:
        """Call while someone types: the draft is kept when they pause, and always before the
        screen is left or covered (keep_waiting), so nothing typed is lost."""
        self._cancel_pending()
        self._pending_change = self.set_timer(self.CHANGE_DELAY, self._typing_paused)
        self._tell_the_guide()

    def _typing_paused(self) -> None:
        """Typing paused: keep the draft, but take no date in (a pause may fall mid-date)."""
        if self._pending_change is not None:
            self.keep_draft()

    def keep_waiting(self) -> None:
        """Keep what is still waiting for a pause in the typing, dates typed here taken in (every
        way of leaving comes here: see careplan.screens.draft_keeper), or try again a draft that
        could not be written."""
        if (
            self.take_typed_dates()
            or self._pending_change is not None
            or self.working.draft_problem is not None
        ):
            self.keep_draft()

    def take_typed_dates(self) -> bool:
        """Leaving the screen means done typing: each date field's whole text goes into the plan,
        or waits in the draft if it cannot be read. True when the plan or draft data changed."""
        return any([field.commit() for field in self.query(DateField)])

    @on(DateField.Typed)
    def date_typed(self) -> None:
        self.keep_draft_soon()  # the text is kept in the draft; the plan's date is not changed yet

    @on(DateField.Changed)
    def date_taken(self) -> None:
        self.keep_draft()

    def lock_editing(self) -> None:
        """Read only: every field shows its words but takes no edits. Mark a widget `keep-enabled`
        to leave it usable (navigation, copying)."""
        for widget in self.query("Input, Select, Checkbox, RadioSet, Switch, Button").exclude(
            ".keep-enabled"
        ):
            widget.disabled = True
        for area in self.query(TextArea):
            area.read_only = True

    def on_screen_suspend(self) -> None:
        self.keep_waiting()

    def on_unmount(self) -> None:
        self.keep_waiting()

    def action_back(self) -> None:
        self.keep_waiting()
        self.dismiss(None)

    def action_pause(self) -> None:
        self.action_back()  # leaving a step's screen pauses the session (GuidedSession._left)

    def _cancel_pending(self) -> None:
        if self._pending_change is not None:
            self._pending_change.stop()
            self._pending_change = None


def apply_width_classes(screen: Screen) -> None:
    """Give a screen the app's width classes (-narrow, -wide) before its first layout.

    Textual sets them on the first Resize, which can arrive after a pushed screen is first laid
    out; a TextArea laid out at the other width keeps wrapping its words at that width.
    """
    breakpoints = screen.HORIZONTAL_BREAKPOINTS
    if breakpoints is None:
        breakpoints = screen.app.HORIZONTAL_BREAKPOINTS
    if not breakpoints:
        return
    width = screen.app.size.width
    reached = [name for minimum, name in sorted(breakpoints) if width >= minimum]
    screen.update_classes(
        {name: name == (reached[-1] if reached else None) for _, name in breakpoints}
    )
