"""How things are now: everyday function and nine symptoms, quick to fill in, with their trend.

Everyday function uses the Palliative Performance Scale levels in plain words; symptoms are
the nine of ESAS-r, each rated 0 (none) to 10 (worst possible). Each version has its own check-in,
starting empty: beside each measure is a sparkline of its value across the saved versions (a gap
where it was not asked) and last time's answer with the day of that conversation, which K or a
click keeps for this time too. Who answered is chosen, never assumed.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import HorizontalGroup, VerticalScroll
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from careplan import vocab
from careplan.checkins import FUNCTION_LEVEL, LastAnswer, keep
from careplan.dates import short_day
from careplan.errors import CarePlanError
from careplan.model import CheckIn
from careplan.screens import clock
from careplan.screens.section_base import SectionScreen
from careplan.screens.widgets.text_box import TextBox
from careplan.screens.widgets.trend import Trend, scale_for
from careplan.styles import stylesheet

SCORES = range(0, 11)
CELL = 3  # characters per score on the scale: " 4 " or "[4]"
SCALE_HINT = (
    "0 means none (for wellbeing: the best), 10 the worst possible. A digit sets the score and "
    "moves on to the next symptom (T for 10); Up and Down move between symptoms; Left and Right "
    "change a score; Delete clears it; or click a number. K keeps last time's answer for this "
    "time too (or click it)."
)
KEEP_TOOLTIP = "Keep last time's answer for this time too (K)"


def last_time_text(last: LastAnswer | None, today: date, unit: str = "") -> str:
    """ "6, 12 Mar": last time's answer and the day of that conversation (its year too when it
    is not this year's); "" if never answered."""
    if last is None:
        return ""
    day = short_day(last.day)
    if last.day.year == today.year:
        day = day.rsplit(" ", 1)[0]
    return f"{last.value}{unit}, {day}"


class LastTime(Static):
    """Last time's answer beside a measure; a click keeps it for this time (as K does)."""

    class Keep(Message):
        def __init__(self, measure: str) -> None:
            super().__init__()
            self.measure = measure

    def __init__(self, measure: str, *, id: str | None = None, classes: str = "") -> None:
        super().__init__("", id=id, classes=f"last-time {classes}".strip(), markup=False)
        self.measure = measure
        self.last: LastAnswer | None = None

    def on_click(self, event: events.Click) -> None:
        event.stop()
        if self.last is not None:
            self.post_message(self.Keep(self.measure))


def offered_levels(chosen: int | None) -> list[int]:
    """The levels the person chooses from: never 0 ("has died", see vocab.FUNCTION_LEVELS), unless a
    plan already holds it, so the screen still shows what was recorded."""
    return [level for level in vocab.FUNCTION_LEVELS if level > 0 or level == chosen]


def level_prompt(level: int, chosen: int | None) -> str:
    mark = "(x)" if level == chosen else "( )"
    return f"{mark} {level:>3}%  {vocab.FUNCTION_LEVELS[level]}"


class FunctionLevels(OptionList):
    BINDINGS = [
        Binding(
            "enter,space",
            "select",
            "Choose",
            id="checkin.choose_level",
            tooltip=f"Choose the highlighted description of {vocab.FUNCTION_NAME.lower()}",
        ),
        Binding(
            "k",
            "screen.keep('function_level')",
            "Last time",
            id="checkin.keep_level",
            tooltip=KEEP_TOOLTIP,
        ),
    ]


