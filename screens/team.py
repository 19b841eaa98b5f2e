"""Support team: who is on it, how to reach them, the help the family needs and who covers it,
and who to call first.

Three tabs: the people (added, changed and removed through small modal editors), a "who does what"
grid of the needs the family named against people, which says in words which needs nobody covers
yet, and public helplines from careplan.content that can be added to the team. Each person is shown
by the name they like to be called (careplan.names), the grid's headings too.
"""

from __future__ import annotations

import os
import textwrap
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import HorizontalGroup
from textual.coordinate import Coordinate
from textual.widgets import (
    Button,
    DataTable,
    Label,
    OptionList,
    Select,
    Static,
    TabbedContent,
    TabPane,
)
from textual.widgets.option_list import Option

from careplan import content
from careplan.dates import day_in_words
from careplan.model import TeamMember
from careplan.names import called, headings, introduced
from careplan.overview import counted
from careplan.screens import clock
from careplan.screens.section_base import SectionScreen
from careplan.screens.team_editor import (
    MemberEditor,
    NeedEditor,
    remove_need_question,
    remove_question,
    role_descriptions,
)
from careplan.screens.wording import plain
from careplan.styles import stylesheet
from careplan.team_tasks import (
    TaskCover,
    add_need,
    keep_needs_in_step,
    named_needs,
    remove_need,
    set_first_contact,
    task_label,
    toggle_cover,
    who_does_what,
)

REGION_NAMES = {"US": "United States", "UK": "United Kingdom"}
FIRST_CONTACT_MARK = "(first contact)"
NOBODY_ON_TEAM = "Nobody on the team yet. Press A, or the Add someone button above, to add someone."
TICK = "✓ yes"
HEADING_WIDTH = 14  # a grid column's heading; longer names end in "…" (the detail has them whole)
TASKS_WIDTH = 24  # a person's tasks wrap onto more lines of their row rather than being cut
NEED_WIDTH = (
    28  # the same for a need in "Who does what", whose column stays put as the grid scrolls
)
ALL_REGIONS = "all"  # the helplines of every region, each marked with its country
UK_ZONES = {"Europe/London", "Europe/Belfast", "GB", "GB-Eire"}
US_ZONES = {
    "America/New_York",
    "America/Detroit",
    "America/Chicago",
    "America/Denver",
    "America/Boise",
    "America/Phoenix",
    "America/Los_Angeles",
    "America/Anchorage",
    "America/Juneau",
    "America/Adak",
    "America/Indiana/Indianapolis",
    "America/Kentucky/Louisville",
    "Pacific/Honolulu",
}


def local_zone() -> str:
    """The computer's time zone ("Europe/London"), or "" when it can't be told."""
    zone = os.environ.get("TZ", "").lstrip(":")
    if zone:
        return zone
    try:
        target = os.readlink("/etc/localtime")
    except OSError:
        return ""
    return target.split("zoneinfo/", 1)[1] if "zoneinfo/" in target else ""


def default_region(regions: list[str], zone: str | None = None, locale: str | None = None) -> str:
    """The helplines to show first. A UK or US time zone says where the computer is; so does an
    en_GB locale (chosen on purpose), but en_US is many computers' default wherever they are. When
    nothing says, every region's helplines, so nobody is shown only another country's."""
    zone = local_zone() if zone is None else zone
    if locale is None:
        locale = (
            os.environ.get("LC_ALL")
            or os.environ.get("LC_MESSAGES")
            or os.environ.get("LANG")
            or ""
        )
    if zone in UK_ZONES:
        wanted = "UK"
    elif zone in US_ZONES or zone.startswith("US/"):
        wanted = "US"
    else:
        wanted = "UK" if "_GB" in locale else ALL_REGIONS
    if wanted in regions:
        return wanted
    return ALL_REGIONS if len(regions) > 1 else (regions[0] if regions else "")


