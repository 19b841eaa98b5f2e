"""Hostile or unusual input, at the domain and store level: huge text, control characters, any
script, emoji, combining marks, empty names, look-alike people, extreme dates.

The rule for text (careplan.validation.tidy): a saved version keeps every character a person can
type, exactly and unnormalised; it drops invisible control characters (C0 except tab and newline,
DEL, C1), turns CR and CRLF into newlines, and turns a lone surrogate into U+FFFD. A draft keeps
exactly what was typed, whatever it is.
"""

from __future__ import annotations

import dataclasses
import json
import typing
import unicodedata
from datetime import date
from pathlib import Path

import pytest

from careplan import locations
from careplan.codec import from_dict, to_dict
from careplan.dates import parse_date
from careplan.errors import (
    AmbiguousPlan,
    CarePlanError,
    InvalidDate,
    InvalidPlanFile,
    ValidationError,
)
from careplan.model import CarePlan, Goal, Statement
from careplan.partial_dates import PartialDate
from careplan.store import Store
from careplan.validation import MAX_TEXT, problems, tidy, tidy_text
from tests.storage_helpers import full_plan


def save_and_reload(store: Store, plan: CarePlan) -> CarePlan:
    with store.create_plan(full_plan(plan.about.name or "Someone")) as opened:
        opened.save_version(plan, saved_by="Test")
        plan_id = opened.id
    with Store(store.root).open_plan(plan_id, write=False) as reopened:
        return reopened.load()


# --- very long text ----------------------------------------------------------------------------


def test_a_field_of_exactly_100000_characters_is_saved_whole(store: Store) -> None:
    plan = full_plan()
    plan.matters[0].text = "a" * MAX_TEXT
    plan.goals[0].why = "😀" * MAX_TEXT  # characters, not bytes: 400,000 bytes of UTF-8
    plan.treatment_decisions[0].questions = ["?" * MAX_TEXT]
    assert save_and_reload(store, plan) == plan


@pytest.mark.parametrize(
    ("place", "field"),
    [
        (lambda p, text: setattr(p.matters[0], "text", text), "matters[0].text"),
        (lambda p, text: setattr(p.about, "name", text), "about.name"),
        (
            lambda p, text: p.treatment_decisions[0].questions.append(text),
            "treatment_decisions[0].questions[1]",
        ),
        (lambda p, text: setattr(p.checkin, "note", text), "checkin.note"),
        (lambda p, text: p.team[0].tasks.append(text), "team[0].tasks[1]"),
    ],
)
def test_one_character_more_is_refused_with_a_plain_message_and_nothing_is_saved(
    store: Store, place, field: str
) -> None:
    plan = full_plan()
    with store.create_plan(plan) as opened:
        place(plan, "b" * (MAX_TEXT + 1))
        with pytest.raises(ValidationError) as raised:
            opened.save_version(plan, saved_by="Test")
        assert raised.value.problems == {
            field: "is 100,001 characters long; one field holds up to 100,000, so please shorten it or split it in two"
        }
        assert opened.versions() == []
        opened.keep_draft(plan)  # a draft still keeps every character, so nothing typed is lost
        assert opened.draft().plan == plan


# --- control characters ------------------------------------------------------------------------


def test_invisible_control_characters_are_dropped_from_a_saved_version_and_line_endings_made_plain(
    store: Store,
) -> None:
    plan = full_plan()
    plan.matters[
        0
    ].text = "Line one\r\nLine two\rLine three\n\tindented\x00\x07\x1b[2J\x1b]0;title\x07\x7f\x85\x9b31m end"
    plan.goals[0].title = "\x0cForm feed from a PDF"
    expected = "Line one\nLine two\nLine three\n\tindented[2J]0;title31m end"
    saved = save_and_reload(store, plan)
    assert saved.matters[0].text == expected
    assert saved.goals[0].title == "Form feed from a PDF"
    assert (
        plan.matters[0].text == expected
    )  # tidied in place: what the caller holds is what was saved


def test_the_plan_file_holds_no_raw_control_characters(store: Store) -> None:
    plan = full_plan()
    plan.matters[0].text = "\x1b[31mred\x1b[0m"
    with store.create_plan(plan) as opened:
        info = opened.save_version(plan, saved_by="\x1b[2JTest", note="first\r\nsession\x00")
        raw = locations.plan_file(store.root, opened.id).read_bytes()
    assert (info.saved_by, info.note) == ("[2JTest", "first\nsession")
    assert b"\\u001b" not in raw and b"\\u0000" not in raw  # not even escaped
    assert not any(byte < 0x20 for byte in raw)


