"""Calm questions in a modal, one look and one set of keys for all of them.

`ChoiceScreen` offers a few answers as buttons and closes with the chosen one's value;
`ConfirmScreen` is the yes/no kind and closes with True only on a clear yes. In both, the safe
answer has the focus to begin with and Esc gives it, so a stray Enter or Esc never does the drastic
thing; Left and Right move between the answers. Every label is shown as typed, never as markup,
since an answer may name someone ("Take Sam [/] off the team?").
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import HorizontalGroup, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Static

from careplan.screens.wording import plain

AnswerType = TypeVar("AnswerType")


class QuestionScreen(ModalScreen[AnswerType]):
    """A question, perhaps a line more about it, and answers as (label, value) buttons."""

    BINDINGS = [
        Binding(
            "escape", "safe_answer", "Close", id="question.close", tooltip="Close, changing nothing"
        ),
        Binding(
            "left", "app.focus_previous", "Previous answer", id="question.previous", show=False
        ),
        Binding("right", "app.focus_next", "Next answer", id="question.next", show=False),
    ]

    def __init__(
        self, question: str, answers: Iterable[tuple[str, str]], safe: str, detail: str = ""
    ) -> None:
        super().__init__(classes="choice-modal")
        self.question = question
        self.answers = list(answers)
        self.safe = safe
        self.detail = detail

    def compose(self) -> ComposeResult:
        with Vertical(classes="choice-dialog"):
            yield Static(self.question, classes="choice-question", markup=False)
            if self.detail:
                # Only the detail scrolls (a long quoted view, say): the question and the answers
                # stay in sight.
                with VerticalScroll(classes="choice-detail-scroll"):
                    yield Static(self.detail, classes="choice-detail", markup=False)
            with HorizontalGroup(classes="choice-buttons"):
                for label, value in self.answers:
                    yield Button(plain(label), id=f"answer-{value}", name=value, compact=True)
        yield Footer()  # this dialog's keys, not those of the screen behind it

    def on_mount(self) -> None:
        self.query_one(f"#answer-{self.safe}", Button).focus()

    def result_for(self, value: str) -> AnswerType:
        raise NotImplementedError

    @on(Button.Pressed)
    def _answered(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(self.result_for(event.button.name or self.safe))

    def action_safe_answer(self) -> None:
        self.dismiss(self.result_for(self.safe))


class ChoiceScreen(QuestionScreen[str]):
    """Closes with the value of the answer chosen (the `safe` one on Esc)."""

    def result_for(self, value: str) -> str:
        return value


class ConfirmScreen(QuestionScreen[bool]):
    """Closes with True on the yes button (#answer-yes), False on the other or Esc."""

    def __init__(
        self, title: str, message: str, yes: str = "Yes", no: str = "No, keep things as they are"
    ) -> None:
        super().__init__(title, [(no, "no"), (yes, "yes")], safe="no", detail=message)

    def result_for(self, value: str) -> bool:
        return value == "yes"
