"""A date kept as exactly as it was given: a year ("1973"), a month and year ("March 1974"), or a
whole day ("12 March 1974").

People often know only the year someone was born, or the month. The plan keeps what was said and
never fills in the rest: a PartialDate is never turned into a `date` unless it names a whole day
(`whole_day`), and comparing one with a day uses only the parts it has.

Stored (careplan.codec) as the ISO prefix of what was given: "1973", "1974-03", "1974-03-12", which
is also how FHIR writes a partial birthDate; a whole ISO date from an older file reads as a day.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

_STORED = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?$")


class PartialDate:
    """A year, a month of a year, or a day. Immutable; equal only to the same parts."""

    __slots__ = ("day", "month", "year")

    year: int
    month: int | None
    day: int | None

    def __init__(self, year: int, month: int | None = None, day: int | None = None) -> None:
        if day is not None and month is None:
            raise ValueError("a day needs its month")
        date(year, month or 1, day or 1)  # raises ValueError for a month or day that does not exist
        object.__setattr__(self, "year", year)
        object.__setattr__(self, "month", month)
        object.__setattr__(self, "day", day)

    @classmethod
    def of(cls, day: date) -> PartialDate:
        return cls(day.year, day.month, day.day)

    @classmethod
    def from_stored(cls, text: str) -> PartialDate:
        """Read "1973", "1974-03" or "1974-03-12". Raises ValueError."""
        found = _STORED.match(text.strip())
        if found is None:
            raise ValueError(f"{text!r} is not a year, a year and month, or a day")
        month, day = found["month"], found["day"]
        return cls(int(found["year"]), int(month) if month else None, int(day) if day else None)

    def stored(self) -> str:
        """As written in files and FHIR: "1973", "1974-03", "1974-03-12"."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def in_words(self) -> str:
        """As the plan shows it, the way it was given: "1973", "March 1974", "12 March 1974"."""
        if self.month is None:
            return str(self.year)
        month = date(2000, self.month, 1).strftime("%B")
        if self.day is None:
            return f"{month} {self.year}"
        return f"{self.day} {month} {self.year}"

    def whole_day(self) -> date | None:
        """The day, when one was given; None for a year or a month (no day is made up)."""
        if self.month is None or self.day is None:
            return None
        return date(self.year, self.month, self.day)

    def parts(self) -> tuple[int, ...]:
        """Only what was given, to sort or compare by: (1973,), (1974, 3), (1974, 3, 12)."""
        return tuple(part for part in (self.year, self.month, self.day) if part is not None)

    def is_after(self, day: date) -> bool:
        """True when all of this comes after `day` (a year is after a day only in a later year)."""
        given = self.parts()
        return given > (day.year, day.month, day.day)[: len(given)]

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("a PartialDate does not change")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return (self.year, self.month, self.day) == (other.year, other.month, other.day)

    def __hash__(self) -> int:
        return hash((self.year, self.month, self.day))

    def __repr__(self) -> str:
        return f"PartialDate({self.stored()!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (PartialDate, (self.year, self.month, self.day))


def shown(value: date | PartialDate) -> str:
    """A date of the plan in words: "3 June 2026", "March 1974", "1973"."""
    if isinstance(value, PartialDate):
        return value.in_words()
    return f"{value.day} {value:%B %Y}"
