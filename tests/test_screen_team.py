"""The support team screen and its editors, by keyboard, checked against the stored draft."""

from __future__ import annotations

from textual.message import Message
from textual.notifications import Notify
from textual.widgets import Input, Static

from careplan.model import About, CarePlan, Need, TeamMember
from careplan.screens.team import TeamScreen
from careplan.screens.team_editor import MemberEditor, NeedEditor
from careplan.screens.widgets.confirm import ConfirmScreen
from careplan.store import Store
from careplan.team_tasks import nobody_yet, set_first_contact, who_does_what
from tests.screen_host import ScreenHost, working_plan_for


def host(
    store: Store, team: list[TeamMember] | None = None, needs: list[Need] | None = None
) -> ScreenHost:
    plan = CarePlan(about=About(name="Ruth Okafor"), team=team or [], needs=needs or [])
    return ScreenHost(TeamScreen, working_plan_for(store, plan))


def draft_plan(app: ScreenHost) -> CarePlan:
    return app.working.file.draft().plan


def draft_team(app: ScreenHost) -> list[TeamMember]:
    return draft_plan(app).team


def text_of(app: ScreenHost, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def fill_in(pilot, selector: str, text: str) -> None:
    pilot.app.screen.query_one(selector, Input).focus()
    await pilot.press(*text)


async def test_add_people_with_tasks_and_move_the_first_contact(store: Store) -> None:
    app = host(store)
    said: list[str] = []

    def listen(message: Message) -> None:
        if isinstance(message, Notify):
            said.append(message.notification.message)

    async with app.run_test(size=(100, 30), message_hook=listen) as pilot:
        await pilot.press("a")
        assert isinstance(app.screen, MemberEditor)
        await fill_in(pilot, "#name", "Tom Ellis")  # the role starts as Family
        app.screen.query_one("#tasks").focus()
        await pilot.press("space", "down", "space")  # Lifts to appointments, Meals
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TeamScreen)
        [tom] = draft_team(app)
        assert (tom.name, tom.role, tom.tasks, tom.first_contact) == (
            "Tom Ellis",
            "family",
            ["lifts", "meals"],
            False,
        )

        await pilot.press("a")
        await fill_in(pilot, "#name", "Priya Shah")
        app.screen.query_one("#role").focus()
        await pilot.press("enter", *["up"] * 6, "enter")  # from Family up to Social worker
        app.screen.query_one("#tasks").focus()
        await pilot.press(*["down"] * 4, "space")  # Emotional support
        await fill_in(pilot, "#own-tasks", "Benefits forms, ")
        app.screen.query_one("#first-contact").focus()
        await pilot.press("space")
        await fill_in(pilot, "#contact", "Hospital switchboard")
        await pilot.press("enter")  # Enter in a text box keeps the details
        await pilot.pause()
        tom, priya = draft_team(app)
        assert (priya.role, priya.tasks, priya.first_contact) == (
            "social_worker",
            ["emotional_support", "Benefits forms"],
            True,
        )
        assert priya.contact == "Hospital switchboard"
        assert (
            text_of(app, "#first-contact-line")
            == "First point of contact: Priya Shah, Social worker"
        )

        table = app.screen.query_one("#members")
        table.move_cursor(row=0)
        await pilot.press("f")  # Tom instead: it moves, and the screen says so
        await pilot.pause()
        tom, priya = draft_team(app)
        assert (tom.first_contact, priya.first_contact) == (True, False)
        assert text_of(app, "#first-contact-line") == "First point of contact: Tom Ellis, Family"
        assert "Tom Ellis is now the first point of contact, instead of Priya Shah." in said


