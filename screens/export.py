"""Export a saved version: choose what to make (a Markdown snapshot, a page to print, the one-page
summary, FHIR for the care team's system, calendar dates, careplan's own JSON) and for whom, see it
first, choose where it goes, then write it. The last choice is remembered (careplan.preferences).

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
from textual.widgets import Button, Checkbox, Input, Label, Markdown, MarkdownViewer, Select, Static
from textual.worker import Worker, WorkerState

from careplan import exports, locations, preferences, vocab
from careplan.errors import CarePlanError, UnknownHome
from careplan.screens.look_back import LookBackScreen, version_label
from careplan.screens.widgets.links import follow_link
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


def export_path(
    typed: str, exports_folder: Path, default_name: str, extension: str = ".md"
) -> Path:
    """Where a typed name points: a bare name goes in the exports folder, "~" is the home folder,
    a folder gets the default name inside it, and `extension` is added when there is no ending.

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
        path = path.with_name(path.name + extension)
    return path


def _is_there(path: Path, check: Callable[[Path], bool] = Path.exists) -> bool:
    """exists() or is_dir(), False when the system cannot say (a name too long, a folder we may
    not look in): writing there then says plainly what is wrong."""
    try:
        return check(path)
    except OSError:
        return False


class PreviewViewer(MarkdownViewer):
    """The snapshot's preview, whose links ask before opening (screens.widgets.links)."""

    def on_markdown_link_clicked(self, message: Markdown.LinkClicked) -> None:
        message.prevent_default()  # not MarkdownViewer's own handler, which reads it as a file
        message.stop()
        follow_link(self.document, message.href)


