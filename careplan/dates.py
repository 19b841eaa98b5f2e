"""Dates as people type them: "24 Dec 2026", "2026-12-24", "Dec 24", "in 3 weeks", "tomorrow"."""

from __future__ import annotations

import re
from datetime import date, datetime

from dateutil import parser as date_parser
from dateutil.relativedelta import relativedelta

from careplan.errors import InvalidDate

_RELATIVE = re.compile(
    r"^in\s+(?P<count>\d+|a|an|one|two|three|four|five|six)\s+(?P<unit>day|week|month|year)s?$"
)
_WORD_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_NAMED = {"today": 0, "tomorrow": 1, "yesterday": -1}
_EARLIEST_YEAR = 1900
_LATEST_YEAR = 2200


def parse_date(typed: str, today: date | None = None) -> date:
    """Read a date typed freely. Raises InvalidDate naming what was typed."""
    today = today or date.today()
    text = " ".join(typed.strip().lower().split())
    if not text:
        raise InvalidDate(typed, "nothing was typed")
    relative = _RELATIVE.match(text)
    try:
        if text in _NAMED:
            parsed = today + relativedelta(days=_NAMED[text])
        elif relative:
            count_text = relative["count"]
            count = _WORD_NUMBERS.get(count_text) or int(count_text)
            parsed = today + relativedelta(**{relative["unit"] + "s": count})
        else:
            parsed = date_parser.parse(text, default=_midnight(today)).date()
    except (ValueError, OverflowError) as error:  # "in 100000 years" overflows the calendar
        raise InvalidDate(typed, _explain(str(error))) from None
    if not _EARLIEST_YEAR <= parsed.year <= _LATEST_YEAR:
        raise InvalidDate(typed, f"the year should be between {_EARLIEST_YEAR} and {_LATEST_YEAR}")
    return parsed


def parse_optional_date(typed: str | None, today: date | None = None) -> date | None:
    """Like parse_date, but an empty field means "no date"."""
    if typed is None or not typed.strip():
        return None
    return parse_date(typed, today)


def describe_date(value: date) -> str:
    """A date in words, to echo back what was understood: "Thursday 24 December 2026"."""
    return f"{value:%A} {value.day} {value:%B %Y}"


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
