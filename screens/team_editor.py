"""The support team's editor: one person's details.

`MemberEditor` is a typed modal closed with the edited TeamMember (or None when nothing should
change); `remove_question` asks before someone is taken off. Neither touches the plan: the team
screen does that with what they return.
"""

from __future__ import annotations

import copy
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import HorizontalGroup, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Label, Select, Static

from careplan import content, vocab
from careplan.date_fields import MEMBER_JOINED
from careplan.model import TeamMember
from careplan.names import called
from careplan.screens.form_modal import FormModal, leave_question
from careplan.screens.widgets.checklist import CheckList
from careplan.screens.widgets.confirm import ConfirmScreen
from careplan.screens.widgets.date_field import DayBox
from careplan.screens.widgets.text_box import TextBox
from careplan.screens.widgets.word_select import WordSelect
from careplan.styles import stylesheet

EDITOR_HINT = "Enter or Ctrl+S saves · Tab moves to the next box · Esc closes"
FIRST_CONTACT = "first"


def role_descriptions() -> dict[str, str]:
    """Plain words about each role (none for "custom": its name is the person's own)."""
    try:
        return {suggestion.id: suggestion.text for suggestion in content.roles()}
    except Exception:  # help text is optional: a broken content file must not stop the team
        return {}


def split_tasks(tasks: list[str]) -> tuple[list[str], list[str]]:
    """(vocab.TASKS ids, tasks in the person's own words), each in the order kept."""
    known = [task for task in tasks if task in vocab.TASKS]
    own = [task for task in tasks if task not in vocab.TASKS]
    return known, own


def own_words(text: str) -> list[str]:
    """Tasks typed with commas between, tidied; nothing empty, nothing twice."""
    seen: list[str] = []
    for part in text.split(","):
        task = " ".join(part.split())
        if task and task not in seen:
            seen.append(task)
    return seen


class TaskList(CheckList):
    BINDINGS = [
        Binding(
            "space,enter",
            "select",
            "Take on or not",
            id="team_editor.toggle_task",
            tooltip="Tick a task this person takes on, or untick it",
        ),
    ]


class NeedEditor(FormModal[list[str]]):
    """Name the help the family needs: tick from the task list, or write their own words. Closes
    with what was named (vocab.TASKS ids and own words), or None. Needs already named are not
    offered again."""

    HEADING = "The help you need"

    def __init__(self, named: list[str]) -> None:
        super().__init__()
        self.offered = [(task, label) for task, label in vocab.TASKS.items() if task not in named]

    def compose_fields(self) -> ComposeResult:
        yield Static(
            "Name help you need even if nobody does it yet: it stays on the plan, shown as "
            '"nobody yet", until you take it off.',
            classes="form-note",
            markup=False,
        )
        if self.offered:
            yield Label("From the list (Space or a click ticks one)", classes="field-label")
            yield TaskList(self.offered, (), id="need-tasks")
        yield Label("In your own words (commas between)", classes="field-label")
        yield TextBox("", placeholder="e.g. Overnight help, Someone to sit with me", id="need-own")

    def on_mount(self) -> None:
        super().on_mount()
        first = next(iter(self.query("#need-tasks")), None)
        (first or self.query_one("#need-own")).focus()

    def _named(self) -> list[str]:
        ticked = next(iter(self.query("#need-tasks").results(TaskList)), None)
        chosen = [task for task, _ in self.offered if ticked is not None and task in ticked.checked]
        return chosen + own_words(self.query_one("#need-own", Input).value)

    def collect(self) -> list[str] | None:
        named = self._named()
        if not named:
            self.show_problem(
                "Tick a need from the list, or write one in your own words.", "#need-own"
            )
            return None
        return named

    @property
    def has_typed(self) -> bool:
        return bool(self._named())


def remove_need_question(label: str, covered_by: list[str]) -> ConfirmScreen:
    """Take a need off the plan? Said plainly when someone covers it now: it comes off them too."""
    detail = "It stays in the versions already saved."
    if covered_by:
        who = " and ".join(covered_by)
        detail = f"{who} {'covers' if len(covered_by) == 1 else 'cover'} it now; it comes off them too. {detail}"
    return ConfirmScreen(
        f"Take {label} off the help you need?",
        detail,
        yes="Yes, take it off",
        no="No, keep it",
    )


class FirstContactChoice(CheckList):
    BINDINGS = [
        Binding(
            "space,enter",
            "select",
            "First contact or not",
            id="team_editor.toggle_first_contact",
            tooltip="Make this person the first one to call, or not",
        ),
    ]


