"""The printable page (`careplan export --format html`) and the two audiences (`--for`).

Every page is read back with the standard library's HTML parser: the tags, attributes and text a
browser would see. Hostile text in every field must come out as text and change nothing else.
"""

from __future__ import annotations

import os
import stat
from html.parser import HTMLParser
from pathlib import Path

import pytest

from careplan.cli import main
from careplan.demo import build_demo
from careplan.html_export import CONTENT_SECURITY_POLICY, snapshot_html
from careplan.markdown_export import render_snapshot
from careplan.model import (
    About,
    CarePlan,
    CheckIn,
    Goal,
    Modification,
    Participant,
    Statement,
    TeamMember,
    TreatmentDecision,
    View,
)
from careplan.store import PlanFile, Store
from careplan.summary_export import render_summary, summary_html

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("CAREPLAN_UPDATE_GOLDEN") == "1"

# Everything a snapshot may be built from; anything else (script, img, a, iframe...) is a fault.
ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "main", "footer", "h1", "h2", "h3", "p",
    "ul", "ol", "li", "strong", "em", "br", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip


class Page(HTMLParser):
    """What a browser would build: each start tag with its attributes, and the text."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def names(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag]

    def headings(self) -> int:
        return sum(1 for name, _ in self.tags if name in ("h1", "h2", "h3"))


@pytest.fixture
def demo(store: Store) -> PlanFile:
    plan_id = build_demo(store)
    with store.open_plan(plan_id, write=False) as opened:
        return opened


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]):
    def run(*argv: str) -> tuple[int, str, str]:
        code = main(list(argv))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


def check_golden(name: str, rendered: str) -> None:
    golden = GOLDEN / name
    if UPDATE:
        golden.write_text(rendered, encoding="utf-8")
    assert rendered == golden.read_text(encoding="utf-8")


# --- golden files ----------------------------------------------------------------------------


@pytest.mark.parametrize("audience", ["family", "care-team"])
def test_demo_page_matches_its_golden_file(demo: PlanFile, audience: str) -> None:
    check_golden(f"demo-v6-{audience}.html", snapshot_html(demo, 6, audience=audience))


def test_demo_care_team_snapshot_matches_its_golden_file(demo: PlanFile) -> None:
    check_golden("demo-v6-care-team.md", render_snapshot(demo, 6, audience="care-team"))


# --- the page loads nothing and prints ------------------------------------------------------


def test_the_page_is_self_contained_and_forbids_loading(demo: PlanFile) -> None:
    page = Page(snapshot_html(demo, 6))
    assert {name for name, _ in page.tags} <= ALLOWED_TAGS
    policies = [m["content"] for m in page.names("meta") if m.get("http-equiv")]
    assert policies == [CONTENT_SECURITY_POLICY]
    assert "default-src 'none'" in CONTENT_SECURITY_POLICY
    assert "script-src" not in CONTENT_SECURITY_POLICY  # falls back to 'none'
    assert len(page.names("style")) == 1
    for _, attrs in page.tags:
        assert not any(key in ("href", "src", "style") or key.startswith("on") for key in attrs)


def test_the_page_prints_black_on_white_with_rows_kept_whole(demo: PlanFile) -> None:
    text = snapshot_html(demo, 6)
    assert "@media print" in text and "@page" in text
    assert "tr, li { break-inside: avoid" in text
    assert "color: #000; background: #fff" in text
    page = Page(text)
    assert [a.get("class") for a in page.names("h2") if a.get("class")] == ["new-page"] * 2


def test_the_footer_names_the_person_version_and_day(demo: PlanFile) -> None:
    text = snapshot_html(demo, 6, audience="care-team")
    footer = text.split("<footer>")[1].split("</footer>")[0]
    assert (
        footer
        == "Care plan: Maggie Ellis. Version 6, session of 5 November 2026. For the care team."
    )


# --- audiences -------------------------------------------------------------------------------


def test_only_the_care_team_gets_its_part(demo: PlanFile) -> None:
    family = render_snapshot(demo, 6)
    care_team = render_snapshot(demo, 6, audience="care-team")
    assert family == render_snapshot(demo, 6, audience="family")
    assert "For the care team" not in family and "Session notes" not in family
    assert care_team.startswith(family.rstrip("\n"))
    assert "(PPS version 2, Victoria Hospice Society)" in care_team
    assert "ESAS-r (0 none to 10 worst, Alberta Health Services)" in care_team
    assert "**Session notes:** not kept with this version." in care_team


def test_the_care_team_reads_session_notes_only_where_they_were_kept(demo: PlanFile) -> None:
    kept = render_snapshot(demo, 1, audience="care-team")
    assert "**Session notes, kept with this version:**" in kept
    assert "not use the word 'dying'" in kept
    for number in range(1, 7):
        assert "dying" not in render_snapshot(demo, number)  # the family's: never
        assert "dying" not in snapshot_html(demo, number)


def test_an_unknown_audience_is_refused(demo: PlanFile) -> None:
    with pytest.raises(ValueError):
        render_snapshot(demo, 6, audience="everyone")


# --- hostile text ----------------------------------------------------------------------------

HOSTILE = [
    '<script>alert(1)</script><img src=x onerror="alert(2)">',
    '[click](javascript:alert(3)) <a href="javascript:alert(4)">x</a> <javascript:alert(5)>',
    "\" onmouseover='alert(6)' \" &lt;b&gt; &#60;i&#62;",
    "# Heading\n- item\n| a | b |\n---\n1. one\n```\ncode",
    "bell\x07 escape\x1b[31m nul\x00 del\x7f",
    "long " * 20_000,
]


def hostile_plan(text: str) -> CarePlan:
    return CarePlan(
        about=About(
            name=text,
            preferred_name=text,
            illness=text,
            participants=[Participant(name=text, relationship=text)],
        ),
        matters=[Statement(text=text, other_views=[View(text=text)])],
        checkin=CheckIn(function_level=50, symptoms={"pain": 3}, note=text),
        goals=[Goal(title=text, why=text, fallback=text, other_views=[View(text=text)])],
        modifications=[Modification(before=text, now=text, why=text)],
        treatment_decisions=[TreatmentDecision(
            kind="event",
            event=text,
            current_treatment=text,
            team_said=text,
            hopes=text,
            fears=text,
            warning_signs=[text],
            who_to_call=text,
            questions=[text],
        )],
        team=[
            TeamMember(name=text, contact=text, when=text, helps_with=text, tasks=[text],
                       first_contact=True),
            TeamMember(name=text, role="helpline", contact=text, when=text, helps_with=text),
        ],
    )  # fmt: skip


def export_page(store: Store, cli, plan: CarePlan, note: str, audience: str) -> str:
    with store.create_plan(plan) as plan_file:
        plan_file.save_version(plan, saved_by=note, note=note)
        plan_id = plan_file.id
    code, out, err = cli("export", plan_id, "--format", "html", "--for", audience)
    assert code == 0, err
    return out


@pytest.mark.parametrize("audience", ["family", "care-team"])
@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_text_in_every_field_stays_text(
    store: Store, cli, text: str, audience: str
) -> None:
    # The same number of lines in plain words: a typed line break is kept, as a line break.
    words = "\n".join("Plain words" for _ in text.splitlines())
    plain = Page(export_page(store, cli, hostile_plan(words), words, audience))
    page = Page(export_page(store, cli, hostile_plan(text), text, audience))
    assert [name for name, _ in page.tags] == [name for name, _ in plain.tags]
    assert [attrs for _, attrs in page.tags] == [attrs for _, attrs in plain.tags]
    shown = "".join(page.text)
    assert not any(ch in shown for ch in "\x00\x07\x1b\x7f")
    if "alert(1)" in text:
        assert "<script>alert(1)</script>" in shown  # shown to the reader as the words typed


# --- the command line ------------------------------------------------------------------------


def test_export_html_to_a_file_is_private(cli, demo: PlanFile, tmp_path: Path) -> None:
    target = tmp_path / "maggie.html"
    code, out, _ = cli(
        "export", demo.id, "--format", "html", "--for", "care-team", "-o", str(target)
    )
    assert code == 0 and str(target) in out
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_text(encoding="utf-8") == snapshot_html(demo, 6, audience="care-team")


def test_export_html_to_a_folder_suggests_an_html_name(cli, demo: PlanFile, tmp_path: Path) -> None:
    code, _, err = cli("export", demo.id, "--format", "html", "-o", str(tmp_path))
    assert code == 1 and str(tmp_path / "maggie-ellis-b1958-v6-2026-11-05.html") in err


def test_export_for_the_care_team_in_markdown(cli, demo: PlanFile) -> None:
    code, out, _ = cli("export", demo.id, "--for", "care-team")
    assert code == 0 and out == render_snapshot(demo, 6, audience="care-team")
    assert cli("export", demo.id)[1] == render_snapshot(demo, 6)


def test_export_for_an_unknown_audience_is_a_one_line_usage_error(cli, demo: PlanFile) -> None:
    code, out, err = cli("export", demo.id, "--for", "everyone")
    assert code == 1 and out == "" and err.count("\n") == 1
    assert "--for" in err and "care-team" in err


# --- the one-page summary --------------------------------------------------------------------


def test_demo_summary_matches_its_golden_files(demo: PlanFile) -> None:
    check_golden("demo-v6-summary.md", render_summary(demo, 6))
    check_golden("demo-v6-summary.html", summary_html(demo, 6))


def test_the_summary_is_short_and_names_its_version(cli, demo: PlanFile) -> None:
    code, out, _ = cli("export", demo.id, "--summary", "--version", "3")
    assert code == 0 and out == render_summary(demo, 3)
    assert out.startswith("# If you are called to help Maggie Ellis\n")
    assert "From version 3 of the plan" in out
    # short enough for one printed page (tests/test_print.py prints it to be sure)
    assert out.count("\n") < 50


def test_the_summary_is_not_for_json(cli, demo: PlanFile) -> None:
    code, out, err = cli("export", demo.id, "--summary", "--format", "json")
    assert code == 1 and out == "" and err.count("\n") == 1 and "--summary" in err


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_text_in_the_summary_stays_text(store: Store, cli, text: str) -> None:
    def summary(plan: CarePlan) -> Page:
        with store.create_plan(plan) as plan_file:
            plan_file.save_version(plan, saved_by="", note="")
            plan_id = plan_file.id
        code, out, err = cli("export", plan_id, "--summary", "--format", "html")
        assert code == 0, err
        return Page(out)

    words = "\n".join("Plain words" for _ in text.splitlines())
    plain, page = summary(hostile_plan(words)), summary(hostile_plan(text))
    assert page.tags == plain.tags
    assert not any(ch in "".join(page.text) for ch in "\x00\x07\x1b\x7f")
