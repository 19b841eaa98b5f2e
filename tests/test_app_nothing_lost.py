"""The app's paths where words could be lost: a draft that cannot be written, two saves at once,
typing during a save, a discard under an open step, a damaged saved version, and Ctrl+Q with an
editor open. Each is checked against what the store holds afterwards."""

from __future__ import annotations

import json
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from textual.widgets import Input, TextArea

from careplan import locations
from careplan.screens.about import AboutScreen
from careplan.screens.app import CarePlanApp
from careplan.screens.goal_editor import GoalEditor
from careplan.screens.goals import GoalsScreen
from careplan.screens.guided import GuidePanel
from careplan.screens.plan_home import PlanHomeScreen
from careplan.screens.review import ReviewScreen
from careplan.screens.team_editor import MemberEditor
from careplan.screens.widgets.confirm import ChoiceScreen, ConfirmScreen
from careplan.store import Store
from careplan.tinydb_storage import encode
from careplan.working_plan import WorkingPlan
from tests.pilot_helpers import SIZE, add_plan, draft_plan, notices, said, settle, shown, type_into
from tests.storage_helpers import full_plan, new_plan_with_versions

NOT_KEPT = "could not be kept on disk"


def break_drafts_folder(store: Store) -> None:
    """A file where the drafts folder should be: every draft write fails, as on a full disk."""
    folder = locations.draft_file(store.root, "x").parent
    shutil.rmtree(folder, ignore_errors=True)
    folder.write_text("not a folder")


def mend_drafts_folder(store: Store) -> None:
    locations.draft_file(store.root, "x").parent.unlink()


async def open_section(pilot, key: str) -> None:
    await pilot.press(key)
    await settle(pilot)


# --- a draft that cannot be written ----------------------------------------------------------------


async def test_a_draft_that_cannot_be_written_is_said_once_and_every_word_stays(
    store: Store, plan_id: str, open_app
) -> None:
    async with open_app() as pilot:
        app = pilot.app
        await open_section(pilot, "4")
        assert isinstance(app.screen, GoalsScreen)
        break_drafts_folder(store)
        for title in ("A walk to the park", "See the sea"):
            await pilot.press("n")
            await pilot.press(*title, "enter")
            await settle(pilot)
            assert isinstance(app.screen, GoalsScreen)  # no traceback, the screen carries on
        assert [goal.title for goal in app.working.plan.goals] == [
            "A walk to the park",
            "See the sea",
        ]
        said = [notice for notice in notices(app) if NOT_KEPT in notice]
        assert len(said) == 1  # said once, not at every change
        assert "a file is where a folder should be" in said[0]
        mend_drafts_folder(store)
        await pilot.press("n")
        await pilot.press(*"Sing", "enter")  # the next change tries again, and works
        await settle(pilot)
        assert any("kept on disk again" in notice for notice in notices(app))
        assert app.working.draft_problem is None
    assert [goal.title for goal in draft_plan(store, plan_id).goals] == [
        "A walk to the park",
        "See the sea",
        "Sing",
    ]


async def test_typing_in_a_field_while_the_draft_cannot_be_written(
    store: Store, plan_id: str, open_app
) -> None:
    async with open_app() as pilot:
        app = pilot.app
        await open_section(pilot, "1")
        break_drafts_folder(store)
        field = app.screen.query_one("#about-preferred", Input)
        field.focus()
        for key in "Ruthie":
            await pilot.press(key)
            app.screen.keep_waiting()  # as if every key came after a pause
        await pilot.pause()
        assert field.value == "Ruthie" and app.working.plan.about.preferred_name == "Ruthie"
        assert len([notice for notice in notices(app) if NOT_KEPT in notice]) == 1
        mend_drafts_folder(store)
        await pilot.press("escape")  # leaving writes what is waiting
        await settle(pilot)
    assert draft_plan(store, plan_id).about.preferred_name == "Ruthie"


