"""A date typed freely ("3 March 1956", "in 3 weeks", "2026-12-24"), echoed back in words underneath.

The echo is how a tired person checks the date was understood the way they meant it; when it
cannot be read, the same line says so calmly and nothing typed is thrown away.

The field is bound to one date of the working plan (a key of careplan.date_fields.DATE_FIELDS).
The plan's date changes only when the person is done with the field (Enter, moving on, or leaving
the screen) and the whole text reads as a date, never from a prefix on the way ("30" on the way
to "30 February"). Until then the text waits in the draft, and comes back here on return or after
a restart.
"""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, Static

from careplan import date_fields
from careplan.dates import describe_date, other_reading, year_left_out
from careplan.errors import InvalidDate
from careplan.partial_dates import PartialDate, shown
from careplan.screens import clock
from careplan.working_plan import WorkingPlan


class DateField(Widget):
    """An Input plus a line echoing the date it reads, bound to the plan's date `key`.

    `value` is the date the text reads as now (None when empty or unreadable); `valid` says whether
    it could be read (an empty field is valid: no date). While typing, `DateField.Typed` is posted
    (the text is already kept in the draft's extra data); `DateField.Changed` is posted when the
    field's text has been taken into the plan, or set aside as unreadable, by `commit()`.
    """

    DEFAULT_CSS = """
    DateField { height: auto; }
    DateField > .date-echo { height: auto; padding: 0 1; color: $text-muted; }
    DateField.-unreadable > .date-echo { color: $text-warning; }
    """

    class Typed(Message):
        """The text changed while someone types; the plan is not changed yet."""

        def __init__(self, date_field: DateField, text: str) -> None:
            super().__init__()
            self.date_field = date_field
            self.text = text

        @property
        def control(self) -> DateField:
            return self.date_field

    class Changed(Message):
        """The field was committed: the plan's date is `value` now (unless the text is unreadable)."""

        def __init__(self, date_field: DateField, value: date_fields.PlanDate | None) -> None:
            super().__init__()
            self.date_field = date_field
            self.value = value

        @property
        def control(self) -> DateField:
            return self.date_field

    def __init__(
        self,
        working: WorkingPlan,
        key: str,
        *,
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
        tooltip: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes, disabled=disabled)
        self.working = working
        self.key = key
        self.add_class(self.css_class(key))
        info = date_fields.field_info(key)
        if info is None:
            raise KeyError(f"No date field called {key!r}")
        self.info = info
        self._tooltip = tooltip
        self._initial_text = ""
        self._value: date_fields.PlanDate | None = None
        self._problem = ""
        self._other: date | None = None  # what the text could also mean, read day first
        self._typing = False  # text on screen not yet taken into the plan
        self._load()

    @staticmethod
    def css_class(key: str) -> str:
        """The class every field for `key` carries, to find it: "about.date_of_birth" -> "date-about-date_of_birth"."""
        return "date-" + key.replace(".", "-")

    def compose(self) -> ComposeResult:
        # Tab then typing adds to the date rather than silently replacing it
        placeholder = f"e.g. {self.info.examples[0]}"
        field = Input(
            self._initial_text, placeholder=placeholder, classes="date-input", select_on_focus=False
        )
        if self._tooltip:
            field.tooltip = self._tooltip
        yield field
        yield Static(self._echo_text(), classes="date-echo", markup=False)

    # --- public surface -----------------------------------------------------------------------

    @property
    def value(self) -> date_fields.PlanDate | None:
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

    def commit(self) -> bool:
        """The person is done with the field: take its text into the plan if it reads as a date,
        else keep it waiting in the draft. True when the working plan changed (write the draft)."""
        if not self._typing or self.working.read_only:
            return False
        changed = date_fields.take_typed(
            self.working.plan, self.working.extra, self.key, self.text, clock.today(self.app)
        )
        self._typing = not self.valid
        self._show()
        return changed

    def reset(self) -> None:
        """Show the plan's date again (after the plan was discarded or replaced), posting nothing."""
        self._load()
        if self.is_mounted:
            with self.input.prevent(Input.Changed):
                self.input.value = self._initial_text
            self._show()

    def focus(self, scroll_visible: bool = True) -> DateField:
        if self.is_mounted:
            self.input.focus(scroll_visible)
        return self

    # --- inside -------------------------------------------------------------------------------

    def _load(self) -> None:
        """Start from the text waiting in the draft, else the plan's date in words."""
        typed = date_fields.typed_text(self.working.extra, self.key)
        saved = date_fields.plan_date(self.working.plan, self.key)
        self._typing = typed is not None
        self._initial_text = typed if typed is not None else (shown(saved) if saved else "")
        self._read(self._initial_text)

    def _read(self, text: str) -> None:
        today = clock.today(self.app)
        try:
            self._value, self._problem = date_fields.read_typed(self.key, text, today), ""
        except InvalidDate as error:
            self._value, self._problem = None, str(error)
        self._other = other_reading(text, today) if self._value else None

    @on(Input.Changed, ".date-input")
    def _typed(self, event: Input.Changed) -> None:
        event.stop()  # the field speaks for itself
        self._read(event.value)
        self._show()
        if self.working.read_only:
            return
        self._typing = True
        date_fields.keep_typed(self.working.extra, self.key, event.value)
        self.post_message(self.Typed(self, event.value))

    @on(Input.Submitted, ".date-input")
    @on(Input.Blurred, ".date-input")
    def _done(self, event: Input.Submitted | Input.Blurred) -> None:
        event.stop()
        if self.commit():
            self.post_message(
                self.Changed(self, date_fields.plan_date(self.working.plan, self.key))
            )

    def _show(self) -> None:
        self.set_class(bool(self._problem), "-unreadable")
        self.query_one(".date-echo", Static).update(self._echo_text())

    def _echo_text(self) -> str:
        saved = date_fields.plan_date(self.working.plan, self.key)
        if self._problem:
            keeps = (
                f"the plan keeps {shown(saved)} until this reads as a date"
                if saved
                else "change it when you like"
            )
            return f"? {self._problem} Nothing is lost; {keeps}."
        return read_back(self.info, self.text, self._value, self._other, clock.today(self.app))


