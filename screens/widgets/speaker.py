"""Who is speaking: the person, their caregiver, or both together. Always visible, one key away."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from careplan.voices import voice_name
from careplan.working_plan import WorkingPlan


class SpeakerBar(Horizontal):
    """Shows the current speaker as words (not colour alone); F2 (an app binding) changes it."""

    DEFAULT_CSS = """
    SpeakerBar { height: 1; padding: 0 1; }
    SpeakerBar > #speaker-label { width: auto; }
    """

    def __init__(self, working: WorkingPlan) -> None:
        super().__init__()
        self.working = working

    def compose(self) -> ComposeResult:
        yield Static(self._text(), id="speaker-label")

    def refresh_speaker(self) -> None:
        self.query_one("#speaker-label", Static).update(self._text())

    def _text(self) -> Text:
        # The same names as every list of voices: "Maggie", "Tom", "Maggie and Tom together"
        current = voice_name(self.working.plan, self.working.speaker)
        # Assembled, not markup: the name is as typed, so "[/]" in it is shown, not parsed
        return Text.assemble("Speaking now: ", (current, "bold"), "  (F2 to change)", end="")
