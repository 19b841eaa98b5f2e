"""Treatment decisions: every decision about treatment the plan holds, each its own worksheet.

Those that stand now come first; a pause that has ended (treatment resumed, or stopped) stays
readable under "Earlier decisions", in the order they were made. A new decision starts fresh and
offers the questions from the last one, to bring along only the ones the person picks.
The worksheet for one decision is careplan.screens.treatment_break.DecisionScreen.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import HorizontalGroup, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, OptionList, Static
from textual.widgets.option_list import Option

from careplan import decisions, vocab
from careplan.dates import day_in_words
from careplan.model import TreatmentDecision
from careplan.screens import clock
from careplan.screens.section_base import SectionScreen
from careplan.screens.treatment_break import DecisionScreen
from careplan.screens.widgets.checklist import CheckList
from careplan.screens.widgets.confirm import ChoiceScreen
from careplan.styles import stylesheet

INTRO = (
    "Each decision about treatment has its own worksheet: a pause to recover, a pause for an "
    "event, stopping treatment, or something else. When one ends, it stays here to read, and a "
    "new one starts fresh."
)
NOTHING_YET = "No decisions yet. Press n to start one, if and when it is worth talking about."
EARLIER = "Earlier decisions"
CANCEL = "cancel"


def decision_line(decision: TreatmentDecision) -> str:
    """One line for the list: what it is, where it stands, its days."""
    parts = [decisions.title(decision)]
    status = decisions.status_label(decision)
    parts.append(status or "not decided yet")
    if decision.starts_on and decision.ends_on and not decision.stopping:
        parts.append(f"{day_in_words(decision.starts_on)} to {day_in_words(decision.ends_on)}")
    elif decision.starts_on:
        parts.append(f"from {day_in_words(decision.starts_on)}")
    if decision.decided_on:
        parts.append(f"first talked about {day_in_words(decision.decided_on)}")
    return " · ".join(parts)


class DecisionList(OptionList):
    BINDINGS = [
        Binding(
            "enter",
            "select",
            "Open",
            id="treatment_decisions.open_highlighted",
            tooltip="Open the highlighted decision's worksheet",
        ),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)  # the plan's own words: never read as markup


class CopyQuestionsScreen(ModalScreen[list[str] | None]):
    """Which of the last decision's questions to bring to the new one: the ticked ones, all, or
    none. Closes with the questions chosen, or None on Esc (no new decision)."""

    BINDINGS = [
        Binding("escape", "cancel", "Close", id="copy_questions.close", tooltip="Start nothing"),
    ]

    def __init__(self, questions: list[str]) -> None:
        super().__init__(classes="choice-modal")
        self.questions = questions

    def compose(self) -> ComposeResult:
        with Vertical(classes="choice-dialog"):
            yield Static(
                "Bring any questions from the last decision?",
                classes="choice-question",
                markup=False,
            )
            yield Static(
                "Tick the ones to bring along (Space or a click). Nothing is copied unless you "
                "choose it.",
                classes="choice-detail",
                markup=False,
            )
            yield CheckList(
                [(str(index), text) for index, text in enumerate(self.questions)],
                id="copy-questions",
            )
            with HorizontalGroup(classes="choice-buttons"):
                yield Button("None", id="copy-none", compact=True)
                yield Button("The ticked ones", id="copy-ticked", compact=True)
                yield Button("All of them", id="copy-all", compact=True)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#copy-questions", CheckList).focus()

    @on(Button.Pressed, "#copy-none")
    def _none(self) -> None:
        self.dismiss([])

    @on(Button.Pressed, "#copy-all")
    def _all(self) -> None:
        self.dismiss(list(self.questions))

    @on(Button.Pressed, "#copy-ticked")
    def _ticked(self) -> None:
        ticked = self.query_one("#copy-questions", CheckList).checked
        self.dismiss([text for index, text in enumerate(self.questions) if str(index) in ticked])

    def action_cancel(self) -> None:
        self.dismiss(None)


class DecisionKindChoice(ChoiceScreen):
    """The kinds of decision, one under another: side by side they would not fit a small terminal."""

    BINDINGS = [
        Binding("up", "app.focus_previous", "Previous answer", show=False),
        Binding("down", "app.focus_next", "Next answer", show=False),
    ]


class TreatmentDecisionsScreen(SectionScreen):
    CSS_PATH = stylesheet("treatment_break.tcss")
    SECTION = "treatment_decisions"
    FIRST_FIELD = "#decisions"
    HELP = """\
# Treatment decisions

Every decision about treatment, each with its own worksheet: a pause to recover, a pause for an
event, stopping treatment, or something else. The ones that stand now come first. A pause that has
ended (treatment resumed, or stopped) stays under **Earlier decisions**, in order, to read.

