"""Lifestyle modifications: what I used to do and what I'll do now, side by side, and how it's going.

Examples from careplan.content give a place to start; they are suggestions to talk over with the
care team (content.DISCLAIMER), shown with where each comes from.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import HorizontalGroup
from textual.message import Message
from textual.widgets import Button, DataTable, Static

from careplan import content, vocab
from careplan.dates import short_day
from careplan.model import Modification
from careplan.screens import clock
from careplan.screens.modification_editor import (
    ExamplePicker,
    ModificationEditor,
    StatusPicker,
    change_in_words,
)
from careplan.screens.section_base import SectionScreen
from careplan.screens.widgets.confirm import ChoiceScreen
from careplan.screens.wording import plain, voice_name
from careplan.styles import stylesheet
from careplan.working_plan import WorkingPlan

EMPTY_NOTE = "Nothing written here yet. Press n to write a change, or i for ideas to start from."

_CHANGES = {"add_change", "edit_change", "change_status", "remove_change", "show_examples"}
_FOR_SELECTED = {"edit_change", "change_status", "remove_change"}

_BUTTONS = [
    ("add_change", "New change"),
    ("edit_change", "Edit"),
    ("change_status", "How it's going"),
    ("remove_change", "Remove"),
    ("show_examples", "Ideas to start from"),
]

# Column titles with a fixed width, or None to share what is left ("before" and "now" get most).
_COLUMNS: list[tuple[str, int | None, int]] = [
    ("Area", 11, 0),
    ("Before", None, 4),
    ("Now", None, 4),
    ("Why", None, 3),
    ("How it's going", 14, 0),
]
TABLE_CAPTION = "Before and now, side by side: what I used to do, and what I'll do now."


class ChangesTable(DataTable):
    """The changes, one row each. Its columns are sized to its own width, which changes with the
    screen's and when the guided session's panel is shown beside it, so it says when it resizes."""

    class Resized(Message):
        pass

    def on_resize(self) -> None:
        self.post_message(self.Resized())


class ModificationsScreen(SectionScreen):
    CSS_PATH = stylesheet("modifications.tcss")
    SECTION = "modifications"
    HELP = """\
# Lifestyle modifications

Things you used to do, and what you'll do now instead, **side by side**: running becomes a daily
walk, a full week at work becomes part-time. Each change says why, whose words they are, and how
it is going: *trying it*, *working*, *not working* or *stopped*.

**Ideas to start from** (i) lists examples other people have found helpful, with where each comes
from. They are suggestions to talk over with your care team, not medical advice. Picking one
fills in a new change for you to adjust.

