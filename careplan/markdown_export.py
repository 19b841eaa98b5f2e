"""A saved version of a plan as a Markdown snapshot people can print, email or keep.

Everything a person typed passes through `escape_inline` (one line: headings, list items, table
cells) or `escape_block` (several lines: notes), from `careplan.markdown_escape`, so no text can
add headings, lists, links, tables or HTML to the snapshot. Only this module decides its structure.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from careplan import vocab
from careplan.dates import describe_date
from careplan.markdown_escape import escape_block, escape_inline
from careplan.model import CarePlan, Goal, View

if TYPE_CHECKING:
    from careplan.store import PlanFile, VersionInfo

__all__ = ["escape_block", "escape_inline", "render_plan", "render_snapshot"]


def render_snapshot(plan_file: PlanFile, number: int | None = None) -> str:
    """The Markdown snapshot of one saved version (the latest by default)."""
    if number is None:
        number = plan_file.latest
    info = plan_file.version(number) if number is not None else None
    plan = plan_file.load(number)
    return render_plan(plan, info, fallback_name=plan_file.person or plan_file.id)


def render_plan(plan: CarePlan, info: VersionInfo | None = None, fallback_name: str = "") -> str:
    person = plan.person or fallback_name or "Someone"
    parts = [f"# Care plan: {escape_inline(person)}", _version_line(info)]
    for title, body in (
        ("About us", _about(plan)),
        ("What matters most", _matters(plan)),
        ("Goals", _goals(plan)),
        ("Lifestyle modifications", _modifications(plan)),
        ("Treatment break", _treatment_break(plan)),
        ("Support team", _team(plan)),
        ("How things are now", _checkin(plan)),
        ("Next review", _next_review(plan)),
    ):
        parts.append(f"## {title}\n\n{body}")
    return "\n\n".join(parts) + "\n"


# --- sections ---------------------------------------------------------------------------------


def _version_line(info: VersionInfo | None) -> str:
    if info is None:
        return "Not saved as a version yet."
    line = f"Version {info.number}, saved {_when(info.saved_at)}"
    if info.saved_by:
        line += f" by {escape_inline(info.saved_by)}"
    line += "."
    if info.note:
        line += f"\\\nNote: {escape_inline(info.note)}"
    return line


def _about(plan: CarePlan) -> str:
    about = plan.about
    rows = [
        _field("Name", about.name),
        _field("Likes to be called", about.preferred_name),
        _field("Date of birth", describe_date(about.date_of_birth) if about.date_of_birth else ""),
        _field("The illness, in their own words", about.illness),
    ]
    lines = [row for row in rows if row]
    if about.participants:
        lines.append("- **Planning together:**")
        for someone in about.participants:
            detail = vocab.label(vocab.PARTICIPANT_ROLES, someone.role)
            if someone.relationship.strip():
                detail += f", {escape_inline(someone.relationship)}"
            lines.append(f"  - {escape_inline(someone.name)} ({detail})")
    return "\n".join(lines) or _NOTHING


def _matters(plan: CarePlan) -> str:
    lines = []
    for statement in plan.matters:
        kind = vocab.label(vocab.STATEMENT_KINDS, statement.kind)
        voice = vocab.label(vocab.VOICES, statement.voice)
        lines.append(f"- **{kind}** ({voice}): {escape_inline(statement.text)}")
        lines.extend(_views(statement.other_views))
    return "\n".join(lines) or _NOTHING


def _goals(plan: CarePlan) -> str:
    titles = {goal.id: goal.title for goal in plan.goals}
    lines = []
    for goal in plan.goals:
        lines.append(f"- **{escape_inline(goal.title)}** ({_goal_state(goal)})")
        details = [
            ("Why", goal.why),
            ("If this gets harder", goal.fallback),
        ]
        if goal.adapted_from in titles:
            grew = f'Grew out of "{escape_inline(titles[goal.adapted_from])}"'
            if goal.adapted_reason.strip():
                grew += f": {escape_inline(goal.adapted_reason)}"
            lines.append(f"  - {grew}")
        for label, value in details:
            if value.strip():
                lines.append(f"  - {label}: {escape_inline(value)}")
        lines.extend(_views(goal.other_views))
    return "\n".join(lines) or _NOTHING


def _goal_state(goal: Goal) -> str:
    parts = [
        vocab.label(vocab.GOAL_STATUSES, goal.status),
        vocab.label(vocab.GOAL_CATEGORIES, goal.category),
        vocab.label(vocab.VOICES, goal.voice),
    ]
    if goal.started_on:
        parts.append(f"from {describe_date(goal.started_on)}")
    if goal.ended_on:
        parts.append(f"until {describe_date(goal.ended_on)}")
    return "; ".join(parts)


def _modifications(plan: CarePlan) -> str:
    if not plan.modifications:
        return _NOTHING
    rows = [
        [
            vocab.label(vocab.MODIFICATION_AREAS, change.area),
            escape_inline(change.before),
            escape_inline(change.now),
            escape_inline(change.why),
            vocab.label(vocab.MODIFICATION_STATUSES, change.status),
        ]
        for change in plan.modifications
    ]
    return _table(["Area", "What I used to do", "What I'll do now", "Why", "How it's going"], rows)


def _treatment_break(plan: CarePlan) -> str:
    pause = plan.treatment_break
    if not pause.started:
        return "Not started."
    lines = [
        _field("Kind of break", vocab.label(vocab.BREAK_KINDS, pause.kind), escaped=True),
        _field("Where things stand", vocab.label(vocab.BREAK_STATUSES, pause.status), escaped=True),
        _field("For", pause.event),
        _field("From", _date_text(pause.starts_on)),
        _field("Until", _date_text(pause.ends_on)),
        _field("Treatment now", pause.current_treatment),
        _field("What the team said", pause.team_said),
        _field("Hopes", pause.hopes),
        _field("Fears", pause.fears),
        _field("Who to call", pause.who_to_call),
        _field("Look at this again on", _date_text(pause.look_again_on)),
    ]
    lines = [line for line in lines if line]
    for title, items in (("Questions for the team", pause.questions), ("Warning signs", pause.warning_signs)):
        if items:
            lines.append(f"- **{title}:**")
            lines.extend(f"  - {escape_inline(item)}" for item in items if item.strip())
    return "\n".join(lines)


def _team(plan: CarePlan) -> str:
    if not plan.team:
        return _NOTHING
    rows = []
    for member in plan.team:
        name = escape_inline(member.name)
        if member.first_contact:
            name += " (first contact)"
        tasks = ", ".join(escape_inline(vocab.label(vocab.TASKS, task)) for task in member.tasks)
        rows.append(
            [name, escape_inline(member.role_label), escape_inline(member.contact), escape_inline(member.when),
             tasks, escape_inline(member.helps_with)]
        )
    return _table(["Name", "Role", "Contact", "When", "Tasks", "Helps with"], rows)


def _checkin(plan: CarePlan) -> str:
    checkin = plan.checkin
    lines = []
    if checkin.function_level is not None:
        words = vocab.FUNCTION_LEVELS.get(checkin.function_level, "")
        lines.append(f"Day-to-day ability: {checkin.function_level}%" + (f" ({words})" if words else ""))
    if checkin.answered_by:
        lines.append(f"Answered by: {vocab.label(vocab.VOICES, checkin.answered_by)}")
    if checkin.note.strip():
        lines.append(f"Note: {escape_block(checkin.note)}")
    text = "\\\n".join(lines)
    if checkin.symptoms:
        rows = [
            [vocab.label(vocab.SYMPTOMS, symptom), str(checkin.symptoms[symptom])]
            for symptom in [*vocab.SYMPTOMS, *sorted(set(checkin.symptoms) - set(vocab.SYMPTOMS))]
            if symptom in checkin.symptoms
        ]
        table = _table(["Symptom", "0 (none) to 10 (worst)"], rows)
        text = f"{text}\n\n{table}" if text else table
    return text or _NOTHING


def _next_review(plan: CarePlan) -> str:
    return describe_date(plan.next_review) if plan.next_review else "Not set yet."


# --- pieces -----------------------------------------------------------------------------------

_NOTHING = "Nothing written here yet."
def _field(label: str, value: str, escaped: bool = False) -> str:
    if not value.strip():
        return ""
    return f"- **{label}:** {value if escaped else escape_inline(value)}"


def _views(views: list[View]) -> list[str]:
    return [
        f"  - {vocab.label(vocab.VOICES, view.voice)} sees it differently: {escape_inline(view.text)}"
        for view in views
        if view.text.strip()
    ]


def _table(headings: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(headings) + " |", "|" + "|".join("---" for _ in headings) + "|"]
    lines.extend("| " + " | ".join(cell or " " for cell in row) + " |" for row in rows)
    return "\n".join(lines)


def _date_text(value: date | None) -> str:
    return describe_date(value) if value else ""


def _when(moment: datetime) -> str:
    return f"{describe_date(moment.date())} at {moment:%H:%M}"
