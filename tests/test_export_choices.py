"""The Export screen offers what the command line does: a format, for whom, the one-page summary;
the file name follows the choice, a page can be opened in the web browser to print (asked first),
and the choice is remembered for next time."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from fhir.resources.R4B.bundle import Bundle
from textual.widgets import Checkbox, Input, MarkdownViewer, Select

from careplan import exports, locations, preferences
from careplan.demo import build_demo
from careplan.screens.app import CarePlanApp
from careplan.screens.export import ExportScreen
from careplan.screens.widgets.confirm import ConfirmScreen
from careplan.store import Store
from tests.conftest import OpenApp
from tests.pilot_helpers import settle


async def open_export(pilot) -> ExportScreen:
    await pilot.press("e")
    await settle(pilot, until=lambda: isinstance(pilot.app.screen, ExportScreen))
    screen = pilot.app.screen
    await settle(pilot, until=lambda: screen.snapshot is not None)
    return screen


async def choose(pilot, screen: ExportScreen, selector: str, value: str) -> None:
    screen.query_one(selector, Select).value = value
    await settle(pilot, until=lambda: screen.snapshot is not None)


@pytest.fixture
def opened_browser(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    opened: list[str] = []
    monkeypatch.setattr(CarePlanApp, "open_url", lambda self, url, **_: opened.append(url))
    return opened


async def test_a_page_to_print_is_written_as_html_and_opens_in_the_browser_only_on_a_yes(
    store: Store, open_app: OpenApp, opened_browser: list[str]
) -> None:
    build_demo(store)
    folder = locations.exports_dir(store.root)
    async with open_app() as pilot:
        screen = await open_export(pilot)
        await choose(pilot, screen, "#export-format", "html")
        path = screen.query_one("#export-path", Input).value
        assert path == str(folder / "maggie-ellis-b1958-v6-2026-11-05.html")
        await pilot.click("#export-write")
        await settle(pilot, until=lambda: isinstance(pilot.app.screen, ConfirmScreen))
        assert opened_browser == []  # nothing opens by itself
        await pilot.click("#answer-yes")
        await settle(pilot)
    page = Path(path).read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Content-Security-Policy" in page
    assert opened_browser == [Path(path).as_uri()]
    assert os.stat(path).st_mode & 0o777 == 0o600


async def test_the_one_page_summary_for_the_care_team_is_previewed_then_written(
    store: Store, open_app: OpenApp
) -> None:
    build_demo(store)
    async with open_app() as pilot:
        screen = await open_export(pilot)
        screen.query_one("#export-summary", Checkbox).value = True
        await settle(pilot, until=lambda: screen.choice.summary and screen.snapshot is not None)
        assert not screen.query_one(
            "#export-audience"
        ).display  # one summary, for whoever is called
        source = screen.query_one(MarkdownViewer).document.source
        assert source.startswith("# If you are called to help Maggie Ellis")
        path = Path(screen.query_one("#export-path", Input).value)
        assert path.name == "maggie-ellis-b1958-v6-2026-11-05-summary.md"
        await pilot.click("#export-write")
        await settle(pilot, until=lambda: path.exists())
    assert path.read_text(encoding="utf-8") == source


async def test_fhir_is_previewed_as_its_text_and_written_valid(
    store: Store, open_app: OpenApp
) -> None:
    build_demo(store)
    async with open_app() as pilot:
        screen = await open_export(pilot)
        await choose(pilot, screen, "#export-format", "fhir")
        assert not screen.query_one("#export-summary").display
        assert '"resourceType": "Bundle"' in screen.query_one(MarkdownViewer).document.source
        path = Path(screen.query_one("#export-path", Input).value)
        assert path.name.endswith(".fhir.json")
        await pilot.click("#export-write")
        await settle(pilot, until=lambda: path.exists())
    Bundle.model_validate(json.loads(path.read_text(encoding="utf-8")))


async def test_the_last_choice_is_remembered_and_a_typed_name_is_kept(
    store: Store, open_app: OpenApp, opened_browser: list[str]
) -> None:
    build_demo(store)
    async with open_app() as pilot:
        screen = await open_export(pilot)
        await choose(pilot, screen, "#export-audience", "care-team")
        screen.query_one("#export-path", Input).value = "for-dr-rao.md"
        await choose(pilot, screen, "#export-format", "html")
        assert screen.query_one("#export-path", Input).value == "for-dr-rao.md"  # typed: kept
        await pilot.click("#export-write")
        await settle(pilot, until=lambda: isinstance(pilot.app.screen, ConfirmScreen))
        await pilot.click("#answer-no")
        await settle(pilot)
    assert opened_browser == []
    assert preferences.last_export(store.root) == exports.ExportChoice("html", "care-team")
    async with open_app() as pilot:
        screen = await open_export(pilot)
        assert screen.query_one("#export-format", Select).value == "html"
        assert screen.query_one("#export-audience", Select).value == "care-team"
        assert screen.query_one("#export-path", Input).value.endswith("-care-team.html")


def test_a_remembered_choice_read_from_disk_is_trusted_no_further(
    store: Store, tmp_path: Path
) -> None:
    stored = preferences.preferences_file(store.root)
    stored.parent.mkdir(parents=True, exist_ok=True)
    stored.write_text(json.dumps({"export": {"format": "exe", "audience": 3, "summary": "yes"}}))
    assert preferences.last_export(store.root) == exports.ExportChoice()
    stored.write_text(json.dumps({"export": {"format": "fhir", "summary": True}}))
    assert preferences.last_export(store.root) == exports.ExportChoice("fhir")  # no FHIR summary
    stored.write_text("{ not json")
    assert preferences.last_export(store.root) == exports.ExportChoice()
    # a link planted in its place is not followed
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_text(json.dumps({"export": {"format": "html"}}))
    stored.unlink()
    stored.symlink_to(elsewhere)
    assert preferences.last_export(store.root) == exports.ExportChoice()
