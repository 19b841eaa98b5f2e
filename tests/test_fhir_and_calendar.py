"""export --format fhir (a FHIR R4 Bundle, checked with fhir.resources' R4B models) and
--format ics (an iCalendar file, read back with icalendar): structure, what is left out, hostile
text, and golden files for the demo plan."""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from fhir.resources.R4B.bundle import Bundle
from icalendar import Calendar

from careplan.cli import main
from careplan.demo import build_demo
from careplan.display import CONTROL_CHARACTERS
from careplan.fhir_export import fhir_bundle
from careplan.ics_export import ics_calendar
from careplan.model import (
    About,
    AdvanceCare,
    CarePlan,
    CareWish,
    CheckIn,
    Goal,
    Participant,
    PlanningDocument,
    Spokesperson,
    TeamMember,
    TreatmentDecision,
    View,
)
from careplan.partial_dates import PartialDate
from careplan.plan_json import dumps
from careplan.store import Store
from tests.storage_helpers import add_plan

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("CAREPLAN_UPDATE_GOLDEN") == "1"


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]):
    def run(*argv: str) -> tuple[int, str, str]:
        code = main(list(argv))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


def bundle_of(store: Store, plan_id: str, number: int = 1) -> dict:
    with store.open_plan(plan_id, write=False) as plan_file:
        data = json.loads(dumps(fhir_bundle(plan_file, number)))
    Bundle.model_validate(data)  # valid against the FHIR models, or this raises naming the field
    return data


def resources(bundle: dict, kind: str) -> list[dict]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def calendar_of(store: Store, plan_id: str, number: int = 1) -> Calendar:
    with store.open_plan(plan_id, write=False) as plan_file:
        return Calendar.from_ical(ics_calendar(plan_file, number))


# --- FHIR ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "given", [PartialDate(1973), PartialDate(1974, 3), PartialDate(1974, 3, 12)]
)
def test_a_partial_birth_date_is_exported_as_given_and_is_valid_fhir(
    store: Store, given: PartialDate
) -> None:
    plan_id = add_plan(store, date_of_birth=given)
    (patient,) = resources(bundle_of(store, plan_id), "Patient")  # validated on the way
    assert patient["birthDate"] == given.stored()  # "1973", "1974-03": no day made up


def test_the_demo_bundle_is_valid_fhir_with_each_kind_of_resource(store: Store) -> None:
    plan_id = build_demo(store)
    bundle = bundle_of(store, plan_id, 6)
    kinds = Counter(entry["resource"]["resourceType"] for entry in bundle["entry"])
    assert kinds == {
        "Patient": 1,
        "RelatedPerson": 3,  # Tom as caregiver; Tom and Jess as the people to speak for Maggie
        "Goal": 7,
        "CarePlan": 1,
        "CareTeam": 1,
        "Observation": 10,  # everyday function and the nine symptoms
        "DocumentReference": 2,
    }
    (patient,) = resources(bundle, "Patient")
    assert patient["birthDate"] == "1958-06"  # the month the family gave, no day made up
    assert {"use": "usual", "text": "Maggie"} in patient["name"]
    (care_plan,) = resources(bundle, "CarePlan")
    assert (care_plan["status"], care_plan["intent"]) == ("active", "plan")
    assert care_plan["period"] == {"start": "2026-11-05"}  # the day of the conversation
    assert len(care_plan["goal"]) == 7


def test_goals_map_their_status_and_an_adapted_goal_points_to_the_one_it_grew_from(
    store: Store,
) -> None:
    run = Goal(title="Run", status="adapted", ended_on=date(2026, 5, 20), id="g-run")
    walk = Goal(
        title="Walk",
        adapted_from="g-run",
        adapted_reason="my hip",
        started_on=date(2026, 5, 20),
        id="g-walk",
    )
    wedding = Goal(title="Dance at the wedding", status="achieved", id="g-dance")
    plan = CarePlan(about=About(name="Ann"), goals=[run, walk, wedding])
    bundle = bundle_of(store, add_plan(store, plan=plan))
    by_title = {
        goal["description"]["text"]: (goal, entry["fullUrl"])
        for entry in bundle["entry"]
        if (goal := entry["resource"])["resourceType"] == "Goal"
    }
    old, old_url = by_title["Run"]
    new, _ = by_title["Walk"]
    done, _ = by_title["Dance at the wedding"]
    assert old["lifecycleStatus"] == "cancelled" and "achievementStatus" not in old
    assert done["lifecycleStatus"] == "completed"
    assert done["achievementStatus"]["coding"][0]["code"] == "achieved"
    assert "achievementStatus" not in new  # nobody said how it is going: nothing is claimed
    (relationship,) = new["extension"]
    assert relationship["url"] == "http://hl7.org/fhir/StructureDefinition/goal-relationship"
    parts = {part["url"]: part for part in relationship["extension"]}
    assert parts["type"]["valueCodeableConcept"]["coding"][0]["code"] == "predecessor"
    assert parts["target"]["valueReference"]["reference"] == old_url
    assert {"text": "Why it changed: my hip"} in new["note"]
    assert new["category"][0]["coding"][0]["code"] == "87528-6"  # LOINC: personal goal