class DayBox(Widget):
    """A day typed in a small editor (a modal) about an item not in the plan yet, or being changed
    there: read, echoed and gently noted by the same rules as a DateField for `key`, but kept
    nowhere until the editor closes with it (Esc there leaves the plan as it was).

    `value` is the day the text reads as (None: empty or unreadable); `problem` says why it
    cannot be read ("" when it can). Enter in it is the editor's Enter."""

    DEFAULT_CSS = """
    DayBox { height: auto; }
    DayBox > .date-echo { height: auto; padding: 0 1; color: $text-muted; }
    DayBox.-unreadable > .date-echo { color: $text-warning; }
    """

    def __init__(self, key: str, day: date | None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        info = date_fields.field_info(key)
        if info is None:
            raise KeyError(f"No date field called {key!r}")
        self.key = key
        self.info = info
        self._initial_text = shown(day) if day else ""
        self._value: date_fields.PlanDate | None = None
        self._problem = ""
        self._other: date | None = None
        self._read(self._initial_text)

    def compose(self) -> ComposeResult:
        yield Input(
            self._initial_text,
            placeholder=f"e.g. {self.info.examples[0]}",
            classes="date-input",
            id=f"{self.id}-input" if self.id else None,
            select_on_focus=False,
        )
        yield Static(self._echo_text(), classes="date-echo", markup=False)

    @property
    def text(self) -> str:
        return self.query_one(".date-input", Input).value if self.is_mounted else self._initial_text

    @property
    def value(self) -> date | None:
        value = self._value if not self._problem else None
        return value if isinstance(value, date) else None

    @property
    def problem(self) -> str:
        return self._problem

    @property
    def typed(self) -> bool:
        """Whether the text differs from what the box opened with (even text that cannot be read)."""
        return self.text != self._initial_text

    def focus(self, scroll_visible: bool = True) -> DayBox:
        if self.is_mounted:
            self.query_one(".date-input", Input).focus(scroll_visible)
        return self

    @on(Input.Changed, ".date-input")
    def _typed(self, event: Input.Changed) -> None:
        self._read(event.value)
        self.set_class(bool(self._problem), "-unreadable")
        self.query_one(".date-echo", Static).update(self._echo_text())

    def _read(self, text: str) -> None:
        today = clock.today(self.app)
        try:
            self._value, self._problem = date_fields.read_typed(self.key, text, today), ""
        except InvalidDate as error:
            self._value, self._problem = None, str(error)
        self._other = other_reading(text, today) if self._value else None

    def _echo_text(self) -> str:
        if self._problem:
            return f"? {self._problem} Nothing is lost; change it when you like."
        return read_back(self.info, self.text, self._value, self._other, clock.today(self.app))


def read_back(
    info: date_fields.DateFieldInfo,
    text: str,
    value: date_fields.PlanDate | None,
    other: date | None,
    today: date,
) -> str:
    """The echo of a date that reads: the day in words, with which way an ambiguous or yearless
    text was taken and the field's gentle note; the field's hint when it is empty."""
    if value is None:
        return info.hint
    notes = []  # whole sentences after the date
    if (
        other
    ):  # "03/04" is 4 March in the US and 3 April in the UK: say which, and the way to the other
        notes.append(
            f'Read month first; for {other.day} {other:%B}, type "{other.day} {other:%b %Y}".'
        )
    if year_left_out(text):  # "12 Sep": say which one the field took
        which = "next" if info.looks == "ahead" else "last"
        notes.append(f"No year typed: the {which} one, {value.year}.")
    notes.append(date_fields.gentle_note(info.key, value, today))
    said = " ".join(note for note in notes if note)
    return f"= {_described(value)}" + (f". {said}" if said else "")


def _described(value: date_fields.PlanDate) -> str:
    """The date in words, a partial one as given ("March 1974"), a day with its weekday."""
    if isinstance(value, PartialDate):
        day = value.whole_day()
        return describe_date(day) if day else value.in_words()
    return describe_date(value)
