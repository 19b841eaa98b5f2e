"""Export a saved version as a Markdown snapshot: see it first, choose where it goes, then write it.

The file is written whole or not at all (safe_files.atomic_write), owner-only (0600), in the
exports folder unless another place is typed. A problem (a folder that cannot be written, a full
disk) is said plainly; nothing in the plan is touched either way.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Button, Input, Label, MarkdownViewer, Static
from textual.worker import Worker, WorkerState

from careplan import locations
from careplan.errors import CarePlanError, UnknownHome
from careplan.screens.look_back import LookBackScreen, version_label
from careplan.working_plan import WorkingPlan

PREPARING = "Preparing the preview…"
NOT_SAVED_YET = "Save a version first (Ctrl+S): a snapshot is made from a saved version."


def open_export(app: App, working: WorkingPlan, number: int | None = None) -> None:
    """Preview and export version `number` (the latest saved by default)."""
    number = number if number is not None else working.file.latest
    if number is None:
        app.notify(NOT_SAVED_YET, title="Nothing to export yet")
        return
    app.push_screen(ExportScreen(working, number))


def export_path(typed: str, exports_folder: Path, default_name: str) -> Path:
    """Where a typed name points: a bare name goes in the exports folder, "~" is the home folder,
    a folder gets the default name inside it, and ".md" is added when there is no ending.

    CarePlanError when "~name" names a home folder this computer does not have.
    """
    try:
        path = locations.typed_path(typed.strip())
    except UnknownHome as unknown:
        raise CarePlanError(
            f"{unknown.home} is not a home folder on this computer. Change the name in the box."
        ) from None
    if not path.is_absolute():
        path = exports_folder / path
    if _is_there(path, Path.is_dir):
        return path / default_name
    if not path.suffix:
        path = path.with_name(path.name + ".md")
    return path


def _is_there(path: Path, check: Callable[[Path], bool] = Path.exists) -> bool:
    """exists() or is_dir(), False when the system cannot say (a name too long, a folder we may
    not look in): writing there then says plainly what is wrong."""
    try:
        return check(path)
    except OSError:
        return False


class ExportScreen(LookBackScreen):
    TITLE_TEXT = "Export a snapshot"
    HELP = """\
**Export a snapshot.** The chosen saved version as one Markdown document, to read on screen,
print or share. What is shown here is exactly what will be written.

- Change the file name or folder in the box if you like; a bare name goes in careplan's
  exports folder.
- Enter in the box, the Write button or Ctrl+O writes the file. If a file with that name is
  already there, you are asked before it is replaced.
