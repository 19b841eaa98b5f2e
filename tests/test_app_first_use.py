"""What a first-time user trips over: a read-only window with no way out, keys that go nowhere or
fire while typing, messages out of sight, and the words on the way. Through the whole app."""

from __future__ import annotations

from textual.widgets import Input, Static, TextArea

from careplan.model import About, CarePlan, Participant
from careplan.screens.about import AboutScreen
from careplan.screens.app import CarePlanApp
from careplan.screens.goals import GoalsScreen
from careplan.screens.guided import GuidePanel, GuideStrip
from careplan.screens.help import HelpScreen
from careplan.screens.matters import MattersScreen
from careplan.screens.plan_home import PlanHomeScreen
from careplan.screens.review import ReviewScreen
from careplan.store import Store
from tests.conftest import OpenApp
from tests.pilot_helpers import SIZE, add_plan, draft_plan, said, settle, shown


def footer_keys(app: CarePlanApp) -> set[str]:
    """The keys the footer shows now (check_action False hides a key)."""
    return {key for key, active in app.screen.active_bindings.items() if active.binding.show}


# --- read only, and the way out of it -------------------------------------------------------------


async def test_read_only_offers_no_save_discard_or_session(store: Store) -> None:
    plan_id = add_plan(store, "Ruth Okafor")
    with store.open_plan(plan_id):  # another window holds the plan
        app = CarePlanApp(store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            assert isinstance(app.screen, PlanHomeScreen) and app.working.read_only
            keys = footer_keys(app)
            assert "ctrl+s" not in keys and "g" not in keys
            assert "ctrl+e" in keys
            await pilot.press("g")  # not offered, and does nothing
            await settle(pilot)
            assert app.guide is None and isinstance(app.screen, PlanHomeScreen)
            app.screen.query_one("#home-sections").highlighted = 0  # the guided session's line
            await pilot.press("enter")
            await settle(pilot)
            assert app.guide is None and "can start once this window can make changes" in said(app)
            await pilot.press("9")
            await settle(pilot)
            assert isinstance(app.screen, ReviewScreen)
            assert "ctrl+d" not in footer_keys(app) and "ctrl+s" not in footer_keys(app)


async def test_try_again_stays_calm_while_busy_and_opens_for_changes_once_free(
    store: Store, open_app: OpenApp
) -> None:
    plan_id = add_plan(store, "Ruth Okafor")
    other_window = store.open_plan(plan_id)
    async with open_app() as pilot:
        app = pilot.app
        await pilot.press("1")
        await settle(pilot)
        assert isinstance(app.screen, AboutScreen) and app.working.read_only
        note = app.screen.query_one(".read-only-text", Static)
        assert "once that window is closed" in str(note.render())
        await pilot.press("ctrl+e")
        await settle(pilot)
        assert app.working.read_only and isinstance(app.screen, AboutScreen)
        assert "still open for changes in the other careplan window" in said(app)

        other_window.close()  # the first window quits
        await pilot.click("#try-changes")  # the button in the note does the same as Ctrl+E
        await settle(pilot)
        assert app.working is not None and not app.working.read_only
        assert isinstance(app.screen, AboutScreen)  # back where they were, now for changes
        assert not app.screen.query(".read-only-note")
        name = app.screen.query_one("#about-preferred", Input)
        assert not name.disabled
        name.focus()
        await pilot.press(*"Ruthie")
        app.screen.keep_waiting()
        assert draft_plan(store, plan_id).about.preferred_name == "Ruthie"
        assert "ctrl+s" in footer_keys(app) and "ctrl+e" not in footer_keys(app)


# --- keystrokes go where they are meant to ---------------------------------------------------------


async def test_about_us_and_what_matters_start_with_the_cursor_in_the_first_field(
    store: Store, open_app: OpenApp
) -> None:
    add_plan(store, "Ruth Okafor")
    async with open_app() as pilot:
        app = pilot.app
        app.app_focus = False  # the terminal says it is not in front (tmux, another window)
        app.open_section("about")
        await settle(pilot)
        assert app.screen.focused is app.screen.query_one("#about-name", Input)
        await pilot.press("escape")
        await settle(pilot)
        app.open_section("matters")
        await settle(pilot)
        assert isinstance(app.screen, MattersScreen)
        assert app.screen.focused is app.screen.query_one("#add-strength")
        await pilot.press("escape")
        await settle(pilot)
        app.app_focus = False
        app.open_section("checkin")
        await settle(pilot)
        assert app.screen.focused is app.screen.query_one("#function-levels")


async def test_ctrl_n_with_nothing_focused_adds_to_the_first_group(
    store: Store, open_app: OpenApp
) -> None:
    plan_id = add_plan(store, "Ruth Okafor")
    async with open_app() as pilot:
        app = pilot.app
        await pilot.press("2")
        await settle(pilot)
        app.screen.set_focus(None)
        await pilot.press("ctrl+n", *"My garden")
        await settle(pilot)
        app.screen.keep_waiting()
        [statement] = draft_plan(store, plan_id).matters
        assert (statement.kind, statement.text) == ("strength", "My garden")
        assert str(app.screen.query_one("#add-hope").label) == "Add: what I hope for"


async def test_typing_in_the_session_notes_stays_there_and_f8_hides_them(
    store: Store, open_app: OpenApp
) -> None:
    plan_id = add_plan(store, "Ruth Okafor")
    async with open_app() as pilot:
        app = pilot.app
        await pilot.press("g", "f5", "f5", "f5")  # to the Goals step
        await settle(pilot)
        assert isinstance(app.screen, GoalsScreen)
        panel = app.screen.query_one(GuidePanel)
        assert panel.display
        await pilot.click("#session-notes")
        await pilot.press(*"a walk, she said")  # "a" is Adapt on Goals: in the notes, it is typed
        await settle(pilot)
        assert isinstance(app.screen, GoalsScreen)
        assert app.screen.query_one("#session-notes", TextArea).text == "a walk, she said"
        await pilot.press("f8")
        await pilot.pause()
        assert not panel.display and app.screen.focused is not None
        assert not isinstance(app.screen.focused, TextArea)
        step_control = app.screen.focused
        await pilot.press("f8")  # hidden: shows them again, the cursor left on the step
        await pilot.pause()
        assert panel.display and app.screen.focused is step_control
        strip = app.screen.query_one(GuideStrip)
        assert "Esc Pause" in str(strip.query_one(".guide-step", Static).render())
        assert app.screen.active_bindings["escape"].binding.description == "Pause"
    with store.open_plan(plan_id, write=False) as plan_file:
        assert plan_file.draft().extra.session_notes == "a walk, she said"


async def test_the_guided_buttons_fit_at_80_columns(store: Store, open_app: OpenApp) -> None:
    add_plan(store, "Ruth Okafor")
    async with open_app(size=(80, 24)) as pilot:
        app = pilot.app
        await pilot.press("g", "f5", "f5", "f5", "f8")  # Goals, with the questions beside it
        await settle(pilot)
        strip = app.screen.query_one(GuideStrip)
        for button in strip.query("Button"):
            assert button.region.right <= strip.content_region.right, button.label


# --- help -------------------------------------------------------------------------------------------


async def test_help_scrolls_at_once_and_lists_only_our_keys(
    store: Store, open_app: OpenApp
) -> None:
    add_plan(store, "Ruth Okafor")
    async with open_app() as pilot:
        app = pilot.app
        await pilot.press("g")
        await settle(pilot)
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        body = app.screen.query_one(".help-body")
        assert app.screen.focused is body
        await pilot.press("pagedown")
        await pilot.pause()
        assert body.scroll_y > 0
        keys = dict(app.screen.keys)
        listed = "\n".join(keys.values())
        for internal in ("Scroll", "Page Left", "Focus Next", "Quit"):
            assert internal not in listed
        for guided in ("f3", "f4", "f5", "f8"):
            assert guided in keys, guided
        assert keys["esc"].startswith("Pause")
        assert len(app.screen.query(".help-key")) == len(keys)


# --- review and save ---------------------------------------------------------------------------------


async def test_ctrl_d_discards_from_the_name_field_and_the_footer_follows_the_changes(
    store: Store, open_app: OpenApp
) -> None:
    plan_id = add_plan(store, "Ruth Okafor")
    async with open_app() as pilot:
        app = pilot.app
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        assert "ctrl+d" not in footer_keys(app)  # nothing to discard
        field = app.screen.query_one("#saved-by", Input)
        field.value = ""
        await pilot.press("enter")  # no name: asks for one
        await pilot.pause()
        assert "Please type who is saving" in shown(app, "#saved-by-message")
        app.working.plan.about.preferred_name = "Ruthie"
        app.screen.keep_draft()
        await pilot.pause()
        assert "ctrl+d" in footer_keys(app)
        field.value = "Priya"
        field.focus()
        field.cursor_position = 0
        await pilot.press(
            "ctrl+d"
        )  # in the name field: discards (asking first), not deletes a letter
        await settle(pilot)
        assert field.value == "Priya"
        await pilot.click("#answer-yes")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen) and not app.working.has_changes
        assert shown(app, "#saved-by-message") == ""
        assert "ctrl+d" not in footer_keys(app)
    with store.open_plan(plan_id, write=False) as plan_file:
        assert plan_file.draft() is None


