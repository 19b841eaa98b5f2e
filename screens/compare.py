"""Compare two saved versions: what changed between them, section by section, in plain words."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Markdown, Static
from textual.worker import Worker, WorkerState

from careplan.errors import CarePlanError
from careplan.screens.look_back import LookBackScreen, version_label
from careplan.screens.widgets.links import follow_link
from careplan.working_plan import WorkingPlan

LOADING = "Reading the two versions…"


class CompareScreen(LookBackScreen):
    """The differences from version `old` to version `new` (older first, whichever way they came)."""

    TITLE_TEXT = "Compare versions"
    HELP = """\
**Compare two versions.** Everything that changed from the earlier version to the later one,
part by part, in plain words. Goals that were adapted read as one step, with the reason given.

Nothing here changes the plan. Esc goes back to the history.
"""

    class Compared(Message):
        """The comparison is ready (`markdown`), or could not be made (`problem`)."""

        def __init__(self, markdown: str, problem: str = "") -> None:
            super().__init__()
            self.markdown = markdown
            self.problem = problem

    def __init__(self, working: WorkingPlan, old: int, new: int) -> None:
        super().__init__(working)
        self.old, self.new = min(old, new), max(old, new)

    def compose_body(self) -> ComposeResult:
        yield Static(self.labels_text(), id="compare-labels", markup=False)
        with VerticalScroll(id="compare-body", classes="section-body") as body:
            body.can_focus = True  # so the changes can be scrolled from the keyboard
            yield Static(LOADING, id="compare-note", markup=False)
            yield Markdown(id="compare-changes", open_links=False)

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#compare-body").focus()
        self.load_changes()

    def labels_text(self) -> str:
        plan_file = self.working.file
        try:
            old, new = plan_file.version(self.old), plan_file.version(self.new)
        except CarePlanError as error:
            return str(error)
        return f"From: {version_label(old)}\n  To: {version_label(new)}"

    @work(thread=True, exclusive=True, exit_on_error=False, group="compare")
    def load_changes(self) -> None:
        from careplan.history import compare_versions

        old, new = self.old, self.new
        try:
            found = compare_versions(self.working.file, old, new)
        except CarePlanError as error:
            self.post_message(self.Compared("", problem=str(error)))
            return
        if not found:
            self.post_message(
                self.Compared(
                    "", problem=f"Nothing changed between version {old} and version {new}."
                )
            )
            return
        self.post_message(
            self.Compared(found.markdown_list())
        )  # the labels above say from what to what

    @on(Compared)
    async def show_changes(self, event: Compared) -> None:
        note = self.query_one("#compare-note", Static)
        note.update(event.problem)
        note.display = bool(event.problem)
        await self.query_one("#compare-changes", Markdown).update(event.markdown)

    def on_markdown_link_clicked(self, event: Markdown.LinkClicked) -> None:
        event.stop()
        follow_link(event.markdown, event.href)  # typed web addresses read as links: ask first

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            self.query_one("#compare-note", Static).update(
                "These two versions could not be compared just now. The plan itself is untouched."
            )
            self.notify(
                "The comparison could not be made. Nothing in the plan has changed.",
                title="Not compared",
                severity="warning",
            )
