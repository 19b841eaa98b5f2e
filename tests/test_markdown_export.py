"""The Markdown snapshot: golden files for the demo plan, and its structure as a viewer parses it.

The golden files under tests/golden/ are the snapshot of each version of the demo plan, read and
checked by a person. To change them on purpose, run with CAREPLAN_UPDATE_GOLDEN=1, then read the
diff before committing.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from careplan import content
from careplan.demo import build_demo
from careplan.markdown_export import default_export_name, render_plan, render_snapshot
from careplan.model import About, CarePlan, Goal, TeamMember
from careplan.store import PlanFile, Store
from tests.storage_helpers import add_plan

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("CAREPLAN_UPDATE_GOLDEN") == "1"
DEMO_VERSIONS = range(1, 7)


def parse(markdown: str) -> list[Token]:
    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).parse(markdown)


def headings(tokens: list[Token]) -> list[str]:
    """ "## Goals" as "## Goals": each heading with its level, in order."""
    return [
        f"{token.markup} {tokens[index + 1].content}"
        for index, token in enumerate(tokens)
        if token.type == "heading_open"
    ]


def table_shapes(tokens: list[Token]) -> list[list[int]]:
    """For each table, the number of cells in each row (heading row first)."""
    shapes: list[list[int]] = []
    for token in tokens:
        if token.type == "table_open":
            shapes.append([])
        elif token.type == "tr_open":
            shapes[-1].append(0)
        elif token.type in ("th_open", "td_open"):
            shapes[-1][-1] += 1
    return shapes


@pytest.fixture
def demo(store: Store) -> PlanFile:
    plan_id = build_demo(store)
    with store.open_plan(plan_id, write=False) as opened:
        yield opened


# --- golden files ----------------------------------------------------------------------------


@pytest.mark.parametrize("number", DEMO_VERSIONS)
def test_demo_snapshot_matches_its_golden_file(demo: PlanFile, number: int) -> None:
    rendered = render_snapshot(demo, number)
    golden = GOLDEN / f"demo-v{number}.md"
    if UPDATE:
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(rendered, encoding="utf-8")
    assert rendered == golden.read_text(encoding="utf-8")


def test_the_latest_version_is_the_default(demo: PlanFile) -> None:
    assert render_snapshot(demo) == render_snapshot(demo, 6)


# --- structure -------------------------------------------------------------------------------

SECTIONS = [
    "## About us",
    "## What matters most",
    "## How things are now",
    "## Goals",
]
AFTER_GOALS = [
    "## Lifestyle modifications",
    "## Treatment decisions",
]
TEAM = [
    "## Support team",
    "### Who does what",
]
AFTER_ADVANCE_CARE = [
    "## Warning signs to watch for",
    "## Questions for the next appointment",
]


def test_headings_of_the_first_version(demo: PlanFile) -> None:
    assert headings(parse(render_snapshot(demo, 1))) == [
        "# Care plan: Maggie Ellis",
        *SECTIONS,
        "### Managing symptoms",
        "### Making daily life easier",
        "### Meaningful moments",
        *AFTER_GOALS,
        *TEAM,
        "## If I can't speak for myself",  # not now: said calmly, nothing more
        *AFTER_ADVANCE_CARE,
        "## What changed",
    ]


def test_headings_of_the_latest_version(demo: PlanFile) -> None:
    # Every daily-life goal has grown into a meaningful one by now, so that category is gone.
    assert headings(parse(render_snapshot(demo, 6))) == [
        "# Care plan: Maggie Ellis",
        *SECTIONS,
        "### Managing symptoms",
        "### Meaningful moments",
        *AFTER_GOALS,
        # the decision standing now, then the pause for the wedding, ended and still whole
        "### Stopping treatment",
        "### Earlier decisions",
        *TEAM,
        "## If I can't speak for myself",
        "### Documents that exist",
        "### What care I would want",
        AFTER_ADVANCE_CARE[0],
        # the signs of the decision standing now: one group chosen, with its own who to call
        "### Changes in breathing",
        AFTER_ADVANCE_CARE[1],
        "## What changed since version 5",
    ]


@pytest.mark.parametrize("number", DEMO_VERSIONS)
def test_every_table_row_has_the_heading_rows_columns(demo: PlanFile, number: int) -> None:
    shapes = table_shapes(parse(render_snapshot(demo, number)))
    # symptoms, lifestyle modifications, support team; from version 5, the planning documents
    assert len(shapes) == (4 if number >= 5 else 3)
    for shape in shapes:
        assert len(shape) > 1 and set(shape) == {shape[0]}


def test_goal_journeys_show_every_step_with_its_ability_level(demo: PlanFile) -> None:
    tokens = parse(render_snapshot(demo, 6))
    ordered = [i for i, token in enumerate(tokens) if token.type == "ordered_list_open"]
    # the run that became coffee outside; work that became the book club; then who would speak
    # for Maggie, in order
    assert len(ordered) == 3
    steps = []
    index = ordered[0]
    while tokens[index].type != "ordered_list_close":
        if tokens[index].type == "inline":
            steps.append(tokens[index].content)
        index += 1
    assert steps == [
        "Run 5 miles at the park run in May (from 12 March 2026; everyday function 80%, version 1)",
        "A daily walk round the park (from 20 May 2026; everyday function 70%, version 2). Why it changed: "
        "Running left me tired for days afterwards; walking keeps me outside without paying for it.",
        "Coffee outside with Tom each morning (from 10 September 2026; everyday function 50%, version 5). "
        "Why it changed: The park is too far now; the bench by the roses is where I get my air.",
    ]


def test_other_views_sit_beside_the_first_voice(demo: PlanFile) -> None:
    text = render_snapshot(demo, 6)
    assert (
        "- **What worries me** (Maggie): Becoming a burden on Tom.\n"
        "  - Another view, from Tom Ellis: Tom: you are not a burden. Looking after you is where I want to be.\n"
    ) in text


def test_no_helplines_are_listed_when_nobody_chose_one(demo: PlanFile) -> None:
    # The demo plan keeps no helplines on its team: no heading, no crisis lines nobody chose.
    text = render_snapshot(demo, 6)
    assert "Helplines" not in text and content.DISCLAIMER not in text
    for region in content.regions():
        assert not any(line.name in text for line in content.helplines(region))


def test_only_the_helplines_on_the_team_are_listed_with_the_disclaimer(store: Store) -> None:
    chosen = content.helplines("UK")[0]
    reach = " · ".join(way for way in (chosen.phone, chosen.website) if way)
    plan = CarePlan(
        about=About(name="Sam Jones"),
        team=[
            TeamMember(name="Ann", role="gp", contact="01632 960000"),
            TeamMember(
                name=chosen.name, role="helpline", contact=reach, helps_with=chosen.helps_with
            ),
        ],
    )
    with store.create_plan(plan) as plan_file:
        plan_file.save_version(plan, saved_by="", when=datetime(2026, 2, 1, 9, 5, tzinfo=UTC))
        text = render_snapshot(plan_file)
    helplines = text[text.index("### Helplines\n") : text.index("\n## Warning signs")]
    assert content.DISCLAIMER in helplines
    assert (
        helplines.count("\n- ") == 1 and chosen.name in helplines and chosen.helps_with in helplines
    )
    assert "In the United" not in helplines  # their own list, not a country's list
    others = [
        line.name
        for region in content.regions()
        for line in content.helplines(region)
        if line != chosen
    ]
    assert not any(name in text for name in others)
    # Listed once, under Helplines, not again among the people.
    assert text.count(chosen.name) == 1 and "| Ann | GP or family doctor |" in text


def test_a_helpline_keeps_everything_written_about_it() -> None:
    plan = CarePlan(
        about=About(name="Sam Jones"),
        team=[
            TeamMember(
                name="Night line",
                role="helpline",
                contact="0800 000 000",
                when="After 6pm",
                helps_with="Worries at night",
                tasks=["Company on the phone"],
                first_contact=True,
            )
        ],
    )
    text = render_plan(plan)
    assert (
        "- **Night line** (first contact; 0800 000 000; when: After 6pm): Worries at night\n"
        in text
    )
    assert "- **Company on the phone:** Night line" in text
    assert (
        "**First point of contact:** Night line (Helpline); how to reach them: 0800 000 000" in text
    )


# --- small plans -----------------------------------------------------------------------------


def test_a_plan_with_little_in_it_still_reads_as_a_whole(store: Store) -> None:
    plan = CarePlan(about=About(name="Sam Jones"))
    with store.create_plan(plan) as plan_file:
        plan_file.save_version(plan, saved_by="", when=datetime(2026, 2, 1, 9, 5, tzinfo=UTC))
        text = render_snapshot(plan_file)
    assert text.startswith(
        "# Care plan: Sam Jones\n\nVersion 1, session of Sunday 1 February 2026,"
        " saved Sunday 1 February 2026 at 09:05.\n"
    )
    assert "- **Next review:** not set yet" in text
    assert "## Goals\n\nNothing written here yet.\n" in text
    assert "## Support team\n\nNobody written down yet.\n" in text
    assert "## What changed\n\nThis is the first version.\n" in text


def test_a_plan_never_saved_says_so(store: Store) -> None:
    with store.create_plan(CarePlan(about=About(name="Sam Jones"))) as plan_file:
        text = render_snapshot(plan_file)
        assert default_export_name(plan_file) == "sam-jones-not-saved.md"
    assert "Not saved as a version yet." in text


def test_a_goal_that_grew_from_another_without_history_names_where_it_came_from() -> None:
    plan = CarePlan(
        about=About(name="Sam Jones"),
        goals=[
            Goal(title="Run", status="adapted", id="a"),
            Goal(title="Walk", adapted_from="a", adapted_reason="knees", id="b"),
        ],
    )
    text = render_plan(plan)
    assert "- **Walk** (active; Sam Jones)\n  - Grew out of: Run. Why it changed: knees\n" in text
    assert "**Run**" not in text


def test_first_point_of_contact_is_named_with_how_to_reach_them() -> None:
    plan = CarePlan(
        about=About(name="Sam Jones"),
        team=[
            TeamMember(name="Ann", role="gp", contact="01632 960000"),
            TeamMember(
                name="Bo",
                role="custom",
                custom_role="Dog walker",
                tasks=["pets", "Watering"],
                first_contact=True,
                when="Mornings",
            ),
        ],
    )
    text = render_plan(plan)
    assert "**First point of contact:** Bo (Dog walker); when: Mornings\n" in text
    assert "| Bo (first contact) | Dog walker |   | Mornings |   |" in text
    assert "- **Pets:** Bo\n- **Watering:** Bo" in text


# --- file names ------------------------------------------------------------------------------


def test_default_export_name_says_whose_which_version_and_when(demo: PlanFile) -> None:
    assert default_export_name(demo, 6) == "maggie-ellis-b1958-v6-2026-11-05.md"
    assert default_export_name(demo) == "maggie-ellis-b1958-v6-2026-11-05.md"
    assert default_export_name(demo, 1) == "maggie-ellis-b1958-v1-2026-03-12.md"


def test_default_export_name_of_a_name_with_accents_and_symbols(store: Store) -> None:
    plan = CarePlan(about=About(name="María José O'Brien-Núñez"))
    with store.create_plan(plan) as plan_file:
        plan_file.save_version(plan, saved_by="", when=datetime(2026, 11, 22, 23, 0, tzinfo=UTC))
        assert default_export_name(plan_file, 1) == "maria-jose-o-brien-nunez-v1-2026-11-22.md"


def test_default_export_names_are_unique_per_plan_when_names_are_shared(store: Store) -> None:
    ids = [add_plan(store, "Sam Taylor"), add_plan(store, "Sam Taylor")]
    names = set()
    for plan_id in ids:
        with store.open_plan(plan_id, write=False) as plan_file:
            name = default_export_name(plan_file, 1)
            assert plan_id.rsplit("-", 1)[-1] in name and name.startswith("sam-taylor-")
            names.add(name)
    assert len(names) == 2


def test_default_export_name_carries_the_reference(store: Store) -> None:
    plan = CarePlan(
        about=About(name="Sam Taylor", reference="H 1001", date_of_birth=date(1948, 3, 3))
    )
    with store.create_plan(plan) as plan_file:
        plan_file.save_version(plan, saved_by="", when=datetime(2026, 11, 22, 12, 0, tzinfo=UTC))
        assert default_export_name(plan_file, 1) == "sam-taylor-h-1001-v1-2026-11-22.md"
