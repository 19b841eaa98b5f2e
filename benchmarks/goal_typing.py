"""The whole careplan app, brought to a new goal's title box the way a person gets there.

Plans list, a plan opened, the goals section, N for a new goal: the GoalEditor's title box has
the focus. Opening the plan and the section go through the app's own methods (show_plan,
open_section) rather than simulated clicks, so the path does not break when a list's layout
changes; the goal editor is opened with its key.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from textual.pilot import Pilot
from textual.widgets import Input


@asynccontextmanager
async def open_goal_title(
    plan_id: str, size: tuple[int, int]
) -> AsyncIterator[tuple[Pilot, Input, str]]:
    from careplan import locations
    from careplan.screens import registry
    from careplan.screens.app import CarePlanApp
    from careplan.store import Store
    from careplan.working_plan import WorkingPlan

    store = Store(locations.data_dir())
    app = CarePlanApp(store)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        app.show_plan(WorkingPlan(store.open_plan(plan_id)))
        await pilot.pause()
        goals_screen = registry.screen_class("goals")
        if goals_screen is not None:
            app.open_section("goals")
            await pilot.pause()
            if not isinstance(app.screen, goals_screen):
                raise SystemExit(
                    f"the goals section did not open (the screen is {type(app.screen).__name__})"
                )
            await pilot.press("n")
            where = "the GoalsScreen's new-goal editor (N), title box"
        else:  # the goals screen is not there yet: its editor over the section that stands in for it
            from careplan.screens.goal_editor import GoalEditor

            app.open_section("goals")
            await pilot.pause()
            assert app.working is not None
            app.push_screen(GoalEditor(app.working.plan, app.working.speaker))
            where = (
                "GoalEditor pushed over the stand-in goals section (no GoalsScreen yet), title box"
            )
        await pilot.pause()
        box = app.screen.query_one("#goal-title", Input)
        yield pilot, box, where
