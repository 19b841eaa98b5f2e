"""A one-line text box that redraws itself, not the whole screen, on every key.

Textual's `Input` (8.2.8) sets its `virtual_size` whenever its value changes, and `Widget`
declares that reactive with `layout=True`, so every character typed lays out the whole screen
again: in a form dialog that is every row of the form, for a box whose size has not changed. An
`Input`'s size depends on its text only when its width is `auto`, and `Input` asks for a layout
itself in that case, so here a new virtual size only repaints the box, and then does the one
thing the layout did for it: keep the scroll position within the text (deleting the end of a
long text while scrolled along it would otherwise leave the box showing blanks).

It also does not select its text when it gets the focus (Input does by default): Tab into a box
holding words, then typing, adds to them rather than silently replacing them. The cursor stays
where it was (at the end at first), and the box scrolls to show it, as selecting would have.
"""

from __future__ import annotations

from typing import Any

from textual.events import Focus
from textual.geometry import Region, Size
from textual.reactive import Reactive
from textual.widgets import Input


class TextBox(Input):
    """An `Input` for forms: the same keys, cursor and scrolling, without a layout per key."""

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    def __init__(self, *args: Any, select_on_focus: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, select_on_focus=select_on_focus, **kwargs)

    def _on_focus(self, event: Focus) -> None:
        # Input's own handler runs after this one (Textual calls each class's), and selects only if asked.
        if not self.select_on_focus:
            self.scroll_to_region(
                Region(self._cursor_offset, 0, width=1, height=1), force=True, animate=False
            )

    def watch_virtual_size(self) -> None:
        # After the key's own changes (the cursor scrolled into view), as the layout would run.
        self.call_later(self._keep_scroll_in_text)

    def _keep_scroll_in_text(self) -> None:
        self.scroll_x = self.validate_scroll_x(self.scroll_x)
