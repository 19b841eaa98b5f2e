"""A plan's home: every part at a glance, when it last changed, and where to go next."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, cast

from rich.table import Table
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from careplan import overview, vocab
from careplan.checkins import asked_nothing
from careplan.dates import day_in_words
from careplan.people import plan_title
from careplan.screens import clock
from careplan.screens.plans import review_text, saved_when, short_date
from careplan.screens.session_day import SessionDayEditor, session_of
from careplan.screens.widgets.speaker import SpeakerBar
from careplan.working_plan import WorkingPlan

if TYPE_CHECKING:
    from careplan.screens.app import CarePlanApp

GUIDED = "guided"


def keyed(key: str, text: Text) -> Table:
    """A key beside its text, the text wrapping under itself rather than under the key."""
    grid = Table.grid(padding=(0, 2, 0, 0))
    grid.add_column(width=1, style="bold")
    grid.add_column(ratio=1)
    grid.add_row(key, text)
    return grid


def guided_label(working: WorkingPlan) -> str:
    from careplan.screens.guided import STEPS, paused_step

    step = paused_step(working)
    if step is not None:
        title = vocab.SECTIONS[STEPS[step]]
        return f"Resume the guided session: step {step + 1} of {len(STEPS)}, {title}"
    return "Start a guided session: go through the plan together, one part at a time"


class PlanHomeScreen(Screen[None]):
    title_text = "The plan's home"  # what F1's help is titled
    AUTO_FOCUS = "#home-sections"  # the parts, not the read-only note's button above them
    HELP = """\
**The plan's home.** Each part of the plan is listed with what is in it and the version it last
changed in. "changed since version 3, not saved yet" means there is typing kept in the draft that
is not yet a saved version.