class ExportScreen(LookBackScreen):
    TITLE_TEXT = "Export"
    HELP = """\
**Export.** The chosen saved version, as you choose:

- **Markdown snapshot**: the whole plan as one document, to read, share or keep.
- **A page to print (HTML)**: the same plan as one page that opens in a web browser to print on
  A4 or US Letter; after writing it you are asked whether to open it there.
- **One-page summary**: "If you are called to help", for the fridge or the hospital bag.
- **For the family** or **for the care team**: the care team's adds the check-in scores with their
  scales, who speaks for the person, where the documents are and the first point of contact.
- **FHIR** for the care team's system, **calendar dates** (iCalendar), or **careplan's own JSON**
  to import again.

The preview shows what will be written (for a page, the page's words). The choice is remembered
for next time.

- Change the file name or folder in the box if you like; a bare name goes in careplan's
  exports folder.
- Enter in the box, the Write button or Ctrl+O writes the file. If a file with that name is
  already there, you are asked before it is replaced.
- Ctrl+T shows or hides the list of headings beside the preview.
- A web link in the preview asks before it opens in your web browser.
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
        """The preview (Markdown to show), the text a write would put in the file, and the choice
        they were made for (a choice changed meanwhile makes its own)."""

        def __init__(
            self,
            markdown: str,
            problem: str = "",
            written: str = "",
            choice: exports.ExportChoice | None = None,
        ) -> None:
            super().__init__()
            self.markdown = markdown
            self.problem = problem
            self.written = written
            self.choice = choice

    class Written(Message):
        """The worker is done: `path` was written, or `problem` says why not."""

        def __init__(self, path: Path, problem: str = "") -> None:
            super().__init__()
            self.path = path
            self.problem = problem

    def __init__(self, working: WorkingPlan, number: int) -> None:
        super().__init__(working)
        self.number = number
        self.choice = preferences.last_export(working.file.root)
        self.snapshot: str | None = None
        self.said = PREPARING  # what the line under the file name says now
        self.exports_folder = locations.exports_dir(working.file.root)

    @property
    def default_name(self) -> str:
        return exports.file_name(self.working.file, self.number, self.choice)

    def compose_body(self) -> ComposeResult:
        yield Static(self.about_text(), id="export-about", markup=False)
        with Horizontal(id="export-choices"):
            yield Select(
                [(label, key) for key, label in exports.FORMATS.items()],
                value=self.choice.format,
                allow_blank=False,
                id="export-format",
                compact=True,  # one line each, so the preview has the height at 80x24
            )
            yield Select(
                [(label, key) for key, label in exports.AUDIENCES.items()],
                value=self.choice.audience,
                allow_blank=False,
                id="export-audience",
                compact=True,
            )
            yield Checkbox(
                "One-page summary", self.choice.summary, id="export-summary", compact=True
            )
        viewer = PreviewViewer(show_table_of_contents=False, open_links=False, id="export-preview")
        viewer.can_focus = True  # so the preview scrolls from the keyboard too
        yield viewer
        yield Label("Save it as", classes="field-label", id="export-path-label")
        with Horizontal(id="export-path-row"):
            yield Input(
                str(self.exports_folder / self.default_name),
                id="export-path",
                select_on_focus=False,
                placeholder="a file name, e.g. " + self.default_name,
                compact=True,
            )
            yield Button("Write the file", id="export-write", variant="primary", compact=True)
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
        self.show_choices()
        self.query_one("#export-write", Button).focus()
        self.render_preview()

    # --- what to make -----------------------------------------------------------------------------

    def show_choices(self) -> None:
        """A summary and two audiences are for pages; other formats have neither."""
        page = self.choice.format in exports.PAGES
        self.query_one("#export-summary", Checkbox).display = page
        self.query_one("#export-audience", Select).display = page and not self.choice.summary

    @on(Select.Changed, "#export-format, #export-audience")
    @on(Checkbox.Changed, "#export-summary")
    def choice_changed(self) -> None:
        chosen_format = self.query_one("#export-format", Select).value
        chosen_audience = self.query_one("#export-audience", Select).value
        format_name = vocab.choice_or(chosen_format, exports.FORMATS, "markdown")
        summary = self.query_one("#export-summary", Checkbox).value and format_name in exports.PAGES
        choice = exports.ExportChoice(
            format=format_name,
            audience=vocab.choice_or(chosen_audience, exports.AUDIENCES, "family"),
            summary=summary,
        )
        if choice == self.choice:
            return
        path_box = self.query_one("#export-path", Input)
        old_default = str(self.exports_folder / self.default_name)
        self.choice = choice
        if path_box.value == old_default:  # still careplan's suggestion: follow the new choice
            path_box.value = str(self.exports_folder / self.default_name)
        self.show_choices()
        self.snapshot = None
        self.say(PREPARING)
        self.render_preview()

    # --- the preview ------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, exit_on_error=False, group="export-preview")
    def render_preview(self) -> None:
        choice = self.choice
        try:
            text = exports.render(self.working.file, self.number, choice)
            shown = exports.preview(self.working.file, self.number, choice, text)
        except CarePlanError as error:
            self.post_message(self.Rendered("", problem=str(error)))
            return
        self.post_message(self.Rendered(shown, written=text, choice=choice))

    @on(Rendered)
    async def show_preview(self, event: Rendered) -> None:
        if event.problem:
            self.say(f"This version could not be made into a snapshot: {event.problem}")
            return
        if event.choice != self.choice:
            return  # made for an earlier choice; the one for this choice is on its way
        self.snapshot = event.written
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
            path = export_path(typed, self.exports_folder, self.default_name, self.choice.extension)
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
        self.write_snapshot(path, self.choice, self.snapshot)

    @work(thread=True, exclusive=True, exit_on_error=False, group="export-write")
    def write_snapshot(self, path: Path, choice: exports.ExportChoice, ready: str | None) -> None:
        from careplan.safe_files import atomic_write

        try:
            text = (
                ready
                if ready is not None
                else exports.render(self.working.file, self.number, choice)
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
        preferences.remember_export(self.working.file.root, self.choice)
        if self.choice.format == "html":
            self.offer_to_print(event.path)

    def offer_to_print(self, path: Path) -> None:
        """A page is for printing: offer the system's web browser, which prints it (asked first:
        nothing opens by itself)."""
        from careplan.screens.widgets.confirm import ConfirmScreen

        def answered(yes: bool | None) -> None:
            if yes:
                self.app.open_url(path.as_uri())  # the system's browser, through Textual
                self.say(f"Opened {path.name} in your web browser: print it from there.")

        self.app.push_screen(
            ConfirmScreen(
                "Open the page in your web browser to print it?",
                f"{path} is written. Your web browser can print it (A4 or US Letter).",
                yes="Open it",
                no="Not now",
            ),
            callback=answered,
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
