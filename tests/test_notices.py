"""Notices stay a few lines long whatever they quote, and keep the words that say what to do."""

from __future__ import annotations

from careplan.model import Goal
from careplan.screens.app import NOTICE_LIMIT, CarePlanApp, shortened
from careplan.store import Store
from tests.pilot_helpers import SIZE, add_plan, notice_messages, settle


def test_a_short_message_is_left_as_it_is() -> None:
    assert shortened("Version 2 saved.") == "Version 2 saved."


def test_a_long_message_keeps_its_start_and_its_end() -> None:
    message = "Well done: " + "a walk to the sea " * 300 + "is achieved. R makes it active again."
    short = shortened(message)
    assert len(short) <= NOTICE_LIMIT
    assert short.startswith("Well done: a walk") and short.endswith("R makes it active again.")
    assert " … " in short


async def test_achieving_a_very_long_goal_gives_a_notice_of_a_few_lines(store: Store) -> None:
    plan_id = add_plan(store, "Ruth Okafor")
    with store.open_plan(plan_id) as plan_file:
        plan = plan_file.load(plan_file.latest)
        plan.goals.append(Goal(title="See the sea " * 400))
        plan_file.save_version(plan, saved_by="Priya")
    app = CarePlanApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("4")
        await settle(pilot)
        await pilot.press("d")  # achieved
        await settle(pilot)
        said = notice_messages(app)
        assert said and all(len(message) <= NOTICE_LIMIT for message in said)