async def test_changes_from_earlier_in_this_sitting_are_not_said_to_be_from_last_time(
    store: Store, open_app: OpenApp
) -> None:
    add_plan(store, "Ruth Okafor")
    add_plan(store, "Sam Lee")
    async with open_app() as pilot:
        app = pilot.app
        await pilot.press("enter")  # the first plan
        await settle(pilot)
        app.working.plan.about.preferred_name = "Ruthie"
        app.working.keep_draft()
        await pilot.press("escape")  # back to all plans, then straight back in
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert app.working.has_changes and not app.working.recovered
        assert "What you typed last time" not in said(app)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not app.screen.query("#recovered-note")


# --- the words ----------------------------------------------------------------------------------------


async def test_the_speaker_bar_names_the_caregiver(store: Store, open_app: OpenApp) -> None:
    plan = CarePlan(
        about=About(name="Ruth Okafor", participants=[Participant(name="Tom", role="caregiver")])
    )
    with store.create_plan(plan) as plan_file:
        plan_file.save_version(plan, saved_by="Priya")
    async with open_app() as pilot:
        app = pilot.app
        app.working.set_speaker("caregiver")
        await pilot.press("1")
        await settle(pilot)
        assert "Speaking now: Tom" in str(app.screen.query_one("#speaker-label", Static).render())


async def test_after_a_discard_new_changes_are_not_said_to_be_from_last_time(
    store: Store, open_app: OpenApp
) -> None:
    from careplan.working_plan import WorkingPlan

    plan_id = add_plan(store, "Ruth Okafor")
    with store.open_plan(plan_id) as plan_file:  # a draft left from last time
        working = WorkingPlan(plan_file)
        working.plan.about.preferred_name = "Ruthie"
        working.keep_draft()
    async with open_app() as pilot:
        app = pilot.app
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen.query("#recovered-note")  # this one is from last time
        await pilot.press("ctrl+d")
        await settle(pilot)
        await pilot.click("#answer-yes")
        await settle(pilot)
        await pilot.press("escape", "1")
        await settle(pilot)
        await pilot.press(*" Okafor")  # the cursor is in the name on arrival
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen) and app.working.has_changes
        assert not app.screen.query("#recovered-note")
