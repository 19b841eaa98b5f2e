"""The goals screen, driven by keys and clicks through the Pilot, checked against the stored draft
and the saved versions."""

from __future__ import annotations

from datetime import date

from textual.widgets import Input, Static

from careplan import goals as goal_changes
from careplan.model import About, CarePlan, Goal, View
from careplan.screens.goal_editor import GoalEditor, OneGoalJourneyScreen
from careplan.screens.goals import GoalCard, GoalsScreen
from careplan.screens.widgets.confirm import ChoiceScreen
from careplan.store import Store
from careplan.working_plan import WorkingPlan
from tests.pilot_helpers import SIZE
from tests.screen_host import ScreenHost, working_plan_for

TODAY = date(2026, 6, 15)  # the app's day, not the clock's: the tests hold across midnight


def host(store: Store, *goals: Goal, speaker: str = "together") -> ScreenHost:
    working = working_plan_for(store, CarePlan(about=About(name="Ruth Okafor"), goals=list(goals)))
    working.set_speaker(speaker)
    return ScreenHost(GoalsScreen, working, today=TODAY)


def draft_goals(app: ScreenHost) -> list[Goal]:
    draft = app.working.file.draft()
    assert draft is not None, "nothing was written to the draft"
    return draft.plan.goals


def shown(widget: Static) -> str:
    return str(widget.render())


def card_text(app: ScreenHost, goal_id: str) -> str:
    card = app.screen.query_one(f"#goal-{goal_id}", GoalCard)
    return "\n".join(shown(line) for line in card.query(Static))


async def test_add_a_goal_by_typing(store: Store) -> None:
    app = host(store, speaker="caregiver")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        assert isinstance(app.screen, GoalEditor)
        await pilot.press(*"A walk to the park", "tab", *"Fresh air")
        await pilot.press("enter")
        await pilot.pause()

        assert isinstance(app.screen, GoalsScreen)
        [goal] = draft_goals(app)
        assert (goal.title, goal.why, goal.status, goal.started_on) == (
            "A walk to the park",
            "Fresh air",
            "active",
            TODAY,
        )
        assert goal.voice == "caregiver"  # whoever is speaking now
        assert goal.category == "meaningful"
        assert "A walk to the park" in card_text(app, goal.id)


