"""The small editors of the goals screen: write or change a goal, adapt one, add another voice's
view of it, and look back over its journey.

Each is a typed modal closed with `dismiss(value)`; the goals screen changes the plan with what
comes back, so nothing here touches the plan.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalGroup, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Select, Static

from careplan import vocab
from careplan.dates import day_in_words
from careplan.model import CarePlan, Goal, View
from careplan.screens import clock
from careplan.screens.form_modal import FormModal, chosen, form_row
from careplan.screens.widgets.text_box import TextBox
from careplan.screens.wording import (
    goal_status,
    journey_line,
    plain,
    voice_choices,
    voice_name,
)
from careplan.styles import stylesheet

TITLE_MISSING = (
    'A goal needs a few words as its title, like "A walk to the park". '
    "Everything else you typed is still here."
)


def _goal_summary(plan: CarePlan, goal: Goal) -> str:
    lines = [f"{goal.title}  ({goal_status(goal)}, {voice_name(plan, goal.voice)})"]
    if goal.why.strip():
        lines.append(f"Why it matters: {goal.why.strip()}")
    if goal.fallback.strip():
        lines.append(f"If this gets harder: {goal.fallback.strip()}")
    return "\n".join(lines)


class GoalEditor(FormModal[Goal]):
    """Write a new goal, or change one. Closes with the goal (a changed copy when editing)."""

    def __init__(
        self, plan: CarePlan, speaker: str, goal: Goal | None = None, category: str | None = None
    ) -> None:
        super().__init__()
        self.plan = plan
        self.goal = goal
        self.voice = goal.voice if goal else speaker
        self.category = goal.category if goal else (category or "meaningful")

    @property
    def heading(self) -> str:
        return "Change this goal" if self.goal else "A new goal"

    def compose_fields(self) -> ComposeResult:
        goal = self.goal or Goal()
        yield from form_row(
            "Goal", TextBox(goal.title, placeholder="e.g. A walk to the park", id="goal-title")
        )
        yield from form_row(
            "Why it matters", TextBox(goal.why, placeholder="in your own words", id="goal-why")
        )
        yield from form_row(
            "Kind of goal",
            Select(
                [(text, key) for key, text in vocab.GOAL_CATEGORIES.items()],
                value=self.category,
                allow_blank=False,
                id="goal-category",
            ),
        )
        yield from form_row(
            "Whose goal",
            Select(voice_choices(self.plan), value=self.voice, allow_blank=False, id="goal-voice"),
        )
        yield from form_row(
            "If this gets harder",
            TextBox(
                goal.fallback,
                placeholder="e.g. a shorter walk, or the garden",
                id="goal-fallback",
            ),
        )

    def collect(self) -> Goal | None:
        title = self.query_one("#goal-title", Input).value.strip()
        if not title:
            self.show_problem(TITLE_MISSING, focus="#goal-title")
            return None
        base = self.goal or Goal(title=title, started_on=clock.session_day(self.app))
        return replace(
            base,
            title=title,
            why=self.query_one("#goal-why", Input).value.strip(),
            category=vocab.one_of(
                chosen(self.query_one("#goal-category", Select)), vocab.GOAL_CATEGORIES
            ),
            voice=vocab.one_of(chosen(self.query_one("#goal-voice", Select)), vocab.VOICES),
            fallback=self.query_one("#goal-fallback", Input).value.strip(),
        )


@dataclass(frozen=True)
class GoalAdaptation:
    """What the adapt modal gathered: the successor's words and why the goal changed."""

    new_title: str
    reason: str
    why: str
    fallback: str


class AdaptGoalScreen(FormModal[GoalAdaptation]):
    """Adapt an active goal: say what changed, then write the goal as it is now. The old goal is
    kept as "adapted" by careplan.goals.adapt_goal; this modal only gathers the words."""

    def __init__(self, plan: CarePlan, goal: Goal) -> None:
        super().__init__()
        self.plan = plan
        self.goal = goal

    @property
    def heading(self) -> str:
        return "Adapt this goal (the old one is kept, and the new one grows out of it)"

    def compose_fields(self) -> ComposeResult:
        yield Static(_goal_summary(self.plan, self.goal), classes="form-context", markup=False)
        yield from form_row(
            "What changed, and why?",
            TextBox(placeholder="e.g. running hurts my hip now", id="adapt-reason"),
        )
        yield from form_row(
            "The goal now", TextBox(placeholder="e.g. A daily walk", id="adapt-title")
        )
        yield from form_row("Why it matters", TextBox(self.goal.why, id="adapt-why"))
        yield from form_row(
            "If this gets harder",
            TextBox(
                self.goal.fallback,
                placeholder="e.g. a smaller step, or another way",
                id="adapt-fallback",
            ),
        )

    def collect(self) -> GoalAdaptation | None:
        title = self.query_one("#adapt-title", Input).value.strip()
        if not title:
            self.show_problem(
                'Please write the goal as it is now in "The goal now". What you typed is still here.',
                focus="#adapt-title",
            )
            return None
        return GoalAdaptation(
            new_title=title,
            reason=self.query_one("#adapt-reason", Input).value.strip(),
            why=self.query_one("#adapt-why", Input).value.strip(),
            fallback=self.query_one("#adapt-fallback", Input).value.strip(),
        )


