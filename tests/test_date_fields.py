"""Date fields: the plan's date changes only when the whole text reads as a date and the person is
done with the field; text that cannot be read waits in the draft, comes back on return and after a
restart, and a save says which date needs a look instead of saving something nobody meant."""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import Button, Input, Static

from careplan import date_fields, dates
from careplan.date_fields import DATE_FIELDS
from careplan.drafts import DraftExtra
from careplan.errors import InvalidDate
from careplan.model import CarePlan
from careplan.partial_dates import PartialDate
from careplan.screens.about import AboutScreen
from careplan.screens.plan_home import PlanHomeScreen
from careplan.screens.review import ReviewScreen
from careplan.screens.widgets.date_field import DateField
from careplan.store import Store
from tests.conftest import OpenApp
from tests.pilot_helpers import add_plan, settle, shown

TODAY = date(2026, 6, 1)


def draft(store: Store, plan_id: str):
    """What is on disk now, read the way another process would."""
    with store.open_plan(plan_id, write=False) as plan_file:
        found = plan_file.draft()
        assert found is not None
        return found


def latest(store: Store, plan_id: str) -> int | None:
    with store.open_plan(plan_id, write=False) as plan_file:
        return plan_file.latest


async def open_section(pilot, key: str) -> None:
    await pilot.press(key)
    await settle(pilot)


async def type_fresh(pilot, selector: str, text: str) -> None:
    field = pilot.app.screen.query_one(selector, Input)
    field.focus()
    field.value = ""
    await pilot.pause()
    await pilot.press(*text)
    await pilot.pause()


# --- the domain ------------------------------------------------------------------------------------


def test_a_readable_text_goes_into_the_plan_and_stops_waiting() -> None:
    plan, extra = CarePlan(), DraftExtra(typed_dates={"about.date_of_birth": "3 March 19"})
    assert date_fields.take_typed(plan, extra, "about.date_of_birth", "3 March 1956")
    assert plan.about.date_of_birth == PartialDate(1956, 3, 3)
    assert not extra.typed_dates


def test_an_unreadable_text_waits_and_the_plan_keeps_its_date() -> None:
    plan, extra = CarePlan(next_review=date(2026, 7, 1)), DraftExtra()
    assert date_fields.take_typed(plan, extra, "next_review", "next tuesdayish")
    assert plan.next_review == date(2026, 7, 1)
    assert extra.typed_dates == {"next_review": "next tuesdayish"}
    [waiting] = date_fields.waiting_dates(extra)
    assert waiting.field.label == "Next review" and waiting.text == "next tuesdayish"
    assert 'Could not read "next tuesdayish"' in waiting.problem


def test_empty_text_clears_the_date() -> None:
    plan = CarePlan(next_review=date(2026, 7, 1))
    assert date_fields.take_typed(plan, DraftExtra(), "next_review", "  ")
    assert plan.next_review is None


def test_the_date_of_birth_suggests_ways_to_type_a_birth_date_only() -> None:
    info = DATE_FIELDS["about.date_of_birth"]
    with pytest.raises(InvalidDate) as raised:
        date_fields.read_typed(info.key, "sometime")
    for words in (str(raised.value), info.hint):
        assert "3 March 1956" in words
        assert "tomorrow" not in words and "in 3 weeks" not in words


@pytest.mark.parametrize("key", list(DATE_FIELDS))
def test_a_date_in_words_reads_back_as_the_same_date(key: str) -> None:
    partial = DATE_FIELDS[key].partial
    for day in (date(1956, 3, 3), date(2026, 12, 24), date(2028, 2, 29)):
        expected = PartialDate.of(day) if partial else day
        assert date_fields.read_typed(key, dates.day_in_words(day)) == expected


@pytest.mark.parametrize(
    ("typed", "kept"),
    [("1973", PartialDate(1973)), ("March 1974", PartialDate(1974, 3)), ("", None)],
)
def test_the_date_of_birth_keeps_a_year_or_a_month_as_given(
    typed: str, kept: PartialDate | None
) -> None:
    plan = CarePlan()
    date_fields.take_typed(plan, DraftExtra(), "about.date_of_birth", typed, TODAY)
    assert plan.about.date_of_birth == kept


