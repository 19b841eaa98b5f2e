"""Every section id opens its own screen."""

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
