"""ScreenHost, which shows one screen on its own for tests, shows it as the app does."""

from __future__ import annotations

from textual.geometry import Region

from careplan.model import About, CarePlan
from careplan.screens.about import AboutScreen
from careplan.screens.app import CarePlanApp
from careplan.store import Store
from careplan.working_plan import WorkingPlan
from tests.pilot_helpers import (
    SIZE,  # narrow for the app: the suggested questions go below the form
)
from tests.screen_host import ScreenHost, working_plan_for


async def questions_column(pilot) -> tuple[set[str], Region]:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, AboutScreen)
    return set(screen.classes), screen.query_one(".questions-column").region


async def test_a_screen_is_laid_out_as_in_the_app(store: Store) -> None:
    made = working_plan_for(store, CarePlan(about=About(name="Ruth Okafor"))).file
    made.close()
    plan_id = made.id

    app = CarePlanApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert app.working is not None  # the only plan opens by itself
        app.open_section("about")
        await pilot.pause()
        in_the_app = await questions_column(pilot)
    assert "-narrow" in in_the_app[0]

    working = WorkingPlan(store.open_plan(plan_id))
    async with ScreenHost(AboutScreen, working).run_test(size=SIZE) as pilot:
        hosted = await questions_column(pilot)
    working.file.close()
    assert hosted == in_the_app
