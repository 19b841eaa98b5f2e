"""A plan over time: version summaries, check-in trends, goal journeys and restoring a version."""

from __future__ import annotations

import copy
import json
from datetime import UTC, date, datetime

import pytest

from careplan.errors import CarePlanError
from careplan.goals import adapt_goal
from careplan.history import (
    PlanHistory,
    checkin_trends,
    compare_versions,
    restore_version,
    version_summaries,
)
from careplan.journeys import goal_journeys
from careplan.model import About, CarePlan, CheckIn, Goal, TeamMember
from careplan.store import PlanFile, Store


def when(month: int, day: int = 1) -> datetime:
    return datetime(2026, month, day, 10, 30, tzinfo=UTC)


@pytest.fixture
def plan_file(store: Store):
    """Four versions: a first session, a worse month, an adapted goal twice, and a new team member."""
    plan = CarePlan(
        about=About(name="Maria Lopez", preferred_name="Maria"),
        goals=[Goal(title="Run 5 miles", started_on=date(2026, 1, 10), id="run")],
        checkin=CheckIn(function_level=80, symptoms={"pain": 2}),
    )
    with store.create_plan(plan) as opened:
        opened.save_version(plan, saved_by="Maria", note="First session", when=when(1))
        plan.checkin = CheckIn(function_level=70, symptoms={"pain": 5, "tiredness": 6})
        walk = adapt_goal(
            plan, "run", "A daily walk with Sam", "running hurts my hip now", on=date(2026, 3, 3)
        )
        walk.id = "walk"
        opened.save_version(plan, saved_by="Maria and Sam", note="", when=when(3, 4))
        plan.checkin = CheckIn(function_level=50, symptoms={"tiredness": 7})
        sit = adapt_goal(
            plan, "walk", "Coffee in the garden", "walking is too much", on=date(2026, 6, 1)
        )
        sit.id = "sit"
        opened.save_version(plan, saved_by="Sam", when=when(6, 2))
        plan.team.append(TeamMember(name="Dr Rao", role="oncologist"))
        opened.save_version(plan, saved_by="Sam", note="After clinic", when=when(7))
    with store.open_plan(opened.id) as reopened:
        yield reopened


def test_version_summaries_say_what_each_version_changed(plan_file: PlanFile) -> None:
    summaries = version_summaries(plan_file)
    assert [(s.number, s.saved_by, s.note) for s in summaries] == [
        (1, "Maria", "First session"),
        (2, "Maria and Sam", ""),
        (3, "Sam", ""),
        (4, "Sam", "After clinic"),
    ]
    assert summaries[0].saved_at == when(1)
    assert [s.summary for s in summaries] == [
        "First version",
        "1 goal adapted, everyday function 80%→70%, pain 2→5, tiredness 6",
        "1 goal adapted, everyday function 70%→50%, pain not rated, tiredness 6→7",
        "Dr Rao joined the team",
    ]
    assert summaries[1].to_json()["summary"] == summaries[1].summary
    assert json.loads(json.dumps(summaries[0].to_json()))["saved_at"] == when(1).isoformat()


def test_each_version_is_loaded_once(plan_file: PlanFile, monkeypatch: pytest.MonkeyPatch) -> None:
    loaded: list[int | None] = []
    real_load = PlanFile.load

    def counting_load(self: PlanFile, number: int | None = None) -> CarePlan:
        loaded.append(number)
        return real_load(self, number)

    monkeypatch.setattr(PlanFile, "load", counting_load)
    history = PlanHistory(plan_file)
    history.summaries()
    history.trends()
    history.first_versions()
    assert sorted(loaded) == [1, 2, 3, 4]


def test_checkin_trends_follow_function_level_and_each_symptom(plan_file: PlanFile) -> None:
    assert checkin_trends(plan_file) == {
        "function_level": [80, 70, 50, 50],
        "pain": [2, 5, None, None],
        "tiredness": [None, 6, 7, 7],
    }


