"""A saved version of a plan as one Markdown document people can read on screen, share or print.

The snapshot follows the order of a conversation: who this is and who took part, what matters
most in their own words, how things are now, goals (with how each has changed over time),
lifestyle changes, the treatment-break worksheet, the support team (with any helplines they chose
to keep on it), warning signs, questions for the next appointment, and what changed since the
version before.

Everything a person typed passes through `careplan.markdown_escape`, so no text can add headings,
lists, tables, code or HTML, and table cells keep their columns. Only this module decides the
snapshot's structure; the wording of changes and journeys comes from `diff` and `journeys`.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime
from typing import TYPE_CHECKING

from careplan import content, decisions, vocab
from careplan.dates import day_in_words, describe_date
from careplan.markdown_escape import escape_block, escape_inline, plain_lines
from careplan.model import (
    CarePlan,
    Goal,
    PlanningDocument,
    Spokesperson,
    TeamMember,
    TreatmentDecision,
    View,
)
from careplan.names import called, introduced
from careplan.team_tasks import who_does_what
from careplan.voices import voice_name

if TYPE_CHECKING:
    from careplan.diff import PlanDiff
    from careplan.history import PlanHistory
    from careplan.journeys import GoalJourney, JourneyStep
    from careplan.store import PlanFile, VersionInfo

__all__ = [
    "AUDIENCES",
    "default_export_name",
    "escape_block",
    "escape_inline",
    "render_plan",
    "render_snapshot",
]

# Who a snapshot is for: the family's is the plan in their words; the care team's adds, in one
# part at the end, what a clinician needs on one read.
AUDIENCES = ("family", "care-team")

_NOTHING = "Nothing written here yet."


def render_snapshot(
    plan_file: PlanFile, number: int | None = None, *, audience: str = "family"
) -> str:
    """The Markdown snapshot of one saved version (the latest by default), for `audience`."""
    from careplan.history import PlanHistory
    from careplan.journeys import goal_journeys

    if number is None:
        number = plan_file.latest
    if number is None:  # never saved: the draft-free empty plan, clearly marked as not a version
        return render_plan(plan_file.load(), None, fallback_name=plan_file.person or plan_file.id)
    info = plan_file.version(number)
    history = PlanHistory(plan_file, upto=number)
    plan = history.plan(number)
    previous = history.previous(number)
    return render_plan(
        plan,
        info,
        fallback_name=plan_file.person or plan_file.id,
        journeys=goal_journeys(plan_file, number, history=history),
        changes=history.diff(previous, number) if previous is not None else None,
        trend=_ability_trend(history),
        audience=audience,
    )


def render_plan(
    plan: CarePlan,
    info: VersionInfo | None = None,
    fallback_name: str = "",
    *,
    journeys: list[GoalJourney] | None = None,
    changes: PlanDiff | None = None,
    trend: list[int | None] | None = None,
    audience: str = "family",
) -> str:
    """The snapshot of `plan`. `journeys`, `changes` and `trend` come from the plan's history;
    without them the goals show where each grew from, and no changes are listed. The care team's
    snapshot ends with a part of its own (`_for_care_team`)."""
    if audience not in AUDIENCES:
        raise ValueError(f"unknown audience {audience!r}")
    person = plan.person or fallback_name or "Someone"
    sections = [
        ("About us", _about(plan)),
        ("What matters most", _matters(plan)),
        ("How things are now", _checkin(plan, trend)),
        ("Goals", _goals(plan, journeys)),
        ("Lifestyle modifications", _modifications(plan)),
        ("Treatment decisions", _treatment_decisions(plan)),
        ("Support team", _team(plan)),
        ("If I can't speak for myself", advance_care_section(plan)),
        ("Warning signs to watch for", _warning_signs(plan)),
        ("Questions for the next appointment", _questions(plan)),
        _changes_section(info, changes),
    ]
    if audience == "care-team":
        sections.append(("For the care team", _for_care_team(plan, info)))
    parts = [f"# Care plan: {escape_inline(person)}", _version_line(info)]
    parts.extend(f"## {title}\n\n{body}" for title, body in sections)
    return "\n\n".join(parts) + "\n"


def default_export_name(plan_file: PlanFile, number: int | None = None) -> str:
    """A file name that says whose plan, which version and when, and tells the person from another
    of the same name: "maria-lopez-b1956-v7-2026-11-22.md" (their reference, else their birth
    year: careplan.people.file_tag). When another plan in the caseload has the same name, a short
    piece of this plan's id is added ("sam-taylor-3f2a-v1-..."), so each plan's names are its own."""
    from careplan.people import file_tag

    number = number if number is not None else plan_file.latest
    slug = _slug(plan_file.person) or _slug(plan_file.id) or "care-plan"
    about = plan_file.load_section("about", number) if number is not None else None
    stem = "-".join(part for part in (slug, file_tag(about) if about else "") if part)
    if _name_shared(plan_file, slug):
        stem += "-" + plan_file.id.rsplit("-", 1)[-1]
    if number is None:
        return f"{stem}-not-saved.md"
    day = plan_file.version(number).session_day  # the conversation's day, as the reader knows it
    return f"{stem}-v{number}-{day:%Y-%m-%d}.md"


def _name_shared(plan_file: PlanFile, slug: str) -> bool:
    """Whether another plan in the caseload would make files of the same name."""
    from careplan.errors import CarePlanError
    from careplan.store import Store

    try:
        others = Store(plan_file.root).list_plans()
    except CarePlanError:
        return False  # the caseload cannot be listed: the name still says whose plan it is
    return any(other.id != plan_file.id and _slug(other.person) == slug for other in others)


# --- the top: who, which version, who took part, next review ---------------------------------


def _version_line(info: VersionInfo | None) -> str:
    if info is None:
        return "Not saved as a version yet."
    line = f"Version {info.number}, {_session_words(info)}, saved {_moment(info.saved_at)}"
    if _said(info.saved_by):
        line += f" by {escape_inline(info.saved_by)}"
    line += "."
    if _said(info.note):
        line += f"\n\nNote: {escape_inline(info.note)}"  # a paragraph: reads the same as plain text
    return line


def _session_words(info: VersionInfo) -> str:
    """The conversation's day; an older version, which did not keep it, says it is the day saved."""
    if info.session_date is None:
        return "session day not recorded"
    return f"session of {describe_date(info.session_date)}"


