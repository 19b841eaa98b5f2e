"""Small editors in a modal, and the question asked before one closes with words typed in it.

`FormModal` is the shape every small editor shares: a heading, the fields, one line that says
kindly what is missing, and Save / Cancel. Enter (in a text box) or Ctrl+S saves. Esc closes at
once when nothing was typed; when something was, it asks first, because a tired person pressing
Esc twice should never lose a paragraph. The question offers "Save it", "Keep writing" and
"Leave it out", and Esc there means "Keep writing".
"""

from __future__ import annotations

from typing import Any, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import HorizontalGroup, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Footer, Input, Label, Select, Static, TextArea

from careplan.screens.widgets.confirm import ChoiceScreen


def form_row(label: str, widget: Widget) -> ComposeResult:
    """One row of a form: a label beside its box (the label also helps a screen reader later)."""
    with HorizontalGroup(classes="form-row"):
        yield Label(label, classes="form-label")
        yield widget


def chosen(select: Select[Any]) -> str:
    """What a Select made with allow_blank=False holds: always one of its choices."""
    value = select.value
    if not isinstance(value, str):
        raise TypeError(f"{select.id} has no choice, though it was made to always have one")
    return value


ResultType = TypeVar("ResultType")

FORM_HINT = "Enter or Ctrl+S saves · Esc closes"


class FormModal(ModalScreen[ResultType]):
    """Subclasses set HEADING (or override `heading`), yield fields from `compose_fields()` and
    build their result in `collect()`, which returns None after calling `show_problem()`."""

    HEADING = ""

    BINDINGS = [
        Binding(
            "escape",
            "cancel",
            "Cancel",
            id="form.cancel",
            tooltip="Close without saving (asks first if you typed something)",
        ),
        Binding("ctrl+s", "save", "Save", id="form.save", tooltip="Save and close"),
    ]

    def __init__(self) -> None:
        super().__init__(classes="form-modal")
        self._as_opened: tuple[Any, ...] = ()

    @property
    def heading(self) -> str:
        return self.HEADING

    def compose(self) -> ComposeResult:
        # Only the fields scroll, so every box is reachable at 80x24 and Save and Cancel stay in
        # sight below them however tall the form is.
        with Vertical(classes="form-dialog"):
            with VerticalScroll(classes="form-fields"):
                yield Static(self.heading, classes="form-heading", markup=False)
                yield from self.compose_fields()
                yield Static("", id="form-problem", classes="form-problem", markup=False)
            with HorizontalGroup(classes="form-buttons"):
                yield Button("Save", id="form-save", variant="primary", compact=True)
                yield Button("Cancel", id="form-cancel", compact=True)
                yield Static(FORM_HINT, classes="form-hint")
        yield Footer()  # this dialog's keys, not those of the screen behind it

    def compose_fields(self) -> ComposeResult:
        raise NotImplementedError

    def collect(self) -> ResultType | None:
        """The result to close with, or None (after `show_problem`) when something is missing."""
        raise NotImplementedError

    def on_mount(self) -> None:
        self._as_opened = self._form_state()
        first = next(iter(self.query(Input)), None)
        if first is not None:
            first.focus()

    # --- what the person sees when something is missing ----------------------------------------

    def show_problem(self, text: str, focus: str | None = None) -> None:
        problem = self.query_one("#form-problem", Static)
        problem.update(text)
        problem.set_class(bool(text), "-shown")
        if focus:
            self.query_one(focus).focus()

    # --- typed words are never dropped silently ------------------------------------------------

    def _form_state(self) -> tuple[Any, ...]:
        values: list[Any] = []
        for widget in self.query("Input, Select, TextArea"):
            if isinstance(widget, TextArea):
                values.append(widget.text)
            elif isinstance(widget, (Input, Select)):
                values.append(widget.value)
        return tuple(values)

    @property
    def has_typed(self) -> bool:
        return self._form_state() != self._as_opened

    # --- actions -------------------------------------------------------------------------------

    def action_save(self) -> None:
        result = self.collect()
        if result is not None:
            self.dismiss(result)

    def action_cancel(self) -> None:
        if not self.has_typed:
            self.dismiss(None)
            return
        self.app.push_screen(leave_question(), self._after_leaving_asked)

    def _after_leaving_asked(self, answer: str | None) -> None:
        if answer == "save":
            self.action_save()
        elif answer == "discard":
            self.dismiss(None)

    @on(Input.Submitted)
    def _enter_saves(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    @on(Button.Pressed, "#form-save")
    def _save_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_save()

    @on(Button.Pressed, "#form-cancel")
    def _cancel_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_cancel()


def leave_question() -> ChoiceScreen:
    """Asked when an editor with typed words is about to close (Esc, or quitting careplan):
    answers "save", "keep" (writing: the safe one) or "discard"."""
    return ChoiceScreen(
        "You have written something here.",
        [("Save it", "save"), ("Keep writing", "keep"), ("Leave it out", "discard")],
        safe="keep",
        detail='"Leave it out" closes this without saving what you typed.',
    )
