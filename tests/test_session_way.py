"""How a session happened (in person, video, phone), its language and interpreter: kept with the
version like the session notes, shown to the facilitator (Review and save, History), in
`careplan history --format json` and the care team's export, never in the family's export."""

from __future__ import annotations

import json

import pytest
from textual.widgets import Input, OptionList, Select

from careplan.cli import main
from careplan.errors import CarePlanError
from careplan.exports import ExportChoice, render
from careplan.model import About, CarePlan, Participant
from careplan.screens.guided import STEPS
from careplan.screens.history import HistoryScreen
from careplan.screens.review import ReviewScreen
from careplan.store import Store
from careplan.working_plan import WorkingPlan
from tests.conftest import OpenApp
from tests.pilot_helpers import SIZE, add_plan, settle, shown, type_into
from tests.screen_host import ScreenHost

SIZES = [SIZE, (80, 24)]


def plan_saved_by_video(store: Store) -> str:
    plan = CarePlan(about=About(name="Dana Reyes"))
    with store.create_plan(plan) as plan_file:
        plan_file.save_version(
            plan,
            saved_by="Priya",
            session_kind="video",
            session_language="Polish",
            session_interpreter="Ana Nowak",
        )
        plan_file.save_version(plan, saved_by="Dana", note="nothing said of the session")
        return plan_file.id


def test_the_session_way_is_kept_with_its_version_and_only_when_said(store: Store) -> None:
    plan_id = plan_saved_by_video(store)
    with store.open_plan(plan_id, write=False) as plan_file:
        first, second = plan_file.version(1), plan_file.version(2)
    assert (first.session_kind, first.session_language, first.session_interpreter) == (
        "video",
        "Polish",
        "Ana Nowak",
    )
    assert (second.session_kind, second.session_language, second.session_interpreter) == (
        "",
        "",
        "",
    )
    raw = json.loads(store.open_plan(plan_id, write=False).path.read_text())
    rows = sorted(raw["versions"].values(), key=lambda row: row["n"])
    assert {"sk", "sl", "si"} <= set(rows[0]) and not {"sk", "sl", "si"} & set(rows[1])


def test_a_kind_careplan_does_not_know_is_refused(store: Store) -> None:
    plan = CarePlan(about=About(name="Dana Reyes"))
    with store.create_plan(plan) as plan_file, pytest.raises(CarePlanError):
        plan_file.save_version(plan, saved_by="Priya", session_kind="carrier pigeon")


def test_history_json_has_the_new_keys(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    plan_id = plan_saved_by_video(store)
    assert main(["history", plan_id, "--format", "json"]) == 0
    first, second = json.loads(capsys.readouterr().out)
    assert first["session_kind"] == "video" and first["session_language"] == "Polish"
    assert first["session_interpreter"] == "Ana Nowak"
    assert second["session_kind"] is None and second["session_interpreter"] is None


def test_the_care_teams_export_says_how_the_session_was_held_and_the_familys_never(
    store: Store,
) -> None:
    plan_id = plan_saved_by_video(store)
    with store.open_plan(plan_id, write=False) as plan_file:
        team = render(plan_file, 1, ExportChoice("markdown", "care-team"))
        family = render(plan_file, 1, ExportChoice("markdown", "family"))
        family_page = render(plan_file, 1, ExportChoice("html", "family"))
        later = render(plan_file, 2, ExportChoice("markdown", "care-team"))
    assert "How the session was held:** Video call, in Polish, interpreter: Ana Nowak" in team
    for text in (family, family_page):
        assert "Video call" not in text and "Ana Nowak" not in text and "Polish" not in text
    assert "How the session was held" not in later  # nothing said: nothing invented


async def test_the_history_screen_shows_how_the_session_was_held(store: Store) -> None:
    plan_id = plan_saved_by_video(store)
    app = ScreenHost(HistoryScreen, WorkingPlan(store.open_plan(plan_id)))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        listing = app.screen.query_one("#history-versions", OptionList)
        assert "Session: Video call, in Polish, interpreter: Ana Nowak" in str(
            listing.get_option("1").prompt
        )
        assert "Session:" not in str(listing.get_option("2").prompt)


async def to_the_last_step(pilot) -> None:
    await pilot.press("g")
    await settle(pilot)
    for _ in STEPS[1:]:
        await pilot.press("f5")
        await settle(pilot)
    assert isinstance(pilot.app.screen, ReviewScreen)


@pytest.mark.parametrize("size", SIZES)
async def test_a_guided_session_records_how_it_was_held(
    store: Store, open_app: OpenApp, size: tuple[int, int]
) -> None:
    plan = CarePlan(
        about=About(
            name="Mai Tran",
            participants=[Participant(name="Priya Shah", role="facilitator")],
        )
    )
    with store.create_plan(plan) as plan_file:
        plan_file.save_version(plan, saved_by="Mai")
        plan_id = plan_file.id
    async with open_app(size=size) as pilot:
        app = pilot.app
        await to_the_last_step(pilot)
        # the facilitator is offered as who is at the keyboard, not whoever spoke last
        assert app.screen.query_one("#saved-by", Input).value == "Priya Shah"
        kind = app.screen.query_one("#session-kind", Select)
        kind.focus()
        kind.value = "phone"
        await type_into(pilot, "#session-language", "Vietnamese")
        await type_into(pilot, "#session-interpreter", "Language Line")
        app.screen.query_one("#save").focus()
        await pilot.press("enter")
        await settle(pilot)
        assert "Saved as version 2" in shown(app, "#review-result")
    with store.open_plan(plan_id, write=False) as plan_file:
        info = plan_file.version(2)
    assert info.saved_by == "Priya Shah"
    assert (info.session_kind, info.session_language, info.session_interpreter) == (
        "phone",
        "Vietnamese",
        "Language Line",
    )


# --- Review and save: where the cursor lands, and who is at the keyboard ------------------------


@pytest.mark.parametrize("size", SIZES)
async def test_review_puts_the_cursor_on_the_note_and_the_name_is_not_typed_over(
    store: Store, open_app: OpenApp, size: tuple[int, int]
) -> None:
    plan = CarePlan(
        about=About(name="Mai Tran", participants=[Participant(name="Sam", role="caregiver")])
    )
    with store.create_plan(plan) as plan_file:
        plan_file.save_version(plan, saved_by="Mai")
    async with open_app(size=size) as pilot:
        app = pilot.app
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        note = app.screen.query_one("#version-note", Input)
        who = app.screen.query_one("#saved-by", Input)
        assert app.screen.focused is note
        guess = who.value
        assert guess == "Mai Tran and Sam together"  # who is speaking: a guess to check
        await pilot.press(*"12 Mar visit")
        assert note.value == "12 Mar visit" and who.value == guess
        who.focus()
        await pilot.pause()
        assert not who.selected_text
        await pilot.press("end", *", Priya")
        assert who.value == f"{guess}, Priya"  # the first key added to the name, not replaced it
        assert not app.screen.query("#session-kind")  # no session: nothing to say about one


async def test_a_guided_session_with_no_facilitator_named_asks_rather_than_guessing(
    store: Store, open_app: OpenApp
) -> None:
    add_plan(store, "Mai Tran")
    async with open_app() as pilot:
        app = pilot.app
        await to_the_last_step(pilot)
        who = app.screen.query_one("#saved-by", Input)
        assert who.value == "" and "facilitator" in who.placeholder
        assert app.screen.query_one("#session-kind", Select).value is Select.NULL  # not guessed