async def test_a_guided_session_carries_on_when_the_draft_cannot_be_written(
    store: Store, plan_id: str, open_app
) -> None:
    async with open_app() as pilot:
        app = pilot.app
        await pilot.press("g")
        await settle(pilot)
        break_drafts_folder(store)
        app.screen.query_one("#session-notes", TextArea).focus()
        await pilot.press(*"keep driving")
        app.screen.query_one(GuidePanel).keep_waiting()
        await pilot.press("f5")  # the next step writes the step number to the draft
        await settle(pilot)
        assert "Step 2 of 9" in str(app.screen.query_one(".guide-step").render())
        assert app.working.extra.session_notes == "keep driving"
        assert len([notice for notice in notices(app) if NOT_KEPT in notice]) == 1
        mend_drafts_folder(store)
        await pilot.press("f3")
        await settle(pilot)
    assert draft_plan(store, plan_id) is not None
    with store.open_plan(plan_id, write=False) as plan_file:
        assert plan_file.draft().extra.session_notes == "keep driving"


async def test_quitting_while_the_draft_cannot_be_written_asks_first(
    store: Store, plan_id: str, open_app
) -> None:
    async with open_app() as pilot:
        app = pilot.app
        await open_section(pilot, "1")
        break_drafts_folder(store)
        await type_into(pilot, "#about-preferred", "Ruthie")
        await pilot.press("ctrl+q")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceScreen)
        assert NOT_KEPT in app.screen.question + app.screen.detail
        await pilot.press("escape")  # the safe answer: stay
        await settle(pilot)
        assert app.return_code is None and isinstance(app.screen, AboutScreen)
        assert app.screen.query_one("#about-preferred", Input).value == "Ruthie"
        mend_drafts_folder(store)
        await pilot.press("ctrl+q")
        await settle(pilot)
        assert app.return_code == 0  # the draft could be written this time: no question
    assert draft_plan(store, plan_id).about.preferred_name == "Ruthie"


async def test_quit_anyway_is_a_clear_choice(store: Store, plan_id: str, open_app) -> None:
    async with open_app() as pilot:
        app = pilot.app
        await open_section(pilot, "1")
        break_drafts_folder(store)
        await type_into(pilot, "#about-preferred", "Ruthie")
        await pilot.press("ctrl+q")
        await settle(pilot)
        await pilot.click("#answer-retry")  # still failing: asked again
        await settle(pilot)
        assert isinstance(app.screen, ChoiceScreen) and app.return_code is None
        await pilot.click("#answer-quit")
        await settle(pilot)
        assert app.return_code == 0
    with store.open_plan(plan_id) as plan_file:  # the plan was let go
        assert not plan_file.read_only


# --- saving ------------------------------------------------------------------------------------


@contextmanager
def slow_saves(working: WorkingPlan, monkeypatch) -> Iterator[threading.Event]:
    """Each version save finishes writing, then waits until the returned event is set."""
    done = threading.Event()
    real = working.file.save_version

    def save_then_wait(*args, **kwargs):
        info = real(*args, **kwargs)
        done.wait()
        return info

    monkeypatch.setattr(working.file, "save_version", save_then_wait)
    try:
        yield done
    finally:
        done.set()


async def start_review(pilot, app: CarePlanApp) -> None:
    await open_section(pilot, "1")
    await type_into(pilot, "#about-preferred", "Ruthie")
    await pilot.press("ctrl+s")
    await settle(pilot)
    assert isinstance(app.screen, ReviewScreen)
    await type_into(pilot, "#saved-by", "Sam")


async def test_a_second_save_while_one_is_running_makes_no_second_version(
    store: Store, monkeypatch
) -> None:
    plan_id = add_plan(store, "Ruth Okafor")
    app = CarePlanApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await start_review(pilot, app)
        with slow_saves(app.working, monkeypatch) as done:
            await pilot.press("enter")
            await pilot.pause()
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert "Still saving" in shown(app, "#review-result")
            done.set()
            await settle(pilot)
        assert "Saved as version 2" in shown(app, "#review-result")
    with store.open_plan(plan_id, write=False) as plan_file:
        assert plan_file.latest == 2


