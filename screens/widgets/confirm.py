"""A calm yes/no question as a typed modal: dismissed with True (go ahead) or False (keep things)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from careplan.screens.wording import plain


class ConfirmScreen(ModalScreen[bool]):
    """Esc or the second button keeps things as they are; nothing happens without a clear yes."""

    BINDINGS = [
        Binding("escape", "keep", "Keep things as they are", id="confirm_keep", tooltip="Close without doing anything"),
    ]

    def __init__(self, title: str, message: str, yes: str = "Yes", no: str = "No, keep things as they are") -> None:
        super().__init__()
        self.title_text = title
        self.message = message
        self.yes = yes
        self.no = no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            yield Static(self.message, classes="dialog-message", markup=False)
            with Horizontal(classes="dialog-buttons"):
                # plain, not markup: an answer may name someone ("Take Sam [/] out")
                yield Button(plain(self.no), id="no", variant="primary")
                yield Button(plain(self.yes), id="yes")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()  # the safe choice is the one Enter picks

    @on(Button.Pressed, "#yes")
    def confirm(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#no")
    def action_keep(self) -> None:
        self.dismiss(False)
