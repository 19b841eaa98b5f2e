"""Realistic plans for measuring: a rich first version, then one change per version.

Sizes follow a well-used plan after some months of sessions: 6-10 goals with at least one journey
(a goal adapted into another), 8 statements of what matters, 5 lifestyle modifications, a filled
treatment-break worksheet, 8 people on the support team with their tasks, and a check-in. Every
version after the first changes exactly one section, rotating through them, the way a session
usually revisits one part of the plan at a time. Everything is drawn from a seeded random
generator, so two runs measure the same plans.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta

from careplan import vocab
from careplan.goals import adapt_goal, end_goal
from careplan.model import (
    About,
    CarePlan,
    CheckIn,
    Goal,
    Modification,
    Participant,
    Statement,
    TeamMember,
    TreatmentDecision,
    View,
)
from careplan.partial_dates import PartialDate

FIRST_NAMES = (
    "Margaret",
    "Dev",
    "Aisha",
    "Tomasz",
    "Helen",
    "Kwame",
    "Siobhan",
    "Ravi",
    "Lucía",
    "Oluwaseun",
    "Brigid",
    "Hiroshi",
    "Fatima",
    "Gareth",
    "Ingrid",
    "Mohammed",
    "Noor",
    "Patrick",
    "Chen",
    "Eleni",
)
FAMILY_NAMES = (
    "Okafor",
    "Brennan",
    "Kowalski",
    "Patel",
    "Nakamura",
    "Haddad",
    "MacLeod",
    "Mensah",
    "Rossi",
    "Lindqvist",
    "Ahmed",
    "O'Connell",
    "Fernández",
    "Evans",
    "Schmidt",
    "Nguyen",
    "Dubois",
    "Kaur",
)
RELATIONSHIPS = ("wife", "husband", "daughter", "son", "partner", "sister", "brother", "friend")
ILLNESSES = (
    "Bowel cancer that has spread to my liver. The chemo keeps it back for a while but it tires me out.",
    "Heart failure. Some days I can walk to the shop, other days the stairs are too much.",
    "COPD. My breathing is worse in the cold and I get frightened when I can't catch my breath.",
    "Motor neurone disease, diagnosed last spring. My hands are weaker and my speech is slowing.",
    "Pancreatic cancer. We know the time is shorter than we hoped and we want to use it well.",
)
WORDS = [
    "garden walks with the dog",
    "Sunday dinners with everyone round the table",
    "the allotment",
    "choir practice",
    "the grandchildren's football",
    "reading in the afternoon sun",
    "crosswords with coffee",
    "phone calls with my sister in Glasgow",
    "the caravan by the sea",
    "cooking for friends",
    "knitting for the new baby",
    "church on Sundays",
    "the pub quiz",
    "old films on a rainy day",
    "fishing at the reservoir",
    "watching the birds from the kitchen window",
    "painting",
    "the book club",
    "a trip to see the lights",
]
FEELINGS = (
    "being a burden",
    "the pain at night",
    "not being able to say goodbye properly",
    "money for the rent",
    "the children coping",
    "going into hospital again",
    "losing my independence",
    "being alone at night",
)
GOAL_TITLES = (
    "Walk to the end of the garden every day",
    "Be at Amira's wedding in June",
    "Keep pain at night low enough to sleep",
    "Cook Sunday dinner for the family once a month",
    "Finish the photo album for the grandchildren",
    "Stay at home as long as it feels safe",
    "Go to choir practice on Thursdays",
    "Have a week at the caravan by the sea",
    "Sort out the will and the house papers",
    "Manage breathlessness without going to A&E",
    "Keep seeing friends at the pub quiz",
    "Get out into the fresh air most mornings",
)


def _sentence(rng: random.Random, length: int) -> str:
    """Plain words of about `length` characters, as a person might type them."""
    parts: list[str] = []
    while sum(len(part) + 2 for part in parts) < length:
        parts.append(rng.choice(WORDS))
    text = ", ".join(parts)
    return text[0].upper() + text[1:] + "."


def rich_plan(rng: random.Random, number: int, start: date) -> CarePlan:
    """A plan as full as one after several guided sessions."""
    first, family = rng.choice(FIRST_NAMES), rng.choice(FAMILY_NAMES)
    person = f"{first} {family} {number:03d}"  # numbered so every person's name is distinct
    partner = f"{rng.choice(FIRST_NAMES)} {family}"
    about = About(
        name=person,
        preferred_name=first,
        date_of_birth=PartialDate(
            1940 + rng.randrange(40), rng.randrange(1, 13), rng.randrange(1, 28)
        ),
        illness=rng.choice(ILLNESSES),
        participants=[
            Participant(name=person, role="person", relationship=""),
            Participant(name=partner, role="caregiver", relationship=rng.choice(RELATIONSHIPS)),
            Participant(
                name=f"{rng.choice(FIRST_NAMES)} {rng.choice(FAMILY_NAMES)}",
                role="facilitator",
                relationship="palliative social worker",
            ),
        ],
    )
    kinds = list(vocab.STATEMENT_KINDS)
    matters = []
    for index in range(8):
        kind = kinds[index % len(kinds)]
        text = (
            f"I worry about {rng.choice(FEELINGS)}."
            if kind == "worry"
            else _sentence(rng, rng.randrange(60, 160))
        )
        views = [View(voice="caregiver", text=_sentence(rng, 80))] if index % 3 == 0 else []
        matters.append(
            Statement(
                text=text,
                kind=kind,
                voice=rng.choice(("person", "caregiver", "together")),
                other_views=views,
            )
        )
    goals = []
    for index, title in enumerate(rng.sample(GOAL_TITLES, rng.randrange(6, 11))):
        goals.append(
            Goal(
                title=title,
                why=_sentence(rng, rng.randrange(50, 140)),
                category=rng.choice(list(vocab.GOAL_CATEGORIES)),
                voice=rng.choice(("person", "caregiver", "together")),
                fallback=f"If this gets harder, {_sentence(rng, 60).lower()}",
                started_on=start - timedelta(days=rng.randrange(10, 200)),
                other_views=[View(voice="caregiver", text=_sentence(rng, 70))]
                if index % 4 == 1
                else [],
            )
        )
    plan = CarePlan(about=about, matters=matters, goals=goals)
    # A journey already under way: the first goal was adapted once as things changed.
    adapt_goal(
        plan,
        goals[0].id,
        f"{goals[0].title}, with a rest halfway",
        "Walking tires me more since the last scan",
        on=start - timedelta(days=5),
    )
    areas = list(vocab.MODIFICATION_AREAS)
    plan.modifications = [
        Modification(
            area=areas[index],
            before=_sentence(rng, 60),
            now=_sentence(rng, 70),
            why=_sentence(rng, 50),
            status=rng.choice(list(vocab.MODIFICATION_STATUSES)),
            voice=rng.choice(list(vocab.VOICES)),
        )
        for index in rng.sample(range(len(areas)), 5)
    ]
    plan.treatment_decisions = [
        TreatmentDecision(
            id="d-pause",
            kind="event",
            event="Amira's wedding",
            starts_on=start + timedelta(days=40),
            ends_on=start + timedelta(days=61),
            current_treatment="FOLFOX chemotherapy every two weeks",
            team_said="The oncologist thinks three weeks off is reasonable if the bloods stay stable.",
            hopes=_sentence(rng, 120),
            fears=_sentence(rng, 100),
            questions=[
                "Will stopping for three weeks change how well the treatment works?",
                "Which blood tests do we need before the break and after?",
                "Can the steroid dose come down while I'm off?",
                "Who do we ring at the weekend if something changes?",
            ],
            warning_signs=[
                "A temperature over 38°C",
                "New pain in the tummy",
                "Yellow skin or eyes",
                "Not able to keep fluids down",
                "Suddenly more breathless",
            ],
            who_to_call="Acute oncology line first, then the GP out-of-hours number.",
            status="discussed",
            look_again_on=start + timedelta(days=30),
        )
    ]
    roles = [
        "oncologist",
        "specialist_nurse",
        "gp",
        "palliative_care",
        "social_worker",
        "family",
        "friend",
        "neighbour",
    ]
    tasks = list(vocab.TASKS)
    plan.team = [
        TeamMember(
            name=partner
            if role == "family"
            else f"{rng.choice(FIRST_NAMES)} {rng.choice(FAMILY_NAMES)}",
            role=role,
            contact=f"07{rng.randrange(10**8, 10**9)}",
            when=rng.choice(("weekdays 9 to 5", "any time", "evenings and weekends", "Tuesdays")),
            tasks=rng.sample(tasks, rng.randrange(1, 4)),
            helps_with=_sentence(rng, 50),
            first_contact=role == "specialist_nurse",
        )
        for role in roles
    ]
    plan.checkin = _checkin(rng)
    plan.next_review = start + timedelta(days=28)
    return plan


def _checkin(rng: random.Random) -> CheckIn:
    return CheckIn(
        function_level=rng.choice((50, 60, 70, 80)),
        symptoms={symptom: rng.randrange(0, 9) for symptom in vocab.SYMPTOMS},
        answered_by=rng.choice(list(vocab.VOICES)),
        note=_sentence(rng, 90),
    )


# --- one change per version, rotating through the sections ------------------------------------


def _change_about(plan: CarePlan, rng: random.Random, today: date) -> None:
    plan.about.illness = f"{rng.choice(ILLNESSES)} {_sentence(rng, 40)}"


def _change_matters(plan: CarePlan, rng: random.Random, today: date) -> None:
    statement = rng.choice(plan.matters)
    statement.other_views.append(View(voice="caregiver", text=_sentence(rng, 60)))


def _change_goals(plan: CarePlan, rng: random.Random, today: date) -> None:
    active = [goal for goal in plan.goals if goal.status == "active"]
    goal = rng.choice(active)
    move = rng.randrange(3)
    if move == 0 and len(active) > 3:
        end_goal(plan, goal.id, rng.choice(("achieved", "let_go")), on=today)
    elif move == 1:
        adapt_goal(
            plan,
            goal.id,
            f"{goal.title.split(',')[0]}, a smaller step",
            _sentence(rng, 50),
            on=today,
        )
    else:
        goal.why = _sentence(rng, rng.randrange(50, 140))


def _change_modifications(plan: CarePlan, rng: random.Random, today: date) -> None:
    change = rng.choice(plan.modifications)
    change.status = rng.choice(list(vocab.MODIFICATION_STATUSES))
    change.now = _sentence(rng, 70)


def _change_treatment_break(plan: CarePlan, rng: random.Random, today: date) -> None:
    pause = plan.treatment_decisions[-1]
    pause.status = rng.choice(list(vocab.DECISION_STATUSES))
    pause.look_again_on = today + timedelta(days=rng.randrange(7, 30))


def _change_team(plan: CarePlan, rng: random.Random, today: date) -> None:
    member = rng.choice(plan.team)
    member.tasks = rng.sample(list(vocab.TASKS), rng.randrange(1, 4))
    member.when = rng.choice(("weekdays 9 to 5", "any time", "evenings and weekends", "mornings"))


def _change_checkin(plan: CarePlan, rng: random.Random, today: date) -> None:
    plan.checkin = _checkin(rng)


def _change_next_review(plan: CarePlan, rng: random.Random, today: date) -> None:
    plan.next_review = today + timedelta(days=rng.randrange(14, 42))


CHANGES: tuple[tuple[str, Callable[[CarePlan, random.Random, date], None]], ...] = (
    ("checkin", _change_checkin),
    ("goals", _change_goals),
    ("matters", _change_matters),
    ("team", _change_team),
    ("modifications", _change_modifications),
    ("treatment_decisions", _change_treatment_break),
    ("next_review", _change_next_review),
    ("about", _change_about),
)


def plan_history(seed: int, number: int, versions: int) -> Iterator[tuple[CarePlan, datetime, str]]:
    """(plan, saved at, note) for each version of one person's plan, oldest first.

    The same CarePlan object is changed between yields; callers save or copy it before asking for
    the next version.
    """
    rng = random.Random(seed * 100_003 + number)
    start = date(2025, 1, 6) + timedelta(days=rng.randrange(60))
    plan = rich_plan(rng, number, start)
    moment = datetime(start.year, start.month, start.day, 10, 30, tzinfo=UTC)
    yield plan, moment, "First session"
    for index in range(1, versions):
        section, change = CHANGES[(index - 1) % len(CHANGES)]
        moment += timedelta(days=rng.randrange(2, 8), minutes=rng.randrange(0, 90))
        change(plan, rng, moment.date())
        yield plan, moment, f"Changed {vocab.SECTIONS.get(section, section).lower()}"


def next_change(plan: CarePlan, rng: random.Random, index: int, today: date) -> str:
    """Change one section of `plan` (the `index`-th in the rotation); the section's name."""
    section, change = CHANGES[index % len(CHANGES)]
    change(plan, rng, today)
    return section
