"""The caseload in the app, at 100x30 and 80x24: the order (overdue first) and the line that says
what is due, typing that finds at once (by the name they are called by and by a caregiver), two
people of one name told apart, a second plan for a name already there, and closing a plan and
reopening it with a confirm, read only while closed."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from textual.widgets import DataTable, Input, Select

from careplan.model import Participant
from careplan.screens.closing import CloseEditor
from careplan.screens.plan_home import PlanHomeScreen
from careplan.screens.plans import PlansScreen
from careplan.screens.widgets.confirm import ChoiceScreen, ConfirmScreen
from careplan.store import Store
from tests.conftest import OpenApp
from tests.pilot_helpers import SIZE, add_plan, draft_plan, notices, settle, shown

TODAY = date(2026, 12, 2)
SIZES = pytest.mark.parametrize("size", [SIZE, (80, 24)], ids=["100x30", "80x24"])


def people(app) -> list[str]:
    table = app.screen.query_one(DataTable)
    return [str(table.get_row_at(row)[0]) for row in range(table.row_count)]


def a_caseload(store: Store) -> dict[str, str]:
    return {
        "anna": add_plan(store, "Anna Berg", next_review=TODAY + timedelta(days=3)),
        "ben": add_plan(
            store,
            "Ben Cole",
            preferred_name="Benny",
            participants=[Participant(name="Tomasz Cole", relationship="brother")],
        ),
        "cara": add_plan(store, "Cara Dunn", next_review=TODAY - timedelta(days=10)),
    }


@SIZES
async def test_the_caseload_is_in_review_order_says_what_is_due_and_changes_order(
    store: Store, open_app: OpenApp, size
) -> None:
    a_caseload(store)
    async with open_app(size=size, today=TODAY) as pilot:
        app = pilot.app
        assert isinstance(app.screen, PlansScreen)
        assert people(app) == ["Cara Dunn", "Anna Berg", "Ben Cole"]
        due = shown(app, "#plan-due")
        assert "next review, overdue first" in due and "1 overdue, 1 due this week." in due
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert people(app) == ["Anna Berg", "Ben Cole", "Cara Dunn"]
        assert "In order of name" in shown(app, "#plan-due")
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert people(app) == ["Cara Dunn", "Ben Cole", "Anna Berg"]
        assert "last saved" in shown(app, "#plan-due")
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert people(app)[0] == "Cara Dunn" and "next review" in shown(app, "#plan-due")


@SIZES
async def test_typing_in_the_list_finds_at_once_by_called_name_and_caregiver(
    store: Store, open_app: OpenApp, size
) -> None:
    a_caseload(store)
    async with open_app(size=size, today=TODAY) as pilot:
        app = pilot.app
        assert isinstance(app.focused, DataTable)
        await pilot.press(*"benny")  # no "/" first
        await settle(pilot)
        assert app.screen.query_one("#plan-filter", Input).value == "benny"
        assert people(app) == ["Ben Cole"]
        await pilot.press("escape")
        await settle(pilot)
        assert len(people(app)) == 3 and isinstance(app.focused, DataTable)
        await pilot.press(*"tomasz")
        await settle(pilot)
        assert people(app) == ["Ben Cole"]
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PlanHomeScreen)
        assert app.working is not None and app.working.plan.person == "Ben Cole"


@SIZES
async def test_two_people_of_one_name_are_told_apart_in_the_list_and_the_title(
    store: Store, open_app: OpenApp, size
) -> None:
    add_plan(store, "Sam Taylor", reference="H-1001", date_of_birth=date(1948, 3, 3))
    add_plan(store, "Sam Taylor", preferred_name="Sam", date_of_birth=date(1971, 10, 9))
    async with open_app(size=size, today=TODAY) as pilot:
        app = pilot.app
        assert sorted(people(app)) == [
            "Sam Taylor\nborn 3 Mar 1948, ref H-1001",
            "Sam Taylor\nborn 9 Oct 1971",
        ]
        await pilot.press(*"h-1001", "enter")
        await settle(pilot)
        assert isinstance(app.screen, PlanHomeScreen)
        assert app.screen.sub_title == "Sam Taylor, born 3 Mar 1948, ref H-1001"


@SIZES
async def test_a_new_plan_for_a_name_already_there_says_so_and_offers_it(
    store: Store, open_app: OpenApp, size
) -> None:
    ids = a_caseload(store)
    async with open_app(size=size, today=TODAY) as pilot:
        app = pilot.app
        await pilot.press("ctrl+n")
        await settle(pilot)
        await pilot.press(*"anna berg", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceScreen)
        assert "There is already a plan for anna berg" in app.screen.question
        assert ids["anna"] in app.screen.detail
        await pilot.click("#answer-open")
        await settle(pilot)
        assert isinstance(app.screen, PlanHomeScreen)
        assert app.working is not None and app.working.file.id == ids["anna"]
    assert len(store.list_plans()) == 3  # nothing new was made


async def test_another_plan_of_the_same_name_can_still_be_started(
    store: Store, open_app: OpenApp
) -> None:
    a_caseload(store)
    async with open_app(today=TODAY) as pilot:
        await pilot.press("ctrl+n")
        await settle(pilot)
        await pilot.press(*"Anna Berg", "enter")
        await settle(pilot)
        await pilot.click("#answer-new")
        await settle(pilot)
        assert isinstance(pilot.app.screen, PlanHomeScreen)
    assert [s.person for s in store.list_plans()].count("Anna Berg") == 2


@SIZES
async def test_closing_a_plan_asks_keeps_it_read_only_and_it_can_be_reopened(
    store: Store, open_app: OpenApp, size
) -> None:
    ids = a_caseload(store)
    async with open_app(size=size, today=TODAY) as pilot:
        app = pilot.app
        assert people(app)[0] == "Cara Dunn"
        await pilot.press("ctrl+w")
        await settle(pilot)
        assert isinstance(app.screen, CloseEditor)
        assert isinstance(app.focused, Select)  # why it closes: the one thing it needs
        await pilot.press("enter", "down", "enter")  # the list opens on "Choose a reason"; Died
        await settle(pilot)
        assert app.screen.query_one("#close-reason", Select).value == "died"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        assert "Nothing is deleted" in app.screen.detail
        await pilot.click("#answer-yes")
        await settle(pilot)
        assert isinstance(app.screen, PlansScreen)
        assert "Cara Dunn" not in people(app)
        assert "1 closed not shown" in shown(app, "#plan-due")
        assert "1 overdue" not in shown(app, "#plan-due")  # a closed plan is not due
        await pilot.press("ctrl+t")
        await settle(pilot)
        assert "Cara Dunn" in people(app)
        table = app.screen.query_one(DataTable)
        table.move_cursor(row=people(app).index("Cara Dunn"))
        await settle(pilot)
        assert "Closed: Died, 2 Dec 2026" in shown(app, "#plan-detail")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PlanHomeScreen)
        assert app.working is not None and app.working.read_only
        assert "Closed: Died, 2 Dec 2026" in shown(app, ".read-only-text")
        await pilot.press("escape")
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        table.move_cursor(row=people(app).index("Cara Dunn"))
        await pilot.press("ctrl+w")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen) and "Reopen" in app.screen.question
        await pilot.click("#answer-yes")
        await settle(pilot)
        assert any("open again" in notice for notice in notices(app))
    with store.open_plan(ids["cara"], write=False) as opened:
        assert opened.closed is None
        assert [v.note for v in opened.versions()][1:] == [
            "Plan closed: Died, 2 Dec 2026",
            "Plan reopened",
        ]


async def test_a_future_day_or_no_reason_is_a_kind_word_not_a_closing(
    store: Store, open_app: OpenApp
) -> None:
    ids = a_caseload(store)
    async with open_app(today=TODAY) as pilot:
        app = pilot.app
        await pilot.press("ctrl+w")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Choose why" in shown(app, "#form-problem")
        app.screen.query_one("#close-reason", Select).value = "moved"
        day = app.screen.query_one("#close-day", Input)
        day.value = "tomorrow"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, CloseEditor)
        assert "future day" in shown(app, "#form-problem")
    with store.open_plan(ids["cara"], write=False) as opened:
        assert opened.closed is None and len(opened.versions()) == 1


async def test_the_reference_is_typed_in_about_and_shows_in_the_title(
    store: Store, open_app: OpenApp
) -> None:
    plan_id = add_plan(store, "Ruth Okafor")
    async with open_app(today=TODAY) as pilot:
        app = pilot.app
        app.open_section("about")
        await settle(pilot)
        box = app.screen.query_one("#about-reference", Input)
        box.focus()
        await pilot.press(*"NHS 123")
        await settle(pilot)
        assert "ref NHS 123" in app.screen.sub_title
        assert app.working is not None and app.working.plan.about.reference == "NHS 123"
    assert draft_plan(store, plan_id).about.reference == "NHS 123"


async def test_a_new_plan_for_a_name_held_by_two_shows_them_both(
    store: Store, open_app: OpenApp
) -> None:
    add_plan(store, "Sam Taylor", reference="H-1")
    add_plan(store, "Sam Taylor", reference="H-2")
    add_plan(store, "Ruth Okafor")
    async with open_app(today=TODAY) as pilot:
        app = pilot.app
        await pilot.press("ctrl+n")
        await settle(pilot)
        await pilot.press(*"Sam Taylor", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceScreen)
        assert "ref H-1" in app.screen.detail and "ref H-2" in app.screen.detail
        await pilot.click("#answer-open")
        await settle(pilot)
        assert isinstance(app.screen, PlansScreen)
        assert sorted(people(app)) == ["Sam Taylor\nref H-1", "Sam Taylor\nref H-2"]
    assert len(store.list_plans()) == 3
