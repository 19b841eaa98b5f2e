"""About us: who the plan is for, in their own words, and who is planning with them.

Every field is written to the working plan as it is typed and kept in the draft when the typing
pauses (and always before the screen is left), so nothing is lost.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from careplan import vocab
from careplan.model import Participant
from careplan.people import plan_title
from careplan.screens.section_base import SectionScreen
from careplan.screens.widgets.date_field import DateField
from careplan.screens.widgets.questions import SuggestedQuestions
from careplan.screens.widgets.speaker import SpeakerBar
from careplan.screens.widgets.text_box import TextBox

NAME_NEEDED = "The person's name is needed, so the plan knows whose it is."


class ParticipantRow(Horizontal):
    """One person taking part, edited in place: name, what they like to be called, role, how they
    are related."""

    def __init__(self, participant: Participant) -> None:
        super().__init__(classes="participant-row")
        self.participant = participant

    def compose(self) -> ComposeResult:
        person = self.participant
        yield TextBox(person.name, placeholder="name", classes="participant-name")
        yield TextBox(
            person.preferred_name, placeholder="(if not their name)", classes="participant-called"
        )
        yield Select(
            [(label, role) for role, label in vocab.PARTICIPANT_ROLES.items()],
            value=person.role if person.role in vocab.PARTICIPANT_ROLES else Select.NULL,
            allow_blank=person.role not in vocab.PARTICIPANT_ROLES,
            classes="participant-role",
        )
        yield TextBox(
            person.relationship, placeholder="e.g. wife, son", classes="participant-relationship"
        )
        yield Button("Remove", classes="participant-remove", compact=True)


class AboutScreen(SectionScreen):
    SECTION = "about"
    FIRST_FIELD = "#about-name"  # typing on arrival goes into the first field
    HELP = """\
**About us.** The person's name and what they like to be called, their date of birth, their
illness in their own words, and everyone taking part in planning (the person, caregivers, and
anyone helping, such as a social worker).

- Everything is kept as you type. Tab moves between fields.
- A date can be typed freely ("3 March 1956", "1956-03-03"); it is shown back in words, and
  goes into the plan when you press Enter or move on.
- "Add someone" adds a person taking part; "Remove" takes one out.
"""

    BINDINGS = [
        Binding(
            "ctrl+n",
            "add_participant",
            "Add someone",
            id="about_add",
            tooltip="Add a person taking part",
        ),
    ]

    def compose_body(self) -> ComposeResult:
        about = self.plan.about
        with VerticalScroll(classes="section-body"), Horizontal(classes="columns"):
            with Vertical(classes="form-column"):
                yield Label("Name", classes="field-label")
                yield TextBox(about.name, placeholder="their full name", id="about-name")
                yield Static(
                    NAME_NEEDED if not about.name.strip() else "",
                    id="about-name-message",
                    classes="field-message",
                    markup=False,
                )
                yield Label("What they like to be called", classes="field-label")
                yield TextBox(about.preferred_name, placeholder="e.g. Maggie", id="about-preferred")
                yield Label("Date of birth", classes="field-label")
                yield DateField(self.working, "about.date_of_birth", id="about-dob")
                yield Label(
                    "Their own reference, if they have one (e.g. a hospital number)",
                    classes="field-label",
                )
                yield TextBox(about.reference, placeholder="optional", id="about-reference")
                yield Label("The illness, in their own words", classes="field-label")
                yield TextArea(about.illness, id="about-illness", classes="short-text")
                yield Label("Who is taking part", classes="field-label")
                with Horizontal(classes="participant-head"):
                    yield Static("Name", classes="participant-name")
                    yield Static("Likes to be called", classes="participant-called")
                    yield Static("Taking part as", classes="participant-role")
                    yield Static("How they are related", classes="participant-relationship")
                    yield Static("", classes="participant-remove")
                with Vertical(id="participants"):
                    for person in about.participants:
                        yield ParticipantRow(person)
                yield Button("Add someone (Ctrl+N)", id="add-participant", compact=True)
            yield SuggestedQuestions("about", classes="questions-column")

    # --- the person -------------------------------------------------------------------------

    @on(Input.Changed, "#about-name")
    def name_changed(self, event: Input.Changed) -> None:
        self.plan.about.name = event.value
        self.query_one("#about-name-message", Static).update(
            "" if event.value.strip() else NAME_NEEDED
        )
        self.names_changed()

    @on(Input.Changed, "#about-preferred")
    def preferred_changed(self, event: Input.Changed) -> None:
        self.plan.about.preferred_name = event.value
        self.names_changed()

    @on(Input.Changed, "#about-reference")
    def reference_changed(self, event: Input.Changed) -> None:
        self.plan.about.reference = event.value
        self.names_changed()  # the title tells the person apart by it

    def names_changed(self) -> None:
        self.keep_draft_soon()
        self.sub_title = f"{plan_title(self.plan.about)} · {self.title_text}"
        for bar in self.query(SpeakerBar):
            bar.refresh_speaker()

    @on(TextArea.Changed, "#about-illness")
    def illness_changed(self, event: TextArea.Changed) -> None:
        self.plan.about.illness = event.text_area.text
        self.keep_draft_soon()

    # --- who is taking part -----------------------------------------------------------------

    @on(Input.Changed, ".participant-name, .participant-called, .participant-relationship")
    def participant_typed(self, event: Input.Changed) -> None:
        row = self.row_of(event.input)
        if event.input.has_class("participant-name"):
            row.participant.name = event.value
        elif event.input.has_class("participant-called"):
            row.participant.preferred_name = event.value
        else:
            row.participant.relationship = event.value
        self.keep_draft_soon()

    @on(Select.Changed, ".participant-role")
    def participant_role(self, event: Select.Changed) -> None:
        if isinstance(event.value, str):
            self.row_of(event.select).participant.role = vocab.one_of(
                event.value, vocab.PARTICIPANT_ROLES
            )
            self.keep_draft_soon()

    async def action_add_participant(self) -> None:
        if self.read_only:
            return
        others = {person.role for person in self.plan.about.participants}
        person = Participant(role="person" if "person" not in others else "caregiver")
        self.plan.about.participants.append(person)
        self.keep_draft()
        row = ParticipantRow(person)
        await self.query_one("#participants", Vertical).mount(row)
        self.focus_new_row(row, row.query_one(".participant-name", Input))

    @on(Button.Pressed, "#add-participant")
    async def add_pressed(self) -> None:
        await self.action_add_participant()

    @on(Button.Pressed, ".participant-remove")
    def remove_pressed(self, event: Button.Pressed) -> None:
        from careplan.screens.widgets.confirm import ConfirmScreen

        row = self.row_of(event.button)
        name = row.participant.name.strip()
        if not name:
            self.remove_participant(row, True)
            return
        self.app.push_screen(
            ConfirmScreen(
                f"Take {name} out of the people taking part?",
                "Until the plan is saved, Discard changes (in Review and save) brings them back.",
                yes=f"Take {name} out",
                no="No, keep them",
            ),
            callback=lambda remove: self.remove_participant(row, bool(remove)),
        )

    def remove_participant(self, row: ParticipantRow, remove: bool) -> None:
        if not remove:
            return
        people = self.plan.about.participants
        people[:] = [person for person in people if person is not row.participant]
        self.keep_draft()
        row.remove()

    def row_of(self, widget: object) -> ParticipantRow:
        node = widget
        while not isinstance(node, ParticipantRow):
            node = node.parent  # type: ignore[attr-defined]
        return node