def _about(plan: CarePlan) -> str:
    about = plan.about
    lines = [
        _field(
            "Likes to be called",
            about.preferred_name
            if escape_inline(about.preferred_name) != escape_inline(about.name)
            else "",
        ),
        _field("Date of birth", about.date_of_birth.in_words() if about.date_of_birth else ""),
        _field("Their reference", about.reference),
        _field("The illness, in their own words", about.illness),
    ]
    people = [someone for someone in about.participants if _said(someone.name)]
    if people:
        described = []
        for someone in people:
            detail = vocab.label(vocab.PARTICIPANT_ROLES, someone.role).lower()
            if _said(someone.relationship):
                detail += f", {escape_inline(someone.relationship)}"
            name, shown_as = someone.name.strip(), called(someone, plan)
            if shown_as != name:  # the name they like first, then the name as written
                detail = f"{escape_inline(name)}; {detail}"
            described.append(f"{escape_inline(shown_as)} ({detail})")
        lines.append(f"- **Who took part:** {'; '.join(described)}")
    review = describe_date(plan.next_review) if plan.next_review else "not set yet"
    lines.append(f"- **Next review:** {review}")
    return "\n".join(line for line in lines if line)


# --- what matters most ------------------------------------------------------------------------


def _matters(plan: CarePlan) -> str:
    lines = []
    for statement in plan.matters:
        if not _said(statement.text):
            continue
        kind = vocab.label(vocab.STATEMENT_KINDS, statement.kind)
        voice = escape_inline(voice_name(plan, statement.voice))
        lines.append(f"- **{kind}** ({voice}): {escape_inline(statement.text)}")
        lines.extend(_views(plan, statement.other_views))
    return "\n".join(lines) or _NOTHING


