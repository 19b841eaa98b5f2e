"""The command line keeps people's words whole and lined up: `careplan list` aligns names with
wide characters by the columns they take on screen, and `diff --format json` and the export's
"What changed" carry full sentences (only one-line summaries shorten)."""

from __future__ import annotations

import json

import pytest
from rich.cells import cell_len

from careplan.cli import main
from careplan.markdown_export import render_snapshot
from careplan.model import About, CarePlan, Statement
from careplan.store import Store

LONG = " ".join(f"word{number}" for number in range(40)) + " and the very end"


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]):
    def run(*argv: str) -> tuple[int, str, str]:
        code = main(list(argv))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


def two_versions(store: Store, name: str = "Maria Lopez") -> str:
    plan = CarePlan(about=About(name=name))
    with store.create_plan(plan) as plan_file:
        plan_file.save_version(plan, saved_by="Priya")
        plan.matters.append(Statement(text=LONG, kind="hope", id="s1"))
        plan_file.save_version(plan, saved_by="Priya")
        return plan_file.id


def test_list_lines_up_names_with_emoji_and_wide_characters(cli, store: Store) -> None:
    for name in ("Sam Jones", "李小龍", "Rosa 🌷 Díaz", "José Müller"):
        two_versions(store, name)
    code, out, err = cli("list")
    assert code == 0 and err == ""
    header, *rows = out.splitlines()
    assert len(rows) == 4
    for heading, value in (("VERSIONS", "  2 "), ("NEXT REVIEW", "  not set")):
        column = cell_len(header[: header.index(heading)])  # where the heading starts on screen
        for row in rows:
            assert cell_len(row[: row.index(value) + 2]) == column, "\n".join([header, *rows])


def test_diff_as_json_has_the_whole_sentence(cli, store: Store) -> None:
    plan_id = two_versions(store)
    code, out, _ = cli("diff", plan_id, "1", "2", "--format", "json")
    assert code == 0
    [change] = json.loads(out)["changes"]
    assert LONG in change["text"] and "…" not in change["text"]
    code, out, _ = cli("diff", plan_id, "1", "2", "--format", "markdown")
    assert "the very end" in out and "…" not in out


def test_the_export_says_in_full_what_changed(store: Store) -> None:
    plan_id = two_versions(store)
    with store.open_plan(plan_id, write=False) as plan_file:
        snapshot = render_snapshot(plan_file, 2)
    what_changed = snapshot.split("## What changed since version 1", 1)[1].split("\n## ", 1)[0]
    assert "and the very end" in what_changed and "…" not in what_changed
