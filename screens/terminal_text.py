"""The last line of defence between stored text and the terminal.

Screens show stored words through `careplan.display.shown` (and `plain`, which uses it), and
names through `shown_name`. But words reach the screen in very many places (labels, tables,
notices, text boxes, the Markdown preview), and one missed would let a planted escape sequence
drive the terminal. Rich's Text and Textual's Content already take a few control characters out
of every text they are given (bell, backspace, carriage return ...), through one table each;
`keep_controls_off_the_terminal` adds every other control character careplan.display names to
those tables, so no widget can draw one, whichever way its words came. Tabs and newlines stay:
they lay text out. The test tests/test_stored_text_on_screen.py fails if a new Rich or Textual
stops reading these tables.
"""

from __future__ import annotations

from rich import control as rich_control
from textual import content as textual_content

from careplan.display import CONTROL_CHARACTERS


def keep_controls_off_the_terminal() -> None:
    """Make every Rich Text and Textual Content made from now on drop control characters."""
    dropped = dict.fromkeys(ord(char) for char in CONTROL_CHARACTERS)
    for table in (
        getattr(rich_control, "_CONTROL_STRIP_TRANSLATE", None),
        getattr(textual_content, "_CONTROL_STRIP_TRANSLATE", None),
    ):
        if isinstance(table, dict):
            table.update(dropped)
