"""Dates that read two ways ("03/04/2026": 4 March in the US, 3 April in the UK) keep their reading,
month first, and the date field says so, with how to type the other one; "next tuesday" reads."""

from __future__ import annotations

from datetime import date

import pytest

from careplan.dates import other_reading, parse_date
from careplan.partial_dates import PartialDate
from careplan.screens.app import CarePlanApp
from careplan.store import Store
from tests.pilot_helpers import SIZE, add_plan, settle, shown, type_into

TODAY = date(2026, 1, 31)  # a Saturday


# --- the domain ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "read", "other"),
    [
        ("03/04/2026", date(2026, 3, 4), date(2026, 4, 3)),
        ("3/4/2026", date(2026, 3, 4), date(2026, 4, 3)),
        ("3.4.26", date(2026, 3, 4), date(2026, 4, 3)),
        ("3-4-2026", date(2026, 3, 4), date(2026, 4, 3)),
        (" 12/11/1956 ", date(1956, 12, 11), date(1956, 11, 12)),
        ("3/4", date(2026, 3, 4), date(2026, 4, 3)),  # this year
    ],
)
def test_a_date_that_reads_two_ways_keeps_month_first_and_offers_the_other(
    typed: str, read: date, other: date
) -> None:
    assert parse_date(typed, TODAY) == read  # nothing already typed changes meaning
    assert other_reading(typed, TODAY) == other


@pytest.mark.parametrize(
    "typed",
    [
        "2026-03-04",  # ISO: year, month, day, one way only
        "2026/03/04",
        "04/04/2026",  # the same either way
        "25/12/2026",  # 25 is no month
        "12/25/2026",
        "1/13/2026",
        "3 Apr 2026",  # the month in words
        "April 3",
        "in 3 weeks",
        "tomorrow",
        "13/13/2026",  # not a date at all
        "",
        "3.4",  # not read as 3 or 4 of a month at all, so no other reading to offer
    ],
)
def test_a_date_that_reads_one_way_has_no_other_reading(typed: str) -> None:
    assert other_reading(typed, TODAY) is None


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("tuesday", date(2026, 2, 3)),
        ("this tuesday", date(2026, 2, 3)),
        ("next tuesday", date(2026, 2, 3)),
        ("Next  Tue", date(2026, 2, 3)),
        ("saturday", TODAY),  # today is a Saturday
        ("this saturday", TODAY),
        ("next saturday", date(2026, 2, 7)),  # the next one after today
        ("next friday", date(2026, 2, 6)),
        ("next sunday", date(2026, 2, 1)),
    ],
)
def test_next_and_this_weekday(typed: str, expected: date) -> None:
    assert parse_date(typed, TODAY) == expected


# --- on screen -------------------------------------------------------------------------------------


async def open_about(pilot) -> None:
    await settle(pilot)
    await pilot.press("1")
    await settle(pilot)


async def test_the_echo_says_a_date_was_read_month_first_and_how_to_type_the_other(
    store: Store,
) -> None:
    add_plan(store, "Ruth Okafor")
    app = CarePlanApp(store, today=date(2026, 6, 1))
    async with app.run_test(size=SIZE) as pilot:
        await open_about(pilot)
        await type_into(pilot, "#about-dob Input", "03/04/1956")
        assert shown(app, "#about-dob .date-echo") == (
            '= Sunday 4 March 1956. Read month first; for 3 April, type "3 Apr 1956".'
        )
        await pilot.press("enter")
        await settle(pilot)
        assert app.working is not None and app.working.plan.about.date_of_birth == PartialDate(
            1956, 3, 4
        )

        await type_into(pilot, "#about-dob Input", "3 Apr 1956")  # as the echo said
        assert shown(app, "#about-dob .date-echo") == "= Tuesday 3 April 1956"

        await type_into(pilot, "#about-dob Input", "25/12/1956")
        assert shown(app, "#about-dob .date-echo") == "= Tuesday 25 December 1956"

        await type_into(pilot, "#about-dob Input", "03/04/2056")  # both notes, the calm one last
        assert shown(app, "#about-dob .date-echo") == (
            '= Saturday 4 March 2056. Read month first; for 3 April, type "3 Apr 2056". '
            "That is in the future; is the year right?"
        )
