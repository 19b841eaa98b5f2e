"""The plan's history: every saved version, what each one changed, and how things went over time.

From here a version can be compared with another, exported, or taken as the starting point of a
new draft. History is never rewritten: starting from an old version only changes the draft, and
saving it makes a new version after all the others.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import Worker, WorkerState

from careplan import vocab
from careplan.dates import day_in_words
from careplan.errors import CarePlanError
from careplan.history import FUNCTION_LEVEL
from careplan.screens.look_back import LookBackScreen, saved_moment
from careplan.screens.widgets.trend import ScaledSparkline, scale_for
from careplan.working_plan import WorkingPlan

if TYPE_CHECKING:
    from careplan.history import VersionSummary

TWO_COLUMNS_FROM = 96  # columns; narrower, the trends go below the versions
TRENDS_SHARE = (
    0.6  # of the width, at most, for the trends beside the versions (max-width in history.tcss)
)
TREND_LABEL_WIDTH = 21  # "Shortness of breath" and a space (.trend-label in history.tcss)
TRENDS_EDGES = 5  # the trends panel's padding, border and scrollbar
MAX_LINE = 12  # sparkline cells at most
MISSING = "–"  # a version with no rating for this: shown, never guessed


def trend_label(key: str) -> str:
    return f"{vocab.FUNCTION_NAME} %" if key == FUNCTION_LEVEL else vocab.label(vocab.SYMPTOMS, key)


def trend_numbers(values: Sequence[int | None], width: int = 2) -> str:
    """ "80 70 60  – 50": every value, oldest first, each `width` wide so the rows line up."""
    return " ".join(f"{MISSING if value is None else value:>{width}}" for value in values)


def open_history(app: App, working: WorkingPlan) -> None:
    """Show the history; from a part of the plan it takes that part's place, as another part would."""
    from careplan.screens.section_base import SectionScreen

    screen = HistoryScreen(working)
    if isinstance(app.screen, SectionScreen) and getattr(app, "guide", None) is None:
        app.switch_screen(screen)
    else:
        app.push_screen(screen)


