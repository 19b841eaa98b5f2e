"""Goal journeys: each goal that was adapted, step by step, with when, why, and how things were then."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.app import App, ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Static
from textual.worker import Worker, WorkerState

from careplan import vocab
from careplan.dates import day_in_words
from careplan.errors import CarePlanError
from careplan.screens.look_back import LookBackScreen
from careplan.working_plan import WorkingPlan

if TYPE_CHECKING:
    from careplan.journeys import GoalJourney, JourneyStep


def step_widgets(index: int, step: JourneyStep) -> list[Static]:
    """One step: the goal, then when and how things were, then why it changed (each on its own
    indented line, so a long reason wraps under itself)."""
    widgets = [
        Static(f"{index}. {' '.join(step.title.split())}", classes="journey-step", markup=False)
    ]
    facts = [f"from {day_in_words(step.started_on)}"] if step.started_on else []
    if step.details():
        facts.append(step.details())
    if facts:
        widgets.append(Static(" · ".join(facts), classes="journey-detail", markup=False))
    if step.reason.strip():
        widgets.append(
            Static(
                f"Why it changed: {' '.join(step.reason.split())}",
                classes="journey-detail",
                markup=False,
            )
        )
    return widgets


def journey_heading(journey: GoalJourney) -> str:
    status = vocab.label(vocab.GOAL_STATUSES, journey.current.status).lower()
    first, now = (" ".join(step.title.split()) for step in (journey.first, journey.current))
    return f'From "{first}" to "{now}" ({status} now)'


def open_journeys(app: App, working: WorkingPlan) -> None:
    app.push_screen(JourneysScreen(working))


class JourneysScreen(LookBackScreen):
    TITLE_TEXT = "Goal journeys"
    HELP = """\
**Goal journeys.** When a goal gets harder, it can be adapted into a new one rather than given up.
Each journey here follows one goal through every change: when each step began, how everyday
function was then (in %), the version it was first saved in, and the reason it changed, in the
words written at the time.

Nothing here changes the plan. Esc goes back.
"""

    class Found(Message):
        def __init__(self, journeys: list[GoalJourney], problem: str = "") -> None:
            super().__init__()
            self.journeys = journeys
            self.problem = problem

    def __init__(self, working: WorkingPlan, number: int | None = None) -> None:
        super().__init__(working)
        self.number = number if number is not None else working.file.latest

    def compose_body(self) -> ComposeResult:
        yield Static(self.intro_text(), id="journeys-intro", markup=False)
        with VerticalScroll(id="journeys-body", classes="section-body") as body:
            body.can_focus = True  # so a long list scrolls from the keyboard
            yield Static("Reading the saved versions…", id="journeys-note", markup=False)

    def intro_text(self) -> str:
        if self.number is None:
            return "Nothing is saved yet."
        text = f"Goals that changed over time, as saved up to version {self.number}."
        if self.number != self.working.file.latest:
            text += f" (The latest is version {self.working.file.latest}.)"
        return text

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#journeys-body").focus()
        self.find_journeys()

    @work(thread=True, exclusive=True, exit_on_error=False, group="journeys")
    def find_journeys(self) -> None:
        from careplan.journeys import goal_journeys

        try:
            self.post_message(self.Found(goal_journeys(self.working.file, self.number)))
        except CarePlanError as error:
            self.post_message(self.Found([], problem=str(error)))

    @on(Found)
    async def show_journeys(self, event: Found) -> None:
        note = self.query_one("#journeys-note", Static)
        if event.problem:
            note.update(event.problem)
            return
        if not event.journeys:
            note.update(
                "No goal has been adapted yet. When a goal gets harder, Adapt on the Goals page turns it "
                "into a new one, and the journey from one to the next shows here."
            )
            return
        count = len(event.journeys)
        note.update(
            "1 journey, from its first goal to where it is now."
            if count == 1
            else f"{count} journeys, each from its first goal to where it is now."
        )
        blocks = [
            Vertical(
                Static(journey_heading(journey), classes="journey-title", markup=False),
                *(
                    widget
                    for index, step in enumerate(journey.steps, start=1)
                    for widget in step_widgets(index, step)
                ),
                classes="journey",
            )
            for journey in event.journeys
        ]
        await self.query_one("#journeys-body", VerticalScroll).mount_all(blocks)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            self.query_one("#journeys-note", Static).update(
                "The journeys could not be read just now. The plan itself is untouched."
            )
