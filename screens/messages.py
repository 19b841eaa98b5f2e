"""App-wide events, posted by screens and handled with @on(...); widgets never reach into each other."""

from __future__ import annotations

from textual.message import Message

from careplan.store import VersionInfo


class PlanChanged(Message):
    """Something in the working plan changed (the draft is already saved)."""

    def __init__(self, section: str) -> None:
        super().__init__()
        self.section = section


class PlanSaved(Message):
    def __init__(self, info: VersionInfo) -> None:
        super().__init__()
        self.info = info


class SpeakerChanged(Message):
    def __init__(self, voice: str) -> None:
        super().__init__()
        self.voice = voice


class GoalAdapted(Message):
    def __init__(self, old_id: str, new_id: str) -> None:
        super().__init__()
        self.old_id = old_id
        self.new_id = new_id
