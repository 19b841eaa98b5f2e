"""Closing a plan from the caseload, and reopening it: a small form (why, which day, who), then a
confirm that says nothing is deleted. The store records the closing as a version of its own
(careplan.closing), so the plan's history shows it."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.widgets import Input, Select

from careplan.closing import REASONS, Closure, closure_from
from careplan.dates import day_in_words, parse_date
from careplan.display import shown_name
from careplan.errors import CarePlanError
from careplan.screens import clock
from careplan.screens.form_modal import FormModal, form_row
from careplan.screens.widgets.confirm import ConfirmScreen
from careplan.screens.widgets.text_box import TextBox
from careplan.store import PlanSummary

if TYPE_CHECKING:
    from careplan.screens.plans import PlansScreen

REASON_MISSING = "Choose why the plan is closing (or Other, and say it in a few words)."
WORDS_MISSING = "Say in a few words why it is closing, or choose another reason."


class CloseEditor(FormModal[tuple[Closure, str]]):
    """Why and when a plan closes, and who is closing it (left empty unless typed)."""

    def __init__(self, person: str, told_apart: str, today: date) -> None:
        super().__init__()
        self.person = person
        self.told_apart = told_apart
        self.today = today

    @property
    def heading(self) -> str:
        heading = f"Close {self.person}'s plan"
        return f"{heading}\n{self.told_apart}" if self.told_apart else heading

    def on_mount(self) -> None:
        # After FormModal's own on_mount (Textual runs it too), which focuses the first text box.
        self.call_after_refresh(self.query_one("#close-reason", Select).focus)

    def compose_fields(self) -> ComposeResult:
        yield from form_row(
            "Why",
            Select(
                [(label, reason) for reason, label in REASONS.items()],
                prompt="Choose a reason",
                id="close-reason",
            ),
        )
        yield from form_row(
            "In their words",
            TextBox(placeholder="for Other, or to say more", id="close-words"),
        )
        yield from form_row(
            "On which day",
            TextBox(day_in_words(self.today), placeholder="e.g. today", id="close-day"),
        )
        yield from form_row(
            "Who is closing it", TextBox(placeholder="your name (optional)", id="close-by")
        )

    def collect(self) -> tuple[Closure, str] | None:
        reason = self.query_one("#close-reason", Select).value
        words = " ".join(self.query_one("#close-words", Input).value.split())
        if not isinstance(reason, str):
            self.show_problem(REASON_MISSING, focus="#close-reason")
            return None
        if reason == "other" and not words:
            self.show_problem(WORDS_MISSING, focus="#close-words")
            return None
        try:
            day = parse_date(self.query_one("#close-day", Input).value, self.today)
            closure = closure_from(words if reason == "other" else reason, day, self.today)
        except CarePlanError as error:
            self.show_problem(str(error), focus="#close-day")
            return None
        if reason != "other" and words:
            closure = Closure(reason, closure.on, words)
        return closure, self.query_one("#close-by", Input).value.strip()


def ask_to_close_or_reopen(screen: PlansScreen, summary: PlanSummary) -> None:
    """The highlighted plan: closed ones are offered reopening, open ones closing."""
    person = shown_name(summary.person) or summary.id
    who = f"{person} ({summary.told_apart})" if summary.told_apart else person
    if summary.closed is not None:
        screen.app.push_screen(
            ConfirmScreen(
                f"Reopen the plan of {who}?",
                f"It was closed: {summary.closed.in_words}. Reopened, it is in the list again "
                "and open for changes. The closing stays in its history.",
                yes="Reopen it",
                no="Not now",
            ),
            callback=lambda yes: _reopen(screen, summary) if yes else None,
        )
        return
    if not summary.versions:
        screen.notify(
            f"{person}'s plan has no saved version yet, so there is nothing to keep: save one "
            "first (Review and save), then close it.",
            title="Not closed",
        )
        return

    def confirm(answer: tuple[Closure, str] | None) -> None:
        if answer is None:
            return
        closure, by = answer
        screen.app.push_screen(
            ConfirmScreen(
                f"Close the plan of {who}?",
                f"{closure.in_words}. Nothing is deleted: the plan is kept as it is, read only, "
                "out of the list (Ctrl+T shows it), and it can be reopened.",
                yes="Close the plan",
                no="Not now",
            ),
            callback=lambda yes: _close(screen, summary, closure, by) if yes else None,
        )

    screen.app.push_screen(
        CloseEditor(person, summary.told_apart, clock.today(screen.app)), callback=confirm
    )


def _close(screen: PlansScreen, summary: PlanSummary, closure: Closure, by: str) -> None:
    try:
        with screen.store.open_plan(summary.id) as plan_file:
            plan_file.close_plan(closure, saved_by=by)
    except CarePlanError as error:
        screen.notify(str(error), title="The plan was not closed", severity="warning", timeout=10)
        return
    screen.notify(
        f"{shown_name(summary.person)}'s plan is closed ({closure.in_words}) and kept.",
        title="Closed",
    )
    screen.load_plans()


def _reopen(screen: PlansScreen, summary: PlanSummary) -> None:
    try:
        with screen.store.open_plan(summary.id) as plan_file:
            plan_file.reopen_plan(saved_by="")
    except CarePlanError as error:
        screen.notify(str(error), title="The plan was not reopened", severity="warning", timeout=10)
        return
    screen.notify(f"{shown_name(summary.person)}'s plan is open again.", title="Reopened")
    screen.load_plans()
