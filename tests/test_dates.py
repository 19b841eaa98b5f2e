"""Dates as people type them, and a calm, specific message when one cannot be read."""

from __future__ import annotations

from datetime import date

import pytest

from careplan.dates import describe_date, parse_date, parse_optional_date
from careplan.errors import CarePlanError, InvalidDate

TODAY = date(2026, 1, 31)  # the end of a month, where adding months is easy to get wrong


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("24 Dec 2026", date(2026, 12, 24)),
        ("24 december 2026", date(2026, 12, 24)),
        ("2026-12-24", date(2026, 12, 24)),
        ("  2026-12-24  ", date(2026, 12, 24)),
        ("Dec 24", date(2026, 12, 24)),  # this year when no year is given
        ("December 24, 2027", date(2027, 12, 24)),
        ("29 Feb 2028", date(2028, 2, 29)),  # a leap year
        ("1 Jan 1900", date(1900, 1, 1)),
        ("31 Dec 2200", date(2200, 12, 31)),
        ("today", TODAY),
        ("Tomorrow", date(2026, 2, 1)),
        ("yesterday", date(2026, 1, 30)),
        ("in 3 days", date(2026, 2, 3)),
        ("in 3 weeks", date(2026, 2, 21)),
        ("in  a   week", date(2026, 2, 7)),
        ("in 2 months", date(2026, 3, 31)),
        ("in 1 month", date(2026, 2, 28)),  # 31 Jan + 1 month: the last day of February
        ("in six months", date(2026, 7, 31)),
        ("in 1 year", date(2027, 1, 31)),
        ("IN 2 WEEKS", date(2026, 2, 14)),
    ],
)
def test_dates_typed_freely(typed: str, expected: date) -> None:
    assert parse_date(typed, today=TODAY) == expected


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("30 February", "that day does not exist in that month"),
        ("30 Feb 2026", "that day does not exist in that month"),
        ("2026-02-30", "that day does not exist in that month"),
        ("31 April 2026", "that day does not exist in that month"),
        ("29 Feb 2027", "that day does not exist in that month"),
        ("13/13/2026", "there is no such month"),
        ("1 Jan 1800", "the year should be between 1900 and 2200"),
        ("1 Jan 2201", "the year should be between 1900 and 2200"),
        ("24 Dec 99999", "the year should be between 1900 and 2200"),
        ("in 500 years", "the year should be between 1900 and 2200"),
        ("in 100000 years", "the year should be between 1900 and 2200"),
        ("in 99999999999999999999 days", "the year should be between 1900 and 2200"),
        ("soon", 'try something like "24 Dec 2026"'),
        ("next tuesday-ish", 'try something like "24 Dec 2026"'),
        ("24 Dec 2026 and then some", 'try something like "24 Dec 2026"'),
        ("", "nothing was typed"),
        ("   ", "nothing was typed"),
    ],
)
def test_a_date_that_cannot_be_read_says_why_in_plain_words(typed: str, reason: str) -> None:
    with pytest.raises(InvalidDate) as raised:
        parse_date(typed, today=TODAY)
    assert reason in str(raised.value)
    assert raised.value.typed == typed
    assert isinstance(raised.value, CarePlanError)  # the CLI and screens show it as it is


def test_the_message_echoes_what_was_typed() -> None:
    with pytest.raises(
        InvalidDate, match='Could not read "30 February" as a date: that day does not exist'
    ):
        parse_date("30 February", today=TODAY)


def test_the_echo_of_something_huge_or_with_control_characters_stays_one_short_line() -> None:
    with pytest.raises(InvalidDate) as raised:
        parse_date("x" * 100_000, today=TODAY)
    assert len(str(raised.value)) < 200
    with pytest.raises(InvalidDate) as raised:
        parse_date("\x1b[31m24 Dec\x00", today=TODAY)
    assert "\x1b" not in str(raised.value) and "\x00" not in str(raised.value)


def test_an_empty_optional_date_means_no_date() -> None:
    assert parse_optional_date(None) is None
    assert parse_optional_date("  ") is None
    assert parse_optional_date("2026-12-24") == date(2026, 12, 24)
    with pytest.raises(InvalidDate):
        parse_optional_date("30 February", today=TODAY)


def test_without_today_given_relative_dates_count_from_the_real_today() -> None:
    assert parse_date("today") == date.today()


def test_a_date_is_echoed_back_in_words() -> None:
    assert describe_date(date(2026, 12, 24)) == "Thursday 24 December 2026"
    assert describe_date(date(1900, 1, 1)) == "Monday 1 January 1900"
