"""Warning signs in the export: each group the family chose with its own "who to call", then
their own words; and no line of any export ends in a backslash (a hard break that shows as a
stray character in a plain text editor)."""

from __future__ import annotations

import pytest

from careplan import content
from careplan.demo import build_demo
from careplan.markdown_export import render_plan, render_snapshot
from careplan.model import About, CarePlan, TreatmentDecision
from careplan.store import Store
from careplan.summary_export import render_summary


def chosen(group_id: str) -> content.WarningSignGroup:
    return next(choice for choice in content.sign_choices() if choice.id == group_id)


def plan_with_signs() -> CarePlan:
    infection, calcium = chosen("infection"), chosen("high_calcium")
    return CarePlan(
        about=About(name="Sam Jones"),
        treatment_decisions=[
            TreatmentDecision(
                kind="recover",
                warning_signs=[*calcium.signs, "Feeling faint", *infection.signs],
                who_to_call="The chemo unit first",
            )
        ],
    )


def section(text: str, heading: str) -> str:
    start = text.index(heading)
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else None]


def test_each_group_keeps_its_signs_and_who_to_call() -> None:
    text = section(render_plan(plan_with_signs()), "## Warning signs")
    infection, calcium = chosen("infection"), chosen("high_calcium")
    at = {group.id: text.index(f"### {group.title}") for group in (infection, calcium)}
    assert at["high_calcium"] < at["infection"]  # in the groups' own order
    for group in (infection, calcium):
        part = text[at[group.id] :].split("\n### ")[0]
        assert all(f"- {sign}" in part for sign in group.signs)
        assert f"**Who to call for these:** {group.who_to_call}" in part
    own = text[text.index("### In our own words") :]
    assert "- Feeling faint" in own
    assert "**Who to call:** The chemo unit first" in text


def test_a_line_sign_is_only_listed_when_chosen() -> None:
    text = render_plan(plan_with_signs())
    assert "around a wound, line or port" not in text
    assert "central line" not in text


@pytest.fixture
def demo(store: Store):
    plan_id = build_demo(store)
    with store.open_plan(plan_id, write=False) as plan_file:
        yield plan_file


def test_no_export_line_ends_with_a_backslash(demo) -> None:
    for number in range(1, (demo.latest or 0) + 1):
        for audience in ("family", "care-team"):
            text = render_snapshot(demo, number, audience=audience)
            assert not [line for line in text.splitlines() if line.endswith("\\")], number
    summary = render_summary(demo, demo.latest)
    assert not [line for line in summary.splitlines() if line.endswith("\\")]


def test_the_demo_summary_keeps_the_infection_group_with_its_who_to_call(demo) -> None:
    before_stopping = render_summary(demo, demo.latest - 1)  # the signs of the wedding's pause
    infection = chosen("infection")
    assert f"**{infection.title}:**" in before_stopping
    assert f"Who to call for these: {infection.who_to_call}" in before_stopping
    assert "A swollen tummy" in before_stopping


def test_the_summary_takes_its_signs_from_the_decision_standing_now(demo) -> None:
    summary = render_summary(demo, demo.latest)  # stopping treatment, with signs of its own
    breathing = chosen("breathlessness")
    assert f"**{breathing.title}:**" in summary
    assert chosen("infection").title not in summary
