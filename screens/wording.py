"""Plan items put into words for the screens: whose voice, a goal's status, dates, a goal's journey.

Kept apart from the screens so the goals and modifications screens (and their editors) say things
the same way, and so the phrasing can be tested without running an app.
"""

from __future__ import annotations

from rich.text import Text

from careplan import vocab
from careplan.dates import day_in_words
from careplan.display import shown
from careplan.model import CarePlan, Goal
from careplan.voices import caregiver_name, person_name, voice_name

__all__ = [
    "adaptation_note",
    "goal_status",
    "journey_line",
    "plain",
    "voice_choices",
    "voice_name",
    "voice_phrase",
]


def plain(words: str) -> Text:
    """Words as they were typed, for any widget that would otherwise read a string as markup
    (DataTable cells and columns, Select and Option labels, Button labels, Static.update).

    A name like "Sam [/]" or a goal like "[b]bold[/b]" is shown as those very characters: as a
    string it would be bold, a link, a click action, or a MarkupError that stops the app.
    Control characters a stored file may hold are taken out (careplan.display.shown), so they
    never reach the terminal.
    """
    return Text(shown(words), end="")


def voice_phrase(plan: CarePlan, voice: str) -> str:
    """Whose words something is in: "in Maggie's words", "in the caregiver's words", "agreed together"."""
    if voice == "together":
        return "agreed together"
    if voice == "caregiver":
        name = caregiver_name(plan)
        return f"in {name}'s words" if name else "in the caregiver's words"
    if voice == "person":
        name = person_name(plan)
        return f"in {name}'s words" if name else "in the person's words"
    return f"in the words of {vocab.label(vocab.VOICES, voice)}"


def voice_choices(plan: CarePlan) -> list[tuple[Text, str]]:
    """(label, id) pairs for a Select of voices, naming the plan's own people (as typed)."""
    return [(plain(voice_name(plan, voice)), voice) for voice in vocab.VOICES]


def goal_status(goal: Goal) -> str:
    """The status in words, with the day it ended when there is one: "Achieved on 3 June 2026"."""
    status = vocab.label(vocab.GOAL_STATUSES, goal.status)
    if goal.status != "active" and goal.ended_on:
        return f"{status} on {day_in_words(goal.ended_on)}"
    return status


def adaptation_note(goal: Goal) -> str:
    """Why and when a goal grew out of the one before: "3 June 2026: running hurts my hip now"."""
    parts = []
    if goal.started_on:
        parts.append(day_in_words(goal.started_on))
    if goal.adapted_reason.strip():
        parts.append(goal.adapted_reason.strip())
    return ": ".join(parts)


def journey_line(chain: list[Goal]) -> str:
    """A goal's journey on one line: "Run 5 miles → A daily walk (3 June 2026: my hip) → ..."."""
    if not chain:
        return ""
    steps = [chain[0].title or "(untitled)"]
    for goal in chain[1:]:
        note = adaptation_note(goal)
        steps.append(
            f"{goal.title or '(untitled)'} ({note})" if note else goal.title or "(untitled)"
        )
    return " → ".join(steps)
