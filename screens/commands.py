"""careplan's own commands in the palette (ctrl+p): go to any part of the plan, save, export, speaker."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

from careplan import vocab

if TYPE_CHECKING:
    from careplan.screens.app import CarePlanApp

Command = tuple[str, Callable[[], object], str]

COLOURS = "Change colours (light or dark)"
# Other words people look for it by: the palette finds the command by these too.
COLOURS_WORDS = "theme colour color light dark high contrast"


def guided_command(app: CarePlanApp) -> Command:
    """Start a guided session, or resume a paused one at its step (step 1 is a step too)."""
    from careplan.screens.guided import STEPS, paused_step

    step = paused_step(app.working) if app.working is not None else None
    if step is not None:
        where = f"Paused at step {step + 1} of {len(STEPS)}: {vocab.SECTIONS[STEPS[step]]}"
        return "Resume the guided session", app.start_guided_session, where
    return (
        "Start a guided session",
        app.start_guided_session,
        "Go through the plan together, one part at a time",
    )


class CarePlanCommands(Provider):
    """Only offers what can be done now: plan commands appear once a plan is open."""

    @property
    def careplan(self) -> CarePlanApp:
        return cast("CarePlanApp", self.app)

    def commands(self) -> Iterator[Command]:
        from careplan.screens.history import open_history
        from careplan.screens.journeys import open_journeys

        app = self.careplan
        yield COLOURS, app.action_change_theme, "Light, dark or high contrast; kept for next time"
        if app.working is None:
            return
        for number, (section, title) in enumerate(vocab.SECTIONS.items(), start=1):
            yield f"Go to {title}", partial(app.open_section, section), f"Part {number} of the plan"
        if app.working.read_only:  # a session and a save both change the plan
            yield (
                "Try again to make changes",
                app.action_try_changes,
                "Once the other careplan window has closed the plan (Ctrl+E)",
            )
        else:
            yield guided_command(app)
            yield (
                "Save a new version",
                app.action_save,
                "See what changed, then save it as a new version",
            )
        yield (
            "Plan history",
            partial(open_history, app, app.working),
            "Every saved version, what changed, and trends",
        )
        yield (
            "Compare two versions",
            partial(open_history, app, app.working),
            "In the history: Enter on one version, then the other",
        )
        yield (
            "Goal journeys",
            partial(open_journeys, app, app.working),
            "How each goal changed over time, and why",
        )
        yield (
            "Export a snapshot to print or share",
            app.action_export,
            "See the last saved version as a document first, then choose where to keep it",
        )
        yield (
            "Change who is speaking",
            app.action_next_speaker,
            "The person, caregiver, or together (F2)",
        )

    async def discover(self) -> Hits:
        for name, run, help_text in self.commands():
            yield DiscoveryHit(name, run, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, run, help_text in self.commands():
            score = matcher.match(name)
            if name == COLOURS:
                score = max(score, matcher.match(COLOURS_WORDS))
            if score > 0:
                yield Hit(score, matcher.highlight(name), run, help=help_text)
