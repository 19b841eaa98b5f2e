"""F1: what the current screen is for, in its own words, and every key it answers to."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Markdown, Static

GENERAL_HELP = """\
careplan keeps everything you type as a draft straight away, so nothing is lost if you stop,
close the window or the power goes. Saving makes a numbered version that is kept for good.

Use Tab to move between fields, Enter to choose, Esc to go back. The mouse works too.
Ctrl+P opens the command palette: type a few letters of what you want to do.
"""


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,f1", "close", "Close help", id="help_close", tooltip="Back to where you were"),
    ]

    def __init__(self, title: str, text: str, keys: list[tuple[str, str]]) -> None:
        super().__init__()
        self.help_title = title
        self.text = text
        self.keys = keys

    @classmethod
    def for_screen(cls, screen: Screen) -> HelpScreen:
        """Help for `screen`: its HELP text and the keys active on it now."""
        title = getattr(screen, "title_text", None) or screen.sub_title or screen.title or "careplan"
        text = getattr(screen, "HELP", "") or ""
        keys: list[tuple[str, str]] = []
        seen: set[str] = set()
        for active in screen.active_bindings.values():
            binding = active.binding
            if not active.enabled or binding.system or not binding.description or binding.action in seen:
                continue
            seen.add(binding.action)
            shown = binding.key_display or screen.app.get_key_display(binding)
            what = f"{binding.description}: {binding.tooltip}" if binding.tooltip else binding.description
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
                        yield Static(f"{key:>10}  {what}", classes="help-key", markup=False)
            yield Button("Close (Esc)", id="help-close", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#help-close", Button).focus()

    @on(Button.Pressed, "#help-close")
    def action_close(self) -> None:
        self.dismiss(None)
