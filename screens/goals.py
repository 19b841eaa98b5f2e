"""Goals: what the person wants to do, grouped by kind, and how each goal has changed over time.

Goals are never deleted here. A goal that no longer fits is adapted (the old one stays, marked
"adapted", and the new one grows out of it), achieved, or let go; ended goals stay on screen,
quieter, so the journey is there to look back on.
"""

from __future__ import annotations

from functools import partial

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import HorizontalGroup, VerticalGroup, VerticalScroll
from textual.message import Message
from textual.widgets import Button, Static

from careplan import goals as goal_changes
from careplan import vocab
from careplan.errors import CarePlanError
from careplan.model import CarePlan, Goal, View
from careplan.screens import clock
from careplan.screens.goal_editor import (
    AdaptGoalScreen,
    GoalAdaptation,
    GoalEditor,
    OneGoalJourneyScreen,
    OtherViewScreen,
)
from careplan.screens.section_base import SectionScreen
from careplan.screens.widgets.confirm import ChoiceScreen
from careplan.screens.wording import adaptation_note, goal_status, voice_phrase
from careplan.styles import stylesheet
from careplan.working_plan import WorkingPlan

NO_GOALS_YET = (
    "No goals written yet. Press n (or New goal) to write the first. Goals are grouped in three "
    "kinds: managing symptoms, making daily life easier, and meaningful moments."
)

# Actions that change the plan; none of them is offered while the plan is read-only.
_CHANGES = {
    "add_goal",
    "edit_goal",
    "adapt_goal",
    "achieve_goal",
    "let_go",
    "reopen_goal",
    "add_view",
}
_FOR_ACTIVE = {"adapt_goal", "achieve_goal", "let_go"}
_FOR_ANY = {"edit_goal", "show_journey", "add_view"}

# (action, button label); the buttons mirror the bindings so every action is a click away too.
_BUTTONS = [
    ("add_goal", "New goal"),
    ("edit_goal", "Edit"),
    ("adapt_goal", "Adapt"),
    ("achieve_goal", "Achieved"),
    ("let_go", "Let go"),
    ("reopen_goal", "Active again"),
    ("show_journey", "Journey"),
    ("add_view", "Another view"),
]


def _sentence(text: str) -> str:
    """Capitalise the first letter only (str.capitalize would lower-case a name)."""
    return text[:1].upper() + text[1:]


class GoalCard(VerticalGroup, can_focus=True):
    """One goal, all its words visible. Focusing it (arrow keys, Tab or a click) selects it."""

    BINDINGS = [
        Binding("up", "screen.previous_goal", "Previous goal", id="goals.previous", show=False),
        Binding("down", "screen.next_goal", "Next goal", id="goals.next", show=False),
        Binding("enter", "screen.edit_goal", "Edit", id="goals.edit_enter", show=False),
    ]

    class Chosen(Message):
        def __init__(self, goal_id: str) -> None:
            super().__init__()
            self.goal_id = goal_id

    def __init__(self, plan: CarePlan, goal: Goal, selected: bool) -> None:
        ended = goal.status != "active"
        super().__init__(
            id=f"goal-{goal.id}",
            classes="goal-card" + (" -ended" if ended else "") + (" -selected" if selected else ""),
        )
        self.plan = plan
        self.goal = goal

    def compose(self) -> ComposeResult:
        goal = self.goal
        yield Static(
            f"{goal.title or '(no title yet)'}  ·  {goal_status(goal)}",
            classes="goal-title",
            markup=False,
        )
        about = self._about_line()
        if about:
            yield Static(about, classes="goal-line", markup=False)
        if goal.other_views:
            # Both voices side by side: the goal's own words first, then each other view.
            with HorizontalGroup(classes="goal-views"):
                yield self._view_column(goal.voice, goal.why.strip() or "(no words yet)")
                for view in goal.other_views:
                    yield self._view_column(view.voice, view.text)
        elif goal.why.strip():
            yield Static(f"Why it matters: {goal.why.strip()}", classes="goal-line", markup=False)
        if goal.fallback.strip():
            yield Static(
                f"If this gets harder: {goal.fallback.strip()}", classes="goal-line", markup=False
            )

    def _about_line(self) -> str:
        # With other views beside it, the columns already say whose words are whose.
        parts = (
            [] if self.goal.other_views else [_sentence(voice_phrase(self.plan, self.goal.voice))]
        )
        if self.goal.adapted_from:
            before = self.plan.goal(self.goal.adapted_from)
            if before is not None:
                note = adaptation_note(self.goal)
                parts.append(f'Grew out of "{before.title}"' + (f" ({note})" if note else ""))
        after = next((goal for goal in self.plan.goals if goal.adapted_from == self.goal.id), None)
        if after is not None:
            parts.append(f'Became "{after.title}"')
        return " · ".join(parts)

    def _view_column(self, voice: str, text: str) -> Static:
        return Static(
            f"{_sentence(voice_phrase(self.plan, voice))}:\n{text}",
            classes="goal-view",
            markup=False,
        )

    def on_focus(self) -> None:
        self.post_message(self.Chosen(self.goal.id))


