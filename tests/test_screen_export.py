"""Exporting a snapshot: a preview first, a file name that can be changed, a private file holding
exactly the snapshot, and a calm message (with nothing lost) when the file cannot be written."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.message import Message
from textual.notifications import Notify
from textual.widgets import Input, MarkdownViewer, Static

from careplan import locations
from careplan.demo import build_demo
from careplan.errors import CarePlanError
from careplan.markdown_export import default_export_name, render_snapshot
from careplan.model import About, CarePlan
from careplan.screens.app import CarePlanApp
from careplan.screens.export import ExportScreen, export_path
from careplan.screens.history import HistoryScreen
from careplan.screens.plan_home import PlanHomeScreen
from careplan.screens.widgets.confirm import ConfirmScreen
from careplan.store import Store
from tests.palette import palette_search
from tests.pilot_helpers import SIZE, settle


def notices(seen: list[Message]) -> str:
    return " ".join(
        f"{m.notification.title} {m.notification.message}" for m in seen if isinstance(m, Notify)
    )


def result(app: CarePlanApp) -> str:
    return str(app.screen.query_one("#export-result", Static).render())


async def open_export_from_home(pilot) -> ExportScreen:
    await settle(pilot)  # one plan in the caseload: it opens straight away
    assert isinstance(pilot.app.screen, PlanHomeScreen)
    await pilot.press("e")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ExportScreen)
    return pilot.app.screen


async def type_path(pilot, path: Path | str) -> None:
    field = pilot.app.screen.query_one("#export-path", Input)
    field.value = str(path)
    field.focus()
    await pilot.pause()


async def test_export_shows_a_preview_then_writes_exactly_the_snapshot_owner_only(
    store: Store,
) -> None:
    plan_id = build_demo(store)
    with store.open_plan(plan_id, write=False) as plan_file:
        expected = render_snapshot(plan_file, 6)
        name = default_export_name(plan_file, 6)
    assert name == "maggie-ellis-b1958-v6-2026-11-05.md"
    target = locations.exports_dir(store.root) / name
    seen: list[Message] = []
    app = CarePlanApp(store)
    async with app.run_test(size=SIZE, message_hook=seen.append) as pilot:
        screen = await open_export_from_home(pilot)
        assert screen.query_one("#export-path", Input).value == str(target)
        assert screen.query_one(MarkdownViewer).document.source == expected
        assert not target.exists()  # nothing is written until asked
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert target.read_text(encoding="utf-8") == expected
        assert target.stat().st_mode & 0o777 == 0o600
        assert str(target) in notices(seen)
        assert f"Written to {target}" in result(app)


async def test_a_file_that_cannot_be_written_is_explained_calmly_and_the_app_carries_on(
    store: Store, tmp_path: Path
) -> None:
    build_demo(store)
    in_the_way = tmp_path / "not-a-folder"
    in_the_way.write_text("already here", encoding="utf-8")
    seen: list[Message] = []
    app = CarePlanApp(store)
    async with app.run_test(size=SIZE, message_hook=seen.append) as pilot:
        screen = await open_export_from_home(pilot)
        await type_path(pilot, in_the_way / "snapshot.md")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen
        assert "Not written" in result(app)
        assert "a file is where a folder should be" in result(app)
        assert "Not written" in notices(seen)
        assert all(m.notification.severity != "error" for m in seen if isinstance(m, Notify))
        assert in_the_way.read_text(encoding="utf-8") == "already here"
        assert screen.query_one("#export-path", Input).value == str(
            in_the_way / "snapshot.md"
        )  # kept to fix
        await type_path(pilot, tmp_path / "elsewhere.md")
        await pilot.press("enter")
        await settle(pilot)
        assert (
            (tmp_path / "elsewhere.md")
            .read_text(encoding="utf-8")
            .startswith("# Care plan: Maggie Ellis")
        )


async def test_a_place_that_cannot_be_looked_at_is_said_calmly_in_the_result_line(
    store: Store, tmp_path: Path
) -> None:
    build_demo(store)
    too_long = str(
        tmp_path / ("a" * 300)
    )  # longer than a file name may be: the system cannot even look
    app = CarePlanApp(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_export_from_home(pilot)
        await type_path(pilot, "~nosuchuser-careplan/snapshot.md")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen
        assert result(app) == (
            "Nothing was written. ~nosuchuser-careplan is not a home folder on this computer. "
            "Change the name in the box."
        )
        await type_path(pilot, too_long)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen
        assert "Not written" in result(app) and "too long" in result(app)
        assert screen.query_one("#export-path", Input).value == too_long  # kept to fix
    assert list(tmp_path.iterdir()) == [store.root]


async def test_a_file_already_there_is_only_replaced_after_a_yes(
    store: Store, tmp_path: Path
) -> None:
    build_demo(store)
    existing = tmp_path / "maggie.md"
    existing.write_text("Tom's notes", encoding="utf-8")
    app = CarePlanApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_export_from_home(pilot)
        await type_path(pilot, existing)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert existing.read_text(encoding="utf-8") == "Tom's notes"
        assert "Nothing was written" in result(app)
        await pilot.press("ctrl+o")
        await pilot.pause()
        await pilot.click("#answer-yes")
        await settle(pilot)
        assert existing.read_text(encoding="utf-8").startswith("# Care plan: Maggie Ellis")


async def test_history_exports_the_version_chosen_there(store: Store) -> None:
    plan_id = build_demo(store)
    app = CarePlanApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        history = app.screen
        assert isinstance(history, HistoryScreen)
        listing = history.query_one("#history-versions")
        listing.highlighted = listing.get_option_index("3")
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, ExportScreen)
        assert app.screen.number == 3
        assert app.screen.query_one("#export-path", Input).value.endswith(
            "maggie-ellis-b1958-v3-2026-07-15.md"
        )
        with store.open_plan(plan_id, write=False) as plan_file:
            assert app.screen.query_one(MarkdownViewer).document.source == render_snapshot(
                plan_file, 3
            )


async def test_the_palette_export_opens_the_preview_rather_than_writing_straight_away(
    store: Store,
) -> None:
    build_demo(store)
    app = CarePlanApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert (
            await palette_search(pilot, "export snapshot") == "Export a snapshot to print or share"
        )
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ExportScreen)
        assert not locations.exports_dir(store.root).exists()


async def test_a_plan_never_saved_has_nothing_to_export_and_says_why(store: Store) -> None:
    store.create_plan(CarePlan(about=About(name="Ruth Okafor"))).close()
    seen: list[Message] = []
    app = CarePlanApp(store)
    async with app.run_test(size=SIZE, message_hook=seen.append) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, PlanHomeScreen)
        assert "Save a version first" in notices(seen)
        assert not locations.exports_dir(store.root).exists()


def test_a_typed_name_is_placed_sensibly(tmp_path: Path) -> None:
    exports = tmp_path / "exports"
    assert export_path("for-dr-reyes", exports, "d.md") == exports / "for-dr-reyes.md"
    assert export_path("  notes.txt ", exports, "d.md") == exports / "notes.txt"
    assert (
        export_path(str(tmp_path), exports, "d.md") == tmp_path / "d.md"
    )  # a folder: the default name inside
    assert export_path("~/plan.md", exports, "d.md") == Path.home() / "plan.md"
    too_long = tmp_path / ("a" * 300)
    assert export_path(str(too_long), exports, "d.md") == too_long.with_name(too_long.name + ".md")
    with pytest.raises(
        CarePlanError, match="~nosuchuser-careplan is not a home folder on this computer"
    ):
        export_path("~nosuchuser-careplan/plan.md", exports, "d.md")


# --- links in the preview ------------------------------------------------------------------------

LINK = "https://example.org/ward"


def where_on_screen(app: CarePlanApp, words: str) -> tuple[int, int]:
    """The screen cell where `words` begins (column, row)."""
    for row, strip in enumerate(app.screen._compositor.render_strips()):
        column = strip.text.find(words)
        if column >= 0:
            return column, row
    raise AssertionError(f"{words!r} is not on the screen")


async def show_a_web_link(pilot) -> ExportScreen:
    screen = await open_export_from_home(pilot)
    await settle(pilot, until=lambda: screen.snapshot is not None)
    await settle(pilot)
    return screen


@pytest.mark.parametrize("answer", ["escape", "open"])
async def test_clicking_a_web_link_in_the_preview_asks_before_opening_it(
    store: Store, monkeypatch: pytest.MonkeyPatch, answer: str
) -> None:
    plan = CarePlan(about=About(name="Ruth Okafor", illness=f"The ward's page: {LINK}"))
    with store.create_plan(plan) as plan_file:
        plan_file.save_version(plan, saved_by="Priya")
    opened: list[str] = []
    monkeypatch.setattr(CarePlanApp, "open_url", lambda self, url, **_: opened.append(url))
    async with CarePlanApp(store).run_test(size=SIZE) as pilot:
        await show_a_web_link(pilot)
        column, row = where_on_screen(pilot.app, LINK)
        await pilot.click(offset=(column + 2, row))
        await settle(pilot)
        assert isinstance(pilot.app.screen, ConfirmScreen)  # asked, not opened, and no crash
        assert LINK in "\n".join(s.text for s in pilot.app.screen._compositor.render_strips())
        assert opened == []
        if answer == "escape":
            await pilot.press("escape")
        else:
            pilot.app.screen.query_one("#answer-yes").press()
        await settle(pilot)
        assert isinstance(pilot.app.screen, ExportScreen)
        assert opened == ([] if answer == "escape" else [LINK])
