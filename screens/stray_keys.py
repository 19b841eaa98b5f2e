"""A printable key typed where no text goes is never lost without a word: in a list it moves to
the next line that starts with it (type-ahead); anywhere else careplan says, calmly, where typing
goes. Keys a screen uses (its bindings, such as "n" for a new goal) are left to the screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import DataTable, Input, OptionList, TextArea

if TYPE_CHECKING:
    from textual import events
    from textual.app import App
    from textual.widget import Widget

WHERE_TO_TYPE = (
    "Nothing to type into here. Tab (or a click) goes to a box to write in; "
    "the keys along the bottom say what this screen does."
)


def _starts_with(text: str, letter: str) -> bool:
    return " ".join(text.split()).casefold().lstrip("•*[]() ").startswith(letter.casefold())


def type_ahead(widget: Widget, letter: str) -> bool:
    """In a list or table, the cursor to the next row starting with `letter`, round from the top.
    True when the widget is one that takes type-ahead (whether or not a row matched)."""
    if isinstance(widget, OptionList):
        count, start = widget.option_count, widget.highlighted
        texts = [str(widget.get_option_at_index(i).prompt) for i in range(count)]
    elif isinstance(widget, DataTable):
        count, start = widget.row_count, widget.cursor_row
        # a row's first words: its first cell with any (a table may begin with a mark column)
        texts = [
            next((str(cell) for cell in widget.get_row_at(i) if str(cell).strip()), "")
            for i in range(count)
        ]
    else:
        return False
    first = -1 if start is None else start
    for step in range(1, count + 1):
        index = (first + step) % count
        if _starts_with(texts[index], letter):
            if isinstance(widget, OptionList):
                widget.highlighted = index
            else:
                widget.move_cursor(row=index)
            return True
    widget.app.notify(f'Nothing here starts with "{letter}".')
    return True


class StrayKeys:
    """Kept by the app: says where typing goes once per control, not at every key."""

    def __init__(self) -> None:
        self._told: Widget | None = None
        self._bound = True  # whether the key arriving now is one the screen uses

    def arrived(self, app: App, event: events.Key) -> None:
        """A key just typed, before anything acts on it (a binding may change the screen)."""
        self._bound = event.key in app.screen.active_bindings  # enabled or not: not stray

    def heard(self, app: App, event: events.Key) -> None:
        """A key that came back to the app: no field took it."""
        letter = event.character
        if self._bound or not event.is_printable or letter is None or not letter.strip():
            return
        screen = app.screen
        focused = screen.focused
        if isinstance(focused, (Input, TextArea)):
            return  # a read-only or disabled box: its own look says so
        if focused is not None and type_ahead(focused, letter):
            return
        if self._told is not None and self._told is (focused or screen):
            return
        self._told = focused or screen
        app.notify(WHERE_TO_TYPE, title="Where to type")
