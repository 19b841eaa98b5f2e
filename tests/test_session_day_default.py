"""The session day is the default day of what is new in a draft: the working draft knows it from
the start (today unless set, never a future day); new goals, adaptations, ends and "not now" take
it; changing it moves what is new in this draft and still carries the old day, never what is saved."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from textual.widgets import Input

from careplan import goals
from careplan.errors import CarePlanError
from careplan.model import About, CarePlan, Goal
from careplan.screens.plan_home import PlanHomeScreen
from careplan.store import Store
from careplan.working_plan import WorkingPlan
from tests.conftest import OpenApp
from tests.pilot_helpers import add_plan, settle, shown, type_into

TODAY = date.today()  # the store refuses a session day after the real day of the save
EARLIER = TODAY - timedelta(days=10)
LATER_STILL = TODAY - timedelta(days=3)
SAVED_START = TODAY - timedelta(days=100)


def opened(store: Store) -> WorkingPlan:
    plan = CarePlan(
        about=About(name="Ruth Okafor"),
        goals=[Goal(title="Walk to the shop", started_on=SAVED_START)],
    )
    plan_file = store.create_plan(plan)
    plan_file.save_version(plan, saved_by="Priya")
    return WorkingPlan(plan_file)


def test_a_new_draft_is_of_today_and_can_be_set_earlier_but_not_later(store: Store) -> None:
    working = opened(store)
    assert working.session_day(TODAY) == TODAY
    working.set_session_day(EARLIER, TODAY)
    assert working.session_day(TODAY) == EARLIER
    with pytest.raises(CarePlanError, match="has not happened yet"):
        working.set_session_day(TODAY + timedelta(days=1), TODAY)
    assert working.session_day(TODAY) == EARLIER
    working.file.close()


def test_the_session_day_lasts_in_the_draft_and_is_what_the_version_records(
    store: Store,
) -> None:
    working = opened(store)
    working.set_session_day(EARLIER, TODAY)
    working.plan.about.illness = "Parkinson's"
    working.keep_draft()
    again = WorkingPlan(working.file)
    assert again.session_day(TODAY) == EARLIER
    info = again.save_version("Priya")
    assert info.session_date == EARLIER
    assert again.session_day(TODAY) == TODAY  # the next draft is a new conversation
    working.file.close()


def test_what_is_new_in_the_draft_moves_with_the_session_day_and_nothing_saved_does(
    store: Store,
) -> None:
    working = opened(store)
    plan = working.plan
    day = working.session_day(TODAY)
    plan.goals.append(Goal(title="See the sea", started_on=day))
    plan.goals.append(Goal(title="Finish the quilt", started_on=SAVED_START))  # given another day
    successor = goals.adapt_goal(plan, plan.goals[0].id, "Walk to the gate", "tired", on=day)
    plan.advance_care.not_now_on = day
    working.set_session_day(EARLIER, TODAY)
    walk, sea, quilt, gate = (
        next(goal for goal in plan.goals if goal.title == title)
        for title in ("Walk to the shop", "See the sea", "Finish the quilt", "Walk to the gate")
    )
    assert walk.started_on == SAVED_START  # saved: never moves
    assert walk.ended_on == EARLIER  # ended in this draft, on the session day: moves
    assert (sea.started_on, gate.started_on, successor.started_on) == (EARLIER,) * 3
    assert quilt.started_on == SAVED_START  # given another day: stays
    assert plan.advance_care.not_now_on == EARLIER
    working.set_session_day(LATER_STILL, TODAY)  # changed again: they follow
    assert (walk.ended_on, sea.started_on, plan.advance_care.not_now_on) == (LATER_STILL,) * 3
    working.file.close()


# --- on screen -------------------------------------------------------------------------------------

APP_TODAY = date(2026, 6, 1)  # the app's day, pinned; the days below are before it


async def set_session_day_on_home(pilot, typed: str) -> None:
    from careplan.screens.session_day import SessionDayEditor

    await pilot.press("d")
    await settle(pilot)
    assert isinstance(pilot.app.screen, SessionDayEditor)
    field = pilot.app.screen.query_one("#session-day-input", Input)
    field.value = ""
    await pilot.press(*typed, "enter")
    await settle(pilot)


async def test_the_session_day_set_on_the_home_is_the_day_of_new_goals_and_of_the_version(
    store: Store, open_app: OpenApp
) -> None:
    plan_id = add_plan(store, "Ruth Okafor")
    async with open_app(today=APP_TODAY) as pilot:
        app = pilot.app
        assert "Session of: today (D to change)" in shown(app, "#home-status")
        await set_session_day_on_home(pilot, "28 May 2026")
        assert isinstance(app.screen, PlanHomeScreen)
        assert "Session of: 28 May 2026" in shown(app, "#home-status")
        await pilot.press("4")  # Goals
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        await pilot.press(*"See the sea", "enter")
        await settle(pilot)
        [goal] = app.working.plan.goals
        assert goal.started_on == date(2026, 5, 28)
        await pilot.press("escape")
        await settle(pilot)
        await set_session_day_on_home(pilot, "27 May 2026")  # changed: the new goal moves with it
        assert app.working.plan.goals[0].started_on == date(2026, 5, 27)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen.query_one("#session-day", Input).value == "27 May 2026"  # shown in Review
        await type_into(pilot, "#saved-by", "Priya")
        await pilot.press("enter")
        await settle(pilot)
    with store.open_plan(plan_id, write=False) as plan_file:
        assert plan_file.version(2).session_date == date(2026, 5, 27)
        assert plan_file.load(2).goals[0].started_on == date(2026, 5, 27)


async def test_a_future_session_day_is_refused_kindly_on_the_home(
    store: Store, open_app: OpenApp
) -> None:
    add_plan(store, "Ruth Okafor")
    async with open_app(today=APP_TODAY) as pilot:
        app = pilot.app
        await set_session_day_on_home(pilot, "tomorrow")
        assert "has not happened yet" in shown(app, "#form-problem")
        await pilot.press("escape")
        await settle(pilot)
        if not isinstance(app.screen, PlanHomeScreen):  # asked whether to leave what was typed
            await pilot.press("escape")
            await settle(pilot)
        assert app.working.session_day(APP_TODAY) == APP_TODAY


async def test_a_session_day_changed_in_review_moves_the_goals_new_in_this_draft(
    store: Store, open_app: OpenApp
) -> None:
    add_plan(store, "Ruth Okafor")
    async with open_app(today=APP_TODAY) as pilot:
        app = pilot.app
        await pilot.press("4")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        await pilot.press(*"See the sea", "enter")
        await settle(pilot)
        assert app.working.plan.goals[0].started_on == APP_TODAY
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        await type_into(pilot, "#session-day", "30 May 2026")
        await type_into(pilot, "#saved-by", "Priya")  # leaving the day's field takes it in
        assert app.working.plan.goals[0].started_on == date(2026, 5, 30)