def test_only_measures_that_were_asked_become_observations_on_the_session_day(
    store: Store,
) -> None:
    plan = CarePlan(
        about=About(name="Ann", participants=[Participant(name="Tom", role="caregiver")]),
        checkin=CheckIn(function_level=60, symptoms={"pain": 4}, answered_by="caregiver"),
    )
    with store.create_plan(plan) as plan_file:
        plan_file.save_version(plan, saved_by="Priya", session_date=date(2026, 11, 30))
        plan_id = plan_file.id
    observations = resources(bundle_of(store, plan_id), "Observation")
    assert sorted(o["code"]["coding"][0]["code"] for o in observations) == ["esas-pain", "pps"]
    assert {o["effectiveDateTime"] for o in observations} == {"2026-11-30"}
    assert {o["valueInteger"] for o in observations} == {60, 4}
    tom = next(
        e["fullUrl"]
        for e in bundle_of(store, plan_id)["entry"]
        if e["resource"]["resourceType"] == "RelatedPerson"
    )
    assert all(o["performer"] == [{"reference": tom, "display": "Tom"}] for o in observations)


def test_an_empty_plan_says_only_what_it_holds(store: Store) -> None:
    bundle = bundle_of(store, add_plan(store, "Ann Smith"))
    assert Counter(e["resource"]["resourceType"] for e in bundle["entry"]) == {
        "Patient": 1,
        "CarePlan": 1,
    }
    (patient,) = resources(bundle, "Patient")
    assert "birthDate" not in patient


def test_who_speaks_for_them_and_the_documents_are_there_for_the_care_team(store: Store) -> None:
    plan = CarePlan(
        about=About(name="Ann"),
        advance_care=AdvanceCare(
            speakers=[Spokesperson(name="Tom", standing="ew_lpa_health_welfare", contact="0770")],
            documents=[
                PlanningDocument(kind="respect", dated=date(2026, 9, 10), kept_where="fridge"),
                PlanningDocument(kind="will", dated=date(2020, 1, 2), dated_as="looked_at"),
            ],
        ),
    )
    bundle = bundle_of(store, add_plan(store, plan=plan))
    (tom,) = resources(bundle, "RelatedPerson")
    assert tom["relationship"][0]["coding"][0]["code"] == "HPOWATT"
    assert tom["telecom"] == [{"system": "other", "value": "0770"}]
    respect, will = resources(bundle, "DocumentReference")
    assert respect["category"][0]["coding"][0]["code"] == "42348-3"
    assert respect["content"][0]["attachment"]["creation"] == "2026-09-10"
    assert respect["description"] == "Original kept: fridge"
    assert "creation" not in will["content"][0]["attachment"]  # looked at is not signed
    assert will["description"] == "Last looked at: 2020-01-02"


HOSTILE = '<b onclick="x">hi</b>"\\\n\x1b]2;owned\x07 javascript:alert(1) ' + "é" * 99_900


def hostile_plan() -> CarePlan:
    return CarePlan(
        about=About(
            name=HOSTILE,
            preferred_name=HOSTILE,
            participants=[Participant(name=HOSTILE, role="caregiver", relationship=HOSTILE)],
        ),
        goals=[Goal(title=HOSTILE, why=HOSTILE, other_views=[View(text=HOSTILE)])],
        team=[TeamMember(name=HOSTILE, role="custom", custom_role=HOSTILE, first_contact=True)],
        checkin=CheckIn(function_level=50, note=HOSTILE, answered_by="person"),
        treatment_decisions=[
            TreatmentDecision(
                kind="event",
                event=HOSTILE,
                event_on=date(2026, 12, 20),
                starts_on=date(2026, 12, 24),
            )
        ],
        advance_care=AdvanceCare(
            speakers=[Spokesperson(name=HOSTILE, relationship=HOSTILE, contact=HOSTILE)],
            documents=[PlanningDocument(kind="other", other_kind=HOSTILE, kept_where=HOSTILE)],
            wishes=[CareWish(text=HOSTILE)],
        ),
        next_review=date(2027, 1, 5),
    )


def test_hostile_text_in_every_field_keeps_the_bundle_valid_and_whole(store: Store) -> None:
    # Saving takes control characters out; tags, quotes, line breaks and length stay as typed.
    plan_id = add_plan(store, plan=hostile_plan())
    bundle = bundle_of(store, plan_id)
    text = json.dumps(bundle, ensure_ascii=False)
    assert not set(text) & CONTROL_CHARACTERS - {"\n"}
    (patient,) = resources(bundle, "Patient")
    assert patient["name"][0]["text"].startswith('<b onclick="x">hi</b>"\\')  # kept as words
    assert len(patient["name"][0]["text"]) > 99_900


# --- the calendar -------------------------------------------------------------------------------


