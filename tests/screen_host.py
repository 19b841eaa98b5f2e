"""A minimal app that shows one screen on a real plan, for testing a screen on its own."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from textual.app import App
from textual.screen import Screen

from careplan.model import CarePlan
from careplan.screens.app import CarePlanApp
from careplan.store import Store
from careplan.working_plan import WorkingPlan


class ScreenHost(App[None]):
    # The app's own stylesheets, in its order, and its breakpoints: a screen looks here as in the app.
    CSS_PATH = CarePlanApp.CSS_PATH
    HORIZONTAL_BREAKPOINTS = CarePlanApp.HORIZONTAL_BREAKPOINTS
    today = CarePlanApp.today  # the day given, else the clock's, as in the app

    def __init__(
        self,
        make_screen: Callable[[WorkingPlan], Screen],
        working: WorkingPlan,
        today: date | None = None,
    ) -> None:
        super().__init__()
        self.make_screen = make_screen
        self.working = working
        self._today = today

    def on_mount(self) -> None:
        self.push_screen(self.make_screen(self.working))


def working_plan_for(store: Store, plan: CarePlan, saved: bool = True) -> WorkingPlan:
    """Create a plan in `store` (saved once as version 1 when `saved`) and open it for editing."""
    opened = store.create_plan(plan)
    if saved:
        opened.save_version(plan, saved_by="test", note="first version")
    return WorkingPlan(opened)
