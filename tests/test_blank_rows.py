"""A row added and left empty (a statement, a person taking part) holds no words: it is not a
change, not counted, and not a reason to refuse a save. It is simply left out of the version."""

from __future__ import annotations

from careplan.model import About, CarePlan, Participant, Statement, View
from careplan.overview import section_summary
from careplan.store import Store
from careplan.validation import problems, without_blank_rows
from careplan.working_plan import WorkingPlan
from tests.conftest import OpenApp
from tests.pilot_helpers import add_plan, settle, shown, type_into


def plan_with_blank_rows() -> CarePlan:
    return CarePlan(
        about=About(
            name="Ruth Okafor", participants=[Participant(name="Sam"), Participant(name="  ")]
        ),
        matters=[
            Statement(text="The garden", kind="strength"),
            Statement(text="", kind="worry"),
            Statement(text=" ", kind="hope", other_views=[View(text="")]),
        ],
    )


def test_blank_rows_are_left_out_and_nothing_else() -> None:
    plan = plan_with_blank_rows()
    kept = without_blank_rows(plan)
    assert [person.name for person in kept.about.participants] == ["Sam"]
    assert [statement.text for statement in kept.matters] == ["The garden"]
    assert problems(kept) == {}
    assert len(plan.matters) == 3  # the plan on screen keeps its rows, to be typed into


def test_a_row_with_any_words_in_it_is_kept() -> None:
    plan = CarePlan(
        about=About(name="Ruth", participants=[Participant(name="", relationship="son")]),
        matters=[Statement(text="", other_views=[View(text="I worry about the stairs")])],
    )
    kept = without_blank_rows(plan)
    assert len(kept.about.participants) == 1 and len(kept.matters) == 1
    assert problems(kept)  # a name and the statement's words are still asked for


def test_blank_rows_are_not_a_change_and_are_not_counted(store: Store) -> None:
    plan_id = add_plan(store, "Ruth Okafor")
    with store.open_plan(plan_id) as plan_file:
        working = WorkingPlan(plan_file)
        working.plan.matters.append(Statement(text="", kind="strength"))
        assert not working.has_changes
        assert section_summary(working.plan, "matters") == "nothing written yet"
        working.plan.matters[0].text = "Singing"
        assert working.has_changes
        info = working.save_version("Priya", plan=working.snapshot())
        assert [statement.text for statement in plan_file.load(info.number).matters] == ["Singing"]


async def test_a_statement_left_empty_does_not_stop_the_save(
    store: Store, open_app: OpenApp
) -> None:

    plan_id = add_plan(store, "Ruth Okafor")
    async with open_app() as pilot:
        app = pilot.app
        await pilot.press("1")
        await settle(pilot)
        await type_into(pilot, "#about-preferred", "Ruthie")
        await pilot.press("escape", "2")
        await settle(pilot)
        await pilot.press("ctrl+n")  # a statement, left empty
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        await type_into(pilot, "#saved-by", "Priya")
        await pilot.press("enter")
        await settle(pilot)
        assert "Saved as version 2" in shown(app, "#review-result")
    with store.open_plan(plan_id, write=False) as plan_file:
        assert plan_file.load(2).matters == []


def test_review_does_not_list_an_empty_row_as_a_change() -> None:
    from careplan.review_wording import changes_text

    base = CarePlan(about=About(name="Ruth"))
    plan = CarePlan(about=About(name="Ruth"), matters=[Statement(text="")])
    assert changes_text(base, plan, 1) == "Nothing has changed since version 1."


async def test_the_home_does_not_call_an_empty_row_a_change(
    store: Store, open_app: OpenApp
) -> None:

    add_plan(store, "Ruth Okafor")
    async with open_app() as pilot:
        app = pilot.app
        await pilot.press("2", "ctrl+n", "escape")
        await settle(pilot)
        assert app.screen.section_details("matters") == "nothing written yet"
