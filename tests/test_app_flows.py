"""The whole app through the Pilot: the caseload, starting and opening plans, About us, What
matters most, Review and save, and what the store holds afterwards."""

from __future__ import annotations

from datetime import date

from textual.message import Message
from textual.widgets import DataTable, Input, Static

from careplan import locations
from careplan.model import About, CarePlan
from careplan.partial_dates import PartialDate
from careplan.screens.about import AboutScreen
from careplan.screens.app import CarePlanApp
from careplan.screens.matters import MattersScreen
from careplan.screens.messages import PlanSaved
from careplan.screens.new_plan import NewPlanScreen
from careplan.screens.plan_home import PlanHomeScreen
from careplan.screens.plans import PlansScreen
from careplan.screens.review import ReviewScreen
from careplan.store import Store
from tests.conftest import OpenApp
from tests.pilot_helpers import SIZE, add_plan, draft_plan, settle, shown, type_into

# --- the caseload --------------------------------------------------------------------------------


async def test_an_empty_caseload_welcomes_and_says_how_to_start(
    store: Store, open_app: OpenApp
) -> None:
    async with open_app() as pilot:
        app = pilot.app
        assert isinstance(app.screen, PlansScreen)
        welcome = app.screen.query_one("#welcome", Static)
        assert welcome.display
        assert "no plans here yet" in shown(app, "#welcome")
        assert "Press N" in shown(app, "#welcome")
        assert not app.screen.query_one(DataTable).display


async def test_a_new_plan_needs_a_name_then_is_in_the_store(
    store: Store, open_app: OpenApp
) -> None:
    async with open_app() as pilot:
        app = pilot.app
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NewPlanScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, NewPlanScreen)  # kept open, with a kind word
        assert "A name is all that is needed" in shown(app, "#name-message")
        await pilot.press(*"Ruth Okafor", "enter")
        await settle(pilot)
        assert isinstance(app.screen, PlanHomeScreen)
        assert [summary.person for summary in store.list_plans()] == ["Ruth Okafor"]
        assert app.working is not None and app.working.plan.about.name == "Ruth Okafor"


async def test_one_plan_opens_straight_into_its_home(store: Store, open_app: OpenApp) -> None:
    add_plan(store, "Ruth Okafor")
    async with open_app() as pilot:
        app = pilot.app
        assert isinstance(app.screen, PlanHomeScreen)
        assert "Version 1, saved" in shown(app, "#home-status")
        await pilot.press("escape")  # back to all plans: the plan is let go, not reopened
        await settle(pilot)
        assert isinstance(app.screen, PlansScreen)
        assert app.working is None
        with store.open_plan(store.plan_ids()[0]) as again:  # the lock was released
            assert not again.read_only


async def test_typing_filters_the_caseload_and_enter_opens_the_match(
    store: Store, open_app: OpenApp
) -> None:
    add_plan(store, "Ruth Okafor")
    add_plan(store, "Margaret Ellis")
    add_plan(store, "Marcus Brown")
    async with open_app() as pilot:
        app = pilot.app
        table = app.screen.query_one(DataTable)
        assert table.row_count == 3
        await pilot.press("slash", *"mar")
        await pilot.pause()
        assert table.row_count == 2
        await pilot.press(*"g")
        await pilot.pause()
        assert table.row_count == 1
        await pilot.press(*"zz")
        await pilot.pause()
        assert table.row_count == 0
        assert "No plan matches" in shown(app, "#plan-detail")
        await pilot.press("backspace", "backspace", "enter")
        await settle(pilot)
        assert isinstance(app.screen, PlanHomeScreen)
        assert app.working is not None and app.working.plan.person == "Margaret Ellis"


async def test_overdue_reviews_are_marked_in_words(store: Store, open_app: OpenApp) -> None:
    plan = CarePlan(about=About(name="Ruth Okafor"), next_review=date(2026, 1, 5))
    with store.create_plan(plan) as plan_file:
        plan_file.save_version(plan, saved_by="Priya")
    add_plan(store, "Margaret Ellis")
    async with open_app(today=date(2026, 2, 1)) as pilot:
        app = pilot.app
        table = app.screen.query_one(DataTable)
        rows = {
            str(table.get_row_at(index)[0]): table.get_row_at(index)
            for index in range(table.row_count)
        }
        assert "overdue" in str(rows["Ruth Okafor"][3])
        assert str(rows["Margaret Ellis"][3]) == "none set"


