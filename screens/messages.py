"""App-wide events, posted by screens and handled with @on(...); widgets never reach into each other."""

from __future__ import annotations

from textual.message import Message

from careplan.store import VersionInfo


class PlanSaved(Message):
    def __init__(self, info: VersionInfo) -> None:
        super().__init__()
        self.info = info


class SpeakerChanged(Message):
    def __init__(self, voice: str) -> None:
        super().__init__()
        self.voice = voice


class GoalAdapted(Message):
    """A goal was adapted into a new one (old_id's goal is kept as adapted)."""

    def __init__(self, old_id: str, new_id: str) -> None:
        super().__init__()
        self.old_id = old_id
        self.new_id = new_id
