"""The fixed words of a care plan: every choice list, as (id, plain label) pairs.

Ids are stored on disk and used by the CLI's JSON, so they never change; labels are what people read.
Each choice list the model stores has a Literal type of its ids beside it (Voice, GoalStatus ...),
so the type checker knows a goal's status is one of four words; tests/test_model.py keeps each
type and its list the same.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar

ChoiceId = TypeVar("ChoiceId", bound=str)
# A choice list: ids (one of a Literal type where the model stores them) to plain labels.
Choices = Mapping[ChoiceId, str]
AnyChoices = Mapping[Any, str]

Voice = Literal["person", "caregiver", "together"]
VOICES: Choices[Voice] = {
    "person": "The person",
    "caregiver": "Caregiver",
    "together": "Together",
}

ParticipantRole = Literal["person", "caregiver", "facilitator"]
PARTICIPANT_ROLES: Choices[ParticipantRole] = {
    "person": "The person",
    "caregiver": "Caregiver",
    "facilitator": "Facilitator",
}

StatementKind = Literal["strength", "worry", "hope", "cannot_live_without", "other"]
STATEMENT_KINDS: Choices[StatementKind] = {
    "strength": "What gives me strength",
    "worry": "What worries me",
    "hope": "What I hope for",
    "cannot_live_without": "What I can't imagine living without",
    "other": "Something else that matters",
}

GoalCategory = Literal["symptoms", "daily_life", "meaningful"]
GOAL_CATEGORIES: Choices[GoalCategory] = {
    "symptoms": "Managing symptoms",
    "daily_life": "Making daily life easier",
    "meaningful": "Meaningful moments",
}

GoalStatus = Literal["active", "achieved", "adapted", "let_go"]
GOAL_STATUSES: Choices[GoalStatus] = {
    "active": "Active",
    "achieved": "Achieved",
    "adapted": "Adapted",
    "let_go": "Let go",
}

ModificationArea = Literal[
    "work", "exercise", "eating_out", "travel", "seeing_people", "home", "hobbies", "other"
]
MODIFICATION_AREAS: Choices[ModificationArea] = {
    "work": "Work",
    "exercise": "Exercise",
    "eating_out": "Eating out",
    "travel": "Travel",
    "seeing_people": "Seeing people",
    "home": "Home",
    "hobbies": "Hobbies",
    "other": "Other",
}

ModificationStatus = Literal["trying", "working", "not_working", "stopped"]
MODIFICATION_STATUSES: Choices[ModificationStatus] = {
    "trying": "Trying it",
    "working": "Working",
    "not_working": "Not working",
    "stopped": "Stopped",
}

DecisionKind = Literal["recover", "event", "stop", "other", "side_effects"]
DECISION_KINDS: Choices[DecisionKind] = {
    "recover": "A pause to recover",
    "event": "A pause for an event",
    "stop": "Stopping treatment",
    "other": "Something else",
}
# Kinds older plans used, still named as they were (kept as written, not offered for new ones).
EARLIER_DECISION_KINDS: Choices[DecisionKind] = {
    "side_effects": "A break because the side effects feel like too much",
}
ALL_DECISION_KINDS: Choices[DecisionKind] = {**DECISION_KINDS, **EARLIER_DECISION_KINDS}
PAUSE_KINDS: frozenset[str] = frozenset({"recover", "event", "side_effects"})

DecisionStatus = Literal["thinking", "discussed", "agreed", "on_break", "resumed", "stopped"]
DECISION_STATUSES: Choices[DecisionStatus] = {
    "thinking": "Thinking about it",
    "discussed": "Discussed with the team",
    "agreed": "Agreed",
    "on_break": "On a break",
    "resumed": "Resumed",
    "stopped": "Stopped",
}
# Where a decision to stop can stand: it is never a break, so it never says "on a break".
STOP_STATUSES: Choices[DecisionStatus] = {
    "thinking": "Thinking about it",
    "discussed": "Discussed with the team",
    "agreed": "Agreed",
    "stopped": "Treatment has stopped",
}
# A pause that has come to an end: kept, and listed among the earlier decisions.
ENDED_STATUSES: frozenset[str] = frozenset({"resumed", "stopped"})

Support = Literal["palliative_care", "symptom_control", "hospice"]
SUPPORTS: Choices[Support] = {
    "palliative_care": "Palliative care",
    "symptom_control": "Symptom control",
    "hospice": "Hospice care",
}

TeamRole = Literal[
    "care_coordinator",
    "oncologist",
    "palliative_care",
    "specialist_nurse",
    "social_worker",
    "gp",
    "therapist",
    "occupational_therapist",
    "dietitian",
    "hospice",
    "family",
    "friend",
    "neighbour",
    "faith_community",
    "support_group",
    "helpline",
    "financial_help",
    "custom",
]
TEAM_ROLES: Choices[TeamRole] = {
    "care_coordinator": "Care coordinator or navigator",
    "oncologist": "Oncologist",
    "palliative_care": "Palliative care team",
    "specialist_nurse": "Specialist nurse",
    "social_worker": "Social worker",
    "gp": "GP or family doctor",
    "therapist": "Therapist or counsellor",
    "occupational_therapist": "Occupational therapist",
    "dietitian": "Dietitian",
    "hospice": "Hospice",
    "family": "Family",
    "friend": "Friend",
    "neighbour": "Neighbour",
    "faith_community": "Faith community",
    "support_group": "Support group",
    "helpline": "Helpline",
    "financial_help": "Financial help",
    "custom": "Other role",
}

TASKS: Choices[str] = {
    "lifts": "Lifts to appointments",
    "meals": "Meals",
    "medicines": "Medicines",
    "paperwork_money": "Paperwork and money",
    "emotional_support": "Emotional support",
    "childcare": "Childcare",
    "pets": "Pets",
    "shopping": "Shopping",
    "housework": "Housework",
    "company": "Company at appointments",
}

# --- if I can't speak for myself ----------------------------------------------------------------
# What gives someone the standing to speak for the person. The signed kinds are named as each
# country names them; careplan records what the family says, and is not itself any of these.
Standing = Literal[
    "us_health_care_agent",
    "us_dpoa_health_care",
    "ew_lpa_health_welfare",
    "scotland_welfare_poa",
    "next_of_kin",
    "other",
]
STANDINGS: Choices[Standing] = {
    "us_health_care_agent": "Named in a signed document: health care agent or proxy (US)",
    "us_dpoa_health_care": "Named in a signed document: durable power of attorney for health care (US)",
    "ew_lpa_health_welfare": (
        "Named in a signed document: lasting power of attorney for health and welfare "
        "(England and Wales)"
    ),
    "scotland_welfare_poa": "Named in a signed document: welfare power of attorney (Scotland)",
    "next_of_kin": "Next of kin, nothing signed yet",
    "other": "Something else",
}

Agreement = Literal["agreed", "knows", "not_asked"]
AGREEMENTS: Choices[Agreement] = {
    "agreed": "Knows and has agreed",
    "knows": "Knows, has not said yes yet",
    "not_asked": "Not asked yet",
}

DocumentKind = Literal[
    "advance_directive",
    "health_care_proxy",
    "medical_order",
    "respect",
    "dnacpr",
    "lasting_power_of_attorney",
    "will",
    "organ_donation",
    "other",
]
DOCUMENT_KINDS: Choices[DocumentKind] = {
    "advance_directive": "Advance directive or living will",
    "health_care_proxy": "Health care proxy form",
    "medical_order": "POLST, MOLST or a similar medical order",
    "respect": "ReSPECT form",
    "dnacpr": "DNACPR or do-not-resuscitate order",
    "lasting_power_of_attorney": "Lasting power of attorney",
    "will": "Will",
    "organ_donation": "Organ donation decision",
    "other": "Another document",
}

DocumentDate = Literal["signed", "looked_at"]
DOCUMENT_DATES: Choices[DocumentDate] = {
    "signed": "Signed",
    "looked_at": "Last looked at",
}

PlaceOfCare = Literal["home", "hospice", "hospital", "with_family", "not_sure"]
PLACES_OF_CARE: Choices[PlaceOfCare] = {
    "home": "At home",
    "hospice": "In a hospice",
    "hospital": "In hospital",
    "with_family": "With family",
    "not_sure": "Not sure yet",
}

WishKind = Literal["good_day", "avoid", "near_me", "how_to_talk", "other"]
WISH_KINDS: Choices[WishKind] = {
    "good_day": "What a good day looks like",
    "avoid": "What I would want to avoid",
    "near_me": "People, pets, music, faith or practices I want near",
    "how_to_talk": "How to talk with me",
    "other": "Something else about my care",
}

# What the FUNCTION_LEVELS measure is called wherever it is shown (screens, comparisons, exports):
# one plain name, so a tired reader never wonders whether two words mean two things.
FUNCTION_NAME = "Everyday function"

# Palliative Performance Scale: eleven levels, 100% to 0%, in plain words of our own.
# Level 0 is kept so every level of the published scale can be read back and checked, but the
# check-in never offers it: the person answers about themselves, and "has died" is not an answer.
FUNCTION_LEVELS: dict[int, str] = {
    100: "Up and about as usual, no sign of illness, doing everything I normally do",
    90: "Up and about as usual, some signs of illness, still doing everything",
    80: "Up and about, doing normal things takes effort",
    70: "Up and about less; can't manage work or usual jobs",
    60: "Up and about less; need help now and then; can't do hobbies or housework",
    50: "Mostly sitting or lying; need a fair amount of help",
    40: "Mostly in bed; need a lot of help",
    30: "In bed all the time; need help with everything",
    20: "In bed all the time; only sips to drink",
    10: "In bed all the time; only mouth care",
    0: "Has died",
}

# ESAS-r: nine symptoms rated 0 (none) to 10 (worst possible).
SYMPTOMS: Choices[str] = {
    "pain": "Pain",
    "tiredness": "Tiredness",
    "drowsiness": "Drowsiness",
    "nausea": "Nausea",
    "appetite": "Lack of appetite",
    "breath": "Shortness of breath",
    "depression": "Depression",
    "anxiety": "Anxiety",
    "wellbeing": "Wellbeing",
}

# Sections in the order a guided session walks them.
SECTIONS: Choices[str] = {
    "about": "About us",
    "matters": "What matters most",
    "checkin": "How things are now",
    "goals": "Goals",
    "modifications": "Lifestyle modifications",
    "treatment_decisions": "Treatment decisions",
    "team": "Support team",
    "advance_care": "If I can't speak for myself",
    "review": "Review and save",
}

# How a session's conversation happened, kept with the version it saved (never in the family's
# exports): a facilitator's record, as is the language and any interpreter beside it.
SESSION_KINDS: Choices[str] = {
    "in_person": "In person",
    "video": "Video call",
    "phone": "Phone call",
}


def one_of(value: object, choices: Choices[ChoiceId]) -> ChoiceId:
    """`value` as one of `choices`' ids: for a value a screen's own list offered, so anything
    else is a bug to hear about (values read from files are checked by validation instead)."""
    for choice in choices:
        if choice == value:
            return choice
    raise ValueError(f"{value!r} is not one of {list(choices)}")


def choice_or(value: object, choices: Choices[ChoiceId], default: ChoiceId) -> ChoiceId:
    """`value` if it is one of `choices`' ids, else `default`: for a value read from a file."""
    for choice in choices:
        if choice == value:
            return choice
    return default


def label(choices: AnyChoices, key: str | None) -> str:
    """The plain label for an id, or the id itself if it is not one we know (never crash on it)."""
    if key is None:
        return ""
    return choices.get(key, key)
