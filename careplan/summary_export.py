""" "If you are called to help": one printed page from a saved version, for whoever is called.

Built from the same record and escaped the same way as the full snapshot (`markdown_export`).
Each part is its own function; a part the record does not hold is left out, never guessed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from careplan import content, decisions, vocab
from careplan.markdown_escape import escape_inline, plain_lines
from careplan.model import CarePlan, TreatmentDecision
from careplan.names import called

if TYPE_CHECKING:
    from careplan.store import PlanFile, VersionInfo

__all__ = ["render_summary", "summary_html"]

# What matters most, kept to what fits on the page.
_MOST = 3


def render_summary(plan_file: PlanFile, number: int) -> str:
    """The one-page summary of saved version `number`, in Markdown."""
    from careplan.history import PlanHistory

    info = plan_file.version(number)
    plan = PlanHistory(plan_file, upto=number).plan(number)
    person = plan.person or plan_file.person or plan_file.id
    parts = [
        f"# If you are called to help {escape_inline(person)}",
        _who(plan),
        _first_contact(plan),
        _speaks_for(plan),
        _matters(plan),
        _warning_signs(plan),
        _helplines(plan),
        _treatment(plan),
        _from_version(info),
    ]
    return "\n\n".join(part for part in parts if part) + "\n"


def summary_html(plan_file: PlanFile, number: int) -> str:
    from careplan.html_export import render_html, version_day

    person = plan_file.person or plan_file.id
    return render_html(
        render_summary(plan_file, number),
        title=f"If you are called to help {person}",
        footer=f"{person}. Version {number}, {version_day(plan_file.version(number))}.",
    )


def _said(text: str) -> bool:
    return bool(plain_lines(text))


def _who(plan: CarePlan) -> str:
    about = plan.about
    if _said(about.preferred_name) and about.preferred_name.strip() != about.name.strip():
        return f"**Likes to be called:** {escape_inline(about.preferred_name)}"
    return ""


def _first_contact(plan: CarePlan) -> str:
    first = plan.first_contact
    if first is None or not _said(first.name):
        return "**First point of contact:** not chosen yet."
    line = (
        f"**First point of contact:** {escape_inline(called(first, plan))} "
        f"({escape_inline(first.role_label)})"
    )
    if _said(first.contact):
        line += f"; {escape_inline(first.contact)}"
    if _said(first.when):
        line += f"; when: {escape_inline(first.when)}"
    return line


def _speaks_for(plan: CarePlan) -> str:
    """Who speaks for the person and where the documents are, as the full snapshot's care-team
    part says it; nothing when this part of the plan is empty."""
    from careplan.markdown_export import care_team_advance_care

    if not plan.advance_care.started:
        return ""
    return care_team_advance_care(plan)


def _matters(plan: CarePlan) -> str:
    said = [statement for statement in plan.matters if _said(statement.text)][:_MOST]
    if not said:
        return ""
    return "## What matters most\n\n" + "\n".join(
        f"- **{vocab.label(vocab.STATEMENT_KINDS, statement.kind)}:** {escape_inline(statement.text)}"
        for statement in said
    )


def _warning_signs(plan: CarePlan) -> str:
    pause = decisions.latest(plan) or TreatmentDecision()
    grouped = content.group_signs([sign for sign in pause.warning_signs if _said(sign)])
    if not grouped and not _said(pause.who_to_call):
        return ""
    parts = []
    for group, signs in grouped:  # each group the family chose with its own who to call
        listed = "\n".join(f"- {escape_inline(sign)}" for sign in signs)
        if group is None:
            parts.append(f"**In our own words:**\n\n{listed}" if len(grouped) > 1 else listed)
        else:
            parts.append(
                f"**{escape_inline(group.title)}:**\n\n{listed}\n\n"
                f"Who to call for these: {escape_inline(group.who_to_call)}"
            )
    block = "## Warning signs\n\n" + ("\n\n".join(parts) if parts else "None written down.")
    if _said(pause.who_to_call):
        block += f"\n\n**Who to call:** {escape_inline(pause.who_to_call)}"
    return block


def _helplines(plan: CarePlan) -> str:
    lines = [
        f"- **{escape_inline(called(line, plan))}**"
        + (f": {escape_inline(line.contact)}" if _said(line.contact) else "")
        for line in plan.team
        if line.role == "helpline" and _said(line.name)
    ]
    return "## Helplines\n\n" + "\n".join(lines) if lines else ""


def _treatment(plan: CarePlan) -> str:
    # Where treatment stands: the latest decision still current; when every one has ended (a
    # pause resumed), the last of them, so the page still says so.
    decision = decisions.latest(plan)
    if decision is None:
        return ""
    parts = []
    if _said(decision.current_treatment):
        parts.append(
            f"**{decisions.treatment_label(decision)}:** {escape_inline(decision.current_treatment)}"
        )
    status = decisions.status_label(decision)
    parts.append(f"**{escape_inline(decisions.title(decision))}:** {status or 'not decided yet'}")
    support = decisions.support_words(decision) if decision.stopping else []
    if support:
        parts.append(
            f"**Support that goes on:** {', '.join(escape_inline(one) for one in support)}"
        )
    return "## Where treatment stands\n\n" + "\n\n".join(parts) if parts else ""


def _from_version(info: VersionInfo) -> str:
    from careplan.html_export import version_day

    return f"From version {info.number} of the plan, {version_day(info)}."