def _views(plan: CarePlan, views: list[View], indent: str = "  ") -> list[str]:
    return [
        f"{indent}- Another view, from {escape_inline(voice_name(plan, view.voice))}: {escape_inline(view.text)}"
        for view in views
        if _said(view.text)
    ]


# --- how things are now -----------------------------------------------------------------------

NOT_ASKED = "–"  # a version whose check-in did not ask this: a gap, as in the history's trends


def _checkin(plan: CarePlan, trend: list[int | None] | None) -> str:
    checkin = plan.checkin
    lines = []
    if checkin.function_level is not None:
        words = vocab.FUNCTION_LEVELS.get(checkin.function_level, "")
        lines.append(
            f"{vocab.FUNCTION_NAME}: {checkin.function_level}%" + (f" ({words})" if words else "")
        )
    levels = list(trend or [])
    while levels and levels[0] is None:  # before it was first asked: no part of its story
        levels.pop(0)
    if len([level for level in levels if level is not None]) > 1:
        lines.append(
            "Over the versions so far: "
            + " → ".join(NOT_ASKED if level is None else f"{level}%" for level in levels)
        )
    if checkin.answered_by:
        lines.append(f"Answered by: {escape_inline(voice_name(plan, checkin.answered_by))}")
    if _said(checkin.note):
        lines.append(f"Note: {escape_block(checkin.note)}")
    blocks = ["\n\n".join(lines)] if lines else []  # paragraphs, never a trailing backslash
    if checkin.symptoms:
        order = [*vocab.SYMPTOMS, *sorted(set(checkin.symptoms) - set(vocab.SYMPTOMS))]
        rows = [
            [escape_inline(vocab.label(vocab.SYMPTOMS, symptom)), str(checkin.symptoms[symptom])]
            for symptom in order
            if symptom in checkin.symptoms
        ]
        blocks.append(_table(["Symptom", "Score: 0 (none) to 10 (worst)"], rows))
    return "\n\n".join(blocks) or _NOTHING


def _ability_trend(history: PlanHistory) -> list[int | None]:
    return [history.checkin(number).function_level for number in history.numbers]


# --- goals ------------------------------------------------------------------------------------


def _goals(plan: CarePlan, journeys: list[GoalJourney] | None) -> str:
    if not any(_said(goal.title) for goal in plan.goals):
        return _NOTHING
    by_last_step = {journey.current.goal_id: journey for journey in journeys or []}
    grew_into = {goal.adapted_from for goal in plan.goals if goal.adapted_from}
    # A goal that grew into another is told as a step of that goal's journey, not on its own.
    shown = [goal for goal in plan.goals if goal.id not in grew_into]
    status_order = list(vocab.GOAL_STATUSES)
    blocks = []
    for category, title in vocab.GOAL_CATEGORIES.items():
        in_category = [goal for goal in shown if goal.category == category]
        in_category.sort(
            key=lambda goal: status_order.index(goal.status) if goal.status in status_order else 99
        )
        if in_category:
            items = [_goal(plan, goal, by_last_step.get(goal.id)) for goal in in_category]
            blocks.append(f"### {title}\n\n" + "\n".join(items))
    unknown = [goal for goal in shown if goal.category not in vocab.GOAL_CATEGORIES]
    if unknown:
        items = [_goal(plan, goal, by_last_step.get(goal.id)) for goal in unknown]
        blocks.append("### Other goals\n\n" + "\n".join(items))
    return "\n\n".join(blocks)


