"""How the caseload looks: five plans, one overdue, one due this week, two people of one name told
apart, one closed (left out, and said so); at 100x30 and at 80x24, and the close form at 80x24.
Every day and time is fixed and the app's "today" pinned, so each snapshot is the same every run."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from textual.widgets import Input

from careplan.closing import Closure
from careplan.model import About, CarePlan
from careplan.screens.app import CarePlanApp
from careplan.store import Store

TODAY = date(2026, 12, 2)
SAVED = datetime(2026, 11, 1, 10, 0, tzinfo=UTC)


def caseload_app(store: Store) -> CarePlanApp:
    people = [
        ("Sam Taylor", {"reference": "H-1001", "date_of_birth": date(1948, 3, 3)}, -9),
        ("Sam Taylor", {"date_of_birth": date(1971, 10, 9)}, 2),
        ("Margaret Ellis", {"preferred_name": "Maggie"}, 30),
        ("Ruth Okafor", {}, None),
        ("Dev Evans", {}, -1),
    ]
    for number, (name, about, review_in) in enumerate(people):
        review = TODAY + timedelta(days=review_in) if review_in is not None else None
        plan = CarePlan(about=About(name=name, **about), next_review=review)
        with store.create_plan(plan) as plan_file:
            plan_file.save_version(plan, saved_by="Priya", when=SAVED + timedelta(days=number))
            if name == "Dev Evans":
                plan_file.close_plan(
                    Closure("died", date(2026, 11, 30)),
                    saved_by="Priya",
                    when=SAVED + timedelta(days=29),
                )
    return CarePlanApp(store, today=TODAY)


async def settled(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    await pilot.pause()


def test_the_caseload(store: Store, snap_compare) -> None:
    assert snap_compare(caseload_app(store), run_before=settled, terminal_size=(100, 30))


def test_the_caseload_at_80_by_24(store: Store, snap_compare) -> None:
    assert snap_compare(caseload_app(store), run_before=settled, terminal_size=(80, 24))


def test_closing_a_plan_at_80_by_24(store: Store, snap_compare) -> None:
    async def close_form(pilot) -> None:
        await settled(pilot)
        await pilot.press("ctrl+w")
        await settled(pilot)

    assert snap_compare(caseload_app(store), run_before=close_form, terminal_size=(80, 24))