async def test_an_empty_title_is_refused_kindly_and_keeps_what_was_typed(store: Store) -> None:
    app = host(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        editor = app.screen
        editor.query_one("#goal-why", Input).focus()
        await pilot.press(*"To see the sea", "enter")
        await pilot.pause()

        assert app.screen is editor  # still open
        problem = editor.query_one("#form-problem", Static)
        assert problem.display and "needs a few words as its title" in shown(problem)
        assert editor.query_one("#goal-why", Input).value == "To see the sea"
        assert app.focused is editor.query_one("#goal-title", Input)
        assert app.working.file.draft() is None  # nothing half-made was added to the plan

        await pilot.press(*"Go to Whitby", "enter")
        await pilot.pause()
        [goal] = draft_goals(app)
        assert (goal.title, goal.why) == ("Go to Whitby", "To see the sea")


async def test_adapting_a_goal_keeps_the_old_one_in_every_version(store: Store) -> None:
    run = Goal(
        title="Run 5 miles", why="Feeling strong", voice="person", started_on=date(2026, 4, 1)
    )
    app = host(store, run)  # saved as version 1
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        await pilot.press(*"running hurts my hip now", "tab", *"A daily walk", "enter")
        await pilot.pause()
        version_2 = app.working.save_version("Ruth", note="after the hip")

    plan_file = app.working.file
    [first] = plan_file.load(1).goals
    assert (first.title, first.status, first.ended_on) == ("Run 5 miles", "active", None)

    assert version_2.number == 2
    old, new = plan_file.load(2).goals
    assert (old.id, old.title, old.status, old.ended_on) == (
        run.id,
        "Run 5 miles",
        "adapted",
        TODAY,
    )
    assert new.title == "A daily walk"
    assert new.status == "active"
    assert new.adapted_from == run.id
    assert new.adapted_reason == "running hurts my hip now"
    assert new.started_on == TODAY
    assert new.why == "Feeling strong"  # carried over unless changed


async def test_mark_achieved_then_undo(store: Store) -> None:
    goal = Goal(title="Finish the quilt", category="meaningful")
    app = host(store, goal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("d")
        await pilot.pause()
        [saved] = draft_goals(app)
        assert (saved.status, saved.ended_on) == ("achieved", TODAY)
        assert "Achieved on" in card_text(app, goal.id)  # still shown, in words
        assert not app.screen.query_one("#do-achieve_goal").display  # only "Active again" fits now

        await pilot.click("#do-reopen_goal")
        await pilot.pause()
        [saved] = draft_goals(app)
        assert (saved.status, saved.ended_on) == ("active", None)


async def test_letting_go_asks_gently_first(store: Store) -> None:
    goal = Goal(title="Grow tomatoes", category="meaningful")
    app = host(store, goal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l")
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("escape")  # Esc keeps the goal
        await pilot.pause()
        assert app.working.file.draft() is None

        await pilot.press("l")
        await pilot.click("#answer-let_go")
        await pilot.pause()
        [saved] = draft_goals(app)
        assert (saved.status, saved.ended_on) == ("let_go", TODAY)
        assert "Let go on" in card_text(app, goal.id)


async def test_the_journey_of_a_goal_is_shown_with_dates_and_reasons(store: Store) -> None:
    plan = CarePlan(about=About(name="Ruth Okafor"), goals=[Goal(title="Run 5 miles")])
    walk = goal_changes.adapt_goal(
        plan, plan.goals[0].id, "A daily walk", "running hurts my hip now", on=date(2026, 6, 3)
    )
    goal_changes.adapt_goal(
        plan, walk.id, "Coffee on the bench", "the park is too far", on=date(2026, 9, 10)
    )
    app = ScreenHost(GoalsScreen, working_plan_for(store, plan))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j")
        assert isinstance(app.screen, OneGoalJourneyScreen)
        line = shown(app.screen.query_one("#journey-line", Static))
        assert line == (
            "Run 5 miles → A daily walk (3 June 2026: running hurts my hip now)"
            " → Coffee on the bench (10 September 2026: the park is too far)"
        )
        await pilot.press("escape")
        assert isinstance(app.screen, GoalsScreen)


async def test_another_view_is_kept_beside_the_first(store: Store) -> None:
    goal = Goal(title="Stay at home", why="It's where I feel myself", voice="person")
    app = host(store, goal, speaker="caregiver")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v")
        await pilot.press(*"I worry about the stairs", "enter")
        await pilot.pause()

        [saved] = draft_goals(app)
        assert saved.why == "It's where I feel myself"  # never written over
        assert saved.other_views == [View(voice="caregiver", text="I worry about the stairs")]
        columns = [shown(column) for column in app.screen.query(".goal-view").results(Static)]
        assert columns == [
            "In Ruth Okafor's words:\nIt's where I feel myself",
            "In the caregiver's words:\nI worry about the stairs",
        ]


async def test_escape_after_typing_asks_before_anything_is_lost(store: Store) -> None:
    app = host(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.click("#do-add_goal")
        await pilot.press(*"Plant bulbs")
        await pilot.press("escape")
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("escape")  # Esc again means "keep writing"
        assert isinstance(app.screen, GoalEditor)
        assert app.screen.query_one("#goal-title", Input).value == "Plant bulbs"

        await pilot.press("escape")
        await pilot.click("#answer-save")
        await pilot.pause()
        assert isinstance(app.screen, GoalsScreen)
        assert [goal.title for goal in draft_goals(app)] == ["Plant bulbs"]


async def test_escape_with_nothing_typed_just_closes(store: Store) -> None:
    app = host(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", "escape")
        await pilot.pause()
        assert isinstance(app.screen, GoalsScreen)
        assert app.working.file.draft() is None


async def test_actions_follow_the_selected_goal(store: Store) -> None:
    active = Goal(title="Sleep through", category="symptoms")
    done = Goal(
        title="Paint the shed", category="daily_life", status="achieved", ended_on=date(2026, 5, 1)
    )
    app = host(store, active, done)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert screen.selected_id == active.id
        assert screen.query_one("#do-adapt_goal").display
        await pilot.press("down")
        assert screen.selected_id == done.id
        assert not screen.query_one("#do-adapt_goal").display
        assert screen.query_one("#do-reopen_goal").display
        await pilot.press("a")  # adapting an ended goal is not offered, so nothing opens
        assert app.screen is screen


def test_goals_screen_on_the_demo_plan(store: Store, snap_compare) -> None:
    from careplan.demo import build_demo

    working = WorkingPlan(store.open_plan(build_demo(store)))
    assert snap_compare(ScreenHost(GoalsScreen, working), terminal_size=SIZE)


async def test_a_read_only_plan_offers_only_looking(store: Store) -> None:
    goal = Goal(title="Sleep through")
    plan_id = working_plan_for(
        store, CarePlan(about=About(name="Ruth Okafor"), goals=[goal])
    ).file.id
    working = WorkingPlan(store.open_plan(plan_id, write=False))
    app = ScreenHost(GoalsScreen, working)
    async with app.run_test(size=SIZE) as pilot:
        visible = [
            button.id for button in app.screen.query("#goal-actions Button") if button.display
        ]
        assert visible == ["do-show_journey"]
        await pilot.press("n", "d")
        assert isinstance(app.screen, GoalsScreen)
        assert working.plan.goals[0].status == "active"
        await pilot.click("#do-show_journey")
        assert isinstance(app.screen, OneGoalJourneyScreen)
