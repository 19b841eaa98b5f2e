"""Writing the draft from the screens, calmly when the disk says no.

Every screen keeps the draft in step through `keep_draft`, never `working.changed()` directly: when
the draft cannot be written (a full disk, a folder gone) the words stay on screen and in memory, the
person is told once (not at every key), the next change tries again, and they are told when it
works again. Quitting while it still fails asks first (careplan.screens.leaving).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from careplan.errors import CarePlanError

if TYPE_CHECKING:
    from textual.app import App

    from careplan.working_plan import WorkingPlan

NOT_KEPT_TITLE = "Not kept on disk yet"


def keep_draft(app: App, working: WorkingPlan) -> bool:
    """Write the draft; True when it is on disk. A CarePlanError is said, never raised."""
    was_failing = working.draft_problem is not None
    try:
        working.changed()
    except CarePlanError as problem:
        if not was_failing:
            app.notify(
                f"What you type is still here, but it could not be kept on disk just now. {problem}\n"
                "careplan tries again with each change; nothing on screen is lost.",
                title=NOT_KEPT_TITLE,
                severity="warning",
                timeout=15,
            )
        return False
    if was_failing:
        app.notify("Everything typed is kept on disk again.", title="Kept")
    return True
