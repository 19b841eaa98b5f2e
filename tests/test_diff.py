"""compare(): every kind of change between two versions, in plain sentences, matched by id."""

from __future__ import annotations

import copy
import json
from datetime import date

import pytest
from markdown_it import MarkdownIt

from careplan.decisions import add_decision
from careplan.diff import KINDS, compare, describe_changes
from careplan.goals import adapt_goal, end_goal
from careplan.model import (
    About,
    CarePlan,
    CheckIn,
    Goal,
    Modification,
    Participant,
    Statement,
    TeamMember,
    TreatmentDecision,
    View,
)
from careplan.partial_dates import PartialDate
from careplan.team_tasks import add_need, keep_needs_in_step, remove_need, toggle_cover


def base_plan() -> CarePlan:
    return CarePlan(
        about=About(
            name="Maria Lopez",
            preferred_name="Maria",
            illness="Ovarian cancer",
            participants=[
                Participant(name="Maria Lopez", role="person"),
                Participant(name="Sam Lopez", role="caregiver", relationship="husband"),
            ],
        ),
        matters=[
            Statement(text="My grandchildren", kind="strength", voice="person", id="s1"),
            Statement(text="Being a burden", kind="worry", voice="caregiver", id="s2"),
        ],
        goals=[
            Goal(
                title="Run 5 miles",
                why="It clears my head",
                category="meaningful",
                started_on=date(2026, 1, 10),
                id="g1",
            ),
            Goal(title="Sleep through the night", category="symptoms", id="g2"),
            Goal(title="Cook Sunday lunch", category="daily_life", id="g3"),
        ],
        modifications=[
            Modification(
                area="work", before="Full-time", now="Three days a week", status="trying", id="m1"
            ),
            Modification(area="travel", now="Short trips only", status="working", id="m2"),
        ],
        team=[
            TeamMember(
                name="Sam Lopez",
                role="family",
                contact="07700 900123",
                tasks=["lifts", "meals"],
                first_contact=True,
                id="t1",
            ),
            TeamMember(name="Ana Torres", role="social_worker", tasks=["paperwork_money"], id="t2"),
        ],
        checkin=CheckIn(function_level=70, symptoms={"pain": 3, "tiredness": 5}),
        next_review=date(2026, 7, 1),
    )


def kinds(old: CarePlan, new: CarePlan) -> list[str]:
    return [change.kind for change in compare(old, new).changes]


def texts(old: CarePlan, new: CarePlan) -> list[str]:
    return describe_changes(old, new)


def test_no_changes() -> None:
    plan = base_plan()
    diff = compare(plan, copy.deepcopy(plan), "version 1", "version 2")
    assert not diff
    assert diff.summary() == "No changes"
    assert diff.to_text() == "No changes from version 1 to version 2.\n"


# --- goals ----------------------------------------------------------------------------------


def test_adapted_goal_reads_as_one_step_with_date_and_reason() -> None:
    old = base_plan()
    new = copy.deepcopy(old)
    adapt_goal(new, "g1", "A daily walk with Sam", "running hurts my hip now", on=date(2026, 6, 3))
    diff = compare(old, new)
    assert [(c.section, c.kind) for c in diff.changes] == [("goals", "goal_adapted")]
    assert (
        diff.changes[0].text
        == '"Run 5 miles" became "A daily walk with Sam" on 3 June 2026: running hurts my hip now'
    )
    assert diff.summary() == "1 goal adapted"


def test_two_adaptations_are_counted_in_the_summary() -> None:
    old = base_plan()
    new = copy.deepcopy(old)
    adapt_goal(new, "g1", "A daily walk", "hip", on=date(2026, 6, 3))
    adapt_goal(new, "g3", "Help Sam cook", "too tiring", on=date(2026, 6, 3))
    assert compare(old, new).summary() == "2 goals adapted"


