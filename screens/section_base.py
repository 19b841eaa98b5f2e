"""What every section screen shares: the working plan, the draft kept in step, Esc to go back.

A section screen subclasses SectionScreen, sets SECTION (an id from careplan.vocab.SECTIONS),
composes its own body in `compose_body()`, and calls `self.mark_changed()` after changing
`self.plan`. The header, the speaker bar and the footer come from here, so every screen shows who
is speaking and the keys, the same way.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Header, Static, TextArea

from careplan import vocab
from careplan.model import CarePlan
from careplan.working_plan import WorkingPlan
from careplan.screens.messages import PlanChanged


class SectionScreen(Screen[None]):
    SECTION: ClassVar[str] = ""
    HELP: ClassVar[str] = ""  # Markdown shown by F1: what this screen is for and its keys
    CHANGE_DELAY: ClassVar[float] = 0.5  # seconds of quiet typing before the draft is written

    READ_ONLY_NOTE = (
        "Read only: this plan is open for changes in another careplan window. "
        "You can look at everything here; close the other window to make changes."
    )

    BINDINGS = [
        Binding("escape", "back", "Back", id="back", tooltip="Go back; nothing typed is lost"),
    ]

    def __init__(self, working: WorkingPlan) -> None:
        super().__init__()
        self.working = working
        self._pending_change: Timer | None = None

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
            yield Static(self.READ_ONLY_NOTE, classes="read-only-note", markup=False)
        yield from self.compose_body()
        yield Footer()

    def compose_body(self) -> ComposeResult:
        raise NotImplementedError

    def on_mount(self) -> None:
        apply_width_classes(self)
        self.sub_title = f"{self.working.plan.about.called or 'New plan'} · {self.title_text}"
        if self.read_only:
            self.call_after_refresh(self.lock_editing)

    def mark_changed(self) -> None:
        """Call after changing self.plan: writes the draft and tells the app."""
        self._cancel_pending()
        self.working.changed()
        self.post_message(PlanChanged(self.SECTION))

    def mark_changed_soon(self) -> None:
        """Call while someone types: the draft is written when they pause, and always before the
        screen is left or covered, so nothing typed is lost."""
        self._cancel_pending()
        self._pending_change = self.set_timer(self.CHANGE_DELAY, self.flush_changes)

    def flush_changes(self) -> None:
        """Write a change still waiting for a pause in the typing (the app calls this before closing)."""
        if self._pending_change is not None:
            self.mark_changed()

    def lock_editing(self) -> None:
        """Read only: every field shows its words but takes no edits. Mark a widget `keep-enabled`
        to leave it usable (navigation, copying)."""
        for widget in self.query("Input, Select, Checkbox, RadioSet, Switch, Button").exclude(".keep-enabled"):
            widget.disabled = True
        for area in self.query(TextArea):
            area.read_only = True

    def on_screen_suspend(self) -> None:
        self.flush_changes()

    def on_unmount(self) -> None:
        self.flush_changes()

    def action_back(self) -> None:
        self.flush_changes()
        self.dismiss(None)

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
    screen.update_classes({name: name == (reached[-1] if reached else None) for _, name in breakpoints})
