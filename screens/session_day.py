"""The day of the conversation, chosen before anything is typed: a social worker typing up
yesterday's visit says so first, and every new goal, adaptation, end, lifestyle change, treatment
decision and team member takes that day."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.widgets import Input, Static

from careplan.date_fields import looking
from careplan.dates import day_in_words, describe_date, parse_date
from careplan.errors import InvalidDate
from careplan.screens.form_modal import FormModal, form_row
from careplan.screens.widgets.text_box import TextBox


def session_of(day: date, today: date) -> str:
    """What the plan's home says: "Session of: today" or "Session of: 12 November 2026"."""
    return f"Session of: {'today' if day == today else day_in_words(day)}"


class SessionDayEditor(FormModal[date]):
    """Type the day of the conversation (blank: today; never a future day)."""

    HEADING = "Day of this conversation"

    def __init__(self, day: date, today: date) -> None:
        super().__init__()
        self.day = day
        self.today = today

    def compose_fields(self) -> ComposeResult:
        yield Static(
            "New goals, lifestyle changes, decisions, team members and ends in this draft take this "
            "day unless given another.",
            classes="form-note",
            markup=False,
        )
        yield from form_row(
            "Day",
            TextBox(
                "" if self.day == self.today else day_in_words(self.day),
                placeholder="today, or e.g. yesterday, 12 Mar",
                id="session-day-input",
            ),
        )

    def collect(self) -> date | None:
        typed = self.query_one("#session-day-input", Input).value
        if not typed.strip():
            return self.today
        try:
            day = parse_date(typed, self.today, looking("session_date"))
        except InvalidDate as problem:
            self.show_problem(str(problem), focus="#session-day-input")
            return None
        if day > self.today:
            self.show_problem(
                f"{describe_date(day)} has not happened yet; the day of the conversation is "
                "today or earlier.",
                focus="#session-day-input",
            )
            return None
        return day