- Ctrl+T shows or hides the list of headings beside the preview.
- The file is only readable by you on this computer. Nothing in the plan changes.
"""

    BINDINGS = [
        Binding(
            "ctrl+o",
            "write",
            "Write the file",
            id="export_write",
            tooltip="Write the snapshot to the file named below",
        ),
        Binding(
            "ctrl+t",
            "contents",
            "Headings",
            id="export_contents",
            tooltip="Show or hide the list of headings beside the preview",
        ),
    ]

    class Rendered(Message):
        def __init__(self, markdown: str, problem: str = "") -> None:
            super().__init__()
            self.markdown = markdown
            self.problem = problem

    class Written(Message):
        """The worker is done: `path` was written, or `problem` says why not."""

        def __init__(self, path: Path, problem: str = "") -> None:
            super().__init__()
            self.path = path
            self.problem = problem

    def __init__(self, working: WorkingPlan, number: int) -> None:
        super().__init__(working)
        self.number = number
        self.snapshot: str | None = None
        self.said = PREPARING  # what the line under the file name says now
        self.exports_folder = locations.exports_dir(working.file.root)

    @property
    def default_name(self) -> str:
        from careplan.markdown_export import default_export_name

        return default_export_name(self.working.file, self.number)

    def compose_body(self) -> ComposeResult:
        yield Static(self.about_text(), id="export-about", markup=False)
        viewer = MarkdownViewer(show_table_of_contents=False, open_links=False, id="export-preview")
        viewer.can_focus = True  # so the preview scrolls from the keyboard too
        yield viewer
        yield Label("Save it as", classes="field-label", id="export-path-label")
        with Horizontal(id="export-path-row"):
            yield Input(
                str(self.exports_folder / self.default_name),
                id="export-path",
                select_on_focus=False,
                placeholder="a file name, e.g. " + self.default_name,
            )
            yield Button("Write the file", id="export-write", variant="primary")
        yield Static(PREPARING, id="export-result", markup=False)

    def about_text(self) -> str:
        working = self.working
        try:
            label = version_label(working.file.version(self.number))
        except CarePlanError as error:
            return str(error)
        text = f"A snapshot of {label[0].lower()}{label[1:]}."
        if working.has_changes and self.number == working.file.latest:
            text += (
                " Changes not saved yet are not in it: save them first (Ctrl+S) to include them."
            )
        return text

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#export-write", Button).focus()
        self.render_preview()

    # --- the preview ------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, exit_on_error=False, group="export-preview")
    def render_preview(self) -> None:
        from careplan.markdown_export import render_snapshot

        try:
            self.post_message(self.Rendered(render_snapshot(self.working.file, self.number)))
        except CarePlanError as error:
            self.post_message(self.Rendered("", problem=str(error)))

    @on(Rendered)
    async def show_preview(self, event: Rendered) -> None:
        if event.problem:
            self.say(f"This version could not be made into a snapshot: {event.problem}")
            return
        self.snapshot = event.markdown
        await self.query_one(MarkdownViewer).document.update(event.markdown)
        if self.said == PREPARING:  # leave a write's result, if one came first
            self.say("")

    def action_contents(self) -> None:
        viewer = self.query_one(MarkdownViewer)
        viewer.show_table_of_contents = not viewer.show_table_of_contents

    # --- writing ----------------------------------------------------------------------------------

    @on(Button.Pressed, "#export-write")
    @on(Input.Submitted, "#export-path")
    def action_write(self) -> None:
        typed = self.query_one("#export-path", Input).value
        if not typed.strip():
            self.say(f"Type a name for the file first, for example {self.default_name}")
            self.query_one("#export-path", Input).focus()
            return
        try:
            path = export_path(typed, self.exports_folder, self.default_name)
        except CarePlanError as problem:
            self.say(f"Nothing was written. {problem}")
            self.query_one("#export-path", Input).focus()
            return
        if _is_there(path):
            from careplan.screens.widgets.confirm import ConfirmScreen

            self.app.push_screen(
                ConfirmScreen(
                    "Replace the file that is there?",
                    f"There is already a file at {path}. Writing the snapshot replaces it.",
                    yes="Replace it",
                    no="No, keep it",
                ),
                callback=lambda replace: (
                    self.start_writing(path)
                    if replace
                    else self.say("Nothing was written. Change the name in the box to keep both.")
                ),
            )
            return
        self.start_writing(path)

    def start_writing(self, path: Path) -> None:
        self.query_one("#export-write", Button).disabled = True
        self.say("Writing…")
        self.write_snapshot(path)

    @work(thread=True, exclusive=True, exit_on_error=False, group="export-write")
    def write_snapshot(self, path: Path) -> None:
        from careplan.markdown_export import render_snapshot
        from careplan.safe_files import atomic_write

        try:
            text = (
                self.snapshot
                if self.snapshot is not None
                else render_snapshot(self.working.file, self.number)
            )
            atomic_write(path, text.encode("utf-8"))
        except CarePlanError as error:
            self.post_message(self.Written(path, problem=str(error)))
            return
        self.post_message(self.Written(path))

    @on(Written)
    def written(self, event: Written) -> None:
        self.query_one("#export-write", Button).disabled = False
        if event.problem:
            self.say(f"Not written. {event.problem}")
            self.notify(
                "The snapshot was not written; the plan is untouched.",
                title="Not written",
                severity="warning",
                timeout=8,
            )
            return
        self.say(f"Written to {event.path}. Esc goes back.")
        self.notify(
            f"Version {self.number} written to {event.path}", title="Snapshot ready", timeout=10
        )

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state != WorkerState.ERROR:
            return
        self.query_one("#export-write", Button).disabled = False
        self.say(
            "Something went wrong making the snapshot; nothing was written and the plan is untouched."
        )
        self.notify(
            "The snapshot was not made. Nothing in the plan has changed.",
            title="Not exported",
            severity="warning",
        )

    def say(self, text: str) -> None:
        self.said = text
        self.query_one("#export-result", Static).update(text)