def test_the_calendar_holds_an_all_day_event_for_each_date_the_plan_has(store: Store) -> None:
    plan = CarePlan(
        about=About(name="Ann Smith", preferred_name="Annie"),
        treatment_decisions=[
            TreatmentDecision(
                kind="recover", starts_on=date(2026, 12, 24), ends_on=date(2027, 1, 6)
            )
        ],
        next_review=date(2027, 1, 12),
    )
    events = calendar_of(store, add_plan(store, plan=plan)).walk("VEVENT")
    assert [(str(e["SUMMARY"]), e.decoded("DTSTART")) for e in events] == [
        ("Treatment break starts (Annie)", date(2026, 12, 24)),
        ("Treatment break ends (Annie)", date(2027, 1, 6)),
        ("Care plan review (Annie)", date(2027, 1, 12)),
    ]
    assert all(
        e.decoded("DTEND") == e.decoded("DTSTART").fromordinal(e.decoded("DTSTART").toordinal() + 1)
        for e in events
    )
    assert len({str(e["UID"]) for e in events}) == 3


def test_each_decision_has_its_own_events_and_keeps_their_uids_as_more_decisions_come(
    store: Store,
) -> None:
    wedding = TreatmentDecision(
        kind="event",
        event="Jess's wedding",
        event_on=date(2026, 8, 22),
        starts_on=date(2026, 8, 3),
        ends_on=date(2026, 8, 31),
        status="resumed",
        id="d-wedding",
    )
    plan = CarePlan(about=About(name="Maggie"), treatment_decisions=[wedding])

    def stop_later(plan: CarePlan, number: int) -> None:
        if number == 2:
            plan.treatment_decisions.append(
                TreatmentDecision(kind="stop", starts_on=date(2026, 11, 9), id="d-stop")
            )

    plan_id = add_plan(store, plan=plan, versions=2, before_each=stop_later)
    first = {
        str(e["SUMMARY"]): str(e["UID"]) for e in calendar_of(store, plan_id, 1).walk("VEVENT")
    }
    second = {
        str(e["SUMMARY"]): str(e["UID"]) for e in calendar_of(store, plan_id, 2).walk("VEVENT")
    }
    assert list(first) == [
        "Treatment break starts (Maggie)",
        "Jess's wedding (Maggie)",
        "Treatment break ends (Maggie)",
    ]
    assert list(second) == [*first, "Treatment stops (Maggie)"]
    assert all(second[title] == uid for title, uid in first.items())
    assert len(set(second.values())) == 4


def test_a_plan_without_dates_gives_a_calendar_with_no_events(store: Store) -> None:
    assert calendar_of(store, add_plan(store, "Ann Smith")).walk("VEVENT") == []


def test_hostile_text_cannot_add_a_line_or_an_event_to_the_calendar(store: Store) -> None:
    plan_id = add_plan(store, plan=hostile_plan())
    with store.open_plan(plan_id, write=False) as plan_file:
        text = ics_calendar(plan_file, 1)
    assert not set(text) & CONTROL_CHARACTERS - {"\r", "\n"}
    calendar = Calendar.from_ical(text)
    events = calendar.walk("VEVENT")
    assert len(events) == 3  # the event's day, the break's start and the review: nothing more
    assert all(str(event["SUMMARY"]).endswith(")") for event in events)


def test_the_uid_of_an_event_stays_the_same_from_version_to_version(store: Store) -> None:
    plan = CarePlan(about=About(name="Ann"), next_review=date(2027, 1, 12))
    plan_id = add_plan(
        store,
        plan=plan,
        versions=2,
        before_each=lambda p, n: setattr(p, "next_review", date(2027, 1, 12 + n)),
    )
    first = calendar_of(store, plan_id, 1).walk("VEVENT")[0]
    second = calendar_of(store, plan_id, 2).walk("VEVENT")[0]
    assert str(first["UID"]) == str(second["UID"])
    assert first.decoded("DTSTART") != second.decoded("DTSTART")


# --- the command line and the golden files -------------------------------------------------------


def numbered_ids(text: str) -> str:
    """The demo's plan id is new each time it is built, and so are the ids made from it: each
    becomes "id-1", "id-2" ... in the order they first appear, so the rest can be compared."""
    seen: dict[str, str] = {}
    return re.sub(
        r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
        lambda match: seen.setdefault(match[0], f"id-{len(seen) + 1}"),
        text,
    )


@pytest.mark.parametrize(("format_name", "ending"), [("fhir", "fhir.json"), ("ics", "ics")])
def test_the_demo_exports_match_their_golden_files(
    cli, store: Store, tmp_path: Path, format_name: str, ending: str
) -> None:
    plan_id = build_demo(store)
    target = tmp_path / f"demo.{ending}"
    code, out, err = cli("export", plan_id, "--format", format_name, "-o", str(target))
    assert code == 0, err
    rendered = numbered_ids(target.read_text(encoding="utf-8"))
    golden = GOLDEN / f"demo-v6.{ending}"
    if UPDATE:
        golden.write_text(rendered, encoding="utf-8")
    assert rendered == golden.read_text(encoding="utf-8")


def test_export_to_a_folder_suggests_a_file_name_with_the_format_s_ending(
    cli, store: Store, tmp_path: Path
) -> None:
    plan_id = add_plan(store, "Ann Smith")
    code, _, err = cli("export", plan_id, "--format", "fhir", "-o", str(tmp_path))
    assert code == 1
    assert ".fhir.json" in err