class OtherViewScreen(FormModal[View]):
    """Another voice's view of a goal, kept beside the goal's own words, never over them.

    Closes with the View; an emptied view means "take my view away" (the screen removes it).
    """

    def __init__(self, plan: CarePlan, goal: Goal, speaker: str) -> None:
        super().__init__()
        self.plan = plan
        self.goal = goal
        self.voices = [voice for voice in vocab.VOICES if voice != goal.voice]
        # The one speaking now, else a voice not yet heard on this goal.
        unheard = [voice for voice in self.voices if not self._existing(voice)]
        self.voice = speaker if speaker in self.voices else (unheard or self.voices)[0]

    @property
    def heading(self) -> str:
        return "Another view of this goal, shown beside the first"

    def _existing(self, voice: str) -> str:
        return next((view.text for view in self.goal.other_views if view.voice == voice), "")

    def compose_fields(self) -> ComposeResult:
        yield Static(_goal_summary(self.plan, self.goal), classes="form-context", markup=False)
        yield from form_row(
            "Whose view",
            Select(
                [(plain(voice_name(self.plan, voice)), voice) for voice in self.voices],
                value=self.voice,
                allow_blank=False,
                id="view-voice",
            ),
        )
        yield from form_row(
            "How they see it",
            TextBox(self._existing(self.voice), placeholder="in their own words", id="view-text"),
        )

    @on(Select.Changed, "#view-voice")
    def _show_that_voice(self, event: Select.Changed) -> None:
        # Load what this voice said before, unless words are already being typed for the new voice.
        text = self.query_one("#view-text", Input)
        if text.value == self._existing(self.voice):
            text.value = self._existing(str(event.value))
        self.voice = vocab.one_of(event.value, vocab.VOICES)

    def collect(self) -> View | None:
        text = self.query_one("#view-text", Input).value.strip()
        if not text and not self._existing(self.voice):
            self.show_problem(
                "Write a few words for this view, or press Esc to leave it.", focus="#view-text"
            )
            return None
        return View(voice=self.voice, text=text)


class OneGoalJourneyScreen(ModalScreen[None]):
    """A goal's whole journey, first goal first, with when and why each step changed."""

    CSS_PATH = stylesheet("history.tcss")  # the journey steps share the history's rules

    BINDINGS = [
        Binding("escape", "close", "Close", id="journey.close", tooltip="Back to the goals"),
        Binding("enter", "close", "Close", id="journey.close_enter", show=False),
    ]

    def __init__(self, plan: CarePlan, chain: list[Goal]) -> None:
        super().__init__(classes="journey-modal")
        self.plan = plan
        self.chain = chain

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="journey-dialog"):
            yield Static("The journey of this goal", classes="form-heading")
            if len(self.chain) < 2:
                yield Static(
                    f"{self.chain[0].title} has not changed since it was set. When it is adapted, "
                    "each step shows here with when and why.",
                    classes="journey-line",
                    markup=False,
                )
            else:
                yield Static(
                    journey_line(self.chain),
                    id="journey-line",
                    classes="journey-line",
                    markup=False,
                )
            for number, goal in enumerate(self.chain, start=1):
                with VerticalGroup(classes="journey-step"):
                    yield Static(
                        f"{number}. {goal.title}", classes="journey-step-title", markup=False
                    )
                    yield Static(
                        self._step_details(goal), classes="journey-step-detail", markup=False
                    )
            yield Button("Close", id="journey-close", compact=True)
        yield Footer()  # this dialog's keys, not those of the screen behind it

    def _step_details(self, goal: Goal) -> str:
        lines = []
        started = f"Set {day_in_words(goal.started_on)}" if goal.started_on else "Set"
        lines.append(f"{started} · {goal_status(goal)} · {voice_name(self.plan, goal.voice)}")
        if goal.adapted_from:
            lines.append(
                f"What changed: {goal.adapted_reason.strip() or '(no reason written down)'}"
            )
        return "\n".join(lines)

    def on_mount(self) -> None:
        self.query_one("#journey-close", Button).focus()

    @on(Button.Pressed, "#journey-close")
    def _close_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)
