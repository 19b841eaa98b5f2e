"""The careplan app: the caseload first, one plan open at a time, keys that work everywhere.

Kept small on purpose: screens do the work; the app holds the open plan (and closes it, releasing
its lock, when the plan is left or the app quits), routes app-wide keys and messages, and
registers our commands. Imported lazily by the CLI, so `careplan list` never loads Textual.
"""

from __future__ import annotations

import gc
from datetime import date
from typing import TYPE_CHECKING

from textual import on
from textual.app import App, SystemCommand
from textual.binding import Binding

from careplan.screens.commands import CarePlanCommands
from careplan.screens.messages import PlanSaved, SpeakerChanged
from careplan.screens.terminal_text import keep_controls_off_the_terminal
from careplan.store import Store
from careplan.styles import stylesheet

if TYPE_CHECKING:
    from collections.abc import Iterable

    from textual import events
    from textual.notifications import SeverityLevel
    from textual.screen import Screen
    from textual.theme import Theme

    from careplan.screens.guided import GuidedSession
    from careplan.working_plan import WorkingPlan


def _spare_long_lived_objects_from_collection() -> None:
    """Leave everything alive when the app is made out of the garbage collector's full scans.

    What exists by then (modules, classes, functions: careplan's, Textual's, Rich's) lives as long
    as the process, yet a full collection scans it all: drawing the first screen made one come
    due, and it took ~35 ms of a ~400 ms start-up, every typed key risking the same pause later.
    gc.freeze() is meant for this ("to speed up collection", its documentation says). Once per
    process, so tests that make many apps do not freeze each other's leftovers.
    """
    if gc.get_freeze_count() == 0:
        gc.freeze()


NOTICE_LIMIT = (
    600  # characters: a dozen lines of a notice, longer than any message careplan writes itself
)


def shortened(message: str, limit: int = NOTICE_LIMIT) -> str:
    """`message` as it is, or, when longer than `limit`, its start and end around " … "."""
    if len(message) <= limit:
        return message
    tail = limit // 3
    return f"{message[: limit - tail - 3].rstrip()} … {message[-tail:].lstrip()}"


