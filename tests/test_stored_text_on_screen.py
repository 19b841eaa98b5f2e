"""Stored text never drives the terminal: what the app shows from a plan file, a draft or a
backup has its control characters made harmless when it is shown, not only when it is saved.

Saving tidies control characters away (careplan.validation.tidy), but a plan file can come from
elsewhere, written by hand or by another program, and a draft keeps exactly what was typed. Here
every text field of a plan holds a terminal title escape (ESC ] 2 ; ... BEL) and a C1 control
introducer, written straight into the plan file past the tidying; the app is driven through its
screens, and nothing any screen draws may hold a control character the terminal would act on.
Names also lose bidi overrides and isolates on screen, so what the list shows is what finds it.
"""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest
from textual.widgets import DataTable

from careplan import locations
from careplan.display import shown, shown_name
from careplan.model import CarePlan
from careplan.screens.app import CarePlanApp
from careplan.screens.compare import CompareScreen
from careplan.screens.export import ExportScreen
from careplan.screens.history import HistoryScreen
from careplan.screens.journeys import JourneysScreen
from careplan.screens.plan_home import PlanHomeScreen
from careplan.screens.plans import PlansScreen
from careplan.screens.section_base import SectionScreen
from careplan.store import Store
from tests.pilot_helpers import SIZE, settle
from tests.test_hostile_text_on_screen import hostile_plan

MARK = "\u00a7"  # stands in for the escape until the plan is on disk (tidying leaves it alone)
BIDI_MARK = "\u00a4"  # stands in for a right-to-left override in the person's name
ESCAPE = "\x1b]2;pwned\x07\x9b31m"  # set the terminal's title; CSI as one C1 character
# What the terminal would act on: C0 controls (a newline never reaches a line of the screen), DEL
# and the C1 controls.
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
CHOICES = {"id", "voice", "kind", "category", "status", "role", "area", "answered_by"}
CHOICES |= {"adapted_from", "tasks"}  # ids, and task keys that must stay as stored
CHOICES |= {"standing", "agreement", "dated_as", "place_of_care", "place_at_end", "team_member"}


