"""Words people typed are shown as typed, on every screen, and never read as markup.

A name like "Sam [/]" or a goal like "[bold]" once crashed the app (Rich/Textual markup), at every
launch when it was a plan's name. Here every text field of a plan holds markup-like and unusual
text, two versions are saved, and the real app is driven through every screen, section, editor,
history view, the guided session and help. `run_test` re-raises any exception the app meets, so
reaching the end of each test means nothing crashed; the checks on what the screen shows make
sure "[b]bold[/b]" reads as those very characters, not as bold.
"""

from __future__ import annotations

from datetime import date

import pytest
from textual.message import Message
from textual.notifications import Notify
from textual.widgets import Button, DataTable

from careplan.goals import adapt_goal
from careplan.model import (
    About,
    AdvanceCare,
    CarePlan,
    CareWish,
    CheckIn,
    Goal,
    Modification,
    Participant,
    PlanningDocument,
    Spokesperson,
    Statement,
    TeamMember,
    TreatmentDecision,
    View,
)
from careplan.partial_dates import PartialDate
from careplan.screens.app import CarePlanApp
from careplan.screens.compare import CompareScreen
from careplan.screens.export import ExportScreen
from careplan.screens.guided import STEPS
from careplan.screens.help import HelpScreen
from careplan.screens.history import HistoryScreen
from careplan.screens.journeys import JourneysScreen
from careplan.screens.plan_home import PlanHomeScreen
from careplan.screens.plans import PlansScreen
from careplan.screens.section_base import SectionScreen
from careplan.store import Store
from tests.pilot_helpers import SIZE, settle

ODD = [
    "[/]",
    "[b]bold[/b]",
    "[@click=app.quit]x[/]",
    "[link=http://x]y[/link]",
    "$variable",
    "👩‍👩‍👧",
    "مرحبا",
    "e\u0301",  # e and a combining acute accent
]
LONG = ("[b]long words [/] " * 200)[:2000]

# Short enough to be read whole on one line of the screen.
NAME = "Sam [/]"
CALLED = "Sammy [b]bold[/b] [/]"
CAREGIVER = "Jo [/]"
GOAL = "Walk [/] to the park"
NEW_GOAL = "[bold]A daily walk"
BEFORE = "Run [/]"
MEMBER = "[b]Jess[/b] Ellis [/]"
CUSTOM_ROLE = "[b]Chaplain[/b]"
OWN_TASK = "Reading [/] to me"
SAVED_BY = "Priya [/]"


def odd(words: str) -> str:
    """`words`, then every kind of odd text."""
    return " ".join([words, *ODD])


def hostile_plan() -> CarePlan:
    return CarePlan(
        about=About(
            name=NAME,
            preferred_name=CALLED,
            date_of_birth=PartialDate(1956, 3, 3),
            illness=odd("Bowel cancer"),
            participants=[
                Participant(name=NAME, role="person", relationship=odd("himself")),
                Participant(name=CAREGIVER, role="caregiver", relationship=odd("wife")),
            ],
        ),
        matters=[
            Statement(
                text=odd("Being at home"),
                kind="strength",
                voice="person",
                other_views=[View(voice="caregiver", text=LONG)],
            ),
            Statement(text=odd("What if"), kind="worry", voice="caregiver"),
        ],
        goals=[
            Goal(
                title=GOAL,
                why=LONG,
                fallback=odd("sit in the garden"),
                voice="person",
                category="meaningful",
                started_on=date(2026, 1, 5),
                other_views=[View(voice="caregiver", text=odd("we go together"))],
            ),
            Goal(
                title=odd("Cook"),
                why=odd("Good food"),
                category="daily_life",
                voice="together",
                started_on=date(2026, 1, 5),
            ),
        ],
        modifications=[
            Modification(
                area="exercise",
                before=BEFORE,
                now=odd("A daily walk"),
                why=odd("my hip"),
                voice="caregiver",
            ),
        ],
        treatment_decisions=[
            TreatmentDecision(
                kind="event",
                event=odd("The wedding"),
                starts_on=date(2026, 6, 1),
                ends_on=date(2026, 6, 20),
                current_treatment=odd("Chemotherapy"),
                team_said=odd("The team said"),
                hopes=LONG,
                fears=odd("Fears"),
                questions=[odd("Is it safe?")],
                warning_signs=[odd("A fever")],
                who_to_call=odd("The unit"),
                status="thinking",
            )
        ],
        team=[
            TeamMember(
                name=MEMBER,
                role="custom",
                custom_role=CUSTOM_ROLE,
                contact=odd("555 0100"),
                when=odd("weekdays"),
                tasks=["meals", OWN_TASK],
                helps_with=LONG,
                first_contact=True,
            ),
            TeamMember(name=odd("Dr Reyes"), role="oncologist", tasks=[odd("Scans")]),
        ],
        advance_care=AdvanceCare(
            speakers=[Spokesperson(name=MEMBER, relationship=odd("wife"), contact=LONG)],
            documents=[
                PlanningDocument(
                    kind="other", other_kind=odd("Letter"), kept_where=LONG, copies_with=odd("Jo")
                )
            ],
            wishes=[
                CareWish(
                    text=LONG, kind="avoid", other_views=[View(voice="caregiver", text=odd("Hm"))]
                )
            ],
        ),
        checkin=CheckIn(
            function_level=70,
            symptoms={"pain": 3, "tiredness": 6},
            answered_by="caregiver",
            note=odd("A good week"),
        ),
        next_review=date(2099, 1, 1),
    )