def test_a_field_that_needs_a_day_says_so_for_a_month() -> None:
    with pytest.raises(InvalidDate, match="which day"):
        date_fields.read_typed("next_review", "March 2027", TODAY)


def test_every_date_field_says_which_way_it_looks() -> None:
    assert date_fields.looking("about.date_of_birth") == "back"
    assert date_fields.looking("next_review") == "ahead"
    assert date_fields.looking(date_fields.decision_date_key("d-1", "starts_on")) == "ahead"
    assert date_fields.looking(date_fields.decision_date_key("d-1", "look_again_on")) == "ahead"
    assert date_fields.looking("session_date") == "back"
    assert date_fields.looking("advance_care.documents.dated") == "back"
    # typed in December, "12 Sep" is the next one for a review and the last one for a birth
    december = date(2026, 12, 2)
    assert date_fields.read_typed("next_review", "12 Sep", december) == date(2027, 9, 12)
    assert date_fields.read_typed("about.date_of_birth", "12 Sep", december) == PartialDate(
        2026, 9, 12
    )


def test_gentle_notes_for_a_partial_birth_date_compare_only_what_was_given() -> None:
    assert date_fields.gentle_note("about.date_of_birth", PartialDate(TODAY.year), TODAY) == ""
    assert "future" in date_fields.gentle_note(
        "about.date_of_birth", PartialDate(TODAY.year + 1), TODAY
    )


def test_gentle_notes_for_a_birth_to_come_and_a_review_gone_by() -> None:
    assert "future" in date_fields.gentle_note("about.date_of_birth", date(2027, 1, 1), TODAY)
    assert date_fields.gentle_note("about.date_of_birth", date(1956, 3, 3), TODAY) == ""
    assert "gone by" in date_fields.gentle_note("next_review", date(2026, 5, 1), TODAY)
    assert date_fields.gentle_note("next_review", date(2026, 7, 1), TODAY) == ""
    assert (
        date_fields.gentle_note("treatment_decisions.d1.starts_on", date(2020, 1, 1), TODAY) == ""
    )


# --- on screen -------------------------------------------------------------------------------------


async def test_a_date_is_shown_in_words_with_a_hint_that_fits(
    store: Store, open_app: OpenApp
) -> None:
    add_plan(store, date_of_birth=PartialDate(1956, 3, 3))
    async with open_app(today=TODAY) as pilot:
        app = pilot.app
        await open_section(pilot, "1")
        assert app.screen.query_one("#about-dob Input", Input).value == "3 March 1956"
        assert shown(app, "#about-dob .date-echo") == "= Saturday 3 March 1956"
        await type_fresh(pilot, "#about-dob Input", "")
        echo = shown(app, "#about-dob .date-echo")
        assert "3 March 1956" in echo and "tomorrow" not in echo and "weeks" not in echo


async def test_typing_30_february_never_puts_30_november_in_the_plan(
    store: Store, open_app: OpenApp
) -> None:
    plan_id = add_plan(store)
    async with open_app(today=TODAY) as pilot:
        app = pilot.app
        await open_section(pilot, "1")
        await type_fresh(pilot, "#about-dob Input", "30")
        assert "30 June" in shown(
            app, "#about-dob .date-echo"
        )  # how it reads so far, in the app's month
        assert (
            app.working is not None and app.working.plan.about.date_of_birth is None
        )  # not taken in
        await pilot.press(*" February")
        await pilot.pause()
        assert "Could not read" in shown(app, "#about-dob .date-echo")
        assert app.working.plan.about.date_of_birth is None
        await pilot.press("escape")  # leaving the screen: the text waits in the draft
        await settle(pilot)
        assert isinstance(app.screen, PlanHomeScreen)
        kept = draft(store, plan_id)
        assert kept.plan.about.date_of_birth is None
        assert kept.extra.typed_dates == {"about.date_of_birth": "30 February"}
        await open_section(pilot, "1")  # back again: the text is there, as typed
        assert app.screen.query_one("#about-dob Input", Input).value == "30 February"
        assert "Could not read" in shown(app, "#about-dob .date-echo")


