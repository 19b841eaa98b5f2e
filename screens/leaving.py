"""Quitting careplan without losing a word.

Ctrl+Q is Textual's priority key: it works wherever the focus is, even in an editor. It comes here
first. Words typed in an open editor are asked about with the editors' own question (Save it / Keep
writing / Leave it out), typing still waiting for a pause is kept in the draft
(careplan.screens.draft_keeper), and if the draft cannot be written the person is told and asked
before careplan closes. Nothing typed goes silently.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen

    from careplan.screens.app import CarePlanApp


def quit_safely(app: CarePlanApp) -> None:
    """Quit, unless something typed would be lost: then ask first."""
    from careplan.screens.draft_keeper import keep_draft, keep_everything_waiting
    from careplan.screens.form_modal import leave_question

    editor = editor_with_words(app)
    if editor is not None:
        app.push_screen(leave_question(), partial(_editor_answered, app, editor))
        return
    keep_everything_waiting(app)
    working = app.working
    if working is not None and working.draft_problem is not None and not keep_draft(app, working):
        app.push_screen(_draft_question(str(working.draft_problem)), partial(_draft_answered, app))
        return
    app.exit()


def editor_with_words(app: App) -> Screen | None:
    """The topmost open editor (a goal, a change, a team member...) holding words not yet kept."""
    from careplan.screens.form_modal import FormModal
    from careplan.screens.team_editor import MemberEditor

    for screen in reversed(app.screen_stack):
        if isinstance(screen, (FormModal, MemberEditor)) and screen.has_typed:
            return screen
    return None


def _editor_answered(app: CarePlanApp, editor: Screen, answer: str | None) -> None:
    if answer not in ("save", "discard") or editor not in app.screen_stack:
        return  # "Keep writing": nothing changes
    while app.screen is not editor:  # a question or help left open over the editor
        app.screen.dismiss(None)
    if answer == "save":
        editor.action_save()  # type: ignore[attr-defined]
        if editor in app.screen_stack:
            return  # something is missing: the editor says what, and stays open
    else:
        editor.dismiss(None)
    # Go on once the screen underneath has taken the editor's words into the plan.
    app.call_later(quit_safely, app)


def _draft_question(problem: str):
    from careplan.screens.widgets.confirm import ChoiceScreen

    return ChoiceScreen(
        "What was typed since the last save could not be kept on disk.",
        [("Stay in careplan", "stay"), ("Try again", "retry"), ("Quit anyway", "quit")],
        safe="stay",
        detail=(
            f"{problem}\n\nStaying keeps every word on screen: free some space, or save a version "
            '(Ctrl+S), then quit. "Quit anyway" closes careplan, and what was typed since is lost.'
        ),
    )


def _draft_answered(app: CarePlanApp, answer: str | None) -> None:
    if answer == "retry":
        quit_safely(app)
    elif answer == "quit":
        app.exit()
