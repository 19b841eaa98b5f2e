"""Who on the support team does what, and who is the first point of contact.

Tasks are vocab.TASKS ids or a person's own words; both are shown by `task_label`. No Textual here:
the team screen, the export and the CLI can all ask the same questions.
"""

from __future__ import annotations

from dataclasses import dataclass

from careplan import vocab
from careplan.model import CarePlan, TeamMember


def task_label(task: str) -> str:
    """The plain label of a vocab.TASKS id, or the person's own words as they typed them."""
    return vocab.label(vocab.TASKS, task)


@dataclass(frozen=True)
class TaskCover:
    task: str  # a vocab.TASKS id or own words
    members: tuple[TeamMember, ...]  # who takes it on, in team order

    @property
    def label(self) -> str:
        return task_label(self.task)

    @property
    def covered(self) -> bool:
        return bool(self.members)


def who_does_what(team: list[TeamMember]) -> list[TaskCover]:
    """Every vocab task (covered or not), then each task in someone's own words, with who does it."""
    own: list[str] = []
    for member in team:
        own.extend(task for task in member.tasks if task not in vocab.TASKS and task not in own)
    return [
        TaskCover(task, tuple(member for member in team if task in member.tasks))
        for task in [*vocab.TASKS, *own]
    ]


def nobody_yet(team: list[TeamMember]) -> list[str]:
    """Labels of the vocab tasks nobody has taken on yet, in vocab order."""
    return [cover.label for cover in who_does_what(team) if not cover.covered]


def set_first_contact(plan: CarePlan, member_id: str | None) -> TeamMember | None:
    """Make `member_id` the one first point of contact (None: nobody). Returns who had it before,
    if that was someone else, so the screen can say that it moved."""
    before = plan.first_contact
    for member in plan.team:
        member.first_contact = member.id == member_id
    return before if before is not None and before.id != member_id else None
