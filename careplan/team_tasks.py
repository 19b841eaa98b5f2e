"""The help the family needs, who on the support team covers each, and who is the first contact.

The family names the help they need (CarePlan.needs): vocab.TASKS ids or their own words, both
shown by `task_label`. A need is covered by the team members who have it among their tasks, or by
nobody yet; it stays on the plan until the family takes it off, whoever comes and goes. A task on
a member is always a need too (`named_needs`), so a plan or draft from before needs were kept
still says what everyone does. No Textual here: the team screen, the exports, the diff and the CLI
all ask the same questions.
"""

from __future__ import annotations

from dataclasses import dataclass

from careplan import vocab
from careplan.display import shown
from careplan.model import CarePlan, Need, TeamMember


def task_label(task: str) -> str:
    """The plain label of a vocab.TASKS id, or the person's own words as they typed them."""
    return vocab.label(vocab.TASKS, task)


def task_words(text: str) -> str:
    """What someone typed as a need, as it is kept: a vocab.TASKS id when it is one of our own
    labels ("meals" or "Meals" is the task Meals), else their words with spaces tidied."""
    words = " ".join(text.split())
    for task, label in vocab.TASKS.items():
        if words.casefold() in (task.casefold(), label.casefold()):
            return task
    return words


def _same(one: str, other: str) -> bool:
    return task_words(one).casefold() == task_words(other).casefold()


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


def named_needs(plan: CarePlan) -> list[str]:
    """Every need of this plan, once each, in the order the family named them: the needs list,
    then any task a member has that the list does not (yet) hold, in team order."""
    found: list[str] = []
    for task in [need.task for need in plan.needs] + [t for m in plan.team for t in m.tasks]:
        if shown(task).strip() and not any(_same(task, known) for known in found):
            found.append(task)
    return found


def who_does_what(plan: CarePlan) -> list[TaskCover]:
    """Each need this family named, with who covers it (nobody yet: no members)."""
    return [
        TaskCover(task, tuple(m for m in plan.team if any(_same(task, t) for t in m.tasks)))
        for task in named_needs(plan)
    ]


def nobody_yet(plan: CarePlan) -> list[str]:
    """Labels of the needs this family named that nobody covers yet, in the order named."""
    return [cover.label for cover in who_does_what(plan) if not cover.covered]


def keep_needs_in_step(plan: CarePlan) -> None:
    """Write into plan.needs any task a member took on that is not named yet, so the needs list
    on its own says all the help this family named (call after changing someone's tasks)."""
    have = [need.task for need in plan.needs]
    for task in named_needs(plan):
        if not any(_same(task, known) for known in have):
            plan.needs.append(Need(task))
            have.append(task)


def add_need(plan: CarePlan, text: str) -> str | None:
    """Name a need (a vocab.TASKS id, one of our labels, or own words). Returns the task as kept,
    or None when it is empty or already named."""
    task = task_words(text)
    if not task or any(_same(task, known) for known in named_needs(plan)):
        return None
    keep_needs_in_step(plan)
    plan.needs.append(Need(task))
    return task


def remove_need(plan: CarePlan, task: str) -> list[TeamMember]:
    """Take a need off the plan, and off everyone who covered it. Returns who covered it, so the
    screen can say so (and ask first)."""
    covering = [m for m in plan.team if any(_same(task, t) for t in m.tasks)]
    for member in covering:
        member.tasks = [t for t in member.tasks if not _same(task, t)]
    plan.needs = [need for need in plan.needs if not _same(task, need.task)]
    return covering


def toggle_cover(plan: CarePlan, task: str, member: TeamMember) -> bool:
    """Give a need to a member, or take it off them; the need itself stays. True if they now
    cover it."""
    keep_needs_in_step(plan)
    if any(_same(task, t) for t in member.tasks):
        member.tasks = [t for t in member.tasks if not _same(task, t)]
        return False
    member.tasks.append(task)
    return True


def set_first_contact(plan: CarePlan, member_id: str | None) -> TeamMember | None:
    """Make `member_id` the one first point of contact (None: nobody). Returns who had it before,
    if that was someone else, so the screen can say that it moved."""
    before = plan.first_contact
    for member in plan.team:
        member.first_contact = member.id == member_id
    return before if before is not None and before.id != member_id else None
