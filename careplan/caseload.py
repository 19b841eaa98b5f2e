"""Working through a caseload: the order plans are listed in, the line that says how many are due,
and finding a plan by anything a person might type (their name, the name they are called by, a
caregiver's name). The app's list of plans and `careplan list` both use these, so they agree.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import Literal

from careplan.display import shown_name
from careplan.store import PlanSummary

Order = Literal["review", "name", "saved"]
ORDERS: dict[Order, str] = {
    "review": "next review, overdue first",
    "name": "name",
    "saved": "last saved, latest first",
}
WEEK = timedelta(days=7)


def next_order(order: Order) -> Order:
    names = list(ORDERS)
    return names[(names.index(order) + 1) % len(names)]


def sorted_plans(summaries: Iterable[PlanSummary], order: Order, today: date) -> list[PlanSummary]:
    """The plans in `order`. By review: the longest overdue first, then the soonest due, then those
    with no review set, then closed ones (due none); by name: A to Z; by last saved: the latest
    first, never saved last."""

    def by_name(summary: PlanSummary) -> tuple[str, str]:
        return (shown_name(summary.person).casefold(), summary.id)

    listed = sorted(summaries, key=by_name)
    if order == "review":
        return sorted(
            listed,
            key=lambda s: (s.closed is not None, s.next_review is None, s.next_review or today),
        )
    if order == "saved":
        return sorted(listed, key=lambda s: (s.last_saved is None, -_stamp(s.last_saved)))
    return listed


def _stamp(moment: datetime | None) -> float:
    return moment.timestamp() if moment else 0.0


def open_plans(summaries: Iterable[PlanSummary], include_closed: bool = False) -> list[PlanSummary]:
    return [s for s in summaries if include_closed or s.closed is None]


def due_line(summaries: Iterable[PlanSummary], today: date) -> str:
    """ "2 overdue, 1 due this week" (this week: today and the six days after), for open plans."""
    reviews = [s.next_review for s in summaries if s.closed is None and s.next_review]
    overdue = sum(1 for day in reviews if day < today)
    this_week = sum(1 for day in reviews if today <= day < today + WEEK)
    if not overdue and not this_week:
        return "No review is overdue or due this week."
    parts = []
    if overdue:
        parts.append(f"{overdue} overdue")
    if this_week:
        parts.append(f"{this_week} due this week")
    return ", ".join(parts) + "."


def matches(summary: PlanSummary, typed: str) -> bool:
    """Whether what was typed is in the person's name, the name they are called by, a caregiver's
    name, what tells them apart (a reference) or the plan's id."""
    wanted = " ".join(typed.split()).casefold()
    if not wanted:
        return True
    return any(wanted in text.casefold() for text in _findable(summary))


def found_by(summaries: Iterable[PlanSummary], typed: str) -> list[PlanSummary]:
    """The plans a PLAN argument names: those whose person's name (or called name, or a
    caregiver's name) starts with it, else those holding it anywhere."""
    wanted = " ".join(typed.split()).casefold()
    listed = list(summaries)
    starting = [
        s
        for s in listed
        if any(
            text.casefold().startswith(wanted) or f" {wanted}" in text.casefold()
            for text in _findable(s)
        )
    ]
    return starting or [s for s in listed if matches(s, typed)]


def same_name(summaries: Iterable[PlanSummary], person: str) -> list[PlanSummary]:
    """The plans (open or closed) for someone of exactly this name, whatever its case or spaces."""
    wanted = " ".join(shown_name(person).split()).casefold()
    return [
        s
        for s in summaries
        if wanted and " ".join(shown_name(s.person).split()).casefold() == wanted
    ]


def tell_apart(summary: PlanSummary) -> str:
    """ "Sam Taylor (born 3 Mar 1948, ref H1; id sam-taylor-1a2b)": what tells one plan from another."""
    person = shown_name(summary.person) or "?"
    details = ", ".join(part for part in (summary.told_apart, _closed(summary)) if part)
    return f"{person} ({details + '; ' if details else ''}id {summary.id})"


def _closed(summary: PlanSummary) -> str:
    return f"closed: {summary.closed.in_words}" if summary.closed else ""


def _findable(summary: PlanSummary) -> list[str]:
    return [
        shown_name(summary.person),
        summary.called,
        *summary.caregivers,
        summary.told_apart,
        summary.id,
    ]