class HistoryScreen(LookBackScreen):
    TITLE_TEXT = "History"
    # Its own breakpoint, not the app's: two columns need room for the versions beside the trends.
    HORIZONTAL_BREAKPOINTS = [(0, "-one-column"), (TWO_COLUMNS_FROM, "-two-columns")]
    HELP = """\
**The plan's history.** Every saved version is listed, newest first: when it was saved, who was
at the keyboard, its note, and what changed since the version before. Beside them, how everyday
function and each symptom went from one version to the next: the numbers are what was written down
(everyday function in %, symptoms 0 = none to 10 = worst), and the bars show them on that same
scale, so a full bar is 100% or a 10 and a low score is a low bar. A long history shows its latest
versions there; every version is still listed on the left.

- Up and down to choose a version.
- Enter, Space or a click marks a version (and unmarks it). Mark two, then C (or the Compare
  button) shows what changed between them. With one marked, C compares it with the version
  you are on; with none, C compares the version you are on with the one before it.
- N starts a new draft from the chosen version. Nothing saved is changed: saving it makes a new
  version, and every earlier version stays as it was.
- E previews and exports the chosen version as a Markdown file.
- J shows the goal journeys: how each goal changed over time, and why.
"""

    BINDINGS = [
        Binding(
            "space",
            "mark",
            "Mark",
            id="history_mark",
            show=False,
            tooltip="Mark this version, or unmark it; mark two to compare them",
        ),
        Binding(
            "c",
            "compare",
            "Compare",
            id="history_compare",
            tooltip="Compare the two marked versions (or this one with the version before it)",
        ),
        Binding(
            "n",
            "start_from",
            "New draft",
            id="history_start_from",
            tooltip="Start a new draft from this version; saved versions are not changed",
        ),
        Binding(
            "e", "export", "Export", id="history_export", tooltip="Preview and export this version"
        ),
        Binding(
            "j",
            "journeys",
            "Journeys",
            id="history_journeys",
            tooltip="How each goal changed over time, and why",
        ),
    ]

    class Loaded(Message):
        """The versions and trends are read (`problem` says why not, in plain words)."""

        def __init__(
            self,
            summaries: list[VersionSummary],
            trends: dict[str, list[int | None]],
            problem: str = "",
        ) -> None:
            super().__init__()
            self.summaries = summaries
            self.trends = trends
            self.problem = problem

    def __init__(self, working: WorkingPlan) -> None:
        super().__init__(working)
        self.summaries: list[VersionSummary] = []
        self.marked: list[int] = []  # at most two, in the order they were marked
        self._loaded_latest: int | None = None
        self._trends: dict[str, list[int | None]] = {}
        self._trend_numbers: list[int] = []
        self._trend_count = self._trend_digits = 0

    # --- layout ---------------------------------------------------------------------------------

    def compose_body(self) -> ComposeResult:
        yield Static("Reading the saved versions…", id="history-status", markup=False)
        with Horizontal(id="history-columns"):
            yield OptionList(id="history-versions")
            with VerticalScroll(id="history-trends"):
                yield Static("How things went", classes="trends-title")
        with Horizontal(classes="history-buttons"):
            yield Button("Compare (C)", id="history-do-compare", compact=True)
            yield Button("New draft from this (N)", id="history-do-start-from", compact=True)
            yield Button("Export (E)", id="history-do-export", compact=True)
            yield Button("Goal journeys (J)", id="history-do-journeys", compact=True)

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#history-versions").focus()
        if self.working.read_only:
            self.query_one("#history-do-start-from").display = False
        self.load_history()

    def on_screen_resume(self) -> None:
        if self.working.file.latest != self._loaded_latest:
            self.load_history()  # a version was saved while we were away
        else:
            self.show_status()

    # --- loading -------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, exit_on_error=False, group="history")
    def load_history(self) -> None:
        from careplan.history import PlanHistory

        try:
            history = PlanHistory(self.working.file)
            summaries = history.summaries()
            trends = history.trends() if summaries else {}
        except CarePlanError as error:
            self.post_message(self.Loaded([], {}, problem=str(error)))
            return
        self.post_message(self.Loaded(summaries, trends))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR and event.worker.group == "history":
            self.query_one("#history-status", Static).update(
                "The history could not be read just now. The plan itself is untouched."
            )
            self.notify(
                "The history could not be read. Nothing in the plan has changed.",
                title="History not shown",
                severity="warning",
            )

    @on(Loaded)
    async def show_history(self, event: Loaded) -> None:
        self.summaries = list(reversed(event.summaries))  # newest first
        self._loaded_latest = self.summaries[0].number if self.summaries else None
        numbers = {summary.number for summary in self.summaries}
        self.marked = [number for number in self.marked if number in numbers]
        listing = self.query_one("#history-versions", OptionList)
        highlighted = self.chosen
        listing.set_options(self.options())
        if self.summaries:
            listing.highlighted = self.index_of(highlighted) if highlighted in numbers else 0
        await self.show_trends(event.trends, [summary.number for summary in event.summaries])
        for button in self.query(".history-buttons Button"):
            button.disabled = not self.summaries
        self.show_status(event.problem)

    def options(self) -> list[Option | None]:
        """One option per version, newest first, with a separator line (None) between them."""
        found: list[Option | None] = []
        for summary in self.summaries:
            if found:
                found.append(None)
            found.append(Option(self.prompt(summary), id=str(summary.number)))
        return found

    def prompt(self, summary: VersionSummary) -> Text:
        """Flush-left lines, so a long note still reads well when it wraps."""
        marked = summary.number in self.marked
        text = Text.assemble(
            ("[x] " if marked else "", "bold"), (f"Version {summary.number}", "bold")
        )
        if summary.session_date is not None:
            text.append(f" · session of {day_in_words(summary.session_date)}")
        # Beside the day of the conversation, the real moment it was saved (which never changes);
        # an older version, which did not keep a session day, shows only this, named as such.
        text.append(f" · saved {saved_moment(summary.saved_at)}")
        if summary.saved_by.strip():
            text.append(f" · by {' '.join(summary.saved_by.split())}")
        if marked:
            text.append("\nMarked to compare.", "italic")
        if summary.number == self.draft_source:
            text.append("\nThe unsaved draft starts from this version.", "italic")
        if summary.note.strip():
            text.append(f"\nNote: {' '.join(summary.note.split())}")
        if summary.session_way:
            text.append(f"\nSession: {summary.session_way}")
        if summary.session_notes.strip():  # the facilitator's own, not part of the note
            text.append(
                f"\nSession notes (private): {' '.join(summary.session_notes.split())}", "italic"
            )
        text.append(
            f"\nChanged: {summary.summary}"
            if self.previous(summary.number)
            else f"\n{summary.summary}"
        )
        return text

    def previous(self, number: int) -> int | None:
        earlier = [summary.number for summary in self.summaries if summary.number < number]
        return max(earlier) if earlier else None

    async def show_trends(self, trends: dict[str, list[int | None]], numbers: list[int]) -> None:
        """One row per measure: its name, a sparkline, and the value at each version, under a row
        of version numbers so each value can be read against the version it was recorded in.
        A long history shows its latest versions, as many as fit beside the names."""
        self._trends, self._trend_numbers = trends, numbers
        panel = self.query_one("#history-trends", VerticalScroll)
        await panel.query(".trend-row, .trend-caption").remove()
        shown = {
            key: values
            for key, values in trends.items()
            if any(value is not None for value in values)
        }
        if not numbers:
            return
        if not shown:
            await panel.mount(
                Static("No check-ins recorded yet.", classes="trend-caption", markup=False)
            )
            return
        width = max(
            len(str(item))
            for item in [
                *numbers,
                *(v for values in shown.values() for v in values if v is not None),  # a gap: "–"
            ]
        )
        count = self.trends_that_fit(width, len(numbers))
        self._trend_count, self._trend_digits = count, width
        numbers, shown = numbers[-count:], {key: values[-count:] for key, values in shown.items()}
        line_width = min(max(count, 2), MAX_LINE)
        caption = (
            f"{vocab.FUNCTION_NAME} in % (higher is better); symptoms from 0 (none) to 10 (worst)."
        )
        if count < len(self._trend_numbers):
            caption = f"The latest {count} of {len(self._trend_numbers)} versions. " + caption
        rows: list[Static | Horizontal] = [
            Static(caption, classes="trend-caption", markup=False),
            self.trend_row(
                "trend-versions",
                "Version",
                Static("", classes="trend-line"),
                trend_numbers(numbers, width),
                line_width,
            ),
        ]
        for key, values in shown.items():
            line = ScaledSparkline(
                values, scale=scale_for(key), classes="trend-line"
            )  # a gap where not rated
            rows.append(
                self.trend_row(
                    f"trend-{key}", trend_label(key), line, trend_numbers(values, width), line_width
                )
            )
        await panel.mount_all(rows)

    def trends_that_fit(self, width: int, total: int) -> int:
        """How many versions' numbers fit beside the names at this screen size (at least 3)."""
        screen_width = self.size.width or self.app.size.width
        two_columns = screen_width >= TWO_COLUMNS_FROM
        room = int(screen_width * TRENDS_SHARE) if two_columns else screen_width
        room -= TREND_LABEL_WIDTH + min(total, MAX_LINE) + 1 + TRENDS_EDGES
        return max(3, min(total, (room + 1) // (width + 1)))

    async def on_resize(self) -> None:
        if (
            self._trend_numbers
            and self.trends_that_fit(self._trend_digits, len(self._trend_numbers))
            != self._trend_count
        ):
            await self.show_trends(self._trends, self._trend_numbers)

    @staticmethod
    def trend_row(
        row_id: str, label: str, line: Static | ScaledSparkline, numbers: str, line_width: int
    ) -> Horizontal:
        line.styles.width = line_width
        return Horizontal(
            Static(label, classes="trend-label", markup=False),
            line,
            Static(numbers, classes="trend-numbers", markup=False),
            classes="trend-row",
            id=row_id,
        )

    def show_status(self, problem: str = "") -> None:
        self.query_one("#history-status", Static).update(problem or self.status_text())

    def status_text(self) -> str:
        if not self.summaries:
            return "No saved versions yet. Saving (Ctrl+S) makes the first one; it will be listed here."
        count = len(self.summaries)
        lines = [f"{count} saved version{'s' if count != 1 else ''}, newest first."]
        if len(self.marked) == 2:
            first, second = sorted(self.marked)
            lines.append(f"Versions {first} and {second} are marked: C compares them.")
        elif self.marked:
            lines.append(
                f"Version {self.marked[0]} is marked: mark another (Enter), then C to compare."
            )
        else:
            lines.append("To compare two versions, mark each with Enter, then press C.")
        return " ".join(lines)

    # --- which version ------------------------------------------------------------------------

    @property
    def chosen(self) -> int | None:
        """The highlighted version's number."""
        listing = self.query_one("#history-versions", OptionList)
        option = listing.highlighted_option
        return int(option.id) if option is not None and option.id else None

    @property
    def draft_source(self) -> int | None:
        """The version the unsaved changes started from (None when there are none)."""
        working = self.working
        if not working.has_changes:
            return None
        return working.restored_from or working.base_number

    def index_of(self, number: int | None) -> int:
        return next(
            (index for index, summary in enumerate(self.summaries) if summary.number == number), 0
        )

    def redraw(self) -> None:
        listing = self.query_one("#history-versions", OptionList)
        for summary in self.summaries:
            listing.replace_option_prompt(str(summary.number), self.prompt(summary))
        self.show_status()

    # --- marking and comparing ----------------------------------------------------------------

    @on(OptionList.OptionSelected, "#history-versions")
    def action_mark(self) -> None:
        """Mark the chosen version, or unmark it; a third mark lets go of the first."""
        number = self.chosen
        if number is None:
            return
        if number in self.marked:
            self.marked.remove(number)
        else:
            self.marked = [*self.marked, number][-2:]
        self.redraw()

    @on(Button.Pressed, "#history-do-compare")
    def action_compare(self) -> None:
        number = self.chosen
        if number is None:
            return
        picked = self.marked if len(self.marked) == 2 else sorted({*self.marked, number})
        if len(picked) == 2:
            self.marked = []
            self.redraw()
            self.compare(*picked)
            return
        earlier = [summary.number for summary in self.summaries if summary.number < number]
        if not earlier:
            self.notify(
                f"Version {number} is the first one. Mark another version (Enter) to compare it with.",
                title="Nothing before it",
            )
            return
        self.compare(max(earlier), number)

    def compare(self, one: int, other: int) -> None:
        from careplan.screens.compare import CompareScreen

        self.app.push_screen(CompareScreen(self.working, one, other))

    # --- exporting and journeys ---------------------------------------------------------------

    @on(Button.Pressed, "#history-do-export")
    def action_export(self) -> None:
        from careplan.screens.export import ExportScreen

        if self.chosen is not None:
            self.app.push_screen(ExportScreen(self.working, self.chosen))

    @on(Button.Pressed, "#history-do-journeys")
    def action_journeys(self) -> None:
        from careplan.screens.journeys import JourneysScreen

        if self.chosen is not None:
            self.app.push_screen(JourneysScreen(self.working, self.chosen))

    # --- a new draft from an old version ------------------------------------------------------

    @on(Button.Pressed, "#history-do-start-from")
    def action_start_from(self) -> None:
        from careplan.screens.open_parts import wait_for_parts_underneath
        from careplan.screens.widgets.confirm import ConfirmScreen

        number, working = self.chosen, self.working
        if number is None:
            return
        if working.read_only:
            self.notify(
                "This window can only read the plan; close the other careplan window first.",
                title="Read only",
            )
            return
        if wait_for_parts_underneath(self, "start from an older version"):
            return
        if number == working.base_number and not working.has_changes:
            self.notify(
                f"The plan is already as it was saved in version {number}.", title="Nothing to do"
            )
            return
        if not working.has_changes:
            self.start_from(number)
            return
        self.app.push_screen(
            ConfirmScreen(
                f"Start a new draft from version {number}?",
                f"There are changes not saved as a version yet. Starting from version {number} replaces "
                f"them with version {number}'s content.\n\nEvery saved version stays exactly as it is.",
                yes=f"Start from version {number}",
                no="No, keep my changes",
            ),
            callback=lambda go_ahead: self.start_from(number) if go_ahead else None,
        )

    def start_from(self, number: int) -> None:
        try:
            self.working.start_from(number)
        except CarePlanError as error:
            self.notify(str(error), title="The draft was not changed", severity="warning")
            return
        latest = self.working.file.latest or 0
        self.redraw()
        self.notify(
            f"The draft now holds version {number}'s content. Nothing is saved yet: Review and save "
            f"(Ctrl+S) makes it version {latest + 1}, and every earlier version stays as it is. "
            f"Changed your mind? Discard changes, also in Review and save, goes back to version {latest}.",
            title=f"Starting from version {number}",
            timeout=10,
        )
