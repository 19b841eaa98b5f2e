"""The small editors of the lifestyle modifications screen: write or change one, say how it is
going, and pick an example to start from.

Typed modals closed with `dismiss(value)`; the screen changes the plan with what comes back.
"""

from __future__ import annotations

from dataclasses import replace

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import HorizontalGroup, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, OptionList, Select, Static
from textual.widgets.option_list import Option

from careplan import content, vocab
from careplan.date_fields import MODIFICATION_SINCE
from careplan.model import CarePlan, Modification
from careplan.screens.form_modal import FormModal, chosen, form_row
from careplan.screens.widgets.date_field import DayBox
from careplan.screens.widgets.text_box import TextBox
from careplan.screens.wording import voice_choices
from careplan.styles import stylesheet

WORDS_MISSING = (
    "Please write what you used to do, or what you'll do now (or both). "
    "Everything else you typed is still here."
)


def change_in_words(change: Modification) -> str:
    """One line naming a change: "Running → A daily walk"."""
    before, now = change.before.strip(), change.now.strip()
    if before and now:
        return f"{before} → {now}"
    return before or now


class ModificationEditor(FormModal[Modification]):
    """Write a change (or change one). `start` pre-fills a new one, e.g. from an example, with
    the day it is since (the session's day, given by the screen)."""

    def __init__(
        self,
        plan: CarePlan,
        speaker: vocab.Voice,
        change: Modification | None = None,
        start: Modification | None = None,
    ) -> None:
        super().__init__()
        self.plan = plan
        self.change = change
        self.start = change or start or Modification(voice=speaker)

    @property
    def heading(self) -> str:
        return (
            "Change what is written" if self.change else "A change to how you live: before and now"
        )

    def compose_fields(self) -> ComposeResult:
        start = self.start
        area = start.area if start.area in vocab.MODIFICATION_AREAS else "other"
        yield from form_row(
            "Part of life",
            Select(
                [(text, key) for key, text in vocab.MODIFICATION_AREAS.items()],
                value=area,
                allow_blank=False,
                id="change-area",
            ),
        )
        yield from form_row(
            "What I used to do",
            TextBox(start.before, placeholder="e.g. Running", id="change-before"),
        )
        yield from form_row(
            "What I'll do now", TextBox(start.now, placeholder="e.g. A daily walk", id="change-now")
        )
        yield from form_row(
            "Why", TextBox(start.why, placeholder="in your own words", id="change-why")
        )
        status = start.status if start.status in vocab.MODIFICATION_STATUSES else "trying"
        yield from form_row(
            "How it's going",
            Select(
                [(text, key) for key, text in vocab.MODIFICATION_STATUSES.items()],
                value=status,
                allow_blank=False,
                id="change-status",
            ),
        )
        yield from form_row(
            "Whose words",
            Select(
                voice_choices(self.plan), value=start.voice, allow_blank=False, id="change-voice"
            ),
        )
        yield from form_row("Since", DayBox(MODIFICATION_SINCE, start.since, id="change-since"))

    def collect(self) -> Modification | None:
        before = self.query_one("#change-before", Input).value.strip()
        now = self.query_one("#change-now", Input).value.strip()
        if not (before or now):
            self.show_problem(WORDS_MISSING, focus="#change-before")
            return None
        since = self.query_one("#change-since", DayBox)
        if since.problem:
            self.show_problem(since.problem, focus="#change-since-input")
            return None
        return replace(
            self.change or self.start,
            area=vocab.one_of(
                chosen(self.query_one("#change-area", Select)), vocab.MODIFICATION_AREAS
            ),
            before=before,
            now=now,
            why=self.query_one("#change-why", Input).value.strip(),
            status=vocab.one_of(
                chosen(self.query_one("#change-status", Select)), vocab.MODIFICATION_STATUSES
            ),
            voice=vocab.one_of(chosen(self.query_one("#change-voice", Select)), vocab.VOICES),
            since=since.value,
        )