class MemberEditor(ModalScreen[TeamMember | None]):
    """Add someone to the team, or change their details. Closes with the member, or None."""

    CSS_PATH = stylesheet("team.tcss")

    BINDINGS = [
        Binding(
            "escape",
            "cancel",
            "Close",
            id="team_editor.cancel",
            tooltip="Close without keeping changes (asks first if you changed something)",
        ),
        Binding(
            "ctrl+s", "save", "Save", id="team_editor.save", tooltip="Save these details and close"
        ),
    ]

    def __init__(
        self,
        member: TeamMember | None = None,
        *,
        first_contact_now: TeamMember | None = None,
        joined_on: date | None = None,
    ) -> None:
        """`joined_on`: the day someone new joins (the session's day), which can be changed."""
        super().__init__(classes="team-editor")
        self.is_new = member is None
        self.original = member or TeamMember(joined_on=joined_on)
        self.member = copy.deepcopy(self.original)
        self.first_contact_now = first_contact_now  # so the form can say that ticking moves it
        self._roles = role_descriptions()

    # --- layout ---------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        member = self.member
        known_tasks, own_tasks = split_tasks(member.tasks)
        heading = (
            "Someone new on the team"
            if self.is_new
            else f"{called(member) or 'This person'}: their details"
        )
        # The fields scroll; the hint and Save / Cancel stay below them, in view even at 80x24.
        with Vertical(classes="editor-dialog"):
            with VerticalScroll(classes="editor-fields"):
                yield Static(heading, classes="editor-heading", markup=False)
                yield Label("Name", classes="field-label")
                yield TextBox(member.name, placeholder="e.g. Jess Ellis, or Dr Reyes", id="name")
                yield Static("", id="name-problem", classes="editor-problem", markup=False)
                yield Label(
                    "Likes to be called (if not by their name as written)", classes="field-label"
                )
                yield TextBox(member.preferred_name, placeholder="e.g. Jess", id="preferred-name")
                yield Label("Role (type a word of it, e.g. nurse)", classes="field-label")
                yield WordSelect(
                    [(label, key) for key, label in vocab.TEAM_ROLES.items()],
                    value=member.role if member.role in vocab.TEAM_ROLES else "custom",
                    allow_blank=False,
                    id="role",
                )
                yield TextBox(
                    member.custom_role,
                    placeholder="Name the role, e.g. Chaplain or Carer from the agency",
                    id="custom-role",
                )
                yield Static("", id="custom-role-problem", classes="editor-problem", markup=False)
                yield Static("", id="role-help", classes="role-help", markup=False)
                yield Label("How to reach them", classes="field-label")
                yield TextBox(
                    member.contact,
                    placeholder="a phone number, an email, or where to find them",
                    id="contact",
                )
                yield Label("When", classes="field-label")
                yield TextBox(
                    member.when, placeholder="e.g. weekdays 9 to 5, evenings, any time", id="when"
                )
                yield Label("What they help with", classes="field-label")
                yield TextBox(member.helps_with, placeholder="in your own words", id="helps-with")
                yield Label("Joined the team on", classes="field-label")
                yield DayBox(MEMBER_JOINED, member.joined_on, id="joined-on")
                yield Static("", id="joined-on-problem", classes="editor-problem", markup=False)
                yield Label(
                    "Tasks they take on (Space or a click ticks one)", classes="field-label"
                )
                yield TaskList(vocab.TASKS.items(), known_tasks, id="tasks")
                yield Label(
                    "Other tasks, in your own words (commas between)", classes="field-label"
                )
                yield TextBox(
                    ", ".join(own_tasks),
                    placeholder="e.g. Gardening, Reading to me",
                    id="own-tasks",
                )
                yield FirstContactChoice(
                    [(FIRST_CONTACT, "First point of contact: the first person to call")],
                    [FIRST_CONTACT] if member.first_contact else [],
                    id="first-contact",
                )
                yield Static("", id="first-contact-note", classes="editor-note", markup=False)
            with Vertical(classes="editor-foot"):
                yield Static(EDITOR_HINT, classes="editor-hint")
                with HorizontalGroup(classes="editor-buttons"):
                    yield Button("Save", id="editor-save", variant="primary", compact=True)
                    yield Button("Cancel", id="editor-cancel", compact=True)
        yield Footer()  # this dialog's keys, not those of the screen behind it

    def on_mount(self) -> None:
        self._show_role(self.query_one("#role", Select).value)
        self._show_first_contact_note()
        self.query_one("#name", Input).focus()

    # --- what the form shows as it is filled in ----------------------------------------------

    @on(Select.Changed, "#role")
    def _role_chosen(self, event: Select.Changed) -> None:
        self._show_role(event.value)

    def _show_role(self, role: object) -> None:
        self.query_one("#custom-role", Input).display = role == "custom"
        if role != "custom":  # nothing to name now: its message goes too
            self.query_one("#custom-role-problem", Static).update("")
            self.query_one("#custom-role-problem").remove_class("-shown")
        help_text = self._roles.get(role, "") if isinstance(role, str) else ""
        self.query_one("#role-help", Static).update(
            f"About this role: {help_text}" if help_text else ""
        )

    @on(Input.Changed, "#name")
    def _name_typed(self, event: Input.Changed) -> None:
        if event.value.strip():  # "A name is needed" goes once there is one
            self.query_one("#name-problem", Static).update("")
            self.query_one("#name-problem").remove_class("-shown")

    @on(CheckList.Toggled, "#first-contact")
    def _show_first_contact_note(self) -> None:
        ticked = self.query_one("#first-contact", FirstContactChoice).is_checked(FIRST_CONTACT)
        now = self.first_contact_now
        note = ""
        if ticked and now is not None and now.id != self.original.id:
            note = (
                "Only one person can be the first point of contact: this moves it from "
                f"{called(now)}."
            )
        self.query_one("#first-contact-note", Static).update(note)

    def show_problem(self, text: str, focus: str) -> None:
        """Say what is missing right under the field (`focus`, e.g. "#name"), and go there: a
        message at the foot of a long form is out of sight."""
        for problem in self.query(".editor-problem").results(Static):
            shown = problem.id == f"{focus.removeprefix('#')}-problem"
            problem.update(text if shown else "")
            problem.set_class(shown and bool(text), "-shown")
        field = self.query_one(focus)
        field.focus()
        problem_line = self.query_one(f"{focus}-problem")

        def bring_into_view() -> None:  # the message, then the box just above it: both in sight
            problem_line.scroll_visible(animate=False)
            field.scroll_visible(animate=False)

        self.call_after_refresh(bring_into_view)

    # --- the result -------------------------------------------------------------------------------

    def collect(self) -> TeamMember:
        """The member as the form now reads (not checked)."""
        member = copy.deepcopy(self.member)
        member.name = self.query_one("#name", Input).value.strip()
        member.preferred_name = self.query_one("#preferred-name", Input).value.strip()
        member.role = vocab.one_of(self.query_one("#role", Select).value, vocab.TEAM_ROLES)
        member.custom_role = (
            self.query_one("#custom-role", Input).value.strip() if member.role == "custom" else ""
        )
        member.contact = self.query_one("#contact", Input).value.strip()
        member.when = self.query_one("#when", Input).value.strip()
        member.helps_with = self.query_one("#helps-with", Input).value.strip()
        joined = self.query_one("#joined-on", DayBox)
        member.joined_on = member.joined_on if joined.problem else joined.value
        ticked = self.query_one("#tasks", TaskList).checked
        own = own_words(self.query_one("#own-tasks", Input).value)
        kept = [task for task in self.original.tasks if task in ticked]  # keep the order they had
        member.tasks = (
            kept + [task for task in vocab.TASKS if task in ticked and task not in kept] + own
        )
        member.first_contact = self.query_one("#first-contact", FirstContactChoice).is_checked(
            FIRST_CONTACT
        )
        return member

    def action_save(self) -> None:
        member = self.collect()
        joined = self.query_one("#joined-on", DayBox)
        if not member.name:
            self.show_problem("A name is needed, so everyone knows who this is.", "#name")
        elif joined.problem:
            self.show_problem(joined.problem, "#joined-on")
        elif member.role == "custom" and not member.custom_role:
            self.show_problem(
                'Give the role a name, or choose one from the list above "Other role".',
                "#custom-role",
            )
        else:
            self.dismiss(member)

    @property
    def has_typed(self) -> bool:
        """Whether the form holds changes not kept yet (quitting asks about them too)."""
        return self.collect() != self.original or self.query_one("#joined-on", DayBox).typed

    def action_cancel(self) -> None:
        if not self.has_typed:
            self.dismiss(None)
            return
        self.app.push_screen(leave_question(), self._after_leave_question)

    def _after_leave_question(self, answer: str | None) -> None:
        if answer == "save":
            self.action_save()
        elif answer == "discard":
            self.dismiss(None)

    @on(Input.Submitted)
    def _enter_keeps(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    @on(Button.Pressed, "#editor-save")
    def _save_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_save()

    @on(Button.Pressed, "#editor-cancel")
    def _cancel_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_cancel()


def remove_question(member: TeamMember) -> ConfirmScreen:
    """Take someone off the team? True only on a clear yes; Enter and Esc keep them."""
    name = called(member) or "this person"
    return ConfirmScreen(
        f"Take {name} off the team?",
        "Versions you have already saved keep them, so nothing is lost from the plan's history.",
        yes="Yes, take them off",
        no=f"No, keep {name}",
    )