async def test_typing_during_a_save_stays_a_change_and_reaches_the_draft(
    store: Store, monkeypatch
) -> None:
    plan_id = add_plan(store, "Ruth Okafor")
    app = CarePlanApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await start_review(pilot, app)
        with slow_saves(app.working, monkeypatch) as done:
            await pilot.press("enter")
            await pilot.pause()
            app.working.plan.about.illness = (
                "Heart failure"  # a change arriving while the save runs
            )
            app.screen.keep_draft_soon()
            done.set()
            await settle(pilot)
        assert "Saved as version 2" in shown(app, "#review-result")
        assert app.working.has_changes  # it came after Save: it is still a change
        assert "Changed since version 2" in shown(app, "#review-changes")
        assert draft_plan(store, plan_id).about.illness == "Heart failure"
    with store.open_plan(plan_id, write=False) as plan_file:
        saved = plan_file.load(2)
        assert (saved.about.preferred_name, saved.about.illness) == (
            "Ruthie",
            "",
        )  # as it was at Save


async def test_a_save_keeps_the_plan_tidy_in_step_with_what_was_saved(store: Store) -> None:
    """Invisible characters are tidied on the way into a version; the plan on screen then equals
    the version, so there is nothing left over to save."""
    plan_id = add_plan(store, "Ruth Okafor")
    app = CarePlanApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_section(pilot, "1")
        app.working.plan.about.preferred_name = "Ru\u0007thie"
        app.screen.keep_draft()
        await pilot.press("ctrl+s")
        await settle(pilot)
        await type_into(pilot, "#saved-by", "Sam")
        await pilot.press("enter")
        await settle(pilot)
        assert "Saved as version 2" in shown(app, "#review-result")
        assert not app.working.has_changes
        assert "Nothing has changed since version 2" in shown(app, "#review-changes")
    with store.open_plan(plan_id, write=False) as plan_file:
        assert plan_file.load(2).about.preferred_name == "Ruthie"


# --- discarding with a step open underneath -------------------------------------------------------


async def test_discard_with_a_guided_step_underneath_explains_and_loses_nothing(
    store: Store, plan_id: str, open_app
) -> None:
    async with open_app() as pilot:
        app = pilot.app
        await pilot.press("g")
        await settle(pilot)
        await type_into(pilot, "#about-preferred", "Ruthie")
        await pilot.press("ctrl+s")  # Review over the About step
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("ctrl+d")
        await settle(pilot)
        assert not isinstance(app.screen, ConfirmScreen)  # not even asked: it cannot be done here
        assert any("One thing at a time" in notice for notice in notices(app))
        assert app.working.plan.about.preferred_name == "Ruthie"
        await pilot.press("escape")  # back to the step: typing there still reaches the plan
        await settle(pilot)
        assert isinstance(app.screen, AboutScreen)
        await type_into(pilot, "#about-preferred", "Ruthie O")
        app.screen.keep_waiting()
        assert app.working.plan.about.preferred_name == "Ruthie O"
    assert draft_plan(store, plan_id).about.preferred_name == "Ruthie O"


# --- a damaged saved version --------------------------------------------------------------------


async def test_a_damaged_saved_version_is_not_called_an_unreadable_draft(store: Store) -> None:
    plan_id = new_plan_with_versions(store, full_plan("Ann Smith"), 2)
    with store.open_plan(plan_id) as plan_file:
        working = WorkingPlan(plan_file)
        working.plan.about.preferred_name = "Nan"
        working.keep_draft()
    draft = locations.draft_file(store.root, plan_id)
    draft_bytes = draft.read_bytes()
    path = locations.plan_file(store.root, plan_id)
    data = json.loads(path.read_bytes())
    data["objects"] = {}  # version 2's pieces are gone
    path.write_bytes(encode(data))
    app = CarePlanApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert not isinstance(
            app.screen, ConfirmScreen
        )  # no offer to set the (readable) draft aside
        assert app.working is None
        words = said(app)
        assert "version 2 is incomplete" in words
        assert f"careplan backups {plan_id}" in words and "restore-backup" in words
    assert draft.read_bytes() == draft_bytes  # the draft stays where it was, as it was
    with store.open_plan(plan_id) as plan_file:  # and the lock was let go
        assert not plan_file.read_only


