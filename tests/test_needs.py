"""The help a family needs: named by them, covered by someone or by nobody yet, kept until they
take it off; and older plans, where a need was only a task on someone, brought up to date."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from careplan import locations, plan_json
from careplan.migrations import SCHEMA_VERSION
from careplan.model import About, CarePlan, Need, TeamMember
from careplan.store import Store
from careplan.team_tasks import (
    add_need,
    keep_needs_in_step,
    named_needs,
    nobody_yet,
    remove_need,
    toggle_cover,
    who_does_what,
)

WHEN = datetime(2026, 3, 12, 10, 0, tzinfo=UTC)


def family() -> CarePlan:
    return CarePlan(
        about=About(name="Ruth Okafor"),
        team=[
            TeamMember(id="t-tom", name="Tom Ellis", tasks=["lifts", "meals"]),
            TeamMember(id="t-sue", name="Sue Marsh", role="palliative_care"),
        ],
        needs=[Need("lifts"), Need("meals")],
    )


def test_nobody_yet_lists_only_the_needs_this_family_named() -> None:
    plan = family()
    assert nobody_yet(plan) == []  # no Childcare, no Pets: they never said they need them
    assert add_need(plan, "Overnight help") == "Overnight help"
    assert nobody_yet(plan) == ["Overnight help"]
    assert [cover.task for cover in who_does_what(plan)] == ["lifts", "meals", "Overnight help"]


def test_a_need_stays_when_whoever_covered_it_lets_it_go() -> None:
    plan = family()
    add_need(plan, "Overnight help")
    sue = plan.team[1]
    assert toggle_cover(plan, "Overnight help", sue) is True
    assert nobody_yet(plan) == []
    assert toggle_cover(plan, "Overnight help", sue) is False
    assert sue.tasks == []
    assert nobody_yet(plan) == ["Overnight help"]  # still needed, by nobody yet

    plan.team.remove(plan.team[0])  # Tom leaves the team: lifts and meals are still needed
    assert nobody_yet(plan) == ["Lifts to appointments", "Meals", "Overnight help"]


def test_removing_a_need_takes_it_off_whoever_covered_it() -> None:
    plan = family()
    covering = remove_need(plan, "meals")
    assert [member.name for member in covering] == ["Tom Ellis"]
    assert plan.team[0].tasks == ["lifts"]
    assert named_needs(plan) == ["lifts"]


def test_a_need_in_our_words_is_our_task_and_is_named_once() -> None:
    plan = family()
    assert add_need(plan, "  meals ") is None  # already named
    assert add_need(plan, "childcare") == "childcare"
    assert add_need(plan, "Company AT appointments") == "company"
    assert add_need(plan, "overnight   help") == "overnight help"
    assert add_need(plan, "Overnight help") is None
    assert add_need(plan, "   ") is None


def test_a_task_on_someone_is_a_need_even_before_it_is_written_as_one() -> None:
    plan = family()
    plan.team[1].tasks.append("Night sits")
    assert named_needs(plan) == ["lifts", "meals", "Night sits"]
    keep_needs_in_step(plan)
    assert [need.task for need in plan.needs] == ["lifts", "meals", "Night sits"]


def test_needs_are_saved_with_the_version(store: Store) -> None:
    plan = family()
    add_need(plan, "Overnight help")
    plan_file = store.create_plan(plan)
    plan_file.save_version(plan, saved_by="Tom", when=WHEN)
    assert [need.task for need in plan_file.load().needs] == ["lifts", "meals", "Overnight help"]


def _as_written_before_needs(path) -> None:
    """Rewrite a plan file as careplan wrote it at schema 1: no needs section in any version."""
    data = json.loads(path.read_text(encoding="utf-8"))
    for record in data["versions"].values():
        record["s"].pop("needs", None)
    for meta in data["_meta"].values():
        meta["schema"] = 1
    path.write_text(json.dumps(data), encoding="utf-8")


def test_an_older_plan_opens_with_each_task_on_someone_as_a_need(store: Store) -> None:
    assert SCHEMA_VERSION >= 2
    first = CarePlan(
        about=About(name="Ruth Okafor"),
        team=[
            TeamMember(id="t-tom", name="Tom Ellis", tasks=["lifts", "Night sits"]),
            TeamMember(id="t-jess", name="Jess Ellis", tasks=["meals", "lifts"]),
        ],
    )
    plan_file = store.create_plan(first)
    plan_file.save_version(first, saved_by="Tom", when=WHEN)
    second = plan_file.load()
    second.team[1].tasks = ["meals", "A" * 80]  # a long task is a piece of its own
    plan_file.save_version(second, saved_by="Tom", when=WHEN)
    third = plan_file.load()
    third.about.illness = "Bowel cancer"  # the team as it was
    plan_file.save_version(third, saved_by="Tom", when=WHEN)
    path = plan_file.path
    plan_file.close()
    _as_written_before_needs(path)

    with store.open_plan(plan_file.id) as reopened:
        assert [n.task for n in reopened.load(1).needs] == ["lifts", "Night sits", "meals"]
        assert [n.task for n in reopened.load(2).needs] == [
            "lifts",
            "Night sits",
            "meals",
            "A" * 80,
        ]
        assert reopened.load(3).needs == reopened.load(2).needs
        assert "needs" in reopened.sections_changed(2)
        assert "needs" not in reopened.sections_changed(3)
        latest = reopened.load()
        latest.about.illness = "Bowel cancer, spread to the liver"
        reopened.save_version(latest, saved_by="Tom", when=WHEN)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert next(iter(data["_meta"].values()))["schema"] == SCHEMA_VERSION
    with store.open_plan(plan_file.id) as again:
        assert [n.task for n in again.load(1).needs] == ["lifts", "Night sits", "meals"]
        assert len(again.load().needs) == 4


def test_a_draft_or_an_exported_file_from_before_needs_keeps_its_tasks_as_needs(
    store: Store,
) -> None:
    plan = CarePlan(
        about=About(name="Ruth Okafor"),
        team=[TeamMember(id="t-tom", name="Tom Ellis", tasks=["lifts"])],
    )
    plan_file = store.create_plan(plan)
    plan_file.save_version(plan, saved_by="Tom", when=WHEN)
    document = plan_json.plan_to_json(plan_file)
    del document["plan"]["needs"]
    _, imported = plan_json.plan_from_json(json.loads(json.dumps(document)))
    assert [need.task for need in imported.needs] == ["lifts"]

    plan_file.keep_draft(plan_file.load(), based_on=1, extra=None)
    draft_path = locations.draft_file(store.root, plan_file.id)
    data = json.loads(draft_path.read_text(encoding="utf-8"))
    del data["plan"]["needs"]
    data["schema"] = 1
    draft_path.write_text(json.dumps(data), encoding="utf-8")
    assert [need.task for need in plan_file.draft().plan.needs] == ["lifts"]


def test_every_export_says_which_needs_nobody_covers(store: Store, capsys) -> None:
    from careplan.cli import main
    from tests.storage_helpers import add_plan

    def second(plan: CarePlan, number: int) -> None:
        if number == 2:
            add_need(plan, "Overnight help")
            plan.team[0].preferred_name = "Tommy"

    plan_id = add_plan(store, plan=family(), versions=2, before_each=second)
    for audience in ("family", "care-team"):
        for output in ("markdown", "html"):
            assert main(["export", plan_id, "--for", audience, "--format", output]) == 0
            out = capsys.readouterr().out
            assert "Overnight help" in out and "nobody yet" in out, (audience, output)
            assert "Help nobody covers yet:" in out, (audience, output)
            assert "Tommy" in out
    assert main(["export", plan_id]) == 0
    out = capsys.readouterr().out
    assert "- **Overnight help:** nobody yet" in out
    assert "A need nobody covers yet: Overnight help" in out  # what changed since version 1
    assert "- **Lifts to appointments:** Tommy" in out
    # The one-page summary lists no one's tasks (only the first contact and the helplines), and
    # its page is full: the needs are in the full snapshot, for the family and the care team.