def needs_in_words(covers: list[TaskCover]) -> str:
    """The line above the grid: how many needs were named, and which nobody covers yet."""
    if not covers:
        return "No needs named yet. Press N to name the help you need, even if nobody does it yet."
    nobody = [cover.label for cover in covers if not cover.covered]
    named = counted(len(covers), "need named", "needs named")
    if not nobody:
        return f"{named}; someone covers each one."
    return f"{named}; nobody covers {len(nobody)} yet: {', '.join(nobody)}."


def wrapped(text: str, width: int) -> str:
    """`text` on as many lines of `width` as it takes, so a table cell shows it whole."""
    return "\n".join(textwrap.wrap(text, width, break_on_hyphens=False)) or text


class MembersTable(DataTable):
    BINDINGS = [
        Binding(
            "enter",
            "select_cursor",
            "Edit",
            id="team.edit_enter",
            show=False,
            tooltip="Change the highlighted person's details",
        ),
    ]


class WhoGrid(DataTable):
    BINDINGS = [
        Binding(
            "enter,space",
            "select_cursor",
            "Give or take",
            id="team.toggle_task",
            tooltip="This person covers this need, or no longer does (the need stays)",
        ),
        Binding(
            "delete",
            "screen.remove_need",
            "Take need off",
            id="team.remove_need",
            show=False,  # the words under the grid say it; so the footer fits 80 columns
            tooltip="Take the highlighted need off the help you need (asks first)",
        ),
    ]


class HelplineList(OptionList):
    BINDINGS = [
        Binding(
            "enter",
            "select",
            "Add to team",
            id="team.add_helpline",
            tooltip="Add the highlighted helpline to the support team",
        ),
    ]


