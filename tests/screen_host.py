"""A minimal app that shows one screen on a real plan, for testing a screen on its own."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import App
from textual.screen import Screen

from careplan.model import CarePlan
from careplan.store import Store
from careplan.working_plan import WorkingPlan


def _stylesheets() -> list[str]:
    from importlib.resources import files

    return [str(path) for path in files("careplan.styles").iterdir() if path.name.endswith(".tcss")]


class ScreenHost(App[None]):
    CSS_PATH = _stylesheets()

    def __init__(self, make_screen: Callable[[WorkingPlan], Screen], working: WorkingPlan) -> None:
        super().__init__()
        self.make_screen = make_screen
        self.working = working

    def on_mount(self) -> None:
        self.push_screen(self.make_screen(self.working))


def working_plan_for(store: Store, plan: CarePlan, saved: bool = True) -> WorkingPlan:
    """Create a plan in `store` (saved once as version 1 when `saved`) and open it for editing."""
    opened = store.create_plan(plan)
    if saved:
        opened.save_version(plan, saved_by="test", note="first version")
    return WorkingPlan(opened)
