"""One name for each person: the name they like to be called, never a guessed first word."""

from __future__ import annotations

from careplan.model import About, CarePlan, Participant, Spokesperson, TeamMember
from careplan.names import called, headings, introduced, shortened


def plan() -> CarePlan:
    return CarePlan(
        about=About(name="Dana Whitfield", preferred_name="Dana"),
        team=[
            TeamMember(id="t-marcus", name="Marcus Whitfield", preferred_name="Marcus"),
            TeamMember(id="t-linh", name="Trần Linh"),
            TeamMember(id="t-reyes", name="Dr Anna Reyes"),
        ],
    )


def test_a_person_is_shown_by_the_name_they_like_or_their_name_as_typed() -> None:
    family = plan()
    marcus, linh, reyes = family.team
    assert called(family.about) == "Dana"
    assert called(marcus) == "Marcus"
    assert called(linh) == "Trần Linh"  # not "Trần": nothing is guessed from the first word
    assert called(reyes) == "Dr Anna Reyes"
    assert called(TeamMember(name="  ")) == ""


def test_the_same_person_elsewhere_in_the_plan_has_the_same_name() -> None:
    family = plan()
    family.about.participants = [
        Participant(name="Marcus Whitfield", role="caregiver"),
        Participant(name="Dana  Whitfield", role="person"),
    ]
    caregiver, person = family.about.participants
    assert called(caregiver, family) == "Marcus"
    assert called(caregiver) == "Marcus Whitfield"  # without the plan: only what they said
    assert called(person, family) == "Dana"
    speaker = Spokesperson(name="Marcus W.", team_member="t-marcus")
    assert called(speaker, family) == "Marcus"


def test_details_introduce_the_name_they_like_with_the_name_written() -> None:
    family = plan()
    assert introduced(family.team[0]) == "Marcus (Marcus Whitfield)"
    assert introduced(family.team[1]) == "Trần Linh"


def test_headings_shorten_visibly_and_stay_apart() -> None:
    assert shortened("Trần Linh", 12) == "Trần Linh"
    assert shortened("Elizabeth Whitfield", 12) == "Elizabeth W…"
    assert headings(["Elizabeth Whitfield-Jones", "Elizabeth Whitfield-Smith", "Tom"], 12) == [
        "Elizabeth Whitfield-J…",
        "Elizabeth Whitfield-S…",
        "Tom",
    ]