async def test_enter_takes_a_whole_date_in_and_clears_the_waiting_text(
    store: Store, open_app: OpenApp
) -> None:
    plan_id = add_plan(store)
    async with open_app(today=TODAY) as pilot:
        app = pilot.app
        await open_section(pilot, "1")
        await type_fresh(pilot, "#about-dob Input", "3 March 1956")
        assert app.working is not None and app.working.plan.about.date_of_birth is None
        await pilot.press("enter")
        await settle(pilot)
        assert app.working.plan.about.date_of_birth == PartialDate(1956, 3, 3)
        assert not app.working.extra.typed_dates
        kept = draft(store, plan_id)  # written at once, not after a pause
        assert (
            kept.plan.about.date_of_birth == PartialDate(1956, 3, 3) and not kept.extra.typed_dates
        )


async def test_moving_on_with_tab_takes_the_date_in(store: Store, open_app: OpenApp) -> None:
    add_plan(store)
    async with open_app(today=TODAY) as pilot:
        app = pilot.app
        await open_section(pilot, "1")
        await type_fresh(pilot, "#about-dob Input", "1956-03-03")
        await pilot.press("tab")
        await settle(pilot)
        assert app.working is not None and app.working.plan.about.date_of_birth == PartialDate(
            1956, 3, 3
        )


async def test_a_birth_date_in_the_future_gets_a_gentle_note_and_still_saves(
    store: Store, open_app: OpenApp
) -> None:
    plan_id = add_plan(store)
    async with open_app(today=TODAY) as pilot:
        app = pilot.app
        await open_section(pilot, "1")
        await type_fresh(pilot, "#about-dob Input", "3 March 2056")
        assert "is the year right?" in shown(app, "#about-dob .date-echo")
        await pilot.press("ctrl+s")
        await settle(pilot)
        await type_fresh(pilot, "#saved-by", "Priya")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Saved as version 2" in shown(app, "#review-result")
    with store.open_plan(plan_id, write=False) as plan_file:
        assert plan_file.load(2).about.date_of_birth == PartialDate(2056, 3, 3)


async def test_a_review_date_gone_by_gets_a_gentle_note(store: Store, open_app: OpenApp) -> None:
    add_plan(store)
    async with open_app(today=TODAY) as pilot:
        app = pilot.app
        await open_section(pilot, "9")
        await type_fresh(pilot, "#next-review Input", "1 May 2026")
        assert "already gone by" in shown(app, "#next-review .date-echo")


async def test_an_unreadable_review_date_stops_the_save_and_keeps_the_old_date(
    store: Store, open_app: OpenApp
) -> None:
    plan_id = add_plan(store)
    with store.open_plan(plan_id) as plan_file:
        plan = plan_file.load()
        plan.next_review = date(2026, 7, 1)
        plan_file.save_version(plan, saved_by="Priya")  # version 2 has a review date
    async with open_app(today=TODAY) as pilot:
        app = pilot.app
        await open_section(pilot, "9")
        assert isinstance(app.screen, ReviewScreen)
        await type_fresh(pilot, "#saved-by", "Priya")
        await type_fresh(pilot, "#next-review Input", "next tuesdayish")
        await pilot.press("ctrl+s")
        await settle(pilot)
        result = shown(app, "#review-result")
        assert "Not saved yet" in result and 'Next review ("next tuesdayish")' in result
        problems = " ".join(
            str(row.render()) for row in app.screen.query(".problem-text").results(Static)
        )
        assert "next tuesdayish" in problems
        assert latest(store, plan_id) == 2  # nothing saved
        assert app.working is not None and app.working.plan.next_review == date(2026, 7, 1)
        assert draft(store, plan_id).extra.typed_dates == {"next_review": "next tuesdayish"}

        app.screen.query_one("#saved-by", Input).focus()
        await pilot.click(".date-fix-button")  # "Go to the date"
        await settle(pilot)
        assert app.focused is app.screen.query_one("#next-review Input")

        await type_fresh(pilot, "#next-review Input", "")  # clearing it is a choice, and saves
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Saved as version 3" in shown(app, "#review-result")
    with store.open_plan(plan_id, write=False) as plan_file:
        assert plan_file.load(3).next_review is None