async def test_a_damaged_plan_is_listed_with_its_message_and_the_others_still_open(
    store: Store, open_app: OpenApp
) -> None:
    add_plan(store, "Ruth Okafor")
    broken = add_plan(store, "Margaret Ellis")
    path = locations.plan_file(store.root, broken)
    path.write_bytes(b"{ this is not a plan")
    async with open_app() as pilot:
        app = pilot.app
        assert isinstance(app.screen, PlansScreen)  # two plans listed: nothing opened by itself
        table = app.screen.query_one(DataTable)
        table.move_cursor(row=table.get_row_index(broken))
        await pilot.pause()
        assert "can't be read" in str(table.get_row(broken)[4])
        assert "could not be read" in shown(app, "#plan-detail")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PlansScreen)  # not opened, no dead end
        assert path.read_bytes() == b"{ this is not a plan"  # untouched
        table.move_cursor(
            row=table.get_row_index(next(s.id for s in store.list_plans() if s.id != broken))
        )
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PlanHomeScreen)
        assert app.working is not None and app.working.plan.person == "Ruth Okafor"


# --- About us, What matters most -------------------------------------------------------------------


async def test_about_us_is_kept_in_the_draft_as_typed(store: Store, open_app: OpenApp) -> None:
    plan_id = add_plan(store, "Ruth Okafor")
    async with open_app() as pilot:
        app = pilot.app
        await pilot.press("1")
        await pilot.pause()
        assert isinstance(app.screen, AboutScreen)
        await type_into(pilot, "#about-name", "Ruth Adaeze Okafor")
        await type_into(pilot, "#about-preferred", "Ruthie")
        await type_into(pilot, "#about-dob Input", "31 Feb 1950")
        assert "Could not read" in shown(app, "#about-dob .date-echo")
        await type_into(pilot, "#about-dob Input", "3 March 1956")
        assert "Saturday 3 March 1956" in shown(app, "#about-dob .date-echo")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PlanHomeScreen)
        about = draft_plan(store, plan_id).about
        assert about.name == "Ruth Adaeze Okafor"
        assert about.preferred_name == "Ruthie"
        assert about.date_of_birth == PartialDate(1956, 3, 3)


async def test_about_us_adds_people_taking_part(store: Store, open_app: OpenApp) -> None:
    plan_id = add_plan(store, "Ruth Okafor")
    async with open_app() as pilot:
        app = pilot.app
        await pilot.press("1")
        await pilot.pause()
        await pilot.press("ctrl+n")  # the "Add someone" key
        await pilot.pause()
        await pilot.press(*"Sam Okafor")
        relationship = app.screen.query(".participant-relationship").last()
        relationship.focus()
        await pilot.press(*"son")
        await pilot.press("escape")
        await pilot.pause()
        people = draft_plan(store, plan_id).about.participants
        assert [(p.name, p.role, p.relationship) for p in people] == [
            ("Sam Okafor", "person", "son")
        ]


async def test_someone_taking_part_can_say_what_they_like_to_be_called(
    store: Store, open_app: OpenApp
) -> None:
    plan_id = add_plan(store, "Dana Whitfield")
    async with open_app() as pilot:
        app = pilot.app
        await pilot.press("1")
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press(*"Marcus Whitfield")
        app.screen.query(".participant-called").last().focus()
        await pilot.press(*"Marcus")
        await pilot.press("escape")
        await pilot.pause()
        [marcus] = draft_plan(store, plan_id).about.participants
        assert (marcus.name, marcus.preferred_name) == ("Marcus Whitfield", "Marcus")


async def test_a_new_statement_takes_the_voice_of_whoever_is_speaking(
    store: Store, open_app: OpenApp
) -> None:
    plan_id = add_plan(store, "Ruth Okafor")
    async with open_app() as pilot:
        app = pilot.app
        await pilot.press("2")
        await pilot.pause()
        assert isinstance(app.screen, MattersScreen)
        assert app.working is not None and app.working.speaker == "together"
        await pilot.press("f2")  # together -> person
        await pilot.press("f2")  # person -> caregiver
        await pilot.pause()
        assert "Speaking now: Caregiver" in shown(app, "#speaker-label")  # no name given: the label
        await pilot.click("#add-hope")
        await pilot.pause()
        await pilot.press(*"That Ruth gets to the coast in June")
        await pilot.press("escape")
        await pilot.pause()
        statements = draft_plan(store, plan_id).matters
        assert [(s.kind, s.voice, s.text) for s in statements] == [
            ("hope", "caregiver", "That Ruth gets to the coast in June")
        ]