class StatusPicker(ModalScreen[str]):
    """How a change is going, picked from four plain words; the current one is highlighted."""

    CSS_PATH = stylesheet("modifications.tcss")

    BINDINGS = [
        Binding("escape", "close", "Close", id="status.close", tooltip="Close, changing nothing")
    ]

    def __init__(self, change: Modification) -> None:
        super().__init__(classes="choice-modal")
        self.change = change

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="choice-dialog"):
            yield Static(
                f"How is this going?\n{change_in_words(self.change)}",
                classes="choice-question",
                markup=False,
            )
            yield OptionList(
                *(
                    Option(f"{text} (as it is now)" if key == self.change.status else text, id=key)
                    for key, text in vocab.MODIFICATION_STATUSES.items()
                ),
                id="status-options",
            )
            yield Static("Enter picks · Esc closes", classes="choice-detail")
        yield Footer()  # this dialog's keys, not those of the screen behind it

    def on_mount(self) -> None:
        options = self.query_one("#status-options", OptionList)
        options.highlighted = (
            options.get_option_index(self.change.status)
            if self.change.status in vocab.MODIFICATION_STATUSES
            else 0
        )
        options.focus()

    @on(OptionList.OptionSelected, "#status-options")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_close(self) -> None:
        self.dismiss(None)


class ExamplePicker(ModalScreen[content.ModificationExample]):
    """Examples of how others have adapted an activity, with where each comes from.

    Shown with content.DISCLAIMER: these are suggestions to talk over, never medical advice.
    """

    CSS_PATH = stylesheet("modifications.tcss")

    BINDINGS = [
        Binding("escape", "close", "Close", id="examples.close", tooltip="Close, choosing nothing")
    ]

    def __init__(self, area: str = "work") -> None:
        super().__init__(classes="form-modal")
        self.areas = [key for key in vocab.MODIFICATION_AREAS if content.modification_examples(key)]
        self.area: str = area if area in self.areas else (self.areas[0] if self.areas else "other")
        self.examples: list[content.ModificationExample] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="form-dialog examples-dialog"):
            with VerticalScroll(classes="form-fields"):
                yield Static("Ideas to start from", classes="form-heading")
                yield Static(
                    content.DISCLAIMER, id="examples-disclaimer", classes="examples-disclaimer"
                )
                yield from form_row(
                    "Part of life",
                    Select(
                        [(vocab.MODIFICATION_AREAS[key], key) for key in self.areas],
                        value=self.area,
                        allow_blank=False,
                        id="examples-area",
                    ),
                )
                yield OptionList(id="examples-list")
                yield Static("", id="examples-source", classes="examples-source", markup=False)
            with HorizontalGroup(classes="form-buttons"):
                yield Button("Start from this", id="examples-use", variant="primary", compact=True)
                yield Button("Close", id="examples-close", compact=True)
                yield Static("Enter picks · Esc closes", classes="form-hint")
        yield Footer()  # this dialog's keys, not those of the screen behind it

    def on_mount(self) -> None:
        self._show_area(self.area)
        self.query_one("#examples-list", OptionList).focus()

    def _show_area(self, area: str) -> None:
        self.area = area
        self.examples = content.modification_examples(area)
        options = self.query_one("#examples-list", OptionList)
        options.clear_options()
        options.add_options(
            Option(f"{example.before} → {example.now}", id=str(index))
            for index, example in enumerate(self.examples)
        )
        if self.examples:
            options.highlighted = 0
        self._show_source()

    def _highlighted(self) -> content.ModificationExample | None:
        index = self.query_one("#examples-list", OptionList).highlighted
        return self.examples[index] if index is not None and index < len(self.examples) else None

    def _show_source(self) -> None:
        example = self._highlighted()
        source = self.query_one("#examples-source", Static)
        source.update(f"From: {example.source.title}\n{example.source.url}" if example else "")

    @on(Select.Changed, "#examples-area")
    def _area_changed(self, event: Select.Changed) -> None:
        event.stop()
        self._show_area(str(event.value))

    @on(OptionList.OptionHighlighted, "#examples-list")
    def _highlight_moved(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self._show_source()

    @on(OptionList.OptionSelected, "#examples-list")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.examples[event.option_index])

    @on(Button.Pressed, "#examples-use")
    def _use_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        example = self._highlighted()
        if example is not None:
            self.dismiss(example)

    @on(Button.Pressed, "#examples-close")
    def _close_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)
