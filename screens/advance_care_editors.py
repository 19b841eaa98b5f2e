"""The dialogs of "If I can't speak for myself": a person who would speak for them, a planning
document that exists, and a wish for care (with a second voice kept beside it)."""

from __future__ import annotations

import copy
from datetime import date

from textual.app import ComposeResult
from textual.widgets import Input, Select

from careplan import vocab
from careplan.date_fields import looking
from careplan.dates import day_in_words, parse_optional_date
from careplan.errors import InvalidDate
from careplan.model import CarePlan, CareWish, PlanningDocument, Spokesperson, View
from careplan.screens.form_modal import FormModal, chosen, form_row
from careplan.screens.widgets.text_box import TextBox
from careplan.screens.wording import voice_choices

NAME_MISSING = "Write the name of the person who would speak for them, or press Esc to leave it."
WORDS_MISSING = "Write a few words, or press Esc to leave it."
OTHER_KIND_MISSING = 'Say what the document is called (the kind is "Another document").'


def _options(choices: vocab.AnyChoices) -> list[tuple[str, str]]:
    return [(label, key) for key, label in choices.items()]


def _optional(select: Select) -> str | None:
    """A Select that may be left blank: None when nothing is chosen."""
    value = select.value
    return value if isinstance(value, str) else None


class SpeakerEditor(FormModal[Spokesperson]):
    """Someone who would speak for the person: name, relationship, how to reach them, their
    standing, and whether they know and have agreed. Blank choices stay blank: not said yet."""

    def __init__(self, speaker: Spokesperson | None = None, *, position: int = 0) -> None:
        super().__init__()
        self.speaker = speaker
        self.position = position

    @property
    def heading(self) -> str:
        if self.speaker is not None:
            return "Change who would speak for them"
        return "Who would speak for them" if self.position == 0 else "Who would step in after"

    def compose_fields(self) -> ComposeResult:
        speaker = self.speaker or Spokesperson()
        yield from form_row(
            "Name", TextBox(speaker.name, placeholder="e.g. Marcus", id="speaker-name")
        )
        yield from form_row(
            "Relationship",
            TextBox(
                speaker.relationship,
                placeholder="e.g. husband, daughter",
                id="speaker-relationship",
            ),
        )
        yield from form_row(
            "How to reach them",
            TextBox(speaker.contact, placeholder="a phone number or email", id="speaker-contact"),
        )
        yield from form_row(
            "Their standing",
            Select(
                _options(vocab.STANDINGS),
                value=speaker.standing or Select.NULL,
                prompt="Not said yet",
                id="speaker-standing",
            ),
        )
        yield from form_row(
            "Do they know?",
            Select(
                _options(vocab.AGREEMENTS),
                value=speaker.agreement or Select.NULL,
                prompt="Not said yet",
                id="speaker-agreement",
            ),
        )

    def collect(self) -> Spokesperson | None:
        name = self.query_one("#speaker-name", Input).value.strip()
        if not name:
            self.show_problem(NAME_MISSING, focus="#speaker-name")
            return None
        standing = _optional(self.query_one("#speaker-standing", Select))
        agreement = _optional(self.query_one("#speaker-agreement", Select))
        speaker = copy.deepcopy(self.speaker) if self.speaker else Spokesperson()
        speaker.name = name
        speaker.relationship = self.query_one("#speaker-relationship", Input).value.strip()
        speaker.contact = self.query_one("#speaker-contact", Input).value.strip()
        speaker.standing = vocab.one_of(standing, vocab.STANDINGS) if standing else None
        speaker.agreement = vocab.one_of(agreement, vocab.AGREEMENTS) if agreement else None
        return speaker


