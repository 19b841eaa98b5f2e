"""The family's year, typed through the whole app as a person would, counting the keys that are
not text: navigation, Tab, Enter, Escape, function keys and shortcuts. Letters typed into a text
box are the family's words and do not count; letters typed into a list or a picker do.

Three sessions on three days, each launched afresh and each saved as a version: what matters,
two goals (one adapted twice over the year), three lifestyle changes, seven people on the support
team, a pause in treatment and later the decision to stop, and a check-in each time. At the end
the saved plan file is read back, so a step that silently did nothing fails the run.
"""

from __future__ import annotations

import asyncio
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from textual.widgets import Input, TextArea

from benchmarks.metrics import Metric

TARGET = 400  # the keys the year may take, besides the typing

DAYS = (date(2026, 1, 12), date(2026, 5, 4), date(2026, 10, 19))
# Each check-in's symptom scores (the nine, in order) and everyday function level (100% is first
# in the list: 80% is two steps down).
SCORES = ([2, 4, 1, 0, 3, 2, 1, 3, 2], [3, 5, 2, 1, 4, 3, 2, 4, 3], [5, 7, 4, 3, 6, 5, 4, 10, 6])
LEVELS = (80, 70, 60)
TEAM = (  # name, a word of the role as typed into the role picker (None: the first offered)
    ("Dr Amara Reyes", "onc"),
    ("Sue Marsh", "pall"),
    ("Jo Hart", "nurse"),
    ("Dr Lee", "gp"),
    ("Tom Ellis", None),  # Family, the first offered
    ("Priya Shah", "social"),
    ("Pat Okoro", "neigh"),
)


@dataclass
class Keys:
    """Every key pressed, counted as a key or as text; each key is counted where it was pressed."""

    pilot: Any = None  # the Pilot of the session now running
    keys: int = 0
    typed: int = 0
    by_step: Counter = field(default_factory=Counter)
    step: str = ""

    async def press(self, *keys: str) -> None:
        for key in keys:
            focused = self.pilot.app.screen.focused
            if isinstance(focused, (Input, TextArea)) and (len(key) == 1 or key == "space"):
                self.typed += 1
            else:
                self.keys += 1
                self.by_step[self.step] += 1
            await self.pilot.press(key)
        await _settle(self.pilot)

    async def type(self, text: str) -> None:
        """The family's words, into the text box that has the cursor (it must have it)."""
        focused = self.pilot.app.screen.focused
        if not isinstance(focused, (Input, TextArea)):
            raise AssertionError(f"typing {text!r}, but the cursor is on {focused!r}")
        await self.press(*text)


async def _settle(pilot) -> None:
    for _ in range(50):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if not any(worker.is_running for worker in pilot.app.workers):
            break
    await pilot.pause()


def screen_name(pilot) -> str:
    return type(pilot.app.screen).__name__


async def session(store, day: date, counter: Keys, work) -> None:
    from careplan.screens.app import CarePlanApp

    app = CarePlanApp(store, today=day)
    async with app.run_test(size=(100, 30)) as pilot:
        counter.pilot = pilot
        await _settle(pilot)
        await work(counter)
        await _settle(pilot)


def where(k: Keys) -> str:
    focused = k.pilot.app.screen.focused
    return f"{screen_name(k.pilot)} / {focused!r}"


async def first_session(k: Keys) -> None:
    k.step = "start the plan"
    await k.press("n")
    await k.type("Ruth Okafor")
    await k.press("enter")
    k.step = "what matters"
    await k.press("2")
    await k.press("enter")
    await k.type("My grandchildren, and the garden")
    await k.press("ctrl+n")
    await k.type("Our faith")
    await k.press("escape")
    k.step = "goals"
    await k.press("4", "n")
    await k.type("Walk to the park each morning")
    await k.press("tab")
    await k.type("I feel like myself outside")
    await k.press("enter")
    await k.press("n")
    await k.type("Be at Maya's wedding in June")
    await k.press("enter")
    await k.press("escape")
    k.step = "lifestyle changes"
    await k.press("5")
    await add_change(k, "Running", "A daily walk")
    await add_change(k, "Cooking big dinners", "Small meals, often")
    await k.press("escape")
    k.step = "support team"
    await k.press("7")
    for name, role in TEAM:
        await add_member(k, name, role)
    await k.press("escape")
    k.step = "check-in"
    await check_in(k, 0)
    k.step = "save"
    await save(k, "Our first plan together")


async def add_change(k: Keys, before: str, now: str) -> None:
    await k.press("n")
    await k.type(before)
    await k.press("tab")
    await k.type(now)
    await k.press("enter")


