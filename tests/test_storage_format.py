"""How a plan file stores versions: only what changed, in content-addressed pieces, still read exactly."""

from __future__ import annotations

import copy
import json
from datetime import date

import pytest

from careplan import locations, plan_objects
from careplan.codec import to_dict
from careplan.errors import DamagedFile
from careplan.goals import adapt_goal
from careplan.history import PlanHistory
from careplan.model import SECTION_NAMES, Goal, TreatmentDecision
from careplan.store import PlanFile, Store
from careplan.tinydb_storage import encode
from tests.storage_helpers import full_plan

LONG_WHY = "Because the harbour is where we walked every Sunday when the children were small, rain or shine."


def plan_data(store: Store, plan_id: str) -> dict:
    return json.loads(locations.plan_file(store.root, plan_id).read_bytes())


def new_pieces(store: Store, plan_id: str) -> dict:
    """The pieces the latest save added (the last row of the objects table)."""
    rows = plan_data(store, plan_id)["objects"]
    return rows[max(rows, key=int)]["d"]


def saved_plan_with_history(store: Store) -> tuple[str, list]:
    """A plan saved five times, each version changing something different; (id, the plans saved)."""
    plan = full_plan()
    plan.goals[0].why = LONG_WHY
    plan.treatment_decisions = [
        TreatmentDecision(
            kind="event",
            event="Wedding",
            hopes="To dance once " * 8,
            questions=["Is it safe to stop for three weeks, and what do we watch for?"],
            id="d-wedding",
        )
    ]
    saved = []
    with store.create_plan(plan) as opened:
        opened.save_version(plan, saved_by="Ann")
        saved.append(copy.deepcopy(plan))
        plan.goals.append(Goal(title="See the grandchildren at Easter", id="g-easter"))
        opened.save_version(plan, saved_by="Ann")
        saved.append(copy.deepcopy(plan))
        plan.checkin.note = "A better week"
        plan.next_review = date(2027, 1, 7)
        opened.save_version(plan, saved_by="Tom")
        saved.append(copy.deepcopy(plan))
        adapt_goal(
            plan, "g-harbour", "Sit by the harbour", "Walking is harder now", on=date(2026, 5, 1)
        ).id = "g-sit"
        opened.save_version(plan, saved_by="Ann")
        saved.append(copy.deepcopy(plan))
        opened.save_version(plan, saved_by="Ann", note="nothing changed")
        saved.append(copy.deepcopy(plan))
        return opened.id, saved


def test_a_version_records_only_the_sections_it_changed_and_every_version_reads_back_exactly(
    store: Store,
) -> None:
    plan_id, saved = saved_plan_with_history(store)
    records = plan_data(store, plan_id)["versions"]
    assert [sorted(records[str(n)]["s"]) for n in range(1, 6)] == [
        sorted(SECTION_NAMES),
        ["goals"],
        ["checkin", "next_review"],
        ["goals"],
        [],
    ]
    with Store(store.root).open_plan(plan_id, write=False) as reopened:  # read from disk alone
        assert [reopened.load(n) for n in range(1, 6)] == saved
        assert [reopened.sections_changed(n) for n in range(2, 6)] == [
            {"goals"},
            {"checkin", "next_review"},
            {"goals"},
            set(),
        ]
        assert reopened.sections_changed(1) == set(SECTION_NAMES)


def test_one_changed_field_stores_that_field_its_item_and_the_list_again_and_shares_the_rest(
    store: Store,
) -> None:
    plan = full_plan()
    plan.goals.append(Goal(title="Finish the photo album", why=LONG_WHY + " Again.", id="g-album"))
    with store.create_plan(plan) as opened:
        opened.save_version(plan, saved_by="Ann")
        plan.goals[0].why = LONG_WHY
        opened.save_version(plan, saved_by="Ann")
        pieces = new_pieces(store, opened.id)
        assert sorted(map(type, pieces.values()), key=str) == [
            dict,
            list,
            str,
        ]  # the goal, the list, the text
        assert LONG_WHY in pieces.values()
        assert encode(plan.goals[1].why) not in encode(
            pieces
        )  # the other goal is shared, not stored again

        plan.treatment_decisions.append(
            TreatmentDecision(kind="event", hopes="To dance once " * 8, status="discussed")
        )
        opened.save_version(plan, saved_by="Ann")
        plan.treatment_decisions[-1].status = "agreed"
        opened.save_version(plan, saved_by="Ann")
        # one field of one decision changed: that decision's small piece and the list again
        pieces = new_pieces(store, opened.id).values()
        (worksheet,) = [piece for piece in pieces if isinstance(piece, dict)]
        assert len(pieces) == 2
        assert worksheet["status"] == "agreed" and "To dance" not in json.dumps(worksheet)