async def test_who_does_what_names_only_the_needs_this_family_named(store: Store) -> None:
    team = [
        TeamMember(id="t-tom", name="Tom Ellis", tasks=["lifts", "meals"]),
        TeamMember(id="t-jess", name="Jess Ellis", tasks=["medicines", "Gardening"]),
    ]
    app = host(store, team, needs=[Need("lifts"), Need("meals"), Need("childcare")])
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("w")
        assert text_of(app, "#nobody-yet") == "5 needs named; nobody covers 1 yet: Childcare."

        grid = app.screen.query_one("#who-grid")
        assert str(grid.get_row("childcare")[0]) == "Childcare (nobody yet)"
        assert [str(cell) for cell in grid.get_row("Gardening")] == ["Gardening", "", "✓ yes"]
        assert "pets" not in [key.value for key in grid.rows]  # never named: not listed

        grid.move_cursor(row=grid.get_row_index("childcare"), column=2)  # Jess's column
        await pilot.press("enter")
        await pilot.pause()
        assert draft_team(app)[1].tasks == ["medicines", "Gardening", "childcare"]
        assert text_of(app, "#nobody-yet") == "5 needs named; someone covers each one."


async def test_a_need_nobody_covers_stays_and_the_cursor_stays_on_it(store: Store) -> None:
    team = [
        TeamMember(id="t-tom", name="Tom Ellis", tasks=["lifts"]),
        TeamMember(id="t-sue", name="Sue Marsh", role="palliative_care", tasks=["Night sits"]),
    ]
    app = host(store, team, needs=[Need("lifts"), Need("Night sits")])
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("w", "n")
        assert isinstance(app.screen, NeedEditor)
        await fill_in(pilot, "#need-own", "Overnight help")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TeamScreen)
        assert [need.task for need in draft_plan(app).needs] == [
            "lifts",
            "Night sits",
            "Overnight help",
        ]
        assert "nobody covers 1 yet: Overnight help" in text_of(app, "#nobody-yet")

        grid = app.screen.query_one("#who-grid")
        grid.move_cursor(row=grid.get_row_index("Overnight help"), column=2)  # Sue's column
        await pilot.press("enter")  # Sue covers it
        await pilot.pause()
        assert grid.cursor_coordinate == (2, 2)
        await pilot.press("enter")  # and no longer does: the need stays, and so does the cursor
        await pilot.pause()
        assert grid.cursor_coordinate == (2, 2)
        assert draft_team(app)[1].tasks == ["Night sits"]
        assert "nobody covers 1 yet: Overnight help" in text_of(app, "#nobody-yet")
        grid.move_cursor(row=1, column=2)
        await pilot.press("enter")  # Sue lets go of Night sits, the other row: still row 1
        await pilot.pause()
        assert grid.cursor_coordinate == (1, 2)
        assert [key.value for key in grid.rows] == ["lifts", "Night sits", "Overnight help"]

        grid.move_cursor(row=2, column=0)
        await pilot.press("delete")  # taking a need off asks first
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("right", "enter")
        await pilot.pause()
        assert [need.task for need in draft_plan(app).needs] == ["lifts", "Night sits"]


async def test_someone_who_leaves_leaves_their_needs_with_nobody_yet(store: Store) -> None:
    team = [
        TeamMember(id="t-tom", name="Tom Ellis"),
        TeamMember(id="t-pat", name="Pat Okoro", role="neighbour", tasks=["pets"]),
    ]
    app = host(store, team)  # a plan from before needs were written down: Pets is one
    async with app.run_test(size=(100, 30)) as pilot:
        app.screen.query_one("#members").move_cursor(row=1)
        await pilot.press("delete", "right", "enter")
        await pilot.pause()
        assert [need.task for need in draft_plan(app).needs] == ["pets"]
        assert text_of(app, "#nobody-yet") == "1 need named; nobody covers 1 yet: Pets."


async def test_the_grid_heads_each_column_with_the_name_they_like(store: Store) -> None:
    team = [
        TeamMember(id="t-linh", name="Trần Linh"),
        TeamMember(id="t-marcus", name="Marcus Whitfield", preferred_name="Marcus"),
        TeamMember(id="t-e", name="Elizabeth Whitfield-Jones"),
    ]
    app = host(store, team, needs=[Need("meals")])
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("w")
        grid = app.screen.query_one("#who-grid")
        assert [str(column.label) for column in grid.columns.values()][1:] == [
            "Trần Linh",
            "Marcus",
            "Elizabeth Whi…",
        ]
        grid.move_cursor(row=0, column=2)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one("#who-grid").cursor_coordinate == (0, 2)
        assert "Marcus (Marcus Whitfield)" in str(
            app.screen.query_one("#members").get_row("t-marcus")[0]
        )


