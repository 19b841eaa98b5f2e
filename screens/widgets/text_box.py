"""A one-line text box that redraws itself, not the whole screen, on every key.

Textual's `Input` (8.2.8) sets its `virtual_size` whenever its value changes, and `Widget`
declares that reactive with `layout=True`, so every character typed lays out the whole screen
again: in a form dialog that is every row of the form, for a box whose size has not changed. An
`Input`'s size depends on its text only when its width is `auto`, and `Input` asks for a layout
itself in that case, so here a new virtual size only repaints the box, and then does the one
thing the layout did for it: keep the scroll position within the text (deleting the end of a
long text while scrolled along it would otherwise leave the box showing blanks).
"""

from __future__ import annotations

from textual.geometry import Size
from textual.reactive import Reactive
from textual.widgets import Input


class TextBox(Input):
    """An `Input` for forms: the same keys, cursor and scrolling, without a layout per key."""

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    def watch_virtual_size(self) -> None:
        # After the key's own changes (the cursor scrolled into view), as the layout would run.
        self.call_later(self._keep_scroll_in_text)

    def _keep_scroll_in_text(self) -> None:
        self.scroll_x = self.validate_scroll_x(self.scroll_x)
