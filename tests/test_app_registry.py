"""Every section id opens a screen, and a section whose screen is missing gets a calm stand-in."""

from __future__ import annotations

from careplan import vocab
from careplan.model import About, CarePlan
from careplan.screens import registry
from careplan.screens.section_base import SectionScreen
from careplan.store import Store
from tests.screen_host import working_plan_for


def test_every_section_has_a_screen_that_takes_the_working_plan(store: Store) -> None:
    working = working_plan_for(store, CarePlan(about=About(name="Ruth Okafor")))
    assert set(registry.SECTION_SCREENS) == set(vocab.SECTIONS)
    for section in vocab.SECTIONS:
        screen = registry.screen_for(section, working)
        assert isinstance(screen, SectionScreen)
        assert section == screen.SECTION
        assert not isinstance(screen, registry.ComingSoonScreen)


def test_a_screen_not_there_yet_is_a_calm_stand_in(store: Store, monkeypatch) -> None:
    working = working_plan_for(store, CarePlan(about=About(name="Ruth Okafor")))
    monkeypatch.setitem(
        registry.SECTION_SCREENS, "team", "careplan.screens.not_written_yet:TeamScreen"
    )
    screen = registry.screen_for("team", working)
    assert isinstance(screen, registry.ComingSoonScreen)
    assert screen.title_text == "Support team"
