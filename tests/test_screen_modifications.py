"""The lifestyle modifications screen, driven through the Pilot, checked against the stored draft."""

from __future__ import annotations

from textual.widgets import DataTable, Input, Select, Static

from careplan import content
from careplan.dates import short_day
from careplan.model import About, CarePlan, Modification
from careplan.screens.modification_editor import ExamplePicker, ModificationEditor, StatusPicker
from careplan.screens.modifications import ModificationsScreen
from careplan.screens.widgets.confirm import ChoiceScreen
from careplan.store import Store
from careplan.working_plan import WorkingPlan
from tests.pilot_helpers import SIZE
from tests.screen_host import ScreenHost, working_plan_for


def host(store: Store, *changes: Modification, speaker: str = "together") -> ScreenHost:
    working = working_plan_for(
        store, CarePlan(about=About(name="Ruth Okafor"), modifications=list(changes))
    )
    working.set_speaker(speaker)
    return ScreenHost(ModificationsScreen, working)


def draft_changes(app: ScreenHost) -> list[Modification]:
    draft = app.working.file.draft()
    assert draft is not None, "nothing was written to the draft"
    return draft.plan.modifications


def row_text(app: ScreenHost, row: int) -> list[str]:
    return [str(cell) for cell in app.screen.query_one("#changes", DataTable).get_row_at(row)]


async def test_add_a_change_from_an_example(store: Store) -> None:
    app = host(store, speaker="person")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i")
        picker = app.screen
        assert isinstance(picker, ExamplePicker)
        assert str(picker.query_one("#examples-disclaimer", Static).render()) == content.DISCLAIMER

        # Choose "Exercise" as the part of life, then the second example.
        picker.query_one("#examples-area", Select).focus()
        areas = list(picker.areas)
        await pilot.press(
            "enter", *["down"] * (areas.index("exercise") - areas.index("work")), "enter"
        )
        picker.query_one("#examples-list").focus()
        await pilot.press("down")
        example = content.modification_examples("exercise")[1]
        assert example.source.title in str(picker.query_one("#examples-source", Static).render())
        await pilot.press("enter")
        await pilot.pause()

        editor = app.screen
        assert isinstance(editor, ModificationEditor)
        assert editor.query_one("#change-before", Input).value == example.before
        assert editor.query_one("#change-now", Input).value == example.now
        editor.query_one("#change-why", Input).focus()
        await pilot.press(*"Gentler on my joints", "enter")
        await pilot.pause()

        [change] = draft_changes(app)
        assert (change.area, change.before, change.now) == ("exercise", example.before, example.now)
        assert (change.why, change.status, change.voice) == (
            "Gentler on my joints",
            "trying",
            "person",
        )
        assert change.since is not None  # the session's day (today here): shown under "now"
        assert row_text(app, 0)[1:] == [
            "Exercise\n(Ruth Okafor)",
            example.before,
            f"{example.now}\n(since {short_day(change.since)})",
            "Gentler on my joints",
            "Trying it",
        ]


async def test_change_how_it_is_going(store: Store) -> None:
    walking = Modification(area="exercise", before="Running", now="A daily walk")
    app = host(store, walking)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        assert isinstance(app.screen, StatusPicker)
        await pilot.press("down", "enter")  # from "Trying it" to "Working"
        await pilot.pause()

        [change] = draft_changes(app)
        assert change.status == "working"
        assert row_text(app, 0)[-1] == "Working"


async def test_edit_a_change_keeps_its_voice_and_id(store: Store) -> None:
    work = Modification(area="work", before="Full time", now="Three mornings", voice="caregiver")
    app = host(store, work, speaker="person")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # on the selected row, as "e" does
        editor = app.screen
        assert isinstance(editor, ModificationEditor)
        editor.query_one("#change-now", Input).value = ""
        editor.query_one("#change-now", Input).focus()
        await pilot.press(*"Two mornings", "enter")
        await pilot.pause()

        [change] = draft_changes(app)
        assert (change.id, change.now, change.voice) == (work.id, "Two mornings", "caregiver")


async def test_a_change_needs_some_words(store: Store) -> None:
    app = host(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.click("#do-add_change")
        editor = app.screen
        editor.query_one("#change-why", Input).focus()
        await pilot.press(*"Too tired", "enter")
        await pilot.pause()
        assert app.screen is editor
        problem = editor.query_one("#form-problem", Static)
        assert problem.display and "what you used to do" in str(problem.render())
        assert app.working.file.draft() is None

        editor.query_one("#change-before", Input).focus()
        await pilot.press(*"Cooking every night", "enter")
        await pilot.pause()
        [change] = draft_changes(app)
        assert (change.before, change.now, change.why) == ("Cooking every night", "", "Too tired")


async def test_removing_asks_first(store: Store) -> None:
    first = Modification(area="travel", before="Flying abroad", now="Trips by train")
    second = Modification(area="home", before="Stairs twice a day", now="Bed downstairs")
    app = host(store, first, second)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x")
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("enter")  # the safe answer has the focus: keep it
        await pilot.pause()
        assert app.working.file.draft() is None

        await pilot.press("x")
        await pilot.click("#answer-remove")
        await pilot.pause()
        assert [change.id for change in draft_changes(app)] == [second.id]
        assert (
            app.working.file.load(1).modifications[0].id == first.id
        )  # the saved version keeps it


async def test_an_empty_list_says_where_to_start(store: Store) -> None:
    app = host(store)
    async with app.run_test(size=SIZE):
        note = app.screen.query_one("#changes-empty", Static)
        assert note.display and "i for ideas" in str(note.render())
        assert not app.screen.query_one("#do-edit_change").display


async def test_a_read_only_plan_offers_no_changes(store: Store) -> None:
    first = Modification(area="travel", before="Flying abroad", now="Trips by train")
    plan_id = working_plan_for(
        store, CarePlan(about=About(name="Ruth Okafor"), modifications=[first])
    ).file.id
    app = ScreenHost(ModificationsScreen, WorkingPlan(store.open_plan(plan_id, write=False)))
    async with app.run_test(size=SIZE) as pilot:
        assert not any(button.display for button in app.screen.query("#change-actions Button"))
        await pilot.press("s", "x", "n")
        assert isinstance(app.screen, ModificationsScreen)
        assert row_text(app, 0)[2:4] == ["Flying abroad", "Trips by train"]


async def test_the_columns_fit_the_table_when_something_takes_part_of_the_screen(
    store: Store,
) -> None:
    change = Modification(
        area="eating_out",
        before="Curry house on Friday nights with the whole family",
        now="Small dinners at home",
        why="Evenings are my worst time for sickness",
    )
    app = host(store, change)
    async with app.run_test(size=SIZE) as pilot:
        table = app.screen.query_one("#changes", DataTable)
        await pilot.pause()
        assert table.max_scroll_x == 0
        # as the guided session's questions and notes do, split off the right of the screen
        await app.screen.mount(Static("Questions to consider", classes="guide-panel"))
        await pilot.pause()
        await pilot.pause()
        assert table.size.width < SIZE[0] - 30
        assert table.max_scroll_x == 0  # no column runs past the edge, so no word loses its end
