"""Each version keeps the day of the conversation it records, beside the real time it was saved."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from careplan import locations
from careplan.cli import main
from careplan.errors import CarePlanError
from careplan.markdown_export import render_snapshot
from careplan.model import About, CarePlan
from careplan.store import Store


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]):
    def run(*argv: str) -> tuple[int, str, str]:
        code = main(list(argv))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


def saved_plan(store: Store, session_date: date | None = None) -> str:
    with store.create_plan(CarePlan(about=About(name="Sam Jones"))) as plan_file:
        plan_file.save_version(
            CarePlan(about=About(name="Sam Jones")), saved_by="Priya", session_date=session_date
        )
        return plan_file.id


def test_a_version_keeps_an_earlier_session_day_beside_its_save_time(store: Store) -> None:
    yesterday = date.today() - timedelta(days=1)
    plan_id = saved_plan(store, session_date=yesterday)
    with store.open_plan(plan_id, write=False) as plan_file:
        info = plan_file.version(1)
    assert info.session_date == yesterday
    assert info.saved_at.date() == date.today()


def test_the_session_day_is_today_unless_given(store: Store) -> None:
    plan_id = saved_plan(store)
    with store.open_plan(plan_id, write=False) as plan_file:
        assert plan_file.version(1).session_date == date.today()


def test_a_session_day_in_the_future_is_refused_and_nothing_is_saved(store: Store) -> None:
    with store.create_plan(CarePlan(about=About(name="Sam Jones"))) as plan_file:
        with pytest.raises(CarePlanError, match="future"):
            plan_file.save_version(
                CarePlan(about=About(name="Sam Jones")),
                saved_by="Priya",
                session_date=date.today() + timedelta(days=1),
            )
        assert plan_file.versions() == []


def _forget_session_days(store: Store, plan_id: str) -> None:
    """Make the file look like one written before session days were kept."""
    path = locations.plan_file(store.root, plan_id)
    data = json.loads(path.read_bytes())
    for row in data["versions"].values():
        row.pop("sd")
    path.write_text(json.dumps(data))


def test_an_older_plan_without_session_days_loads_and_says_it_shows_the_day_saved(
    store: Store, cli
) -> None:
    plan_id = saved_plan(store)
    _forget_session_days(store, plan_id)
    with store.open_plan(plan_id, write=False) as plan_file:
        info = plan_file.version(1)
        assert info.session_date is None and info.session_day == info.saved_at.date()
        assert "session day not recorded" in render_snapshot(plan_file, 1)
    code, out, _ = cli("history", plan_id)
    assert code == 0 and f"{date.today().isoformat()} (day saved)" in out
    code, out, _ = cli("history", plan_id, "--format", "json")
    assert json.loads(out)[0]["session_date"] is None


def test_history_shows_the_session_day(store: Store, cli) -> None:
    plan_id = saved_plan(store, session_date=date(2026, 3, 12))
    code, out, _ = cli("history", plan_id, "--format", "json")
    assert json.loads(out)[0]["session_date"] == "2026-03-12"
    code, out, _ = cli("history", plan_id)
    assert out.splitlines()[1].split()[:2] == ["1", "2026-03-12"]


def test_export_names_the_session_day(store: Store) -> None:
    plan_id = saved_plan(store, session_date=date(2026, 3, 12))
    with store.open_plan(plan_id, write=False) as plan_file:
        assert "session of Thursday 12 March 2026" in render_snapshot(plan_file, 1)


def test_export_and_import_keep_the_session_day(store: Store, cli, tmp_path: Path) -> None:
    plan_id = saved_plan(store, session_date=date(2026, 3, 12))
    exported = tmp_path / "sam.json"
    assert cli("export", plan_id, "--format", "json", "-o", str(exported))[0] == 0
    assert json.loads(exported.read_text())["session_date"] == "2026-03-12"
    elsewhere = tmp_path / "elsewhere"
    code, out, _ = cli("--data-dir", str(elsewhere), "import", str(exported), "--format", "json")
    assert code == 0
    new_id = json.loads(out)["id"]
    code, out, _ = cli("--data-dir", str(elsewhere), "history", new_id, "--format", "json")
    assert json.loads(out)[-1]["session_date"] == "2026-03-12"


def test_import_and_restore_take_a_session_day(store: Store, cli, tmp_path: Path) -> None:
    plan_id = saved_plan(store, session_date=date(2026, 3, 12))
    exported = tmp_path / "sam.json"
    cli("export", plan_id, "--format", "json", "-o", str(exported))
    assert cli("import", str(exported), "--session-date", "2026-04-01")[0] == 0
    history = json.loads(cli("history", plan_id, "--format", "json")[1])
    assert history[-1]["session_date"] == "2026-04-01"
    with store.open_plan(plan_id) as plan_file:
        plan_file.save_version(CarePlan(about=About(name="Sam Jonas")), saved_by="Priya")
    assert cli("restore", plan_id, "1", "--session-date", "2026-04-02")[0] == 0
    history = json.loads(cli("history", plan_id, "--format", "json")[1])
    days = [entry["session_date"] for entry in history]
    assert days == ["2026-03-12", "2026-04-01", date.today().isoformat(), "2026-04-02"]


@pytest.mark.parametrize("typed", ["someday", "2026-13-01", "2999-01-01"])
def test_a_bad_or_future_session_day_on_the_command_line_saves_nothing(
    store: Store, cli, typed: str
) -> None:
    plan_id = saved_plan(store)
    code, _, err = cli("restore", plan_id, "1", "--session-date", typed)
    assert code == 1 and f'"{typed}"' in err and len(err.strip().splitlines()) == 1
    with store.open_plan(plan_id, write=False) as plan_file:
        assert plan_file.latest == 1


def test_an_imported_file_with_a_future_session_day_is_refused(
    store: Store, cli, tmp_path: Path
) -> None:
    plan_id = saved_plan(store)
    exported = tmp_path / "sam.json"
    cli("export", plan_id, "--format", "json", "-o", str(exported))
    data = json.loads(exported.read_text())
    data["session_date"] = (datetime.now(UTC).date() + timedelta(days=2)).isoformat()
    exported.write_text(json.dumps(data))
    code, _, err = cli("import", str(exported))
    assert code == 1 and "session_date" in err and "Nothing was imported" in err


def test_the_demo_sessions_are_months_apart_and_typed_up_a_day_later(store: Store) -> None:
    from careplan.demo import build_demo

    plan_id = build_demo(store)
    with store.open_plan(plan_id, write=False) as plan_file:
        versions = plan_file.versions()
    days = [info.session_date for info in versions]
    assert days[0] == date(2026, 3, 12) and days[-1] == date(2026, 11, 5)
    assert all(info.saved_at.date() == info.session_date + timedelta(days=1) for info in versions)


# --- Review and save -------------------------------------------------------------------------


async def _review_with_a_change(pilot) -> None:
    from tests.pilot_helpers import settle, type_into

    await settle(pilot)
    await pilot.press("1")
    await settle(pilot)
    await type_into(pilot, "#about-preferred", "Ruthie")
    await pilot.press("ctrl+s")
    await settle(pilot)


async def test_review_saves_the_day_of_the_conversation_typed(store: Store) -> None:
    from careplan.screens.app import CarePlanApp
    from tests.pilot_helpers import SIZE, add_plan, settle, shown, type_into

    plan_id = add_plan(store, "Ruth Okafor")
    app = CarePlanApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await _review_with_a_change(pilot)
        await type_into(pilot, "#session-day", "yesterday")
        yesterday = date.today() - timedelta(days=1)
        from careplan.dates import describe_date

        assert describe_date(yesterday) in shown(app, "#session-day-message")
        await type_into(pilot, "#saved-by", "Priya")
        await pilot.press("enter")
        await settle(pilot)
    with store.open_plan(plan_id, write=False) as plan_file:
        assert plan_file.version(2).session_date == yesterday
        assert plan_file.version(2).saved_at.date() == date.today()


async def test_review_refuses_a_future_session_day_and_the_message_goes_when_fixed(
    store: Store,
) -> None:
    from careplan.screens.app import CarePlanApp
    from tests.pilot_helpers import SIZE, add_plan, settle, shown, type_into

    plan_id = add_plan(store, "Ruth Okafor")
    app = CarePlanApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await _review_with_a_change(pilot)
        await type_into(pilot, "#session-day", "tomorrow")
        assert "has not happened yet" in shown(app, "#session-day-message")
        await type_into(pilot, "#saved-by", "Priya")
        await pilot.press("enter")
        await settle(pilot)
        with store.open_plan(plan_id, write=False) as plan_file:
            assert plan_file.latest == 1
        await type_into(pilot, "#session-day", "today")
        assert "has not happened yet" not in shown(app, "#session-day-message")
        await type_into(pilot, "#saved-by", "Priya")
        await pilot.press("enter")
        await settle(pilot)
    with store.open_plan(plan_id, write=False) as plan_file:
        assert plan_file.latest == 2 and plan_file.version(2).session_date == date.today()
