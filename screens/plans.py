"""The caseload: every plan in the data folder, found by typing, opened with Enter or a click."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, cast

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, DataTable, Footer, Header, Input, Static
from textual.worker import Worker, WorkerState

from careplan import caseload, locations
from careplan.caseload import Order
from careplan.dates import short_day
from careplan.display import shown_name
from careplan.errors import CarePlanError, DamagedFile
from careplan.screens import clock
from careplan.screens.wording import plain
from careplan.store import PlanFile, PlanSummary, Store

if TYPE_CHECKING:
    from careplan.screens.app import CarePlanApp
    from careplan.working_plan import WorkingPlan

WELCOME = (
    "Welcome to careplan.\n\n"
    "Here a person living with a serious illness and the people who care for them can write down, "
    "together, how they want to live: what matters most, goals, changes to daily life, decisions "
    "about treatment, who on the support team does what, and who would speak for the person if they "
    "could not.\n\n"
    "There are no plans here yet. Press N (or the button below) to start one; all it needs is a name. "
    "Everything stays on this computer, and every word typed is kept as you go."
)


def short_date(value: date) -> str:
    return f"{value:%a} {value.day} {value:%b %Y}"


def table_date(value: date) -> str:
    """Short enough for a table at 80 columns: "3 Dec 2026"."""
    return short_day(value)


def saved_when(value: datetime | None, in_table: bool = False) -> str:
    if value is None:
        return "not saved yet"
    return table_date(value.date()) if in_table else f"{short_date(value.date())}, {value:%H:%M}"


def review_text(value: date | None, today: date, in_table: bool = False) -> str:
    """Next review, with overdue ones marked in words so colour is never the only sign."""
    when = table_date if in_table else short_date
    if value is None:
        return "none set"
    if value < today:
        # Two lines in the table, so the columns fit at 80; the row grows to hold them.
        return f"! overdue\n{when(value)}" if in_table else f"! overdue since {when(value)}"
    if value == today:
        return "today"
    return when(value)


class PlansScreen(Screen[None]):
    title_text = "All plans"  # what F1's help is titled
    # The list has the focus from the start (not the find box, then the list once loaded), so the
    # footer's keys are composed once instead of again when the plans arrive.
    AUTO_FOCUS = "#plan-table"
    # No -narrow/-wide classes here: no rule of this screen uses them, and setting them on the first
    # resize would style every widget of the screen a second time before it is first drawn.
    HORIZONTAL_BREAKPOINTS: list[tuple[int, str]] | None = []  # typed as Textual declares it
    HELP = """\
**All plans.** Each line is one person's plan: when it was last saved, how many versions it has,
and when it is next due a look ("overdue" when that date has passed). "* unsaved" means it has
changes kept as a draft that are not yet saved as a version.

The list is in order of next review, the longest overdue first; the line above it says how many
are overdue or due this week. Ctrl+O changes the order: next review, name, last saved.

- Just type to find a plan: by the person's name, the name they are called by, a caregiver's
  name or their reference. Esc in the box clears it.
- Enter (or a second click) opens the highlighted plan.
- Ctrl+N starts a new plan (N too, when there are none yet).
- Ctrl+W closes the highlighted plan (the person died, was discharged or moved away), or
  reopens a closed one. Nothing is deleted: a closed plan is kept, read only.
