"""Which screen shows which section, imported only when the section is opened (start-up stays fast)."""

from __future__ import annotations

from importlib import import_module

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from careplan import vocab
from careplan.screens.section_base import SectionScreen
from careplan.working_plan import WorkingPlan

SECTION_SCREENS: dict[str, str] = {
    "about": "careplan.screens.about:AboutScreen",
    "matters": "careplan.screens.matters:MattersScreen",
    "checkin": "careplan.screens.checkin:CheckInScreen",
    "goals": "careplan.screens.goals:GoalsScreen",
    "modifications": "careplan.screens.modifications:ModificationsScreen",
    "treatment_break": "careplan.screens.treatment_break:TreatmentBreakScreen",
    "team": "careplan.screens.team:TeamScreen",
    "review": "careplan.screens.review:ReviewScreen",
}


def screen_class(section: str) -> type[SectionScreen] | None:
    """The screen class for a section, or None while that screen is not part of careplan yet."""
    module_name, _, class_name = SECTION_SCREENS[section].partition(":")
    try:
        module = import_module(module_name)
    except ModuleNotFoundError as missing:
        if missing.name != module_name:
            raise  # the screen exists but something it imports is missing: a real bug
        return None
    return getattr(module, class_name, None)


def screen_for(section: str, working: WorkingPlan) -> SectionScreen:
    """A fresh screen for `section` (an id from careplan.vocab.SECTIONS) on the working plan."""
    if section not in SECTION_SCREENS:
        raise KeyError(f"No section called {section!r}; sections are {', '.join(SECTION_SCREENS)}")
    cls = screen_class(section)
    if cls is None:
        return ComingSoonScreen(working, section)
    return cls(working)


def is_available(section: str) -> bool:
    return screen_class(section) is not None


class ComingSoonScreen(SectionScreen):
    """Stands in for a section whose screen is not there yet, so no path ends in a crash."""

    HELP = "This part of the plan is not ready yet. Press Esc to go back; nothing is lost."

    def __init__(self, working: WorkingPlan, section: str) -> None:
        self.SECTION = section  # per instance: the title comes from the section it stands in for
        super().__init__(working)

    def compose_body(self) -> ComposeResult:
        with VerticalScroll(classes="section-body"):
            yield Static(
                f"{vocab.SECTIONS.get(self.SECTION, self.SECTION)} is coming in a later version of careplan.\n\n"
                "Everything else in the plan works as usual. Press Esc to go back.",
                classes="calm-note",
            )