class CarePlanApp(App[None]):
    TITLE = "careplan"
    CSS_PATH = [stylesheet("app.tcss"), stylesheet("forms.tcss")]  # the others: by their screens
    COMMANDS = App.COMMANDS | {CarePlanCommands}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]  # narrow: questions go below the form

    BINDINGS = [
        # F1 and F2 are priority keys so they work in dialogs too (a modal hides ordinary app keys).
        Binding(
            "f1",
            "help",
            "Help",
            id="help",
            priority=True,
            tooltip="What this screen is for, and its keys",
        ),
        Binding(
            "f2",
            "next_speaker",
            "Who's speaking",
            id="next_speaker",
            show=False,
            priority=True,
            tooltip="Change who is speaking now: the person, caregiver, or together",
        ),
        Binding(
            "ctrl+s",
            "save",
            "Save",
            id="save",
            tooltip="Review the changes and save them as a new version",
        ),
        # Read only: a priority key, as a read-only TextArea would take Ctrl+E (end of line) first.
        Binding(
            "ctrl+e",
            "try_changes",
            "Make changes",
            id="try_changes",
            priority=True,
            tooltip="Read only: try again to make changes here, once the other careplan window is closed",
        ),
        # F3-F5 and F8: keys no Textual widget uses (a TextArea takes F6 and F7). Not in the
        # footer: the guided session's own strip shows them, as buttons.
        Binding(
            "f3",
            "guide('back')",
            "Back a step",
            id="guide_back",
            show=False,
            tooltip="Guided session: the step before",
        ),
        Binding(
            "f4",
            "guide('skip')",
            "Skip",
            id="guide_skip",
            show=False,
            tooltip="Guided session: leave this step for now",
        ),
        Binding(
            "f5",
            "guide('next')",
            "Next step",
            id="guide_next",
            show=False,
            tooltip="Guided session: on to the next step",
        ),
        Binding(
            "f8",
            "guide('panel')",
            "Notes",
            id="guide_panel",
            show=False,
            tooltip="Guided session: show or hide the questions and the session notes",
        ),
    ]

    def __init__(self, store: Store, today: date | None = None) -> None:
        _spare_long_lived_objects_from_collection()
        keep_controls_off_the_terminal()  # stored text never drives the terminal
        super().__init__()
        from careplan.screens.themes import use_kept_theme

        use_kept_theme(self)  # careplan's own few, the one chosen last time on
        self.store = store
        self._today = today  # fixed in snapshot tests, so "overdue" does not depend on the clock
        self.working: WorkingPlan | None = None
        self.guide: GuidedSession | None = None
        from careplan.screens.stray_keys import StrayKeys

        self._stray_keys = StrayKeys()  # a letter typed where no text goes is answered
        self._drafted_here: set[str] = (
            set()
        )  # plans whose draft this run wrote: not "from last time"

    @property
    def today(self) -> date:
        return self._today or date.today()

    @property
    def available_themes(self) -> dict[str, Theme]:
        """careplan's own themes, with plain names, rather than Textual's developer list."""
        from careplan.screens.themes import THEMES

        every = super().available_themes
        ours = {name: theme for name, theme in every.items() if name in THEMES}
        return ours or every  # Textual's own until __init__ has registered ours

    def on_mount(self) -> None:
        self.set_class(self.no_color, "-no-color")  # styles/app.tcss marks focus without colour
        self.theme_changed_signal.subscribe(self, self._keep_theme)
        from careplan.screens.hangup import keep_drafts_on_hangup

        keep_drafts_on_hangup(self)  # a closed terminal keeps the last words typed

    def _keep_theme(self, theme: Theme) -> None:
        from careplan.screens.themes import keep_theme

        keep_theme(self, theme.name)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's own palette commands, cut to the one a person here needs, in plain words
        (its Screenshot, Keys and Maximize mean nothing to a family planning together). Changing
        the colours is careplan's own command (screens/commands.py), found by more words."""
        yield SystemCommand(
            "Quit careplan",
            "Everything typed is kept; saved versions are untouched",
            self.action_quit,
        )

    def _load_screen_css(self, screen: Screen) -> None:
        """Read the sheets a screen names in its CSS_PATH, the first time one of its kind is shown.

        Textual's own version parses every stylesheet again from scratch for each new sheet, some
        30-40 ms whenever a section is first opened; here only the new sheet is parsed (the others
        come from the stylesheet's cache), as Textual does when a new kind of widget brings its
        CSS. Inline screen CSS and the CSS watcher of `textual run --dev` go Textual's way.
        """
        new = [path for path in screen.css_path if not self.stylesheet.has_source(str(path), "")]
        if not new or screen.CSS or self.css_monitor is not None:
            super()._load_screen_css(screen)
            return
        for path in new:
            self.stylesheet.read(path)
        self.stylesheet.parse()
        self.stylesheet.update(self)

    def get_default_screen(self) -> Screen:
        from careplan.screens.plans import PlansScreen

        return PlansScreen(self.store)

    # --- the open plan --------------------------------------------------------------------------

    def show_plan(self, working: WorkingPlan) -> None:
        """Make `working` the open plan and show its home; leaving home closes it."""
        from careplan.screens.plan_home import PlanHomeScreen

        self.close_plan()
        if working.file.id in self._drafted_here:
            working.recovered = False  # typed earlier in this sitting, not kept from last time
        self.working = working
        self.push_screen(PlanHomeScreen(working), callback=lambda _: self.close_plan())

    def close_plan(self) -> None:
        """Write anything still waiting, then let the plan go (its lock with it)."""
        if self.working is None:
            return
        from careplan.screens.draft_keeper import keep_before_closing

        working = self.working
        if keep_before_closing(self, working):
            self._drafted_here.add(working.file.id)
        self.working, self.guide = None, None
        working.file.close()  # waits for a save still running, so the lock is let go after it

    def open_section(self, section: str) -> None:
        """Show a section of the open plan: from a section, the new one takes its place."""
        from careplan.screens import registry
        from careplan.screens.section_base import SectionScreen

        if self.working is None:
            return
        screen = registry.screen_for(section, self.working)
        if isinstance(self.screen, SectionScreen) and self.guide is None:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def on_unmount(self) -> None:
        self.close_plan()

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notification is plain text, whatever the caller asked: they carry names, goals and
        error messages as typed, and "Sam [/]" must read as that, not as markup (or a crash). A
        very long one (a goal of a thousand words, achieved) loses its middle, not its end, which
        says what to do next: the whole text is on the screen behind it."""
        super().notify(
            shortened(message), title=title, severity=severity, timeout=timeout, markup=False
        )

    # --- app-wide keys ------------------------------------------------------------------------

    async def on_event(self, event: events.Event) -> None:
        from textual import events

        if isinstance(event, events.Key) and not event.is_forwarded:
            self._stray_keys.arrived(self, event)  # before any binding changes the screen
        await super().on_event(event)

    def on_key(self, event: events.Key) -> None:
        """A key no field or binding took: a list's type-ahead, or a word on where to type."""
        self._stray_keys.heard(self, event)

    async def action_quit(self) -> None:
        """Ctrl+Q (a priority key, so it works even in an editor) and the palette's Quit: first
        ask about words an open editor holds, write typing still waiting, and ask if the draft
        cannot be written (careplan.screens.leaving)."""
        from careplan.screens.leaving import quit_safely

        quit_safely(self)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "save":  # hidden while read only: nothing can be saved from this window
            return self.working is not None and not self.working.read_only
        if action == "try_changes":
            return self.working is not None and self.working.read_only and not self.screen.is_modal
        if action in ("next_speaker", "export"):
            return self.working is not None
        if action == "guide":
            return self.guide is not None
        return True

    def action_help(self) -> None:
        from careplan.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss(None)  # F1 again closes it
        else:
            self.push_screen(HelpScreen.for_screen(self.screen))

    def action_next_speaker(self) -> None:
        if self.working is not None:
            self.screen.post_message(SpeakerChanged(self.working.next_speaker()))

    def action_save(self) -> None:
        from careplan.screens.review import ReviewScreen

        if isinstance(self.screen, ReviewScreen):
            self.screen.action_save()
        elif self.working is not None:
            self.open_section("review")

    def action_try_changes(self) -> None:
        from careplan.screens.read_only import try_again_for_changes

        try_again_for_changes(self)

    def action_guide(self, move: str) -> None:
        if self.guide is not None:
            self.guide.move(move)

    def start_guided_session(self) -> None:
        from careplan.screens.guided import GuidedSession

        if self.guide is not None:
            self.notify("A guided session is already going: F5 moves it on, Esc pauses it.")
        elif self.working is not None and self.working.file.closed is not None:
            self.notify(
                "This plan is closed, so it is kept as it is. Reopen it from all plans (Ctrl+W) "
                "to go on with it.",
                title="Closed",
            )
        elif self.working is not None and self.working.read_only:
            self.notify(
                "A guided session changes the plan, so it can start once this window can make "
                "changes: close the other careplan window, then Ctrl+E.",
                title="Read only",
            )
        elif self.working is not None:
            self.guide = GuidedSession(self, self.working)
            self.guide.start()

    @on(SpeakerChanged)
    def show_speaker(self, event: SpeakerChanged) -> None:
        from careplan.screens.widgets.speaker import SpeakerBar

        for screen in self.screen_stack:  # a dialog may be open over the screen showing the bar
            for bar in screen.query(SpeakerBar):
                bar.refresh_speaker()

    @on(PlanSaved)
    def plan_saved(self, event: PlanSaved) -> None:
        if self.guide is not None:
            self.guide.saved()

    # --- export: preview first, then write (careplan.screens.export) ----------------------------

    def action_export(self) -> None:
        from careplan.screens.export import open_export

        if self.working is not None:
            open_export(self, self.working)