def _goal(plan: CarePlan, goal: Goal, journey: GoalJourney | None) -> str:
    title = escape_inline(goal.title) or "A goal without a title"
    lines = [f"- **{title}** ({_goal_state(plan, goal)})"]
    for label, value in (("Why it matters", goal.why), ("If this gets harder", goal.fallback)):
        if _said(value):
            lines.append(f"  - {label}: {escape_inline(value)}")
    lines.extend(_views(plan, goal.other_views))
    if journey is not None:
        lines.append("  - How this goal has changed:")
        for index, step in enumerate(journey.steps, start=1):
            lines.append(f"    {index}. {_journey_step(step)}")
    elif goal.adapted_from:
        source = plan.goal(goal.adapted_from)
        if source is not None:
            grew = f"Grew out of: {escape_inline(source.title)}"
            if _said(goal.adapted_reason):
                grew += f". Why it changed: {escape_inline(goal.adapted_reason)}"
            lines.append(f"  - {grew}")
    return "\n".join(lines)


def _goal_state(plan: CarePlan, goal: Goal) -> str:
    whose = escape_inline(voice_name(plan, goal.voice))
    if goal.status == "active":
        state = f"since {day_in_words(goal.started_on)}" if goal.started_on else "active"
    else:
        state = vocab.label(vocab.GOAL_STATUSES, goal.status).lower()
        if goal.ended_on:
            state += f" {day_in_words(goal.ended_on)}"
    return f"{state}; {whose}"


def _journey_step(step: JourneyStep) -> str:
    """ "A daily walk round the park (from 20 May 2026; everyday function 70%, version 2). Why it
    changed: ..." """
    text = escape_inline(step.title)
    when = [
        part
        for part in (
            f"from {day_in_words(step.started_on)}" if step.started_on else "",
            step.details(),
        )
        if part
    ]
    if when:
        text += f" ({'; '.join(when)})"
    if _said(step.reason):
        text += f". Why it changed: {escape_inline(step.reason)}"
    return text


# --- lifestyle modifications ------------------------------------------------------------------


def _modifications(plan: CarePlan) -> str:
    changes = [change for change in plan.modifications if _said(change.before) or _said(change.now)]
    if not changes:
        return _NOTHING
    rows = [
        [
            escape_inline(vocab.label(vocab.MODIFICATION_AREAS, change.area)),
            escape_inline(change.before),
            # the day belongs to the change (what I do now, since when), not to how it is going
            " ".join(
                part
                for part in (
                    escape_inline(change.now),
                    f"(since {day_in_words(change.since)})" if change.since else "",
                )
                if part
            ),
            escape_inline(change.why),
            escape_inline(vocab.label(vocab.MODIFICATION_STATUSES, change.status)),
        ]
        for change in changes
    ]
    return _table(["Area", "Before", "Now", "Why", "How it's going"], rows)


# --- treatment decisions ----------------------------------------------------------------------


def _treatment_decisions(plan: CarePlan) -> str:
    """Each decision as it stands, those still current first; pauses that have ended after them,
    in the order they were made, each still whole."""
    said = [decision for decision in plan.treatment_decisions if decision.started]
    if not said:
        return (
            "None yet. A worksheet is here if a pause in treatment, or stopping it, is ever worth "
            "talking about."
        )
    blocks = []
    current = [decision for decision in said if not decision.ended]
    earlier = [decision for decision in said if decision.ended]
    for decision in current:
        blocks.append(f"### {escape_inline(decisions.title(decision))}\n\n{_decision(decision)}")
    if earlier:
        blocks.append("### Earlier decisions")
        for decision in earlier:
            body = _decision(decision, whole=True)
            blocks.append(f"**{escape_inline(decisions.title(decision))}**\n\n{body}")
    return "\n\n".join(blocks)