class GoalsScreen(SectionScreen):
    CSS_PATH = stylesheet("goals.tcss")
    SECTION = "goals"
    HELP = """\
# Goals

What you want to do, in three kinds: **managing symptoms**, **making daily life easier** and
**meaningful moments**. Each goal says why it matters, whose goal it is, and what to do *if this
gets harder*.

Goals change as things change. Nothing here is deleted:

- **Adapt** (a) a goal that no longer fits: say what changed, and write the goal as it is now.
  The old goal is kept, marked *adapted*, and its **journey** (j) shows every step with when and why.
- **Achieved** (d) or **Let go** (l) when a goal has run its course; **Active again** (r) undoes that.
- **Another view** (v): when you see a goal differently, both views are kept side by side.

Keys: **n** new goal, **e** or Enter edit, **Up/Down** move between goals, **F2** change who is
speaking, **Esc** go back. Every change is kept in the draft straight away.
"""

    BINDINGS = [
        Binding("n", "add_goal", "New", id="goals.add", tooltip="Write a new goal"),
        Binding(
            "e",
            "edit_goal",
            "Edit",
            id="goals.edit",
            tooltip="Change the words of the selected goal",
        ),
        Binding(
            "a",
            "adapt_goal",
            "Adapt",
            id="goals.adapt",
            tooltip="Change the goal to fit how things are now; the old one is kept",
        ),
        Binding(
            "d",
            "achieve_goal",
            "Done",
            id="goals.achieved",
            tooltip="Mark the selected goal achieved",
        ),
        Binding(
            "l",
            "let_go",
            "Let go",
            id="goals.let_go",
            tooltip="Let the selected goal go; it stays in the plan",
        ),
        Binding(
            "r",
            "reopen_goal",
            "Reopen",
            id="goals.reopen",
            tooltip="Make an achieved or let-go goal active again",
        ),
        Binding(
            "j",
            "show_journey",
            "Journey",
            id="goals.journey",
            show=False,  # the button above says it; so the footer fits 80 columns
            tooltip="How the selected goal has changed over time",
        ),
        Binding(
            "v",
            "add_view",
            "Another view",
            id="goals.view",
            show=False,  # the button above says it; so the footer fits 80 columns
            tooltip="Add another voice's view of the selected goal",
        ),
    ]

    def __init__(self, working: WorkingPlan) -> None:
        super().__init__(working)
        self.selected_id: str | None = self._first_goal_id()

    # --- layout --------------------------------------------------------------------------------

    def compose_body(self) -> ComposeResult:
        with HorizontalGroup(id="goal-actions", classes="section-actions"):
            for action, label in _BUTTONS:
                # Buttons that only look (not change) stay usable when the plan is read-only.
                looks_only = "" if action in _CHANGES else "keep-enabled"
                yield Button(
                    label,
                    id=f"do-{action}",
                    action=f"screen.{action}",
                    compact=True,
                    classes=looks_only,
                )
        with VerticalScroll(id="goal-list", classes="section-body"):
            yield from self._goal_widgets()

    def _goal_widgets(self) -> list[Static | GoalCard]:
        if not self.plan.goals:
            return [Static(NO_GOALS_YET, id="goals-empty", classes="calm-note")]
        widgets: list[Static | GoalCard] = []
        for category, heading in vocab.GOAL_CATEGORIES.items():
            in_category = [goal for goal in self.plan.goals if goal.category == category]
            # Active goals first; ended ones follow, quieter, so they can still be looked back on.
            in_category.sort(key=lambda goal: goal.status != "active")
            widgets.append(Static(heading, classes="goal-category", markup=False))
            if not in_category:
                widgets.append(Static("None of this kind yet.", classes="goal-empty"))
            widgets.extend(
                GoalCard(self.plan, goal, goal.id == self.selected_id) for goal in in_category
            )
        unknown = [goal for goal in self.plan.goals if goal.category not in vocab.GOAL_CATEGORIES]
        if unknown:
            widgets.append(Static("Other goals", classes="goal-category"))
            widgets.extend(
                GoalCard(self.plan, goal, goal.id == self.selected_id) for goal in unknown
            )
        return widgets

    def on_mount(self) -> None:
        # SectionScreen.on_mount runs too (Textual calls each class's handler): it sets the subtitle.
        self._show_actions()
        if self.selected_id:
            self.query_one(f"#goal-{self.selected_id}", GoalCard).focus()

    async def _refresh_goals(self, select: str | None = None) -> None:
        """Show the plan's goals again after a change, keeping (or moving) the selection."""
        if select is not None:
            self.selected_id = select
        if self.selected_goal is None:
            self.selected_id = self._first_goal_id()
        listing = self.query_one("#goal-list", VerticalScroll)
        await listing.remove_children()
        await listing.mount_all(self._goal_widgets())
        self._show_actions()
        # Not query_one: when careplan is closing (Ctrl+Q, then "Save it") the new cards may never
        # be mounted, and a missing card must not turn a calm goodbye into a traceback.
        for card in (
            self.query(f"#goal-{self.selected_id}").results(GoalCard) if self.selected_id else ()
        ):
            card.focus()
            card.scroll_visible(animate=False)

    def _show_actions(self) -> None:
        for action, _label in _BUTTONS:
            self.query_one(f"#do-{action}", Button).display = self.check_action(action, ()) is True
        self.refresh_bindings()

    # --- selection -----------------------------------------------------------------------------

    @property
    def selected_goal(self) -> Goal | None:
        return self.plan.goal(self.selected_id) if self.selected_id else None

    def _first_goal_id(self) -> str | None:
        ordered = [
            goal
            for category in vocab.GOAL_CATEGORIES
            for goal in self.plan.goals
            if goal.category == category
        ]
        ordered += [goal for goal in self.plan.goals if goal not in ordered]
        first = next((goal for goal in ordered if goal.status == "active"), None) or next(
            iter(ordered), None
        )
        return first.id if first else None

    @on(GoalCard.Chosen)
    def _goal_chosen(self, event: GoalCard.Chosen) -> None:
        self.selected_id = event.goal_id
        for card in self.query(GoalCard):
            card.set_class(card.goal.id == event.goal_id, "-selected")
        self._show_actions()

    def action_next_goal(self) -> None:
        self.focus_next(GoalCard)

    def action_previous_goal(self) -> None:
        self.focus_previous(GoalCard)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in _CHANGES and self.read_only:
            return False
        goal = self.selected_goal
        if action in _FOR_ANY:
            return goal is not None
        if action in _FOR_ACTIVE:
            return goal is not None and goal.status == "active"
        if action == "reopen_goal":
            return goal is not None and goal.status in ("achieved", "let_go")
        return super().check_action(action, parameters)

    # --- actions -------------------------------------------------------------------------------

    def action_add_goal(self) -> None:
        category = self.selected_goal.category if self.selected_goal else None
        self.app.push_screen(
            GoalEditor(self.plan, self.working.speaker, category=category), self._goal_written
        )

    async def _goal_written(self, goal: Goal | None) -> None:
        if goal is None:
            return
        self.plan.goals.append(goal)
        self.keep_draft()
        await self._refresh_goals(select=goal.id)

    def action_edit_goal(self) -> None:
        goal = self.selected_goal
        if goal is not None:
            self.app.push_screen(
                GoalEditor(self.plan, self.working.speaker, goal=goal), self._goal_rewritten
            )

    async def _goal_rewritten(self, changed: Goal | None) -> None:
        if changed is None:
            return
        for index, goal in enumerate(self.plan.goals):
            if goal.id == changed.id:
                self.plan.goals[index] = changed
        self.keep_draft()
        await self._refresh_goals(select=changed.id)

    def action_adapt_goal(self) -> None:
        goal = self.selected_goal
        if goal is not None and goal.status == "active":
            self.app.push_screen(
                AdaptGoalScreen(self.plan, goal), partial(self._goal_adapted, goal)
            )

    async def _goal_adapted(self, old: Goal, adaptation: GoalAdaptation | None) -> None:
        if adaptation is None:
            return
        try:
            successor = goal_changes.adapt_goal(
                self.plan,
                old.id,
                adaptation.new_title,
                adaptation.reason,
                on=clock.session_day(self.app),
                why=adaptation.why,
                fallback=adaptation.fallback,
            )
        except CarePlanError as problem:
            self.notify(str(problem), title="Not adapted")
            return
        self.keep_draft()
        self.notify(
            f'"{old.title}" is kept as adapted; "{successor.title}" grows out of it.',
            title="Goal adapted",
        )
        await self._refresh_goals(select=successor.id)

    async def action_achieve_goal(self) -> None:
        goal = self.selected_goal
        if goal is None or goal.status != "active":
            return
        goal_changes.end_goal(self.plan, goal.id, "achieved", on=clock.session_day(self.app))
        self.keep_draft()
        self.notify(
            f'"{goal.title}" is marked achieved. Press r if that was a slip.', title="Achieved"
        )
        await self._refresh_goals()

    def action_let_go(self) -> None:
        goal = self.selected_goal
        if goal is None or goal.status != "active":
            return
        question = ChoiceScreen(
            f'Let go of "{goal.title}"?',
            [("Keep it", "keep"), ("Let it go", "let_go")],
            safe="keep",
            detail="It stays in the plan, marked as let go, and every saved version keeps it. "
            "You can make it active again later.",
        )
        self.app.push_screen(question, partial(self._let_go_answered, goal))

    async def _let_go_answered(self, goal: Goal, answer: str | None) -> None:
        if answer != "let_go" or goal.status != "active":
            return
        goal_changes.end_goal(self.plan, goal.id, "let_go", on=clock.session_day(self.app))
        self.keep_draft()
        await self._refresh_goals()

    async def action_reopen_goal(self) -> None:
        goal = self.selected_goal
        if goal is None or goal.status not in ("achieved", "let_go"):
            return
        goal.status = "active"
        goal.ended_on = None
        self.keep_draft()
        await self._refresh_goals()

    def action_show_journey(self) -> None:
        goal = self.selected_goal
        if goal is not None:
            self.app.push_screen(
                OneGoalJourneyScreen(self.plan, goal_changes.journey(self.plan, goal.id))
            )

    def action_add_view(self) -> None:
        goal = self.selected_goal
        if goal is not None:
            self.app.push_screen(
                OtherViewScreen(self.plan, goal, self.working.speaker),
                partial(self._view_written, goal),
            )

    async def _view_written(self, goal: Goal, view: View | None) -> None:
        if view is None:
            return
        kept = [other for other in goal.other_views if other.voice != view.voice]
        if view.text:
            # Keep each voice where it was, so the columns do not jump about.
            position = next(
                (i for i, other in enumerate(goal.other_views) if other.voice == view.voice),
                len(kept),
            )
            kept.insert(position, view)
        goal.other_views = kept
        self.keep_draft()
        await self._refresh_goals()