- Ctrl+T shows closed plans too, or hides them again.
"""

    BINDINGS = [
        Binding(
            "ctrl+n", "new_plan", "New plan", id="new_plan", tooltip="Start a plan for someone new"
        ),
        # N as well while the caseload is empty (the welcome says so); with plans listed, a
        # letter typed is the start of a name to find (see on_key).
        Binding("n", "new_plan", "New plan", id="new_plan_n", show=False),
        Binding("slash", "find", "Find", id="find_plan", show=False, tooltip="Type to find a plan"),
        Binding(
            "ctrl+o",
            "next_order",
            "Order",
            id="plans_order",
            tooltip="List by next review, by name, or by last saved",
        ),
        Binding(
            "ctrl+w",
            "close_or_reopen",
            "Close",
            id="plans_close",
            tooltip="Close the highlighted plan (nothing is deleted), or reopen a closed one",
        ),
        Binding(
            "ctrl+t",
            "toggle_closed",
            "Closed",
            id="plans_closed",
            tooltip="Show closed plans too, or hide them",
        ),
        Binding(
            "ctrl+q",
            "app.quit",
            "Quit",
            id="plans_quit",
            priority=True,
            tooltip="Close careplan; everything typed is kept",
        ),
    ]

    class Loaded(Message):
        def __init__(self, summaries: list[PlanSummary], problem: str = "") -> None:
            super().__init__()
            self.summaries = summaries
            self.problem = problem

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.summaries: list[PlanSummary] = []
        self.order: Order = "review"
        self.show_closed = False
        self._first_load = True

    @property
    def careplan(self) -> CarePlanApp:
        return cast("CarePlanApp", self.app)

    @property
    def today(self) -> date:
        return clock.today(self.app)

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="plans-body"):
            yield Static(WELCOME, id="welcome", markup=False)
            yield Input(
                placeholder="Find a plan: just type a name, a caregiver or a reference",
                id="plan-filter",
                select_on_focus=False,
            )
            yield Static("", id="plan-due", markup=False)
            yield DataTable(id="plan-table", cursor_type="row", zebra_stripes=False)
            yield Static("", id="plan-detail", markup=False)
            with Horizontal(classes="button-row"):
                yield Button("Open", id="open-plan", variant="primary")
                yield Button("New plan (Ctrl+N)", id="new-plan")
                yield Button("Close plan (Ctrl+W)", id="close-plan")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "All plans"
        table = self.query_one(DataTable)
        table.add_column(plain("Person"), key="person")
        table.add_column(plain("Last saved"), key="saved")
        table.add_column(plain("Versions"), key="versions")
        table.add_column(plain("Next review"), key="review")
        table.add_column(plain("Notes"), key="notes")
        self.query_one("#welcome").display = False
        self.load_plans()

    def on_screen_resume(self) -> None:
        if not self._first_load:
            self.load_plans()  # back from a plan: its summary may have changed

    # --- loading ------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, exit_on_error=False, group="plans")
    def load_plans(self) -> None:
        try:
            self.post_message(self.Loaded(self.store.list_plans()))
        except CarePlanError as error:
            self.post_message(self.Loaded([], problem=str(error)))

    @on(Worker.StateChanged)
    def loading_failed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "plans" and event.state == WorkerState.ERROR:
            self.query_one("#plan-detail", Static).update(
                "The list of plans could not be read just now. Nothing has been changed; "
                "press Ctrl+Q and start careplan again."
            )

    @on(Loaded)
    def show_plans(self, event: Loaded) -> None:
        self.summaries = event.summaries
        empty = not self.summaries
        self.query_one("#welcome").display = empty
        for widget in ("#plan-filter", "#plan-due", "#plan-table", "#open-plan", "#close-plan"):
            self.query_one(widget).display = not empty
        self.fill_table()
        if event.problem:
            self.query_one("#plan-detail", Static).update(event.problem)
        first_load, self._first_load = self._first_load, False
        openable = [
            summary for summary in self.summaries if not summary.problem and not summary.closed
        ]
        if first_load and len(self.summaries) == 1 and len(openable) == 1:
            self.open_plan(openable[0].id)  # one plan: straight into it
        elif empty:
            self.query_one("#new-plan", Button).focus()
        else:
            self.query_one(DataTable).focus()

    def fill_table(self) -> None:
        table = self.query_one(DataTable)
        wanted = self.query_one("#plan-filter", Input).value.strip()
        highlighted = self.highlighted_id()
        table.clear()
        listed = caseload.sorted_plans(
            caseload.open_plans(self.summaries, include_closed=self.show_closed),
            self.order,
            self.today,
        )
        names = [shown_name(summary.person) for summary in self.summaries]
        for summary in listed:
            if not caseload.matches(summary, wanted):
                continue
            table.add_row(
                plain(self.person_cell(summary, names)),  # as typed: "Sam [/]" is not markup
                plain(saved_when(summary.last_saved, in_table=True) if not summary.problem else ""),
                plain(str(summary.versions) if not summary.problem else ""),
                plain(
                    review_text(summary.next_review, self.today, in_table=True)
                    if not summary.problem and not summary.closed
                    else ""  # a closed plan is due no review
                ),
                plain(self.notes(summary)),
                key=summary.id,
                height=None,  # as many lines as its cells hold
            )
        if highlighted is not None and highlighted in table.rows:
            table.move_cursor(row=table.get_row_index(highlighted))
        self.query_one("#plan-due", Static).update(self.due_text())
        if not table.row_count and self.summaries and not wanted:
            self.query_one("#plan-detail", Static).update(
                "Every plan here is closed. Ctrl+T shows closed plans."
            )
        elif not table.row_count and self.summaries:
            self.query_one("#plan-detail", Static).update(
                f'No plan matches "{wanted}". Clear the box to see them all.'
            )
        else:
            self.show_detail()

    def person_cell(self, summary: PlanSummary, names: list[str]) -> str:
        """The person, told apart from anyone of the same name by their date of birth and
        reference (careplan.people), and by the plan's id when even those are the same."""
        person = shown_name(summary.person)  # as history and `careplan list` find it
        if not person:
            return summary.id
        # What tells them apart on a line of its own, so the columns still fit at 80.
        cell = f"{person}\n{summary.told_apart}" if summary.told_apart else person
        twins = [
            other
            for other in self.summaries
            if shown_name(other.person) == person and other.told_apart == summary.told_apart
        ]
        if names.count(person) > 1 and len(twins) > 1:
            cell += f" ({summary.id})"
        return cell

    def due_text(self) -> str:
        """Which order the list is in, what is due, and whether closed plans are left out."""
        line = f"In order of {caseload.ORDERS[self.order]} (Ctrl+O changes it). "
        line += caseload.due_line(self.summaries, self.today)
        closed = len(self.summaries) - len(caseload.open_plans(self.summaries))
        if closed:
            line += (
                f" Closed plans shown ({closed}); Ctrl+T hides them."
                if self.show_closed
                else f" {closed} closed not shown; Ctrl+T shows them."
            )
        return line

    def notes(self, summary: PlanSummary) -> str:
        """A few letters, so the column still reads at 80 columns; the line below says it all."""
        if summary.problem:
            return "can't be read"
        if summary.closed:
            return "closed"
        return "* unsaved" if summary.has_draft else ""

    def highlighted_id(self) -> str | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        return cast(str, table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def summary(self, plan_id: str | None) -> PlanSummary | None:
        return next((summary for summary in self.summaries if summary.id == plan_id), None)

    @on(DataTable.RowHighlighted)
    def show_detail(self) -> None:
        summary = self.summary(self.highlighted_id())
        detail = ""
        if summary and summary.problem:
            detail = f"{shown_name(summary.person) or summary.id}: {summary.problem}"
        elif summary:
            parts = [
                f"Last saved {saved_when(summary.last_saved)}."
                if summary.versions
                else "Not saved yet."
            ]
            if summary.closed:
                parts.append(
                    f"Closed: {summary.closed.in_words}. It opens read only; Ctrl+W reopens it."
                )
            if summary.versions and summary.has_draft:
                parts.append(
                    "* unsaved: it has changes kept as a draft, not yet saved as a version."
                )
            detail = " ".join([*parts, "Enter or click again to open."])
        self.query_one("#plan-detail", Static).update(detail)
        closed = summary is not None and summary.closed is not None
        self.query_one("#close-plan", Button).label = (
            "Reopen plan (Ctrl+W)" if closed else "Close plan (Ctrl+W)"
        )

    # --- finding, starting, opening -------------------------------------------------------------

    @on(Input.Changed, "#plan-filter")
    def filter_plans(self) -> None:
        self.fill_table()

    @on(Input.Submitted, "#plan-filter")
    def open_first_match(self) -> None:
        if self.query_one(DataTable).row_count:
            self.action_open()

    def action_find(self) -> None:
        self.query_one("#plan-filter", Input).focus()

    def on_key(self, event: events.Key) -> None:
        """Typing finds a plan at once: a letter typed in the list goes into the find box, which
        keeps the focus so the next letters follow it. In the box, Up and Down go back to the
        list and Esc empties the box."""
        table = self.query_one(DataTable)
        box = self.query_one("#plan-filter", Input)
        if self.focused is table and table.display:
            if event.is_printable and event.character and event.character != "/":
                event.stop()
                event.prevent_default()
                box.focus()
                box.insert_text_at_cursor(event.character)
        elif self.focused is box:
            if event.key in ("down", "up") and table.row_count:
                event.stop()
                event.prevent_default()
                table.focus()  # on the first plan found
            elif event.key == "escape" and box.value:
                event.stop()
                event.prevent_default()
                box.value = ""
                table.focus()

    def action_next_order(self) -> None:
        self.order = caseload.next_order(self.order)
        self.fill_table()

    def action_toggle_closed(self) -> None:
        self.show_closed = not self.show_closed
        self.fill_table()

    @on(Button.Pressed, "#close-plan")
    def action_close_or_reopen(self) -> None:
        from careplan.screens.closing import ask_to_close_or_reopen

        summary = self.summary(self.highlighted_id())
        if summary is None or summary.problem:
            return
        ask_to_close_or_reopen(self, summary)

    @on(DataTable.RowSelected)
    @on(Button.Pressed, "#open-plan")
    def action_open(self) -> None:
        plan_id = self.highlighted_id()
        if plan_id is not None:
            self.open_plan(plan_id)

    @on(Button.Pressed, "#new-plan")
    def action_new_plan(self) -> None:
        from careplan.screens.new_plan import NewPlanScreen

        self.app.push_screen(NewPlanScreen(), callback=self.create_plan)

    def create_plan(self, name: str | None) -> None:
        """Start the plan, unless the name is already in the caseload: then say so first and
        offer the plan that is there (two people may share a name, so another can be started)."""
        if not name:
            return
        same = caseload.same_name(self.summaries, name)
        if not same:
            self.start_plan(name)
            return
        from careplan.screens.widgets.confirm import ChoiceScreen

        listed = "\n".join(f"- {caseload.tell_apart(summary)}" for summary in same)
        one = len(same) == 1
        answers = [
            ("Open it" if one else "Show them", "open"),
            ("Start another plan", "new"),
            ("Not now", "cancel"),
        ]

        def decided(answer: str | None) -> None:
            if answer == "new":
                self.start_plan(name)
            elif answer == "open" and one:
                self.open_plan(same[0].id)
            elif answer == "open":
                self.query_one("#plan-filter", Input).value = shown_name(name)
                self.query_one(DataTable).focus()

        self.app.push_screen(
            ChoiceScreen(
                f"There is already a plan for {shown_name(name)}",
                answers,
                safe="cancel",
                detail=f"{listed}\n\nIf this is someone else of the same name, start another plan; "
                "their date of birth or reference (in About us) will tell the two apart.",
            ),
            callback=decided,
        )

    def start_plan(self, name: str) -> None:
        from careplan.model import About, CarePlan
        from careplan.working_plan import WorkingPlan

        try:
            working = WorkingPlan(self.store.create_plan(CarePlan(about=About(name=name))))
        except CarePlanError as error:
            self.notify(str(error), title="The plan was not started", severity="warning")
            return
        self._first_load = False
        self.careplan.show_plan(working)

    def open_plan(self, plan_id: str) -> None:
        """Open for changes if we can, read only if another window has it; explain either way."""
        summary = self.summary(plan_id)
        if summary and summary.problem:
            self.notify(
                summary.problem, title="This plan can't be opened", severity="warning", timeout=10
            )
            return
        try:
            if summary and summary.closed:
                plan_file = self.store.open_plan(plan_id, write=False)  # kept as it is
            else:
                plan_file = self.store.open_plan(plan_id, read_only_if_busy=True)
        except CarePlanError as error:
            self.notify(
                str(error), title="This plan can't be opened", severity="warning", timeout=10
            )
            self.load_plans()
            return
        self.open_plan_file(plan_file)

    def open_plan_file(self, plan_file: PlanFile) -> None:
        """Show an opened plan with its draft (or, if the draft can't be read, offer the saved
        version). Also how a read-only window takes the plan once the other one lets it go."""
        from careplan.working_plan import WorkingPlan

        try:
            working = WorkingPlan(plan_file)
        except DamagedFile as damaged:
            if damaged.path == locations.draft_file(plan_file.root, plan_file.id):
                self.offer_saved_version(plan_file, damaged)
                return
            # A saved version is damaged, not the draft: the draft stays where it is, and the
            # message says what to do (the backups kept before each save).
            self.cannot_open(plan_file, damaged, timeout=20)
            return
        except CarePlanError as error:
            self.cannot_open(plan_file, error)
            return
        except BaseException:
            plan_file.close()  # whatever went wrong, the plan is not left locked
            raise
        self.show(working)

    def cannot_open(self, plan_file: PlanFile, error: CarePlanError, timeout: float = 10) -> None:
        """Let the plan go (its lock with it) and say why it could not be opened."""
        plan_file.close()
        self.notify(
            str(error), title="This plan can't be opened", severity="warning", timeout=timeout
        )

    def saved_version(self, plan_file: PlanFile) -> WorkingPlan | None:
        """The last saved version without the draft, or None after closing the file (so its lock
        is let go) and saying why."""
        from careplan.working_plan import WorkingPlan

        try:
            return WorkingPlan(plan_file, use_draft=False)
        except CarePlanError as error:
            self.cannot_open(plan_file, error, timeout=20)
            return None
        except BaseException:
            plan_file.close()
            raise

    def offer_saved_version(self, plan_file: PlanFile, damaged: DamagedFile) -> None:
        """The draft cannot be read: offer the last saved version; the draft's bytes are kept."""
        from careplan.screens.widgets.confirm import ConfirmScreen

        if plan_file.read_only:
            working = self.saved_version(plan_file)
            if working is not None:
                self.show(working)
            return
        saved = f"version {plan_file.latest}" if plan_file.latest else "the plan as it was started"

        def decided(start_again: bool | None) -> None:
            if not start_again:
                plan_file.close()
                return
            try:
                kept_at = plan_file.set_aside_draft()
            except CarePlanError as error:
                self.cannot_open(plan_file, error)
                return
            except BaseException:
                plan_file.close()
                raise
            working = self.saved_version(plan_file)
            if working is None:
                return
            if not working.plan.about.name:
                working.plan.about.name = plan_file.person  # a plan never saved keeps its name
            self.notify(
                f"The unreadable draft was kept, unchanged, at {kept_at}.",
                title="Started again",
                timeout=10,
            )
            self.show(working)

        self.app.push_screen(
            ConfirmScreen(
                "The unsaved changes could not be read",
                f"{damaged.why[:1].upper()}{damaged.why[1:]}.\n\nThe saved plan is fine. Start again from {saved}? "
                "The unreadable draft is moved to a backups folder, exactly as it is, not deleted.",
                yes=f"Start from {saved}",
                no="Not now",
            ),
            callback=decided,
        )

    def show(self, working: WorkingPlan) -> None:
        self._first_load = False
        self.careplan.show_plan(
            working
        )  # first: it knows whether a draft was typed in this sitting
        closed = working.file.closed
        if closed is not None:
            self.notify(
                f"This plan was closed ({closed.in_words}). It is kept as it was and shown read "
                "only; to go on with it, reopen it from all plans (Ctrl+W).",
                title="Closed",
                timeout=10,
            )
        elif working.read_only:
            self.notify(
                "This plan is open for changes in another careplan window. Everything is shown here "
                "read only; once that window is closed, Ctrl+E makes changes possible here.",
                title="Read only",
                timeout=10,
            )
        if working.recovered:
            self.notify(
                "What you typed last time has been kept. Save it, or discard it, in Review and save.",
                title="Your unsaved changes are here",
                timeout=10,
            )
