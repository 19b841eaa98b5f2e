"""The `careplan` command line: a contract people's scripts rely on (output, JSON shapes, exit codes)."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import types
from datetime import date
from functools import partial
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from careplan.cli import main
from careplan.demo import build_demo
from careplan.model import About, CarePlan, Goal, Modification, Statement, TeamMember, View
from careplan.store import Store
from tests.storage_helpers import add_plan


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]):
    """Run the command line in-process: (exit code, stdout, stderr)."""

    def run(*argv: str) -> tuple[int, str, str]:
        code = main(list(argv))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


def goal_for_each_version(plan: CarePlan, number: int) -> None:
    plan.goals = [Goal(title=f"Goal for version {number}", id="g1")]


# The command line's plans: the one builder, each version's goal and note saying which it is.
make_plan = partial(
    add_plan, saved_by="Test", note="version {number}", before_each=goal_for_each_version
)


def files_under(folder: Path) -> dict[str, bytes]:
    if not folder.exists():
        return {}
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in folder.rglob("*")
        if path.is_file()
    }


def assert_one_line_problem(code: int, out: str, err: str, *words: str) -> None:
    assert code == 1
    assert out == ""
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert "Traceback" not in err
    for word in words:
        assert word.lower() in err.lower(), err


# --- the command line itself ------------------------------------------------------------------


def test_help_and_version_exit_zero(cli) -> None:
    code, out, err = cli("--help")
    assert code == 0 and "list" in out and "export" in out and err == ""
    code, out, _ = cli("--version")
    assert code == 0 and out.startswith("careplan ")


def test_unknown_command_is_one_line_and_exit_1(cli) -> None:
    assert_one_line_problem(*cli("frobnicate"), "frobnicate", "--help")


def test_missing_argument_is_one_line_and_exit_1(cli) -> None:
    assert_one_line_problem(*cli("history"), "PLAN")


def test_no_command_starts_the_app_on_the_data_folder(cli, monkeypatch, data_dir: Path) -> None:
    started = []

    class FakeApp:
        return_code = 0  # as Textual's App after a clean exit

        def __init__(self, store: Store) -> None:
            self.store = store

        def run(self) -> None:
            started.append(self.store.root)

    monkeypatch.setitem(
        sys.modules, "careplan.screens.app", types.SimpleNamespace(CarePlanApp=FakeApp)
    )
    assert cli()[0] == 0
    assert started == [data_dir]


def test_the_app_stopping_on_an_error_is_not_exit_0(cli, monkeypatch) -> None:
    from textual.app import App

    class BrokenApp(App[None]):
        def __init__(self, store: Store) -> None:
            super().__init__()

        def on_mount(self) -> None:
            raise RuntimeError("a bug in a screen")

        def run(self) -> None:
            super().run(headless=True)

    monkeypatch.setitem(
        sys.modules, "careplan.screens.app", types.SimpleNamespace(CarePlanApp=BrokenApp)
    )
    assert cli()[0] == 1  # Textual's return code after an error


def test_a_home_folder_that_is_not_there_is_one_line_and_exit_1(
    cli, store: Store, tmp_path: Path, monkeypatch
) -> None:
    plan_id = make_plan(store, "Sam Jones")
    nobody = "~nosuchuser-careplan"
    for argv in (
        ["export", plan_id, "-o", f"{nobody}/sam.md"],
        ["import", f"{nobody}/sam.json"],
        ["--data-dir", f"{nobody}/data", "list"],
    ):
        assert_one_line_problem(*cli(*argv), nobody, "home folder")
    monkeypatch.setenv("CAREPLAN_DATA_DIR", f"{nobody}/data")
    assert_one_line_problem(*cli("list"), nobody, "home folder")


def test_names_too_long_for_a_file_are_one_line_and_exit_1(
    cli, store: Store, tmp_path: Path
) -> None:
    plan_id = make_plan(
        store, "Sam Jones", versions=2
    )  # a second save keeps a backup: the folder exists
    too_long = "a" * 300
    assert_one_line_problem(
        *cli("export", plan_id, "-o", str(tmp_path / too_long)), "could not save", "too long"
    )
    assert_one_line_problem(*cli("backups", too_long), "no plan matches")
    assert_one_line_problem(*cli("restore-backup", too_long, "1"), "no plan matches")


def test_data_dir_option_before_or_after_the_command(cli, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    make_plan(Store(elsewhere), "Rosa Diaz")
    for argv in (["--data-dir", str(elsewhere), "list"], ["list", "--data-dir", str(elsewhere)]):
        code, out, _ = cli(*argv)
        assert code == 0 and "Rosa Diaz" in out


def test_ctrl_c_exits_130_quietly(cli, monkeypatch) -> None:
    def interrupted(self):
        raise KeyboardInterrupt

    monkeypatch.setattr(Store, "list_plans", interrupted)
    assert cli("list") == (130, "", "")


def test_closed_output_pipe_exits_quietly(store: Store, monkeypatch, capsys) -> None:
    make_plan(store, "Sam Jones")

    class ClosedPipe:
        def write(self, text: str) -> int:
            raise BrokenPipeError

        def flush(self) -> None:
            raise BrokenPipeError

    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    code = main(["list"])
    monkeypatch.undo()
    assert code == 0
    assert capsys.readouterr().err == ""


def test_a_bug_is_one_line_not_a_traceback(cli, monkeypatch) -> None:
    def broken(self):
        raise RuntimeError("oops")

    monkeypatch.setattr(Store, "list_plans", broken)
    code, out, err = cli("list")
    assert code == 70 and out == "" and err.count("\n") == 1 and "CAREPLAN_DEBUG" in err
    monkeypatch.setenv("CAREPLAN_DEBUG", "1")
    with pytest.raises(RuntimeError):
        main(["list"])


# --- list -------------------------------------------------------------------------------------


def test_list_of_an_empty_caseload_says_how_to_start_and_creates_nothing(
    cli, data_dir: Path
) -> None:
    code, out, err = cli("list")
    assert code == 0 and err == ""
    assert "no plans" in out and "careplan demo" in out
    code, out, _ = cli("list", "--format", "json")
    assert code == 0 and json.loads(out) == []
    assert not data_dir.exists()


def test_list_table_and_json(cli, store: Store) -> None:
    jones = make_plan(store, "Sam Jones", versions=2, next_review=date(2099, 1, 1))
    lee = make_plan(store, "Sam Lee")
    code, out, err = cli("list")
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["ID", "PERSON", "VERSIONS"]
    jones_row = next(line for line in lines if line.startswith(jones))
    assert "Sam Jones" in jones_row and " 2 " in jones_row and "1 Jan 2099" in jones_row
    assert "overdue" not in out
    code, out, _ = cli("list", "--format", "json")
    listed = json.loads(out)
    assert [entry["id"] for entry in listed] == [jones, lee]
    assert listed[0]["person"] == "Sam Jones" and listed[0]["versions"] == 2
    assert listed[0]["next_review"] == "2099-01-01"
    assert set(listed[0]) >= {
        "id",
        "person",
        "versions",
        "last_saved",
        "next_review",
        "has_draft",
        "problem",
    }


def test_list_shows_a_plan_never_saved(cli, store: Store) -> None:
    store.create_plan(CarePlan(about=About(name="Noor Haddad"))).close()
    _, out, _ = cli("list")
    row = next(line for line in out.splitlines() if "Noor Haddad" in line)
    assert row.split()[3:] == ["0", "never", "not", "set", "unsaved", "changes"]


def test_list_marks_an_overdue_review_in_words(cli, store: Store) -> None:
    plan_id = make_plan(store, "Ada Byron", next_review=date(2020, 1, 6))
    code, out, _ = cli("list")
    row = next(line for line in out.splitlines() if line.startswith(plan_id))
    assert "6 Jan 2020 (overdue)" in row


def test_list_shows_a_damaged_plan_and_still_succeeds(cli, store: Store, data_dir: Path) -> None:
    make_plan(store, "Sam Jones")
    (data_dir / "plans" / "broken-0000.json").write_text("{not json")
    code, out, _ = cli("list")
    assert code == 0
    assert "could not be read" in out and "Sam Jones" in out


# --- history ----------------------------------------------------------------------------------


def test_history_table_and_json(cli, store: Store) -> None:
    plan_id = make_plan(store, "Sam Jones", versions=3)
    code, out, err = cli("history", "Sam")
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0].split() == ["VERSION", "SESSION", "SAVED", "BY", "NOTE", "WHAT", "CHANGED"]
    assert [line.split()[0] for line in lines[1:]] == ["1", "2", "3"]
    assert lines[3].endswith("version 3  1 goal edited")
    code, out, _ = cli("history", plan_id, "--format", "json")
    history = json.loads(out)
    assert [entry["number"] for entry in history] == [1, 2, 3]
    assert {"number", "saved_at", "session_date", "saved_by", "note"} <= set(history[0])
    assert history[0]["saved_by"] == "Test" and history[2]["note"] == "version 3"


def test_unknown_plan(cli, store: Store) -> None:
    make_plan(store, "Sam Jones")
    assert_one_line_problem(*cli("history", "Nobody"), '"Nobody"', "careplan list")


def test_ambiguous_name_prefix(cli, store: Store) -> None:
    make_plan(store, "Sam Jones")
    make_plan(store, "Sam Lee")
    assert_one_line_problem(*cli("history", "sam"), "Sam Jones", "Sam Lee")
    assert cli("history", "sam l")[0] == 0


def test_damaged_plan_file_is_one_line(cli, store: Store, data_dir: Path) -> None:
    plan_id = make_plan(store, "Sam Jones")
    (data_dir / "plans" / f"{plan_id}.json").write_text("[1, 2")
    assert_one_line_problem(*cli("history", plan_id), "could not be read")


# --- export -----------------------------------------------------------------------------------


def test_export_markdown_to_stdout(cli, store: Store) -> None:
    plan_id = build_demo(store)
    code, out, err = cli("export", plan_id)
    assert code == 0 and err == ""
    assert out.startswith("# Care plan: Maggie Ellis\n")
    assert "Version 6" in out
    for heading in (
        "About us",
        "What matters most",
        "Goals",
        "Lifestyle modifications",
        "Treatment decisions",
        "Support team",
        "How things are now",
        "Warning signs to watch for",
        "Questions for the next appointment",
        "What changed since version 5",
    ):
        assert f"\n## {heading}\n" in out
    assert (
        "Helplines" not in out and "Samaritans" not in out
    )  # nobody put a helpline on Maggie's team
    code, out, _ = cli("export", plan_id, "--version", "1")
    assert "Version 1" in out and "Run 5 miles" in out and "Coffee outside" not in out


@pytest.mark.parametrize("number", ["0", "-1", "two", "99"])
def test_export_bad_version_number(cli, store: Store, number: str) -> None:
    make_plan(store, "Sam Jones", versions=2)
    code, out, err = cli("export", "Sam", f"--version={number}")
    assert_one_line_problem(code, out, err, "version")


def test_export_of_a_plan_never_saved(cli, store: Store) -> None:
    store.create_plan(CarePlan(about=About(name="Sam Jones"))).close()
    assert_one_line_problem(*cli("export", "Sam"), "no saved version")


def test_export_to_a_file_is_private(cli, store: Store, tmp_path: Path) -> None:
    plan_id = build_demo(store)
    target = tmp_path / "out" / "maggie.md"
    code, out, err = cli("export", plan_id, "-o", str(target))
    assert code == 0 and err == "" and str(target) in out
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    _, on_screen, _ = cli("export", plan_id)
    assert target.read_text(encoding="utf-8") == on_screen
    assert cli("export", plan_id, "-o", "-")[1] == on_screen


def test_export_to_a_folder_is_one_line(cli, store: Store, tmp_path: Path) -> None:
    make_plan(store, "Sam Jones")
    code, out, err = cli("export", "Sam", "-o", str(tmp_path))
    assert_one_line_problem(
        code, out, err, "is a folder", "give a file name", str(tmp_path / "sam-jones-v1-")
    )
    assert "space" not in err and "permissions" not in err  # not a disk problem


def test_markdown_export_keeps_typed_text_as_text(cli, store: Store) -> None:
    hostile = "# Heading\n- item\n<b>html</b> [link](http://example.com) | pipe | **bold** `code`\n---\n1. list\x1b[31m"
    plan = CarePlan(
        about=About(name="Sam | Jones", illness=hostile),
        matters=[Statement(text=hostile, other_views=[View(text=hostile)])],
        goals=[Goal(title=hostile, why=hostile)],
        modifications=[Modification(before=hostile, now=hostile, why=hostile)],
        team=[
            TeamMember(name=hostile, contact=hostile, tasks=[hostile]),
            TeamMember(
                name=hostile, role="helpline", contact=hostile, when=hostile, helps_with=hostile
            ),
        ],
    )
    with store.create_plan(plan) as plan_file:
        plan_file.save_version(plan, saved_by=hostile, note=hostile)
    code, out, _ = cli("export", "Sam")
    assert code == 0
    assert "\x1b" not in out
    tokens = MarkdownIt("commonmark").enable("table").parse(out)
    headings = [
        "".join(child.content for child in tokens[index + 1].children)
        for index, token in enumerate(tokens)
        if token.type == "heading_open"
    ]
    assert (
        headings[0] == "Care plan: Sam | Jones" and len(headings) == 15
    )  # one per part, and no more
    assert not [
        token
        for token in tokens
        if token.type in ("html_block", "hr", "ordered_list_open", "fence")
    ]
    inline_kinds = {child.type for token in tokens if token.children for child in token.children}
    assert inline_kinds <= {"text", "strong_open", "strong_close", "softbreak", "hardbreak"}
    rows = [token for token in tokens if token.type == "tr_open"]
    assert len(rows) == 2 + 2  # modifications and team tables: a heading row and one row each


# --- import -----------------------------------------------------------------------------------


def test_export_json_then_import_round_trip(cli, store: Store, tmp_path: Path) -> None:
    plan_id = build_demo(store)
    exported = tmp_path / "maggie.json"
    assert cli("export", plan_id, "--version", "3", "--format", "json", "-o", str(exported))[0] == 0
    document = json.loads(exported.read_text(encoding="utf-8"))
    assert document["id"] == plan_id and document["version"] == 3

    elsewhere = tmp_path / "elsewhere"
    code, out, err = cli("--data-dir", str(elsewhere), "import", str(exported), "--format", "json")
    assert code == 0 and err == ""
    result = json.loads(out)
    assert (
        result["version"] == 1 and result["new_plan"] is True and result["person"] == "Maggie Ellis"
    )
    with (
        Store(elsewhere).open_plan(result["id"], write=False) as copy,
        store.open_plan(plan_id, write=False) as original,
    ):
        assert copy.load() == original.load(3)
        assert copy.versions()[0].note == "Imported from maggie.json"

    code, out, _ = cli("import", str(exported), "--by", "Priya", "--note", "Back from the hospice")
    assert code == 0 and plan_id in out and "version 7" in out
    with store.open_plan(plan_id, write=False) as plan_file:
        assert plan_file.load(7) == plan_file.load(3)
        assert (plan_file.version(7).saved_by, plan_file.version(7).note) == (
            "Priya",
            "Back from the hospice",
        )


def test_import_from_standard_input(cli, store: Store, monkeypatch) -> None:
    plan_id = make_plan(store, "Sam Jones")
    _, exported, _ = cli("export", plan_id, "--format", "json")
    monkeypatch.setattr(
        sys,
        "stdin",
        types.SimpleNamespace(buffer=types.SimpleNamespace(read=lambda: exported.encode())),
    )
    code, out, _ = cli("import", "-")
    assert code == 0 and "version 2" in out


def test_import_as_a_new_plan_when_the_id_is_not_here(cli, tmp_path: Path, data_dir: Path) -> None:
    document = {
        "format": "careplan-plan",
        "format_version": 1,
        "id": "someone-else-1234",
        "plan": {"about": {"name": "Ruth Okafor"}},
    }
    source = tmp_path / "ruth.json"
    source.write_text(json.dumps(document))
    code, out, _ = cli("import", str(source))
    assert code == 0 and "new plan" in out
    assert [summary.person for summary in Store(data_dir).list_plans()] == ["Ruth Okafor"]


@pytest.mark.parametrize(
    "content, words",
    [
        ("this is not json", ["not valid JSON"]),
        (b"\xff\xfe\x00", ["not text"]),
        ("[1, 2, 3]", ["JSON object"]),
        ('{"format": "something-else", "plan": {}}', ["careplan plan"]),
        ('{"format": "careplan-plan", "format_version": 99, "plan": {}}', ["newer careplan"]),
        ('{"format": "careplan-plan", "format_version": 1}', ['no "plan"']),
        ('{"format": "careplan-plan", "format_version": 1, "id": "../../etc", "plan": {}}', ["id"]),
        (
            '{"format": "careplan-plan", "format_version": 1, "plan": {"about": {}}}',
            ["about.name", "name"],
        ),
        (
            '{"format": "careplan-plan", "format_version": 1, '
            '"plan": {"about": {"name": "A"}, "goals": [{"title": 5}]}}',
            ["plan.goals[0].title", "text"],
        ),
        (  # goal ids that go round in a circle only once the control character is tidied away
            '{"format": "careplan-plan", "format_version": 1, "plan": {"about": {"name": "A"}, '
            '"goals": [{"title": "C", "id": "a\\u0007"}, '
            '{"title": "B", "id": "b", "adapted_from": "a\\u0007"}, '
            '{"title": "A", "id": "a", "adapted_from": "b"}]}}',
            ["goals[2].adapted_from", "circle"],
        ),
        # years a person typing the date would be asked about: the same message for a file
        (
            '{"format": "careplan-plan", "format_version": 1, '
            '"plan": {"about": {"name": "A", "date_of_birth": "1800-03-03"}}}',
            ["plan.about.date_of_birth", "the year should be between 1900 and 2200"],
        ),
        (
            '{"format": "careplan-plan", "format_version": 1, '
            '"plan": {"about": {"name": "A"}, "next_review": "9999-12-31"}}',
            ["plan.next_review", "the year should be between 1900 and 2200"],
        ),
        (
            '{"format": "careplan-plan", "format_version": 1, "plan": {"about": {"name": "A"}, '
            '"goals": [{"title": "Walk", "started_on": "0001-01-01"}]}}',
            ["plan.goals[0].started_on", "the year should be between 1900 and 2200"],
        ),
        (
            '{"format": "careplan-plan", "format_version": 1, "session_date": "0001-01-01", '
            '"plan": {"about": {"name": "A"}}}',
            ["session_date", "the year should be between 1900 and 2200"],
        ),
    ],
)
def test_invalid_import_is_one_line_and_writes_nothing(
    cli, store: Store, tmp_path: Path, data_dir: Path, content: str | bytes, words: list[str]
) -> None:
    make_plan(store, "Sam Jones")
    before = files_under(data_dir)
    source = tmp_path / "bad.json"
    source.write_bytes(content if isinstance(content, bytes) else content.encode())
    assert_one_line_problem(*cli("import", str(source)), "Nothing was imported", *words)
    assert files_under(data_dir) == before
    elsewhere = tmp_path / "empty"  # as a new plan, into a data folder with nothing in it yet
    assert_one_line_problem(
        *cli("--data-dir", str(elsewhere), "import", str(source)), "Nothing was imported", *words
    )
    assert files_under(elsewhere) == {}


def test_import_of_a_missing_file(cli, tmp_path: Path, data_dir: Path) -> None:
    assert_one_line_problem(*cli("import", str(tmp_path / "nope.json")), "could not read")
    assert not data_dir.exists()


def test_import_into_a_locked_plan(cli, store: Store, tmp_path: Path) -> None:
    plan_id = make_plan(store, "Sam Jones")
    source = tmp_path / "sam.json"
    assert cli("export", plan_id, "--format", "json", "-o", str(source))[0] == 0
    with store.open_plan(plan_id):  # another careplan window is editing it
        assert_one_line_problem(*cli("import", str(source)), "another careplan window")
    with store.open_plan(plan_id, write=False) as plan_file:
        assert plan_file.latest == 1


def test_import_never_clears_unsaved_changes(cli, store: Store, tmp_path: Path) -> None:
    plan_id = make_plan(store, "Sam Jones")
    source = tmp_path / "sam.json"
    cli("export", plan_id, "--format", "json", "-o", str(source))
    with store.open_plan(plan_id) as plan_file:
        unsaved = plan_file.load()
        unsaved.goals[0].title = "Typed but not saved"
        plan_file.keep_draft(unsaved)
    assert_one_line_problem(*cli("import", str(source)), "not saved yet")
    with store.open_plan(plan_id, write=False) as plan_file:
        assert plan_file.latest == 1 and plan_file.draft().plan == unsaved


# --- demo and locate --------------------------------------------------------------------------


def test_demo_prints_the_new_plan_id(cli, store: Store) -> None:
    code, out, err = cli("demo")
    assert code == 0 and err == ""
    plan_id = out.strip()
    assert store.plan_ids() == [plan_id]
    _, out, _ = cli("history", plan_id, "--format", "json")
    assert len(json.loads(out)) >= 4


def test_locate_lists_places_and_creates_nothing(cli, data_dir: Path) -> None:
    code, out, err = cli("locate")
    assert code == 0 and err == ""
    assert str(data_dir) in out and "not created yet" in out
    for word in ("Plans", "Drafts", "index", "Backups", "Exports"):
        assert word in out
    code, out, _ = cli("locate", "--format", "json")
    places = json.loads(out)
    assert places["data_dir"] == str(data_dir)
    assert places["plans"] == str(data_dir / "plans") and places["index"] == str(
        data_dir / "index.json"
    )
    assert set(places) == {"data_dir", "plans", "drafts", "index", "backups", "exports", "exists"}
    assert places["exists"]["data_dir"] is False
    assert not data_dir.exists()


# --- the installed entry point, for real ------------------------------------------------------


def careplan(*argv: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CAREPLAN_DATA_DIR": str(data_dir), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "careplan", *argv],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_entry_point_runs_commands_and_reports_problems(data_dir: Path) -> None:
    made = careplan("demo", data_dir=data_dir)
    assert made.returncode == 0, made.stderr
    plan_id = made.stdout.strip()
    listed = careplan("list", "--format", "json", data_dir=data_dir)
    assert listed.returncode == 0 and [entry["id"] for entry in json.loads(listed.stdout)] == [
        plan_id
    ]
    wrong = careplan("export", "nobody", data_dir=data_dir)
    assert wrong.returncode == 1 and wrong.stdout == "" and wrong.stderr.count("\n") == 1
    usage = careplan("export", data_dir=data_dir)
    assert (
        usage.returncode == 1 and usage.stderr.count("\n") == 1 and "Traceback" not in usage.stderr
    )


def test_help_and_list_do_not_import_the_heavy_modules(data_dir: Path) -> None:
    script = (
        "import sys, contextlib, io\n"
        "from careplan.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['--help'])\n"
        "    after_help = sorted(name for name in ('textual', 'tinydb') if name in sys.modules)\n"
        "    main(['list'])\n"
        "print(after_help, 'textual' in sys.modules)\n"
    )
    env = {**os.environ, "CAREPLAN_DATA_DIR": str(data_dir)}
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.stdout.strip() == "[] False", result.stderr


# --- export never lands on careplan's own files or on something that is not a file -----------


@pytest.mark.parametrize(
    "target", ["plans/{id}.json", "drafts/{id}.json", "backups/x.md", "index.json"]
)
def test_export_onto_careplans_own_files_is_refused_and_the_plan_kept(
    cli, store: Store, data_dir: Path, target: str
) -> None:
    plan_id = make_plan(store, "Sam Jones", versions=2)
    before = (data_dir / "plans" / f"{plan_id}.json").read_bytes()
    output = data_dir / target.format(id=plan_id)
    code, out, err = cli("export", plan_id, "-o", str(output))
    assert_one_line_problem(code, out, err, "careplan's own data")
    assert code == 1
    assert (data_dir / "plans" / f"{plan_id}.json").read_bytes() == before
    with store.open_plan(plan_id, write=False) as opened:
        assert opened.latest == 2


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_export_onto_a_fifo_or_a_device_is_refused_and_it_stays_what_it_was(
    cli, store: Store, tmp_path: Path
) -> None:
    plan_id = make_plan(store, "Sam Jones")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for target in (fifo, Path("/dev/null")):
        code, out, err = cli("export", plan_id, "-o", str(target))
        assert_one_line_problem(code, out, err, "not an ordinary file")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert stat.S_ISCHR(os.lstat("/dev/null").st_mode)


def test_export_over_an_ordinary_file_of_ones_own_is_still_allowed(
    cli, store: Store, tmp_path: Path
) -> None:
    plan_id = make_plan(store, "Sam Jones")
    mine = tmp_path / "mine.md"
    mine.write_text("old")
    code, _, _ = cli("export", plan_id, "-o", str(mine))
    assert code == 0 and mine.read_text().startswith("# Care plan: Sam Jones")


def test_a_data_folder_others_can_read_gets_a_one_line_warning(
    cli, store: Store, data_dir: Path
) -> None:
    make_plan(store, "Sam Jones")
    os.chmod(data_dir, 0o755)
    code, out, err = cli("list")
    assert code == 0 and "Sam Jones" in out
    assert err.count("\n") == 1 and "can see the names of the plans" in err
    os.chmod(data_dir, 0o700)
    assert cli("list")[2] == ""


# --- exit 1 for what a person can put right; an import that saved says so --------------------


def demo_export(data_dir: Path, tmp_path: Path) -> tuple[str, Path]:
    plan_id = careplan("demo", data_dir=data_dir).stdout.strip()
    exported = tmp_path / "plan.json"
    assert (
        careplan(
            "export", plan_id, "--format", "json", "-o", str(exported), data_dir=data_dir
        ).returncode
        == 0
    )
    return plan_id, exported


def test_things_a_person_can_put_right_are_exit_1_with_one_line(
    data_dir: Path, tmp_path: Path
) -> None:
    plan_id, exported = demo_export(data_dir, tmp_path)
    huge = tmp_path / "huge.json"
    huge.write_text(
        exported.read_text().replace('"format_version": 2', '"format_version": ' + "9" * 5000, 1)
    )
    results = [
        careplan("import", str(huge), data_dir=data_dir),
        careplan("restore-backup", plan_id, "²", data_dir=data_dir),
    ]
    env = {**os.environ, "CAREPLAN_DATA_DIR": str(data_dir)}
    closed_stdin = subprocess.run(
        f"{sys.executable} -m careplan import - <&-",
        shell=True,
        capture_output=True,
        text=True,
        env=env,
    )
    full = subprocess.run(
        f"{sys.executable} -m careplan export {plan_id} > /dev/full",
        shell=True,
        capture_output=True,
        text=True,
        env=env,
    )
    for result in [*results, closed_stdin, full]:
        assert result.returncode == 1, result.stderr
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert "disk is full" in full.stderr
    assert "Standard input is closed" in closed_stdin.stderr


def test_an_import_that_saved_says_so_even_when_its_answer_cannot_be_printed(
    data_dir: Path, tmp_path: Path
) -> None:
    plan_id, exported = demo_export(data_dir, tmp_path)
    data = json.loads(exported.read_text())
    data["plan"]["about"]["name"] = "Zoë Ellis"
    del data["id"]
    exported.write_text(json.dumps(data))
    env = {**os.environ, "CAREPLAN_DATA_DIR": str(data_dir), "PYTHONIOENCODING": "ascii"}
    result = subprocess.run(
        [sys.executable, "-m", "careplan", "import", str(exported)],
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 0
    assert "Imported and saved as version 1" in result.stderr
    assert (
        len(
            careplan("list", "--format", "json", data_dir=data_dir).stdout
            and json.loads(careplan("list", "--format", "json", data_dir=data_dir).stdout)
        )
        == 2
    )
