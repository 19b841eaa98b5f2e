"""How the plan's home and Review and save look on the demo plan (Maggie and Tom, six versions).

The demo's dates are fixed and the app's "today" is pinned, so nothing here depends on the clock;
cursors do not blink, so each snapshot is the same every run.
"""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import Input

from careplan.demo import build_demo
from careplan.screens.app import CarePlanApp
from careplan.store import Store

TODAY = date(2026, 11, 20)  # two weeks after the demo's last version, before its next review


def demo_app(store: Store) -> CarePlanApp:
    build_demo(store)
    return CarePlanApp(store, today=TODAY)


async def settled(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    await pilot.pause()


def test_plan_home_on_the_demo_plan(store: Store, snap_compare) -> None:
    assert snap_compare(demo_app(store), run_before=settled, terminal_size=(100, 30))


def test_plan_home_at_80_by_24(store: Store, snap_compare) -> None:
    assert snap_compare(demo_app(store), run_before=settled, terminal_size=(80, 24))


def test_plan_home_without_colour(store: Store, snap_compare, monkeypatch) -> None:
    """With NO_COLOR everything is still there, and the focus shows by reverse video and a double border."""
    monkeypatch.setenv("NO_COLOR", "1")  # Textual reads it when the App is made

    async def without_colour(pilot) -> None:
        assert pilot.app.no_color
        await settled(pilot)

    assert snap_compare(demo_app(store), run_before=without_colour, terminal_size=(100, 30))


def test_review_and_save_on_the_demo_plan(store: Store, snap_compare) -> None:
    async def review_with_a_change(pilot) -> None:
        await settled(pilot)
        app = pilot.app
        assert app.working is not None
        app.working.plan.about.preferred_name = (
            "Mags"  # one change, so there is something to review
        )
        app.working.plan.next_review = date(2026, 12, 17)
        app.working.keep_draft()
        await pilot.press("9")
        await settled(pilot)

    assert snap_compare(demo_app(store), run_before=review_with_a_change, terminal_size=(100, 30))


def test_if_i_cant_speak_for_myself_on_the_demo_plan(store: Store, snap_compare) -> None:
    async def open_the_part(pilot) -> None:
        await settled(pilot)
        await pilot.press("8")
        await settled(pilot)

    assert snap_compare(demo_app(store), run_before=open_the_part, terminal_size=(100, 30))


@pytest.mark.parametrize("theme", ["dark", "light", "high contrast"])
def test_a_dialogs_focused_button_shows_in_every_theme(
    store: Store, snap_compare, theme: str
) -> None:
    """The focused button is marked by reverse video and an underline, not a shade of grey."""

    async def discard_asked(pilot) -> None:
        await settled(pilot)
        app = pilot.app
        app.theme = theme
        assert app.working is not None
        app.working.plan.about.preferred_name = "Mags"
        app.working.keep_draft()
        await pilot.press("9")
        await settled(pilot)
        await pilot.press("ctrl+d")
        await settled(pilot)

    assert snap_compare(demo_app(store), run_before=discard_asked, terminal_size=(80, 24))


def test_a_guided_session_with_its_notes_open_at_80_by_24(store: Store, snap_compare) -> None:
    """Below the step, so the step keeps its whole width; the cursor stays in the step."""

    async def notes_open(pilot) -> None:
        await settled(pilot)
        await pilot.press("g")
        await settled(pilot)
        await pilot.press("f8")
        await settled(pilot)

    assert snap_compare(demo_app(store), run_before=notes_open, terminal_size=(80, 24))


# Each screen and dialog at 80x24 that has no snapshot above, reached by the keys a person presses
# from the plan's home (tests/test_fits_80_by_24.py checks the same screens widget by widget).
# Not export: its file box shows the test's own temporary folder, different each run.
AT_80_BY_24 = {
    "about_us": ["1"],
    "what_matters_most": ["2"],
    "how_things_are_now": ["3"],
    "goals": ["4"],
    "adapt_a_goal": ["4", "a"],
    "lifestyle_modifications": ["5"],
    "treatment_decisions": ["6"],
    "support_team": ["7"],
    "team_member_editor": ["7", "a"],
    "if_i_cant_speak_for_myself": ["8"],
    "review_and_save": ["9"],
    "history": ["h"],
    "compare": ["h", "c"],
    "journeys": ["h", "j"],
    "help": ["f1"],
    "session_day": ["d"],
}


@pytest.mark.parametrize("where", list(AT_80_BY_24))
def test_each_screen_at_80_by_24(store: Store, snap_compare, where: str) -> None:
    async def go_there(pilot) -> None:
        await settled(pilot)
        for key in AT_80_BY_24[where]:
            await pilot.press(key)
            await settled(pilot)

    assert snap_compare(demo_app(store), run_before=go_there, terminal_size=(80, 24))
