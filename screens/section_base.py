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
from textual.widgets import Footer, Header

from careplan import vocab
from careplan.model import CarePlan
from careplan.working_plan import WorkingPlan
from careplan.screens.messages import PlanChanged


class SectionScreen(Screen[None]):
    SECTION: ClassVar[str] = ""
    HELP: ClassVar[str] = ""  # Markdown shown by F1: what this screen is for and its keys

    BINDINGS = [
        Binding("escape", "back", "Back", id="back", tooltip="Go back; nothing typed is lost"),
    ]

    def __init__(self, working: WorkingPlan) -> None:
        super().__init__()
        self.working = working

    @property
    def plan(self) -> CarePlan:
        return self.working.plan

    @property
    def title_text(self) -> str:
        return vocab.SECTIONS.get(self.SECTION, self.SECTION)

    def compose(self) -> ComposeResult:
        from careplan.screens.widgets.speaker import SpeakerBar

        yield Header()
        yield SpeakerBar(self.working)
        yield from self.compose_body()
        yield Footer()

    def compose_body(self) -> ComposeResult:
        raise NotImplementedError

    def on_mount(self) -> None:
        self.sub_title = f"{self.working.plan.about.called or 'New plan'} · {self.title_text}"

    def mark_changed(self) -> None:
        """Call after changing self.plan: writes the draft and tells the app."""
        self.working.changed()
        self.post_message(PlanChanged(self.SECTION))

    def action_back(self) -> None:
        self.dismiss(None)