def test_a_plan_without_versions_has_no_history(store: Store) -> None:
    with store.create_plan(CarePlan(about=About(name="Nobody Yet"))) as opened:
        assert version_summaries(opened) == []
        assert checkin_trends(opened) == {"function_level": []}
        assert goal_journeys(opened) == []


def test_journeys_carry_dates_reasons_and_the_function_level_when_each_step_began(
    plan_file: PlanFile,
) -> None:
    (journey,) = goal_journeys(plan_file)
    assert [(s.title, s.began_in, s.function_level, s.reason) for s in journey.steps] == [
        ("Run 5 miles", 1, 80, ""),
        ("A daily walk with Sam", 2, 70, "running hurts my hip now"),
        ("Coffee in the garden", 3, 50, "walking is too much"),
    ]
    assert [s.status for s in journey.steps] == ["adapted", "adapted", "active"]
    assert journey.to_text() == (
        '1. "Run 5 miles" from 10 January 2026 (everyday function 80%, version 1)\n'
        '2. "A daily walk with Sam" from 3 March 2026 (everyday function 70%, version 2): '
        "running hurts my hip now\n"
        '3. "Coffee in the garden" from 1 June 2026 (everyday function 50%, version 3): '
        "walking is too much\n"
        "   Now: active."
    )


def test_journeys_of_an_older_version_use_only_what_was_known_then(plan_file: PlanFile) -> None:
    (journey,) = goal_journeys(plan_file, 2)
    assert [s.title for s in journey.steps] == ["Run 5 miles", "A daily walk with Sam"]
    assert goal_journeys(plan_file, 1) == []


def test_compare_versions_labels_them_and_refuses_a_version_not_there(plan_file: PlanFile) -> None:
    diff = compare_versions(plan_file, 1, 3)
    assert diff.title == "Changes from version 1 to version 3"
    assert "2 goals adapted" in diff.summary()
    with pytest.raises(CarePlanError, match="no version 9"):
        compare_versions(plan_file, 1, 9)


# --- restore ---------------------------------------------------------------------------------


def on_disk_records(plan_file: PlanFile) -> tuple[dict, dict]:
    """The saved version records and stored pieces, exactly as they are in the file."""
    data = json.loads(plan_file.path.read_text())
    return data["versions"], data["objects"]


def test_restore_saves_a_new_version_and_never_alters_old_ones(plan_file: PlanFile) -> None:
    contents = {info.number: plan_file.load(info.number) for info in plan_file.versions()}
    infos = plan_file.versions()
    records, objects = on_disk_records(plan_file)

    info = restore_version(plan_file, 1, saved_by="Sam")

    assert info is not None and info.number == 5
    assert info.note == "Restored from version 1" and info.saved_by == "Sam"
    assert plan_file.load(5) == contents[1]
    assert plan_file.versions()[:4] == infos
    assert {number: plan_file.load(number) for number in contents} == contents
    records_after, objects_after = on_disk_records(plan_file)
    assert {key: records_after[key] for key in records} == records
    assert len(records_after) == len(records) + 1
    assert {key: objects_after[key] for key in objects} == objects
    # and from a fresh reading of the file, too
    with Store(plan_file.root).open_plan(plan_file.id, write=False) as fresh:
        assert [fresh.load(number) for number in contents] == list(contents.values())


def test_restoring_the_latest_content_saves_nothing(plan_file: PlanFile) -> None:
    assert restore_version(plan_file, 4) is None
    assert plan_file.latest == 4


def test_restore_refuses_while_changes_are_unsaved(plan_file: PlanFile) -> None:
    changed = copy.deepcopy(plan_file.load())
    changed.about.illness = "Typed but not saved"
    plan_file.keep_draft(changed)
    with pytest.raises(CarePlanError, match="not saved as a version yet"):
        restore_version(plan_file, 1)
    assert plan_file.latest == 4
    assert plan_file.draft().plan == changed