def test_goal_added_achieved_let_go_reopened_removed() -> None:
    old = base_plan()
    new = copy.deepcopy(old)
    new.goals.append(Goal(title="See the sea", category="meaningful", id="g4"))
    end_goal(new, "g2", "achieved", on=date(2026, 5, 2))
    end_goal(new, "g3", "let_go", on=date(2026, 5, 9))
    new.goals = [goal for goal in new.goals if goal.id != "g1"]
    assert texts(old, new) == [
        '"Sleep through the night" was achieved on 2 May 2026',
        '"Cook Sunday lunch" was let go on 9 May 2026',
        'New goal: "See the sea" (Meaningful moments, Maria)',
        'The goal "Run 5 miles" was taken out of the plan',
    ]
    reopened = copy.deepcopy(new)
    reopened.goal("g2").status = "active"
    assert kinds(new, reopened) == ["goal_reopened"]
    assert texts(new, reopened) == ['"Sleep through the night" is active again (was achieved)']


def test_goal_edits_name_what_changed() -> None:
    old = base_plan()
    new = copy.deepcopy(old)
    goal = new.goal("g1")
    goal.title = "Run 3 miles"
    goal.why = "It clears my head and I sleep better"
    goal.fallback = "Walk instead"
    goal.category = "daily_life"
    goal.voice = "together"
    goal.other_views = [View(voice="caregiver", text="I worry about her knees")]
    assert set(kinds(old, new)) == {"goal_edited"}
    assert texts(old, new) == [
        'The goal "Run 5 miles" is now called "Run 3 miles"',
        '"Run 3 miles" moved from Meaningful moments to Making daily life easier',
        "\"Run 3 miles\" is now Maria and Sam Lopez together's goal (was Maria's)",
        'Why "Run 3 miles" matters: "It clears my head and I sleep better" (was "It clears my head")',
        'If "Run 3 miles" gets harder: "Walk instead" (new)',
        'Sam Lopez sees "Run 3 miles" differently: "I worry about her knees"',
    ]
    assert compare(old, new).summary() == "1 goal edited"


def test_only_spacing_is_not_a_change() -> None:
    old = base_plan()
    new = copy.deepcopy(old)
    new.goal("g1").title = "  Run   5 miles "
    assert texts(old, new) == []


# --- what matters most -----------------------------------------------------------------------


def test_statements_added_removed_and_changed_with_voices() -> None:
    old = base_plan()
    new = copy.deepcopy(old)
    new.matters.append(
        Statement(text="Being home for Christmas", kind="hope", voice="together", id="s3")
    )
    new.matters = [s for s in new.matters if s.id != "s2"]
    first = new.matters[0]
    first.text = "My grandchildren and my garden"
    first.voice = "caregiver"
    first.other_views.append(View(voice="person", text="Mostly the garden"))
    assert set(kinds(old, new)) == {"statement_added", "statement_removed", "statement_changed"}
    assert texts(old, new) == [
        '"My grandchildren" now reads "My grandchildren and my garden"',
        '"My grandchildren and my garden" is now said by Sam Lopez (was Maria)',
        'Maria sees "My grandchildren and my garden" differently: "Mostly the garden"',
        'Added "Being home for Christmas" (What I hope for), said by Maria and Sam Lopez together',
        'Taken out: "Being a burden" (What worries me), said by Sam Lopez',
    ]
    assert compare(old, new).summary() == (
        "1 change to what matters most, 1 new thing that matters, 1 thing that matters taken out"
    )


def test_other_view_changed_and_taken_out() -> None:
    old = base_plan()
    old.matters[0].other_views = [View(voice="caregiver", text="The dog too")]
    changed = copy.deepcopy(old)
    changed.matters[0].other_views[0].text = "The dog, mostly"
    assert texts(old, changed) == [
        'Sam Lopez\'s view of "My grandchildren" now reads "The dog, mostly"'
    ]
    removed = copy.deepcopy(old)
    removed.matters[0].other_views = []
    assert texts(old, removed) == [
        'Sam Lopez\'s different view of "My grandchildren" was taken out'
    ]


