"""One treatment decision's worksheet, for thinking it through together and with the team.

A pause: what it is for and when, what the team said, hopes and fears, questions to bring to the
oncologist and the signs to watch for while it lasts. Stopping treatment has its own words: what
we hope stopping brings, and the support that goes on. Suggested questions and warning signs come
from careplan.content and are shown beside its disclaimer: things to talk over, never advice.
The list of decisions is careplan.screens.treatment_decisions.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button, Input, Label, OptionList, Select, Static, TextArea
from textual.widgets.option_list import Option

from careplan import content, decisions, vocab
from careplan.content import WarningSignGroup
from careplan.date_fields import decision_date_key
from careplan.model import TreatmentDecision
from careplan.screens.section_base import SectionScreen
from careplan.screens.widgets.checklist import CheckList
from careplan.screens.widgets.date_field import DateField
from careplan.screens.widgets.text_box import TextBox
from careplan.styles import stylesheet

INTRO = (
    "A worksheet for thinking this decision through, at your own pace. "
    "Fill in what you know; leave the rest for later. Everything is kept as you type."
)
STOP_INTRO = (
    "Stopping treatment is a decision of its own, with care that goes on. Fill in what you know; "
    "leave the rest for later. Everything is kept as you type."
)
DATE_ORDER_NOTE = "? The end date is before the start date. Have a look at both when you're ready; nothing is lost."
NO_QUESTIONS = "No questions yet: type your own below, or add one from the suggestions."
NO_SIGNS = "No warning signs in the plan yet: pick a group below, or add your own words."

# attribute of TreatmentDecision -> (label, placeholder); one line each.
SHORT_TEXTS = {
    "event": (
        "What the break is for",
        "e.g. our daughter's wedding, or time to get my strength back",
    ),
    "current_treatment": (
        "The treatment now, in plain words",
        "e.g. chemotherapy every three weeks",
    ),
    "who_to_call": ("Who to call if we are worried", "e.g. the chemo unit's 24-hour line"),
}
# attribute -> label; several lines each.
LONG_TEXTS = {
    "team_said": "What the care team said",
    "hopes": "What we hope the break brings",
    "fears": "What worries us about it",
}
DATE_FIELDS = {
    "event_on": "The day of the event",
    "starts_on": "When the break would start",
    "ends_on": "When it would end",
}
# The words that change when the decision is to stop treatment: widget id -> (pause, stopping).
KIND_WORDS = {
    "label-current_treatment": ("The treatment now, in plain words", "The treatment being stopped"),
    "label-hopes": ("What we hope the break brings", "What we hope stopping brings"),
    "label-fears": ("What worries us about it", "What worries us about stopping"),
    "label-starts_on": ("When the break would start", "When treatment stops"),
    "signs-title": ("Signs to watch for during the break", "Signs to watch for"),
    "questions-title": ("Questions for the oncologist", "Questions for the care team"),
}
PAUSE_ONLY = ("event", "event_on", "ends_on")  # what a pause has and stopping has not
# The worksheet's parts, each by its first field, in order: Ctrl+Down and Ctrl+Up jump between
# them (a part hidden for this kind of decision is skipped).
PARTS = ("#kind", "#current_treatment", "#support", "#questions", "#warning-groups", "#status")
SUPPORT_HINT = (
    "The care that goes on after treatment stops: tick what is in place or wanted, and add your "
    "own words."
)


def group_included(group: WarningSignGroup, signs: list[str]) -> bool:
    """A group counts as included while every one of its signs is in the plan."""
    return all(sign in signs for sign in group.signs)


class PlanItems(OptionList):
    """A list of the plan's own words (questions, signs). Delete asks the screen to remove one."""

    EMPTY_ID = "nothing-yet"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)  # the plan's own words: never read as markup
        self.read_only = False

    class RemoveRequested(Message):
        def __init__(self, items: PlanItems, index: int) -> None:
            super().__init__()
            self.items = items
            self.index = index

        @property
        def control(self) -> PlanItems:
            return self.items

    def show_items(self, items: list[str], empty_text: str) -> None:
        highlighted = self.highlighted
        self.clear_options()
        if items:
            self.add_options(
                Option(f"{number}. {text}") for number, text in enumerate(items, start=1)
            )
            self.highlighted = 0 if highlighted is None else min(highlighted, len(items) - 1)
        else:
            self.add_option(Option(empty_text, id=self.EMPTY_ID, disabled=True))

    @property
    def has_items(self) -> bool:
        return self.option_count > 0 and self.get_option_at_index(0).id != self.EMPTY_ID

    def action_remove(self) -> None:
        if not self.read_only and self.has_items and self.highlighted is not None:
            self.post_message(self.RemoveRequested(self, self.highlighted))


