"""Read only, and the way out of it: a plan open for changes in another careplan window is shown
here to read, with a note that says so and offers to try again (Ctrl+E or its button) once the
other window has let the plan go.

Trying again takes the plan's lock (careplan.store.Store.open_plan). If the other window still has
it, nothing changes and the person is told calmly. If the lock is free, the plan is opened afresh
(the other window may have left a draft, which is now shown) and the person is taken back to the
part they were looking at, now open for changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Button, Static

from careplan.closing import Closure
from careplan.errors import CarePlanError, PlanLocked

if TYPE_CHECKING:
    from careplan.screens.app import CarePlanApp

READ_ONLY_NOTE = (
    "Read only: another careplan window has this plan open for changes. You can look at everything "
    "here, and make changes too once that window is closed:"
)
TRY_AGAIN = "Try again to make changes (Ctrl+E)"
STILL_BUSY = (
    "The plan is still open for changes in the other careplan window, so this one stays read only. "
    "Nothing is lost. Close the other window (or save and go back to all plans there), then try again."
)


class ReadOnlyNote(Vertical):
    """What read only means here, and the button that tries again."""

    def __init__(self) -> None:
        super().__init__(classes="read-only-note")

    def compose(self) -> ComposeResult:
        working = cast("CarePlanApp", self.app).working
        closed = working.file.closed if working is not None else None
        if closed is not None:  # kept as it is: no trying again here, reopening is in all plans
            yield Static(closed_note(closed), classes="read-only-text", markup=False)
            return
        yield Static(READ_ONLY_NOTE, classes="read-only-text", markup=False)
        # keep-enabled: SectionScreen.lock_editing disables every other button while read only
        yield Button(TRY_AGAIN, id="try-changes", classes="keep-enabled", compact=True)

    @on(Button.Pressed, "#try-changes")
    def try_again(self, event: Button.Pressed) -> None:
        event.stop()
        try_again_for_changes(cast("CarePlanApp", self.app))


def closed_note(closed: Closure) -> str:
    return (
        f"Closed: {closed.in_words}. This plan is kept as it was and shown read only; to go on "
        "with it, reopen it from all plans (Ctrl+W there)."
    )


def try_again_for_changes(app: CarePlanApp) -> None:
    """Open the read-only plan for changes if its lock is free now; else say so, changing nothing."""
    from careplan.screens.plans import PlansScreen
    from careplan.screens.section_base import SectionScreen

    working = app.working
    if working is None or not working.read_only:
        return
    if working.file.closed is not None:
        app.notify(closed_note(working.file.closed), title="Closed", timeout=10)
        return
    try:
        plan_file = app.store.open_plan(working.file.id)
    except PlanLocked:
        app.notify(STILL_BUSY, title="Still read only", timeout=10)
        return
    except CarePlanError as error:
        app.notify(str(error), title="Still read only", severity="warning", timeout=10)
        return
    section = app.screen.SECTION if isinstance(app.screen, SectionScreen) else ""
    plans = next((screen for screen in app.screen_stack if isinstance(screen, PlansScreen)), None)
    if plans is None:  # not started from the caseload (never in the app): leave things as they are
        plan_file.close()
        return
    while app.screen is not plans:
        # Not awaited: this may run in a handler of the very screen being taken away.
        app.pop_screen()  # the screens were showing the read-only plan; they go with it
    app.close_plan()
    plans.open_plan_file(plan_file)
    if app.working is not None and app.working.file is plan_file:
        app.notify(
            "This window can make changes now; they are kept as you go.", title="Open for changes"
        )
        if section:
            app.open_section(section)