async def test_another_view_is_kept_beside_the_statement(store: Store, open_app: OpenApp) -> None:
    plan_id = add_plan(store, "Ruth Okafor")
    async with open_app() as pilot:
        await pilot.press("2", "f2")  # speaking: Ruth
        await pilot.pause()
        await pilot.click("#add-worry")
        await pilot.pause()
        await pilot.press(*"Being a burden")
        await pilot.press("f2")  # now the caregiver speaks
        await pilot.click(".statement-add-view")
        await pilot.pause()
        await pilot.press(*"You are not a burden")
        await pilot.press("escape")
        await pilot.pause()
        (statement,) = draft_plan(store, plan_id).matters
        assert (statement.voice, statement.text) == ("person", "Being a burden")
        assert [(v.voice, v.text) for v in statement.other_views] == [
            ("caregiver", "You are not a burden")
        ]


# --- review and save -------------------------------------------------------------------------------


async def test_review_keeps_who_and_the_note_while_something_is_fixed_elsewhere(
    store: Store, open_app: OpenApp
) -> None:
    """Leaving Review and save to fix something (its "Go to" buttons, or Esc) and coming back
    finds the name and the note as they were typed."""
    plan_id = add_plan(store, "Ruth Okafor")
    async with open_app() as pilot:
        app = pilot.app
        await pilot.press("1")
        await settle(pilot)
        await type_into(pilot, "#about-preferred", "Ruthie")
        await pilot.press("ctrl+s")
        await settle(pilot)
        await type_into(pilot, "#saved-by", "Sam")
        await type_into(pilot, "#version-note", "after the clinic")
        app.screen.query_one("#save").focus()
        await pilot.press("escape")  # off to change something else first
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        assert app.screen.query_one("#saved-by", Input).value == "Sam"
        assert app.screen.query_one("#version-note", Input).value == "after the clinic"
        await pilot.click("#save")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("ctrl+s")  # after the save, a new version starts with an empty note
        await settle(pilot)
        assert app.screen.query_one("#version-note", Input).value == ""
    with store.open_plan(plan_id, write=False) as plan_file:
        assert (plan_file.version(2).saved_by, plan_file.version(2).note) == (
            "Sam",
            "after the clinic",
        )


async def test_review_and_save_makes_version_two_with_who_and_note(store: Store) -> None:
    plan_id = add_plan(store, "Ruth Okafor")
    saved: list[Message] = []
    app = CarePlanApp(store)
    async with app.run_test(
        size=SIZE, message_hook=lambda m: saved.append(m) if isinstance(m, PlanSaved) else None
    ) as pilot:
        await settle(pilot)
        await pilot.press("1")
        await pilot.pause()
        await type_into(pilot, "#about-preferred", "Ruthie")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert "Changed since version 1" in shown(app, "#review-changes")
        await type_into(pilot, "#saved-by", "Ruth and Sam")
        await type_into(pilot, "#version-note", "after the clinic")
        await pilot.click("#save")
        await settle(pilot)
        assert "Saved as version 2" in shown(app, "#review-result")
        posted = {
            id(message): message for message in saved
        }  # the hook sees it at each stop as it bubbles
        assert [message.info.number for message in posted.values()] == [2]
    with store.open_plan(plan_id, write=False) as plan_file:
        info = plan_file.version(2)
        assert (info.saved_by, info.note) == ("Ruth and Sam", "after the clinic")
        assert plan_file.load(2).about.preferred_name == "Ruthie"
        assert plan_file.draft() is None


