"""What the Pilot tests of the whole app share: a plan to open, waiting for the app to settle,
typing into a field, and reading back what the screen, the notices and the store hold."""

from __future__ import annotations

from collections.abc import Callable
from weakref import WeakKeyDictionary

import pytest
from textual.app import App
from textual.widgets import Input, Static

from careplan.model import CarePlan
from careplan.screens.app import CarePlanApp
from careplan.store import Store
from tests.storage_helpers import add_plan

__all__ = [
    "SIZE",
    "add_plan",
    "draft_plan",
    "hear_notices",
    "notices",
    "settle",
    "shown",
    "type_into",
]

SIZE = (100, 30)


SETTLE_TRIES = 50


async def settle(pilot, until: Callable[[], bool] | None = None, tries: int = SETTLE_TRIES) -> None:
    """Wait until no worker is running, the app has handled what is queued, and `until` (if given)
    holds; then let one more frame draw (a worker's result is shown a frame later). Waiting is by
    condition, not by a count of pauses: a busy machine only makes it take more tries. Fails with a
    message after `tries` rounds instead of waiting for ever."""
    working: list = []
    for _ in range(tries):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        working = [worker for worker in pilot.app.workers if worker.is_running]
        if not working and (until is None or until()):
            await pilot.pause()
            return
    waiting_for = f"workers still running: {working}" if working else f"{until} never held"
    raise AssertionError(f"the app did not settle after {tries} tries: {waiting_for}")


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


# Every notice each app was given, in order, as App.notify received it (after CarePlanApp's own
# notify made it plain and short). Textual's own list forgets a notice once its timeout has passed,
# which on a busy machine can be before the test reads it.
_HEARD: WeakKeyDictionary[App, list[tuple[str, str]]] = WeakKeyDictionary()


def hear_notices(monkeypatch: pytest.MonkeyPatch) -> None:
    """Record every notice through App.notify, the public way notices are raised."""
    original = App.notify

    def notify(self: App, message: str, *, title: str = "", **options) -> None:
        _HEARD.setdefault(self, []).append((title, message))
        original(self, message, title=title, **options)

    monkeypatch.setattr(App, "notify", notify)


def notices(app: App) -> list[str]:
    """Each notice raised so far, its title then its words."""
    return [f"{title} {message}" for title, message in _HEARD.get(app, [])]


def notice_messages(app: App) -> list[str]:
    """The words of each notice raised so far, without their titles."""
    return [message for _, message in _HEARD.get(app, [])]


def said(app: CarePlanApp) -> str:
    """Everything the notices have said, as one text to look for words in."""
    return " ".join(notices(app))


def draft_plan(store: Store, plan_id: str) -> CarePlan:
    """What is on disk now, read the way another process would."""
    with store.open_plan(plan_id, write=False) as plan_file:
        draft = plan_file.draft()
        assert draft is not None
        return draft.plan
