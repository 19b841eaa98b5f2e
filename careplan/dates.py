"""Dates as people type them: "24 Dec 2026", "2026-12-24", "Dec 24", "in 3 weeks", "tomorrow".

Numbers alone are read month first when both could be a month ("03/04/2026" is 4 March), as they
always have been, so nothing typed before changes meaning; `other_reading` gives the day-first
date such a text could also mean, for the screen to say how to type it.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from dateutil import parser as date_parser
from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta

from careplan.errors import InvalidDate

_RELATIVE = re.compile(
    r"^in\s+(?P<count>\d+|a|an|one|two|three|four|five|six)\s+(?P<unit>day|week|month|year)s?$"
)
_STEP = {
    "day": relativedelta(days=1),
    "week": relativedelta(weeks=1),
    "month": relativedelta(months=1),
    "year": relativedelta(years=1),
}
_WORD_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_NAMED = {"today": 0, "tomorrow": 1, "yesterday": -1}
_WEEKDAYS = {
    name: weekday
    for weekday, full in zip(
        (MO, TU, WE, TH, FR, SA, SU),
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
        strict=False,
    )
    for name in (full, full[:3])
}
_THIS_OR_NEXT = re.compile(r"^(?P<which>this|next) (?P<weekday>[a-z]+)$")
# Day and month as numbers, maybe a year: "03/04/2026", "3.4.26", "3-4". Not ISO (the year first).
_NUMBERS_ONLY = re.compile(
    r"^(?P<first>\d{1,2})(?P<sep>[/.\- ])(?P<second>\d{1,2})(?:(?P=sep)(?:\d{2}|\d{4}))?$"
)
_EARLIEST_YEAR = 1900
_LATEST_YEAR = 2200


def parse_date(typed: str, today: date | None = None) -> date:
    """Read a date typed freely. Raises InvalidDate naming what was typed."""
    today = today or date.today()
    text = " ".join(typed.strip().lower().split())
    if not text:
        raise InvalidDate(typed, "nothing was typed")
    relative = _RELATIVE.match(text)
    this_or_next = _THIS_OR_NEXT.match(text)
    try:
        if text in _NAMED:
            parsed = today + relativedelta(days=_NAMED[text])
        elif this_or_next and this_or_next["weekday"] in _WEEKDAYS:
            # "this tuesday" is "tuesday": today or the next one; "next tuesday" the next one after today
            after = 1 if this_or_next["which"] == "next" else 0
            parsed = today + relativedelta(days=after, weekday=_WEEKDAYS[this_or_next["weekday"]])
        elif relative:
            count_text = relative["count"]
            count = _WORD_NUMBERS.get(count_text) or int(count_text)
            parsed = today + _STEP[relative["unit"]] * count
        else:
            parsed = date_parser.parse(text, default=_midnight(today)).date()
    except (ValueError, OverflowError) as error:  # "in 100000 years" overflows the calendar
        raise InvalidDate(typed, _explain(str(error))) from None
    if year_problem(parsed):
        raise InvalidDate(typed, year_problem(parsed))
    return parsed


def year_problem(value: date) -> str:
    """Why a date's year is too far out to be meant, typed or imported ("" when it is not)."""
    if _EARLIEST_YEAR <= value.year <= _LATEST_YEAR:
        return ""
    return f"the year should be between {_EARLIEST_YEAR} and {_LATEST_YEAR}"


def parse_optional_date(typed: str | None, today: date | None = None) -> date | None:
    """Like parse_date, but an empty field means "no date"."""
    if typed is None or not typed.strip():
        return None
    return parse_date(typed, today)


def other_reading(typed: str, today: date | None = None) -> date | None:
    """The day-first date `typed` could also mean, when it is day and month as numbers that could
    each be the month ("03/04/2026": parse_date reads 4 March, this gives 3 April); else None."""
    numbers = _NUMBERS_ONLY.match(" ".join(typed.strip().split()))
    if numbers is None:
        return None
    month, day = int(numbers["first"]), int(numbers["second"])
    if month == day or not (1 <= month <= 12 and 1 <= day <= 12):
        return None
    try:
        read = parse_date(typed, today)
    except InvalidDate:
        return None
    if (read.month, read.day) != (
        month,
        day,
    ):  # not read month first after all: no other side to offer
        return None
    return date(read.year, day, month)


def describe_date(value: date) -> str:
    """A date in words, to echo back what was understood: "Thursday 24 December 2026"."""
    return f"{value:%A} {value.day} {value:%B %Y}"


def day_in_words(value: date) -> str:
    """A date as the plan shows and exports it: "3 June 2026" (a date field reads it back the same)."""
    return f"{value.day} {value:%B %Y}"


def short_day(value: date) -> str:
    """A date short enough for a column of the CLI's tables: "3 Jun 2026"."""
    return f"{value.day} {value:%b %Y}"


def _midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day)


def _explain(parser_message: str) -> str:
    if "month must be" in parser_message:
        return "there is no such month"
    if "day is out of range" in parser_message or "must be in" in parser_message:
        return "that day does not exist in that month"
    if "year" in parser_message or "too large" in parser_message:
        return f"the year should be between {_EARLIEST_YEAR} and {_LATEST_YEAR}"
    return 'try something like "24 Dec 2026", "2026-12-24" or "in 3 weeks"'
