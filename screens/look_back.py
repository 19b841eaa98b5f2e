"""What the screens about a plan's past share: history, compare, goal journeys and export.

They look at saved versions rather than edit a part of the plan, so they are not SectionScreens:
nothing here writes the draft. Each shows the same header, speaker bar and footer as the rest of
the plan, goes back with Esc, and says what it is for on F1 (HELP).
"""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header

from careplan.people import plan_title
from careplan.store import VersionInfo
from careplan.styles import stylesheet
from careplan.working_plan import WorkingPlan


def saved_moment(value: datetime) -> str:
    """ "Thu 5 Nov 2026, 11:30": the day and time a version was saved, as it was written down."""
    return f"{value:%a} {value.day} {value:%b %Y}, {value:%H:%M}"


def version_label(info: VersionInfo) -> str:
    """ "Version 6 · Thu 5 Nov 2026, 11:30 · by Maggie and Tom": which version, when, who."""
    label = f"Version {info.number} · {saved_moment(info.saved_at)}"
    if info.saved_by.strip():
        label += f" · by {' '.join(info.saved_by.split())}"
    return label


class LookBackScreen(Screen[None]):
    """A screen about the open plan's saved versions. Subclasses set TITLE_TEXT and HELP and
    compose their own body in `compose_body()`."""

    CSS_PATH = stylesheet("history.tcss")

    TITLE_TEXT: ClassVar[str] = ""
    HELP: ClassVar[str] = ""  # Markdown shown by F1: what this screen is for and its keys

    BINDINGS = [
        Binding("escape", "back", "Back", id="look_back", tooltip="Go back to where you were"),
    ]

    def __init__(self, working: WorkingPlan) -> None:
        super().__init__()
        self.working = working

    @property
    def title_text(self) -> str:
        return self.TITLE_TEXT

    def compose(self) -> ComposeResult:
        from careplan.screens.widgets.speaker import SpeakerBar

        yield Header()
        yield SpeakerBar(self.working)
        yield from self.compose_body()
        yield Footer()

    def compose_body(self) -> ComposeResult:
        raise NotImplementedError

    def on_mount(self) -> None:
        name = plan_title(self.working.plan.about, self.working.file.person)
        self.sub_title = f"{name} · {self.title_text}"

    def action_back(self) -> None:
        self.dismiss(None)
