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
from careplan.vocab import (
    Agreement,
    BreakKind,
    BreakStatus,
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


@dataclass
class About:
    name: str = ""
    preferred_name: str = ""
    date_of_birth: date | None = None
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
    id: str = field(default_factory=new_id)


@dataclass
class TreatmentBreak:
    kind: BreakKind | None = None  # None while nobody has started this worksheet
    event: str = ""
    starts_on: date | None = None
    ends_on: date | None = None
    current_treatment: str = ""
    team_said: str = ""
    hopes: str = ""
    fears: str = ""
    questions: list[str] = field(default_factory=list)  # for the oncologist
    warning_signs: list[str] = field(default_factory=list)
    who_to_call: str = ""
    status: BreakStatus | None = None
    look_again_on: date | None = None

    @property
    def started(self) -> bool:
        return self != TreatmentBreak()


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
    id: str = field(default_factory=new_id)

    @property
    def role_label(self) -> str:
        if self.role == "custom":
            return self.custom_role.strip() or vocab.TEAM_ROLES["custom"]
        return vocab.label(vocab.TEAM_ROLES, self.role)


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
    treatment_break: TreatmentBreak = field(default_factory=TreatmentBreak)
    team: list[TeamMember] = field(default_factory=list)
    checkin: CheckIn = field(default_factory=CheckIn)
    advance_care: AdvanceCare = field(default_factory=AdvanceCare)
    next_review: date | None = None

    @property
    def person(self) -> str:
        return self.about.name.strip()

    def goal(self, goal_id: str) -> Goal | None:
        return next((goal for goal in self.goals if goal.id == goal_id), None)

    @property
    def first_contact(self) -> TeamMember | None:
        return next((member for member in self.team if member.first_contact), None)


# The top-level sections, in the order they are stored and shown.
SECTION_NAMES: tuple[str, ...] = (
    "about",
    "matters",
    "goals",
    "modifications",
    "treatment_break",
    "team",
    "checkin",
    "advance_care",
    "next_review",
)