def _decision(decision: TreatmentDecision, whole: bool = False) -> str:
    """One decision's worksheet. `whole`: with its questions and signs too (an earlier one's are
    not in the plan's lists of questions and signs, which come from the decision standing now)."""
    dates = ""
    if decision.stopping:
        if decision.starts_on:
            dates = f"from {describe_date(decision.starts_on)}"
    elif decision.starts_on and decision.ends_on:
        dates = f"{describe_date(decision.starts_on)} to {describe_date(decision.ends_on)}"
    elif decision.starts_on:
        dates = f"from {describe_date(decision.starts_on)}"
    elif decision.ends_on:
        dates = f"until {describe_date(decision.ends_on)}"
    support = ", ".join(escape_inline(words) for words in decisions.support_words(decision))
    lines = [
        f"- **Where things stand:** {decisions.status_label(decision) or 'Not decided yet'}",
        _field(
            "First talked about",
            day_in_words(decision.decided_on) if decision.decided_on else "",
            escaped=True,
        ),
        _field("What the break is for", "" if decision.stopping else decision.event),
        _field(
            "The day of the event",
            describe_date(decision.event_on) if decision.event_on else "",
            escaped=True,
        ),
        _field("When treatment stops" if decision.stopping else "Dates", dates, escaped=True),
        _field(decisions.treatment_label(decision), decision.current_treatment),
        _field("What the team said", decision.team_said),
        _field(decisions.hopes_label(decision), decision.hopes),
        _field(decisions.fears_label(decision), decision.fears),
        _field("Support that goes on", support, escaped=True),
        _field(
            "Look at this again on",
            describe_date(decision.look_again_on) if decision.look_again_on else "",
            escaped=True,
        ),
    ]
    if whole:
        for label, items in (
            ("Questions for the team", decision.questions),
            ("Signs to watch for", decision.warning_signs),
        ):
            said = [escape_inline(item) for item in items if _said(item)]
            if said:
                lines.append(f"- **{label}:**\n" + "\n".join(f"  - {item}" for item in said))
        lines.append(_field("Who to call", decision.who_to_call))
    return "\n".join(line for line in lines if line)


# --- support team and helplines ---------------------------------------------------------------


def _team(plan: CarePlan) -> str:
    """The people on the team in a table, then who does what, then the helplines they chose.

    A helpline joins the team from the team screen's suggestions as a member with the role
    "helpline"; only those are listed, once, under their own heading, and the heading is left out
    when there are none. Nobody is shown crisis lines they never chose.
    """
    members = [member for member in plan.team if _said(member.name)]
    people = [member for member in members if member.role != "helpline"]
    helplines = [member for member in members if member.role == "helpline"]
    blocks = []
    first = plan.first_contact
    if first is not None and _said(first.name):
        blocks.append(f"**First point of contact:** {_reach(first, plan)}")
    elif members:
        blocks.append("**First point of contact:** not chosen yet.")
    if people:
        # The day each joined, only when someone's is known: a team saved before days were kept
        # has none, and shows none.
        joined = any(member.joined_on for member in people)
        rows = [
            [
                escape_inline(introduced(member, plan))
                + (" (first contact)" if member.first_contact else ""),
                escape_inline(member.role_label),
                escape_inline(member.contact),
                escape_inline(member.when),
                escape_inline(member.helps_with),
            ]
            + ([day_in_words(member.joined_on) if member.joined_on else ""] if joined else [])
            for member in people
        ]
        headings = ["Who", "Role", "How to reach them", "When", "Helps with"]
        blocks.append(_table(headings + (["On the team since"] if joined else []), rows))
    else:
        blocks.append("Nobody written down yet.")
    blocks.append("### Who does what\n\n" + _who_does_what(plan))
    if helplines:
        blocks.append("### Helplines\n\n" + _helplines(helplines, plan))
    return "\n\n".join(blocks)


