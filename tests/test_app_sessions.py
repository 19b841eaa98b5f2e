"""Opening a plan in the harder cases (read only, a recovered or unreadable draft), the guided
session from the first step to a saved version, help, the palette, and quitting."""

from __future__ import annotations

from textual.widgets import Checkbox, Input, Static, TextArea

from careplan import locations, vocab
from careplan.screens.about import AboutScreen
from careplan.screens.app import CarePlanApp
from careplan.screens.guided import STEPS, GuidePanel, GuideStrip
from careplan.screens.help import HelpScreen
from careplan.screens.plan_home import PlanHomeScreen, guided_label
from careplan.screens.review import ReviewScreen
from careplan.screens.section_base import SectionScreen
from careplan.screens.widgets.confirm import ConfirmScreen
from careplan.store import Store
from careplan.working_plan import WorkingPlan
from tests.conftest import OpenApp
from tests.palette import palette_search
from tests.pilot_helpers import SIZE, add_plan, draft_plan, said, settle, shown, type_into

# --- opening in the harder cases -------------------------------------------------------------------


async def test_a_plan_open_in_another_window_is_shown_read_only(store: Store) -> None:
    plan_id = add_plan(store, "Ruth Okafor")
    with store.open_plan(plan_id):  # another window holds the plan's lock
        app = CarePlanApp(store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            assert isinstance(app.screen, PlanHomeScreen)
            assert app.working is not None and app.working.read_only
            assert "another careplan window" in said(app)
            assert "Read only" in str(app.screen.query_one(".read-only-text", Static).render())
            await pilot.press("1")
            await settle(pilot)
            assert isinstance(app.screen, AboutScreen)
            name = app.screen.query_one("#about-name", Input)
            assert name.value == "Ruth Okafor" and name.disabled  # shown, not editable
            await pilot.press("ctrl+s")  # nothing can be saved from here, so Ctrl+S is not offered
            await pilot.pause()
            assert isinstance(app.screen, AboutScreen)
            await pilot.press("escape", "9")  # Review and save is still there to look at
            await pilot.pause()
            assert isinstance(app.screen, ReviewScreen)
            assert not app.screen.query_one("#save").display
            assert "only read the plan" in shown(app, "#review-result")
            await pilot.press("escape")  # no dead end: back out as usual
            await pilot.pause()
            assert isinstance(app.screen, PlanHomeScreen)
        with store.open_plan(plan_id, write=False) as plan_file:
            assert plan_file.latest == 1 and plan_file.draft() is None


async def test_a_recovered_draft_is_kept_and_said_so(store: Store, open_app: OpenApp) -> None:
    plan_id = add_plan(store, "Ruth Okafor")
    with store.open_plan(plan_id) as plan_file:
        working = WorkingPlan(plan_file)
        working.plan.about.preferred_name = "Ruthie"
        working.keep_draft()
    async with open_app() as pilot:
        app = pilot.app
        assert app.working is not None and app.working.plan.about.preferred_name == "Ruthie"
        assert "What you typed last time has been kept" in said(app)
        assert "changed since version 1, not saved yet" in app.screen.section_details("about")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "kept from last time" in str(app.screen.query_one(".calm-note", Static).render())


async def test_an_unreadable_draft_offers_the_saved_version_and_keeps_its_bytes(
    store: Store, open_app: OpenApp
) -> None:
    plan_id = add_plan(store, "Ruth Okafor")
    draft = locations.draft_file(store.root, plan_id)
    draft.parent.mkdir(parents=True, exist_ok=True)
    draft.write_bytes(b'{"plan": [half a draft')
    async with open_app() as pilot:
        app = pilot.app
        assert isinstance(app.screen, ConfirmScreen)
        assert "could not be read" in str(app.screen.query_one(".choice-question", Static).render())
        await pilot.click("#answer-yes")
        await settle(pilot)
        assert isinstance(app.screen, PlanHomeScreen)
        assert app.working is not None and app.working.plan.person == "Ruth Okafor"
    kept = list(locations.backups_dir(store.root, plan_id).iterdir())
    assert [path.read_bytes() for path in kept] == [b'{"plan": [half a draft']
    assert not draft.exists()


async def test_saying_not_now_to_an_unreadable_draft_changes_nothing(
    store: Store, open_app: OpenApp
) -> None:
    plan_id = add_plan(store, "Ruth Okafor")
    draft = locations.draft_file(store.root, plan_id)
    draft.parent.mkdir(parents=True, exist_ok=True)
    draft.write_bytes(b"nonsense")
    async with open_app() as pilot:
        app = pilot.app
        await pilot.press("escape")
        await settle(pilot)
        assert app.working is None
    assert draft.read_bytes() == b"nonsense"
    with store.open_plan(plan_id) as plan_file:  # and the lock was let go
        assert not plan_file.read_only


# --- the guided session ---------------------------------------------------------------------------


async def test_a_guided_session_goes_through_every_step_to_a_saved_version(
    store: Store, open_app: OpenApp
) -> None:
    plan_id = add_plan(store, "Ruth Okafor")
    async with open_app() as pilot:
        app = pilot.app
        await pilot.press("g")
        await settle(pilot)
        seen = []
        for step, section in enumerate(STEPS):
            screen = app.screen
            assert isinstance(screen, SectionScreen) and section == screen.SECTION
            strip = str(screen.query_one(".guide-step", Static).render())
            assert f"Step {step + 1} of {len(STEPS)} · {vocab.SECTIONS[section]}" in strip
            assert screen.query(GuidePanel)  # the step's questions and the notes beside it
            seen.append(section)
            if section == "about":
                await type_into(pilot, "#about-preferred", "Ruthie")
                screen.query_one("#session-notes", TextArea).focus()
                await pilot.press(*"Ruth wants to keep driving")
            if section != "review":
                await pilot.press("f5")  # next step
                await settle(pilot)
        assert seen == list(STEPS)
        assert app.working is not None and app.working.extra.guided_step == len(STEPS) - 1
        # The session ends with this save: its notes are kept with the version, privately; into
        # the version's note (which the family's export shows) only if someone ticks the box.
        assert not app.screen.query_one("#keep-notes", Checkbox).value
        await type_into(pilot, "#saved-by", "Ruth, Sam and Priya")
        await pilot.click("#save")
        await settle(pilot)
        assert "Saved as version 2" in shown(app, "#review-result")
        assert app.guide is None
        assert not app.screen.query(GuideStrip)
        assert "session notes are kept with version 2, out of its note" in said(app)
    with store.open_plan(plan_id, write=False) as plan_file:
        assert plan_file.load(2).about.preferred_name == "Ruthie"
        assert plan_file.version(2).note == ""
        assert plan_file.version(2).session_notes == "Ruth wants to keep driving"
        assert plan_file.draft() is None


async def test_the_guided_session_buttons_work_when_clicked(
    store: Store, open_app: OpenApp
) -> None:
    add_plan(store, "Ruth Okafor")
    async with open_app() as pilot:
        app = pilot.app
        await pilot.press("g")
        await settle(pilot)
        assert app.screen.SECTION == STEPS[0]
        await pilot.click("#guide-next")
        await settle(pilot)
        assert app.screen.SECTION == STEPS[1]
        await pilot.click("#guide-skip")
        await settle(pilot)
        assert app.screen.SECTION == STEPS[2]
        await pilot.click("#guide-back")
        await settle(pilot)
        assert app.screen.SECTION == STEPS[1]
        assert app.screen.query_one(GuidePanel).display
        await pilot.click("#guide-notes")
        await settle(pilot)
        assert not app.screen.query_one(GuidePanel).display


async def test_session_notes_go_into_the_version_note_only_when_ticked_and_it_is_said(
    store: Store, open_app: OpenApp
) -> None:
    plan_id = add_plan(store, "Ruth Okafor")
    async with open_app() as pilot:
        app = pilot.app
        await pilot.press("g")
        await settle(pilot)
        await type_into(pilot, "#about-preferred", "Ruthie")
        app.screen.query_one("#session-notes", TextArea).focus()
        await pilot.press(*"private", "f8")
        for _ in STEPS[1:]:
            await pilot.press("f5")
            await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        await pilot.click("#keep-notes")  # a clear choice to share them
        await type_into(pilot, "#saved-by", "Priya")
        await pilot.click("#save")
        await settle(pilot)
        assert "session notes are in version 2's note" in said(app)
    with store.open_plan(plan_id, write=False) as plan_file:
        assert plan_file.version(2).note == "Session notes: private"
        assert plan_file.version(2).session_notes == "private"


async def test_a_save_after_a_paused_session_keeps_its_notes_privately(
    store: Store, open_app: OpenApp
) -> None:
    """Notes of a paused session live in the draft, which a save clears: they are kept with the
    version as its own field, not in its note, rather than lost."""
    plan_id = add_plan(store, "Ruth Okafor")
    async with open_app() as pilot:
        app = pilot.app
        await pilot.press("g")
        await settle(pilot)
        await type_into(pilot, "#about-preferred", "Ruthie")
        app.screen.query_one("#session-notes", TextArea).focus()
        await pilot.press(*"keep it short", "f8")
        await pilot.press("escape")  # pause the session
        await settle(pilot)
        assert app.guide is None and app.working.extra.session_notes == "keep it short"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not app.screen.query_one("#keep-notes", Checkbox).value
        await type_into(pilot, "#saved-by", "Priya")
        await pilot.click("#save")
        await settle(pilot)
    with store.open_plan(plan_id, write=False) as plan_file:
        assert plan_file.version(2).note == ""
        assert plan_file.version(2).session_notes == "keep it short"


async def test_a_paused_guided_session_resumes_where_it_stopped(
    store: Store, open_app: OpenApp
) -> None:
    plan_id = add_plan(store, "Ruth Okafor")
    async with open_app() as pilot:
        app = pilot.app
        await pilot.press("g")
        await settle(pilot)
        await pilot.press("f5", "f4")  # next, then skip "What matters most"
        await settle(pilot)
        assert "Step 3 of 9" in str(app.screen.query_one(".guide-step", Static).render())
        await pilot.press("f3")  # back a step
        await settle(pilot)
        assert "Step 2 of 9" in str(app.screen.query_one(".guide-step", Static).render())
        assert "skipped earlier" in str(app.screen.query_one(".guide-step", Static).render())
        await pilot.press("escape")  # pause
        await settle(pilot)
        assert isinstance(app.screen, PlanHomeScreen)
        assert app.guide is None
        assert "Resume the guided session: step 2 of 9" in guided_label(app.working)
    assert draft_plan(store, plan_id) is not None  # the step is in the draft, for next time
    async with open_app() as pilot:
        app = pilot.app
        await pilot.press("g")
        await settle(pilot)
        assert "Step 2 of 9" in str(app.screen.query_one(".guide-step", Static).render())


# --- help, palette, quitting ------------------------------------------------------------------------


async def test_f1_shows_the_screens_own_help_and_its_keys(store: Store, open_app: OpenApp) -> None:
    add_plan(store, "Ruth Okafor")
    async with open_app() as pilot:
        app = pilot.app
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert "The plan's home" in app.screen.text
        keys = dict(app.screen.keys)
        assert any("guided" in what.lower() for what in keys.values())
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PlanHomeScreen)


