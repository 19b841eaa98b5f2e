"""If I can't speak for myself: who would speak for the person, which documents exist and where,
and what care they would want; "not now" kept as an answer. Domain, CLI and the app."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList, Static

from careplan import content, vocab
from careplan.cli import main
from careplan.codec import from_dict, to_dict
from careplan.diff import compare
from careplan.markdown_export import render_plan
from careplan.model import (
    About,
    AdvanceCare,
    CarePlan,
    CareWish,
    Participant,
    PlanningDocument,
    Spokesperson,
    TeamMember,
    View,
)
from careplan.overview import not_started, section_summary
from careplan.screens.advance_care import AdvanceCareScreen
from careplan.screens.advance_care_editors import DocumentEditor, SpeakerEditor, WishEditor
from careplan.store import Store
from careplan.validation import problems
from tests.conftest import OpenApp
from tests.pilot_helpers import draft_plan, settle, type_into
from tests.storage_helpers import add_plan

TODAY = date(2026, 12, 2)


def dana(**advance: object) -> CarePlan:
    return CarePlan(
        about=About(
            name="Dana Reyes",
            preferred_name="Dana",
            participants=[Participant(name="Marcus Reyes", role="caregiver")],
        ),
        advance_care=AdvanceCare(**advance),  # type: ignore[arg-type]
    )


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]):
    def run(*argv: str) -> tuple[int, str, str]:
        code = main(list(argv))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


# --- the record ---------------------------------------------------------------------------------


def test_the_part_is_kept_in_a_version_and_read_back_whole(store: Store) -> None:
    plan = dana(
        speakers=[Spokesperson(name="Marcus", standing="us_health_care_agent", agreement="agreed")],
        documents=[
            PlanningDocument(kind="medical_order", dated=date(2026, 9, 1), kept_where="fridge")
        ],
        wishes=[CareWish(text="At home, with the dog", kind="near_me", voice="person")],
        place_of_care="home",
    )
    plan_id = add_plan(store, plan=plan)
    with store.open_plan(plan_id, write=False) as plan_file:
        assert plan_file.load().advance_care == plan.advance_care


def test_a_plan_from_before_this_part_existed_opens_with_it_empty() -> None:
    older = to_dict(dana())
    del older["advance_care"]
    plan = from_dict(CarePlan, older)
    assert plan.advance_care == AdvanceCare()
    assert not plan.advance_care.started


def test_a_person_to_speak_for_them_needs_a_name_and_another_document_its_name() -> None:
    plan = dana(
        speakers=[Spokesperson(name="  ")],
        documents=[PlanningDocument(kind="other")],
        wishes=[CareWish(text="")],
    )
    assert problems(plan) == {
        "advance_care.speakers[0].name": "A name is needed",
        "advance_care.documents[0].other_kind": "The document's name is needed",
        "advance_care.wishes[0].text": "Some text is needed",
    }


def test_not_now_is_an_answer_until_something_is_written() -> None:
    advance = AdvanceCare(not_now_on=date(2026, 3, 12))
    assert advance.not_now and advance.started
    advance.wishes.append(CareWish(text="Coffee"))
    assert not advance.not_now


def test_not_now_is_said_calmly_and_never_listed_as_a_gap() -> None:
    plan = dana(not_now_on=date(2026, 3, 12))
    assert "advance_care" not in not_started(plan)
    assert "advance_care" in not_started(dana())
    assert section_summary(plan, "advance_care") == "not now, said 12 Mar 2026"


# --- what changed, in plain words ---------------------------------------------------------------


def test_the_diff_says_who_is_now_the_backup_person_to_speak_for_them() -> None:
    marcus = Spokesperson(name="Marcus", standing="next_of_kin")
    old = dana(speakers=[marcus])
    new = dana(
        speakers=[
            Spokesperson(name="Marcus", standing="us_health_care_agent", id=marcus.id),
            Spokesperson(name="Jo"),
        ]
    )
    sentences = [change.text for change in compare(old, new).changes]
    assert "Jo is now the backup person to speak for Dana" in sentences
    assert (
        "Marcus's standing: named in a signed document: health care agent or proxy (US) "
        "(was next of kin, nothing signed yet)" in sentences
    )


def test_the_diff_says_when_the_order_changes_and_when_someone_is_taken_off() -> None:
    first, second = Spokesperson(name="Marcus"), Spokesperson(name="Jo")
    swapped = compare(dana(speakers=[first, second]), dana(speakers=[second, first]))
    assert "Jo is now the first person to speak for Dana (was the backup person)" in [
        change.text for change in swapped.changes
    ]
    removed = compare(dana(speakers=[first, second]), dana(speakers=[first]))
    assert [change.text for change in removed.changes] == [
        "Jo is no longer named to speak for Dana"
    ]


def test_the_diff_names_documents_wishes_places_and_not_now() -> None:
    new = dana(
        documents=[PlanningDocument(kind="respect", dated=date(2026, 9, 10), kept_where="fridge")],
        wishes=[
            CareWish(
                text="No more hospital",
                kind="avoid",
                other_views=[View(voice="caregiver", text="Hospital if the pain is bad")],
            )
        ],
        place_of_care="hospice",
    )
    sentences = [change.text for change in compare(dana(), new).changes]
    assert sentences == [
        'ReSPECT form: recorded as existing, signed 10 September 2026; the original is kept: "fridge"',
        'What I would want to avoid: "No more hospital", said by Dana',
        "Where they would like to be cared for: in a hospice (new)",
    ]
    later = compare(dana(), dana(not_now_on=date(2026, 3, 12))).changes
    assert [change.text for change in later] == [
        "Dana chose not to talk about this yet (12 March 2026)"
    ]


# --- the snapshot -------------------------------------------------------------------------------


def test_the_snapshot_has_its_own_part_with_every_voice_and_says_what_it_is_not() -> None:
    plan = dana(
        speakers=[Spokesperson(name="Marcus", relationship="husband", agreement="agreed")],
        documents=[PlanningDocument(kind="respect", kept_where="fridge", copies_with="Dr Rao")],
        wishes=[
            CareWish(
                text="Home",
                kind="good_day",
                voice="person",
                other_views=[View(voice="caregiver", text="Hospice if it gets hard")],
            )
        ],
        place_of_care="home",
    )
    text = render_plan(plan)
    part = text[text.index("## If I can't speak for myself") :]
    assert "1. **Marcus** (husband); Knows and has agreed" in part
    assert "| ReSPECT form |   | fridge | Dr Rao |" in part
    assert "- **What a good day looks like** (Dana): Home" in part
    assert "  - Another view, from Marcus Reyes: Hospice if it gets hard" in part
    assert "- **Where I would like to be cared for:** At home" in part
    assert content.NOT_A_DOCUMENT in part


def test_not_now_reads_calmly_in_the_snapshot() -> None:
    text = render_plan(dana(not_now_on=date(2026, 3, 12)))
    assert "Dana chose not to talk about this yet on Thursday 12 March 2026." in text
    assert "It can be opened whenever Dana is ready." in text


def test_the_care_team_reads_who_speaks_for_them_and_where_the_documents_are() -> None:
    plan = dana(
        speakers=[Spokesperson(name="Marcus", standing="next_of_kin")],
        documents=[PlanningDocument(kind="respect", kept_where="fridge")],
    )
    care_team = render_plan(plan, audience="care-team")
    part = care_team[care_team.index("## For the care team") :]
    assert "**Who speaks for them:** **Marcus**; Next of kin, nothing signed yet" in part
    assert "**Planning documents:** ReSPECT form, original kept: fridge" in part


def test_typed_words_in_this_part_cannot_add_markup_to_the_snapshot() -> None:
    hostile = "<script>x</script> [link](javascript:alert(1)) | pipe"
    plan = dana(
        speakers=[Spokesperson(name=hostile, contact=hostile)],
        documents=[PlanningDocument(kind="other", other_kind=hostile, kept_where=hostile)],
        wishes=[CareWish(text=hostile)],
    )
    part = render_plan(plan).split("## If I can't speak for myself")[1]
    unescaped = r"(?<!\\)"
    assert not re.search(unescaped + "<script>", part)
    assert not re.search(unescaped + r"\]\(javascript:", part)
    table_rows = [line for line in part.splitlines() if line.startswith("| ")]
    # four cells in every row: a typed pipe never splits one
    assert all(len(re.split(unescaped + r"\|", line)) == 6 for line in table_rows)


# --- the suggestions ----------------------------------------------------------------------------


def test_questions_and_notes_on_documents_each_have_a_source_us_and_uk_first() -> None:
    questions = content.questions("advance_care")
    assert len(questions) >= 6
    assert all(question.source.url.startswith("https://") for question in questions)
    assert content.advance_care_regions()[:2] == ["US", "UK"]
    for region in ("US", "UK"):
        notes = content.document_notes(region)
        assert notes and all(note.kind in vocab.DOCUMENT_KINDS for note in notes)
        assert all(note.source.url.startswith("https://") for note in notes)
        assert all(n.standing in vocab.STANDINGS for n in content.standing_notes(region))
    assert "respect" in {note.kind for note in content.document_notes("uk")}
    assert "medical_order" in {note.kind for note in content.document_notes("us")}


# --- the command line ---------------------------------------------------------------------------


def test_export_and_import_as_json_keep_the_part(cli, store: Store, tmp_path: Path) -> None:
    plan = dana(
        speakers=[Spokesperson(name="Marcus", standing="ew_lpa_health_welfare")],
        documents=[PlanningDocument(kind="lasting_power_of_attorney", dated=date(2025, 1, 4))],
        not_now_on=None,
        place_at_end="home",
    )
    plan_id = add_plan(store, plan=plan)
    exported = tmp_path / "dana.json"
    assert cli("export", plan_id, "--format", "json", "-o", str(exported))[0] == 0
    data = json.loads(exported.read_text())
    assert data["plan"]["advance_care"]["speakers"][0]["standing"] == "ew_lpa_health_welfare"
    data.pop("id", None)
    exported.write_text(json.dumps(data))
    code, out, err = cli("import", str(exported))
    assert code == 0, err
    new_id = next(found.id for found in store.list_plans() if found.id != plan_id)
    with store.open_plan(new_id, write=False) as plan_file:
        assert plan_file.load().advance_care == plan.advance_care


def test_the_command_line_diff_has_the_part(cli, store: Store) -> None:
    plan_id = add_plan(
        store,
        plan=dana(),
        versions=2,
        before_each=lambda plan, number: (
            number == 2 and plan.advance_care.speakers.append(Spokesperson(name="Marcus"))
        ),
    )
    code, out, _ = cli("diff", plan_id, "1", "2")
    assert code == 0
    assert "If I can't speak for myself" in out
    assert "Marcus is now the first person to speak for Dana" in out


# --- the app ------------------------------------------------------------------------------------


async def open_part(pilot) -> AdvanceCareScreen:
    await pilot.press("8")
    await settle(pilot, until=lambda: isinstance(pilot.app.screen, AdvanceCareScreen))
    return pilot.app.screen


async def test_naming_someone_to_speak_for_them_is_kept_in_the_draft(
    store: Store, open_app: OpenApp
) -> None:
    plan_id = add_plan(store, plan=dana())
    async with open_app(today=TODAY) as pilot:
        await open_part(pilot)
        await pilot.press("a")
        await settle(pilot, until=lambda: isinstance(pilot.app.screen, SpeakerEditor))
        await type_into(pilot, "#speaker-name", "Marcus Reyes")
        await type_into(pilot, "#speaker-relationship", "husband")
        await pilot.press("ctrl+s")
        await settle(pilot, until=lambda: isinstance(pilot.app.screen, AdvanceCareScreen))
        listing = pilot.app.screen.query_one("#speakers", OptionList)
        assert "First: Marcus Reyes (husband)" in str(listing.get_option_at_index(0).prompt)
    speakers = draft_plan(store, plan_id).advance_care.speakers
    assert [(s.name, s.relationship, s.standing) for s in speakers] == [
        ("Marcus Reyes", "husband", None)  # standing not said: left empty, never guessed
    ]


async def test_a_name_is_asked_for_kindly_and_nothing_typed_is_lost(
    store: Store, open_app: OpenApp
) -> None:
    add_plan(store, plan=dana())
    async with open_app(today=TODAY) as pilot:
        await open_part(pilot)
        await pilot.press("a")
        await settle(pilot, until=lambda: isinstance(pilot.app.screen, SpeakerEditor))
        await type_into(pilot, "#speaker-contact", "07700 900123")
        await pilot.press("ctrl+s")
        await settle(pilot)
        editor = pilot.app.screen
        assert isinstance(editor, SpeakerEditor)
        assert "Write the name" in str(editor.query_one("#form-problem", Static).render())
        assert editor.query_one("#speaker-contact", Input).value == "07700 900123"


async def test_someone_on_the_support_team_can_be_chosen_rather_than_typed_again(
    store: Store, open_app: OpenApp
) -> None:
    plan = dana()
    jo = TeamMember(name="Jo Park", role="friend", contact="jo@example.org")
    plan.team = [jo]
    plan_id = add_plan(store, plan=plan)
    async with open_app(today=TODAY) as pilot:
        await open_part(pilot)
        await pilot.press("t")
        await settle(pilot)
        await pilot.click(f"#answer-{jo.id}")
        await settle(pilot, until=lambda: isinstance(pilot.app.screen, SpeakerEditor))
        assert pilot.app.screen.query_one("#speaker-name", Input).value == "Jo Park"
        await pilot.press("ctrl+s")
        await settle(pilot, until=lambda: isinstance(pilot.app.screen, AdvanceCareScreen))
    (speaker,) = draft_plan(store, plan_id).advance_care.speakers
    assert (speaker.name, speaker.contact, speaker.team_member) == (
        "Jo Park",
        "jo@example.org",
        jo.id,
    )


async def test_not_now_keeps_its_day_and_the_part_opens_when_they_are_ready(
    store: Store, open_app: OpenApp
) -> None:
    plan_id = add_plan(store, plan=dana())
    async with open_app(today=TODAY) as pilot:
        screen = await open_part(pilot)
        await pilot.press("n")
        await settle(pilot)
        note = str(screen.query_one("#not-now-note", Static).render())
        assert "Dana chose not to talk about this yet on 2 December 2026" in note
        assert not screen.query_one("#advance-parts").display
        assert draft_plan(store, plan_id).advance_care.not_now_on == TODAY
        await pilot.press("n")
        await settle(pilot)
        assert screen.query_one("#advance-parts").display
    assert draft_plan(store, plan_id).advance_care.not_now_on is None


async def test_a_document_signed_on_a_day_still_to_come_is_refused_with_a_message(
    store: Store, open_app: OpenApp
) -> None:
    plan_id = add_plan(store, plan=dana())
    async with open_app(today=TODAY) as pilot:
        await open_part(pilot)
        await pilot.press("d")
        await settle(pilot, until=lambda: isinstance(pilot.app.screen, DocumentEditor))
        await type_into(pilot, "#document-dated", "3 January 2027")
        await type_into(pilot, "#document-kept", "the blue folder")
        await pilot.press("ctrl+s")
        await settle(pilot)
        problem = str(pilot.app.screen.query_one("#form-problem", Static).render())
        assert "has not come yet" in problem
        await type_into(pilot, "#document-dated", "someday")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(pilot.app.screen, DocumentEditor)  # still open, every word still there
        assert pilot.app.screen.query_one("#document-kept", Input).value == "the blue folder"
        await type_into(pilot, "#document-dated", "12 March 2025")
        await pilot.press("ctrl+s")
        await settle(pilot, until=lambda: isinstance(pilot.app.screen, AdvanceCareScreen))
    (document,) = draft_plan(store, plan_id).advance_care.documents
    assert (document.dated, document.kept_where) == (date(2025, 3, 12), "the blue folder")


async def test_a_wish_keeps_whose_words_it_is_and_a_view_beside_it(
    store: Store, open_app: OpenApp
) -> None:
    plan_id = add_plan(store, plan=dana())
    async with open_app(today=TODAY) as pilot:
        await open_part(pilot)
        await pilot.press("w")
        await settle(pilot, until=lambda: isinstance(pilot.app.screen, WishEditor))
        await type_into(pilot, "#wish-text", "To stay at home")
        await type_into(pilot, "#wish-view", "Hospice if nights get hard")
        await pilot.press("ctrl+s")
        await settle(pilot, until=lambda: isinstance(pilot.app.screen, AdvanceCareScreen))
    (wish,) = draft_plan(store, plan_id).advance_care.wishes
    assert (wish.text, wish.voice) == ("To stay at home", "together")
    assert [(view.voice, view.text) for view in wish.other_views] == [
        ("caregiver", "Hospice if nights get hard")
    ]


async def test_move_up_changes_who_is_asked_first(store: Store, open_app: OpenApp) -> None:
    plan_id = add_plan(
        store, plan=dana(speakers=[Spokesperson(name="Marcus"), Spokesperson(name="Jo")])
    )
    async with open_app(today=TODAY) as pilot:
        screen = await open_part(pilot)
        listing = screen.query_one("#speakers", OptionList)
        listing.focus()
        listing.highlighted = 1
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
    assert [s.name for s in draft_plan(store, plan_id).advance_care.speakers] == ["Jo", "Marcus"]
