"""What matters most: the person's own statements, each in the voice that said it, with room for
another voice to see it differently, shown beside it (below it when there is little room) and
never written over.

Statements are edited in place and kept as they are typed. A new one takes the voice of whoever
is speaking now (F2 changes it).
"""

from __future__ import annotations

from typing import TypeVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, HorizontalGroup, Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Button, Label, Select, TextArea

from careplan import vocab
from careplan.model import CarePlan, Statement, View
from careplan.screens.section_base import SectionScreen
from careplan.screens.widgets.questions import SuggestedQuestions
from careplan.screens.wording import plain
from careplan.styles import stylesheet
from careplan.voices import voice_name

RowType = TypeVar("RowType", bound=Widget)

# A statement's first line on one line: whose words (16 cells, matters.tcss), "Another view" (14),
# "Remove" (8) and the gaps between them. With room for two of these, other views go beside the
# statement, else below it; without room for one, the buttons go below whose words.
HEAD_WIDTH = 40


def voice_options(plan: CarePlan) -> list[tuple[Text, str]]:
    """Short labels for whose words, as typed: "Maggie", "Tom Ellis", "Together"."""
    return [
        (plain(voice_name(plan, voice) if voice != "together" else "Together"), voice)
        for voice in vocab.VOICES
    ]


def other_voice(statement: Statement, speaker: vocab.Voice) -> vocab.Voice:
    """Whose view to add: whoever is speaking now, if that is not whose words these already are."""
    if speaker != statement.voice and speaker != "together":
        return speaker
    return "caregiver" if statement.voice != "caregiver" else "person"


def voice_select(plan: CarePlan, voice: str, classes: str) -> Select[str]:
    known = voice in vocab.VOICES
    return Select(
        voice_options(plan),
        value=voice if known else Select.NULL,
        allow_blank=not known,
        compact=True,
        classes=f"voice-select {classes}",
    )


class ViewRow(Vertical):
    """Another voice's view of a statement, beside it: whose view on top, their words below."""

    def __init__(self, plan: CarePlan, statement: Statement, view: View) -> None:
        super().__init__(classes="view-row")
        self.plan = plan
        self.statement = statement
        self.view = view

    def compose(self) -> ComposeResult:
        with Horizontal(classes="row-head"):
            yield voice_select(self.plan, self.view.voice, "view-voice")
            with HorizontalGroup(classes="row-buttons"):
                yield Button("Remove view", classes="view-remove", compact=True)
        yield TextArea(self.view.text, placeholder="how they see it", classes="view-text")


class StatementRow(Vertical):
    """A statement and, side by side with it, any other views of it."""

    def __init__(self, plan: CarePlan, statement: Statement) -> None:
        super().__init__(classes="statement-row")
        self.plan = plan
        self.statement = statement

    def on_resize(self, event: events.Resize) -> None:
        """Lay out for the room this row has, which a guided session's panel makes smaller, so
        whose words these are always shows: this follows the row's width, not the screen's."""
        self.set_class(event.size.width >= 2 * HEAD_WIDTH + 1, "-beside")
        self.set_class(event.size.width < HEAD_WIDTH, "-tight")

    def compose(self) -> ComposeResult:
        statement = self.statement
        with Horizontal(classes="statement-sides"):
            with Vertical(classes="statement-main"):
                with Horizontal(classes="row-head"):
                    yield voice_select(self.plan, statement.voice, "statement-voice")
                    with HorizontalGroup(classes="row-buttons"):
                        yield Button("Another view", classes="statement-add-view", compact=True)
                        yield Button("Remove", classes="statement-remove", compact=True)
                yield TextArea(
                    statement.text, placeholder="in their own words", classes="statement-text"
                )
            with Vertical(classes="statement-views"):
                for view in statement.other_views:
                    yield ViewRow(self.plan, statement, view)