# --- Ctrl+Q with an editor open ------------------------------------------------------------------


async def test_ctrl_q_with_a_goal_half_written_asks_and_can_save_it(
    store: Store, plan_id: str, open_app
) -> None:
    async with open_app() as pilot:
        app = pilot.app
        await open_section(pilot, "4")
        await pilot.press("n")
        await pilot.press(*"See the sea")
        await pilot.press("ctrl+q")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("escape")  # keep writing
        await settle(pilot)
        assert isinstance(app.screen, GoalEditor) and app.return_code is None
        await pilot.press(*" at Whitby", "ctrl+q")
        await settle(pilot)
        await pilot.click("#answer-save")
        await settle(pilot)
        assert app.return_code == 0
    assert [goal.title for goal in draft_plan(store, plan_id).goals] == ["See the sea at Whitby"]


async def test_ctrl_q_with_a_goal_half_written_can_leave_it_out(
    store: Store, plan_id: str, open_app
) -> None:
    async with open_app() as pilot:
        app = pilot.app
        await open_section(pilot, "1")
        await type_into(pilot, "#about-preferred", "Ruthie")  # still waiting for a pause
        await open_section(pilot, "escape")
        await open_section(pilot, "4")
        await pilot.press("n")
        await pilot.press(*"See the sea", "ctrl+q")
        await settle(pilot)
        await pilot.click("#answer-discard")
        await settle(pilot)
        assert app.return_code == 0
    kept = draft_plan(store, plan_id)
    assert kept.goals == [] and kept.about.preferred_name == "Ruthie"


async def test_ctrl_q_with_a_goal_missing_its_title_stays_to_say_so(store: Store) -> None:
    add_plan(store, "Ruth Okafor")
    app = CarePlanApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_section(pilot, "4")
        await pilot.press("n")
        app.screen.query_one("#goal-why", Input).focus()
        await pilot.press(*"The sea air", "ctrl+q")
        await settle(pilot)
        await pilot.click("#answer-save")
        await settle(pilot)
        assert app.return_code is None and isinstance(app.screen, GoalEditor)
        assert app.screen.query_one("#goal-why", Input).value == "The sea air"


async def test_ctrl_q_in_the_team_editor_asks_and_can_save_it(
    store: Store, plan_id: str, open_app
) -> None:
    async with open_app() as pilot:
        app = pilot.app
        await open_section(pilot, "7")
        await pilot.press("a")
        assert isinstance(app.screen, MemberEditor)
        await pilot.press(*"Tom Ellis", "ctrl+q")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.click("#answer-save")
        await settle(pilot)
        assert app.return_code == 0
    assert [member.name for member in draft_plan(store, plan_id).team] == ["Tom Ellis"]


async def test_ctrl_q_with_nothing_typed_quits_at_once(store: Store) -> None:
    add_plan(store, "Ruth Okafor")
    app = CarePlanApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, PlanHomeScreen)
        await open_section(pilot, "4")
        await pilot.press("n", "ctrl+q")
        await settle(pilot)
        assert app.return_code == 0


async def test_history_start_from_with_a_guided_step_underneath_waits_the_same_way(
    store: Store,
) -> None:
    from careplan.screens.history import HistoryScreen, open_history

    plan_id = add_plan(store, "Ruth Okafor")
    app = CarePlanApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("g")
        await settle(pilot)
        await type_into(pilot, "#about-preferred", "Ruthie")
        open_history(app, app.working)
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        await pilot.press("n")
        await settle(pilot)
        assert any("One thing at a time" in notice for notice in notices(app))
        assert app.working.plan.about.preferred_name == "Ruthie"
    assert draft_plan(store, plan_id).about.preferred_name == "Ruthie"