A new decision starts fresh. If the last one had questions for the team, you can bring the ones
you pick along; nothing is copied unless you choose it.

| Key | What it does |
| :- | :- |
| n | Start a new decision |
| Enter or a click | Open the highlighted decision's worksheet |
| Esc | Go back; nothing typed is lost |
"""

    BINDINGS: ClassVar = [
        Binding(
            "n",
            "new_decision",
            "New decision",
            id="treatment_decisions.new",
            tooltip="Start a new decision about treatment",
        ),
    ]

    def compose_body(self) -> ComposeResult:
        with VerticalScroll(classes="section-body", id="decisions-body"):
            yield Static(INTRO, classes="section-intro")
            yield DecisionList(id="decisions")
            with HorizontalGroup(classes="decision-buttons"):
                yield Button("New decision", id="new-decision")
                yield Button("Open", id="open-decision", classes="keep-enabled")

    def on_mount(self) -> None:
        self.show_decisions()
        self.call_after_refresh(self._open_sent_date)

    def on_screen_resume(self) -> None:
        self.show_decisions()  # a worksheet may have changed its kind, words or where it stands

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "new_decision":
            return not self.read_only
        return super().check_action(action, parameters)

    # --- the list ---------------------------------------------------------------------------

    def show_decisions(self) -> None:
        listed = self.query_one("#decisions", DecisionList)
        highlighted = listed.highlighted_option.id if listed.highlighted_option else None
        listed.clear_options()
        plan = self.plan
        current = [one for one in plan.treatment_decisions if not one.ended]
        earlier = plan.earlier_decisions
        if not current and not earlier:
            listed.add_option(Option(NOTHING_YET, id="nothing-yet", disabled=True))
            return
        listed.add_options(Option(decision_line(one), id=one.id) for one in current)
        if earlier:
            listed.add_option(Option(EARLIER, id="earlier", disabled=True))
            listed.add_options(Option(f"  {decision_line(one)}", id=one.id) for one in earlier)
        ids = [one.id for one in current + earlier]
        chosen = highlighted if highlighted in ids else ids[0]
        listed.highlighted = listed.get_option_index(chosen)

    @on(OptionList.OptionSelected, "#decisions")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id and self.plan.decision(event.option.id) is not None:
            self.open_decision(event.option.id)

    @on(Button.Pressed, "#open-decision")
    def _open_highlighted(self) -> None:
        option = self.query_one("#decisions", DecisionList).highlighted_option
        if option is None or option.id is None or self.plan.decision(option.id) is None:
            self.notify(
                "There is no decision to open yet. Press n, or New decision, to start one.",
                title="Treatment decisions",
            )
            return
        self.open_decision(option.id)

    def open_decision(self, decision_id: str, send_to: str = "") -> None:
        self.keep_waiting()
        worksheet = DecisionScreen(self.working, decision_id)
        if send_to:
            worksheet.send_cursor_to(send_to)
        self.app.push_screen(worksheet)

    def _open_sent_date(self) -> None:
        """Review's "Go to" for a decision's date: straight into that decision's worksheet."""
        for decision in self.plan.treatment_decisions:
            if self.sent_to.startswith(f".date-treatment_decisions-{decision.id}-"):
                self.open_decision(decision.id, send_to=self.sent_to)
                return

    # --- a new decision ---------------------------------------------------------------------

    @on(Button.Pressed, "#new-decision")
    def action_new_decision(self) -> None:
        if self.read_only:
            return
        answers = [(label, key) for key, label in vocab.DECISION_KINDS.items()]
        self.app.push_screen(
            DecisionKindChoice(
                "What kind of decision is this?",
                [("Not now", CANCEL), *answers],
                safe=CANCEL,
                detail="It starts fresh; the earlier decisions stay as they are.",
            ),
            self._kind_chosen,
        )

    def _kind_chosen(self, kind: str | None) -> None:
        if kind is None or kind == CANCEL:
            return
        chosen = vocab.one_of(kind, vocab.DECISION_KINDS)
        offered = decisions.questions_to_offer(self.plan)
        if not offered:
            self._start(chosen, [])
            return
        self.app.push_screen(
            CopyQuestionsScreen(offered),
            lambda questions: None if questions is None else self._start(chosen, questions),
        )

    def _start(self, kind: vocab.DecisionKind, questions: list[str]) -> None:
        decision = decisions.add_decision(
            self.plan, kind, questions, on=clock.session_day(self.app)
        )
        self.keep_draft()
        self.show_decisions()
        self.open_decision(decision.id)
