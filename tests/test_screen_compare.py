"""The compare screen: the changes between two saved versions in plain words, with both labels."""

from __future__ import annotations

from datetime import UTC, datetime

from textual.widgets import Markdown, Static

from careplan.demo import build_demo
from careplan.history import compare_versions
from careplan.markdown_escape import escape_inline
from careplan.model import About, CarePlan
from careplan.screens.compare import CompareScreen
from careplan.store import Store
from careplan.working_plan import WorkingPlan
from tests.pilot_helpers import SIZE, settle
from tests.screen_host import ScreenHost


def compare_host(working: WorkingPlan, old: int, new: int) -> ScreenHost:
    return ScreenHost(lambda working: CompareScreen(working, old, new), working)


def on_screen(screen: CompareScreen) -> str:
    """Every line of words the changes are shown in, as rendered."""
    return "\n".join(
        str(block.render()) for block in screen.query("#compare-changes MarkdownBlock")
    )


async def test_version_1_to_6_says_how_each_goal_was_adapted_and_why(store: Store) -> None:
    working = WorkingPlan(store.open_plan(build_demo(store)))
    app = compare_host(working, 1, 6)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        labels = str(screen.query_one("#compare-labels", Static).render())
        assert "From: Version 1 · Fri 13 Mar 2026, 10:30 · by Maggie and Tom, with Priya" in labels
        assert "To: Version 6 · Fri 6 Nov 2026, 11:30 · by Maggie and Tom, with Priya" in labels
        source = screen.query_one("#compare-changes", Markdown).source
        adapted = [
            c.text for c in compare_versions(working.file, 1, 6).changes if c.kind == "goal_adapted"
        ]
        assert len(adapted) == 3
        for sentence in adapted:
            assert escape_inline(sentence) in source
        shown = on_screen(screen)
        assert (
            '"Run 5 miles at the park run in May" became "A daily walk round the park" on 20 May 2026'
            in shown
        )
        assert (
            "Goals" in shown and "Support team" in shown
        )  # grouped by section, under plain titles


async def test_versions_given_newest_first_are_still_read_oldest_to_newest(store: Store) -> None:
    working = WorkingPlan(store.open_plan(build_demo(store)))
    app = compare_host(working, 3, 2)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert (app.screen.old, app.screen.new) == (2, 3)
        assert str(app.screen.query_one("#compare-labels", Static).render()).startswith(
            "From: Version 2"
        )


async def test_two_versions_with_the_same_content_say_nothing_changed(store: Store) -> None:
    plan = CarePlan(about=About(name="Ruth Okafor"))
    opened = store.create_plan(plan)
    for day in (1, 2):
        opened.save_version(plan, saved_by="Ruth", when=datetime(2026, 4, day, 9, 0, tzinfo=UTC))
    app = compare_host(WorkingPlan(opened), 1, 2)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        note = app.screen.query_one("#compare-note", Static)
        assert note.display
        assert str(note.render()) == "Nothing changed between version 1 and version 2."


async def test_escape_goes_back(store: Store) -> None:
    working = WorkingPlan(store.open_plan(build_demo(store)))
    app = compare_host(working, 1, 2)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, CompareScreen)


async def test_a_typed_web_address_in_the_changes_asks_before_opening(
    store: Store, monkeypatch
) -> None:
    from careplan.screens.widgets.confirm import ConfirmScreen

    link = "https://example.org/ward"
    plan = CarePlan(about=About(name="Ruth Okafor"))
    with store.create_plan(plan) as plan_file:
        plan_file.save_version(plan, saved_by="Priya")
        plan.about.illness = f"See {link}"
        plan_file.save_version(plan, saved_by="Priya")
        plan_id = plan_file.id
    opened: list[str] = []
    monkeypatch.setattr(ScreenHost, "open_url", lambda self, url, **_: opened.append(url))
    working = WorkingPlan(store.open_plan(plan_id))
    app = compare_host(working, 1, 2)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for row, strip in enumerate(app.screen._compositor.render_strips()):
            if link in strip.text:
                await pilot.click(offset=(strip.text.index(link) + 2, row))
                break
        else:
            raise AssertionError("the link is not on the screen")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen) and opened == []
        app.screen.query_one("#answer-yes").press()
        await settle(pilot)
        assert opened == [link]
