"""The command line's caseload: `list --sort` and `--all`, finding PLAN by the name a person is
called by or a caregiver, telling two people of one name apart, closing and reopening a plan,
and tables that fit the terminal. Existing output and exit codes stay as they were."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from careplan.cli import main
from careplan.model import About, CarePlan, Participant
from careplan.store import Store
from tests.storage_helpers import add_plan

TODAY = date.today()


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]):
    def run(*argv: str) -> tuple[int, str, str]:
        code = main(list(argv))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


def people_in(out: str) -> list[str]:
    """The PERSON cell's first word of each row of `careplan list`'s table."""
    header, *rows = out.splitlines()
    start = header.index("PERSON")
    return [row[start:].split()[0] for row in rows]


@pytest.fixture
def caseload(store: Store) -> dict[str, str]:
    return {
        "anna": add_plan(store, "Anna Berg", next_review=TODAY + timedelta(days=3)),
        "ben": add_plan(store, "Ben Cole"),
        "cara": add_plan(store, "Cara Dunn", next_review=TODAY - timedelta(days=10)),
    }


def test_list_is_ordered_by_next_review_overdue_first_by_default(cli, caseload) -> None:
    code, out, err = cli("list")
    assert code == 0 and err == ""
    assert people_in(out) == ["Cara", "Anna", "Ben"]
    assert people_in(cli("list", "--sort", "review")[1]) == ["Cara", "Anna", "Ben"]
    assert people_in(cli("list", "--sort", "name")[1]) == ["Anna", "Ben", "Cara"]
    assert people_in(cli("list", "--sort", "saved")[1]) == ["Cara", "Ben", "Anna"]


def test_list_json_keeps_its_order_and_gains_closed(cli, caseload) -> None:
    code, out, _ = cli("list", "--format", "json")
    assert code == 0
    listed = json.loads(out)
    assert [plan["person"] for plan in listed] == ["Anna Berg", "Ben Cole", "Cara Dunn"]
    assert all(plan["closed"] is None for plan in listed)
    assert set(listed[0]) == {
        "id",
        "person",
        "versions",
        "last_saved",
        "next_review",
        "has_draft",
        "problem",
        "closed",
    }
    by_review = json.loads(cli("list", "--format", "json", "--sort", "review")[1])
    assert [plan["person"] for plan in by_review] == ["Cara Dunn", "Anna Berg", "Ben Cole"]


def test_an_unknown_sort_is_one_plain_line(cli, caseload) -> None:
    code, out, err = cli("list", "--sort", "age")
    assert code == 1 and out == "" and err.count("\n") == 1 and "--sort" in err


def test_close_and_reopen_keep_every_version_and_list_says_so(cli, caseload, store: Store) -> None:
    cara = caseload["cara"]
    day = (TODAY - timedelta(days=1)).isoformat()
    code, out, err = cli("close", "cara", "--reason", "died", "--on", day, "--by", "Mai")
    assert code == 0 and err == ""
    assert "Closed Cara Dunn's plan" in out and "version 2" in out and "Nothing was deleted" in out
    listed = cli("list")[1]
    assert "Cara Dunn" not in listed
    assert "1 closed plan is not shown; `careplan list --all` shows them." in listed
    everything = cli("list", "--all")[1]
    assert "Cara Dunn" in everything and "closed: Died" in everything
    json_all = {
        plan["id"]: plan for plan in json.loads(cli("list", "--all", "--format", "json")[1])
    }
    assert json_all[cara]["closed"] == {"reason": "died", "on": day}
    assert cara not in {plan["id"] for plan in json.loads(cli("list", "--format", "json")[1])}
    history = json.loads(cli("history", cara, "--format", "json")[1])
    assert [entry["number"] for entry in history] == [1, 2]
    assert history[-1]["note"].startswith("Plan closed: Died")
    assert history[-1]["saved_by"] == "Mai"

    code, out, err = cli("reopen", cara)
    assert code == 0 and "Reopened Cara Dunn's plan" in out and "version 3" in out
    assert "Cara Dunn" in cli("list")[1]
    with store.open_plan(cara, write=False) as opened:
        assert opened.load(1) == opened.load(3)  # nothing of the plan's words changed


def test_close_in_ones_own_words_and_as_json(cli, caseload) -> None:
    code, out, _ = cli(
        "close", caseload["ben"], "--reason", "went to his son's", "--format", "json"
    )
    assert code == 0
    answer = json.loads(out)
    assert answer["closed"] == {
        "reason": "other",
        "on": TODAY.isoformat(),
        "words": "went to his son's",
    }
    listed = {plan["id"]: plan for plan in json.loads(cli("list", "--all", "--format", "json")[1])}
    assert listed[caseload["ben"]]["closed"]["words"] == "went to his son's"


@pytest.mark.parametrize(
    "argv, words",
    [
        (["close", "anna", "--reason", "died", "--on", "2999-01-01"], "future day"),
        (["close", "anna", "--reason", "   "], "needs a reason"),
        (["close", "anna"], "--reason"),
        (["reopen", "anna"], "nothing to reopen"),
    ],
)
def test_close_and_reopen_mistakes_are_one_plain_line(cli, caseload, argv, words) -> None:
    code, out, err = cli(*argv)
    assert code == 1 and out == "" and err.count("\n") == 1 and words in err


def test_closing_twice_says_it_is_closed_already(cli, caseload) -> None:
    assert cli("close", "anna", "--reason", "moved")[0] == 0
    code, _, err = cli("close", "anna", "--reason", "moved")
    assert code == 1 and "already closed" in err


def test_a_closed_plan_takes_no_import(cli, caseload, tmp_path: Path) -> None:
    exported = cli("export", caseload["anna"], "--format", "json")[1]
    assert cli("close", "anna", "--reason", "discharged")[0] == 0
    source = tmp_path / "anna.json"
    source.write_text(exported)
    code, out, err = cli("import", str(source))
    assert code == 1 and "closed" in err and "careplan reopen" in err


def test_two_people_of_one_name_are_told_apart_and_picked_by_id(cli, store: Store) -> None:
    first = add_plan(store, "Sam Taylor", reference="H-1001", date_of_birth=date(1948, 3, 3))
    second = add_plan(store, "Sam Taylor")
    code, out, err = cli("history", "sam")
    assert code == 1 and out == "" and err.count("\n") == 1
    assert f"Sam Taylor (born 3 Mar 1948, ref H-1001; id {first})" in err
    assert f"Sam Taylor (id {second})" in err
    assert "give its id in place of the name" in err and "type more" not in err
    assert cli("history", first)[0] == 0
    assert cli("history", "h-1001")[0] == 0
    listed = cli("list")[1]
    assert "Sam Taylor (born 3 Mar 1948, ref H-1001)" in listed


def test_plan_is_found_by_the_name_they_are_called_by_and_a_caregiver(cli, store: Store) -> None:
    add_plan(
        store,
        "Margaret Hale",
        preferred_name="Peggy",
        participants=[Participant(name="Tom Hale", relationship="son")],
    )
    add_plan(store, "Nora Quinn")
    for ref in ("peggy", "tom", "Tom Hale"):
        code, out, err = cli("history", ref, "--format", "json")
        assert code == 0 and err == "", ref
        assert len(json.loads(out)) == 1


def test_import_of_a_name_already_there_says_so_without_refusing(
    cli, store: Store, tmp_path: Path
) -> None:
    there = add_plan(store, "Ruth Okafor")
    document = {
        "format": "careplan-plan",
        "format_version": 1,
        "plan": {"about": {"name": "Ruth Okafor", "reference": "N-77"}},
    }
    source = tmp_path / "ruth.json"
    source.write_text(json.dumps(document))
    code, out, err = cli("import", str(source))
    assert code == 0 and out.startswith("Imported as a new plan for Ruth Okafor")
    assert err.count("\n") == 1 and "already has a plan for Ruth Okafor" in err and there in err
    assert len(store.list_plans()) == 2
    assert {summary.told_apart for summary in store.list_plans()} == {"", "ref N-77"}


def test_the_reference_goes_out_and_back_in_json(cli, store: Store, tmp_path: Path) -> None:
    plan_id = add_plan(store, plan=CarePlan(about=About(name="Sam Taylor", reference="H-9")))
    exported = json.loads(cli("export", plan_id, "--format", "json")[1])
    assert exported["plan"]["about"]["reference"] == "H-9"


def long_history(store: Store) -> str:
    def note(plan: CarePlan, number: int) -> None:
        plan.about.illness = f"change {number} " + "with rather a lot of words to say " * 4

    return add_plan(
        store,
        "Maria Lopez",
        versions=3,
        saved_by="Priya, palliative social worker",
        note="a long note about the conversation today, with all that was said " * 2,
        before_each=note,
    )


@pytest.mark.parametrize("columns", [80, 100])
def test_history_and_list_wrap_to_the_terminal(cli, store: Store, monkeypatch, columns) -> None:
    plan_id = long_history(store)
    monkeypatch.setenv("COLUMNS", str(columns))
    for argv in (["history", plan_id], ["list"]):
        code, out, _ = cli(*argv)
        assert code == 0
        assert max(len(line) for line in out.splitlines()) <= columns, argv
    out = cli("history", plan_id)[1]
    assert "a long note about the conversation" in " ".join(out.split())


def test_tables_are_not_wrapped_for_a_program_reading_them(cli, store: Store, monkeypatch) -> None:
    plan_id = long_history(store)
    monkeypatch.delenv("COLUMNS", raising=False)
    out = cli("history", plan_id)[1]
    assert len(out.splitlines()) == 4  # the heading and one line per version
    assert max(len(line) for line in out.splitlines()) > 100