# --- lifestyle modifications -----------------------------------------------------------------


def test_modifications_started_status_stopped_edited_removed() -> None:
    old = base_plan()
    new = copy.deepcopy(old)
    new.modifications.append(
        Modification(area="exercise", before="Running", now="Walking with Sam", id="m3")
    )
    new.modifications[0].status = "working"
    new.modifications[1].status = "stopped"
    new.modifications[0].why = "Energy"
    assert kinds(old, new) == [
        "modification_status",
        "modification_edited",
        "modification_stopped",
        "modification_started",
    ]
    assert texts(old, new) == [
        '"Three days a week": Trying it → Working',
        'Why "Three days a week": "Energy" (new)',
        '"Short trips only" was stopped (was Working)',
        'New lifestyle change (Exercise): "Running" becomes "Walking with Sam"',
    ]
    gone = copy.deepcopy(new)
    gone.modifications.pop(0)
    assert texts(new, gone) == ['"Three days a week" was taken out of the plan']


# --- treatment decisions -------------------------------------------------------------------


def test_a_treatment_decision_started_then_decided_then_dated() -> None:
    old = base_plan()
    started = copy.deepcopy(old)
    started.treatment_decisions = [
        TreatmentDecision(kind="event", event="Lucia's wedding", status="thinking", id="d1")
    ]
    assert texts(old, started) == [
        'A new decision: a pause for an event ("Lucia\'s wedding"); thinking about it'
    ]
    assert compare(old, started).summary() == (
        'new decision: a pause for an event ("Lucia\'s wedding")'
    )

    decided = copy.deepcopy(started)
    pause = decided.treatment_decisions[0]
    pause.status = "agreed"
    pause.kind = "recover"
    pause.starts_on = date(2026, 8, 1)
    pause.hopes = "Dance at the wedding"
    pause.questions = ["Will the tiredness lift?"]
    pause.warning_signs = ["A temperature over 38C"]
    assert kinds(started, decided) == [
        "break_decision",
        "break_status",
        "break_dates",
        "break_edited",
        "break_edited",
        "break_edited",
    ]
    assert texts(started, decided) == [
        "Kind of decision: A pause for an event → A pause to recover",
        'A pause for an event ("Lucia\'s wedding"): Thinking about it → Agreed',
        "Treatment break starts: 1 August 2026 (new)",
        'Hopes for the break: "Dance at the wedding" (new)',
        'New question for the team: "Will the tiredness lift?"',
        'New warning sign to watch for: "A temperature over 38C"',
    ]
    assert compare(started, decided).summary() == (
        "treatment decision: a pause to recover, a pause to recover: agreed, "
        "1 treatment decision date changed, 1 treatment decision detail changed"
    )

    moved = copy.deepcopy(decided)
    moved.treatment_decisions[0].starts_on = date(2026, 8, 8)
    assert texts(decided, moved) == [
        "Treatment break starts: moved from 1 August 2026 to 8 August 2026"
    ]

    gone = copy.deepcopy(decided)
    gone.treatment_decisions = []
    assert kinds(decided, gone) == ["decision_removed"]


def test_stopping_treatment_is_a_new_decision_in_its_own_words_and_never_a_break() -> None:
    old = base_plan()
    old.treatment_decisions = [TreatmentDecision(kind="event", status="resumed", id="d1")]
    new = copy.deepcopy(old)
    new.treatment_decisions.append(TreatmentDecision(kind="stop", status="agreed", id="d2"))
    assert texts(old, new) == ["A new decision: stopping treatment; agreed"]
    later = copy.deepcopy(new)
    stop = later.treatment_decisions[1]
    stop.status = "stopped"
    stop.hopes = "Good days at home"
    stop.support = ["hospice"]
    said = texts(new, later)
    assert said == [
        "Stopping treatment: Agreed → Treatment has stopped",
        'Hopes for stopping: "Good days at home" (new)',
        'New support that goes on: "Hospice care"',
    ]
    assert not any("break" in text.lower() for text in said)


