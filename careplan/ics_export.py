"""A saved version's dates as an iCalendar file, for the family's calendar: the next review and each
treatment decision's dates (a pause's start and end, its event's day, a day to look again), each an
all-day event with a plain title. Only dates the plan holds are written; nothing is guessed (an
event typed as words, "Jess's wedding on 22 August", stays words until its day is given).
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import TYPE_CHECKING

from icalendar import Calendar, Event

from careplan.display import shown
from careplan.migrations import FIRST_DECISION_ID
from careplan.model import TreatmentDecision

if TYPE_CHECKING:
    from careplan.store import PlanFile

__all__ = ["calendar_dates", "ics_calendar"]


def calendar_dates(plan_file: PlanFile, number: int) -> list[tuple[str, date, str]]:
    """(key, day, title) for each dated thing in version `number`, in the order of the day."""
    from careplan.history import PlanHistory

    plan = PlanHistory(plan_file, upto=number).plan(number)
    who = shown(plan.about.called) or "the plan"
    found = [("next-review", plan.next_review, f"Care plan review ({who})")]
    for decision in plan.treatment_decisions:
        found.extend(_decision_dates(decision, who))
    dated = [(key, day, title) for key, day, title in found if day is not None]
    return sorted(dated, key=lambda item: item[1])


def _decision_dates(decision: TreatmentDecision, who: str) -> list[tuple[str, date | None, str]]:
    """A decision's days, each keyed by the decision's id so its event keeps its UID. The one
    worksheet of an older plan (migrated as the first decision) keeps the keys it had then."""
    if decision.id == FIRST_DECISION_ID:
        keys = {"starts": "break-starts", "ends": "break-ends", "look": "break-look-again"}
    else:
        keys = {part: f"decision-{decision.id}-{part}" for part in ("starts", "ends", "look")}
    if decision.stopping:
        return [
            (keys["starts"], decision.starts_on, f"Treatment stops ({who})"),
            (keys["look"], decision.look_again_on, f"Look at stopping treatment again ({who})"),
        ]
    event = shown(" ".join(decision.event.split()))
    return [
        (f"decision-{decision.id}-event", decision.event_on, f"{event or 'The event'} ({who})"),
        (keys["starts"], decision.starts_on, f"Treatment break starts ({who})"),
        (keys["ends"], decision.ends_on, f"Treatment break ends ({who})"),
        (keys["look"], decision.look_again_on, f"Look at the treatment break again ({who})"),
    ]


def ics_calendar(plan_file: PlanFile, number: int) -> str:
    """Version `number`'s dates as iCalendar text (RFC 5545), one all-day event each."""
    info = plan_file.version(number)
    calendar = Calendar()
    calendar.add("prodid", "-//careplan//care plan dates//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    for key, day, title in calendar_dates(plan_file, number):
        event = Event()
        # The same plan and date always give the same UID, so importing a later version's file
        # moves the event rather than adding a second one.
        event.add(
            "uid", f"{uuid.uuid5(uuid.NAMESPACE_URL, f'careplan:{plan_file.id}:{key}')}@careplan"
        )
        event.add("dtstamp", info.saved_at)
        event.add("dtstart", day)
        event.add("dtend", day + timedelta(days=1))
        event.add("summary", title)
        event.add("description", f"From version {info.number} of the care plan.")
        event.add("transp", "TRANSPARENT")  # a reminder, not time taken up
        calendar.add_component(event)
    return calendar.to_ical().decode("utf-8")