class MattersScreen(SectionScreen):
    CSS_PATH = stylesheet("matters.tcss")
    SECTION = "matters"
    FIRST_FIELD = ".statement-text, .kind-add"  # the first statement, or the first group's Add
    HELP = """\
**What matters most.** What gives strength, what worries, what is hoped for, what the person
can't imagine living without, in their own words.

- Each statement says whose words it is. A new one takes the voice of whoever is speaking now
  (F2 changes who is speaking).
- "Another view" adds how someone else sees the same thing, beside it (or below it in a narrow
  window); both are kept.
- Ctrl+N adds a statement to the group you are in (the first group when you are in none).
  Everything is kept as you type.
"""

    BINDINGS = [
        Binding(
            "ctrl+n",
            "add_here",
            "Add a statement",
            id="matters_add",
            tooltip="Add a statement to the group you are in, or else to the first group",
        ),
    ]

    def compose_body(self) -> ComposeResult:
        with VerticalScroll(classes="section-body"), Horizontal(classes="columns"):
            with Vertical(classes="form-column"):
                for kind, title in vocab.STATEMENT_KINDS.items():
                    with Vertical(classes="kind-group", id=f"kind-{kind}"):
                        yield Label(title, classes="kind-title")
                        for statement in self.plan.matters:
                            if statement.kind == kind:
                                yield StatementRow(self.plan, statement)
                        yield Button(
                            f"Add: {title[:1].lower()}{title[1:]}",
                            id=f"add-{kind}",
                            classes="kind-add",
                            compact=True,
                        )  # only the first letter: "what I hope for"
                unknown = [s for s in self.plan.matters if s.kind not in vocab.STATEMENT_KINDS]
                if unknown:  # from a newer careplan: shown, never dropped
                    yield Label("Other", classes="kind-title")
                    for statement in unknown:
                        yield StatementRow(self.plan, statement)
            yield SuggestedQuestions("matters", classes="questions-column")

    # --- adding and removing ----------------------------------------------------------------

    @on(Button.Pressed, ".kind-add")
    async def add_pressed(self, event: Button.Pressed) -> None:
        await self.add_statement((event.button.id or "add-other").removeprefix("add-"))

    async def action_add_here(self) -> None:
        group = self.focused_group()
        first = next(
            iter(vocab.STATEMENT_KINDS)
        )  # in no group (nothing focused): the first, not the last
        await self.add_statement(group.id.removeprefix("kind-") if group and group.id else first)

    async def add_statement(self, kind: str) -> None:
        if self.read_only:
            return
        statement = Statement(
            kind=vocab.one_of(kind, vocab.STATEMENT_KINDS), voice=self.working.speaker
        )
        self.plan.matters.append(statement)
        self.keep_draft()
        group = self.query_one(f"#kind-{kind}", Vertical)
        row = StatementRow(self.plan, statement)
        await group.mount(row, before=group.query_one(".kind-add"))
        self.focus_new_row(row, row.query_one(".statement-text", TextArea))

    def focused_group(self) -> Widget | None:
        node = self.focused
        while node is not None and not node.has_class("kind-group"):
            node = node.parent if isinstance(node.parent, Widget) else None
        return node

    @on(Button.Pressed, ".statement-remove")
    def remove_pressed(self, event: Button.Pressed) -> None:
        from careplan.screens.widgets.confirm import ConfirmScreen

        row = self.ancestor(event.button, StatementRow)
        if not row.statement.text.strip() and not row.statement.other_views:
            self.remove_statement(row, True)
            return
        self.app.push_screen(
            ConfirmScreen(
                "Take this out of the plan?",
                f'"{row.statement.text.strip()}"\n\nUntil the plan is saved, Discard changes (in Review and save) '
                "brings it back; saved versions always keep it.",
                yes="Take it out",
                no="No, keep it",
            ),
            callback=lambda remove: self.remove_statement(row, bool(remove)),
        )

    def remove_statement(self, row: StatementRow, remove: bool) -> None:
        if remove:
            self.plan.matters[:] = [s for s in self.plan.matters if s is not row.statement]
            self.keep_draft()
            row.remove()

    # --- editing ----------------------------------------------------------------------------

    @on(TextArea.Changed, ".statement-text")
    def statement_typed(self, event: TextArea.Changed) -> None:
        self.ancestor(event.text_area, StatementRow).statement.text = event.text_area.text
        self.keep_draft_soon()

    @on(Select.Changed, ".statement-voice")
    def statement_voice(self, event: Select.Changed) -> None:
        if isinstance(event.value, str):
            self.ancestor(event.select, StatementRow).statement.voice = vocab.one_of(
                event.value, vocab.VOICES
            )
            self.keep_draft_soon()

    # --- another view -----------------------------------------------------------------------

    @on(Button.Pressed, ".statement-add-view")
    async def add_view(self, event: Button.Pressed) -> None:
        if self.read_only:
            return
        row = self.ancestor(event.button, StatementRow)
        view = View(voice=other_voice(row.statement, self.working.speaker))
        row.statement.other_views.append(view)
        self.keep_draft()
        view_row = ViewRow(self.plan, row.statement, view)
        await row.query_one(".statement-views", Vertical).mount(view_row)
        self.focus_new_row(view_row, view_row.query_one(".view-text", TextArea))

    @on(TextArea.Changed, ".view-text")
    def view_typed(self, event: TextArea.Changed) -> None:
        self.ancestor(event.text_area, ViewRow).view.text = event.text_area.text
        self.keep_draft_soon()

    @on(Select.Changed, ".view-voice")
    def view_voice(self, event: Select.Changed) -> None:
        if isinstance(event.value, str):
            self.ancestor(event.select, ViewRow).view.voice = vocab.one_of(
                event.value, vocab.VOICES
            )
            self.keep_draft_soon()

    @on(Button.Pressed, ".view-remove")
    def remove_view_pressed(self, event: Button.Pressed) -> None:
        from careplan.screens.widgets.confirm import ConfirmScreen

        row = self.ancestor(event.button, ViewRow)
        if not row.view.text.strip():
            self.remove_view(row, True)
            return
        self.app.push_screen(
            ConfirmScreen(
                f"Take out {voice_name(self.plan, row.view.voice)}'s view?",
                f'"{row.view.text.strip()}"\n\nThe statement itself stays.',
                yes="Take the view out",
                no="No, keep it",
            ),
            callback=lambda remove: self.remove_view(row, bool(remove)),
        )

    def remove_view(self, row: ViewRow, remove: bool) -> None:
        if remove:
            views = row.statement.other_views
            views[:] = [view for view in views if view is not row.view]
            self.keep_draft()
            row.remove()

    @staticmethod
    def ancestor(widget: Widget, kind: type[RowType]) -> RowType:
        node = widget
        while not isinstance(node, kind):
            node = node.parent  # type: ignore[assignment]
        return node