# --- support team ----------------------------------------------------------------------------


def test_team_joined_left_role_tasks_and_first_contact() -> None:
    old = base_plan()
    new = copy.deepcopy(old)
    new.team.append(TeamMember(name="Dr Rao", role="oncologist", tasks=["medicines"], id="t3"))
    sam, ana = new.team[0], new.team[1]
    sam.tasks = ["meals"]
    ana.tasks = ["paperwork_money", "lifts"]
    ana.role = "care_coordinator"
    sam.first_contact = False
    ana.first_contact = True
    ana.contact = "020 7946 0000"
    assert texts(old, new) == [
        "Ana Torres's role: Social worker → Care coordinator or navigator",
        'How to reach Ana Torres: "020 7946 0000" (new)',
        "Dr Rao joined the team (Oncologist), helping with medicines",
        "Lifts to appointments moved from Sam Lopez to Ana Torres",
        "The first point of contact is now Ana Torres (was Sam Lopez)",
    ]
    assert kinds(old, new) == [
        "member_role",
        "member_edited",
        "member_joined",
        "member_tasks",
        "first_contact",
    ]
    assert compare(old, new).summary() == (
        "1 role changed, 1 team detail changed, Dr Rao joined the team, 1 change in who does what, "
        "Ana Torres is now the first contact"
    )


def test_team_member_left_and_tasks_taken_on_or_dropped() -> None:
    old = base_plan()
    keep_needs_in_step(old)  # as the team screen keeps them: each task is a need
    new = copy.deepcopy(old)
    new.team = [member for member in new.team if member.id != "t2"]
    new.team[0].tasks = ["lifts", "shopping"]
    new.team[0].first_contact = False
    assert texts(old, new) == [
        "Ana Torres left the team (Social worker)",
        "Nobody covers meals now (it was Sam Lopez); it is still needed",
        "Nobody covers paperwork and money now (it was Ana Torres); it is still needed",
        "Sam Lopez now helps with shopping",
        "No first point of contact is chosen now (was Sam Lopez)",
    ]
    assert set(kinds(old, new)) == {
        "member_left",
        "need_uncovered",
        "member_tasks",
        "first_contact",
    }


def test_a_need_nobody_covers_is_said_and_so_is_the_day_someone_covers_it() -> None:
    old = base_plan()
    keep_needs_in_step(old)
    named = copy.deepcopy(old)
    add_need(named, "Overnight help")
    assert texts(old, named) == ["A need nobody covers yet: Overnight help"]
    assert compare(old, named).summary().count("nobody yet: Overnight help") == 1

    covered = copy.deepcopy(named)
    covered.team.append(TeamMember(id="t9", name="Sue Marsh", role="palliative_care"))
    toggle_cover(covered, "Overnight help", covered.team[-1])
    assert texts(named, covered)[-1] == "Overnight help is now covered by Sue Marsh"

    let_go = copy.deepcopy(named)
    remove_need(let_go, "Overnight help")
    assert texts(named, let_go) == ["No longer needed: Overnight help"]


def test_a_person_is_named_in_the_diff_as_they_like_to_be_called() -> None:
    old = base_plan()
    new = copy.deepcopy(old)
    new.team[0].preferred_name = "Sammy"
    new.team[0].contact = "07700 900999"
    said = texts(old, new)
    assert said[0] == 'What Sam Lopez likes to be called: "Sammy" (new)'
    assert said[1].startswith("How to reach Sammy")


# --- check-in, next review, about us ---------------------------------------------------------


