"""F1: what the current screen is for, in its own words, and every key it answers to."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Footer, Markdown, Static

GENERAL_HELP = """\
careplan keeps everything you type as a draft straight away, so nothing is lost if you stop,
close the window or the power goes. Saving makes a numbered version that is kept for good.

Use Tab to move between fields, Enter to choose, Esc to go back. The mouse works too.
Ctrl+P opens the command palette: type a few letters of what you want to do.
"""


def key_line(key: str, what: str) -> Table:
    """A key, then what it does; a long description wraps under itself, not under the key."""
    grid = Table.grid(padding=(0, 2, 0, 0))
    grid.add_column(width=10, justify="right")
    grid.add_column(ratio=1)
    grid.add_row(Text(key), Text(what))  # Text, not markup: descriptions are read as written
    return grid


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding(
            "escape,f1", "close", "Close help", id="help_close", tooltip="Back to where you were"
        ),
    ]

    def __init__(self, title: str, text: str, keys: list[tuple[str, str]]) -> None:
        super().__init__()
        self.help_title = title
        self.text = text
        self.keys = keys

    @classmethod
    def for_screen(cls, screen: Screen) -> HelpScreen:
        """Help for `screen`: its HELP text and our own keys active on it now (ours have an id;
        Textual's, such as scrolling or Tab, are left out), the guided session's F keys among them."""
        title = (
            getattr(screen, "title_text", None) or screen.sub_title or screen.title or "careplan"
        )
        text = getattr(screen, "HELP", "") or ""
        keys: list[tuple[str, str]] = []
        seen: set[str] = set()
        for active in screen.active_bindings.values():
            binding = active.binding
            ours = binding.id is not None
            if (
                not ours
                or not active.enabled
                or binding.system
                or not binding.description
                or binding.action in seen
            ):
                continue
            seen.add(binding.action)
            shown = binding.key_display or screen.app.get_key_display(binding)
            what = (
                f"{binding.description}: {binding.tooltip}"
                if binding.tooltip
                else binding.description
            )
            keys.append((shown, what))
        return cls(str(title), text, keys)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog help-dialog"):
            yield Static(f"Help: {self.help_title}", classes="dialog-title", markup=False)
            with VerticalScroll(classes="help-body"):
                if self.text:
                    yield Markdown(self.text)
                yield Markdown(GENERAL_HELP)
                if self.keys:
                    yield Static("Keys here", classes="help-keys-title")
                    for key, what in self.keys:
                        yield Static(key_line(key, what), classes="help-key")
            yield Button("Close (Esc)", id="help-close", variant="primary")
        yield Footer()  # this dialog's keys, not those of the screen behind it

    def on_mount(self) -> None:
        # The text has the focus, so PageDown and the arrows scroll it at once; Esc or F1 close it.
        self.query_one(".help-body", VerticalScroll).focus()

    @on(Button.Pressed, "#help-close")
    def action_close(self) -> None:
        self.dismiss(None)