async def test_the_palette_jumps_to_a_section(store: Store, open_app: OpenApp) -> None:
    add_plan(store, "Ruth Okafor")
    async with open_app() as pilot:
        app = pilot.app
        assert await palette_search(pilot, "go to about") == "Go to About us"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, AboutScreen)


async def test_quitting_writes_what_was_typed_and_lets_the_plan_go(
    store: Store, open_app: OpenApp
) -> None:
    plan_id = add_plan(store, "Ruth Okafor")
    async with open_app() as pilot:
        await pilot.press("1")
        await pilot.pause()
        await type_into(pilot, "#about-preferred", "Ruthie")  # no pause long enough for the draft
    assert draft_plan(store, plan_id).about.preferred_name == "Ruthie"
    with store.open_plan(plan_id) as plan_file:
        assert not plan_file.read_only


async def test_saving_part_way_through_keeps_the_guided_session_going(
    store: Store, open_app: OpenApp
) -> None:
    plan_id = add_plan(store, "Ruth Okafor")
    async with open_app() as pilot:
        app = pilot.app
        await pilot.press("g")
        await settle(pilot)
        await type_into(pilot, "#about-preferred", "Ruthie")
        app.screen.query_one("#session-notes", TextArea).focus()
        await pilot.press(*"driving matters")
        await pilot.press("f5")  # on to step 2
        await settle(pilot)
        await pilot.press("ctrl+s")  # a save on the way, from step 2
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        keep_notes = app.screen.query_one("#keep-notes", Checkbox)
        assert (
            not keep_notes.value
        )  # session notes are working notes: out of the version unless asked
        await pilot.click("#keep-notes")
        await type_into(pilot, "#saved-by", "Priya")
        await pilot.press("enter")
        await settle(pilot)
        assert "Saved as version 2" in shown(app, "#review-result")
        await pilot.press("escape")  # back to the step the session is on
        await settle(pilot)
        assert app.guide is not None
        assert "Step 2 of 9" in str(app.screen.query_one(".guide-step", Static).render())
        assert app.working is not None and app.working.extra.guided_step == 1
        assert app.working.extra.session_notes == "driving matters"
    with store.open_plan(plan_id, write=False) as plan_file:
        assert plan_file.version(2).note == "Session notes: driving matters"