def test_function_level_and_each_symptom() -> None:
    old = base_plan()
    new = copy.deepcopy(old)
    new.checkin.function_level = 60
    new.checkin.symptoms = {"pain": 5, "nausea": 2}
    assert texts(old, new) == [
        "Everyday function 70% → 60%",
        "Pain 3 → 5",
        "Tiredness not rated this time (was 5)",
        "Nausea rated 2 (not rated last time)",
    ]
    assert set(kinds(old, new)) == {"function_level", "symptom"}
    assert (
        compare(old, new).summary()
        == "everyday function 70%→60%, pain 3→5, 2 other symptoms changed"
    )


def test_next_review_moved_set_and_cleared() -> None:
    old = base_plan()
    new = copy.deepcopy(old)
    new.next_review = date(2026, 7, 15)
    assert texts(old, new) == ["Next review moved from 1 July 2026 to 15 July 2026"]
    unset = copy.deepcopy(old)
    unset.next_review = None
    assert texts(old, unset) == ["No next review date now (was 1 July 2026)"]
    assert texts(unset, old) == ["Next review set for 1 July 2026"]


def test_a_partial_date_of_birth_reads_as_it_was_given() -> None:
    old = base_plan()
    old.about.date_of_birth = PartialDate(1958)
    new = copy.deepcopy(old)
    new.about.date_of_birth = PartialDate(1958, 3)
    assert texts(old, new) == ["Date of birth: moved from 1958 to March 1958"]


def test_about_us_changes() -> None:
    old = base_plan()
    new = copy.deepcopy(old)
    new.about.preferred_name = "Mari"
    new.about.illness = "Ovarian cancer, spread to the liver"
    new.about.date_of_birth = PartialDate(1958, 3, 2)
    new.about.participants.append(Participant(name="Ana Torres", role="facilitator"))
    new.about.participants[1].relationship = "partner"
    assert texts(old, new) == [
        'Likes to be called: "Mari" (was "Maria")',
        'The illness, in their own words: "Ovarian cancer, spread to the liver" (was "Ovarian cancer")',
        "Date of birth: 2 March 1958 (new)",
        'Sam Lopez\'s relationship: "partner" (was "husband")',
        "Ana Torres (Facilitator) joined the planning",
    ]
    gone = copy.deepcopy(old)
    gone.about.participants.pop()
    assert kinds(old, gone) == ["participant_left"]


# --- the whole diff --------------------------------------------------------------------------


def test_summary_puts_goals_first_and_shortens_a_long_list() -> None:
    old = base_plan()
    new = copy.deepcopy(old)
    new.checkin.symptoms["pain"] = 5
    adapt_goal(new, "g1", "A daily walk with Sam", "hip", on=date(2026, 6, 3))
    adapt_goal(new, "g3", "Help Sam cook", "tiring", on=date(2026, 6, 3))
    new.team.append(TeamMember(name="Dr Rao", role="oncologist", id="t3"))
    assert compare(old, new).summary() == "2 goals adapted, pain 3→5, Dr Rao joined the team"
    new.next_review = date(2026, 8, 1)
    new.matters.pop()
    new.modifications.pop()
    assert compare(old, new).summary() == (
        "2 goals adapted, pain 3→5, Dr Rao joined the team, 1 lifestyle change taken out, and 2 more changes"
    )


def test_every_kind_is_known_and_sections_are_in_reading_order() -> None:
    old = base_plan()
    new = copy.deepcopy(old)
    new.next_review = None
    new.about.name = "Maria L. Lopez"
    new.checkin.function_level = 50
    diff = compare(old, new, "version 1", "version 2")
    assert all(change.kind in KINDS for change in diff.changes)
    assert [section for section, _ in diff.by_section()] == ["about", "checkin", "next_review"]
    assert diff.to_text() == (
        "Changes from version 1 to version 2\n\n"
        "About us\n"
        '  - Name: "Maria L. Lopez" (was "Maria Lopez")\n\n'
        "How things are now\n"
        "  - Everyday function 70% → 50%\n\n"
        "Next review\n"
        "  - No next review date now (was 1 July 2026)\n"
    )