async def test_remove_someone_after_a_clear_yes(store: Store) -> None:
    team = [
        TeamMember(id="t-tom", name="Tom Ellis"),
        TeamMember(id="t-pat", name="Pat Okoro", role="neighbour"),
    ]
    app = host(store, team)
    async with app.run_test(size=(100, 30)) as pilot:
        app.screen.query_one("#members").move_cursor(row=1)
        await pilot.press("delete")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("enter")  # the safe choice has the focus: Pat stays
        await pilot.pause()
        assert app.working.file.draft() is None

        await pilot.press("delete", "right", "enter")
        await pilot.pause()
        assert [member.name for member in draft_team(app)] == ["Tom Ellis"]


async def test_editor_asks_kindly_for_a_name_and_loses_nothing(store: Store) -> None:
    app = host(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("a")
        await fill_in(pilot, "#contact", "07700 900123")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, MemberEditor)
        assert text_of(app, "#name-problem") == "A name is needed, so everyone knows who this is."
        assert app.screen.focused.id == "name"

        await pilot.press("escape")  # something was typed: asks, and Esc there means keep editing
        await pilot.press("escape")
        assert isinstance(app.screen, MemberEditor)
        assert app.screen.query_one("#contact", Input).value == "07700 900123"


async def test_helplines_can_join_the_team(store: Store, monkeypatch) -> None:
    monkeypatch.setenv("TZ", "America/Chicago")  # the time zone says which country's helplines
    app = host(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h")
        region = app.screen.query_one("#region").value
        await pilot.press("enter")
        await pilot.pause()
        [member] = draft_team(app)
        assert member.role == "helpline"
        assert (
            member.name
            == str(app.screen.query_one("#helplines-list").get_option_at_index(0).prompt).split(
                "\n"
            )[0]
        )
        assert region == "US"


def test_task_cover_and_first_contact_rules() -> None:
    tom = TeamMember(name="Tom", tasks=["meals", "Gardening"], first_contact=True)
    jess = TeamMember(name="Jess", tasks=["meals"])
    plan = CarePlan(team=[tom, jess], needs=[Need("childcare")])
    covers = {cover.task: cover for cover in who_does_what(plan)}
    assert covers["meals"].members == (tom, jess)
    assert covers["Gardening"].label == "Gardening"
    assert nobody_yet(plan) == ["Childcare"]

    assert set_first_contact(plan, jess.id) is tom
    assert (tom.first_contact, jess.first_contact) == (False, True)
    assert set_first_contact(plan, jess.id) is None  # already first contact: nothing moved
    set_first_contact(plan, None)
    assert plan.first_contact is None


def test_support_team_screen_on_the_demo_plan(store: Store, snap_compare, monkeypatch) -> None:
    from careplan.demo import build_demo
    from careplan.working_plan import WorkingPlan

    monkeypatch.setenv("LANG", "en_GB.UTF-8")  # the helplines' region follows the locale
    working = WorkingPlan(store.open_plan(build_demo(store)))
    assert snap_compare(ScreenHost(TeamScreen, working), terminal_size=(100, 30))


def test_the_helplines_region_comes_from_the_time_zone_or_shows_both() -> None:
    from careplan.screens.team import ALL_REGIONS, default_region

    regions = ["US", "UK"]
    assert default_region(regions, zone="Europe/London", locale="en_US.UTF-8") == "UK"
    assert default_region(regions, zone="America/New_York", locale="C.UTF-8") == "US"
    assert (
        default_region(regions, zone="Etc/UTC", locale="en_GB.UTF-8") == "UK"
    )  # chosen on purpose
    assert (
        default_region(regions, zone="", locale="en_US.UTF-8") == ALL_REGIONS
    )  # many computers' default
    assert default_region(regions, zone="Etc/UTC", locale="C.UTF-8") == ALL_REGIONS


async def test_with_nothing_to_go_on_both_countries_helplines_are_listed(
    store: Store, monkeypatch
) -> None:
    monkeypatch.setenv("TZ", "Etc/UTC")
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    app = host(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h")
        region = app.screen.query_one("#region")
        assert region.value == "all"
        assert "United States and United Kingdom" in str(
            region.query_one("SelectCurrent #label", Static).render()
        )
        prompts = [str(option.prompt) for option in app.screen.query_one("#helplines-list").options]
        assert any("(United Kingdom)" in prompt for prompt in prompts)
        assert any("(United States)" in prompt for prompt in prompts)


async def test_the_name_message_and_the_buttons_are_in_sight_at_80_by_24(store: Store) -> None:
    app = host(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a")
        await fill_in(pilot, "#contact", "07700 900123")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, MemberEditor)
        screen_area = editor.region
        for selector in ("#name-problem", "#name", "#editor-save", "#editor-cancel"):
            widget = editor.query_one(selector)
            assert screen_area.contains_region(widget.region), selector
        fields = editor.query_one(".editor-fields")
        assert fields.scrollable_content_region.contains_region(
            editor.query_one("#name-problem").region
        )
        assert str(editor.query_one("#editor-save").label) == "Save"


async def test_a_need_named_in_the_app_is_kept_and_exported(store: Store, open_app) -> None:
    from careplan.markdown_export import render_plan
    from tests.pilot_helpers import add_plan, draft_plan, settle

    plan = CarePlan(
        about=About(name="Dana Whitfield", preferred_name="Dana"),
        team=[TeamMember(id="t-sue", name="Sue Marsh", role="palliative_care")],
    )
    plan_id = add_plan(store, plan=plan)
    async with open_app() as pilot:
        await pilot.press("7")
        await settle(pilot, lambda: isinstance(pilot.app.screen, TeamScreen))
        await pilot.press("n")
        await settle(pilot, lambda: isinstance(pilot.app.screen, NeedEditor))
        await fill_in(pilot, "#need-own", "Overnight help")
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(pilot.app.screen, TeamScreen))
        assert "nobody covers 1 yet: Overnight help" in text_of(pilot.app, "#nobody-yet")
        grid = pilot.app.screen.query_one("#who-grid")
        grid.move_cursor(row=0, column=1)
        await pilot.press("enter", "enter")  # Sue covers it, then no longer does: it stays
        await settle(pilot)
        assert grid.cursor_coordinate == (0, 1)
    kept = draft_plan(store, plan_id)
    assert [need.task for need in kept.needs] == ["Overnight help"]
    assert kept.team[0].tasks == []
    assert "- **Overnight help:** nobody yet" in render_plan(kept)


async def test_the_role_is_found_by_typing_a_word_of_it(store: Store) -> None:
    """A closed role picker takes typing: the start of any word picks the role, no arrows needed."""
    app = host(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("a")
        await fill_in(pilot, "#name", "Dr Reyes")
        await pilot.press("tab", "tab", *"pall")  # to the role, then part of a word
        assert app.screen.focused.id == "role"
        assert app.screen.query_one("#role").value == "palliative_care"
        labels = " ".join(str(label.render()) for label in app.screen.query(".field-label"))
        assert "type a word of it" in labels  # the screen says so
        await pilot.press("tab", "enter")
        await pilot.pause()
        [reyes] = draft_team(app)
        assert reyes.role == "palliative_care"

        await pilot.press("a")
        await fill_in(pilot, "#name", "Ann Lowe")
        app.screen.query_one("#role").focus()
        await pilot.press(*"nurse")  # a word in the middle: Specialist nurse
        assert app.screen.query_one("#role").value == "specialist_nurse"
        await pilot.press(*"zz")  # nothing has it: the choice stays, and the screen says so
        await pilot.pause()
        assert app.screen.query_one("#role").value == "specialist_nurse"
        await pilot.press(*"doctor")  # typing on starts a new word: GP or family doctor
        assert app.screen.query_one("#role").value == "gp"