class QuestionList(PlanItems):
    BINDINGS = [
        Binding(
            "delete",
            "remove",
            "Remove question",
            id="treatment_break.remove_question",
            tooltip="Take the highlighted question out of the plan",
        ),
    ]


class SignList(PlanItems):
    BINDINGS = [
        Binding(
            "delete",
            "remove",
            "Remove sign",
            id="treatment_break.remove_sign",
            tooltip="Take the highlighted sign out of the plan",
        ),
    ]


class BreakQuestionPicker(OptionList):
    """The suggested questions about a treatment break, to pick one into the plan's questions (the
    guided session and other sections show theirs with widgets.questions.SuggestedQuestions)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)

    BINDINGS = [
        Binding(
            "enter",
            "select",
            "Add this question",
            id="treatment_break.add_suggested_question",
            tooltip="Add the highlighted suggestion to your questions",
        ),
    ]


class WarningGroups(CheckList):
    BINDINGS = [
        Binding(
            "space,enter",
            "select",
            "Include or leave out",
            id="treatment_break.toggle_warning_group",
            tooltip="Put this group's signs in the plan, or take them out",
        ),
    ]


def field_name(box: Widget) -> str:
    """The worksheet's attribute a .plan-text box edits: each is made with its name."""
    if not box.name:
        raise ValueError(f"{box!r} edits the worksheet but has no name")
    return box.name


class SupportList(CheckList):
    BINDINGS = [
        Binding(
            "space,enter",
            "select",
            "Tick or untick",
            id="treatment_break.toggle_support",
            tooltip="Say whether this support goes on",
        ),
    ]