class DocumentEditor(FormModal[PlanningDocument]):
    """A planning document that exists: its kind, the day it was signed or last looked at (never a
    day still to come), where the original is kept and who has copies."""

    def __init__(self, today: date, document: PlanningDocument | None = None) -> None:
        super().__init__()
        self.today = today
        self.document = document

    @property
    def heading(self) -> str:
        return "Change this document" if self.document else "A document that exists"

    def compose_fields(self) -> ComposeResult:
        document = self.document or PlanningDocument()
        yield from form_row(
            "Kind",
            Select(
                _options(vocab.DOCUMENT_KINDS),
                value=document.kind,
                allow_blank=False,
                id="document-kind",
            ),
        )
        yield from form_row(
            "Its name",
            TextBox(
                document.other_kind,
                placeholder='only for "Another document"',
                id="document-other-kind",
            ),
        )
        yield from form_row(
            "The date is when it was",
            Select(
                _options(vocab.DOCUMENT_DATES),
                value=document.dated_as,
                allow_blank=False,
                id="document-dated-as",
            ),
        )
        yield from form_row(
            "Date",
            TextBox(
                day_in_words(document.dated) if document.dated else "",
                placeholder='e.g. "12 March 2025", or leave empty',
                id="document-dated",
            ),
        )
        yield from form_row(
            "Original kept",
            TextBox(
                document.kept_where,
                placeholder="e.g. the blue folder in the kitchen",
                id="document-kept",
            ),
        )
        yield from form_row(
            "Who has copies",
            TextBox(document.copies_with, placeholder="e.g. Dr Rao, Marcus", id="document-copies"),
        )

    def collect(self) -> PlanningDocument | None:
        kind = vocab.one_of(chosen(self.query_one("#document-kind", Select)), vocab.DOCUMENT_KINDS)
        other_kind = self.query_one("#document-other-kind", Input).value.strip()
        if kind == "other" and not other_kind:
            self.show_problem(OTHER_KIND_MISSING, focus="#document-other-kind")
            return None
        typed = self.query_one("#document-dated", Input).value
        try:
            dated = parse_optional_date(typed, self.today, looking("advance_care.documents.dated"))
        except InvalidDate as problem:
            self.show_problem(str(problem), focus="#document-dated")
            return None
        if dated is not None and dated > self.today:
            self.show_problem(
                f"{day_in_words(dated)} has not come yet: give the day it was signed or last "
                "looked at.",
                focus="#document-dated",
            )
            return None
        document = copy.deepcopy(self.document) if self.document else PlanningDocument()
        document.kind = kind
        document.other_kind = other_kind if kind == "other" else ""
        document.dated = dated
        document.dated_as = vocab.one_of(
            chosen(self.query_one("#document-dated-as", Select)), vocab.DOCUMENT_DATES
        )
        document.kept_where = self.query_one("#document-kept", Input).value.strip()
        document.copies_with = self.query_one("#document-copies", Input).value.strip()
        return document


class WishEditor(FormModal[CareWish]):
    """A wish for care in someone's words, whose words they are, and (if someone sees it
    differently) their view beside it. Further views from an older version are kept as they are."""

    def __init__(self, plan: CarePlan, speaker: vocab.Voice, wish: CareWish | None = None) -> None:
        super().__init__()
        self.plan = plan
        self.wish = wish
        self.voice = wish.voice if wish else speaker

    @property
    def heading(self) -> str:
        return "Change this wish" if self.wish else "What care I would want"

    def compose_fields(self) -> ComposeResult:
        wish = self.wish or CareWish(voice=self.voice)
        view = wish.other_views[0] if wish.other_views else None
        other_voice = (
            view.voice if view else ("caregiver" if self.voice != "caregiver" else "person")
        )
        yield from form_row(
            "About",
            Select(_options(vocab.WISH_KINDS), value=wish.kind, allow_blank=False, id="wish-kind"),
        )
        yield from form_row(
            "In their words",
            TextBox(wish.text, placeholder="e.g. coffee in the garden", id="wish-text"),
        )
        yield from form_row(
            "Whose words",
            Select(voice_choices(self.plan), value=self.voice, allow_blank=False, id="wish-voice"),
        )
        yield from form_row(
            "Another view",
            TextBox(
                view.text if view else "",
                placeholder="if someone sees it differently",
                id="wish-view",
            ),
        )
        yield from form_row(
            "Whose view",
            Select(
                voice_choices(self.plan), value=other_voice, allow_blank=False, id="wish-view-voice"
            ),
        )

    def collect(self) -> CareWish | None:
        text = self.query_one("#wish-text", Input).value.strip()
        if not text:
            self.show_problem(WORDS_MISSING, focus="#wish-text")
            return None
        wish = copy.deepcopy(self.wish) if self.wish else CareWish()
        wish.text = text
        wish.kind = vocab.one_of(chosen(self.query_one("#wish-kind", Select)), vocab.WISH_KINDS)
        wish.voice = vocab.one_of(chosen(self.query_one("#wish-voice", Select)), vocab.VOICES)
        view_text = self.query_one("#wish-view", Input).value.strip()
        view_voice = vocab.one_of(chosen(self.query_one("#wish-view-voice", Select)), vocab.VOICES)
        rest = wish.other_views[1:]
        wish.other_views = ([View(voice=view_voice, text=view_text)] if view_text else []) + rest
        return wish