class TeamScreen(SectionScreen):
    CSS_PATH = stylesheet("team.tcss")
    SECTION = "team"
    FIRST_FIELD = "#members"
    HELP = """\
# Support team

Everyone who helps: family, friends, neighbours and the care team. For each person: the name they
like to be called, their role, how and when to reach them, what they help with, and the tasks they
take on. One person can be the first point of contact, the first one to call.

**People** lists the team. **Who does what** lists the help you need (named with N: from the
list, or in your own words) against people, and says in words which needs nobody covers yet. A
need stays until you take it off, even when nobody covers it. **Helplines** lists public helplines
you can add to the team.

| Key | What it does |
| :- | :- |
| A | Add someone to the team |
| E or Enter | Change the highlighted person's details |
| Delete | Take the highlighted person off the team (asks first) |
| F | Make the highlighted person the first point of contact (again: nobody) |
| P / W / H | Show People / Who does what / Helplines |
| N | Name help you need (from the list, or in your own words) |
| Enter or Space | In Who does what: that person covers the need, or no longer does |
| Delete | In Who does what: take the highlighted need off (asks first) |
| Enter | In Helplines: add the highlighted helpline to the team |
| Esc | Go back; nothing is lost |
"""

    BINDINGS: ClassVar = [
        Binding("a", "add_member", "Add", id="team.add", tooltip="Add someone to the team"),
        Binding(
            "e",
            "edit_member",
            "Edit",
            id="team.edit",
            tooltip="Change the highlighted person's details",
        ),
        Binding(
            "delete",
            "remove_member",
            "Remove",
            id="team.remove",
            tooltip="Take the highlighted person off the team (asks first)",
        ),
        Binding(
            "f",
            "first_contact",
            "First contact",
            id="team.first_contact",
            show=False,  # its button says "(F)"; so the footer fits 80 columns
            tooltip="Make the highlighted person the first point of contact",
        ),
        Binding(
            "n",
            "name_need",
            "Name a need",
            id="team.name_need",
            tooltip="Name help you need, from the list or in your own words",
        ),
        Binding(
            "w",
            "show_tab('who')",
            "Who does what",
            id="team.show_who",
            show=False,  # like People and Helplines, its tab says "(W)"
            tooltip="The help you need against people, and what nobody covers yet",
        ),
        Binding(
            "p",
            "show_tab('people')",
            "People",
            id="team.show_people",
            show=False,
            tooltip="The list of people on the team",
        ),
        Binding(
            "h",
            "show_tab('helplines')",
            "Helplines",
            id="team.show_helplines",
            show=False,
            tooltip="Public helplines you could add to the team",
        ),
    ]

    def __init__(self, working) -> None:
        super().__init__(working)
        self._roles = role_descriptions()
        self._regions = content.regions()
        self._helplines: list[content.Helpline] = []

    @property
    def team(self) -> list[TeamMember]:
        return self.plan.team

    # --- layout -------------------------------------------------------------------------------

    def compose_body(self) -> ComposeResult:
        yield Static("", id="first-contact-line", markup=False)
        with TabbedContent(initial="people", id="team-tabs"):
            with TabPane("People (P)", id="people"):
                yield MembersTable(id="members", cursor_type="row", zebra_stripes=False)
                with HorizontalGroup(classes="team-buttons"):
                    yield Button("Add someone (A)", id="add-member", compact=True)
                    yield Button("Edit (E)", id="edit-member", compact=True)
                    yield Button("Remove (Del)", id="remove-member", compact=True)
                    yield Button("Make first contact (F)", id="first-contact", compact=True)
                yield Static("", id="member-detail", markup=False)
            with TabPane("Who does what (W)", id="who"):
                yield Static("", id="nobody-yet", markup=False)
                # The needs stay in sight when a team too big for the width scrolls sideways.
                yield WhoGrid(id="who-grid", cursor_type="cell", fixed_columns=1)
                yield Static(
                    "N names help you need. Enter or Space (or a click on the highlighted cell) "
                    "says who covers it; Delete takes a need off.",
                    classes="team-hint",
                )
            with TabPane("Helplines (H)", id="helplines"):
                with HorizontalGroup(classes="region-row"):
                    yield Label("Helplines in ", classes="region-label")
                    yield Select(
                        [(REGION_NAMES.get(region, region), region) for region in self._regions]
                        + (
                            [
                                (
                                    " and ".join(REGION_NAMES.get(r, r) for r in self._regions),
                                    ALL_REGIONS,
                                )
                            ]
                            if len(self._regions) > 1
                            else []
                        ),
                        value=default_region(self._regions) or Select.NULL,
                        allow_blank=not self._regions,
                        compact=True,
                        id="region",
                    )
                yield Static(
                    "Public helplines, listed for you to call if and when you choose; careplan never contacts "
                    "anyone. Enter or a click adds one to your team.",
                    classes="team-hint",
                    markup=False,
                )
                yield HelplineList(id="helplines-list", markup=False)

    def on_mount(self) -> None:
        table = self.query_one("#members", MembersTable)
        table.add_column("Name", key="name")
        table.add_column("Role", key="role")
        table.add_column("Tasks", key="tasks", width=TASKS_WIDTH)
        self._show_team()
        self._show_helplines(self.query_one("#region", Select).value)

    def lock_editing(self) -> None:
        super().lock_editing()
        for widget in self.query("#who-grid, #helplines-list"):
            widget.disabled = True
        self.query_one("#region", Select).disabled = False  # looking at helplines changes nothing

    # --- showing the team ------------------------------------------------------------------------

    def _show_team(self, highlight: str | None = None) -> None:
        """Redraw every view of the team, keeping the highlighted person (or `highlight`)."""
        table = self.query_one("#members", MembersTable)
        keep = highlight or self._highlighted_id()
        table.clear()
        for member in self.team:
            name = introduced(member, self.plan) or "(no name yet)"
            if member.first_contact:
                name = f"{name} {FIRST_CONTACT_MARK}"
            tasks = ", ".join(task_label(task) for task in member.tasks) or "-"
            # names, roles and tasks are in people's own words: plain, never markup
            table.add_row(
                plain(name),
                plain(member.role_label),
                plain(wrapped(tasks, TASKS_WIDTH)),
                key=member.id,
                height=None,  # as many lines as the tasks take
            )
        ids = [member.id for member in self.team]
        if keep in ids:
            table.move_cursor(row=ids.index(keep))
        self._show_first_contact()
        self._show_detail()
        self._show_who_does_what()

    def _show_first_contact(self) -> None:
        first = self.plan.first_contact
        if first is None:
            text = "First point of contact: nobody chosen yet (highlight someone and press F)."
        else:
            text = f"First point of contact: {called(first, self.plan)}, {first.role_label}"
        self.query_one("#first-contact-line", Static).update(text)

    def _show_detail(self) -> None:
        member = self.highlighted_member
        detail = self.query_one("#member-detail", Static)
        if member is None:
            detail.update(NOBODY_ON_TEAM)
            return
        lines = [
            f"{introduced(member, self.plan)} · {member.role_label}"
            + (" · first point of contact" if member.first_contact else "")
        ]
        if member.contact or member.when:
            lines.append(
                "How to reach: "
                + " · ".join(part for part in (member.contact, member.when) if part)
            )
        if member.helps_with:
            lines.append(f"Helps with: {member.helps_with}")
        if member.tasks:
            lines.append("Tasks: " + ", ".join(task_label(task) for task in member.tasks))
        if member.joined_on:
            lines.append(f"On the team since {day_in_words(member.joined_on)}")
        about_role = self._roles.get(member.role, "")
        if about_role:
            lines.append(f"About this role: {about_role}")
        detail.update("\n".join(lines))

    def _show_who_does_what(self) -> None:
        covers = who_does_what(self.plan)
        self.query_one("#nobody-yet", Static).update(needs_in_words(covers))
        grid = self.query_one("#who-grid", WhoGrid)
        # Keep the cursor on the same need and person: a change never moves it to another one.
        cursor = grid.cursor_coordinate
        row_key, column_key = None, None
        if grid.row_count and grid.is_valid_coordinate(cursor):
            row_key, column_key = (key.value for key in grid.coordinate_to_cell_key(cursor))
        grid.clear(columns=True)
        grid.add_column("The help we need", key="task", width=NEED_WIDTH)
        names = [called(member, self.plan) or "(no name yet)" for member in self.team]
        for member, heading in zip(self.team, headings(names, HEADING_WIDTH), strict=True):
            grid.add_column(plain(heading), key=member.id)
        for cover in covers:
            label = cover.label if cover.covered else f"{cover.label} (nobody yet)"
            cells = [TICK if member in cover.members else "" for member in self.team]
            grid.add_row(plain(wrapped(label, NEED_WIDTH)), *cells, key=cover.task, height=None)
        if not grid.row_count:
            return
        tasks = [cover.task for cover in covers]
        columns = ["task", *(member.id for member in self.team)]
        row = tasks.index(row_key) if row_key in tasks else cursor.row
        column = columns.index(column_key) if column_key in columns else cursor.column
        grid.cursor_coordinate = grid.validate_cursor_coordinate(Coordinate(row, column))

    @property
    def highlighted_member(self) -> TeamMember | None:
        member_id = self._highlighted_id()
        return next((member for member in self.team if member.id == member_id), None)

    def _highlighted_id(self) -> str | None:
        table = self.query_one("#members", MembersTable)
        if not table.row_count:
            return None
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return row_key.value

    @on(DataTable.RowHighlighted, "#members")
    def _member_highlighted(self) -> None:
        self._show_detail()

    # --- changing the team ----------------------------------------------------------------------

    def _keep_and_show(self, highlight: str | None = None) -> None:
        keep_needs_in_step(self.plan)  # a task given in the editor is a need the family has
        self.keep_draft()
        self._show_team(highlight)

    def action_add_member(self) -> None:
        if self.read_only:
            return
        self.action_show_tab("people")
        self.app.push_screen(
            MemberEditor(
                first_contact_now=self.plan.first_contact, joined_on=clock.session_day(self.app)
            ),
            self._member_added,
        )

    def _member_added(self, member: TeamMember | None) -> None:
        if member is None:
            return
        self.team.append(member)
        self._after_edit(member)
        self.notify(f"{called(member, self.plan)} is on the team.", title="Support team")

    def action_edit_member(self) -> None:
        member = self.highlighted_member
        if self.read_only:
            return
        self.action_show_tab("people")
        if member is None:
            self.notify(
                "There is nobody to change yet. Press A to add someone.", title="Support team"
            )
            return
        self.app.push_screen(
            MemberEditor(member, first_contact_now=self.plan.first_contact), self._member_edited
        )

    @on(DataTable.RowSelected, "#members")
    def _row_chosen(self) -> None:
        self.action_edit_member()

    def _member_edited(self, edited: TeamMember | None) -> None:
        if edited is None:
            return
        index = next((i for i, member in enumerate(self.team) if member.id == edited.id), None)
        if index is None:
            return  # removed meanwhile: nothing to change
        self.team[index] = edited
        self._after_edit(edited)

    def _after_edit(self, member: TeamMember) -> None:
        """Keep "only one first contact" true after an editor closed, and say if it moved."""
        if member.first_contact:
            before = set_first_contact(self.plan, member.id)
            if before is not None:
                self.notify(
                    f"{called(member, self.plan)} is now the first point of contact, "
                    f"instead of {called(before, self.plan)}.",
                    title="First point of contact",
                )
        self._keep_and_show(member.id)

    def action_remove_member(self) -> None:
        member = self.highlighted_member
        if self.read_only:
            return
        self.action_show_tab("people")
        if member is None:
            self.notify("There is nobody on the team to take off.", title="Support team")
            return

        def removed(yes: bool | None) -> None:
            if yes and member in self.team:
                keep_needs_in_step(self.plan)  # what they did is still needed: nobody yet
                self.team.remove(member)
                self._keep_and_show()
                self.notify(
                    f"{called(member, self.plan)} is off the team. Saved versions still have them.",
                    title="Support team",
                )

        self.app.push_screen(remove_question(member), removed)

    def action_first_contact(self) -> None:
        member = self.highlighted_member
        if self.read_only:
            return
        self.action_show_tab("people")
        if member is None:
            self.notify("Add someone to the team first.", title="First point of contact")
            return
        if member.first_contact:
            set_first_contact(self.plan, None)
            self.notify(
                f"{called(member, self.plan)} is no longer the first point of contact; "
                "nobody is for now.",
                title="First point of contact",
            )
        else:
            before = set_first_contact(self.plan, member.id)
            moved = f", instead of {called(before, self.plan)}" if before else ""
            self.notify(
                f"{called(member, self.plan)} is now the first point of contact{moved}.",
                title="First point of contact",
            )
        self._keep_and_show(member.id)

    @on(Button.Pressed, "#add-member")
    def _add_pressed(self) -> None:
        self.action_add_member()

    @on(Button.Pressed, "#edit-member")
    def _edit_pressed(self) -> None:
        self.action_edit_member()

    @on(Button.Pressed, "#remove-member")
    def _remove_pressed(self) -> None:
        self.action_remove_member()

    @on(Button.Pressed, "#first-contact")
    def _first_contact_pressed(self) -> None:
        self.action_first_contact()

    # --- who does what ----------------------------------------------------------------------------

    @on(DataTable.CellSelected, "#who-grid")
    def _toggle_task(self, event: DataTable.CellSelected) -> None:
        task, member_id = event.cell_key.row_key.value, event.cell_key.column_key.value
        member = next((member for member in self.team if member.id == member_id), None)
        if member is None or task is None or self.read_only:
            return  # the task names column
        who = called(member, self.plan) or "This person"
        if toggle_cover(self.plan, task, member):
            self.notify(f"{who} covers: {task_label(task)}.", title="Who does what")
        else:
            still = (
                ""
                if any(c.covered for c in who_does_what(self.plan) if c.task == task)
                else (" Nobody covers it yet; it stays on the help you need.")
            )
            self.notify(
                f"{who} no longer covers: {task_label(task)}.{still}", title="Who does what"
            )
        self._keep_and_show()

    def action_name_need(self) -> None:
        if self.read_only:
            return
        self.action_show_tab("who")
        self.app.push_screen(NeedEditor(named_needs(self.plan)), self._needs_named)

    def _needs_named(self, named: list[str] | None) -> None:
        added = [task for task in named or [] if add_need(self.plan, task) is not None]
        if not added:
            if named:
                self.notify("Those needs are already on the plan.", title="Who does what")
            return
        self._keep_and_show()
        grid = self.query_one("#who-grid", WhoGrid)
        grid.move_cursor(row=grid.get_row_index(added[-1]), column=0)
        self.notify(
            f"Named: {', '.join(task_label(task) for task in added)}. Nobody covers "
            f"{'it' if len(added) == 1 else 'them'} yet.",
            title="Who does what",
        )

    def action_remove_need(self) -> None:
        grid = self.query_one("#who-grid", WhoGrid)
        if self.read_only or not grid.row_count:
            return
        row_key, _ = grid.coordinate_to_cell_key(grid.cursor_coordinate)
        task = row_key.value
        if task is None:
            return
        cover = next((c for c in who_does_what(self.plan) if c.task == task), None)
        covering = [called(m, self.plan) for m in cover.members] if cover else []

        def removed(yes: bool | None) -> None:
            if yes:
                keep_needs_in_step(self.plan)
                remove_need(self.plan, task)
                self._keep_and_show()
                self.notify(
                    f"{task_label(task)} is off the help you need. Saved versions still have it.",
                    title="Who does what",
                )

        self.app.push_screen(remove_need_question(task_label(task), covering), removed)

    # --- helplines ---------------------------------------------------------------------------------

    @on(Select.Changed, "#region")
    def _region_chosen(self, event: Select.Changed) -> None:
        self._show_helplines(event.value)

    def _show_helplines(self, region: object) -> None:
        regions = (
            self._regions if region == ALL_REGIONS else [region] if isinstance(region, str) else []
        )
        found = [(place, helpline) for place in regions for helpline in content.helplines(place)]
        self._helplines = [helpline for _place, helpline in found]
        listing = self.query_one("#helplines-list", HelplineList)
        listing.clear_options()
        for index, (place, helpline) in enumerate(found):
            if index:
                listing.add_option(None)  # a dividing line between helplines
            reach = " · ".join(part for part in (helpline.phone, helpline.website) if part)
            where = f" ({REGION_NAMES.get(place, place)})" if region == ALL_REGIONS else ""
            listing.add_option(
                Option(f"{helpline.name}{where}\n{reach}\n{helpline.helps_with}", id=str(index))
            )
        if self._helplines:
            listing.highlighted = 0

    @on(OptionList.OptionSelected, "#helplines-list")
    def _add_helpline(self, event: OptionList.OptionSelected) -> None:
        if self.read_only or event.option.id is None:
            return
        helpline = self._helplines[int(event.option.id)]
        if any(member.name == helpline.name for member in self.team):
            self.notify(f"{helpline.name} is already on your team.", title="Helplines")
            return
        member = TeamMember(
            name=helpline.name,
            role="helpline",
            contact=" · ".join(part for part in (helpline.phone, helpline.website) if part),
            helps_with=helpline.helps_with,
            joined_on=clock.session_day(self.app),
        )
        self.team.append(member)
        self._keep_and_show(member.id)
        self.notify(f"{called(member)} is on your team now.", title="Helplines")

    # --- tabs ----------------------------------------------------------------------------------------

    def action_show_tab(self, tab: str) -> None:
        tabs = self.query_one("#team-tabs", TabbedContent)
        if tabs.active != tab:
            tabs.active = tab
        focus = {"people": "#members", "who": "#who-grid", "helplines": "#helplines-list"}[tab]
        self.query_one(focus).focus()
