"""If I can't speak for myself: who would speak for the person, which planning documents exist and
where, and what care they would want. "Not now" is an answer too, kept with its day.

careplan records that documents exist and where; it is not one of them (content.NOT_A_DOCUMENT is
on the screen and in every export). Suggested questions come from careplan.content, with sources.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, HorizontalGroup, Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Button, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from careplan import content, vocab
from careplan.dates import day_in_words
from careplan.model import CarePlan, CareWish, PlanningDocument, Spokesperson
from careplan.names import called
from careplan.screens import clock
from careplan.screens.advance_care_editors import DocumentEditor, SpeakerEditor, WishEditor
from careplan.screens.section_base import SectionScreen
from careplan.screens.widgets.confirm import ChoiceScreen
from careplan.screens.widgets.questions import SuggestedQuestions
from careplan.screens.wording import plain, voice_name
from careplan.styles import stylesheet
from careplan.working_plan import WorkingPlan

LISTS = ("speakers", "documents", "wishes")
_CHANGES = {
    "add_speaker",
    "speaker_from_team",
    "add_document",
    "add_wish",
    "edit_item",
    "remove_item",
    "move_up",
    "not_now",
}
_FOR_HIGHLIGHTED = {"edit_item", "remove_item"}

EMPTY = {
    "speakers": "Nobody named yet. Press a to name someone, or t to choose from the support team.",
    "documents": "No documents written down. Press d to add one that exists.",
    "wishes": "Nothing written yet. Press w to write what care they would want.",
}


def speaker_line(index: int, speaker: Spokesperson, plan: CarePlan | None = None) -> str:
    order = "First" if index == 0 else "Then"
    line = f"{order}: {called(speaker, plan) or 'someone'}"
    if speaker.relationship.strip():
        line += f" ({speaker.relationship.strip()})"
    said = [
        vocab.label(vocab.STANDINGS, speaker.standing) if speaker.standing else "standing not said",
        vocab.label(vocab.AGREEMENTS, speaker.agreement) if speaker.agreement else "",
    ]
    return line + "\n   " + " · ".join(part for part in said if part)


def document_line(document: PlanningDocument) -> str:
    line = document.kind_label
    if document.dated is not None:
        line += f", {vocab.label(vocab.DOCUMENT_DATES, document.dated_as).lower()} {day_in_words(document.dated)}"
    details = []
    if document.kept_where.strip():
        details.append(f"original: {document.kept_where.strip()}")
    if document.copies_with.strip():
        details.append(f"copies: {document.copies_with.strip()}")
    return line + ("\n   " + " · ".join(details) if details else "")


class AdvanceCareScreen(SectionScreen):
    CSS_PATH = stylesheet("advance_care.tcss")
    SECTION = "advance_care"
    FIRST_FIELD = "#speakers"
    HELP = """\
# If I can't speak for myself

Who would speak for the person if they could not, **in order** (the first, then whoever would step
in), which planning documents **exist and where they are**, and **what care they would want**, in
their own words. A caregiver who sees a wish differently can add their view beside it.

careplan records that a document exists and where; it is not the document, and nothing here is
legal or medical advice. A document counts only when it is made the way the person's country or
state requires: the care team, a social worker, or a solicitor or lawyer can say how.

**Not now** (n) is an answer: the day is kept, it is never asked about again, and this part can be
opened whenever they are ready (n again).