class ScoreScale(Widget):
    """The numbers 0 to 10 in a row, the chosen one in brackets; a click on a number chooses it."""

    DEFAULT_CSS = f"""
    ScoreScale {{ width: {CELL * len(SCORES) + 1}; height: 1; }}
    """

    class Clicked(Message):
        def __init__(self, score: int) -> None:
            super().__init__()
            self.score = score

    def __init__(self, score: int | None) -> None:
        super().__init__(classes="score-scale")
        self.score = score

    def set_score(self, score: int | None) -> None:
        self.score = score
        self.refresh()

    def render(self) -> Text:
        text = Text(no_wrap=True)
        for score in SCORES:
            if score == self.score:
                text.append(f"[{score}]", style="reverse bold")
            else:
                text.append(f" {score} ")
        return text

    def on_click(self, event: events.Click) -> None:
        score = min(max(event.x // CELL, 0), 10)
        self.post_message(self.Clicked(score))


class SymptomRow(HorizontalGroup, can_focus=True):
    """One symptom: its name, the 0-10 scale, and its trend. Rated by keys or a click."""

    BINDINGS: ClassVar = [
        Binding(
            "right", "change(1)", "Higher", id="checkin.higher", tooltip="One higher on the scale"
        ),
        Binding(
            "left", "change(-1)", "Lower", id="checkin.lower", tooltip="One lower on the scale"
        ),
        Binding("up", "app.focus_previous", "Previous", id="checkin.previous_row", show=False),
        Binding("down", "app.focus_next", "Next", id="checkin.next_row", show=False),
        Binding(
            "delete,backspace",
            "clear",
            "Not rated",
            id="checkin.clear",
            tooltip="Clear this score: not rated this time",
        ),
        Binding("k", "keep", "Last time", id="checkin.keep", tooltip=KEEP_TOOLTIP),
        *(
            Binding(
                str(digit),
                f"digit({digit})",
                f"Score {digit}",
                id=f"checkin.score_{digit}",
                show=False,
            )
            for digit in range(10)
        ),
        Binding(
            "t",
            "digit(10)",
            "Ten",
            id="checkin.score_10",
            tooltip="Score 10, the worst possible, and move on",
        ),
    ]

    class Rated(Message):
        """The person set (or cleared, None) the score of `symptom`."""

        def __init__(self, row: SymptomRow, symptom: str, score: int | None) -> None:
            super().__init__()
            self.row = row
            self.symptom = symptom
            self.score = score

        @property
        def control(self) -> SymptomRow:
            return self.row

    def __init__(self, symptom: str, score: int | None) -> None:
        super().__init__(id=f"symptom-{symptom}", classes="symptom-row")
        self.symptom = symptom
        self.score = score
        self.read_only = False

    def compose(self) -> ComposeResult:
        yield Label(vocab.SYMPTOMS[self.symptom], classes="symptom-name")
        yield ScoreScale(self.score)
        yield Trend(scale=scale_for(self.symptom), id=f"trend-{self.symptom}")
        yield LastTime(self.symptom, id=f"last-{self.symptom}")

    def set_score(self, score: int | None) -> None:
        """Show `score` as chosen (kept from last time), posting nothing."""
        self.score = score
        self.query_one(ScoreScale).set_score(score)

    def action_keep(self) -> None:
        self.screen.action_keep(self.symptom)  # type: ignore[attr-defined]

    def _rate(self, score: int | None) -> None:
        if self.read_only or score == self.score:
            return
        self.score = score
        self.query_one(ScoreScale).set_score(score)
        self.post_message(self.Rated(self, self.symptom, score))

    def action_change(self, step: int) -> None:
        self._rate(0 if self.score is None else min(max(self.score + step, 0), 10))

    def action_digit(self, score: int) -> None:
        """One key a row: the score (T for 10), then on to the next symptom. Ten has a key of
        its own because "1" then "0" are two rows' scores."""
        self._rate(score)
        if not self.read_only:
            self.screen.focus_next()

    def action_clear(self) -> None:
        self._rate(None)

    @on(ScoreScale.Clicked)
    def _clicked(self, event: ScoreScale.Clicked) -> None:
        event.stop()
        self.focus()
        self._rate(event.score)


class TrendsLoaded(Message):
    """The trends of the saved versions, read in a worker (`problem` says why, when they couldn't be)."""

    def __init__(
        self,
        trends: dict[str, list[int | None]],
        versions: int,
        problem: str = "",
        last: dict[str, LastAnswer] | None = None,
    ) -> None:
        super().__init__()
        self.trends = trends
        self.versions = versions
        self.problem = problem
        self.last = last or {}  # each measure's latest saved answer and its day


class CheckInScreen(SectionScreen):
    CSS_PATH = [
        stylesheet("history.tcss"),
        stylesheet("checkin.tcss"),
    ]  # its trends share the history's rules
    SECTION = "checkin"
    FIRST_FIELD = "#function-levels"
    HELP = """\
# How things are now

A short check-in, saved with each version of the plan so you can see how things change.

**Everyday function** uses ten levels, from fully up and about to in bed all the time (the
Palliative Performance Scale, in plain words). Choose the one closest to now.

**Symptoms** are the nine of the Edmonton Symptom Assessment System (ESAS-r), each from 0 (none)
to 10 (the worst possible). For wellbeing, 0 is the best.

The Palliative Performance Scale (PPSv2) belongs to Victoria Hospice Society; ESAS-r belongs to
Alberta Health Services. careplan credits them here and uses them on their owners' published terms
(victoriahospice.org, albertahealthservices.ca): to help you and your team talk, never to diagnose.

Each check-in belongs to its day: it starts empty for each new version. Beside each measure is a
small line of how it went across saved versions, and last time's answer with the day of that
conversation. **K** (or a click on last time's answer) keeps it for this time too; anything left
out is saved as not asked this time, a gap in the trend.

**Who answered** is for you to choose; it stays empty until you do.

| Key | What it does |
| :- | :- |
| Up / Down | Move between the levels, or between symptoms |
| Enter or Space | Choose the highlighted level |
| Left / Right | Lower or raise a symptom's score |
| 0 to 9 | Set a symptom's score and move on to the next |
| T | Set a symptom's score to 10 and move on to the next |
| Delete | Clear a symptom's score (not rated this time) |
| K | Keep last time's answer for this time too |
| Ctrl+L | Go to everyday function |
| Ctrl+Y | Go to the symptoms |
| Esc | Go back; nothing is lost |
"""

    BINDINGS: ClassVar = [
        Binding(
            "ctrl+l",
            "go('#function-levels')",
            "Function",
            id="checkin.go_function",
            tooltip=f"Go to the {vocab.FUNCTION_NAME.lower()} levels",
        ),
        Binding(
            "ctrl+y",
            "go('.symptom-row')",
            "Symptoms",
            id="checkin.go_symptoms",
            tooltip="Go to the first symptom",
        ),
    ]

    def __init__(self, working) -> None:
        super().__init__(working)
        self._trend_versions: int | None = None  # how many versions the shown trends cover
        self._last: dict[str, LastAnswer] = {}  # last time's answers, once read

    @property
    def checkin(self) -> CheckIn:
        return self.plan.checkin

    # --- layout -----------------------------------------------------------------------------------

    def compose_body(self) -> ComposeResult:
        checkin = self.checkin
        with VerticalScroll(classes="section-body", id="checkin-body"):
            yield Static(
                "A short check-in, kept with each saved version so change shows over time. "
                "Fill in what feels right; you can leave anything out.",
                classes="section-intro",
            )
            yield Static(f"{vocab.FUNCTION_NAME}: which is closest to now?", classes="part-title")
            yield Static(
                "Up and Down to move, then Enter or a click to choose.", classes="part-hint"
            )
            yield FunctionLevels(
                *(
                    Option(level_prompt(level, checkin.function_level), id=str(level))
                    for level in offered_levels(checkin.function_level)
                ),
                id="function-levels",
                markup=False,
            )
            with HorizontalGroup(classes="trend-row"):
                yield Label("Across saved versions:", classes="trend-label")
                yield Trend(unit="%", scale=scale_for(FUNCTION_LEVEL), id=f"trend-{FUNCTION_LEVEL}")
                yield LastTime(FUNCTION_LEVEL, id=f"last-{FUNCTION_LEVEL}")

            yield Static("Symptoms, from 0 (none) to 10 (worst possible)", classes="part-title")
            yield Static(SCALE_HINT, classes="part-hint")
            with HorizontalGroup(classes="scale-heading"):
                yield Label("", classes="symptom-name")
                yield Label("Now", classes="scale-title")
                yield Label("Saved versions", classes="trend-title")
                yield Label("Last time", classes="last-time-title")
            for symptom in vocab.SYMPTOMS:
                yield SymptomRow(symptom, checkin.symptoms.get(symptom))

            yield Static("Who answered", classes="part-title")
            yield Select(
                [(label, key) for key, label in vocab.VOICES.items()],
                value=checkin.answered_by if checkin.answered_by in vocab.VOICES else Select.NULL,
                allow_blank=True,
                prompt="Not chosen yet",
                id="answered-by",
            )
            yield Label("A note, in your own words", classes="field-label")
            yield TextBox(
                checkin.note,
                placeholder="e.g. a good week; tired after the clinic visit",
                id="note",
            )

    def on_mount(self) -> None:
        levels = self.query_one("#function-levels", FunctionLevels)
        chosen, offered = self.checkin.function_level, offered_levels(self.checkin.function_level)
        levels.highlighted = offered.index(chosen) if chosen in offered else 0
        self.load_trends()

    def on_screen_resume(self) -> None:
        if self._trend_versions is not None and self._trend_versions != len(
            self.working.file.versions()
        ):
            self.load_trends()  # a version was saved while we were away

    def lock_editing(self) -> None:
        super().lock_editing()
        self.query_one("#function-levels", FunctionLevels).disabled = True
        for row in self.query(SymptomRow):
            row.read_only = True

    # --- changes -----------------------------------------------------------------------------------

    def _keep_answers(self, *, typing: bool = False) -> None:
        """Who answered is never assumed: it stays as chosen (or not chosen yet)."""
        if typing:
            self.keep_draft_soon()
        else:
            self.keep_draft()

    @on(OptionList.OptionSelected, "#function-levels")
    def _level_chosen(self, event: OptionList.OptionSelected) -> None:
        if self.read_only or event.option.id is None:
            return
        level = int(event.option.id)
        if level == self.checkin.function_level:
            return
        self.checkin.function_level = level
        self._keep_answers()
        self._show_level(level)

    def _show_level(self, level: int | None) -> None:
        levels = self.query_one("#function-levels", FunctionLevels)
        for option in levels.options:
            if option.id is not None:
                levels.replace_option_prompt(option.id, level_prompt(int(option.id), level))
        if level is not None and str(level) in [option.id for option in levels.options]:
            levels.highlighted = levels.get_option_index(str(level))

    def action_keep(self, measure: str) -> None:
        """Keep last time's answer to `measure` for this version, said so (K or a click)."""
        if self.read_only:
            return
        last = self._last.get(measure)
        if last is None:
            self.notify(
                "Nothing was answered here in a saved version yet, so there is nothing to keep.",
                title="How things are now",
            )
            return
        if measure == FUNCTION_LEVEL:
            if last.value not in offered_levels(self.checkin.function_level):
                return
            keep(self.checkin, measure, last.value)
            self._show_level(last.value)
        else:
            keep(self.checkin, measure, last.value)
            self.query_one(f"#symptom-{measure}", SymptomRow).set_score(last.value)
        self._keep_answers()

    @on(LastTime.Keep)
    def _keep_clicked(self, event: LastTime.Keep) -> None:
        self.action_keep(event.measure)

    @on(SymptomRow.Rated)
    def _symptom_rated(self, event: SymptomRow.Rated) -> None:
        if event.score is None:
            self.checkin.symptoms.pop(event.symptom, None)
        else:
            self.checkin.symptoms[event.symptom] = event.score
        self._keep_answers(typing=True)  # arrows and digits come quickly: write when they pause

    @on(Select.Changed, "#answered-by")
    def _answered_by_chosen(self, event: Select.Changed) -> None:
        chosen = "" if event.value is Select.NULL else str(event.value)
        if self.read_only or chosen == self.checkin.answered_by:
            return
        self.checkin.answered_by = chosen
        self.keep_draft()

    @on(Input.Changed, "#note")
    def _note_typed(self, event: Input.Changed) -> None:
        if self.read_only or event.value == self.checkin.note:
            return
        self.checkin.note = event.value
        self._keep_answers(typing=True)

    def action_go(self, selector: str) -> None:
        self.query(selector).first().focus()

    # --- trends over saved versions ------------------------------------------------------------

    @work(thread=True, exclusive=True, exit_on_error=False, group="checkin-trends")
    def load_trends(self) -> None:
        """Read every saved version's check-in once, off the main thread."""
        from careplan.history import PlanHistory

        plan_file = self.working.file
        try:
            history = PlanHistory(plan_file)
            trends, last = history.trends(), history.last_answers()
            self.post_message(TrendsLoaded(trends, len(history.numbers), last=last))
        except CarePlanError as error:
            self.post_message(TrendsLoaded({}, 0, problem=str(error)))

    @on(TrendsLoaded)
    def _show_trends(self, event: TrendsLoaded) -> None:
        if event.problem:
            self.notify(
                f"The trend over saved versions can't be shown: {event.problem}",
                title="How things are now",
                severity="warning",
            )
            return
        self._trend_versions = event.versions
        for trend in self.query(Trend):
            key = (trend.id or "").removeprefix("trend-")
            trend.show(event.trends.get(key, []))
        self._last = event.last
        for label in self.query(LastTime):
            label.last = event.last.get(label.measure)
            unit = "%" if label.measure == FUNCTION_LEVEL else ""
            words = last_time_text(label.last, clock.today(self.app), unit)
            if label.measure == FUNCTION_LEVEL and words:
                words = f"Last time: {words} (K keeps it)"
            label.update(words)
            label.tooltip = KEEP_TOOLTIP if label.last is not None else None

    def trend(self, key: str) -> Trend:
        """The trend shown for "function_level" or a vocab.SYMPTOMS id."""
        return self.query_one(f"#trend-{key}", Trend)
