"""Which screen shows which section, imported only when the section is opened (start-up stays fast)."""

from __future__ import annotations

from importlib import import_module

from careplan.screens.section_base import SectionScreen
from careplan.working_plan import WorkingPlan

SECTION_SCREENS: dict[str, str] = {
    "about": "careplan.screens.about:AboutScreen",
    "matters": "careplan.screens.matters:MattersScreen",
    "checkin": "careplan.screens.checkin:CheckInScreen",
    "goals": "careplan.screens.goals:GoalsScreen",
    "modifications": "careplan.screens.modifications:ModificationsScreen",
    "treatment_decisions": "careplan.screens.treatment_decisions:TreatmentDecisionsScreen",
    "team": "careplan.screens.team:TeamScreen",
    "advance_care": "careplan.screens.advance_care:AdvanceCareScreen",
    "review": "careplan.screens.review:ReviewScreen",
}


def screen_class(section: str) -> type[SectionScreen]:
    """The screen class for a section, imported on first use."""
    module_name, _, class_name = SECTION_SCREENS[section].partition(":")
    screen: type[SectionScreen] = getattr(import_module(module_name), class_name)
    return screen


def screen_for(section: str, working: WorkingPlan) -> SectionScreen:
    """A fresh screen for `section` (an id from careplan.vocab.SECTIONS) on the working plan."""
    if section not in SECTION_SCREENS:
        raise KeyError(f"No section called {section!r}; sections are {', '.join(SECTION_SCREENS)}")
    return screen_class(section)(working)
