"""Starting a plan: just the person's name, nothing else is needed yet."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Label, Static

from careplan.screens.widgets.text_box import TextBox


class NewPlanScreen(ModalScreen[str | None]):
    """Dismissed with the person's name, or None when they decide not to start one now."""

    HELP = "Type the name of the person the plan is for, then press Enter. Everything else can come later."

    BINDINGS = [
        Binding(
            "escape",
            "cancel",
            "Not now",
            id="new_plan_cancel",
            tooltip="Close without starting a plan",
        ),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("Start a new plan", classes="dialog-title")
            yield Label(
                "Who is this plan for? Their name as they like it written:", classes="field-label"
            )
            yield TextBox(placeholder="for example: Margaret Ellis", id="person-name")
            yield Static("", id="name-message", classes="field-message", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Start the plan", id="start", variant="primary")
                yield Button("Not now", id="cancel")
        yield Footer()  # this dialog's keys, not those of the screen behind it

    @on(Input.Submitted, "#person-name")
    @on(Button.Pressed, "#start")
    def start(self) -> None:
        name = self.query_one("#person-name", Input).value.strip()
        if not name:
            self.query_one("#name-message", Static).update(
                "A name is all that is needed to start. Type it above, then press Enter."
            )
            self.query_one("#person-name", Input).focus()
            return
        self.dismiss(name)

    @on(Input.Changed, "#person-name")
    def clear_message(self) -> None:
        self.query_one("#name-message", Static).update("")

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
