"""Partial dates stay partial: a year, or a month and year, is kept and shown as typed, with no day
made up; a day and month without a year is the next one or the last one, as the field looks."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from careplan import codec
from careplan.cli import main
from careplan.dates import parse_date, parse_partial_date, year_left_out
from careplan.errors import InvalidDate, InvalidPlanFile
from careplan.model import About, CarePlan
from careplan.partial_dates import PartialDate
from careplan.store import Store
from tests.storage_helpers import add_plan

TODAY = date(2026, 12, 2)


@pytest.mark.parametrize(
    ("typed", "kept", "words", "stored"),
    [
        ("1973", PartialDate(1973), "1973", "1973"),
        ("March 1974", PartialDate(1974, 3), "March 1974", "1974-03"),
        ("mar 1974", PartialDate(1974, 3), "March 1974", "1974-03"),
        ("1974-03", PartialDate(1974, 3), "March 1974", "1974-03"),
        ("12 March 1974", PartialDate(1974, 3, 12), "12 March 1974", "1974-03-12"),
    ],
)
def test_a_year_or_a_month_is_kept_as_typed(
    typed: str, kept: PartialDate, words: str, stored: str
) -> None:
    read = parse_partial_date(typed, TODAY, "back")
    value = read if isinstance(read, PartialDate) else PartialDate.of(read)
    assert value == kept
    assert value.in_words() == words
    assert value.stored() == stored
    assert PartialDate.from_stored(stored) == kept


def test_a_year_or_a_month_never_becomes_a_day() -> None:
    assert PartialDate(1973).whole_day() is None
    assert PartialDate(1974, 3).whole_day() is None
    assert PartialDate(1974, 3, 12).whole_day() == date(1974, 3, 12)
    with pytest.raises(InvalidDate, match="which day"):
        parse_date("March 2027", TODAY)  # a field that needs a day says so, it does not pick one


def test_comparing_with_a_day_uses_only_what_was_given() -> None:
    assert not PartialDate(2026).is_after(TODAY)  # this year: not in the future
    assert not PartialDate(2026, 12).is_after(TODAY)
    assert PartialDate(2027).is_after(TODAY)
    assert PartialDate(2026, 12, 3).is_after(TODAY)
    assert PartialDate(1974, 3).parts() == (1974, 3)


def test_a_month_without_a_year_is_not_a_date() -> None:
    with pytest.raises(InvalidDate, match="year too"):
        parse_partial_date("March", TODAY, "back")


@pytest.mark.parametrize(
    ("typed", "looking", "expected"),
    [
        ("12 Sep", "ahead", date(2027, 9, 12)),  # typed in December: the wedding is next September
        ("12 Sep", "back", date(2026, 9, 12)),
        ("2 Dec", "ahead", date(2026, 12, 2)),  # today counts either way
        ("2 Dec", "back", date(2026, 12, 2)),
        ("3 Dec", "back", date(2025, 12, 3)),
        ("29 Feb", "ahead", date(2028, 2, 29)),
        ("29 Feb", "back", date(2024, 2, 29)),
        ("12 Sep", None, date(2026, 9, 12)),  # no direction: this year, as before
    ],
)
def test_a_day_and_month_without_a_year_looks_the_way_the_field_does(
    typed: str, looking: str | None, expected: date
) -> None:
    assert parse_date(typed, TODAY, looking) == expected  # type: ignore[arg-type]
    assert year_left_out(typed)


@pytest.mark.parametrize("typed", ["12 Sep 2027", "tomorrow", "in 3 weeks", "1973", "friday"])
def test_only_a_missing_year_is_said_to_be_chosen(typed: str) -> None:
    assert not year_left_out(typed)


def test_the_codec_writes_a_partial_birth_date_as_typed_and_reads_old_whole_dates() -> None:
    plan = CarePlan(about=About(name="Ruth", date_of_birth=PartialDate(1958, 3)))
    data = codec.to_dict(plan)
    assert data["about"]["date_of_birth"] == "1958-03"
    assert codec.from_dict(CarePlan, data).about.date_of_birth == PartialDate(1958, 3)
    data["about"]["date_of_birth"] = "1958-06-02"  # an older file: a whole ISO day
    assert codec.from_dict(CarePlan, data).about.date_of_birth == PartialDate(1958, 6, 2)
    data["about"]["date_of_birth"] = "June 1958"
    with pytest.raises(InvalidPlanFile, match="date_of_birth"):
        codec.from_dict(CarePlan, data)


def test_a_partial_date_cannot_be_changed_or_made_impossible() -> None:
    with pytest.raises(AttributeError):
        PartialDate(1973).year = 1974  # type: ignore[misc]
    with pytest.raises(ValueError):
        PartialDate(1974, 2, 30)
    with pytest.raises(ValueError):
        PartialDate(1974, None, 3)


# --- through the command line ----------------------------------------------------------------------


def test_a_partial_birth_date_is_exported_and_imported_as_given(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan_id = add_plan(store, "Ruth Okafor", date_of_birth=PartialDate(1958, 3))
    assert main(["export", plan_id]) == 0
    markdown = capsys.readouterr().out
    assert "**Date of birth:** March 1958" in markdown
    exported = tmp_path / "ruth.json"
    assert main(["export", plan_id, "--format", "json", "-o", str(exported)]) == 0
    capsys.readouterr()
    document = json.loads(exported.read_text(encoding="utf-8"))
    assert document["plan"]["about"]["date_of_birth"] == "1958-03"
    elsewhere = tmp_path / "elsewhere"
    assert main(["--data-dir", str(elsewhere), "import", str(exported), "--format", "json"]) == 0
    new_id = json.loads(capsys.readouterr().out)["id"]
    with Store(elsewhere).open_plan(new_id, write=False) as copy:
        assert copy.load().about.date_of_birth == PartialDate(1958, 3)


def test_an_imported_birth_year_out_of_range_is_named(tmp_path: Path, capsys) -> None:
    document = tmp_path / "old.json"
    document.write_text(
        json.dumps(
            {
                "format": "careplan-plan",
                "format_version": 1,
                "plan": {"about": {"name": "A", "date_of_birth": "1800"}},
            }
        ),
        encoding="utf-8",
    )
    assert main(["--data-dir", str(tmp_path / "data"), "import", str(document)]) != 0
    assert "the year should be between 1900 and 2200" in capsys.readouterr().err
