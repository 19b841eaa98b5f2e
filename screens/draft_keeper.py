"""Keeping the draft from the screens: after a change, and whatever is waiting, for every way of leaving.

One verb for the act: *keep* (the draft). On disk the draft belongs to careplan.drafts, which the
plan file (`PlanFile.keep_draft`) and the working plan (`WorkingPlan.keep_draft`) write; screens
never call those directly but go through `keep_draft` here: when the draft cannot be written (a
full disk, a folder gone) the words stay on screen and in memory, the person is told once (not at
every key), the next change tries again, and they are told when it works again.

A section screen keeps the draft at once after a change (`SectionScreen.keep_draft`) or when typing
pauses (`keep_draft_soon`); what still waits for a pause is kept by `SectionScreen.keep_waiting`
and the guided session's `GuidePanel.keep_waiting`. Every way of leaving ends here:

- Esc, or another screen covering a section: the section's `keep_waiting` (action_back,
  on_screen_suspend, on_unmount).
- Leaving a plan's home, and every ending below: `keep_before_closing`, from `app.close_plan`.
- Ctrl+Q: careplan.screens.leaving asks about an open editor's words first, then
  `keep_everything_waiting`; a draft that still cannot be written is asked about before quitting.
- A closed window, SIGHUP or SIGTERM: careplan.screens.hangup lets typing arrive, saves open
  editors as "Save it" would, then `app.close_plan` as above; nobody is asked.
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
        working.keep_draft()
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


def keep_everything_waiting(app: App) -> None:
    """Keep in the draft what is still waiting for a pause in the typing, on every open screen."""
    from careplan.screens.guided import GuidePanel
    from careplan.screens.section_base import SectionScreen

    for screen in app.screen_stack:
        if isinstance(screen, SectionScreen):
            screen.keep_waiting()
        for panel in screen.query(GuidePanel):
            panel.keep_waiting()


def keep_before_closing(app: App, working: WorkingPlan) -> bool:
    """The plan is about to be let go: keep everything waiting, then the draft once more if there
    are changes (after any save still running, which this waits for: what was typed since that
    save's snapshot stays in the draft the save cleared). True when the draft holds changes."""
    keep_everything_waiting(app)  # the sections' typing and a guided session's notes
    if not working.has_changes or working.read_only:
        return False
    keep_draft(app, working)
    return True
