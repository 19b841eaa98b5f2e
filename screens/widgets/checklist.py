"""A list of things to tick, where ticked reads as "[x]" in words and marks, not colour alone.

Textual's SelectionList shows the same mark for ticked and unticked and tells them apart by colour,
which is lost with NO_COLOR; this list spells the state out.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

TICKED, UNTICKED = "[x]", "[ ]"


class CheckList(OptionList):
    """Items to tick or untick with Space, Enter or a click. `checked` is the set of ticked ids."""

    BINDINGS = [
        Binding(
            "space,enter",
            "select",
            "Tick or untick",
            id="checklist.toggle",
            tooltip="Tick the highlighted item, or untick it",
        ),
    ]

    class Toggled(Message):
        """The person ticked (`checked` True) or unticked an item."""

        def __init__(self, checklist: CheckList, item_id: str, checked: bool) -> None:
            super().__init__()
            self.checklist = checklist
            self.item_id = item_id
            self.checked = checked

        @property
        def control(self) -> CheckList:
            return self.checklist

    def __init__(
        self,
        items: Iterable[tuple[str, str]] = (),
        checked: Iterable[str] = (),
        *,
        ticked_note: str = "",
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        self._labels: dict[str, str] = dict(items)
        self.checked: set[str] = set(checked) & set(self._labels)
        self._ticked_note = ticked_note  # e.g. "in the plan", said after a ticked item's label
        super().__init__(*self._make_options(), id=id, classes=classes, markup=False)

    def set_checked(self, checked: Iterable[str]) -> None:
        """Show these ids as ticked (no message: the caller already knows)."""
        self.checked = set(checked) & set(self._labels)
        self._redraw()

    def is_checked(self, item_id: str) -> bool:
        return item_id in self.checked

    @property
    def highlighted_id(self) -> str | None:
        if self.highlighted is None:
            return None
        return self.get_option_at_index(self.highlighted).id

    def _prompt_for(self, item_id: str) -> str:
        label = self._labels[item_id]
        if item_id in self.checked:
            note = f" ({self._ticked_note})" if self._ticked_note else ""
            return f"{TICKED} {label}{note}"
        return f"{UNTICKED} {label}"

    def _make_options(self) -> list[Option]:
        return [Option(self._prompt_for(item_id), id=item_id) for item_id in self._labels]

    def _redraw(self) -> None:
        highlighted = self.highlighted
        self.clear_options()
        self.add_options(self._make_options())
        if self.option_count:
            self.highlighted = 0 if highlighted is None else min(highlighted, self.option_count - 1)

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        item_id = event.option.id
        if item_id is None:
            return
        if item_id in self.checked:
            self.checked.discard(item_id)
        else:
            self.checked.add(item_id)
        self._redraw()
        self.post_message(self.Toggled(self, item_id, item_id in self.checked))
