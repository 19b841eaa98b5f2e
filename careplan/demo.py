"""An example plan to look around with: Maggie and Tom, March to November 2026, six versions.

It shows what careplan is for: goals that change as things progress (a 5-mile run becomes a daily
walk, then coffee outside with Tom each morning), both voices where they see things differently,
a treatment break around a family wedding from first thoughts to back on treatment, then a
decision to stop treatment with the support that goes on, and a support team that grows. Every
date and item id is fixed, so two demo plans are equal apart from their plan id (snapshot tests
rely on this). The people and their story are invented.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from careplan import content
from careplan.content import WarningSignGroup
from careplan.decisions import add_decision
from careplan.goals import adapt_goal, end_goal
from careplan.model import (
    About,
    AdvanceCare,
    CarePlan,
    CareWish,
    CheckIn,
    Goal,
    Modification,
    Participant,
    PlanningDocument,
    Spokesperson,
    Statement,
    TeamMember,
    TreatmentDecision,
    View,
)
from careplan.partial_dates import PartialDate
from careplan.team_tasks import add_need, keep_needs_in_step

if TYPE_CHECKING:
    from careplan.store import Store

PERSON = "Maggie Ellis"
SAVED_BY = "Maggie and Tom, with Priya"


def build_demo(store: Store) -> str:
    """Add the demo plan to the store, every version dated in the past; returns its plan id."""
    plan = _first_session()
    with store.create_plan(plan) as plan_file:
        for number, (when, note, change) in enumerate(_CHAPTERS, start=1):
            change(plan)
            # Typed up the day after each conversation: the version keeps both days.
            plan_file.save_version(
                plan,
                saved_by=SAVED_BY,
                note=note,
                when=when + timedelta(days=1),
                session_date=when.date(),
                session_notes=SESSION_NOTES.get(number, ""),
            )
        return plan_file.id


# --- the story, one version at a time ---------------------------------------------------------


def _first_session() -> CarePlan:
    return CarePlan(
        about=About(
            name=PERSON,
            preferred_name="Maggie",
            date_of_birth=PartialDate(1958, 6),  # the family knew the month, not the day
            illness="Ovarian cancer that has come back. This time it's about living well with it.",
            participants=[
                Participant(name="Maggie Ellis", role="person"),
                Participant(name="Tom Ellis", role="caregiver", relationship="husband"),
                Participant(
                    name="Priya Shah", role="facilitator", relationship="palliative social worker"
                ),
            ],
        ),
        matters=[
            Statement(
                id="s-grandchildren",
                kind="strength",
                voice="person",
                text="Sunday lunches with the grandchildren, even when I only manage the pudding.",
            ),
            Statement(
                id="s-burden",
                kind="worry",
                voice="person",
                text="Becoming a burden on Tom.",
                other_views=[
                    View(
                        voice="caregiver",
                        text="Tom: you are not a burden. Looking after you is where I want to be.",
                    ),
                ],
            ),
            Statement(
                id="s-garden",
                kind="hope",
                voice="together",
                text="To see the garden through one more summer, roses and all.",
            ),
            Statement(
                id="s-coffee",
                kind="cannot_live_without",
                voice="person",
                text="Morning coffee with Tom, before the day gets going.",
            ),
        ],
        goals=[
            Goal(
                id="g-run",
                title="Run 5 miles at the park run in May",
                why="Running has been my thinking time for thirty years.",
                category="meaningful",
                voice="person",
                fallback="If running gets too hard, walk the park instead.",
                started_on=date(2026, 3, 12),
            ),
            Goal(
                id="g-work",
                title="Keep working three mornings a week at the library",
                why="The people there, and feeling useful.",
                category="daily_life",
                voice="person",
                started_on=date(2026, 3, 12),
            ),
            Goal(
                id="g-nausea",
                title="Keep sickness down on chemo days",
                why="So chemo week isn't a lost week.",
                category="symptoms",
                voice="together",
                fallback="Ring the chemo unit the same day if tablets aren't keeping it down.",
                started_on=date(2026, 3, 12),
            ),
        ],
        modifications=[
            Modification(
                id="m-work",
                area="work",
                before="Full time at the library",
                now="Three mornings a week",
                why="Afternoons are when the tiredness hits.",
                status="trying",
                since=date(2026, 3, 12),
            ),
            Modification(
                id="m-running",
                area="exercise",
                before="Running 20 miles a week",
                now="Two shorter runs a week",
                why="To keep running for as long as I can.",
                status="trying",
                since=date(2026, 3, 12),
            ),
        ],
        team=[
            TeamMember(
                id="t-priya",
                name="Priya Shah",
                role="social_worker",
                contact="Hospital switchboard, ask for palliative social work",
                when="Weekdays 9 to 5",
                tasks=["emotional_support", "paperwork_money"],
                helps_with="Running our planning sessions; benefits forms",
                first_contact=True,
                joined_on=date(2026, 3, 12),
            ),
            TeamMember(
                id="t-reyes",
                name="Dr Anna Reyes",
                role="oncologist",
                contact="Via the chemo day unit",
                when="Clinic every three weeks",
                helps_with="Treatment decisions",
                joined_on=date(2026, 3, 12),
            ),
            TeamMember(
                id="t-tom",
                name="Tom Ellis",
                role="family",
                contact="07700 900123",
                when="Any time",
                tasks=["lifts", "medicines", "company"],
                helps_with="Everything, he says",
                joined_on=date(2026, 3, 12),
            ),
            TeamMember(
                id="t-jess",
                name="Jess Ellis",
                role="family",
                contact="07700 900456",
                when="Evenings and weekends",
                tasks=["meals", "emotional_support"],
                helps_with="Batch cooking on Sundays",
                joined_on=date(2026, 3, 12),
            ),
        ],
        checkin=_checkin(
            80,
            "person",
            "Tired after chemo weeks, otherwise much as usual.",
            pain=1,
            tiredness=5,
            drowsiness=1,
            nausea=4,
            appetite=3,
            breath=0,
            depression=2,
            anxiety=4,
            wellbeing=3,
        ),
        next_review=date(2026, 5, 14),
    )


def _march(plan: CarePlan) -> None:
    """The first session is the plan as written above, and Maggie was not ready to talk about
    who would speak for her: "not now" is kept with its day."""
    plan.advance_care = AdvanceCare(not_now_on=date(2026, 3, 12))


def _may(plan: CarePlan) -> None:
    walk = adapt_goal(
        plan,
        "g-run",
        "A daily walk round the park",
        "Running left me tired for days afterwards; walking keeps me outside without paying for it.",
        on=date(2026, 5, 20),
        id="g-walk",
        fallback="If the park gets too far, the garden and the bench.",
    )
    walk.other_views = [
        View(
            voice="caregiver",
            text="Tom would rather she walked with someone, at least on chemo weeks.",
        ),
    ]
    _modification(plan, "m-running").status = "not_working"
    _modification(plan, "m-work").status = "working"
    plan.modifications += [
        Modification(
            id="m-walk",
            area="exercise",
            before="Running",
            now="A walk each day on the flat path round the park",
            why="Fresh air and thinking time, without the crash afterwards.",
            status="trying",
            since=date(2026, 5, 20),
        ),
        Modification(
            id="m-eating-out",
            area="eating_out",
            before="Curry house on Friday nights",
            now="An early lunch out instead, on good days",
            why="Evenings are my worst time for sickness.",
            status="trying",
            since=date(2026, 5, 20),
        ),
    ]
    plan.treatment_decisions = [
        TreatmentDecision(
            id="d-wedding",
            kind="event",
            event="Jess's wedding on 22 August",
            event_on=date(2026, 8, 22),
            current_treatment="Chemotherapy every three weeks",
            hopes="To dance at the wedding without feeling sick.",
            fears="That the cancer grows while I'm not having treatment.",
            questions=[
                "Would missing a cycle or two change how well the treatment works?",
                "How soon before the wedding would I need to stop to feel my best on the day?",
            ],
            status="thinking",
            decided_on=date(2026, 5, 20),
        )
    ]
    plan.checkin = _checkin(
        70,
        "together",
        "The walks help. Work is tiring but worth it.",
        pain=2,
        tiredness=6,
        drowsiness=2,
        nausea=3,
        appetite=4,
        breath=1,
        depression=2,
        anxiety=5,
        wellbeing=4,
    )
    plan.next_review = date(2026, 7, 9)
    # Ready now: Tom first (nothing signed yet), Jess after him; where Maggie would like to be.
    plan.advance_care = AdvanceCare(
        speakers=[
            Spokesperson(
                id="a-tom",
                name="Tom Ellis",
                relationship="husband",
                contact="07700 900123",
                standing="next_of_kin",
                agreement="agreed",
                team_member="t-tom",
            ),
            Spokesperson(
                id="a-jess",
                name="Jess Ellis",
                relationship="daughter",
                contact="07700 900456",
                standing="next_of_kin",
                agreement="not_asked",
                team_member="t-jess",
            ),
        ],
        wishes=[
            CareWish(
                id="w-good-day",
                kind="good_day",
                voice="person",
                text="Coffee in the garden with Tom, and the radio on.",
            ),
        ],
        place_of_care="home",
    )


def _july(plan: CarePlan) -> None:
    adapt_goal(
        plan,
        "g-work",
        "Go to the library book club once a month",
        "Work wore me out by June. The book club keeps the people.",
        on=date(2026, 7, 15),
        id="g-book-club",
        category="meaningful",
    )
    plan.goals.append(
        Goal(
            id="g-wedding",
            title="Dance at Jess's wedding",
            why="One dance with Tom, one with Jess.",
            category="meaningful",
            voice="together",
            fallback="If standing is too much, a slow one sitting down still counts.",
            started_on=date(2026, 7, 15),
        )
    )
    work = _modification(plan, "m-work")
    work.status = "stopped"
    work.now = "Stopped work at the end of June"
    _modification(plan, "m-eating-out").status = "working"
    pause = _decision(plan, "d-wedding")
    pause.status = "agreed"
    pause.starts_on = date(2026, 8, 3)
    pause.ends_on = date(2026, 8, 31)
    pause.team_said = (
        "A four-week pause around the wedding is reasonable; bloods before starting again."
    )
    pause.warning_signs = [
        "A swollen tummy that keeps getting bigger over a few days",
        "Being sick and not keeping fluids down for a day",
        # The group chosen from the suggestions, without its line sign: Maggie has no line or port
        "A high temperature, or a temperature lower than usual",
        "Shivering, chills or sweats",
        "Suddenly feeling unwell, even without a temperature",
        "A new cough, sore throat, or stinging when passing urine",
    ]
    pause.who_to_call = "The chemo unit's 24-hour line first, then the GP"
    pause.look_again_on = date(2026, 8, 31)
    plan.team.append(
        TeamMember(
            id="t-pat",
            name="Pat Okoro",
            role="neighbour",
            contact="Next door, number 14",
            when="Most days",
            tasks=["pets", "shopping"],
            helps_with="Walks Biscuit when Maggie can't",
            joined_on=date(2026, 7, 15),
        )
    )
    plan.checkin = _checkin(
        60,
        "person",
        "Glad to have stopped work. Counting down to the wedding.",
        pain=2,
        tiredness=6,
        drowsiness=2,
        nausea=3,
        appetite=4,
        breath=2,
        depression=2,
        anxiety=4,
        wellbeing=4,
    )
    plan.next_review = date(2026, 8, 12)


def _august(plan: CarePlan) -> None:
    _decision(plan, "d-wedding").status = "on_break"
    plan.checkin = _checkin(
        70,
        "together",
        "A week into the break: more energy, eating better.",
        pain=2,
        tiredness=4,
        drowsiness=1,
        nausea=1,
        appetite=2,
        breath=2,
        depression=1,
        # anxiety was not asked this time: a gap in its trend, never last time's 4 again
        wellbeing=2,
    )
    plan.next_review = date(2026, 9, 10)


def _september(plan: CarePlan) -> None:
    end_goal(plan, "g-wedding", "achieved", on=date(2026, 8, 22))
    coffee = adapt_goal(
        plan,
        "g-walk",
        "Coffee outside with Tom each morning",
        "The park is too far now; the bench by the roses is where I get my air.",
        on=date(2026, 9, 10),
        id="g-coffee",
        category="meaningful",
        voice="person",
        why="It's the part of the day that feels most like us.",
        fallback="On bad days, coffee by the open back door.",
    )
    coffee.other_views = [
        View(
            voice="caregiver",
            text="Tom would bring it to her in bed on bad days; Maggie wants to get up for it.",
        ),
    ]
    _modification(plan, "m-walk").status = "stopped"
    plan.modifications.append(
        Modification(
            id="m-bed-downstairs",
            area="home",
            before="Bedroom upstairs",
            now="Bed in the front room, downstairs",
            why="The stairs take everything out of me.",
            status="trying",
            voice="together",
            since=date(2026, 9, 10),
        )
    )
    pause = _decision(plan, "d-wedding")
    pause.status = "resumed"
    pause.look_again_on = None
    plan.team.append(
        TeamMember(
            id="t-sue",
            name="Sue Marsh",
            role="palliative_care",
            contact="Community palliative care team, 24-hour line",
            when="Any time",
            tasks=["medicines"],
            helps_with="Symptoms at home, and what to do if things change",
            joined_on=date(2026, 9, 10),
        )
    )
    plan.checkin = _checkin(
        50,
        "together",
        "Back on treatment. Wobbly on the stairs, so the bed came down.",
        pain=3,
        tiredness=7,
        drowsiness=3,
        nausea=4,
        appetite=5,
        breath=3,
        depression=3,
        anxiety=5,
        wellbeing=5,
    )
    plan.next_review = date(2026, 10, 8)
    # The lasting power of attorney is registered and a ReSPECT form signed with Dr Reyes.
    advance = plan.advance_care
    advance.speakers[0].standing = "ew_lpa_health_welfare"
    advance.speakers[1].agreement = "agreed"
    advance.documents = [
        PlanningDocument(
            id="d-lpa",
            kind="lasting_power_of_attorney",
            dated=date(2026, 8, 28),
            kept_where="The red folder on the kitchen dresser",
            copies_with="Tom; Jess",
        ),
        PlanningDocument(
            id="d-respect",
            kind="respect",
            dated=date(2026, 9, 10),
            kept_where="On the fridge, in a clear sleeve",
            copies_with="Dr Reyes; Sue Marsh; the GP surgery",
        ),
    ]
    advance.wishes.append(
        CareWish(
            id="w-avoid",
            kind="avoid",
            voice="person",
            text="Going back into hospital, if it can be helped.",
            other_views=[
                View(
                    voice="caregiver", text="If the pain gets out of hand, hospital is fine by me."
                ),
            ],
        )
    )


def _november(plan: CarePlan) -> None:
    for member in plan.team:
        member.first_contact = member.id == "t-sue"
    # Help they need that nobody gives yet: named, so it stays on the plan until someone does.
    keep_needs_in_step(plan)
    add_need(plan, "Overnight help, so Tom can sleep")
    # A new decision, fresh: none of the wedding's questions were brought along.
    stop = add_decision(plan, "stop", questions=[], on=date(2026, 11, 5))
    stop.id = "d-stop"  # fixed, as every demo id is
    stop.current_treatment = "Chemotherapy every three weeks"
    stop.team_said = (
        "Dr Reyes said the chemotherapy is doing less now, and stopping is a fair choice."
    )
    stop.hopes = "More good days at home, without the sickness."
    stop.fears = "That stopping feels like giving up, to Jess."
    stop.questions = ["What changes for Sue and the palliative care team once treatment stops?"]
    stop.warning_signs = list(_sign_group("breathlessness").signs)
    stop.support = ["palliative_care", "symptom_control"]
    stop.support_words = "Sue every week, and the district nurses when we need them."
    stop.who_to_call = "Sue Marsh, community palliative care team, 24-hour line"
    stop.status = "agreed"
    _modification(plan, "m-bed-downstairs").status = "working"
    plan.modifications.append(
        Modification(
            id="m-visitors",
            area="seeing_people",
            before="Everyone round at once",
            now="One or two visitors at a time, in the afternoons",
            why="I enjoy people more when there are fewer of them.",
            status="working",
            since=date(2026, 11, 5),
        )
    )
    plan.matters.append(
        Statement(
            id="s-christmas",
            kind="hope",
            voice="person",
            text="To be at home for Christmas.",
            other_views=[
                View(
                    voice="caregiver",
                    text="Tom hopes so too, and wants us to talk about what happens if home gets too hard.",
                ),
            ],
        )
    )
    plan.checkin = _checkin(
        40,
        "caregiver",
        "More time in bed. Comfortable most days with Sue's help.",
        pain=3,
        tiredness=8,
        drowsiness=4,
        nausea=3,
        appetite=6,
        breath=4,
        depression=3,
        anxiety=4,
        wellbeing=5,
    )
    plan.next_review = date(2026, 12, 3)
    # A preference that changed: a good day is smaller now, and she has said where at the end.
    advance = plan.advance_care
    advance.wishes[0].text = "Coffee by the window with Tom, the roses in sight."
    advance.wishes.append(
        CareWish(
            id="w-near",
            kind="near_me",
            voice="person",
            text="Tom, Jess and the grandchildren, and Radio 3 turned low.",
        )
    )
    advance.place_at_end = "home"


# Priya's own notes from the guided sessions: kept with those versions, private to the app (not in
# the version's note, history or the family's export, since nobody ticked the box to share them).
SESSION_NOTES: dict[int, str] = {
    1: "Maggie asked that we not use the word 'dying'. Tom quiet; check in with him alone next time.",
    3: "Talked through the break slowly; Maggie wants the wedding to be the thing people remember.",
}

_CHAPTERS: list[tuple[datetime, str, Callable[[CarePlan], None]]] = [
    (datetime(2026, 3, 12, 10, 30, tzinfo=UTC), "First session with Priya", _march),
    (
        datetime(2026, 5, 20, 11, 0, tzinfo=UTC),
        "Review: running swapped for walking",
        _may,
    ),
    (
        datetime(2026, 7, 15, 14, 15, tzinfo=UTC),
        "Treatment break agreed with Dr Reyes; stopped work",
        _july,
    ),
    (datetime(2026, 8, 12, 10, 0, tzinfo=UTC), "On the break before the wedding", _august),
    (
        datetime(2026, 9, 10, 15, 45, tzinfo=UTC),
        "After the wedding; back on treatment",
        _september,
    ),
    (
        datetime(2026, 11, 5, 11, 30, tzinfo=UTC),
        "Review with Sue from the palliative care team",
        _november,
    ),
]


# --- helpers ----------------------------------------------------------------------------------


def _checkin(level: int, answered_by: str, note: str, **scores: int) -> CheckIn:
    return CheckIn(function_level=level, symptoms=scores, answered_by=answered_by, note=note)


def _sign_group(group_id: str) -> WarningSignGroup:
    return next(group for group in content.sign_choices() if group.id == group_id)


def _decision(plan: CarePlan, decision_id: str) -> TreatmentDecision:
    found = plan.decision(decision_id)
    assert found is not None, decision_id
    return found


def _modification(plan: CarePlan, modification_id: str) -> Modification:
    return next(change for change in plan.modifications if change.id == modification_id)