async def add_member(k: Keys, name: str, role: str | None) -> None:
    await k.press("a")
    await k.type(name)
    if role:
        await k.press("tab", "tab")  # past the name they like to be called, to the role
        await k.press(*role)
    await k.press("ctrl+s")


async def check_in(k: Keys, which: int) -> None:
    scores, steps = SCORES[which], (100 - LEVELS[which]) // 10
    await k.press("3")
    await k.press(*["down"] * steps, "enter")
    await k.press("ctrl+y", *[str(score) if score < 10 else "t" for score in scores])
    await k.press("enter", "down", "down", "enter")  # who answered
    await k.press("escape")


async def save(k: Keys, note: str) -> None:
    await k.press("ctrl+s")
    working = k.pilot.app.working
    before = working.base_number
    await k.type(note)
    await k.press("enter")
    if working.base_number == before:  # asked who is saving (the app remembers it after)
        await k.type("Ruth and Maya")
        await k.press("enter")
    if working.base_number == before:
        raise AssertionError(f"the version was not saved: {where(k)}")


async def open_the_plan(k: Keys) -> None:
    if screen_name(k.pilot) != "PlanHomeScreen":  # one plan in the caseload opens on its own
        await k.press("enter")


async def second_session(k: Keys) -> None:
    k.step = "open the plan"
    await open_the_plan(k)
    k.step = "goals"
    await k.press("4")
    await k.press("a")
    await k.type("My hip hurts on the hill")
    await k.press("tab")
    await k.type("Walk to the end of the road")
    await k.press("enter")
    await k.press("escape")
    k.step = "lifestyle changes"
    await k.press("5")
    await add_change(k, "Driving myself", "Lifts from Tom and Pat")
    await k.press("escape")
    k.step = "treatment decisions"
    await k.press("6", "n", "down", "down", "enter")  # past "Not now" and "A pause to recover"
    await k.press("tab", "tab")  # past the day it was first talked about (the session's day)
    await k.type("Maya's wedding")
    await k.press("tab")
    await k.type("20 Jun 2026")
    await k.press("tab")
    await k.type("1 Jun 2026")
    await k.press("tab")
    await k.type("30 Jun 2026")
    await k.press("ctrl+down")
    await k.type("Chemotherapy every three weeks")
    await k.press("ctrl+n")
    await k.type("Will a month off change how well it works?")
    await k.press("enter")
    await k.press("ctrl+down")  # to the groups of warning signs
    await k.press("space")  # the first group in the plan
    await k.press("ctrl+down")  # where the decision stands
    await k.press("enter", "down", "down", "down", "enter")  # Agreed
    await k.press("escape", "escape")
    k.step = "check-in"
    await check_in(k, 1)
    k.step = "save"
    await save(k, "Before the wedding")


async def third_session(k: Keys) -> None:
    k.step = "open the plan"
    await open_the_plan(k)
    k.step = "goals"
    await k.press("4")
    await k.press("a")
    await k.type("Too tired to walk now")
    await k.press("tab")
    await k.type("Sit in the garden each morning")
    await k.press("enter")
    await k.press("escape")
    k.step = "treatment decisions"
    await k.press("6", "n", "down", "down", "down", "enter")  # Stopping treatment
    await k.press("space", "tab", "tab", "enter")  # bring the pause's question along
    await k.press("tab", "tab")  # past the day first talked about, to the day treatment stops
    await k.type("2 Nov 2026")
    await k.press("tab")
    await k.type("Chemotherapy")
    await k.press("ctrl+down")  # the support that goes on
    await k.press("space", "down", "space", "down", "space")
    await k.press("ctrl+down", "ctrl+down", "ctrl+down")  # questions, signs, where it stands
    await k.press("enter", "down", "down", "down", "enter")  # Agreed
    await k.press("escape", "escape")
    k.step = "check-in"
    await check_in(k, 2)
    k.step = "save"
    await save(k, "Stopping chemotherapy, with the hospice team")


async def year(folder: Path) -> Keys:
    from careplan.store import Store

    store = Store(folder)
    counter = Keys()
    await session(store, DAYS[0], counter, first_session)
    await session(store, DAYS[1], counter, second_session)
    await session(store, DAYS[2], counter, third_session)
    check_the_plan(store)
    return counter