async def test_a_problem_is_named_with_a_way_straight_to_it(
    store: Store, open_app: OpenApp
) -> None:
    plan_id = add_plan(store, "Ruth Okafor")
    async with open_app() as pilot:
        app = pilot.app
        await pilot.press("1")
        await pilot.pause()
        await type_into(pilot, "#about-name", "")
        assert "name is needed" in shown(app, "#about-name-message")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert (
            app.screen.query_one("#saved-by", Input).value == ""
        )  # "Together" is not anyone's name
        await type_into(pilot, "#saved-by", "Sam")
        await pilot.click("#save")
        await settle(pilot)
        problems = str(app.screen.query_one(".problem-text", Static).render())
        assert "About us" in problems and "name is needed" in problems
        assert "need a look" in shown(app, "#review-result")
        await pilot.click(".fix-button")
        await pilot.pause()
        assert isinstance(app.screen, AboutScreen)
        assert "name is needed" in shown(app, "#about-name-message")
    with store.open_plan(plan_id, write=False) as plan_file:
        assert plan_file.latest == 1  # nothing saved


async def test_discard_asks_first_then_goes_back_to_the_saved_version(
    store: Store, open_app: OpenApp
) -> None:
    plan_id = add_plan(store, "Ruth Okafor")
    async with open_app() as pilot:
        app = pilot.app
        await pilot.press("1")
        await pilot.pause()
        await type_into(pilot, "#about-preferred", "Ruthie")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.click("#discard")
        await pilot.pause()
        await pilot.press("enter")  # the safe answer has the focus: keep
        await pilot.pause()
        assert app.working is not None and app.working.plan.about.preferred_name == "Ruthie"
        await pilot.click("#discard")
        await pilot.pause()
        await pilot.click("#answer-yes")
        await pilot.pause()
        assert app.working.plan.about.preferred_name == ""
        assert "Changes discarded" in shown(app, "#review-result")
    with store.open_plan(plan_id, write=False) as plan_file:
        assert plan_file.draft() is None


async def test_an_unexpected_failure_while_saving_is_said_calmly_and_loses_nothing(
    store: Store, monkeypatch, open_app: OpenApp
) -> None:
    plan_id = add_plan(store, "Ruth Okafor")
    async with open_app() as pilot:
        app = pilot.app
        await pilot.press("1")
        await pilot.pause()
        await type_into(pilot, "#about-preferred", "Ruthie")
        await pilot.press("ctrl+s")
        await pilot.pause()

        def broken(*args, **kwargs):
            raise RuntimeError("a bug, not something the person did")

        monkeypatch.setattr(app.working.file, "save_version", broken)
        await type_into(pilot, "#saved-by", "Sam")
        await pilot.press("enter")
        await settle(pilot)
        assert "Not saved: something unexpected went wrong" in shown(app, "#review-result")
        assert not app.screen.query_one("#save").disabled
    assert draft_plan(store, plan_id).about.preferred_name == "Ruthie"


async def test_the_plan_home_suggests_where_to_go_next(store: Store, open_app: OpenApp) -> None:
    add_plan(store, "Ruth Okafor")
    async with open_app() as pilot:
        app = pilot.app
        assert "Where next: What matters most has nothing in it yet (press 2)" in shown(
            app, "#home-status"
        )
        await pilot.press("2")
        await pilot.pause()
        await pilot.click("#add-hope")
        await pilot.press(*"The coast in June", "escape")
        await settle(pilot)
        assert "How things are now has nothing in it yet (press 3)" in shown(app, "#home-status")
        assert "* changed since version 1, not saved yet" in app.screen.section_details("matters")


async def test_a_section_opens_at_its_top_with_the_first_fields_label_in_sight(
    store: Store, open_app: OpenApp
) -> None:
    add_plan(store, "Ruth Okafor")
    async with open_app(size=(80, 24)) as pilot:
        app = pilot.app
        await pilot.press("1")
        await settle(pilot)
        assert app.screen.focused is app.screen.query_one("#about-name")
        body = app.screen.query_one(".section-body")
        assert body.scroll_y == 0  # the "Name" label above the box is not scrolled away


async def test_someone_added_is_brought_into_sight_with_the_cursor_in_their_name(
    store: Store, open_app: OpenApp
) -> None:
    add_plan(store, "Ruth Okafor")
    async with open_app() as pilot:
        app = pilot.app
        await pilot.press("1")
        await settle(pilot)
        await pilot.press("ctrl+n", *"Sam")
        await settle(pilot)
        field = app.screen.focused
        assert isinstance(field, Input) and field.value == "Sam"
        row = field.parent
        assert app.screen.can_view_entire(row)  # its name box and its Remove button both
