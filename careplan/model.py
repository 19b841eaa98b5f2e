"""The care plan: what one person and the people who care for them have written down together.

Plain dataclasses, permissive while someone is typing (a draft may be half-finished) and checked
by `problems()` before a version is saved. Ids of choices come from `careplan.vocab`.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import date

from careplan import vocab
from careplan.display import shown_name
from careplan.partial_dates import PartialDate
from careplan.vocab import (
    Agreement,
    DecisionKind,
    DecisionStatus,
    DocumentDate,
    DocumentKind,
    GoalCategory,
    GoalStatus,
    ModificationArea,
    ModificationStatus,
    ParticipantRole,
    PlaceOfCare,
    Standing,
    StatementKind,
    TeamRole,
    Voice,
    WishKind,
)


def new_id() -> str:
    """A short id that keeps an item recognisable across versions (for journeys and diffs)."""
    return secrets.token_hex(4)


@dataclass
class View:
    """Another voice on the same thing: kept beside the first, never written over it."""

    voice: Voice = "caregiver"
    text: str = ""


@dataclass
class Participant:
    name: str = ""
    role: ParticipantRole = "caregiver"
    relationship: str = ""  # "wife", "son", "palliative social worker"
    preferred_name: str = ""  # what they like to be called; "" means their name as typed


@dataclass
class About:
    name: str = ""
    preferred_name: str = ""
    date_of_birth: PartialDate | None = None  # as given: "1973", "March 1974" or a day
    # The person's own reference (e.g. a hospital number): what tells two people of one name apart.
    reference: str = ""
    illness: str = ""  # in their own words
    participants: list[Participant] = field(default_factory=list)

    @property
    def called(self) -> str:
        """What the screens and exports call the person: their preferred name or their name, as
        it may be shown (careplan.display.shown_name), whatever the file holds."""
        return shown_name(self.preferred_name).strip() or shown_name(self.name).strip()


@dataclass
class Statement:
    text: str = ""
    kind: StatementKind = "other"
    voice: Voice = "person"
    other_views: list[View] = field(default_factory=list)
    id: str = field(default_factory=new_id)


@dataclass
class Goal:
    title: str = ""
    why: str = ""
    category: GoalCategory = "meaningful"
    voice: Voice = "person"
    status: GoalStatus = "active"
    fallback: str = ""  # "if this gets harder, then ..."
    started_on: date | None = None
    ended_on: date | None = None
    adapted_from: str | None = None  # id of the goal this one grew out of
    adapted_reason: str = ""
    other_views: list[View] = field(default_factory=list)
    id: str = field(default_factory=new_id)


@dataclass
class Modification:
    area: ModificationArea = "other"
    before: str = ""  # what I used to do
    now: str = ""  # what I'll do now
    why: str = ""
    status: ModificationStatus = "trying"
    voice: Voice = "person"
    since: date | None = None  # the day this change was agreed or started; None: not said
    id: str = field(default_factory=new_id)


@dataclass
class TreatmentDecision:
    """One decision about treatment, thought through as its own worksheet: a pause (to recover, for
    an event), stopping treatment, or something else. A plan keeps every one, in the order they
    were made, so an earlier pause stays readable after a later decision."""

    kind: DecisionKind | None = None  # None while nobody has said what kind it is
    event: str = ""  # what a pause is for
    event_on: date | None = None  # the day of the event a pause is for
    starts_on: date | None = None
    ends_on: date | None = None  # a pause's end; stopping has none
    current_treatment: str = ""
    team_said: str = ""
    hopes: str = ""  # what we hope the pause (or stopping) brings
    fears: str = ""
    questions: list[str] = field(default_factory=list)  # for the care team
    warning_signs: list[str] = field(default_factory=list)
    who_to_call: str = ""
    support: list[str] = field(default_factory=list)  # vocab.SUPPORTS ids: care that goes on
    support_words: str = ""  # the support that goes on, in their own words
    status: DecisionStatus | None = None
    look_again_on: date | None = None
    # The day the decision was first talked about: the session's day when its worksheet was begun
    # (not the day it was agreed, which may come later; a decision still being thought about has
    # one too). Not part of the worksheet's answers: a decision with only this day is not started.
    decided_on: date | None = None
    id: str = field(default_factory=new_id)

    @property
    def stopping(self) -> bool:
        return self.kind == "stop"

    @property
    def ended(self) -> bool:
        """A pause that is over (treatment resumed, or stopped): kept, listed as an earlier one.
        A decision to stop that has happened is where treatment stands, so it has not ended."""
        return not self.stopping and self.status in vocab.ENDED_STATUSES

    @property
    def started(self) -> bool:
        return self.worksheet_fields() != TreatmentDecision(id=self.id).worksheet_fields()

    def worksheet_fields(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in DECISION_FIELDS)


# Everything a decision holds except its id and the day it was made, in the order the worksheet
# shows it.
DECISION_FIELDS: tuple[str, ...] = (
    "kind",
    "event",
    "event_on",
    "starts_on",
    "ends_on",
    "current_treatment",
    "team_said",
    "hopes",
    "fears",
    "questions",
    "warning_signs",
    "who_to_call",
    "support",
    "support_words",
    "status",
    "look_again_on",
)


@dataclass
class TeamMember:
    name: str = ""
    role: TeamRole = "family"
    custom_role: str = ""  # used when role is "custom"
    contact: str = ""
    when: str = ""  # "weekdays 9-5", "any time"
    tasks: list[str] = field(default_factory=list)  # vocab.TASKS ids or free words
    helps_with: str = ""
    first_contact: bool = False
    preferred_name: str = ""  # what they like to be called; "" means their name as typed
    joined_on: date | None = None  # the day they joined the team; None: not said (or before)
    id: str = field(default_factory=new_id)

    @property
    def role_label(self) -> str:
        if self.role == "custom":
            return self.custom_role.strip() or vocab.TEAM_ROLES["custom"]
        return vocab.label(vocab.TEAM_ROLES, self.role)


@dataclass
class Need:
    """Help the family said they need: a vocab.TASKS id or their own words ("Overnight help").
    Who covers it is on the team (TeamMember.tasks); a need nobody covers stays on the plan, shown
    as "nobody yet", until the family takes it off (see careplan.team_tasks)."""

    task: str = ""


@dataclass
class CheckIn:
    """How things are now: saved with each version so change shows over time."""

    function_level: int | None = None  # vocab.FUNCTION_LEVELS (Palliative Performance Scale)
    symptoms: dict[str, int] = field(default_factory=dict)  # vocab.SYMPTOMS id -> 0..10
    answered_by: str = ""  # vocab.VOICES
    note: str = ""


@dataclass
class Spokesperson:
    """Someone who would speak for the person if they could not. Listed in order: the first, then
    whoever would step in after them."""

    name: str = ""
    relationship: str = ""
    contact: str = ""
    standing: Standing | None = None  # None: not said yet
    agreement: Agreement | None = None  # whether they know and have agreed; None: not said yet
    team_member: str | None = None  # id of the support team member this is, when chosen from there
    id: str = field(default_factory=new_id)


@dataclass
class PlanningDocument:
    """A planning document that exists, and where it is. careplan records that it exists; it is not
    the document."""

    kind: DocumentKind = "advance_directive"
    other_kind: str = ""  # its name, when kind is "other"
    dated: date | None = None  # the day it was signed, or last looked at (dated_as says which)
    dated_as: DocumentDate = "signed"
    kept_where: str = ""  # where the original is kept
    copies_with: str = ""  # who has copies
    id: str = field(default_factory=new_id)

    @property
    def kind_label(self) -> str:
        if self.kind == "other":
            return self.other_kind.strip() or vocab.DOCUMENT_KINDS["other"]
        return vocab.label(vocab.DOCUMENT_KINDS, self.kind)


@dataclass
class CareWish:
    """What care the person would want, in their words (or a caregiver's, with whose voice it is)."""

    text: str = ""
    kind: WishKind = "other"
    voice: Voice = "person"
    other_views: list[View] = field(default_factory=list)
    id: str = field(default_factory=new_id)


@dataclass
class AdvanceCare:
    """If I can't speak for myself: who would speak for me, which documents exist and where, and
    what care I would want. "Not now" is an answer: the day the person chose not to talk about it
    yet, kept until they do."""

    speakers: list[Spokesperson] = field(default_factory=list)
    documents: list[PlanningDocument] = field(default_factory=list)
    wishes: list[CareWish] = field(default_factory=list)
    place_of_care: PlaceOfCare | None = None  # where they would like to be cared for
    place_at_end: PlaceOfCare | None = None  # only if they want to say
    not_now_on: date | None = None

    @property
    def started(self) -> bool:
        return self != AdvanceCare()

    @property
    def not_now(self) -> bool:
        """The person chose not to talk about this yet, and nothing has been written since."""
        return self.not_now_on is not None and not (self.speakers or self.documents or self.wishes)


@dataclass
class CarePlan:
    about: About = field(default_factory=About)
    matters: list[Statement] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)
    modifications: list[Modification] = field(default_factory=list)
    treatment_decisions: list[TreatmentDecision] = field(default_factory=list)
    team: list[TeamMember] = field(default_factory=list)
    needs: list[Need] = field(default_factory=list)  # the help they named, in the order named
    checkin: CheckIn = field(default_factory=CheckIn)
    advance_care: AdvanceCare = field(default_factory=AdvanceCare)
    next_review: date | None = None

    @property
    def person(self) -> str:
        return self.about.name.strip()

    def goal(self, goal_id: str) -> Goal | None:
        return next((goal for goal in self.goals if goal.id == goal_id), None)

    def decision(self, decision_id: str) -> TreatmentDecision | None:
        return next((one for one in self.treatment_decisions if one.id == decision_id), None)

    @property
    def current_decision(self) -> TreatmentDecision | None:
        """Where treatment stands: the latest decision that has not ended (None: there is none)."""
        return next((one for one in reversed(self.treatment_decisions) if not one.ended), None)

    @property
    def earlier_decisions(self) -> list[TreatmentDecision]:
        """The decisions that have ended, in the order they were made."""
        return [one for one in self.treatment_decisions if one.ended]

    @property
    def first_contact(self) -> TeamMember | None:
        return next((member for member in self.team if member.first_contact), None)


# The top-level sections, in the order they are stored and shown.
SECTION_NAMES: tuple[str, ...] = (
    "about",
    "matters",
    "goals",
    "modifications",
    "treatment_decisions",
    "team",
    "needs",
    "checkin",
    "advance_care",
    "next_review",
)