Keys: **n** new change, **e** or Enter edit, **s** how it's going, **x** remove (saved versions
keep it), **i** ideas, **F2** change who is speaking, **Esc** go back. Every change is kept in
the draft straight away.
"""

    BINDINGS = [
        Binding(
            "n",
            "add_change",
            "New",
            id="modifications.add",
            tooltip="Write a change: before and now",
        ),
        Binding(
            "e", "edit_change", "Edit", id="modifications.edit", tooltip="Change the selected row"
        ),
        Binding(
            "s",
            "change_status",
            "How it's going",
            id="modifications.status",
            tooltip="Say how the selected change is going",
        ),
        Binding(
            "x",
            "remove_change",
            "Remove",
            id="modifications.remove",
            tooltip="Remove the selected change (saved versions keep it)",
        ),
        Binding(
            "i",
            "show_examples",
            "Ideas",
            id="modifications.examples",
            tooltip="Examples to start from (not medical advice)",
        ),
    ]

    def __init__(self, working: WorkingPlan) -> None:
        super().__init__(working)
        self._marked: str | None = None  # the row showing the ▶ marker
        self._filled_width = 0  # the table's width when its columns were last sized

    # --- layout --------------------------------------------------------------------------------

    def compose_body(self) -> ComposeResult:
        with HorizontalGroup(id="change-actions", classes="section-actions"):
            for action, label in _BUTTONS:
                # Buttons that only look (not change) stay usable when the plan is read-only.
                looks_only = "" if action in _CHANGES else "keep-enabled"
                yield Button(
                    label,
                    id=f"do-{action}",
                    action=f"screen.{action}",
                    compact=True,
                    classes=looks_only,
                )
        yield Static(EMPTY_NOTE, id="changes-empty", classes="calm-note")
        yield Static(TABLE_CAPTION, id="changes-caption")
        yield ChangesTable(id="changes", cursor_type="row", zebra_stripes=False)

    def on_mount(self) -> None:
        # SectionScreen.on_mount runs too (Textual calls each class's handler): it sets the subtitle.
        self._fill_table()
        self.query_one("#changes", DataTable).focus()

    @on(ChangesTable.Resized)
    def _table_resized(self) -> None:
        # Row heights follow the wrapped text, so the table is laid out again for its new width;
        # sized for another width, a column ran past the edge and lost its last letters.
        if self.query_one("#changes").size.width != self._filled_width:
            self._fill_table(self.selected_id)

    def _column_widths(self) -> list[int]:
        # The table's own width (the guided session's panel may take some of the screen's). Each
        # cell has one space of padding either side; leave room for the marker column and a
        # scrollbar. Before the first layout, the screen's width less the table's margins.
        table = self.query_one("#changes")
        width = table.size.width or (self.size.width or self.app.size.width) - 2
        fixed = sum(size for _title, size, _share in _COLUMNS if size)
        room = max(
            18, width - 2 * len(_COLUMNS) - 3 - 2 - fixed
        )  # at least 6 for each shared column
        shares = sum(share for _title, _size, share in _COLUMNS)
        return [size or max(6, room * share // shares) for _title, size, share in _COLUMNS]

    def _fill_table(self, select: str | None = None) -> None:
        table = self.query_one("#changes", DataTable)
        self._filled_width = table.size.width
        table.clear(columns=True)
        self._marked = None
        # A marker column points at the selected row, so the selection shows without colour.
        table.add_column("", width=1, key="mark")
        for (title, _size, _share), width in zip(_COLUMNS, self._column_widths(), strict=False):
            table.add_column(title, width=width)
        for change in self.plan.modifications:
            table.add_row("", *self._cells(change), key=change.id, height=None)
        self.query_one("#changes-empty").display = not self.plan.modifications
        self.query_one("#changes-caption").display = bool(self.plan.modifications)
        table.display = bool(self.plan.modifications)
        if select is not None:
            index = next(
                (i for i, change in enumerate(self.plan.modifications) if change.id == select), None
            )
            if index is not None:
                table.move_cursor(row=index, animate=False)
        self._mark_selected()
        self._show_actions()

    def _mark_selected(self) -> None:
        table = self.query_one("#changes", DataTable)
        selected = self.selected_id
        if self._marked == selected:
            return
        if self._marked is not None and self._marked in table.rows:
            table.update_cell(self._marked, "mark", "")
        if selected is not None:
            table.update_cell(selected, "mark", "▶")
        self._marked = selected

    def _cells(self, change: Modification) -> tuple[Text, ...]:
        """The row's cells, plain: the words are as typed, so "[/]" in them is not markup."""
        area = vocab.label(vocab.MODIFICATION_AREAS, change.area)
        return tuple(
            plain(cell)
            for cell in (
                f"{area}\n({voice_name(self.plan, change.voice)})",
                change.before.strip() or "-",
                (change.now.strip() or "-")
                + (f"\n(since {short_day(change.since)})" if change.since else ""),
                change.why.strip() or "-",
                vocab.label(vocab.MODIFICATION_STATUSES, change.status),
            )
        )

    def _show_actions(self) -> None:
        for action, _label in _BUTTONS:
            self.query_one(f"#do-{action}", Button).display = self.check_action(action, ()) is True
        self.refresh_bindings()

    # --- selection -----------------------------------------------------------------------------

    @property
    def selected(self) -> Modification | None:
        table = self.query_one("#changes", DataTable)
        if not self.plan.modifications or table.row_count == 0:
            return None
        row = table.cursor_row
        return self.plan.modifications[row] if 0 <= row < len(self.plan.modifications) else None

    @property
    def selected_id(self) -> str | None:
        change = self.selected
        return change.id if change else None

    @on(DataTable.RowHighlighted, "#changes")
    def _row_moved(self) -> None:
        self._mark_selected()
        self._show_actions()

    @on(DataTable.RowSelected, "#changes")
    async def _row_chosen(self) -> None:
        await self.run_action("edit_change")  # through check_action, so read-only stays read-only

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in _CHANGES and self.read_only:
            return False
        if action in _FOR_SELECTED:
            return self.is_mounted and self.selected is not None
        return super().check_action(action, parameters)

    # --- actions -------------------------------------------------------------------------------

    def action_add_change(self, start: Modification | None = None) -> None:
        start = start or Modification(voice=self.working.speaker)
        start.since = clock.session_day(self.app)  # a new change is since the conversation's day
        self.app.push_screen(
            ModificationEditor(self.plan, self.working.speaker, start=start), self._change_written
        )

    def _change_written(self, change: Modification | None) -> None:
        if change is None:
            return
        self.plan.modifications.append(change)
        self._changed(select=change.id)

    def action_edit_change(self) -> None:
        change = self.selected
        if change is not None:
            self.app.push_screen(
                ModificationEditor(self.plan, self.working.speaker, change=change),
                self._change_rewritten,
            )

    def _change_rewritten(self, changed: Modification | None) -> None:
        if changed is None:
            return
        self.plan.modifications[:] = [
            changed if change.id == changed.id else change for change in self.plan.modifications
        ]
        self._changed(select=changed.id)

    def action_change_status(self) -> None:
        change = self.selected
        if change is not None:
            self.app.push_screen(
                StatusPicker(change), lambda status: self._status_picked(change, status)
            )

    def _status_picked(self, change: Modification, status: str | None) -> None:
        if status is None or status == change.status:
            return
        change.status = vocab.one_of(status, vocab.MODIFICATION_STATUSES)
        self._changed(select=change.id)

    def action_remove_change(self) -> None:
        change = self.selected
        if change is None:
            return
        question = ChoiceScreen(
            f'Remove "{change_in_words(change)}"?',
            [("Keep it", "keep"), ("Remove it", "remove")],
            safe="keep",
            detail="Versions saved before now keep it; only the plan from here on changes.",
        )
        self.app.push_screen(question, lambda answer: self._remove_answered(change, answer))

    def _remove_answered(self, change: Modification, answer: str | None) -> None:
        if answer != "remove" or change not in self.plan.modifications:
            return
        index = self.plan.modifications.index(change)
        self.plan.modifications.remove(change)
        following = (
            self.plan.modifications[min(index, len(self.plan.modifications) - 1)]
            if self.plan.modifications
            else None
        )
        self._changed(select=following.id if following else None)

    def action_show_examples(self) -> None:
        change = self.selected
        self.app.push_screen(ExamplePicker(change.area if change else "work"), self._example_picked)

    def _example_picked(self, example: content.ModificationExample | None) -> None:
        if example is None:
            return
        start = Modification(
            area=example.area, before=example.before, now=example.now, voice=self.working.speaker
        )
        self.action_add_change(start)

    def _changed(self, select: str | None) -> None:
        self.keep_draft()
        self._fill_table(select)
        self.query_one("#changes", DataTable).focus()
