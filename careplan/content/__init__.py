"""Suggested content: roles, tasks, questions, example changes, warning signs and helplines.

Every item is a suggestion written in our own plain words and carries the public page it draws
on (`Source`). None of it is medical advice; screens should show `DISCLAIMER` near it.

The JSON files ship inside this package. Nothing is read at import time: each file is read the
first time a function needs it and then cached for the life of the process. Functions return
fresh lists of frozen dataclasses, so callers may sort or filter them freely. An id we do not
know (section, area, region) gives an empty list, never an error.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from typing import Any

from careplan import vocab
from careplan.vocab import ModificationArea

__all__ = [
    "DISCLAIMER",
    "NOT_A_DOCUMENT",
    "DocumentNote",
    "StandingNote",
    "advance_care_regions",
    "document_notes",
    "standing_notes",
    "Helpline",
    "ModificationExample",
    "Source",
    "Suggestion",
    "TaskSuggestion",
    "WarningSignGroup",
    "group_signs",
    "helplines",
    "modification_examples",
    "oncologist_questions",
    "questions",
    "regions",
    "roles",
    "sign_choices",
    "tasks",
    "warning_signs",
]

DISCLAIMER = "These are suggestions to talk over with your care team, not medical advice."

# Said wherever "If I can't speak for myself" is shown: on its screen and in every export.
NOT_A_DOCUMENT = (
    "careplan records who would speak for you, which documents exist and where they are. It is not "
    "one of those documents and is not legal or medical advice: a document counts only when it is "
    "made the way your country or state requires. Your care team, a social worker, or a solicitor "
    "or lawyer can say how."
)


@dataclass(frozen=True)
class Source:
    """The public page an item draws on."""

    title: str
    url: str


@dataclass(frozen=True)
class Suggestion:
    """A role description or a question to consider. `id` is a role id or a stable question id."""

    id: str
    text: str
    source: Source


@dataclass(frozen=True)
class TaskSuggestion:
    """A kind of help someone could take on (`id` is a vocab.TASKS id)."""

    id: str
    text: str
    examples: tuple[str, ...]
    source: Source


@dataclass(frozen=True)
class ModificationExample:
    """One way an activity has been adapted: what it was `before`, what it could be `now`."""

    area: ModificationArea
    before: str
    now: str
    source: Source


@dataclass(frozen=True)
class WarningSignGroup:
    """Signs worth a call during a treatment break, and who to call."""

    id: str
    title: str
    signs: tuple[str, ...]
    who_to_call: str
    source: Source
    # Signs that apply only to someone with a central line, PICC line or port (not to someone on
    # tablets): chosen on their own, never put in with the rest of the group.
    with_a_line: tuple[str, ...] = ()


@dataclass(frozen=True)
class DocumentNote:
    """What a kind of planning document is in one region (`kind` is a vocab.DOCUMENT_KINDS id)."""

    kind: str
    text: str
    source: Source


@dataclass(frozen=True)
class StandingNote:
    """What a standing to speak for someone means in one region (a vocab.STANDINGS id)."""

    standing: str
    text: str
    source: Source


@dataclass(frozen=True)
class Helpline:
    """A public helpline. `phone` or `website` may be None, never both."""

    name: str
    helps_with: str
    phone: str | None
    website: str | None
    source: Source


# --- reading -------------------------------------------------------------------------------


@cache
def _read(name: str) -> Any:
    """Parse one of our JSON files, once."""
    text = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    return json.loads(text)


def _source(raw: dict[str, Any] | None, default: Source | None = None) -> Source:
    if raw is None:
        if default is None:
            raise ValueError("content item has no source")
        return default
    return Source(title=raw["title"], url=raw["url"])


def _suggestions(
    raw_items: list[dict[str, Any]], default: Source | None = None
) -> tuple[Suggestion, ...]:
    return tuple(
        Suggestion(id=item["id"], text=item["text"], source=_source(item.get("source"), default))
        for item in raw_items
    )


@cache
def _roles() -> tuple[Suggestion, ...]:
    return _suggestions(_read("roles.json")["roles"])


@cache
def _tasks() -> tuple[TaskSuggestion, ...]:
    return tuple(
        TaskSuggestion(
            id=item["id"],
            text=item["text"],
            examples=tuple(item.get("examples", ())),
            source=_source(item.get("source")),
        )
        for item in _read("tasks.json")["tasks"]
    )


@cache
def _questions() -> dict[str, tuple[Suggestion, ...]]:
    data = _read("questions.json")
    sections: dict[str, tuple[Suggestion, ...]] = {}
    for section_id, block in data["sections"].items():
        default = _source(block.get("source")) if block.get("source") else None
        sections[section_id] = _suggestions(block["questions"], default)
    return sections


@cache
def _oncologist_questions() -> tuple[Suggestion, ...]:
    block = _read("questions.json")["oncologist_questions"]
    default = _source(block.get("source")) if block.get("source") else None
    return _suggestions(block["questions"], default)


@cache
def _modifications() -> dict[str, tuple[ModificationExample, ...]]:
    areas: dict[str, tuple[ModificationExample, ...]] = {}
    for area, block in _read("modifications.json")["areas"].items():
        default = _source(block.get("source")) if block.get("source") else None
        areas[area] = tuple(
            ModificationExample(
                area=vocab.one_of(area, vocab.MODIFICATION_AREAS),
                before=item["before"],
                now=item["now"],
                source=_source(item.get("source"), default),
            )
            for item in block["examples"]
        )
    return areas


@cache
def _warning_signs() -> tuple[WarningSignGroup, ...]:
    return tuple(
        WarningSignGroup(
            id=group["id"],
            title=group["title"],
            signs=tuple(group["signs"]),
            who_to_call=group["who_to_call"],
            source=_source(group.get("source")),
            with_a_line=tuple(group.get("with_a_line", ())),
        )
        for group in _read("warning_signs.json")["groups"]
    )


@cache
def _helplines() -> dict[str, tuple[Helpline, ...]]:
    regions: dict[str, tuple[Helpline, ...]] = {}
    for region, items in _read("helplines.json")["regions"].items():
        regions[region] = tuple(
            Helpline(
                name=item["name"],
                helps_with=item["helps_with"],
                phone=item.get("phone") or None,
                website=item.get("website") or None,
                source=_source(item.get("source")),
            )
            for item in items
        )
    return regions


@cache
def _advance_care() -> dict[str, tuple[tuple[DocumentNote, ...], tuple[StandingNote, ...]]]:
    regions = {}
    for region, block in _read("advance_care.json")["regions"].items():
        documents = tuple(
            DocumentNote(
                kind=vocab.one_of(item["kind"], vocab.DOCUMENT_KINDS),
                text=item["text"],
                source=_source(item.get("source")),
            )
            for item in block["documents"]
        )
        standings = tuple(
            StandingNote(
                standing=vocab.one_of(item["standing"], vocab.STANDINGS),
                text=item["text"],
                source=_source(item.get("source")),
            )
            for item in block["standings"]
        )
        regions[region] = (documents, standings)
    return regions


# --- public API ----------------------------------------------------------------------------


def roles() -> list[Suggestion]:
    """One plain description per vocab.TEAM_ROLES id (all but "custom"); `id` is the role id."""
    return list(_roles())


def tasks() -> list[TaskSuggestion]:
    """One description, with examples, per vocab.TASKS id."""
    return list(_tasks())


def questions(section: str) -> list[Suggestion]:
    """Gentle questions to consider for a vocab.SECTIONS id; [] for a section we do not know."""
    if not isinstance(section, str):
        return []
    return list(_questions().get(section, ()))


def oncologist_questions() -> list[Suggestion]:
    """Questions to bring to the oncologist about a treatment break."""
    return list(_oncologist_questions())


def modification_examples(area: str) -> list[ModificationExample]:
    """Example adaptations for a vocab.MODIFICATION_AREAS id; [] for an area we do not know."""
    if not isinstance(area, str):
        return []
    return list(_modifications().get(area, ()))


def warning_signs() -> list[WarningSignGroup]:
    """Signs to watch for during a treatment break, grouped, each group saying who to call."""
    return list(_warning_signs())


LINE_WORDS = "with a central line, PICC line or port"


def sign_choices() -> list[WarningSignGroup]:
    """The groups a family picks from: each group's signs for everyone, and, as a choice of its
    own, its signs that only apply with a central line, PICC line or port."""
    choices = []
    for group in _warning_signs():
        everyone = tuple(sign for sign in group.signs if sign not in group.with_a_line)
        choices.append(replace(group, signs=everyone, with_a_line=()))
        if group.with_a_line:
            choices.append(
                replace(
                    group,
                    id=f"{group.id}_line",
                    title=f"{group.title}, {LINE_WORDS}",
                    signs=group.with_a_line,
                    with_a_line=(),
                )
            )
    return choices


def group_signs(signs: list[str]) -> list[tuple[WarningSignGroup | None, list[str]]]:
    """A plan's warning signs, each with the group it comes from, in the groups' order, and then
    (group None) the signs in the family's own words; a group none of whose signs are there is
    left out."""
    grouped: list[tuple[WarningSignGroup | None, list[str]]] = []
    placed: set[str] = set()
    for group in _warning_signs():
        mine = [sign for sign in signs if sign in group.signs and sign not in placed]
        if mine:
            grouped.append((group, mine))
            placed.update(mine)
    own = [sign for sign in signs if sign not in placed]
    if own:
        grouped.append((None, own))
    return grouped


def regions() -> list[str]:
    """Region codes that have helplines, e.g. ["US", "UK"]."""
    return list(_helplines())


def helplines(region: str) -> list[Helpline]:
    """Helplines for a region code (any case, e.g. "uk"); [] for a region we do not know."""
    if not isinstance(region, str):
        return []
    return list(_helplines().get(region.strip().upper(), ()))


def advance_care_regions() -> list[str]:
    """Region codes with notes on planning documents and standings, e.g. ["US", "UK"]."""
    return list(_advance_care())


def document_notes(region: str) -> list[DocumentNote]:
    """What each planning document is in a region (any case); [] for a region we do not know."""
    if not isinstance(region, str):
        return []
    return list(_advance_care().get(region.strip().upper(), ((), ()))[0])


def standing_notes(region: str) -> list[StandingNote]:
    """What each standing to speak for someone means in a region; [] for one we do not know."""
    if not isinstance(region, str):
        return []
    return list(_advance_care().get(region.strip().upper(), ((), ()))[1])