def test_saving_the_same_plan_again_adds_a_record_and_no_pieces(store: Store) -> None:
    plan = full_plan()
    with store.create_plan(plan) as opened:
        opened.save_version(plan, saved_by="Ann")
        rows = len(plan_data(store, opened.id)["objects"])
        opened.save_version(plan, saved_by="Ann")
        data = plan_data(store, opened.id)
    assert len(data["objects"]) == rows and data["versions"]["2"]["s"] == {}


def test_reading_one_section_gives_what_the_whole_version_holds(store: Store) -> None:
    plan_id, saved = saved_plan_with_history(store)
    with store.open_plan(plan_id, write=False) as opened:
        for number, plan in enumerate(saved, start=1):
            for section in SECTION_NAMES:
                assert opened.load_section(section, number) == getattr(plan, section)
            assert opened.item_ids("goals", number) == [goal.id for goal in plan.goals]
            assert opened.item_ids("team", number) == [member.id for member in plan.team]
        assert opened.load_section("checkin") == saved[-1].checkin  # the latest by default
        opened.load_section("goals").clear()  # a fresh copy: changing it changes nothing stored
        assert opened.load(5) == saved[-1]


def test_history_reads_journeys_and_check_ins_without_loading_whole_versions(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan_id, saved = saved_plan_with_history(store)
    with store.open_plan(plan_id, write=False) as opened:
        monkeypatch.setattr(
            opened, "load", lambda number=None: pytest.fail("a whole version was loaded")
        )
        history = PlanHistory(opened)
        expected: dict[str, int] = {}
        for number, plan in enumerate(saved, start=1):
            for goal in plan.goals:
                expected.setdefault(goal.id, number)
        assert history.first_versions() == expected == {"g-harbour": 1, "g-easter": 2, "g-sit": 4}
        assert [history.checkin(n) for n in history.numbers] == [plan.checkin for plan in saved]


def test_a_damaged_record_spoils_only_the_versions_that_build_on_it_and_the_next_save_stands_alone(
    store: Store,
) -> None:
    plan_id, saved = saved_plan_with_history(store)
    path = locations.plan_file(store.root, plan_id)
    data = json.loads(path.read_bytes())
    data["versions"]["3"]["s"] = ["not", "a", "map"]
    path.write_bytes(encode(data))
    with store.open_plan(plan_id) as opened:
        assert [opened.load(n) for n in (1, 2)] == saved[:2]
        for number in (3, 4, 5):
            with pytest.raises(DamagedFile, match=f"version {number} is incomplete"):
                opened.load(number)
        info = opened.save_version(saved[-1], saved_by="Ann", note="saved again")
    data = json.loads(path.read_bytes())
    assert sorted(data["versions"][str(info.number)]["s"]) == sorted(SECTION_NAMES)  # a whole map
    with store.open_plan(plan_id, write=False) as reopened:
        assert reopened.load(info.number) == saved[-1]


def test_pieces_that_refer_to_each_other_in_a_circle_are_damage_not_a_crash(store: Store) -> None:
    plan_id, _ = saved_plan_with_history(store)
    path = locations.plan_file(store.root, plan_id)
    data = json.loads(path.read_bytes())
    data["objects"]["999"] = {"h": "circle", "d": {"A": ["B"], "B": {"@other_views": "A"}}}
    data["versions"]["6"] = {
        "n": 6,
        "at": "2026-06-01T10:00:00+00:00",
        "by": "",
        "note": "",
        "s": {"matters": "A"},
    }
    path.write_bytes(encode(data))
    with store.open_plan(plan_id, write=False) as opened:
        with pytest.raises(DamagedFile, match="version 6 is incomplete"):
            opened.load(6)
        assert opened.load(5).person == "Ann Smith"


def test_pieces_round_trip_and_marked_keys_hold_only_what_is_stored_apart() -> None:
    plan = full_plan()
    plan.goals[0].why = LONG_WHY
    data = to_dict(plan)
    sections, objects = plan_objects.split(data)
    assert plan_objects.join(sections, objects) == data
    goal_key = objects[sections["goals"]][0]
    goal = objects[goal_key]
    assert goal["title"] == "Walk to the harbour" and objects[goal["&why"]] == LONG_WHY
    assert "why" not in goal and plan_objects.object_key(objects[goal_key]) == goal_key


def test_an_opened_plan_file_keeps_its_public_surface(store: Store) -> None:
    plan_id, saved = saved_plan_with_history(store)
    with store.open_plan(plan_id) as opened:
        assert isinstance(opened, PlanFile)
        assert [info.number for info in opened.versions()] == [1, 2, 3, 4, 5] and opened.latest == 5
        assert opened.load() == saved[-1]
