"""TextBox: the form's one-line text box behaves exactly like Textual's Input with long text.

It differs from Input only in not laying out the screen again on every key, so the same keys
must leave the same value, cursor, scroll position and visible words in both.
"""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Input

from careplan.screens.widgets.text_box import TextBox

LONG = (
    "We would like a quiet walk to the park on Sunday mornings, with a rest on the bench by the pond "
    "and a flask of tea, if the weather is kind and my breathing is good"
)


class OneBox(App[None]):
    """A box 32 cells wide (26 for the words) with the focus, as in a form."""

    CSS = "Input { width: 32; }"

    def __init__(self, kind: type[Input], value: str = "") -> None:
        super().__init__()
        self.kind = kind
        self.value = value

    def compose(self) -> ComposeResult:
        yield self.kind(self.value, id="box")


def seen(box: Input) -> tuple[str, int, int, str]:
    """What a person sees of a box: its value, cursor, how far it is scrolled, the visible words."""
    return box.value, box.cursor_position, round(box.scroll_x), box.render_line(0).text


def key_for(character: str) -> str:
    return "space" if character == " " else character


STEPS = [
    ("opened", []),
    ("typing a long sentence", [key_for(character) for character in LONG]),
    ("home", ["home"]),
    ("end", ["end"]),
    ("a few words back", ["ctrl+left"] * 4),
    ("deleting the rest, scrolled along", ["ctrl+k"]),
    ("typing in the middle", ["a", "n", "d", "space"]),
    ("deleting back over many letters", ["end"] + ["backspace"] * 60),
    ("home and typing at the start", ["home", "O", "h", "space"]),
    ("deleting everything after the cursor", ["right"] * 20 + ["ctrl+k"]),
    ("end of a now short text", ["end"]),
    ("selecting all and typing over it", ["ctrl+shift+a", "N", "o"]),
]


async def views(kind: type[Input], value: str = "", steps=STEPS) -> list[tuple[str, tuple]]:
    """What the box shows after each step, the box being a `kind`."""
    app = OneBox(kind, value)
    shown = []
    async with app.run_test(size=(60, 10)) as pilot:
        box = app.query_one("#box", Input)
        await pilot.pause()
        for what, keys in steps:
            await pilot.press(*keys)
            await pilot.pause()
            shown.append((what, seen(box)))
    return shown


async def test_long_text_scrolls_and_shows_the_same_as_an_input_at_every_step() -> None:
    expected = await views(Input)
    assert await views(TextBox) == expected
    scrolled = [view[2] for _, view in expected]
    assert max(scrolled) > 0 and scrolled[2] == 0  # the steps do scroll along the text and back


async def test_home_and_end_show_the_start_and_the_end_of_a_long_text() -> None:
    app = OneBox(TextBox)
    async with app.run_test(size=(60, 10)) as pilot:
        box = app.query_one("#box", TextBox)
        await pilot.press(*[key_for(character) for character in LONG])
        await pilot.pause()
        visible = box.render_line(0).text.strip()
        assert (
            LONG.endswith(visible) and len(visible) > 20
        )  # the end of the text, where the cursor is
        await pilot.press("home")
        await pilot.pause()
        assert box.scroll_x == 0 and LONG.startswith(box.render_line(0).text.strip())
        await pilot.press("end")
        await pilot.pause()
        assert LONG.endswith(box.render_line(0).text.strip())
        assert (
            box.region.x <= box.cursor_screen_offset.x < box.region.right
        )  # the cursor is in view


@pytest.mark.parametrize("value", ["", "Short", LONG])
async def test_a_box_opened_with_words_in_it_shows_them_as_an_input_does(value: str) -> None:
    steps = [("opened", []), ("home", ["home"]), ("typing", ["x"]), ("end", ["end"])]
    assert await views(TextBox, value, steps) == await views(Input, value, steps)