def _reach(member: TeamMember, plan: CarePlan) -> str:
    """Who, and how to reach them: "Sue Marsh (Palliative care team); how to reach them: ...; when: ..."."""
    parts = [f"{escape_inline(called(member, plan))} ({escape_inline(member.role_label)})"]
    if _said(member.contact):
        parts.append(f"how to reach them: {escape_inline(member.contact)}")
    if _said(member.when):
        parts.append(f"when: {escape_inline(member.when)}")
    return "; ".join(parts)


def _who_does_what(plan: CarePlan) -> str:
    """Each need the family named, with who covers it or "nobody yet", then the ones nobody
    covers, said on their own so they are not missed."""
    covers = [cover for cover in who_does_what(plan) if _said(cover.task)]
    if not covers:
        return "No help named yet."
    lines = []
    for cover in covers:
        named = [called(member, plan) for member in cover.members if _said(member.name)]
        who = ", ".join(escape_inline(name) for name in named) if named else "nobody yet"
        lines.append(f"- **{escape_inline(cover.label)}:** {who}")
    nobody = [escape_inline(cover.label) for cover in covers if not cover.covered]
    if nobody:
        lines.append(f"\n**Help nobody covers yet:** {', '.join(nobody)}.")
    return "\n".join(lines)


def _helplines(helplines: list[TeamMember], plan: CarePlan) -> str:
    """The helplines on the team, each with how to reach it and what it helps with."""
    lines = []
    for line in helplines:
        details = ["first contact"] if line.first_contact else []
        if _said(line.contact):
            details.append(escape_inline(line.contact))
        if _said(line.when):
            details.append(f"when: {escape_inline(line.when)}")
        if line.joined_on:
            details.append(f"on the team since {day_in_words(line.joined_on)}")
        text = f"- **{escape_inline(called(line, plan))}**" + (
            f" ({'; '.join(details)})" if details else ""
        )
        if _said(line.helps_with):
            text += f": {escape_inline(line.helps_with)}"
        lines.append(text)
    return f"Public helplines, beside your own team. {content.DISCLAIMER}\n\n" + "\n".join(lines)


# --- warning signs, questions, changes --------------------------------------------------------


def _warning_signs(plan: CarePlan) -> str:
    """Each group of signs the family chose, with that group's who to call, then the signs in
    their own words."""
    pause = decisions.latest(plan) or TreatmentDecision()
    grouped = content.group_signs([sign for sign in pause.warning_signs if _said(sign)])
    blocks = []
    for group, signs in grouped:
        listed = "\n".join(f"- {escape_inline(sign)}" for sign in signs)
        if group is None:
            blocks.append(f"### In our own words\n\n{listed}" if len(grouped) > 1 else listed)
        else:
            blocks.append(
                f"### {escape_inline(group.title)}\n\n{listed}\n\n"
                f"**Who to call for these:** {escape_inline(group.who_to_call)}"
            )
    if not blocks:
        blocks.append("None written down yet.")
    who = []
    if _said(pause.who_to_call):
        who.append(f"**Who to call:** {escape_inline(pause.who_to_call)}")
    first = plan.first_contact
    if first is not None and _said(first.name):
        who.append(f"**First point of contact:** {_reach(first, plan)}")
    blocks.extend(who)  # each its own paragraph
    return "\n\n".join(blocks)


def _questions(plan: CarePlan) -> str:
    pause = decisions.latest(plan) or TreatmentDecision()
    questions = [f"- {escape_inline(question)}" for question in pause.questions if _said(question)]
    return "\n".join(questions) or "None written down yet."


def _changes_section(info: VersionInfo | None, changes: PlanDiff | None) -> tuple[str, str]:
    if changes is None:
        if info is not None and info.number == 1:
            return "What changed", "This is the first version."
        return "What changed", "Not compared with an earlier version."
    return f"What changed since {escape_inline(changes.old_label)}", changes.markdown_list()


# --- the care team's part -------------------------------------------------------------------