class DecisionScreen(SectionScreen):
    CSS_PATH = stylesheet("treatment_break.tcss")
    SECTION = "treatment_decisions"
    FIRST_FIELD = "#kind"
    HELP = """\
# A treatment decision

A worksheet for one decision about treatment. For a pause: what it is for, when, what the care
team said, what you hope for and what worries you, questions to bring to the oncologist, and the
signs to watch for while it lasts. For stopping treatment: what you hope stopping brings, and the
support that goes on (palliative care, symptom control, hospice, or your own words). Fill in what
you know; everything is kept as you type.

Dates can be typed freely: "24 Dec 2026", "2026-12-24", "in 3 weeks", "tomorrow". The line under
each date says how it was read; it goes into the plan when you press Enter or move on.

The suggested questions and warning signs are things to talk over with your care team, not
medical advice.

The parts, which Ctrl+Down and Ctrl+Up jump between: the kind of decision and its dates; the
treatment and what you feel about it; the support that goes on (when stopping); the questions;
the warning signs; where the decision stands.

| Key | What it does |
| :- | :- |
| Ctrl+Down / Ctrl+Up | Jump to the next or previous part of the worksheet |
| Tab / Shift+Tab | Move from box to box |
| Ctrl+N | Type a question of your own |
| Ctrl+O | Go to the suggested questions for a pause (Enter adds one) |
| Ctrl+R | Go to the groups of warning signs (Space includes or leaves out) |
| Ctrl+T | Type a warning sign in your own words |
| Space | In the support that goes on (when stopping): tick or untick one |
| Delete | In a list of your questions or signs: remove the highlighted one |
| Esc | Go back; nothing typed is lost |
"""

    BINDINGS: ClassVar = [
        Binding(
            "ctrl+down",
            "next_part",
            "Next part",
            id="treatment_break.next_part",
            tooltip="Jump to the first box of the next part of the worksheet",
            priority=True,
        ),
        Binding(
            "ctrl+up",
            "previous_part",
            "Previous part",
            id="treatment_break.previous_part",
            tooltip="Jump to the first box of this part, or of the one before",
            priority=True,
            show=False,  # in Help (F1) with the others; the footer keeps room for the rest at 80
        ),
        Binding(
            "ctrl+n",
            "new_question",
            "Question",
            id="treatment_break.new_question",
            tooltip="Type a question of your own for the oncologist",
        ),
        Binding(
            "ctrl+o",
            "suggested_questions",
            "Ideas",
            id="treatment_break.suggested_questions",
            tooltip="Go to the suggested questions",
        ),
        Binding(
            "ctrl+r",
            "warning_groups",
            "Signs",
            id="treatment_break.warning_groups",
            tooltip="Go to the groups of warning signs",
            show=False,  # Next part reaches them too; in Help (F1), so Help and Save fit at 80
        ),
        Binding(
            "ctrl+t",
            "new_sign",
            "Own sign",
            id="treatment_break.new_sign",
            tooltip="Type a warning sign in your own words",
        ),
    ]

    def __init__(self, working, decision_id: str) -> None:
        super().__init__(working)
        self.decision_id = decision_id
        self._statuses_for_stopping = self.pause.stopping  # which choices #status was made with
        self._suggested = content.oncologist_questions()
        self._groups = content.sign_choices()  # a line's signs are a choice of their own

    @property
    def pause(self) -> TreatmentDecision:
        found = self.plan.decision(self.decision_id)
        if found is None:  # the list screen opens only decisions the plan holds
            raise LookupError(f"No treatment decision {self.decision_id!r} in the plan")
        return found

    @property
    def title_text(self) -> str:
        return f"{vocab.SECTIONS[self.SECTION]}: {decisions.title(self.pause)}"

    def _kinds(self) -> list[tuple[str, str]]:
        offered = dict(vocab.DECISION_KINDS)
        kind = self.pause.kind
        if kind is not None and kind in vocab.EARLIER_DECISION_KINDS:  # as an older plan wrote it
            offered[kind] = vocab.EARLIER_DECISION_KINDS[kind]
        return [(label, key) for key, label in offered.items()]

    def _statuses(self) -> list[tuple[str, str]]:
        return [(label, key) for key, label in decisions.statuses(self.pause).items()]

    # --- layout -------------------------------------------------------------------------------

    def compose_body(self) -> ComposeResult:
        pause = self.pause
        with VerticalScroll(classes="section-body", id="break-body"):
            yield Static(INTRO, classes="section-intro", id="intro")

            yield Label("What kind of decision", classes="field-label")
            kinds = self._kinds()
            yield Select(
                kinds,
                prompt="Choose the kind of decision",
                value=pause.kind if pause.kind in {key for _, key in kinds} else Select.NULL,
                id="kind",
            )
            yield Label("First talked about", classes="field-label", id="label-decided_on")
            yield DateField(
                self.working, decision_date_key(pause.id, "decided_on"), id="decided_on"
            )
            yield from self._short_text("event")
            for attribute, label in DATE_FIELDS.items():
                yield Label(label, classes="field-label", id=f"label-{attribute}")
                yield DateField(self.working, decision_date_key(pause.id, attribute), id=attribute)
            yield Static(DATE_ORDER_NOTE, id="date-order-note", classes="calm-note", markup=False)
            yield from self._short_text("current_treatment")
            for attribute, label in LONG_TEXTS.items():
                yield Label(label, classes="field-label", id=f"label-{attribute}")
                yield TextArea(
                    getattr(pause, attribute), name=attribute, classes="plan-text", id=attribute
                )

            with Vertical(id="support-part"):
                yield Static("The support that goes on", classes="part-title")
                yield Static(SUPPORT_HINT, classes="part-subtitle")
                yield SupportList(
                    list(vocab.SUPPORTS.items()), pause.support, ticked_note="", id="support"
                )
                yield Label("In our own words", classes="field-label")
                yield TextBox(
                    pause.support_words,
                    placeholder="e.g. the district nurses twice a week",
                    name="support_words",
                    classes="plan-text",
                    id="support_words",
                )

            yield Static("Questions for the oncologist", classes="part-title", id="questions-title")
            yield QuestionList(id="questions")
            with Horizontal(classes="add-row"):
                yield TextBox(placeholder="A question of your own, then Enter", id="new-question")
                yield Button("Add", id="add-question")
            yield Button(
                "Remove the highlighted question", id="remove-question", classes="remove-button"
            )
            with Vertical(id="suggested-part"):
                yield Static(
                    "Suggested questions: Enter or a click adds one", classes="part-subtitle"
                )
                yield Static(content.DISCLAIMER, classes="disclaimer", markup=False)
                yield BreakQuestionPicker(id="suggested-questions")

            yield Static(
                "Signs to watch for during the break", classes="part-title", id="signs-title"
            )
            yield Static(content.DISCLAIMER, classes="disclaimer", markup=False)
            yield Static(
                "Groups of signs: Space or a click puts a group in the plan or takes it out. "
                "The highlighted group's signs are shown underneath.",
                classes="part-subtitle",
            )
            yield WarningGroups(
                [(group.id, group.title) for group in self._groups],
                self._included_groups(),
                ticked_note="in the plan",
                id="warning-groups",
            )
            yield Static("", id="group-detail", markup=False)
            yield Static("Signs in the plan", classes="part-subtitle")
            yield SignList(id="signs")
            with Horizontal(classes="add-row"):
                yield TextBox(placeholder="A sign in your own words, then Enter", id="new-sign")
                yield Button("Add", id="add-sign")
            yield Button("Remove the highlighted sign", id="remove-sign", classes="remove-button")
            yield from self._short_text("who_to_call")

            yield Static("Where the decision stands", classes="part-title")
            yield Select(
                self._statuses(),
                prompt="Choose where things stand",
                value=pause.status if pause.status in decisions.statuses(pause) else Select.NULL,
                id="status",
            )
            yield Label("A date to look at this again", classes="field-label")
            yield DateField(
                self.working, decision_date_key(pause.id, "look_again_on"), id="look_again_on"
            )

    def _short_text(self, attribute: str) -> ComposeResult:
        label, placeholder = SHORT_TEXTS[attribute]
        yield Label(label, classes="field-label", id=f"label-{attribute}")
        yield TextBox(
            getattr(self.pause, attribute),
            placeholder=placeholder,
            name=attribute,
            classes="plan-text",
            id=attribute,
        )

    def on_mount(self) -> None:
        self._show_questions()
        self._show_signs()
        self._show_date_order()
        self._show_group_detail(0)
        self._show_kind()

    def _show_kind(self) -> None:
        """The words and parts for this kind: stopping never speaks of a break."""
        stopping = self.pause.stopping
        for widget_id, (pause_words, stop_words) in KIND_WORDS.items():
            self.query_one(f"#{widget_id}", Static).update(stop_words if stopping else pause_words)
        self.query_one("#intro", Static).update(STOP_INTRO if stopping else INTRO)
        for attribute in PAUSE_ONLY:
            self.query_one(f"#label-{attribute}").display = not stopping
            self.query_one(f"#{attribute}").display = not stopping
        self.query_one("#support-part").display = stopping
        self.query_one("#suggested-part").display = not stopping  # they are about a break
        if self._statuses_for_stopping != stopping:  # the choices were made for the other kind
            self._statuses_for_stopping = stopping
            status = self.query_one("#status", Select)
            status.set_options(self._statuses())
            if self.pause.status in decisions.statuses(self.pause):
                status.value = self.pause.status
        self.sub_title = f"{self.working.plan.about.called or 'New plan'} · {self.title_text}"

    def lock_editing(self) -> None:
        super().lock_editing()
        # Lists that change the plan when chosen from; the plan's own lists stay readable.
        for widget in self.query("BreakQuestionPicker, WarningGroups, SupportList"):
            widget.disabled = True
        for items in self.query(PlanItems):
            items.read_only = True

    # --- plain fields ---------------------------------------------------------------------------

    def _set(self, attribute: str, value: object, *, typing: bool = False) -> None:
        if self.read_only or getattr(self.pause, attribute) == value:
            return
        setattr(self.pause, attribute, value)
        if typing:
            self.keep_draft_soon()
        else:
            self.keep_draft()

    @on(Select.Changed, "#kind")
    def _kind_chosen(self, event: Select.Changed) -> None:
        self._set("kind", None if event.value is Select.NULL else event.value)
        self._show_kind()

    @on(CheckList.Toggled, "#support")
    def _support_toggled(self, event: CheckList.Toggled) -> None:
        if self.read_only:
            return
        chosen = [one for one in self.pause.support if one != event.item_id]
        if event.checked:
            chosen.append(event.item_id)
        ordered = [one for one in vocab.SUPPORTS if one in chosen]
        self._set("support", ordered + [one for one in chosen if one not in vocab.SUPPORTS])

    @on(Select.Changed, "#status")
    def _status_chosen(self, event: Select.Changed) -> None:
        self._set("status", None if event.value is Select.NULL else event.value)

    @on(Input.Changed, ".plan-text")
    def _short_text_typed(self, event: Input.Changed) -> None:
        self._set(field_name(event.input), event.value, typing=True)
        if field_name(event.input) == "event":
            self.sub_title = f"{self.working.plan.about.called or 'New plan'} · {self.title_text}"

    @on(TextArea.Changed, ".plan-text")
    def _long_text_typed(self, event: TextArea.Changed) -> None:
        self._set(field_name(event.text_area), event.text_area.text, typing=True)

    @on(DateField.Changed)
    def _date_taken(self) -> None:
        self._show_date_order()  # the plan's dates change only when a field is done with (DateField)

    def take_typed_dates(self) -> bool:
        changed = super().take_typed_dates()
        if changed:
            self._show_date_order()
        return changed

    def _show_date_order(self) -> None:
        starts, ends = self.pause.starts_on, self.pause.ends_on
        out_of_order = isinstance(starts, date) and isinstance(ends, date) and ends < starts
        self.query_one("#date-order-note").display = out_of_order

    # --- questions for the oncologist -----------------------------------------------------------

    def _show_questions(self) -> None:
        self.query_one("#questions", QuestionList).show_items(self.pause.questions, NO_QUESTIONS)
        suggestions = self.query_one("#suggested-questions", BreakQuestionPicker)
        highlighted = suggestions.highlighted
        suggestions.clear_options()
        for suggestion in self._suggested:
            marker = "✓ in your list:" if suggestion.text in self.pause.questions else "+"
            suggestions.add_option(Option(f"{marker} {suggestion.text}", id=suggestion.id))
        suggestions.highlighted = 0 if highlighted is None else highlighted

    def add_question(self, text: str) -> bool:
        """Add a question to the plan unless it is empty or already there; says which happened."""
        text = " ".join(text.split())
        if not text or self.read_only:
            return False
        if text in self.pause.questions:
            self.notify("That question is already in your list.", title="Questions")
            return False
        self.pause.questions.append(text)
        self.keep_draft()
        self._show_questions()
        return True

    @on(Input.Submitted, "#new-question")
    @on(Button.Pressed, "#add-question")
    def _add_own_question(self) -> None:
        field = self.query_one("#new-question", Input)
        if not field.value.strip():
            self.notify("Type the question first, then press Enter.", title="Questions")
            field.focus()
            return
        if self.add_question(field.value):
            field.value = ""
        field.focus()

    @on(OptionList.OptionSelected, "#suggested-questions")
    def _add_suggested_question(self, event: OptionList.OptionSelected) -> None:
        suggestion = next(item for item in self._suggested if item.id == event.option.id)
        if self.add_question(suggestion.text):
            self.notify("Added to your questions.", title="Questions")

    @on(PlanItems.RemoveRequested, "#questions")
    def _remove_question(self, event: PlanItems.RemoveRequested) -> None:
        del self.pause.questions[event.index]
        self.keep_draft()
        self._show_questions()

    @on(Button.Pressed, "#remove-question")
    def _remove_question_by_mouse(self) -> None:
        self._remove_highlighted(self.query_one("#questions", QuestionList), "question")

    def _remove_highlighted(self, items: PlanItems, what: str) -> None:
        if not items.has_items or items.highlighted is None:
            self.notify(
                f"Highlight a {what} in the list first (click it, or use the arrow keys).",
                title="Nothing removed",
            )
            return
        items.action_remove()

    # --- warning signs ---------------------------------------------------------------------------

    def _show_signs(self) -> None:
        signs = self.pause.warning_signs
        self.query_one("#signs", SignList).show_items(signs, NO_SIGNS)
        self.query_one("#warning-groups", WarningGroups).set_checked(self._included_groups())

    def _included_groups(self) -> list[str]:
        return [
            group.id for group in self._groups if group_included(group, self.pause.warning_signs)
        ]

    def include_group(self, group_id: str, include: bool) -> None:
        if self.read_only:
            return
        group = next(group for group in self._groups if group.id == group_id)
        signs = self.pause.warning_signs
        if include:
            signs.extend(sign for sign in group.signs if sign not in signs)
        else:
            signs[:] = [sign for sign in signs if sign not in group.signs]
        self.keep_draft()
        self._show_signs()

    @on(CheckList.Toggled, "#warning-groups")
    def _group_toggled(self, event: CheckList.Toggled) -> None:
        self.include_group(event.item_id, event.checked)

    @on(OptionList.OptionHighlighted, "#warning-groups")
    def _group_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show_group_detail(event.option_index)

    def _show_group_detail(self, index: int) -> None:
        if not self._groups:
            return
        group = self._groups[index]
        lines = [group.title + ":"]
        lines += [f"  - {sign}" for sign in group.signs]
        lines += [f"Who to call: {group.who_to_call}", f"From: {group.source.title}"]
        self.query_one("#group-detail", Static).update("\n".join(lines))

    @on(Input.Submitted, "#new-sign")
    @on(Button.Pressed, "#add-sign")
    def _add_own_sign(self) -> None:
        field = self.query_one("#new-sign", Input)
        text = " ".join(field.value.split())
        if not text:
            self.notify("Type the sign first, then press Enter.", title="Warning signs")
        elif text in self.pause.warning_signs:
            self.notify("That sign is already in the plan.", title="Warning signs")
        else:
            self.pause.warning_signs.append(text)
            self.keep_draft()
            self._show_signs()
            field.value = ""
        field.focus()

    @on(PlanItems.RemoveRequested, "#signs")
    def _remove_sign(self, event: PlanItems.RemoveRequested) -> None:
        del self.pause.warning_signs[event.index]
        self.keep_draft()
        self._show_signs()

    @on(Button.Pressed, "#remove-sign")
    def _remove_sign_by_mouse(self) -> None:
        self._remove_highlighted(self.query_one("#signs", SignList), "sign")

    # --- key actions ---------------------------------------------------------------------------

    def _part_starts(self) -> list[tuple[int, Widget]]:
        """Each shown part's first field with its place in the focus chain."""
        chain = self.focus_chain
        starts = []
        for selector in PARTS:
            field = self.query_one(selector)
            if field in chain:  # hidden parts are not in the chain
                starts.append((chain.index(field), field))
        return starts

    def _focused_place(self) -> int:
        chain, focused = self.focus_chain, self.focused
        while focused is not None and focused not in chain:
            focused = focused.parent if isinstance(focused.parent, Widget) else None
        return chain.index(focused) if focused is not None else -1

    def action_next_part(self) -> None:
        here = self._focused_place()
        following = [field for place, field in self._part_starts() if place > here]
        if following:
            self._go_to_part(following[0])

    def action_previous_part(self) -> None:
        here = self._focused_place()
        before = [field for place, field in self._part_starts() if place < here]
        if before:
            self._go_to_part(before[-1])

    def _go_to_part(self, field: Widget) -> None:
        field.focus()
        self.call_after_refresh(field.scroll_visible, animate=False, top=True)

    def action_new_question(self) -> None:
        self.query_one("#new-question", Input).focus()

    def action_suggested_questions(self) -> None:
        if self.pause.stopping:  # the suggestions are about a pause in treatment
            self.notify(
                "The suggested questions are about a pause. Type your own with Ctrl+N.",
                title="Questions",
            )
            self.action_new_question()
            return
        self.query_one("#suggested-questions", BreakQuestionPicker).focus()

    def action_warning_groups(self) -> None:
        self.query_one("#warning-groups", WarningGroups).focus()

    def action_new_sign(self) -> None:
        self.query_one("#new-sign", Input).focus()