def test_a_name_of_only_control_characters_or_spaces_is_refused(store: Store) -> None:
    for name in ("", " ", "\t\n", "\x00\x1b", "\u00a0\u3000", "\r\n"):
        plan = full_plan()
        plan.about.name = name
        assert problems(plan) == {"about.name": "The person's name is needed"}
        with pytest.raises(CarePlanError, match="A new plan needs the person's name"):
            store.create_plan(plan)
    assert store.plan_ids() == []


def test_a_draft_keeps_exactly_what_was_typed_even_control_characters_and_lone_surrogates(
    store: Store,
) -> None:
    plan = full_plan()
    plan.matters[0].text = "\x00\x1b[31m\r\n\ud800 half of a pair \udfff"
    with store.create_plan(full_plan()) as opened:
        opened.keep_draft(plan)
        assert opened.draft().plan == plan
        opened.save_version(plan, saved_by="Test")
        assert opened.load(1).matters[0].text == "[31m\n\ufffd half of a pair \ufffd"


def test_tidying_is_idempotent_and_keeps_every_printable_character() -> None:
    printable = (
        "".join(chr(code) for code in range(0x20, 0x3000) if not 0x7F <= code < 0xA0) + "\t\n"
    )
    assert tidy_text(printable) == printable
    assert tidy_text(tidy_text("\r\r\n\x00a")) == tidy_text("\r\r\n\x00a") == "\n\na"


# --- every script, emoji, combining marks: kept exactly ------------------------------------------

EXACT_TEXTS = {
    "arabic": "أريد أن أبقى في البيت",
    "hebrew with numbers": "רוצה לנסוע לים ב-2026",
    "bidi controls": "\u202bنص\u202c and \u200fmarks\u200e and an override \u202eabc\u202c",
    "emoji": "🌊🐕‍🦺👩🏽‍🦳❤️🏳️‍🌈🇳🇿",
    "combining, not normalised": "Zoe\u0308 and Ame\u0301lie",
    "zalgo": "h\u0335\u0347\u0317e\u0338\u0359l\u0334\u0318p",
    "cjk and beyond the BMP": "我还是我 𠜎𠜱𝄞",
    "odd but printable": "\ufeffBOM, \u200bzero-width, \ufffe\uffff non-characters, \u2028line separator",
    "tabs and blank lines": "\tindent\n\n\nthree blank lines\n",
}


@pytest.mark.parametrize("kind", list(EXACT_TEXTS))
def test_text_in_any_script_is_saved_and_read_back_exactly(store: Store, kind: str) -> None:
    text = EXACT_TEXTS[kind]
    plan = full_plan(name=f"Name {text}")
    plan.matters[0].text = text
    plan.goals.append(Goal(title=text, id="g-odd"))
    saved = save_and_reload(store, plan)
    assert saved == plan
    assert saved.matters[0].text == text
    if kind == "combining, not normalised":
        assert not unicodedata.is_normalized("NFC", saved.matters[0].text)


def test_a_plan_for_someone_named_only_in_a_non_latin_script_gets_a_safe_id(store: Store) -> None:
    with store.create_plan(full_plan("محمد")) as opened:
        assert opened.id.startswith("plan-")
    with store.create_plan(full_plan("😀")) as opened:
        assert opened.id.startswith("plan-")
    assert [summary.person for summary in store.list_plans()] == ["محمد", "😀"]


def test_a_name_that_looks_like_a_path_stays_inside_the_plans_folder(
    store: Store, data_dir: Path
) -> None:
    with store.create_plan(full_plan("../../etc/passwd")) as opened:
        assert opened.id.startswith("etc-passwd-")
        assert opened.path.parent == locations.plans_dir(data_dir)
    with store.create_plan(full_plan("x" * MAX_TEXT)) as opened:
        assert len(opened.id) <= 24 + 5


# --- people with the same name ---------------------------------------------------------------------


def test_two_people_with_the_same_name_get_separate_plans_and_asking_by_name_is_clear(
    store: Store,
) -> None:
    ids = []
    for illness in ("heart failure", "lung cancer"):
        plan = full_plan("John Smith")
        plan.about.illness = illness
        with store.create_plan(plan) as opened:
            opened.save_version(plan, saved_by="Test")
            ids.append(opened.id)
    assert len(set(ids)) == 2
    with pytest.raises(AmbiguousPlan) as raised:
        store.resolve("John")
    message = str(raised.value)
    assert message == (
        f'"John" matches more than one plan: '
        f"{'; '.join(sorted(f'John Smith (born 14 Mar 1958; id {i})' for i in ids))}. "
        "To pick one, give its id in place of the name."
    )
    for plan_id in ids:
        assert store.resolve(plan_id) == plan_id
    illnesses = set()
    for plan_id in ids:
        with store.open_plan(plan_id, write=False) as opened:
            illnesses.add(opened.load().about.illness)
    assert illnesses == {"heart failure", "lung cancer"}