def marked(value: object) -> object:
    """Every piece of typed text in the plan with MARK added, choices and ids left as they are."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            current = getattr(value, field.name)
            if field.name in CHOICES:
                continue
            if isinstance(current, str):
                setattr(value, field.name, current + MARK)
            else:
                marked(current)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, str):
                value[index] = item + MARK
            else:
                marked(item)
    return value


def plant_escapes(path: Path) -> None:
    """Put the escape where every MARK is, in the file itself: what a hand-edited copy could hold."""
    text = path.read_text(encoding="utf-8")
    planted = text.replace("\\u00a7", MARK).replace(MARK, json.dumps(ESCAPE)[1:-1])
    planted = planted.replace("\\u00a4", BIDI_MARK).replace(BIDI_MARK, "\\u202e")
    assert planted != text
    path.write_text(planted, encoding="utf-8")


@pytest.fixture
def plan_id(store: Store) -> str:
    plan = hostile_plan()
    marked(plan)
    plan.about.name = f"Sam {BIDI_MARK}HtimS" + MARK
    plan.about.preferred_name = f"Sammy {BIDI_MARK}ffuts{MARK}"  # what the screens call them
    with store.create_plan(plan) as plan_file:
        plan_file.save_version(plan, saved_by="Priya" + MARK, note="First" + MARK)
        plan.goals[0].title = "A daily walk" + MARK
        plan_file.save_version(plan, saved_by="Priya" + MARK, note="Second" + MARK)
        found = plan_file.id
    plant_escapes(locations.plan_file(store.root, found))
    with store.open_plan(found, write=False) as plan_file:
        assert "\x1b]2;pwned" in plan_file.load().goals[0].title  # read back exactly as planted
    other = CarePlan()
    other.about.name = "Ann Other"
    with store.create_plan(other) as plan_file:
        plan_file.save_version(other, saved_by="Priya")
    return found


def drawn(app: CarePlanApp) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def assert_harmless(app: CarePlanApp, where: str) -> None:
    text = drawn(app)
    found = sorted(
        {f"U+{ord(char):04X}" for line in text.split("\n") for char in CONTROL.findall(line)}
    )
    lines = [ascii(line.strip()) for line in text.split("\n") if CONTROL.search(line)]
    assert not found, f"{where}: {found} drawn on the screen, in: {lines}"
    assert "pwned" in text or where in ("plans",), f"{where}: the stored text is not shown at all"


async def press(pilot, *keys: str) -> None:
    await pilot.press(*keys)
    await settle(pilot)


async def open_it(pilot, plan_id: str) -> None:
    await settle(pilot)
    assert isinstance(pilot.app.screen, PlansScreen)
    assert_harmless(pilot.app, "plans")
    table = pilot.app.screen.query_one(DataTable)
    table.move_cursor(row=table.get_row_index(plan_id))
    await press(pilot, "enter")
    assert isinstance(pilot.app.screen, PlanHomeScreen)
    assert_harmless(pilot.app, "home")


def test_the_helpers_make_control_characters_harmless_and_keep_everything_else() -> None:
    assert shown("a\x1b]2;x\x07b\x9bc\x7fd") == "a]2;xbcd"
    assert shown("line one\nline two\tand a tab, مرحبا 👩‍👩‍👧 e\u0301") == (
        "line one\nline two\tand a tab, مرحبا 👩‍👩‍👧 e\u0301"
    )
    assert shown_name("Ann \u202eHtimS\u202c \u2066x\u2069\x1b") == "Ann HtimS x"


async def test_the_list_and_the_home_show_a_planted_name_harmlessly(
    store: Store, plan_id: str
) -> None:
    async with CarePlanApp(store).run_test(size=SIZE) as pilot:
        await settle(pilot)
        text = drawn(pilot.app)
        assert "Sam HtimS]2;pwned" in text  # no bidi override, no escape: what history finds
        assert "\u202e" not in text
        await open_it(pilot, plan_id)
        await press(pilot, "f2")
        text = drawn(pilot.app)
        assert "Speaking now: Sammy ffuts" in text and "\u202e" not in text
    assert store.resolve("Sam HtimS") == plan_id  # what the list shows finds the plan


@pytest.mark.parametrize("key", ["1", "2", "3", "4", "5", "6", "7", "8"])
async def test_every_part_of_the_plan_shows_planted_escapes_harmlessly(
    store: Store, plan_id: str, key: str
) -> None:
    async with CarePlanApp(store).run_test(size=SIZE) as pilot:
        await open_it(pilot, plan_id)
        await press(pilot, "f2", key)
        assert isinstance(pilot.app.screen, SectionScreen)
        assert_harmless(pilot.app, f"section {key}")


async def test_history_compare_journeys_and_export_show_planted_escapes_harmlessly(
    store: Store, plan_id: str
) -> None:
    async with CarePlanApp(store).run_test(size=SIZE) as pilot:
        await open_it(pilot, plan_id)
        await press(pilot, "h")
        assert isinstance(pilot.app.screen, HistoryScreen)
        assert_harmless(pilot.app, "history")
        await press(pilot, "c")
        assert isinstance(pilot.app.screen, CompareScreen)
        assert_harmless(pilot.app, "compare")
        await press(pilot, "escape", "j")
        assert isinstance(pilot.app.screen, JourneysScreen)
        assert_harmless(pilot.app, "journeys")
        await press(pilot, "escape", "e")
        assert isinstance(pilot.app.screen, ExportScreen)
        await settle(pilot, until=lambda: pilot.app.screen.snapshot is not None)
        assert_harmless(pilot.app, "export")


async def test_a_draft_holding_escapes_is_shown_harmlessly(store: Store, plan_id: str) -> None:
    with store.open_plan(plan_id) as plan_file:
        plan = plan_file.load()
        plan.goals[1].title = "Cook " + ESCAPE  # a draft keeps exactly what was typed
        plan_file.keep_draft(plan)
    async with CarePlanApp(store).run_test(size=SIZE) as pilot:
        await open_it(pilot, plan_id)
        await press(pilot, "4")
        assert "Cook ]2;pwned" in drawn(pilot.app)
        assert_harmless(pilot.app, "goals, from the draft")