async def test_an_unreadable_birth_date_elsewhere_is_named_with_a_way_to_it(
    store: Store, open_app: OpenApp
) -> None:
    plan_id = add_plan(store, date_of_birth=PartialDate(1956, 3, 3))
    async with open_app(today=TODAY) as pilot:
        app = pilot.app
        await open_section(pilot, "1")
        await type_fresh(pilot, "#about-name", "Ruth Adaeze Okafor")
        await type_fresh(pilot, "#about-dob Input", "3 Marhc")
        echo = shown(app, "#about-dob .date-echo")
        assert "Could not read" in echo and "the plan keeps 3 March 1956" in echo
        await pilot.press("ctrl+s")  # to Review and save
        await settle(pilot)
        await type_fresh(pilot, "#saved-by", "Priya")
        await pilot.press("enter")
        await settle(pilot)
        assert "Date of birth" in shown(app, "#review-result")
        assert latest(store, plan_id) == 1
        button = app.screen.query_one(".date-fix-button", Button)
        assert str(button.label) == "Go to About us"
        await pilot.click(".date-fix-button")
        await settle(pilot)
        assert isinstance(app.screen, AboutScreen)
        assert app.focused is app.screen.query_one("#about-dob Input")
        assert app.screen.query_one("#about-dob Input", Input).value == "3 Marhc"
        await type_fresh(pilot, "#about-dob Input", "3 March 1957")
        await pilot.press("ctrl+s")
        await settle(pilot)
        await type_fresh(pilot, "#saved-by", "Priya")
        await pilot.press("enter")
        await settle(pilot)
        assert "Saved as version 2" in shown(app, "#review-result")
    with store.open_plan(plan_id, write=False) as plan_file:
        saved = plan_file.load(2)
        assert (
            saved.about.date_of_birth == PartialDate(1957, 3, 3)
            and saved.about.name == "Ruth Adaeze Okafor"
        )


async def test_text_waiting_in_the_draft_comes_back_after_a_restart(
    store: Store, open_app: OpenApp
) -> None:
    plan_id = add_plan(store, date_of_birth=PartialDate(1956, 3, 3))
    async with open_app(today=TODAY) as pilot:
        app = pilot.app
        await open_section(pilot, "1")
        await type_fresh(pilot, "#about-dob Input", "3 Marhc")
    # careplan closed with the cursor still in the date
    assert draft(store, plan_id).extra.typed_dates == {"about.date_of_birth": "3 Marhc"}
    async with open_app(today=TODAY) as pilot:
        app = pilot.app
        await open_section(pilot, "1")
        field = app.screen.query_one("#about-dob", DateField)
        assert field.input.value == "3 Marhc" and not field.valid
        assert app.working is not None and app.working.plan.about.date_of_birth == PartialDate(
            1956, 3, 3
        )
        await pilot.press("escape")
        await settle(pilot)
    assert draft(store, plan_id).extra.typed_dates == {"about.date_of_birth": "3 Marhc"}


async def test_a_birth_month_typed_on_screen_stays_a_month(store: Store, open_app: OpenApp) -> None:
    plan_id = add_plan(store)
    async with open_app(today=TODAY) as pilot:
        app = pilot.app
        await open_section(pilot, "1")
        await type_fresh(pilot, "#about-dob Input", "March 1958")
        assert shown(app, "#about-dob .date-echo") == "= March 1958"  # no day, no weekday
        await pilot.press("enter")
        await settle(pilot)
        assert draft(store, plan_id).plan.about.date_of_birth == PartialDate(1958, 3)
        await pilot.press("escape")
        await settle(pilot)
        await open_section(pilot, "1")  # back again: shown as it was given
        assert app.screen.query_one("#about-dob Input", Input).value == "March 1958"


async def test_a_day_without_a_year_says_which_year_each_field_took(
    store: Store, open_app: OpenApp
) -> None:
    add_plan(store)
    async with open_app(today=date(2026, 12, 2)) as pilot:
        app = pilot.app
        await open_section(pilot, "9")
        await type_fresh(pilot, "#next-review Input", "12 Sep")  # a review is to come
        echo = shown(app, "#next-review .date-echo")
        assert "12 September 2027" in echo and "the next one, 2027" in echo
        await pilot.press("escape")
        await settle(pilot)
        await open_section(pilot, "1")
        await type_fresh(pilot, "#about-dob Input", "12 Sep")  # a birth has been
        echo = shown(app, "#about-dob .date-echo")
        assert "12 September 2026" in echo and "the last one, 2026" in echo
