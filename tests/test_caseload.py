"""The caseload in the domain: its order, the line that says what is due, finding a plan by what a
person might type, telling two people of one name apart, and closing a plan without losing it."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from careplan import caseload
from careplan.closing import Closure, closure_from
from careplan.errors import AmbiguousPlan, CarePlanError
from careplan.history import version_summaries
from careplan.model import About, CarePlan, Participant
from careplan.people import file_tag, told_apart
from careplan.store import Store
from tests.storage_helpers import add_plan

TODAY = date(2026, 12, 2)


def test_review_order_puts_the_longest_overdue_first_and_plans_without_a_review_last(
    store: Store,
) -> None:
    add_plan(store, "Anna Berg", next_review=TODAY + timedelta(days=3))
    add_plan(store, "Ben Cole")
    add_plan(store, "Cara Dunn", next_review=TODAY - timedelta(days=1))
    add_plan(store, "Dev Evans", next_review=TODAY - timedelta(days=30))
    ordered = caseload.sorted_plans(store.list_plans(), "review", TODAY)
    assert [s.person for s in ordered] == ["Dev Evans", "Cara Dunn", "Anna Berg", "Ben Cole"]
    by_name = caseload.sorted_plans(store.list_plans(), "name", TODAY)
    assert [s.person for s in by_name] == ["Anna Berg", "Ben Cole", "Cara Dunn", "Dev Evans"]
    by_saved = caseload.sorted_plans(store.list_plans(), "saved", TODAY)
    assert [s.person for s in by_saved][0] == "Dev Evans"  # the last one saved


def test_the_due_line_counts_overdue_and_this_week_but_not_later_or_closed(store: Store) -> None:
    add_plan(store, "Anna Berg", next_review=TODAY + timedelta(days=6))
    add_plan(store, "Ben Cole", next_review=TODAY + timedelta(days=7))
    add_plan(store, "Cara Dunn", next_review=TODAY - timedelta(days=1))
    add_plan(store, "Dev Evans", next_review=TODAY)
    assert caseload.due_line(store.list_plans(), TODAY) == "1 overdue, 2 due this week."
    closed = add_plan(store, "Eve Fox", next_review=TODAY - timedelta(days=3))
    with store.open_plan(closed) as opened:
        opened.close_plan(Closure("died", TODAY), saved_by="Mai")
    assert caseload.due_line(store.list_plans(), TODAY) == "1 overdue, 2 due this week."
    assert caseload.due_line([], TODAY) == "No review is overdue or due this week."


def test_a_plan_is_found_by_the_name_they_are_called_by_and_by_a_caregiver(store: Store) -> None:
    plan_id = add_plan(
        store,
        "Margaret Hale",
        preferred_name="Peggy",
        participants=[Participant(name="Tom Hale", relationship="son")],
    )
    add_plan(store, "Nora Quinn")
    summaries = store.list_plans()
    assert [s.id for s in summaries if caseload.matches(s, "pegg")] == [plan_id]
    assert [s.id for s in summaries if caseload.matches(s, "TOM")] == [plan_id]
    assert store.resolve("peggy") == plan_id
    assert store.resolve("tom") == plan_id
    assert store.resolve("hale") == plan_id  # the start of a word in the name


def test_two_plans_of_one_name_are_told_apart_by_reference_and_birth(store: Store) -> None:
    first = add_plan(store, "Sam Taylor", reference="H-1001", date_of_birth=date(1948, 3, 3))
    second = add_plan(store, "Sam Taylor", date_of_birth=date(1971, 10, 9))
    with pytest.raises(AmbiguousPlan) as raised:
        store.resolve("sam")
    message = str(raised.value)
    assert f"Sam Taylor (born 3 Mar 1948, ref H-1001; id {first})" in message
    assert f"Sam Taylor (born 9 Oct 1971; id {second})" in message
    assert "give its id in place of the name" in message
    assert "type more" not in message
    assert store.resolve("h-1001") == first  # the reference finds the person too


def test_told_apart_says_nothing_that_was_not_given() -> None:
    assert told_apart(About(name="Sam")) == ""
    assert file_tag(About(name="Sam")) == ""
    assert told_apart(About(name="Sam", reference="  RX 12 ")) == "ref RX 12"
    assert file_tag(About(name="Sam", reference="RX 12", date_of_birth=date(1950, 1, 2))) == "rx-12"
    assert file_tag(About(name="Sam", date_of_birth=date(1950, 1, 2))) == "b1950"


def test_closing_keeps_every_version_and_is_a_version_history_shows(store: Store) -> None:
    plan_id = add_plan(store, "Ruth Okafor", versions=2)
    with store.open_plan(plan_id) as opened:
        before = opened.load()
        info = opened.close_plan(closure_from("died", TODAY, TODAY), saved_by="Mai")
        assert info.number == 3
        assert opened.load() == before  # the words are the version before's
        assert opened.closed == Closure("died", TODAY)
        with pytest.raises(CarePlanError, match="is closed"):
            opened.save_version(before, saved_by="Mai")
    with store.open_plan(plan_id, write=False) as opened:
        notes = [summary.note for summary in version_summaries(opened)]
        assert notes[-1] == "Plan closed: Died, 2 Dec 2026"
    (summary,) = store.list_plans()
    assert summary.closed == Closure("died", TODAY)
    assert summary.to_json()["closed"] == {"reason": "died", "on": "2026-12-02"}
    with store.open_plan(plan_id) as opened:
        opened.reopen_plan(saved_by="Mai")
        assert opened.closed is None
        assert [v.number for v in opened.versions()] == [1, 2, 3, 4]
    (summary,) = store.list_plans()
    assert summary.closed is None and summary.to_json()["closed"] is None


def test_a_reason_in_ones_own_words_is_kept_as_other_and_no_future_day() -> None:
    closure = closure_from("went to live with her sister", TODAY, TODAY)
    assert closure == Closure("other", TODAY, "went to live with her sister")
    assert closure.in_words == "went to live with her sister, 2 Dec 2026"
    with pytest.raises(CarePlanError, match="future"):
        closure_from("died", TODAY + timedelta(days=1), TODAY)
    with pytest.raises(CarePlanError, match="needs a reason"):
        closure_from("  ", TODAY, TODAY)


def test_closing_leaves_a_draft_as_it_is(store: Store) -> None:
    plan_id = add_plan(store, "Ruth Okafor")
    with store.open_plan(plan_id) as opened:
        changed = opened.load()
        changed.about.illness = "words not saved yet"
        opened.keep_draft(changed)
        opened.close_plan(Closure("moved", TODAY), saved_by="Mai")
        draft = opened.draft()
        assert draft is not None and draft.plan.about.illness == "words not saved yet"


def test_a_plan_never_saved_cannot_be_closed_and_says_why(store: Store) -> None:
    plan_id = add_plan(store, "Ruth Okafor", versions=0)
    with store.open_plan(plan_id) as opened, pytest.raises(CarePlanError, match="Save one first"):
        opened.close_plan(Closure("died", TODAY), saved_by="Mai")


def test_the_reference_is_kept_in_a_saved_version(store: Store) -> None:
    plan_id = add_plan(store, plan=CarePlan(about=About(name="Sam Taylor", reference="H-1")))
    with store.open_plan(plan_id, write=False) as opened:
        assert opened.load().about.reference == "H-1"


def test_the_plans_title_says_who_in_full_and_tells_them_apart() -> None:
    from careplan.people import plan_title

    assert plan_title(About(name="Sam Taylor", preferred_name="Sam")) == "Sam Taylor"
    assert (
        plan_title(About(name="Margaret Hale", preferred_name="Peggy")) == "Peggy (Margaret Hale)"
    )
    born = About(name="Sam Taylor", date_of_birth=date(1948, 3, 3), reference="H-1")
    assert plan_title(born) == "Sam Taylor, born 3 Mar 1948, ref H-1"
    assert plan_title(About(), "Sam Taylor") == "Sam Taylor"
    assert plan_title(About()) == "New plan"
