"""A date typed freely ("24 Dec", "in 3 weeks", "2026-12-24"), echoed back in words underneath.

The echo is how a tired person checks the date was understood the way they meant it; when it
cannot be read, the same line says so calmly and nothing typed is thrown away.
"""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, Static

from careplan.dates import describe_date, parse_optional_date
from careplan.errors import InvalidDate

EMPTY_HINT = 'No date yet. Type something like "24 Dec 2026", "tomorrow" or "in 3 weeks".'


class DateField(Widget):
    """An Input plus a line echoing the date it reads.

    `value` is the date the text reads as (None when empty or unreadable); `valid` says whether it
    could be read (an empty field is valid: no date). `DateField.Changed` is posted whenever the
    text reads as a date or is cleared, so a screen saves only what it understood.
    """

    DEFAULT_CSS = """
    DateField { height: auto; }
    DateField > .date-echo { height: auto; padding: 0 1; color: $text-muted; }
    DateField.-unreadable > .date-echo { color: $text-warning; }
    """

    class Changed(Message):
        """The field now reads as `value` (None: the field was cleared)."""

        def __init__(self, date_field: DateField, value: date | None) -> None:
            super().__init__()
            self.date_field = date_field
            self.value = value

        @property
        def control(self) -> DateField:
            return self.date_field

    def __init__(
        self,
        value: date | None = None,
        *,
        placeholder: str = "a date, e.g. 24 Dec 2026",
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
        tooltip: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes, disabled=disabled)
        self._initial_text = value.isoformat() if value else ""
        self._placeholder = placeholder
        self._tooltip = tooltip
        self._value: date | None = value
        self._problem = ""

    def compose(self) -> ComposeResult:
        # Tab then typing adds to the date rather than silently replacing it
        field = Input(self._initial_text, placeholder=self._placeholder, classes="date-input", select_on_focus=False)
        if self._tooltip:
            field.tooltip = self._tooltip
        yield field
        yield Static(self._echo_text(), classes="date-echo", markup=False)

    # --- public surface -----------------------------------------------------------------------

    @property
    def value(self) -> date | None:
        return self._value if not self._problem else None

    @property
    def valid(self) -> bool:
        return not self._problem

    @property
    def problem(self) -> str:
        """The plain message shown when the text cannot be read ("" when it can)."""
        return self._problem

    @property
    def text(self) -> str:
        return self.input.value if self.is_mounted else self._initial_text

    @property
    def input(self) -> Input:
        return self.query_one(".date-input", Input)

    def set_date(self, value: date | None) -> None:
        """Show `value` (as text the parser reads back) without posting Changed."""
        self._value, self._problem = value, ""
        text = value.isoformat() if value else ""
        if self.is_mounted:
            with self.input.prevent(Input.Changed):
                self.input.value = text
            self._show()
        else:
            self._initial_text = text

    def focus(self, scroll_visible: bool = True) -> DateField:
        if self.is_mounted:
            self.input.focus(scroll_visible)
        return self

    # --- inside -------------------------------------------------------------------------------

    @on(Input.Changed, ".date-input")
    def _read(self, event: Input.Changed) -> None:
        event.stop()  # the field speaks for itself with DateField.Changed
        try:
            self._value, self._problem = parse_optional_date(event.value), ""
        except InvalidDate as error:
            self._problem = str(error)
        self._show()
        if not self._problem:
            self.post_message(self.Changed(self, self._value))

    def _show(self) -> None:
        self.set_class(bool(self._problem), "-unreadable")
        self.query_one(".date-echo", Static).update(self._echo_text())

    def _echo_text(self) -> str:
        if self._problem:
            return f"? {self._problem} Nothing is lost; change it when you like."
        if self._value is None:
            return EMPTY_HINT
        return f"= {describe_date(self._value)}"