@pytest.fixture
def plan_id(store: Store) -> str:
    """The hostile plan, saved twice (a goal adapted in between), beside a second, plain plan."""
    plan = hostile_plan()
    with store.create_plan(plan) as plan_file:
        plan_file.save_version(plan, saved_by=odd("Priya"), note=odd("First meeting"))
        adapt_goal(
            plan,
            plan.goals[0].id,
            NEW_GOAL,
            odd("My hip hurts"),
            on=date(2026, 3, 1),
            fallback=odd("Round the block"),
        )
        plan.checkin.function_level = 60
        plan.checkin.note = odd("A harder week")
        plan_file.save_version(plan, saved_by=SAVED_BY, note=odd("After the clinic"))
        found = plan_file.id
    other = CarePlan(about=About(name="Ann Other"))
    with store.create_plan(other) as plan_file:
        plan_file.save_version(other, saved_by="Priya")
    return found


def on_screen(app: CarePlanApp) -> str:
    """Every line the screen (or the dialog on top) shows now, as the characters a person reads."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def press(pilot, *keys: str) -> None:
    await pilot.press(*keys)
    await settle(pilot)


async def open_hostile_plan(pilot, plan_id: str) -> None:
    """From the list of plans (two of them, so it does not open straight in), open the hostile one."""
    app = pilot.app
    await settle(pilot)
    assert isinstance(app.screen, PlansScreen)
    table = app.screen.query_one(DataTable)
    table.move_cursor(row=table.get_row_index(plan_id))
    await press(pilot, "enter")
    assert isinstance(app.screen, PlanHomeScreen)


def app_for(store: Store, said: list[Notify] | None = None):
    def listen(message: Message) -> None:
        if isinstance(message, Notify) and said is not None:
            said.append(message)

    return CarePlanApp(store).run_test(size=SIZE, message_hook=listen)


# --- the caseload and the plan's home ------------------------------------------------------------


async def test_the_list_of_plans_shows_the_name_as_typed(store: Store, plan_id: str) -> None:
    async with app_for(store) as pilot:
        await settle(pilot)
        assert isinstance(pilot.app.screen, PlansScreen)
        assert NAME in on_screen(pilot.app)


async def test_plan_home_and_the_speaker_bar_show_the_name_as_typed(
    store: Store, plan_id: str
) -> None:
    async with app_for(store) as pilot:
        await open_hostile_plan(pilot, plan_id)
        assert CALLED in on_screen(pilot.app)  # the header
        assert pilot.app.working.speaker == "together"
        await press(pilot, "f2")
        assert pilot.app.working.speaker == "person"
        assert f"Speaking now: {CALLED}" in on_screen(pilot.app)
        await press(pilot, "f1")
        assert isinstance(pilot.app.screen, HelpScreen)
        await press(pilot, "escape")
        await press(pilot, "escape")
        assert isinstance(pilot.app.screen, PlansScreen)
        assert NAME in on_screen(pilot.app)


# --- every part of the plan ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("1", NAME),  # About us: the name, in its box
        ("2", CAREGIVER),  # What matters most: whose view, in a Select
        ("3", CALLED),  # How things are now: the speaker bar (the note is further down: see below)
        ("4", "Cook [/]"),  # Goals: the first goal's title
        ("5", BEFORE),  # Lifestyle modifications: a table cell
        ("6", "The wedding [/]"),  # Treatment break
        ("7", MEMBER),  # Support team: a table cell
        ("8", CALLED),  # Review and save: the speaker bar
    ],
)
async def test_every_part_of_the_plan_shows_typed_words_as_typed(
    store: Store, plan_id: str, key: str, expected: str
) -> None:
    async with app_for(store) as pilot:
        await open_hostile_plan(pilot, plan_id)
        await press(pilot, "f2")  # the person speaking: their name is in every speaker bar
        await press(pilot, key)
        assert isinstance(pilot.app.screen, SectionScreen)
        text = on_screen(pilot.app)
        assert f"Speaking now: {CALLED}" in text
        assert expected in text
        await press(pilot, "f1")
        assert isinstance(pilot.app.screen, HelpScreen)
        await press(pilot, "escape")
        await press(pilot, "escape")
        assert isinstance(pilot.app.screen, PlanHomeScreen)


async def test_the_checkin_note_reads_as_typed(store: Store, plan_id: str) -> None:
    with store.open_plan(plan_id) as plan_file:  # this time's note, typed and kept in the draft
        plan = plan_file.load()  # (a new version's check-in starts empty, so type it again)
        plan_file.keep_draft(plan, based_on=plan_file.latest)
    async with app_for(store) as pilot:
        await open_hostile_plan(pilot, plan_id)
        await press(pilot, "3")
        pilot.app.screen.query_one("#note").focus()  # scrolled into view, its end shown
        await settle(pilot)
        assert "week [/] [b]bold[/b] [@click=app.quit]x[/]" in on_screen(pilot.app)


# --- the editors and questions ----------------------------------------------------------------------


async def test_about_asks_before_taking_a_named_person_out(store: Store, plan_id: str) -> None:
    async with app_for(store) as pilot:
        await open_hostile_plan(pilot, plan_id)
        await press(pilot, "1")
        pilot.app.screen.query("Button.participant-remove").first(Button).press()
        await settle(pilot)
        assert f"Take {NAME} out" in on_screen(pilot.app)
        await press(pilot, "escape")
        assert len(pilot.app.working.plan.about.participants) == 2


async def test_matters_asks_before_taking_a_statement_or_view_out(
    store: Store, plan_id: str
) -> None:
    async with app_for(store) as pilot:
        await open_hostile_plan(pilot, plan_id)
        await press(pilot, "2")
        for selector, expected in (
            (".statement-remove", "[b]bold[/b]"),
            (".view-remove", f"Take out {CAREGIVER}'s view?"),
        ):
            pilot.app.screen.query(selector).first(Button).press()
            await settle(pilot)
            assert expected in on_screen(pilot.app)
            await press(pilot, "escape")
        assert len(pilot.app.working.plan.matters) == 2


async def test_the_goal_editors_open_and_close(store: Store, plan_id: str) -> None:
    said: list[Notify] = []
    async with app_for(store, said) as pilot:
        await open_hostile_plan(pilot, plan_id)
        await press(pilot, "4")
        together = f"{CALLED} and {CAREGIVER} together"  # "Whose goal", in a Select
        for key, expected in (
            ("e", together),
            ("a", "Cook [/]"),
            ("v", "Cook [/]"),
            ("j", "Cook [/]"),
            ("n", together),
        ):
            await press(pilot, key)
            assert not isinstance(pilot.app.screen, SectionScreen), key
            assert expected in on_screen(pilot.app), key
            await press(pilot, "f1", "escape")  # help from inside a dialog too
            await press(pilot, "escape")
            assert isinstance(pilot.app.screen, SectionScreen), key
        await press(pilot, "d")  # achieved: said in a notification with the goal's title
        await press(pilot, "r")
        await press(pilot, "l", "escape")
        assert any("Cook [/]" in notice.notification.message for notice in said)
        assert not any(notice.notification.markup for notice in said)


async def test_the_team_editors_open_and_close(store: Store, plan_id: str) -> None:
    said: list[Notify] = []
    async with app_for(store, said) as pilot:
        await open_hostile_plan(pilot, plan_id)
        await press(pilot, "7")
        text = on_screen(pilot.app)
        assert MEMBER in text and CUSTOM_ROLE in text
        await press(pilot, "e")
        assert MEMBER in on_screen(pilot.app)
        await press(pilot, "escape")
        await press(pilot, "delete")
        assert f"No, keep {MEMBER}" in on_screen(pilot.app)
        await press(pilot, "escape")
        assert isinstance(pilot.app.screen, SectionScreen)
        await press(pilot, "f")  # no longer the first contact: said with their name
        await press(pilot, "f")
        assert any(MEMBER in notice.notification.message for notice in said)
        assert not any(notice.notification.markup for notice in said)
        await press(pilot, "w")
        text = on_screen(pilot.app)
        assert "[b]Jess[/b]" in text  # a column named after them
        assert OWN_TASK in text  # a task in their own words


async def test_the_modification_editors_open_and_close(store: Store, plan_id: str) -> None:
    async with app_for(store) as pilot:
        await open_hostile_plan(pilot, plan_id)
        await press(pilot, "5")
        for key in ("e", "s", "x", "i"):
            await press(pilot, key)
            assert not isinstance(pilot.app.screen, SectionScreen), key
            if key != "i":
                assert BEFORE in on_screen(pilot.app), key
            await press(pilot, "escape")
            assert isinstance(pilot.app.screen, SectionScreen), key


# --- looking back: history, compare, journeys, export -----------------------------------------------


async def test_history_compare_journeys_and_export_show_typed_words_as_typed(
    store: Store, plan_id: str
) -> None:
    async with app_for(store) as pilot:
        await open_hostile_plan(pilot, plan_id)
        await press(pilot, "f2")
        await press(pilot, "h")
        assert isinstance(pilot.app.screen, HistoryScreen)
        text = on_screen(pilot.app)
        assert f"by {SAVED_BY}" in text and f"Speaking now: {CALLED}" in text
        await press(pilot, "c")
        assert isinstance(pilot.app.screen, CompareScreen)
        text = on_screen(pilot.app)
        assert SAVED_BY in text and NEW_GOAL in text
        await press(pilot, "f1", "escape", "escape")
        await press(pilot, "j")
        assert isinstance(pilot.app.screen, JourneysScreen)
        text = on_screen(pilot.app)
        assert GOAL in text and NEW_GOAL in text
        await press(pilot, "escape", "e")
        assert isinstance(pilot.app.screen, ExportScreen)
        text = on_screen(pilot.app)
        assert SAVED_BY in text and NAME in text
        await press(pilot, "escape", "escape")
        assert isinstance(pilot.app.screen, PlanHomeScreen)
        await press(pilot, "e")  # export from the plan's home: the latest version
        assert isinstance(pilot.app.screen, ExportScreen)
        await press(pilot, "escape")


# --- the guided session ------------------------------------------------------------------------------


async def test_a_guided_session_goes_through_every_step(store: Store, plan_id: str) -> None:
    async with app_for(store) as pilot:
        await open_hostile_plan(pilot, plan_id)
        await press(pilot, "f2", "g")
        for step in range(len(STEPS)):
            assert isinstance(pilot.app.screen, SectionScreen), step
            text = on_screen(pilot.app)
            assert f"Step {step + 1} of {len(STEPS)}" in text and f"Speaking now: {CALLED}" in text
            await press(pilot, "f5")
        await press(pilot, "f1", "escape")
        await press(pilot, "escape")  # pauses the session
        assert isinstance(pilot.app.screen, PlanHomeScreen)