def _for_care_team(plan: CarePlan, info: VersionInfo | None) -> str:
    """One part per thing a clinician looks for; each is its own function so parts the record
    does not hold yet (who speaks for the person, where documents are) slot in beside them."""
    parts = [
        _care_team_scales(plan),
        _care_team_contact(plan),
        care_team_advance_care(plan),
        _care_team_session_way(info),
        _care_team_session_notes(info),
    ]
    return "\n\n".join(part for part in parts if part)


def _care_team_scales(plan: CarePlan) -> str:
    checkin = plan.checkin
    lines = []
    if checkin.function_level is not None:
        lines.append(
            f"- **Palliative Performance Scale (PPS):** {checkin.function_level}% "
            "(PPS version 2, Victoria Hospice Society)"
        )
    if checkin.symptoms:
        scores = ", ".join(
            f"{escape_inline(vocab.label(vocab.SYMPTOMS, symptom))} {score}"
            for symptom, score in checkin.symptoms.items()
        )
        lines.append(f"- **ESAS-r (0 none to 10 worst, Alberta Health Services):** {scores}")
    if not lines:
        return "**Check-in scores:** none recorded in this version."
    return "**Check-in scores, with their scales:**\n\n" + "\n".join(lines)


def _care_team_contact(plan: CarePlan) -> str:
    first = plan.first_contact
    if first is not None and _said(first.name):
        return f"**First point of contact:** {_reach(first, plan)}"
    return "**First point of contact:** not chosen yet."


def care_team_advance_care(plan: CarePlan) -> str:
    """Who speaks for the person and where the documents are, on one read."""
    advance = plan.advance_care
    speakers = [speaker for speaker in advance.speakers if _said(speaker.name)]
    if advance.not_now:
        return "**Who speaks for them:** they chose not to talk about this yet."
    lines = []
    if speakers:
        lines.append(
            "**Who speaks for them:** " + "; then ".join(_speaker_line(s, plan) for s in speakers)
        )
    else:
        lines.append("**Who speaks for them:** nobody named yet.")
    documents = [_document_line(document) for document in advance.documents]
    lines.append(
        "**Planning documents:** " + ("; ".join(documents) if documents else "none recorded.")
    )
    return "\n\n".join(lines)


def _care_team_session_way(info: VersionInfo | None) -> str:
    """How the session was held, its language and interpreter, when the facilitator said (the
    family's snapshot never has it); nothing at all when nobody did."""
    from careplan.history import session_way

    if info is None:
        return ""
    way = session_way(info.session_kind, info.session_language, info.session_interpreter)
    return f"**How the session was held:** {escape_inline(way)}" if way else ""


def _care_team_session_notes(info: VersionInfo | None) -> str:
    """The facilitator's notes, where they were kept with this version (the family's snapshot
    never has them); otherwise the care team is told so rather than left guessing."""
    notes = plain_lines(info.session_notes) if info is not None else []
    if not notes:
        return "**Session notes:** not kept with this version."
    lines = "\n".join(f"> {escape_inline(line)}" for line in notes)
    return f"**Session notes, kept with this version:**\n\n{lines}"


# --- if I can't speak for myself -------------------------------------------------------------