Keys: **a** name someone, **t** choose someone from the support team, **d** a document, **w** a wish,
**e** or Enter change the highlighted line, **u** move a person up the order, **x** remove (saved
versions keep it), **F2** who is speaking, **Esc** go back.
"""

    BINDINGS = [
        # The footer shows the keys that add and "Not now"; those that act on the chosen item are
        # in F1 help and on the buttons beside each list, so the footer fits 80 columns.
        Binding("a", "add_speaker", "Name someone", id="advance.add_speaker"),
        Binding(
            "t",
            "speaker_from_team",
            "From the team",
            id="advance.from_team",
            show=False,
            tooltip="Choose someone already on the support team",
        ),
        Binding("d", "add_document", "A document", id="advance.add_document"),
        Binding("w", "add_wish", "A wish", id="advance.add_wish"),
        Binding("e", "edit_item", "Change", id="advance.edit", show=False),
        Binding("u", "move_up", "Move up", id="advance.move_up", tooltip="Earlier in the order"),
        Binding("x", "remove_item", "Remove", id="advance.remove", show=False),
        Binding(
            "n",
            "not_now",
            "Not now",
            id="advance.not_now",
            tooltip="Not talking about this yet, or ready now",
        ),
    ]

    def __init__(self, working: WorkingPlan) -> None:
        super().__init__(working)
        self._last_list: str | None = None  # the list a button beside it acts on

    # --- layout --------------------------------------------------------------------------------

    def compose_body(self) -> ComposeResult:
        with VerticalScroll(classes="section-body"), Horizontal(classes="columns"):
            with Vertical(classes="form-column"):
                with Vertical(id="not-now-box"):
                    yield Static("", id="not-now-note", classes="calm-note", markup=False)
                    yield Button("", id="do-not_now", action="screen.not_now", compact=True)
                with Vertical(id="advance-parts"):
                    yield Label("Who would speak for me", classes="kind-title")
                    yield Static(EMPTY["speakers"], id="speakers-empty", classes="calm-note")
                    yield OptionList(id="speakers", classes="advance-list")
                    with HorizontalGroup(classes="section-actions"):
                        yield Button("Name someone", action="screen.add_speaker", compact=True)
                        yield Button(
                            "From the support team", action="screen.speaker_from_team", compact=True
                        )
                        yield Button("Move up", action="screen.move_up", compact=True)
                    yield Label("Documents that exist", classes="kind-title")
                    yield Static(EMPTY["documents"], id="documents-empty", classes="calm-note")
                    yield OptionList(id="documents", classes="advance-list")
                    with HorizontalGroup(classes="section-actions"):
                        yield Button("Add a document", action="screen.add_document", compact=True)
                    yield Label("What care I would want", classes="kind-title")
                    with HorizontalGroup(classes="form-row"):
                        yield Label("Where to be cared for", classes="form-label")
                        yield Select(
                            [(label, key) for key, label in vocab.PLACES_OF_CARE.items()],
                            value=self.plan.advance_care.place_of_care or Select.NULL,
                            prompt="Not said yet",
                            id="place-of-care",
                        )
                    with HorizontalGroup(classes="form-row"):
                        yield Label("Where to be at the end", classes="form-label")
                        yield Select(
                            [(label, key) for key, label in vocab.PLACES_OF_CARE.items()],
                            value=self.plan.advance_care.place_at_end or Select.NULL,
                            prompt="Only if they want to say",
                            id="place-at-end",
                        )
                    yield Static(EMPTY["wishes"], id="wishes-empty", classes="calm-note")
                    yield OptionList(id="wishes", classes="advance-list")
                    with HorizontalGroup(classes="section-actions"):
                        yield Button("Write a wish", action="screen.add_wish", compact=True)
                    with HorizontalGroup(classes="section-actions"):
                        yield Button("Change", action="screen.edit_item", compact=True)
                        yield Button("Remove", action="screen.remove_item", compact=True)
                # Said on the screen as in every export, below the lists so they come first.
                yield Static(content.NOT_A_DOCUMENT, id="not-a-document", classes="calm-note")
            yield SuggestedQuestions("advance_care", classes="questions-column")

    def on_mount(self) -> None:
        self._refresh_all()

    # --- what is shown -------------------------------------------------------------------------

    def _refresh_all(self, keep: dict[str, str | None] | None = None) -> None:
        advance = self.plan.advance_care
        lines = {
            "speakers": [
                (speaker.id, speaker_line(index, speaker, self.plan))
                for index, speaker in enumerate(advance.speakers)
            ],
            "documents": [(document.id, document_line(document)) for document in advance.documents],
            "wishes": [(wish.id, self._wish_line(wish)) for wish in advance.wishes],
        }
        for name in LISTS:
            listing = self.query_one(f"#{name}", OptionList)
            chosen = (keep or {}).get(name, self._highlighted_id(name))
            listing.clear_options()
            listing.add_options([Option(plain(text), id=item) for item, text in lines[name]])
            listing.display = bool(lines[name])
            self.query_one(f"#{name}-empty").display = not lines[name]
            ids = [item for item, _text in lines[name]]
            if ids:
                listing.highlighted = ids.index(chosen) if chosen in ids else 0
        self._show_not_now()
        self.refresh_bindings()

    def _wish_line(self, wish: CareWish) -> str:
        line = (
            f"{vocab.label(vocab.WISH_KINDS, wish.kind)} ({voice_name(self.plan, wish.voice)}): "
            f"{wish.text.strip()}"
        )
        for view in wish.other_views:
            if view.text.strip():
                line += f"\n   {voice_name(self.plan, view.voice)} sees it differently: {view.text.strip()}"
        return line

    def _show_not_now(self) -> None:
        advance = self.plan.advance_care
        note = self.query_one("#not-now-note", Static)
        button = self.query_one("#do-not_now", Button)
        who = voice_name(self.plan, "person")
        if advance.not_now:
            when = f" on {day_in_words(advance.not_now_on)}" if advance.not_now_on else ""
            note.update(
                f"{who} chose not to talk about this yet{when}. That is an answer, and it is "
                "kept. Whenever they are ready, this part is here."
            )
            note.display = True
            button.label = "Ready to talk about it now"
        else:
            note.display = False
            button.label = "Not now: not talking about this yet"
            button.display = not (advance.speakers or advance.documents or advance.wishes)
            self.query_one("#not-now-box").display = button.display
            return
        button.display = True
        self.query_one("#not-now-box").display = True
        self.query_one("#advance-parts").display = False

    # --- which line ----------------------------------------------------------------------------

    def _highlighted_id(self, name: str) -> str | None:
        listing = self.query_one(f"#{name}", OptionList)
        index = listing.highlighted
        if index is None or not 0 <= index < listing.option_count:
            return None
        return listing.get_option_at_index(index).id

    def _focused_list(self) -> str | None:
        """The list the cursor is in (or was last in, when a button beside it has the focus)."""
        focused: Widget | None = self.focused
        if isinstance(focused, OptionList) and focused.id in LISTS:
            self._last_list = focused.id
            return focused.id
        return self._last_list

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in _CHANGES and self.read_only:
            return False
        if not self.is_mounted:
            return super().check_action(action, parameters)
        if action in _FOR_HIGHLIGHTED:
            name = self._focused_list()
            return name is not None and self._highlighted_id(name) is not None
        if action == "move_up":
            return self._focused_list() == "speakers" and self._speaker_index() not in (None, 0)
        if action == "speaker_from_team":
            return bool(self._team_choices())
        return super().check_action(action, parameters)

    @on(OptionList.OptionHighlighted)
    def _moved(self) -> None:
        self.refresh_bindings()

    def on_descendant_focus(self) -> None:
        self._focused_list()
        self.refresh_bindings()

    @on(OptionList.OptionSelected)
    async def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        await self.run_action("edit_item")

    # --- who would speak for me ----------------------------------------------------------------

    def action_add_speaker(self) -> None:
        position = len(self.plan.advance_care.speakers)
        self.app.push_screen(SpeakerEditor(position=position), self._speaker_written)

    def _speaker_written(self, speaker: Spokesperson | None) -> None:
        if speaker is None:
            return
        self.plan.advance_care.speakers.append(speaker)
        self._changed("speakers", speaker.id)

    def _team_choices(self) -> list[tuple[str, str]]:
        named = {speaker.team_member for speaker in self.plan.advance_care.speakers}
        return [
            (f"{called(member, self.plan)} ({member.role_label})", member.id)
            for member in self.plan.team
            if member.name.strip() and member.id not in named and member.role != "helpline"
        ]

    def action_speaker_from_team(self) -> None:
        choices = self._team_choices()
        if not choices:
            return
        question = ChoiceScreen(
            "Who on the support team would speak for them?",
            [*choices, ("Nobody from the team", "none")],
            safe="none",
            detail="Their name and how to reach them are copied; standing and whether they "
            "know can be said next.",
        )
        self.app.push_screen(question, self._team_member_chosen)

    def _team_member_chosen(self, member_id: str | None) -> None:
        member = next((m for m in self.plan.team if m.id == member_id), None)
        if member is None:
            return
        speaker = Spokesperson(
            name=member.name.strip(),
            relationship=member.role_label if member.role != "family" else "",
            contact=member.contact.strip(),
            team_member=member.id,
        )
        position = len(self.plan.advance_care.speakers)
        self.app.push_screen(SpeakerEditor(speaker, position=position), self._speaker_written)

    def _speaker_index(self) -> int | None:
        chosen = self._highlighted_id("speakers")
        ids = [speaker.id for speaker in self.plan.advance_care.speakers]
        return ids.index(chosen) if chosen in ids else None

    def action_move_up(self) -> None:
        index = self._speaker_index()
        if not index:
            return
        speakers = self.plan.advance_care.speakers
        speakers[index - 1], speakers[index] = speakers[index], speakers[index - 1]
        self._changed("speakers", speakers[index - 1].id)

    # --- documents and wishes ------------------------------------------------------------------

    def action_add_document(self) -> None:
        self.app.push_screen(DocumentEditor(clock.today(self.app)), self._document_written)

    def _document_written(self, document: PlanningDocument | None) -> None:
        if document is None:
            return
        self._replace_or_add(self.plan.advance_care.documents, document)
        self._changed("documents", document.id)

    def action_add_wish(self) -> None:
        self.app.push_screen(WishEditor(self.plan, self.working.speaker), self._wish_written)

    def _wish_written(self, wish: CareWish | None) -> None:
        if wish is None:
            return
        self._replace_or_add(self.plan.advance_care.wishes, wish)
        self._changed("wishes", wish.id)

    @staticmethod
    def _replace_or_add(items: list, item: object) -> None:
        ids = [getattr(existing, "id", None) for existing in items]
        item_id = getattr(item, "id", None)
        if item_id in ids:
            items[ids.index(item_id)] = item
        else:
            items.append(item)

    # --- any line ------------------------------------------------------------------------------

    def _item(self, name: str) -> tuple[list, object] | None:
        chosen = self._highlighted_id(name)
        items: list = getattr(self.plan.advance_care, name)
        found = next((item for item in items if item.id == chosen), None)
        return (items, found) if found is not None else None

    def action_edit_item(self) -> None:
        name = self._focused_list()
        held = self._item(name) if name else None
        if held is None:
            return
        items, item = held
        if isinstance(item, Spokesperson):
            editor = SpeakerEditor(item, position=items.index(item))
            self.app.push_screen(editor, self._speaker_rewritten)
        elif isinstance(item, PlanningDocument):
            self.app.push_screen(
                DocumentEditor(clock.today(self.app), item), self._document_written
            )
        elif isinstance(item, CareWish):
            self.app.push_screen(
                WishEditor(self.plan, self.working.speaker, item), self._wish_written
            )

    def _speaker_rewritten(self, speaker: Spokesperson | None) -> None:
        if speaker is None:
            return
        self._replace_or_add(self.plan.advance_care.speakers, speaker)
        self._changed("speakers", speaker.id)

    def action_remove_item(self) -> None:
        name = self._focused_list()
        held = self._item(name) if name else None
        if held is None or name is None:
            return
        items, item = held
        what = {"speakers": "this person", "documents": "this document", "wishes": "this wish"}[
            name
        ]
        question = ChoiceScreen(
            f"Take {what} off the plan?",
            [("Keep it", "keep"), ("Take it off", "remove")],
            safe="keep",
            detail="Versions saved before now keep it; only the plan from here on changes.",
        )
        self.app.push_screen(question, lambda answer: self._remove_answered(name, item, answer))

    def _remove_answered(self, name: str, item: object, answer: str | None) -> None:
        items: list = getattr(self.plan.advance_care, name)
        if answer != "remove" or item not in items:
            return
        index = items.index(item)
        items.remove(item)
        following = items[min(index, len(items) - 1)].id if items else None
        self._changed(name, following)

    # --- where to be cared for -----------------------------------------------------------------

    @on(Select.Changed, "#place-of-care, #place-at-end")
    def _place_chosen(self, event: Select.Changed) -> None:
        if self.read_only:
            return
        value = event.value if isinstance(event.value, str) else None
        place = vocab.one_of(value, vocab.PLACES_OF_CARE) if value else None
        advance = self.plan.advance_care
        attribute = "place_of_care" if event.select.id == "place-of-care" else "place_at_end"
        if getattr(advance, attribute) != place:
            setattr(advance, attribute, place)
            self.keep_draft()

    # --- not now -------------------------------------------------------------------------------

    def action_not_now(self) -> None:
        """Not talking about this yet (its day kept), or ready now. Only offered while nothing is
        written here: once something is, the part is being talked about."""
        advance = self.plan.advance_care
        if advance.not_now:
            advance.not_now_on = None
            self.query_one("#advance-parts").display = True
        elif not (advance.speakers or advance.documents or advance.wishes):
            advance.not_now_on = clock.session_day(self.app)
        else:
            return
        self.keep_draft()
        self._refresh_all()

    def _changed(self, name: str, select: str | None) -> None:
        advance = self.plan.advance_care
        if advance.not_now_on is not None and (
            advance.speakers or advance.documents or advance.wishes
        ):
            advance.not_now_on = None  # something is written: they are talking about it now
        self.keep_draft()
        self._refresh_all({name: select})
        listing = self.query_one(f"#{name}", OptionList)
        listing.focus()
        self._last_list = name