async def test_f1_works_in_a_dialog_too_and_f1_again_closes_help(
    store: Store, open_app: OpenApp
) -> None:
    async with open_app() as pilot:
        app = pilot.app
        await pilot.press("n", "f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert "name of the person" in app.screen.text
        await pilot.press("f1")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


async def test_a_session_with_notes_but_no_changes_can_still_end_with_a_save(
    store: Store, open_app: OpenApp
) -> None:
    """Talking and noting, without changing the plan, is a session too: its last save keeps the
    notes in a version instead of saying there is nothing to save (a dead end)."""
    plan_id = add_plan(store, "Ruth Okafor")
    async with open_app() as pilot:
        app = pilot.app
        await pilot.press("g")
        await settle(pilot)
        app.screen.query_one("#session-notes", TextArea).focus()
        await pilot.press(*"we talked about the garden", "f8")
        for _ in STEPS[1:]:
            await pilot.press("f5")
            await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        await type_into(pilot, "#saved-by", "Priya")
        await pilot.click("#save")
        await settle(pilot)
        assert "Saved as version 2" in shown(app, "#review-result")
        assert app.guide is None
    with store.open_plan(plan_id, write=False) as plan_file:
        assert plan_file.version(2).note == ""
        assert plan_file.version(2).session_notes == "we talked about the garden"


# --- a session that flows: the notes beside the step, never in its way ------------------------------

import pytest  # noqa: E402

from careplan.screens.checkin import ScoreScale  # noqa: E402

SIZES = [SIZE, (80, 24)]


def in_the_notes(app: CarePlanApp) -> bool:
    focused = app.screen.focused
    return focused is not None and any(isinstance(up, GuidePanel) for up in focused.ancestors)


@pytest.mark.parametrize("size", SIZES)
async def test_f8_shows_and_hides_the_notes_and_leaves_the_cursor_where_it_is(
    store: Store, open_app: OpenApp, size: tuple[int, int]
) -> None:
    add_plan(store, "Ruth Okafor")
    async with open_app(size=size) as pilot:
        app = pilot.app
        await pilot.press("g")
        await settle(pilot)
        panel = app.screen.query_one(GuidePanel)
        shown_first = panel.display  # beside the step from 100 columns; hidden below that
        assert shown_first == (size[0] >= 100)
        name = app.screen.query_one("#about-name", Input)
        assert app.screen.focused is name
        await pilot.press("f8")
        await settle(pilot)
        assert panel.display is not shown_first and app.screen.focused is name
        await pilot.press("f8")
        await settle(pilot)
        assert panel.display is shown_first and app.screen.focused is name
        # hidden with the cursor in the notes, the cursor goes back to the step
        if not panel.display:
            await pilot.press("f8")
        app.screen.query_one("#session-notes", TextArea).focus()
        await pilot.press("f8")
        await settle(pilot)
        assert not panel.display and not in_the_notes(app) and app.screen.focused is not None


async def test_keys_on_a_new_step_are_the_steps_not_the_notes(
    store: Store, open_app: OpenApp
) -> None:
    add_plan(store, "Ruth Okafor")
    async with open_app() as pilot:
        app = pilot.app
        await pilot.press("g")
        await settle(pilot)
        app.screen.query_one("#session-notes", TextArea).focus()
        await pilot.press(*"talked")
        for section in STEPS[1:4]:  # to Goals, the cursor in the notes when each step is left
            app.screen.query_one("#session-notes", TextArea).focus()
            await pilot.press("f5")
            await settle(pilot)
            assert app.screen.SECTION == section
            assert not in_the_notes(app)
        await pilot.press("n")  # Goals' own key: a new goal, not an "n" in the notes
        await settle(pilot)
        assert app.working is not None and app.working.extra.session_notes == "talked"
        assert getattr(app.screen, "SECTION", "") != "goals"  # the new goal's editor is open


async def test_a_new_note_goes_after_the_notes_so_far(store: Store, open_app: OpenApp) -> None:
    add_plan(store, "Ruth Okafor")
    async with open_app() as pilot:
        app = pilot.app
        await pilot.press("g")
        await settle(pilot)
        app.screen.query_one("#session-notes", TextArea).focus()
        await pilot.press(*"Garden first.")
        await pilot.press("f5")
        await settle(pilot)
        app.screen.query_one("#session-notes", TextArea).focus()
        await pilot.press(*" Then the car.")
        await settle(pilot)
        assert app.working is not None
        assert app.working.extra.session_notes == "Garden first. Then the car."


async def test_a_skipped_step_filled_in_later_loses_its_mark(
    store: Store, open_app: OpenApp
) -> None:
    add_plan(store, "Ruth Okafor")
    async with open_app() as pilot:
        app = pilot.app
        await pilot.press("g")
        await settle(pilot)
        await pilot.press("f4")  # skip About us
        await settle(pilot)
        await pilot.press("f3")  # and come back to it
        await settle(pilot)
        assert "(skipped earlier)" in shown(app, ".guide-step")
        app.screen.query_one("#about-name", Input).focus()  # only looking: still skipped
        await settle(pilot)
        assert "(skipped earlier)" in shown(app, ".guide-step")
        await type_into(pilot, "#about-preferred", "Ruthie")
        await settle(pilot)
        assert "(skipped earlier)" not in shown(app, ".guide-step")
        assert "Step 1 of 9 · About us" in shown(app, ".guide-step")
        assert app.working is not None and app.working.extra.guided_skipped == []


@pytest.mark.parametrize("size", SIZES)
async def test_with_the_notes_open_every_field_keeps_its_width(
    store: Store, open_app: OpenApp, size: tuple[int, int]
) -> None:
    add_plan(store, "Ruth Okafor")
    async with open_app(size=size) as pilot:
        app = pilot.app
        await pilot.press("g")
        await settle(pilot)
        if not app.screen.query_one(GuidePanel).display:
            await pilot.press("f8")
            await settle(pilot)
        await pilot.press("ctrl+n")  # someone taking part: their name box
        await settle(pilot)
        assert app.screen.query_one(GuidePanel).display
        assert app.screen.query_one("#about-name").size.width >= 40
        assert app.screen.query_one("Input.participant-name").size.width >= 12
        await pilot.press("f5", "f5")  # How things are now: the symptom scale, 0 to 10
        await settle(pilot)
        assert app.screen.query_one(GuidePanel).display
        scale = app.screen.query(ScoreScale).first()
        scale.scroll_visible(animate=False)
        await settle(pilot)
        right = scale.region.right - 1  # where "10" is drawn
        assert app.screen.get_widget_at(right, scale.region.y)[0] is scale