def test_json_has_every_change_and_the_summary() -> None:
    old = base_plan()
    new = copy.deepcopy(old)
    adapt_goal(new, "g1", "A daily walk", "hip", on=date(2026, 6, 3))
    data = json.loads(json.dumps(compare(old, new, "version 1", "version 2").to_json()))
    assert data["from"] == "version 1" and data["to"] == "version 2"
    assert data["summary"] == "1 goal adapted"
    (change,) = data["changes"]
    assert change["section"] == "goals" and change["kind"] == "goal_adapted"
    assert change["item"] == new.goals[1].id


def test_markdown_escapes_typed_words() -> None:
    old = base_plan()
    new = copy.deepcopy(old)
    new.goals.append(Goal(title="# Not a heading\n- nor a list | nor <b>html</b>", id="g9"))
    markdown = compare(old, new, "version 1", "version 2").to_markdown()
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings == ["Changes from version 1 to version 2"]
    assert not [t for t in tokens if t.type.startswith(("html", "table"))]
    inline = [t for t in tokens if t.type == "inline"]
    assert any(
        "# Not a heading - nor a list | nor <b>html</b>" in t.children[0].content
        for t in inline
        if t.children
    )


def test_long_words_are_whole_in_sentences_json_and_markdown_and_short_only_in_the_summary() -> (
    None
):
    old = base_plan()
    new = copy.deepcopy(old)
    words = " ".join(f"word{number}" for number in range(60))
    new.matters.append(Statement(text=words, id="s9"))
    new.team.append(TeamMember(name="Dr " + "Longname " * 20 + "Rao", role="oncologist", id="m9"))
    found = compare(old, new, "version 1", "version 2")
    (sentence,) = [change.text for change in found.changes if change.section == "matters"]
    assert words in sentence and "…" not in sentence
    assert words in found.to_markdown() and words in found.to_text()
    json_texts = [change["text"] for change in found.to_json()["changes"]]
    assert any(words in text for text in json_texts) and not any("…" in text for text in json_texts)
    assert "Longname Rao" in found.markdown_list()
    summary = found.summary()
    assert "Longname Rao" not in summary and "…" in summary and len(summary) < 200


@pytest.mark.parametrize("voice", ["person", "caregiver", "together"])
def test_voices_fall_back_to_labels_without_names(voice: str) -> None:
    old = CarePlan(about=About(name=""))
    new = copy.deepcopy(old)
    new.matters.append(Statement(text="Home", kind="hope", voice=voice, id="x"))
    (sentence,) = texts(old, new)
    assert sentence.endswith(
        {"person": "The person", "caregiver": "Caregiver", "together": "Together"}[voice]
    )


def test_an_adaptation_that_moves_category_says_so() -> None:
    old = base_plan()
    new = copy.deepcopy(old)
    adapt_goal(
        new, "g3", "Help Sam cook", "standing is tiring", on=date(2026, 6, 3), category="meaningful"
    )
    assert texts(old, new) == [
        '"Cook Sunday lunch" became "Help Sam cook" (now under Meaningful moments) on 3 June 2026: standing is tiring'
    ]


def test_a_modification_is_named_as_it_was_when_its_words_change() -> None:
    old = base_plan()
    new = copy.deepcopy(old)
    new.modifications[0].now = "Stopped work"
    new.modifications[0].status = "stopped"
    assert texts(old, new) == [
        '"Three days a week" was stopped (was Trying it)',
        'What I\'ll do now: "Stopped work" (was "Three days a week")',
    ]


def test_sentences_are_one_printable_line_whatever_was_typed() -> None:
    old = base_plan()
    new = copy.deepcopy(old)
    new.about.participants[1].name = "Sam\x1b[31m\nLopez"
    new.matters.append(Statement(text="Home\r\nfor\x07 Christmas", voice="caregiver", id="s9"))
    sentences = texts(old, new)
    assert (
        sentences[-1]
        == 'Added "Home for Christmas" (Something else that matters), said by Sam[31m Lopez'
    )
    assert all("\x1b" not in s and "\n" not in s and "\x07" not in s for s in sentences)


