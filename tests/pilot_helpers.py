"""What the Pilot tests of the whole app share: a plan to open, waiting for the app to settle,
typing into a field, and reading back what the screen, the notices and the store hold."""

from __future__ import annotations

from textual.widgets import Input, Static

from careplan.model import About, CarePlan
from careplan.screens.app import CarePlanApp
from careplan.store import Store

SIZE = (100, 30)


def add_plan(store: Store, name: str, saved: bool = True) -> str:
    plan = CarePlan(about=About(name=name))
    with store.create_plan(plan) as plan_file:
        if saved:
            plan_file.save_version(plan, saved_by="Priya", note="first meeting")
        return plan_file.id


async def settle(pilot) -> None:
    """Loading work done, and the screen drawn after it (a worker's result is shown a frame later)."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


async def type_into(pilot, selector: str, text: str) -> None:
    """Type into a field as a person would; a one-line field is emptied first."""
    field = pilot.app.screen.query_one(selector)
    field.focus()
    if isinstance(field, Input):
        field.value = ""
    await pilot.press(*text)
    await pilot.pause()


def shown(app: CarePlanApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def notices(app: CarePlanApp) -> list[str]:
    """Each notice shown so far, its title then its words."""
    return [f"{notice.title} {notice.message}" for notice in app._notifications]


def said(app: CarePlanApp) -> str:
    """Everything the notices have said, as one text to look for words in."""
    return " ".join(notices(app))


def draft_plan(store: Store, plan_id: str) -> CarePlan:
    """What is on disk now, read the way another process would."""
    with store.open_plan(plan_id, write=False) as plan_file:
        draft = plan_file.draft()
        assert draft is not None
        return draft.plan