def test_restore_a_version_that_is_not_there(plan_file: PlanFile) -> None:
    with pytest.raises(CarePlanError, match="no version 7"):
        restore_version(plan_file, 7)
    assert plan_file.latest == 4


# --- the command line ------------------------------------------------------------------------

from careplan.cli import main  # noqa: E402


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]):
    def run(*argv: str) -> tuple[int, str, str]:
        code = main(list(argv))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


def test_cli_history_shows_what_each_version_changed(cli, plan_file: PlanFile) -> None:
    plan_id = plan_file.id
    plan_file.close()
    code, out, err = cli("history", plan_id)
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0].split() == ["VERSION", "SESSION", "SAVED", "BY", "NOTE", "WHAT", "CHANGED"]
    assert lines[1].endswith("First session  First version")
    assert lines[2].endswith("1 goal adapted, everyday function 80%→70%, pain 2→5, tiredness 6")
    assert "After clinic" in lines[4] and lines[4].endswith("  Dr Rao joined the team")

    code, out, _ = cli("history", plan_id, "--format", "json")
    entries = json.loads(out)
    assert [set(entry) for entry in entries] == [
        {
            "number",
            "saved_at",
            "session_date",
            "saved_by",
            "note",
            "summary",
            "session_kind",
            "session_language",
            "session_interpreter",
        }
    ] * 4
    assert [entry["summary"] for entry in entries][::3] == [
        "First version",
        "Dr Rao joined the team",
    ]


def test_cli_restore_saves_a_new_version_and_keeps_every_old_one(cli, plan_file: PlanFile) -> None:
    plan_id, root = plan_file.id, plan_file.root
    contents = {info.number: plan_file.load(info.number) for info in plan_file.versions()}
    records, objects = on_disk_records(plan_file)
    plan_file.close()

    code, out, err = cli("restore", plan_id, "2", "--by", "Sam")
    assert code == 0 and err == ""
    assert (
        out
        == "Saved version 2 of Maria Lopez's plan again as version 5. Every earlier version is kept as it was.\n"
    )

    with Store(root).open_plan(plan_id, write=False) as after:
        assert {n: after.load(n) for n in contents} == contents
        assert after.load(5) == contents[2]
        assert (after.version(5).note, after.version(5).saved_by) == (
            "Restored from version 2",
            "Sam",
        )
        records_after, objects_after = on_disk_records(after)
    assert {key: records_after[key] for key in records} == records
    assert {key: objects_after[key] for key in objects} == objects

    code, out, _ = cli("restore", plan_id, "2", "--format", "json")
    assert code == 0
    assert json.loads(out) == {"id": plan_id, "restored": 2, "version": 5, "saved": False}
    code, out, _ = cli("history", plan_id, "--format", "json")
    assert json.loads(out)[-1]["note"] == "Restored from version 2"
    assert json.loads(out)[-1]["saved_by"] == "Sam"


def test_cli_restore_problems_are_one_line(cli, plan_file: PlanFile) -> None:
    plan_id = plan_file.id
    changed = copy.deepcopy(plan_file.load())
    changed.about.illness = "Typed but not saved"
    plan_file.keep_draft(changed)
    plan_file.close()
    for argv, words in (
        (("restore", plan_id, "9"), "no version 9"),
        (("restore", plan_id, "two"), "not a version number"),
        (("restore", plan_id, "1"), "not saved as a version yet"),
        (("restore", "Nobody", "1"), "No plan matches"),
    ):
        code, out, err = cli(*argv)
        assert code == 1 and out == "" and err.count("\n") == 1 and words in err, (argv, err)
    with Store(plan_file.root).open_plan(plan_id, write=False) as after:
        assert after.latest == 4


def test_cli_restore_refuses_while_the_app_has_the_plan_open(cli, plan_file: PlanFile) -> None:
    code, out, err = cli(
        "restore", plan_file.id, "1"
    )  # the fixture holds the plan open for writing
    assert code == 1 and out == "" and "open for changes in another careplan window" in err
    assert plan_file.latest == 4
