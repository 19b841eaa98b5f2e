"""Questions to consider beside a section: gentle prompts with their sources, never medical advice."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static


class SuggestedQuestions(VerticalScroll):
    """The suggested questions for a vocab.SECTIONS id, the disclaimer, and where each comes from."""

    DEFAULT_CSS = """
    SuggestedQuestions { height: auto; }
    SuggestedQuestions > Static { height: auto; }
    """

    def __init__(self, section: str, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.section = section
        self.can_focus = True  # so the list can be scrolled from the keyboard

    def compose(self) -> ComposeResult:
        from careplan import content

        try:
            items = content.questions(self.section)
        except Exception:  # suggestions are optional: a broken content file must not stop the plan
            items = []
        yield Static("Questions to consider", classes="questions-title")
        if not items:
            yield Static("No suggested questions for this part.", classes="questions-empty")
            return
        for item in items:
            yield Static(f"• {item.text}", classes="question", markup=False)
        sources = sorted({item.source.title for item in items})
        yield Static(content.DISCLAIMER, classes="questions-disclaimer", markup=False)
        yield Static("From: " + "; ".join(sources), classes="questions-source", markup=False)
