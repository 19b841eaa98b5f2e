"""Whose words: a voice id ("person", "caregiver", "together") as the people in this plan.

"Maria" reads better than "The person" in a diff or a snapshot, so a voice is named after the
plan's own people when the plan says who they are, and falls back to the plain vocab label.
"""

from __future__ import annotations

from careplan import vocab
from careplan.display import shown_name
from careplan.model import CarePlan
from careplan.names import called


def person_name(plan: CarePlan) -> str:
    """What the person likes to be called, or their name."""
    return plan.about.called


def caregiver_name(plan: CarePlan) -> str:
    """The caregiver, by the name they like to be called, when the plan names exactly one, else ""."""
    names = [
        called(p, plan)
        for p in plan.about.participants
        if p.role == "caregiver" and shown_name(p.name).strip()
    ]
    return names[0] if len(names) == 1 else ""


def facilitator_name(plan: CarePlan) -> str:
    """Whoever the plan names as running its sessions ("Priya Shah", "Priya and Ola"), else ""."""
    names = [
        shown_name(p.name).strip()
        for p in plan.about.participants
        if p.role == "facilitator" and shown_name(p.name).strip()
    ]
    return " and ".join(names)


def voice_name(plan: CarePlan, voice: str) -> str:
    """Who is speaking: "Maria", "Sam", "Maria and Sam together", or the vocab label."""
    person, caregiver = person_name(plan), caregiver_name(plan)
    if voice == "person" and person:
        return person
    if voice == "caregiver" and caregiver:
        return caregiver
    if voice == "together" and person and caregiver:
        return f"{person} and {caregiver} together"
    return vocab.label(vocab.VOICES, voice)
