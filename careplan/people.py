"""Telling people apart: two plans for "Sam Taylor" must never look the same in the caseload, a
plan's title or an export's file name. What tells them apart is the person's own reference (a
hospital number) and their date of birth.

The date of birth is read here and nowhere else in the caseload: `_born` is the one place that
knows its type, so a change to how a date of birth is kept touches only it.
"""

from __future__ import annotations

import calendar
import re
import unicodedata

from careplan.display import shown_name
from careplan.model import About


def _born(about: About) -> tuple[str, str]:
    """The date of birth as the caseload shows it ("born 3 Mar 1948") and as a file name carries
    it ("b1948"); empty when nobody has given it."""
    born = about.date_of_birth
    if born is None:
        return "", ""
    if born.day is not None and born.month is not None:  # a whole day, shortened for a list row
        return f"born {born.day} {calendar.month_abbr[born.month]} {born.year}", f"b{born.year}"
    return f"born {born.in_words()}", f"b{born.year}"  # "born 1973", "born March 1974", as given


def told_apart(about: About) -> str:
    """What tells this person from another of the same name: "born 3 Mar 1948, ref H12345",
    or "" when neither is given (nothing is invented)."""
    parts = [_born(about)[0]]
    reference = shown_name(about.reference).strip()
    if reference:
        parts.append(f"ref {reference}")
    return ", ".join(part for part in parts if part)


def file_tag(about: About) -> str:
    """The same, short enough for a file name: "h12345" (the reference), else "b1948", else ""."""
    reference = _slug(about.reference)
    return reference or _born(about)[1]


def caregivers(about: About) -> list[str]:
    """The names of the people taking part, as they may be shown."""
    return [
        shown_name(person.name).strip()
        for person in about.participants
        if shown_name(person.name).strip()
    ]


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:24].strip("-")


def plan_title(about: About, fallback: str = "") -> str:
    """The plan's title: their full name and what tells them apart, "Sam Taylor, born 3 Mar 1948",
    with the name they are called by first when the full name does not hold it, "Peggy (Margaret
    Hale)"; `fallback` (the stored person) before a name is typed, else "New plan"."""
    called = about.called or shown_name(fallback).strip()
    if not called:
        return "New plan"
    full = shown_name(about.name).strip()
    if not full or set(called.casefold().split()) <= set(full.casefold().split()):
        title = full or called  # "Sam" of "Sam Taylor": the full name says both
    else:
        title = f"{called} ({full})"
    details = told_apart(about)
    return f"{title}, {details}" if details else title