- Up and down to choose a part, Enter or a click to open it, or press its number (1 to 8).
- G starts (or resumes) a guided session that goes through every part in turn.
- H shows the history: every saved version, what changed, and how things went over time.
- E previews the last saved version as a Markdown snapshot and writes it to a file.
- D sets the day of this conversation (typing up yesterday's visit): new goals, changes and ends
  take that day unless given another.
- Ctrl+S reviews and saves; Esc goes back to all plans (nothing typed is lost).
"""

    BINDINGS = [
        Binding(
            "escape",
            "back",
            "All plans",
            id="home_back",
            tooltip="Back to all plans; nothing typed is lost",
        ),
        Binding(
            "g",
            "guided",
            "Guided",
            id="home_guided",
            tooltip="Go through the plan one part at a time",
        ),
        Binding(
            "h",
            "history",
            "History",
            id="home_history",
            tooltip="Every saved version, what changed, and how things went over time",
        ),
        Binding(
            "e",
            "export",
            "Export",
            id="home_export",
            tooltip="Preview the last saved version and write it to a file",
        ),
        Binding(
            "d",
            "session_day",
            "Session day",
            id="home_session_day",
            show=False,
            tooltip="The day of this conversation, which new goals and changes take",
        ),
        *[
            Binding(
                str(number),
                f"open('{section}')",
                title,
                id=f"home_open_{section}",
                show=False,
                tooltip=f"Open {title}",
            )
            for number, (section, title) in enumerate(vocab.SECTIONS.items(), start=1)
        ],
    ]

    class Histories(Message):
        def __init__(self, changed_in: dict[str, int | None]) -> None:
            super().__init__()
            self.changed_in = changed_in

    def __init__(self, working: WorkingPlan) -> None:
        super().__init__()
        self.working = working
        self.changed_in: dict[str, int | None] = {}

    @property
    def careplan(self) -> CarePlanApp:
        return cast("CarePlanApp", self.app)

    @property
    def today(self) -> date:
        return clock.today(self.app)

    def compose(self) -> ComposeResult:
        yield Header()
        yield SpeakerBar(self.working)
        if self.working.read_only:
            from careplan.screens.read_only import ReadOnlyNote

            yield ReadOnlyNote()
        yield Static(self.status_text(), id="home-status", markup=False)
        yield OptionList(*self.options(), id="home-sections")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = plan_title(self.working.plan.about, self.working.file.person)
        self.load_histories()

    def on_screen_resume(self) -> None:
        self.refresh_view()

    def refresh_view(self) -> None:
        self.sub_title = plan_title(self.working.plan.about, self.working.file.person)
        self.query_one("#home-status", Static).update(self.status_text())
        listing = self.query_one(OptionList)
        highlighted = listing.highlighted
        listing.clear_options()
        listing.add_options(self.options())
        listing.highlighted = highlighted if highlighted is not None else 0
        for bar in self.query(SpeakerBar):
            bar.refresh_speaker()

    # --- what is shown ------------------------------------------------------------------------

    def status_text(self) -> str:
        working, lines = self.working, []
        if working.base_number is None:
            lines.append("Not saved as a version yet.")
        else:
            info = working.file.version(working.base_number)
            by = f" by {info.saved_by}" if info.saved_by else ""
            lines.append(f"Version {info.number}, saved {saved_when(info.saved_at)}{by}.")
        lines.append(f"Next review: {review_text(working.plan.next_review, self.today)}.")
        if not working.read_only:
            lines.append(
                f"{session_of(working.session_day(self.today), self.today)} (D to change)."
            )
        if working.has_changes and not working.read_only:
            lines.append(
                "Changes not saved yet are kept safe as a draft. Ctrl+S to review and save them."
            )
        lines.append(f"Where next: {self.where_next()}")
        return "\n".join(lines)

    def where_next(self) -> str:
        """One gentle suggestion, so a tired person never has to work out where to start."""
        working = self.working
        if working.read_only:
            return "look through any part; once the other window is closed, Ctrl+E makes changes possible here."
        if working.extra.guided_step is not None:
            return "carry on with the guided session (G)."
        empty = overview.not_started(working.plan)
        if empty:
            number = list(vocab.SECTIONS).index(empty[0]) + 1
            if empty[0] == "checkin" and self.checkin_asked_before:
                title = vocab.SECTIONS["checkin"]
                return f"{title} is not asked yet this time (press {number}), or G to go through it all."
            return f"{vocab.SECTIONS[empty[0]]} has nothing in it yet (press {number}), or G to go through it all."
        if working.has_changes:
            return "review and save the changes (Ctrl+S)."
        review = working.plan.next_review
        if review is not None and review <= self.today:
            return "the plan is due a review: G goes through it together, one part at a time."
        return "every part that needs something has it; open any part to add to it or change it."

    @property
    def checkin_asked_before(self) -> bool:
        """This version's check-in is not asked yet, and the saved version has one."""
        working = self.working
        return asked_nothing(working.plan.checkin) and not asked_nothing(working.base.checkin)

    def options(self) -> list[Option | None]:
        """The guided session first, a separator (None), then the eight parts in order."""
        guided = "A guided session changes the plan, so it can start once this window can make changes (Ctrl+E)"
        label = guided if self.working.read_only else guided_label(self.working)
        found: list[Option | None] = [Option(keyed("G", Text(label)), id=GUIDED), None]
        for number, (section, title) in enumerate(vocab.SECTIONS.items(), start=1):
            found.append(Option(self.section_prompt(number, section, title), id=section))
        return found

    def section_prompt(self, number: int, section: str, title: str) -> Table:
        details = self.section_details(section)
        return keyed(
            str(number), Text(title, style="bold") + (Text("\n" + details) if details else Text())
        )

    def section_details(self, section: str) -> str:
        working = self.working
        if section == "review":
            if working.read_only:
                return "read only: nothing can be saved from this window"
            return "changes waiting to be saved" if working.has_changes else "nothing new to save"
        parts = [overview.section_summary(working.plan, section)]
        if section == "checkin" and self.checkin_asked_before and working.base_number is not None:
            # each version's check-in starts empty; last time's is beside it, never copied in
            last = overview.section_summary(working.base, section)
            day = short_date(working.file.version(working.base_number).session_day)
            return f"not asked yet this time · last time ({day}): {last}"
        number = self.changed_in.get(section)
        if working.unsaved(section):
            since = (
                f" since version {working.base_number}" if working.base_number is not None else ""
            )
            parts.append(f"* changed{since}, not saved yet")
        elif number is not None:
            saved_at = working.file.version(number).saved_at
            parts.append(f"last changed in version {number} ({short_date(saved_at.date())})")
        return " · ".join(part for part in parts if part)

    # --- the versions behind "last changed" ------------------------------------------------------

    @work(thread=True, exclusive=True, exit_on_error=False, group="home-history")
    def load_histories(self) -> None:
        self.post_message(self.Histories(overview.last_changed(self.working.file)))

    @on(Histories)
    def show_histories(self, event: Histories) -> None:
        self.changed_in = event.changed_in
        self.refresh_view()

    # --- going places ---------------------------------------------------------------------------

    @on(OptionList.OptionSelected, "#home-sections")
    def chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option_id == GUIDED:
            self.action_guided()
        elif event.option_id:
            self.action_open(event.option_id)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "guided":
            return not self.working.read_only  # a session changes the plan: hidden while read only
        return True

    def action_open(self, section: str) -> None:
        self.careplan.open_section(section)

    def action_guided(self) -> None:
        self.careplan.start_guided_session()

    def action_history(self) -> None:
        from careplan.screens.history import open_history

        open_history(self.app, self.working)

    def action_session_day(self) -> None:
        if self.working.read_only:
            return
        editor = SessionDayEditor(self.working.session_day(self.today), self.today)
        self.app.push_screen(editor, self._session_day_chosen)

    def _session_day_chosen(self, day: date | None) -> None:
        if day is None:
            return
        working = self.working
        working.set_session_day(day, self.today)  # the editor took only today or earlier
        # Review and save shows the same day in its field
        working.extra.review_session_day = "" if day == self.today else day_in_words(day)
        working.keep_draft()
        self.refresh_view()

    def action_export(self) -> None:
        from careplan.screens.export import open_export

        open_export(self.app, self.working)

    def action_back(self) -> None:
        if self.working.has_changes and not self.working.read_only:
            self.notify(
                "Your changes are kept as a draft; they will be here next time.",
                title="Nothing lost",
            )
        self.dismiss(None)
