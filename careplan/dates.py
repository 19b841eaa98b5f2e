"""Dates as people type them: "24 Dec 2026", "2026-12-24", "Dec 24", "in 3 weeks", "tomorrow".

Numbers alone are read month first when both could be a month ("03/04/2026" is 4 March), as they
always have been, so nothing typed before changes meaning; `other_reading` gives the day-first
date such a text could also mean, for the screen to say how to type it.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Literal

from dateutil import parser as date_parser
from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta

from careplan.errors import InvalidDate
from careplan.partial_dates import PartialDate

# Which way a field looks, for a day and month typed without a year ("12 Sep"): the next one for
# what is to come (an event, a review), the last one for what has been (a birth, a signature).
Looking = Literal["ahead", "back"]

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


def parse_date(typed: str, today: date | None = None, looking: Looking | None = None) -> date:
    """Read a date typed freely. A day and month without a year is the next one `looking`
    "ahead", the last one (today or before) `looking` "back", else this year's. A text without a
    day ("March 2027") is not a day: nothing is made up. Raises InvalidDate naming what was typed."""
    value = parse_partial_date(typed, today, looking)
    day = value.whole_day() if isinstance(value, PartialDate) else value
    if day is None:
        raise InvalidDate(typed, 'say which day too, e.g. "24 Dec 2026"')
    return day


def parse_partial_date(
    typed: str, today: date | None = None, looking: Looking | None = None
) -> date | PartialDate:
    """Like parse_date, but a year ("1973") or a month and year ("March 1974") is kept as a
    PartialDate, with nothing filled in; a whole day is a `date`."""
    today = today or date.today()
    text = " ".join(typed.strip().lower().split())
    if not text:
        raise InvalidDate(typed, "nothing was typed")
    try:
        parts = None if _is_spoken(text) else _typed_parts(text)
    except (ValueError, OverflowError) as error:
        raise InvalidDate(typed, _explain(str(error))) from None
    if parts is None:
        return _parse_spoken(typed, text, today)
    year, month, day = parts
    if day is None:
        if month is None and year is None:  # nothing but words dateutil skipped
            raise InvalidDate(typed, _explain(""))
        if year is None:
            raise InvalidDate(typed, 'say the year too, e.g. "March 1974"')
        if year_problem(date(year, 1, 1)):
            raise InvalidDate(typed, year_problem(date(year, 1, 1)))
        return PartialDate(year, month)
    try:
        parsed = _whole_day(year, month or today.month, day, today, looking)
    except (ValueError, OverflowError) as error:
        raise InvalidDate(typed, _explain(str(error))) from None
    if year_problem(parsed):
        raise InvalidDate(typed, year_problem(parsed))
    return parsed


def year_left_out(typed: str) -> bool:
    """True when `typed` names a day and month but no year ("12 Sep"), so the field chose one."""
    text = " ".join(typed.strip().lower().split())
    if not text or _is_spoken(text):
        return False
    try:
        year, _, day = _typed_parts(text)
    except (ValueError, OverflowError):
        return False
    return year is None and day is not None


def _is_spoken(text: str) -> bool:
    """ "tomorrow", "in 3 weeks", "next friday", "friday": read from today, not by dateutil."""
    this_or_next = _THIS_OR_NEXT.match(text)
    return (
        text in _NAMED
        or text in _WEEKDAYS
        or bool(_RELATIVE.match(text))
        or bool(this_or_next and this_or_next["weekday"] in _WEEKDAYS)
    )


# Two defaults that differ in every part, each a leap year with a 31-day month and a day every
# month has: a part dateutil fills the same from both was typed; one that differs was not.
_DEFAULTS = (datetime(2000, 1, 1), datetime(2004, 3, 2))


def _typed_parts(text: str) -> tuple[int | None, int | None, int | None]:
    """The year, month and day `text` gives (None for each it leaves out). Raises ValueError."""
    first, second = (date_parser.parse(text, default=default) for default in _DEFAULTS)
    return (
        first.year if first.year == second.year else None,
        first.month if first.month == second.month else None,
        first.day if first.day == second.day else None,
    )


def _whole_day(
    year: int | None, month: int, day: int, today: date, looking: Looking | None
) -> date:
    if year is not None:
        return date(year, month, day)
    if looking is None:
        return date(today.year, month, day)
    step = 1 if looking == "ahead" else -1
    for offset in range(9):  # 29 February comes round within 8 years
        candidate_year = today.year + step * offset
        try:
            candidate = date(candidate_year, month, day)
        except ValueError:
            if (month, day) == (2, 29):
                continue
            raise
        if (candidate >= today) if looking == "ahead" else (candidate <= today):
            return candidate
    raise ValueError("day is out of range for month")


def _parse_spoken(typed: str, text: str, today: date) -> date:
    relative = _RELATIVE.match(text)
    this_or_next = _THIS_OR_NEXT.match(text)
    try:
        if text in _NAMED:
            parsed = today + relativedelta(days=_NAMED[text])
        elif text in _WEEKDAYS:  # "friday": today or the next one
            parsed = today + relativedelta(weekday=_WEEKDAYS[text])
        elif this_or_next and this_or_next["weekday"] in _WEEKDAYS:
            # "this tuesday" is "tuesday": today or the next one; "next tuesday" the next one after today
            after = 1 if this_or_next["which"] == "next" else 0
            parsed = today + relativedelta(days=after, weekday=_WEEKDAYS[this_or_next["weekday"]])
        elif relative:
            count_text = relative["count"]
            count = _WORD_NUMBERS.get(count_text) or int(count_text)
            parsed = today + _STEP[relative["unit"]] * count
        else:  # pragma: no cover - _is_spoken said it was one of the above
            raise ValueError("")
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


def parse_optional_date(
    typed: str | None, today: date | None = None, looking: Looking | None = None
) -> date | None:
    """Like parse_date, but an empty field means "no date"."""
    if typed is None or not typed.strip():
        return None
    return parse_date(typed, today, looking)


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


def _explain(parser_message: str) -> str:
    if "month must be" in parser_message:
        return "there is no such month"
    if "day is out of range" in parser_message or "must be in" in parser_message:
        return "that day does not exist in that month"
    if "year" in parser_message or "too large" in parser_message:
        return f"the year should be between {_EARLIEST_YEAR} and {_LATEST_YEAR}"
    return 'try something like "24 Dec 2026", "2026-12-24" or "in 3 weeks"'
