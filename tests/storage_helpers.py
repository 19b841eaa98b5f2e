"""Small helpers shared by the storage tests: a full plan to save, and the bytes of a folder."""

from __future__ import annotations

import os
import signal
import sys
import traceback
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

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
from careplan.store import PlanFile, Store


def full_plan(name: str = "Ann Smith", note: str = "first") -> CarePlan:
    """A plan with something in every section, valid for saving; the same every time it is made."""
    return CarePlan(
        about=About(
            name=name,
            preferred_name="Annie",
            date_of_birth=PartialDate(1958, 3, 14),
            illness="Bowel cancer, spread to the liver",
            participants=[Participant(name="Tom", role="caregiver", relationship="son")],
        ),
        matters=[
            Statement(
                text="Being at home with the dog",
                kind="cannot_live_without",
                other_views=[View(voice="caregiver", text="And the garden")],
                id="s-dog",
            )
        ],
        goals=[
            Goal(
                title="Walk to the harbour",
                why="The sea air",
                fallback="Drive there and sit",
                id="g-harbour",
            )
        ],
        modifications=[
            Modification(area="work", before="Full time", now="Two mornings a week", id="m-work")
        ],
        treatment_decisions=[
            TreatmentDecision(
                kind="event",
                event="Granddaughter's wedding",
                questions=["Is it safe?"],
                id="d-wedding",
            )
        ],
        team=[
            TeamMember(
                name="Dr Okafor",
                role="oncologist",
                first_contact=True,
                tasks=["medicines"],
                id="t-okafor",
            )
        ],
        advance_care=AdvanceCare(
            speakers=[
                Spokesperson(
                    name="Tom",
                    relationship="son",
                    contact="07700 900111",
                    standing="ew_lpa_health_welfare",
                    agreement="agreed",
                    id="a-tom",
                )
            ],
            documents=[
                PlanningDocument(
                    kind="other",
                    other_kind="Letter of wishes",
                    dated=date(2025, 6, 1),
                    kept_where="Desk drawer",
                    copies_with="Tom",
                    id="d-letter",
                )
            ],
            wishes=[
                CareWish(
                    text="At home if I can",
                    kind="good_day",
                    other_views=[View(voice="caregiver", text="Hospice if nights are hard")],
                    id="w-home",
                )
            ],
            place_of_care="home",
        ),
        checkin=CheckIn(
            function_level=70, symptoms={"pain": 3, "tiredness": 6}, answered_by="person", note=note
        ),
        next_review=date(2026, 12, 24),
    )


def add_plan(
    store: Store,
    name: str = "Ruth Okafor",
    *,
    plan: CarePlan | None = None,
    versions: int = 1,
    saved_by: str = "Priya",
    note: str = "first meeting",
    before_each: Callable[[CarePlan, int], object] | None = None,
    next_review: date | None = None,
    **about: Any,
) -> str:
    """The one way tests make a plan: `plan`, or one for `name` (with `about`'s fields and
    `next_review`), saved as `versions` versions (0: a plan with no version yet, as a new one is).
    `before_each(plan, n)` changes the plan before version n is saved, or returns the plan to save
    as version n; `note` may hold {number}. Closes the plan and returns its id."""
    if plan is None:
        plan = CarePlan(about=About(name=name, **about), next_review=next_review)
    with store.create_plan(plan) as opened:
        for number in range(1, versions + 1):
            changed = before_each(plan, number) if before_each is not None else None
            version = changed if isinstance(changed, CarePlan) else plan
            opened.save_version(version, saved_by=saved_by, note=note.format(number=number))
        return opened.id


def note_changes(plan: CarePlan, number: int) -> None:
    """For add_plan's before_each: each version's check-in note says which it is."""
    plan.checkin.note = f"note {number}"


def new_plan_with_versions(store: Store, plan: CarePlan, count: int = 1) -> str:
    """`plan` saved `count` times by "Test", its check-in note changing each time."""
    return add_plan(
        store,
        plan=plan,
        versions=count,
        saved_by="Test",
        note="version {number}",
        before_each=note_changes,
    )


def files_under(folder: Path) -> dict[str, bytes]:
    """Every file below `folder` (relative path -> bytes); folders appear with the value b"<dir>"."""
    found: dict[str, bytes] = {}
    for path in sorted(Path(folder).rglob("*")):
        relative = str(path.relative_to(folder))
        found[relative] = b"<dir>" if path.is_dir() else path.read_bytes()
    return found


def open_for_reading(store: Store, plan_id: str) -> PlanFile:
    return store.open_plan(plan_id, write=False)


def killed_at_call(
    number: int,
    work: Callable[[], None],
    calls: tuple[str, ...] = ("write", "fsync", "replace", "unlink"),
) -> bool:
    """Run `work` in a forked child that SIGKILLs itself just before its `number`th call to any of
    `calls` (the os functions that change what is on disk). True if it was killed, False if `work`
    finished first. A failure inside `work` fails the test with its traceback.
    """
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 0
        try:
            count = 0

            def counting(real):
                def call(*args, **kwargs):
                    nonlocal count
                    count += 1
                    if count == number:
                        os.kill(os.getpid(), signal.SIGKILL)
                    return real(*args, **kwargs)

                return call

            for name in calls:
                setattr(os, name, counting(getattr(os, name)))
            work()
        except BaseException:
            traceback.print_exc()
            code = 3
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    if os.WIFSIGNALED(status):
        assert os.WTERMSIG(status) == signal.SIGKILL
        return True
    assert os.WEXITSTATUS(status) == 0, "the work failed in the child (its traceback is above)"
    return False


NOBODY = 65534


def run_as_another_user(work: Callable[[], None], uid: int = NOBODY) -> None:
    """Run `work` in a forked child that has given up root (so file permissions really apply to it).
    An assertion failing in the child fails the test here, with the child's traceback."""
    reader, writer = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        code = 0
        try:
            os.close(reader)
            os.setgroups([])
            os.setgid(uid)
            os.setuid(uid)
            work()
        except BaseException:
            os.write(writer, traceback.format_exc().encode())
            code = 1
        finally:
            os._exit(code)
    os.close(writer)
    with os.fdopen(reader, "rb") as pipe:
        report = pipe.read().decode()
    _, status = os.waitpid(pid, 0)
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0, f"as user {uid}:\n{report}"


def give_to(folder: Path, uid: int = NOBODY) -> None:
    """chown -R: hand a data folder to another user."""
    os.chown(folder, uid, uid)
    for path in Path(folder).rglob("*"):
        os.chown(path, uid, uid, follow_symlinks=False)
