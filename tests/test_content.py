"""Suggested content: every file loads, every item is sourced, every vocab id that needs words has them."""

from __future__ import annotations

import dataclasses
import importlib
import importlib.resources
import json
import sys
from urllib.parse import urlparse

import pytest

import careplan
from careplan import content, vocab

CONTENT_FILES = [
    "roles.json",
    "tasks.json",
    "questions.json",
    "modifications.json",
    "warning_signs.json",
    "helplines.json",
]


def _every_item():
    """(label, item) for every item the loader can hand out."""
    for item in content.roles():
        yield f"role {item.id}", item
    for item in content.tasks():
        yield f"task {item.id}", item
    for section in vocab.SECTIONS:
        for item in content.questions(section):
            yield f"question {item.id}", item
    for item in content.oncologist_questions():
        yield f"oncologist question {item.id}", item
    for area in vocab.MODIFICATION_AREAS:
        for item in content.modification_examples(area):
            yield f"modification {area}: {item.before}", item
    for item in content.warning_signs():
        yield f"warning signs {item.id}", item
    for region in content.regions():
        for item in content.helplines(region):
            yield f"helpline {region}: {item.name}", item


def _is_web_url(url: str) -> bool:
    parts = urlparse(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


@pytest.mark.parametrize("name", CONTENT_FILES)
def test_every_file_ships_as_valid_json(name):
    text = importlib.resources.files("careplan.content").joinpath(name).read_text(encoding="utf-8")
    assert isinstance(json.loads(text), dict)


def test_every_loader_returns_items():
    assert content.roles()
    assert content.tasks()
    assert content.oncologist_questions()
    assert content.warning_signs()
    assert content.regions()
    for section in vocab.SECTIONS:
        assert content.questions(section), section
    for area in vocab.MODIFICATION_AREAS:
        assert content.modification_examples(area), area
    for region in content.regions():
        assert content.helplines(region), region


def test_every_item_has_a_source_with_a_title_and_web_address():
    labels = []
    for label, item in _every_item():
        labels.append(label)
        assert isinstance(item.source, content.Source), label
        assert item.source.title.strip(), label
        assert _is_web_url(item.source.url), (label, item.source.url)
    assert len(labels) > 50


def test_every_item_has_words():
    for label, item in _every_item():
        if isinstance(item, (content.Suggestion, content.TaskSuggestion)):
            assert item.id.strip() and item.text.strip(), label
        if isinstance(item, content.TaskSuggestion):
            assert item.examples and all(e.strip() for e in item.examples), label
        if isinstance(item, content.ModificationExample):
            assert item.before.strip() and item.now.strip(), label
            assert item.before != item.now, label
        if isinstance(item, content.WarningSignGroup):
            assert item.id.strip() and item.title.strip(), label
            assert item.signs and all(s.strip() for s in item.signs), label
        if isinstance(item, content.Helpline):
            assert item.name.strip() and item.helps_with.strip(), label
            assert item.phone or item.website, label
            if item.website:
                assert _is_web_url(item.website), label


def test_every_role_except_custom_is_described_once():
    ids = [item.id for item in content.roles()]
    assert len(ids) == len(set(ids))
    assert set(ids) == set(vocab.TEAM_ROLES) - {"custom"}


def test_every_task_is_described_once():
    ids = [item.id for item in content.tasks()]
    assert len(ids) == len(set(ids))
    assert set(ids) == set(vocab.TASKS)


def test_every_section_has_four_to_eight_questions():
    for section in vocab.SECTIONS:
        assert 4 <= len(content.questions(section)) <= 8, section


def test_question_ids_are_unique_across_sections():
    ids = [q.id for s in vocab.SECTIONS for q in content.questions(s)]
    ids += [q.id for q in content.oncologist_questions()]
    assert len(ids) == len(set(ids))


def test_there_are_no_questions_for_sections_vocab_does_not_know():
    assert set(content._questions()) == set(vocab.SECTIONS)


def test_oncologist_questions_cover_what_a_break_means_and_getting_back():
    texts = " ".join(q.text.lower() for q in content.oncologist_questions())
    assert "break" in texts
    assert "watch for" in texts
    assert "start again" in texts


def test_every_area_has_two_to_four_examples_tagged_with_it():
    for area in vocab.MODIFICATION_AREAS:
        examples = content.modification_examples(area)
        assert 2 <= len(examples) <= 4, area
        assert all(e.area == area for e in examples), area


def test_warning_signs_include_the_groups_a_break_needs():
    groups = {g.id: g for g in content.warning_signs()}
    assert {
        "blood_clot",
        "high_calcium",
        "infection",
        "spinal_cord",
        "bleeding",
        "breathlessness",
    } <= set(groups)


def test_warning_signs_only_ever_say_who_to_call():
    for group in content.warning_signs():
        assert "the number your care team gave you for urgent problems" in group.who_to_call, (
            group.id
        )
        assert "emergency services" in group.who_to_call, group.id


def test_helplines_cover_us_and_uk():
    assert {"US", "UK"} <= set(content.regions())
    uk = {h.name for h in content.helplines("UK")}
    us = {h.name for h in content.helplines("US")}
    assert {"Macmillan Support Line", "Marie Curie Support Line", "Samaritans"} <= uk
    assert "988 Suicide & Crisis Lifeline" in us


def test_region_codes_are_case_insensitive():
    assert content.helplines("uk") == content.helplines("UK")
    assert content.helplines(" us ") == content.helplines("US")


@pytest.mark.parametrize("bad", ["", "nope", "ABOUT", "custom", None, ["about"]])
def test_unknown_ids_give_empty_lists_not_errors(bad):
    assert content.questions(bad) == []
    assert content.modification_examples(bad) == []
    assert content.helplines(bad) == []


def test_items_are_frozen_and_returned_lists_are_copies():
    roles = content.roles()
    with pytest.raises(dataclasses.FrozenInstanceError):
        roles[0].text = "changed"  # type: ignore[misc]
    roles.clear()
    assert content.roles()
    about = content.questions("about")
    about.append(about[0])
    assert len(content.questions("about")) == len(about) - 1


def test_disclaimer_is_one_calm_sentence():
    assert content.DISCLAIMER.endswith(".")
    assert content.DISCLAIMER.count(".") == 1
    assert "not medical advice" in content.DISCLAIMER
    assert "care team" in content.DISCLAIMER


def test_importing_reads_no_file(monkeypatch):
    """A fresh import of careplan.content must not touch package data."""
    opened = []
    real_files = importlib.resources.files

    def spying_files(*args, **kwargs):
        opened.append(args)
        return real_files(*args, **kwargs)

    monkeypatch.setattr(importlib.resources, "files", spying_files)
    # Import a fresh copy; monkeypatch puts the original module back afterwards.
    monkeypatch.delitem(sys.modules, "careplan.content")
    monkeypatch.setattr(careplan, "content", content)
    fresh = importlib.import_module("careplan.content")
    assert fresh is not content

    assert opened == []
    assert fresh._read.cache_info().currsize == 0

    fresh.roles()  # the spy does see a real read, so the check above means something
    assert opened
    assert fresh._read.cache_info().currsize == 1


def test_no_ui_or_storage_libraries_are_pulled_in():
    source = (
        importlib.resources.files("careplan.content")
        .joinpath("__init__.py")
        .read_text(encoding="utf-8")
    )
    assert "textual" not in source
    assert "tinydb" not in source