def check_the_plan(store) -> None:
    """What the family typed is in the saved versions: a step that did nothing fails the run."""
    [summary] = store.list_plans()
    with store.open_plan(summary.id, write=False) as plan_file:
        versions = plan_file.versions()
        plans = [plan_file.load(info.number) for info in versions]
    problems = []

    def expect(what: str, got: object, wanted: object) -> None:
        if got != wanted:
            problems.append(f"{what}: {got!r}, expected {wanted!r}")

    expect("versions", len(plans), 3)
    if len(plans) != 3:
        raise AssertionError("; ".join(problems))
    first, second, last = plans
    expect("name", last.about.name, "Ruth Okafor")
    expect(
        "what matters",
        [s.text for s in last.matters],
        ["My grandchildren, and the garden", "Our faith"],
    )
    walk = [
        "Walk to the park each morning",
        "Walk to the end of the road",
        "Sit in the garden each morning",
    ]
    expect(
        "goals in the first version",
        [g.title for g in first.goals],
        [walk[0], "Be at Maya's wedding in June"],
    )
    by_id = {goal.id: goal for goal in last.goals}
    now = next((g for g in last.goals if g.title == walk[2]), None)
    journey = []
    while now is not None:
        journey.append((now.title, now.status, now.adapted_reason))
        now = by_id.get(now.adapted_from or "")
    expect(
        "the walk's journey",
        journey[::-1],
        [
            (walk[0], "adapted", ""),
            (walk[1], "adapted", "My hip hurts on the hill"),
            (walk[2], "active", "Too tired to walk now"),
        ],
    )
    expect(
        "lifestyle changes",
        [(m.before, m.now) for m in last.modifications],
        [
            ("Running", "A daily walk"),
            ("Cooking big dinners", "Small meals, often"),
            ("Driving myself", "Lifts from Tom and Pat"),
        ],
    )
    expect(
        "team",
        [(m.name, m.role) for m in last.team],
        [
            ("Dr Amara Reyes", "oncologist"),
            ("Sue Marsh", "palliative_care"),
            ("Jo Hart", "specialist_nurse"),
            ("Dr Lee", "gp"),
            ("Tom Ellis", "family"),
            ("Priya Shah", "social_worker"),
            ("Pat Okoro", "neighbour"),
        ],
    )
    pause, stop = (last.treatment_decisions + [None, None])[:2]
    expect(
        "the pause",
        pause
        and (
            pause.kind,
            str(pause.decided_on),
            pause.event,
            str(pause.event_on),
            str(pause.starts_on),
            str(pause.ends_on),
            pause.current_treatment,
            pause.status,
            pause.questions,
            bool(pause.warning_signs),
        ),
        (
            "event",
            str(DAYS[1]),  # the session's day, not the day the benchmark ran
            "Maya's wedding",
            "2026-06-20",
            "2026-06-01",
            "2026-06-30",
            "Chemotherapy every three weeks",
            "agreed",
            ["Will a month off change how well it works?"],
            True,
        ),
    )
    expect(
        "the stop",
        stop
        and (
            stop.kind,
            str(stop.decided_on),
            str(stop.starts_on),
            stop.current_treatment,
            stop.support,
            stop.status,
            stop.questions,
        ),
        (
            "stop",
            str(DAYS[2]),
            "2026-11-02",
            "Chemotherapy",
            ["palliative_care", "symptom_control", "hospice"],
            "agreed",
            ["Will a month off change how well it works?"],
        ),
    )
    for plan, scores, level in zip(plans, SCORES, LEVELS, strict=True):
        expect(
            "a check-in",
            (
                list(plan.checkin.symptoms.values()),
                plan.checkin.function_level,
                plan.checkin.answered_by,
            ),
            (scores, level, "caregiver"),
        )
    if problems:
        raise AssertionError("the saved plan is not what was typed: " + "; ".join(problems))


def keys_for_scenario(folder: Path) -> Metric:
    """The family's year through the app, in a store of its own under `folder`."""
    counter = asyncio.run(year(folder))
    steps = ", ".join(f"{step} {count}" for step, count in counter.by_step.items())
    return Metric(
        "keys_for_scenario",
        "keys besides the typing for the family's year: 3 versions, 2 goals (one adapted twice), "
        "3 lifestyle changes, 7 team members, a pause then a stop, 3 check-ins",
        counter.keys,
        None,
        "keys",
        target=TARGET,
        target_is_value=True,
        notes=[
            "Pilot.press of every key a person would press, three sessions on three days; "
            "a key counts unless it is a character typed into a text box (those are the words)",
            f"by step: {steps}",
            f"characters typed into text boxes (not counted): {counter.typed}",
            "the saved plan file is read back at the end: three versions holding what was typed",
        ],
    )


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="careplan-family-year-") as name:
        metric = keys_for_scenario(Path(name))
    print(f"{metric.value:g} {metric.unit} (target {metric.target:g} or fewer)")
    for note in metric.notes:
        print(f"    {note}")


if __name__ == "__main__":
    main()
