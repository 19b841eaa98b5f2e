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