def advance_care_section(plan: CarePlan) -> str:
    """Who would speak for the person, which documents exist and where, and what care they would
    want, each statement with whose words it is; or, calmly, that they chose not to talk about it
    yet. Always says what this part is not."""
    advance = plan.advance_care
    person = escape_inline(voice_name(plan, "person")) if plan.about.called else "they"
    note = escape_inline(content.NOT_A_DOCUMENT)
    if advance.not_now:
        said = f" on {describe_date(advance.not_now_on)}" if advance.not_now_on else ""
        return (
            f"{person[:1].upper() + person[1:]} chose not to talk about this yet{said}. "
            f"It can be opened whenever {person} {'is' if plan.about.called else 'are'} ready.\n\n{note}"
        )
    speakers = [speaker for speaker in advance.speakers if _said(speaker.name)]
    blocks = []
    if speakers:
        blocks.append(
            "\n".join(
                f"{number}. {_speaker_line(speaker, plan)}"
                for number, speaker in enumerate(speakers, 1)
            )
        )
    else:
        blocks.append("Nobody named yet to speak for them.")
    if advance.documents:
        rows = [
            [
                escape_inline(document.kind_label),
                escape_inline(_document_day(document)),
                escape_inline(document.kept_where),
                escape_inline(document.copies_with),
            ]
            for document in advance.documents
        ]
        blocks.append(
            "### Documents that exist\n\n"
            + _table(["Document", "Date", "Where the original is kept", "Who has copies"], rows)
        )
    wishes = _wishes(plan)
    if wishes:
        blocks.append("### What care I would want\n\n" + wishes)
    blocks.append(note)
    return "\n\n".join(blocks)


def _speaker_line(speaker: Spokesperson, plan: CarePlan) -> str:
    parts = [f"**{escape_inline(called(speaker, plan))}**"]
    if _said(speaker.relationship):
        parts[0] += f" ({escape_inline(speaker.relationship)})"
    if speaker.standing:
        parts.append(escape_inline(vocab.label(vocab.STANDINGS, speaker.standing)))
    if speaker.agreement:
        parts.append(escape_inline(vocab.label(vocab.AGREEMENTS, speaker.agreement)))
    if _said(speaker.contact):
        parts.append(f"how to reach them: {escape_inline(speaker.contact)}")
    return "; ".join(parts)


def _document_day(document: PlanningDocument) -> str:
    if document.dated is None:
        return ""
    said = vocab.label(vocab.DOCUMENT_DATES, document.dated_as)
    return f"{said} {describe_date(document.dated)}"


def _document_line(document: PlanningDocument) -> str:
    parts = [escape_inline(document.kind_label)]
    if document.dated is not None:
        day = _document_day(document)
        parts.append(escape_inline(day[:1].lower() + day[1:]))
    if _said(document.kept_where):
        parts.append(f"original kept: {escape_inline(document.kept_where)}")
    if _said(document.copies_with):
        parts.append(f"copies with: {escape_inline(document.copies_with)}")
    return ", ".join(parts)


def _wishes(plan: CarePlan) -> str:
    advance = plan.advance_care
    lines = []
    if advance.place_of_care:
        lines.append(
            f"- **Where I would like to be cared for:** "
            f"{vocab.label(vocab.PLACES_OF_CARE, advance.place_of_care)}"
        )
    if advance.place_at_end:
        lines.append(
            f"- **Where I would like to be at the end:** "
            f"{vocab.label(vocab.PLACES_OF_CARE, advance.place_at_end)}"
        )
    for wish in advance.wishes:
        if not _said(wish.text):
            continue
        kind = vocab.label(vocab.WISH_KINDS, wish.kind)
        voice = escape_inline(voice_name(plan, wish.voice))
        lines.append(f"- **{kind}** ({voice}): {escape_inline(wish.text)}")
        lines.extend(_views(plan, wish.other_views))
    return "\n".join(lines)


# --- pieces -----------------------------------------------------------------------------------


def _said(text: str) -> bool:
    """Whether typed text has anything a reader would see (not just spaces or control characters)."""
    return bool(plain_lines(text))


def _field(label: str, value: str, escaped: bool = False) -> str:
    if not _said(value):
        return ""
    return f"- **{label}:** {value if escaped else escape_inline(value)}"


def _table(headings: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(headings) + " |", "|" + "|".join("---" for _ in headings) + "|"]
    lines.extend("| " + " | ".join(cell or " " for cell in row) + " |" for row in rows)
    return "\n".join(lines)


def _moment(value: datetime) -> str:
    return f"{describe_date(value.date())} at {value:%H:%M}"


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:40].strip("-")
