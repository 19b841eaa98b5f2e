"""A saved version as an HL7 FHIR R4 Bundle, for a care team's system to take in.

Plain JSON-ready dicts, no FHIR library at run time (the tests validate what is made with
fhir.resources' R4B models). Built from the same record as the Markdown snapshot: only what was
said is written, so a field nobody answered is left out, never filled in (FHIR has no empty
strings either). Which resources and codes are used is listed in the README.

Where it fits, the shape follows HL7's PACIO Advance Directive Interoperability guide (the LOINC
category for a personal goal, advance directive documents, who speaks for the person as a
RelatedPerson), without claiming conformance to it.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import TYPE_CHECKING, Any

from careplan import vocab
from careplan.display import shown
from careplan.model import CarePlan, Goal, PlanningDocument, Spokesperson, TeamMember, View
from careplan.voices import voice_name

if TYPE_CHECKING:
    from careplan.store import PlanFile, VersionInfo

__all__ = ["CHECKIN_SYSTEM", "fhir_bundle"]

# Codes careplan made itself, for the check-in's measures: no LOINC code is claimed for them.
CHECKIN_SYSTEM = "urn:careplan:fhir:checkin"
CATEGORY_SYSTEM = "urn:careplan:fhir:goal-category"
LOINC = "http://loinc.org"
ROLE_CODES = "http://terminology.hl7.org/CodeSystem/v3-RoleCode"
GOAL_RELATIONSHIP = "http://hl7.org/fhir/StructureDefinition/goal-relationship"
GOAL_RELATIONSHIP_TYPES = "http://terminology.hl7.org/CodeSystem/goal-relationship-type"
ACHIEVEMENT = "http://terminology.hl7.org/CodeSystem/goal-achievement"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"

PERSONAL_GOAL = {"system": LOINC, "code": "87528-6", "display": "Personal goal"}
ADVANCE_DIRECTIVES = {"system": LOINC, "code": "42348-3", "display": "Advance directives"}

# Our goal statuses as FHIR's lifecycle (and, where we know it, achievement).
_LIFECYCLE: dict[str, tuple[str, str | None]] = {
    "active": ("active", None),
    "achieved": ("completed", "achieved"),
    "adapted": ("cancelled", None),  # it became another goal: the journey says which
    "let_go": ("cancelled", None),
}
# Standing to speak for the person, as HL7's role codes where one says the same thing.
_STANDING_ROLES = {
    "us_health_care_agent": ("HPOWATT", "healthcare power of attorney"),
    "us_dpoa_health_care": ("HPOWATT", "healthcare power of attorney"),
    "ew_lpa_health_welfare": ("HPOWATT", "healthcare power of attorney"),
    "scotland_welfare_poa": ("HPOWATT", "healthcare power of attorney"),
    "next_of_kin": ("NOK", "next of kin"),
}


def fhir_bundle(plan_file: PlanFile, number: int) -> dict[str, Any]:
    """Saved version `number` as a FHIR R4 Bundle of type "collection"."""
    from careplan.history import PlanHistory

    info = plan_file.version(number)
    plan = PlanHistory(plan_file, upto=number).plan(number)
    return _Bundle(plan_file.id, plan, info).build()


def _text(value: str) -> str | None:
    """Typed words as a FHIR string: control characters out, and None for nothing said."""
    cleaned = shown(value).strip()
    return cleaned or None


def _pruned(data: dict[str, Any]) -> dict[str, Any]:
    """`data` without the keys nobody filled in (None, or an empty list or dict)."""
    return {key: value for key, value in data.items() if value not in (None, [], {})}


class _Bundle:
    def __init__(self, plan_id: str, plan: CarePlan, info: VersionInfo) -> None:
        self.plan_id = plan_id
        self.plan = plan
        self.info = info
        self.day = info.session_day.isoformat()
        self.entries: list[dict[str, Any]] = []
        self.patient = self._url("patient", "")
        self.caregivers: dict[str, str] = {}  # participant name -> RelatedPerson url

    def _url(self, kind: str, item: str) -> str:
        # The same plan, version and item always give the same id, so a second export of one
        # version can be matched with the first.
        name = f"careplan:{self.plan_id}:{self.info.number}:{kind}:{item}"
        return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, name)}"

    def _add(self, url: str, resource: dict[str, Any]) -> None:
        self.entries.append({"fullUrl": url, "resource": _pruned(resource)})

    def build(self) -> dict[str, Any]:
        self._add_patient()
        self._add_caregivers()
        speakers = [self._add_speaker(index, s) for index, s in enumerate(self._speakers())]
        goals = [self._add_goal(goal) for goal in self.plan.goals if _text(goal.title)]
        self._add_care_plan(goals, speakers)
        self._add_care_team()
        self._add_observations()
        for document in self.plan.advance_care.documents:
            self._add_document(document)
        return {
            "resourceType": "Bundle",
            "id": str(
                uuid.uuid5(uuid.NAMESPACE_URL, f"careplan:{self.plan_id}:{self.info.number}")
            ),
            "type": "collection",
            "timestamp": self.info.saved_at.isoformat(),
            "entry": self.entries,
        }

    # --- people ----------------------------------------------------------------------------

    def _add_patient(self) -> None:
        about = self.plan.about
        names = [_pruned({"use": "official", "text": _text(about.name)})]
        if _text(about.preferred_name) and _text(about.preferred_name) != _text(about.name):
            names.append({"use": "usual", "text": _text(about.preferred_name)})
        self._add(
            self.patient,
            {
                "resourceType": "Patient",
                "name": [name for name in names if "text" in name],
                # FHIR's date takes what was given: "1973", "1974-03" or "1974-03-12"
                "birthDate": about.date_of_birth.stored() if about.date_of_birth else None,
            },
        )

    def _add_caregivers(self) -> None:
        for person in self.plan.about.participants:
            name = _text(person.name)
            if person.role != "caregiver" or not name or name in self.caregivers:
                continue
            url = self._url("caregiver", name)
            self.caregivers[name] = url
            relationship = _text(person.relationship)
            self._add(
                url,
                {
                    "resourceType": "RelatedPerson",
                    "patient": {"reference": self.patient},
                    "name": [{"text": name}],
                    "relationship": [
                        {"text": "caregiver" + (f" ({relationship})" if relationship else "")}
                    ],
                },
            )

    def _speakers(self) -> list[Spokesperson]:
        return [speaker for speaker in self.plan.advance_care.speakers if _text(speaker.name)]

    def _add_speaker(self, index: int, speaker: Spokesperson) -> str:
        url = self._url("speaker", speaker.id)
        relationship: list[dict[str, Any]] = []
        if speaker.standing in _STANDING_ROLES:
            code, display = _STANDING_ROLES[speaker.standing]
            relationship.append(
                {
                    "coding": [{"system": ROLE_CODES, "code": code, "display": display}],
                    "text": vocab.label(vocab.STANDINGS, speaker.standing),
                }
            )
        elif speaker.standing:
            relationship.append({"text": vocab.label(vocab.STANDINGS, speaker.standing)})
        if _text(speaker.relationship):
            relationship.append({"text": _text(speaker.relationship)})
        order = "first to speak for them" if index == 0 else f"backup no. {index} to speak for them"
        relationship.append({"text": order})
        if speaker.agreement:
            relationship.append({"text": vocab.label(vocab.AGREEMENTS, speaker.agreement)})
        contact = _text(speaker.contact)
        self._add(
            url,
            {
                "resourceType": "RelatedPerson",
                "patient": {"reference": self.patient},
                "name": [{"text": _text(speaker.name)}],
                "relationship": relationship,
                "telecom": [{"system": "other", "value": contact}] if contact else None,
            },
        )
        return url

    def _who_said(self, voice: str) -> dict[str, Any]:
        """A reference to whose words these are: the person, or the plan's one caregiver."""
        if voice == "caregiver" and len(self.caregivers) == 1:
            url = next(iter(self.caregivers.values()))
            return {"reference": url, "display": voice_name(self.plan, voice)}
        if voice == "person":
            return {"reference": self.patient, "display": voice_name(self.plan, voice)}
        return {"display": shown(voice_name(self.plan, voice))}

    # --- goals and the plan ----------------------------------------------------------------

    def _add_goal(self, goal: Goal) -> str:
        url = self._url("goal", goal.id)
        lifecycle, achieved = _LIFECYCLE.get(goal.status, ("active", None))
        notes = [
            ("Why it matters", goal.why),
            ("If this gets harder", goal.fallback),
            ("Why it changed", goal.adapted_reason),
        ]
        annotations = [{"text": f"{label}: {_text(text)}"} for label, text in notes if _text(text)]
        annotations += [self._view_note(view) for view in goal.other_views if _text(view.text)]
        extensions = []
        if goal.adapted_from and self.plan.goal(goal.adapted_from) is not None:
            extensions.append(
                {
                    "url": GOAL_RELATIONSHIP,
                    "extension": [
                        {
                            "url": "type",
                            "valueCodeableConcept": {
                                "coding": [
                                    {"system": GOAL_RELATIONSHIP_TYPES, "code": "predecessor"}
                                ]
                            },
                        },
                        {
                            "url": "target",
                            "valueReference": {"reference": self._url("goal", goal.adapted_from)},
                        },
                    ],
                }
            )
        self._add(
            url,
            {
                "resourceType": "Goal",
                "extension": extensions,
                "lifecycleStatus": lifecycle,
                "achievementStatus": (
                    {"coding": [{"system": ACHIEVEMENT, "code": achieved}]} if achieved else None
                ),
                "category": [
                    {"coding": [PERSONAL_GOAL]},
                    {
                        "coding": [
                            {
                                "system": CATEGORY_SYSTEM,
                                "code": goal.category,
                                "display": vocab.label(vocab.GOAL_CATEGORIES, goal.category),
                            }
                        ]
                    },
                ],
                "description": {"text": _text(goal.title)},
                "subject": {"reference": self.patient},
                "startDate": goal.started_on.isoformat() if goal.started_on else None,
                "statusDate": goal.ended_on.isoformat() if goal.ended_on else None,
                "expressedBy": self._who_said(goal.voice),
                "note": annotations,
            },
        )
        return url

    def _view_note(self, view: View) -> dict[str, Any]:
        return {
            "text": f"{shown(voice_name(self.plan, view.voice))} sees it differently: {_text(view.text)}"
        }

    def _add_care_plan(self, goals: list[str], speakers: list[str]) -> None:
        person = _text(self.plan.about.name) or "someone"
        note = _text(self.info.note)
        self._add(
            self._url("careplan", ""),
            {
                "resourceType": "CarePlan",
                "status": "active",
                "intent": "plan",
                "title": f"Care plan: {person}",
                "description": f"Version {self.info.number}, from the conversation of {self.day}.",
                "subject": {"reference": self.patient},
                "period": {"start": self.day},
                "created": self.info.saved_at.isoformat(),
                "goal": [{"reference": url} for url in goals],
                "note": [{"text": note}] if note else None,
                "supportingInfo": [{"reference": url} for url in speakers],
            },
        )

    def _add_care_team(self) -> None:
        members = [member for member in self.plan.team if _text(member.name)]
        if not members:
            return
        self._add(
            self._url("careteam", ""),
            {
                "resourceType": "CareTeam",
                "status": "active",
                "name": f"Support team of {_text(self.plan.about.called) or 'the person'}",
                "subject": {"reference": self.patient},
                "participant": [self._member(member) for member in members],
            },
        )

    def _member(self, member: TeamMember) -> dict[str, Any]:
        roles = [{"text": _text(member.role_label) or vocab.TEAM_ROLES["custom"]}]
        if member.first_contact:
            roles.append({"text": "First point of contact"})
        participant: dict[str, Any] = {"role": roles, "member": {"display": _text(member.name)}}
        if member.joined_on:  # the day they joined; a member saved before days were kept has none
            participant["period"] = {"start": member.joined_on.isoformat()}
        return participant

    # --- the check-in ----------------------------------------------------------------------

    def _add_observations(self) -> None:
        checkin = self.plan.checkin
        measures: list[tuple[str, str, int]] = []
        if checkin.function_level is not None:
            measures.append(
                ("pps", "Palliative Performance Scale (PPSv2), %", checkin.function_level)
            )
        for symptom, score in checkin.symptoms.items():
            name = vocab.label(vocab.SYMPTOMS, symptom)
            measures.append((f"esas-{symptom}", f"ESAS-r: {name} (0 none to 10 worst)", score))
        performer = [self._who_said(checkin.answered_by)] if checkin.answered_by else []
        note = _text(checkin.note)
        for code, display, value in measures:
            self._add(
                self._url("observation", code),
                {
                    "resourceType": "Observation",
                    "status": "final",
                    "category": [{"coding": [{"system": OBSERVATION_CATEGORY, "code": "survey"}]}],
                    "code": {
                        "coding": [{"system": CHECKIN_SYSTEM, "code": code, "display": display}],
                        "text": display,
                    },
                    "subject": {"reference": self.patient},
                    "effectiveDateTime": self.day,
                    "performer": [p for p in performer if "reference" in p],
                    "valueInteger": value,
                    "note": [{"text": note}] if note and code == "pps" else None,
                },
            )

    # --- planning documents ----------------------------------------------------------------

    def _add_document(self, document: PlanningDocument) -> None:
        where = [
            ("Original kept", document.kept_where),
            ("Copies with", document.copies_with),
        ]
        said = "; ".join(f"{label}: {_text(text)}" for label, text in where if _text(text))
        # The attachment's creation is the day it was signed; a day it was last looked at is not.
        dated: date | None = document.dated if document.dated_as == "signed" else None
        if document.dated is not None and dated is None:
            looked = f"Last looked at: {document.dated.isoformat()}"
            said = f"{said}; {looked}" if said else looked
        self._add(
            self._url("document", document.id),
            {
                "resourceType": "DocumentReference",
                "status": "current",
                "type": {"text": _text(document.kind_label)},
                "category": [{"coding": [ADVANCE_DIRECTIVES]}],
                "subject": {"reference": self.patient},
                "description": said or None,
                "content": [
                    {
                        "attachment": _pruned(
                            {
                                "title": (
                                    f"{_text(document.kind_label)} "
                                    "(recorded in careplan; the document itself is not attached)"
                                ),
                                "creation": dated.isoformat() if dated else None,
                            }
                        )
                    }
                ],
            },
        )