# --- dates far away and dates that do not exist -----------------------------------------------------


def test_dates_far_in_the_past_or_future_are_stored_as_they_are(store: Store) -> None:
    plan = full_plan()
    plan.about.date_of_birth = PartialDate(1, 1, 1)
    plan.next_review = date(9999, 12, 31)
    plan.goals[0].started_on = date(2028, 2, 29)
    assert save_and_reload(store, plan) == plan


def test_typed_dates_outside_1900_to_2200_or_that_do_not_exist_are_refused_plainly() -> None:
    for typed in ("30 February 2026", "1 Jan 1066", "in 300 years", "2026-13-01"):
        with pytest.raises(InvalidDate):
            parse_date(typed, today=date(2026, 1, 1))


def test_a_file_saying_30_february_names_the_field() -> None:
    with pytest.raises(
        InvalidPlanFile, match=r'plan.next_review: "2026-02-30" is not a date written as YYYY-MM-DD'
    ):
        from_dict(CarePlan, {"next_review": "2026-02-30"})
    with pytest.raises(InvalidPlanFile, match=r"plan.goals\[0\].started_on"):
        from_dict(CarePlan, {"goals": [{"started_on": 20260101}]})


# --- values of the wrong kind from a file ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "where"),
    [
        ({"about": []}, "plan.about: should be a group of fields"),
        ({"about": {"name": 7}}, "plan.about.name: should be text"),
        ({"goals": {"0": {}}}, "plan.goals: should be a list"),
        ({"goals": [None]}, r"plan.goals\[0\]: should be a group of fields"),
        (
            {"team": [{"first_contact": "yes"}]},
            r"plan.team\[0\].first_contact: should be true or false",
        ),
        (
            {"checkin": {"function_level": 7.5}},
            "plan.checkin.function_level: should be a whole number",
        ),
        (
            {"checkin": {"symptoms": {"pain": True}}},
            "plan.checkin.symptoms.pain: should be a whole number",
        ),
        (
            {"treatment_decisions": [{"questions": ["ok", 3]}]},
            r"plan.treatment_decisions\[0\].questions\[1\]: should be text",
        ),
    ],
)
def test_a_value_of_the_wrong_kind_names_the_field(data: dict, where: str) -> None:
    with pytest.raises(InvalidPlanFile, match=where):
        from_dict(CarePlan, data)


def test_huge_numbers_and_unknown_symptoms_are_problems_not_crashes() -> None:
    plan = from_dict(
        CarePlan, {"about": {"name": "A"}, "checkin": {"symptoms": {"pain": 10**30, "itch": 1}}}
    )
    assert problems(plan) == {
        "checkin.symptoms.pain": "should be from 0 (none) to 10 (worst)",
        "checkin.symptoms.itch": "is not one of the nine symptoms",
    }


def test_unknown_fields_from_a_newer_careplan_are_ignored_not_fatal() -> None:
    plan = from_dict(CarePlan, {"about": {"name": "A", "pronouns": "she/her"}, "wishes": ["x"]})
    assert plan.about.name == "A"


def test_a_plan_with_thousands_of_items_is_saved_and_read_back(store: Store) -> None:
    plan = full_plan()
    plan.matters = [Statement(text=f"thought {n}", id=f"s{n}") for n in range(3000)]
    assert save_and_reload(store, plan) == plan


def test_tidy_walks_every_text_field_of_the_model() -> None:
    """Put a control character in every text field the model has (found from its type hints, so a
    field added later is covered too): tidy must clean every one."""
    plan = full_plan()
    dirtied = []

    def dirty(value: object) -> None:
        if isinstance(value, list):
            for item in value:
                dirty(item)
        elif dataclasses.is_dataclass(value):
            hints = typing.get_type_hints(type(value))
            for field in dataclasses.fields(value):
                if hints[field.name] is str:
                    setattr(value, field.name, "\x07" + getattr(value, field.name))
                    dirtied.append(field.name)
                elif hints[field.name] == list[str]:
                    setattr(
                        value,
                        field.name,
                        ["\x07" + item for item in getattr(value, field.name)] or ["\x07"],
                    )
                    dirtied.append(field.name)
                else:
                    dirty(getattr(value, field.name))

    dirty(plan)
    assert len(dirtied) > 40
    tidy(plan)
    assert "\x07" not in json.dumps(to_dict(plan), ensure_ascii=False)