# --- careplan diff ---------------------------------------------------------------------------

from careplan.cli import main  # noqa: E402
from careplan.store import Store  # noqa: E402


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]):
    def run(*argv: str) -> tuple[int, str, str]:
        code = main(list(argv))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


@pytest.fixture
def plan_id(store: Store) -> str:
    plan = base_plan()
    with store.create_plan(plan) as plan_file:
        plan_file.save_version(plan, saved_by="Maria")
        adapt_goal(
            plan, "g1", "A daily walk with Sam", "running hurts my hip now", on=date(2026, 6, 3)
        )
        plan.checkin.symptoms["pain"] = 5
        plan_file.save_version(plan, saved_by="Maria")
        return plan_file.id


def test_cli_diff_as_text(cli, plan_id: str) -> None:
    code, out, err = cli("diff", plan_id, "1", "2")
    assert code == 0 and err == ""
    assert out == (
        "Changes from version 1 to version 2\n\n"
        "How things are now\n"
        "  - Pain 3 → 5\n\n"
        "Goals\n"
        '  - "Run 5 miles" became "A daily walk with Sam" on 3 June 2026: running hurts my hip now\n'
    )
    assert cli("diff", plan_id, "2", "2")[1] == "No changes from version 2 to version 2.\n"


def test_cli_diff_as_markdown_and_json(cli, plan_id: str) -> None:
    code, out, _ = cli("diff", "Maria", "1", "2", "--format", "markdown")
    assert code == 0
    assert out.startswith(
        "## Changes from version 1 to version 2\n\n- **How things are now**\n  - Pain 3 → 5\n"
    )
    code, out, _ = cli("diff", plan_id, "2", "1", "--format", "json")
    document = json.loads(out)
    assert document["from"] == "version 2" and document["to"] == "version 1"
    assert [change["kind"] for change in document["changes"]] == [
        "symptom",
        "goal_reopened",
        "goal_removed",
    ]
    assert document["summary"] == "1 goal active again, 1 goal taken out, pain 5→3"


@pytest.mark.parametrize(
    "argv, words",
    [
        (("diff", "PLAN", "1", "9"), "no version 9"),
        (("diff", "PLAN", "0", "1"), "not a version number"),
        (("diff", "PLAN", "1"), "B"),
        (("diff", "Nobody", "1", "2"), "No plan matches"),
        (("diff", "PLAN", "1", "2", "--format", "html"), "invalid choice"),
    ],
)
def test_cli_diff_problems_are_one_line(
    cli, plan_id: str, argv: tuple[str, ...], words: str
) -> None:
    code, out, err = cli(*(plan_id if arg == "PLAN" else arg for arg in argv))
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and words in err, err


def test_many_small_symptom_changes_are_counted_not_listed() -> None:
    old = base_plan()
    old.checkin.symptoms = {"pain": 3, "tiredness": 5, "nausea": 1, "anxiety": 4}
    small = copy.deepcopy(old)
    small.checkin.symptoms = {"pain": 4, "tiredness": 4, "nausea": 2, "anxiety": 4}
    assert compare(old, small).summary() == "3 symptoms changed"
    big = copy.deepcopy(small)
    big.checkin.symptoms["nausea"] = 6
    assert compare(old, big).summary() == "nausea 1→6, 2 other symptoms changed"
    assert len(compare(old, big).changes) == 3  # every change is still listed in full


def test_json_keeps_the_section_id_scripts_have_read_since_treatment_was_one_worksheet() -> None:
    old = base_plan()
    new = copy.deepcopy(old)
    add_decision(new, "stop")
    data = compare(old, new, "version 1", "version 2").to_json()
    (change,) = data["changes"]
    assert change["section"] == "treatment_break"
    assert change["kind"] == "decision_added"
