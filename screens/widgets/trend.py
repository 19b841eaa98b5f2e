"""A value over saved versions: a small sparkline with the latest value beside it in numbers.

The bars are drawn against the measure's own scale (symptoms 0 to 10, everyday function 0 to
100%), never stretched to the data's lowest and highest: a pain of 3 out of 10 is a low bar, and
only the top of the scale fills the cell, so a small change looks small.
The number is there so the trend never relies on the shape or colour of the bars alone.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.color import Color
from textual.containers import HorizontalGroup
from textual.widgets import Sparkline, Static

from careplan import vocab
from careplan.history import FUNCTION_LEVEL

NOT_YET = "-"
BARS = "▁▂▃▄▅▆▇█"  # the lowest for the bottom of the scale, so a 0 is still seen to be there
NOT_RATED = " "  # a version with no rating: a gap, never a guessed bar
SYMPTOM_SCALE = (0, 10)  # ESAS-r: 0 none, 10 worst possible
FUNCTION_SCALE = (min(vocab.FUNCTION_LEVELS), max(vocab.FUNCTION_LEVELS))  # PPS: 0% to 100%

Scale = tuple[int, int]
Rating = int | float | None


def scale_for(key: str) -> Scale:
    """The fixed scale of "function_level" or a symptom id."""
    return FUNCTION_SCALE if key == FUNCTION_LEVEL else SYMPTOM_SCALE


def height(value: float, scale: Scale) -> float:
    """Where `value` sits on `scale`, from 0 (bottom) to 1 (top); odd values are kept on it."""
    low, high = scale
    return min(max((value - low) / ((high - low) or 1), 0.0), 1.0)


def cells(values: Sequence[Rating], width: int) -> list[float | None]:
    """One value per cell: with fewer values than cells each has an equal share of them, with
    more each cell shows the average of its share. None where nothing in a share was rated."""
    count = len(values)
    shown: list[float | None] = []
    for cell in range(width):
        if not count:
            shown.append(None)
            continue
        start = cell * count // width
        share = [
            value
            for value in values[start : max((cell + 1) * count // width, start + 1)]
            if value is not None
        ]
        shown.append(sum(share) / len(share) if share else None)
    return shown


def bar(value: float | None, scale: Scale) -> str:
    return NOT_RATED if value is None else BARS[round(height(value, scale) * (len(BARS) - 1))]


def bars(values: Sequence[Rating], scale: Scale, width: int | None = None) -> str:
    """The bars for `values` on `scale`, `width` cells (one per value if not given)."""
    return "".join(
        bar(value, scale) for value in cells(values, len(values) if width is None else width)
    )


class ScaledSparkline(Sparkline):
    """A Sparkline on a fixed scale: `data` holds one value per version (None: not rated then).

    Colour only softens, from the sparkline's pale colour low on the scale to its full one at the
    top (the calm $primary of Sparkline's own styles); the height and the numbers carry the meaning.
    """

    def __init__(
        self,
        data: Sequence[Rating] | None = None,
        *,
        scale: Scale,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        self.scale = scale
        super().__init__(data, id=id, classes=classes)  # type: ignore[arg-type]

    def render(self) -> Text:
        values: Sequence[Rating] = self.data or []
        _, base = self.background_colors
        low: Color = base + self.get_component_styles("sparkline--min-color").color
        high: Color = base + self.get_component_styles("sparkline--max-color").color
        text = Text(no_wrap=True, overflow="crop")
        for value in cells(values, self.size.width or len(values)):
            if value is None:
                text.append(NOT_RATED)
            else:
                share = height(value, self.scale)
                text.append(
                    bar(value, self.scale), style=Style(color=low.blend(high, share).rich_color)
                )
        return text


class Trend(HorizontalGroup):
    """`show(values)` with one value per saved version, oldest first (None: not rated then),
    drawn on `scale` (symptoms 0 to 10 unless told)."""

    DEFAULT_CSS = """
    Trend { width: auto; height: 1; }
    Trend > ScaledSparkline { width: 12; height: 1; margin-right: 1; }
    Trend > .trend-latest { width: 6; }
    """

    def __init__(
        self,
        *,
        unit: str = "",
        scale: Scale = SYMPTOM_SCALE,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.unit = unit  # e.g. "%" for the function level
        self.scale = scale
        self.values: list[int | None] = []

    def compose(self) -> ComposeResult:
        yield ScaledSparkline([], scale=self.scale, classes="trend-line")
        yield Static(NOT_YET, classes="trend-latest", markup=False)

    @property
    def data(self) -> list[float | None]:
        """What the sparkline draws: the values from the first rating on, None (a gap) for a
        version where it was not asked."""
        return list(self.query_one(ScaledSparkline).data or [])

    @property
    def latest(self) -> int | None:
        rated = [value for value in self.values if value is not None]
        return rated[-1] if rated else None

    def show(self, values: Sequence[int | None]) -> None:
        self.values = list(values)
        rated = [value for value in self.values if value is not None]
        first = next((i for i, value in enumerate(self.values) if value is not None), 0)
        self.query_one(ScaledSparkline).data = self.values[first:] if rated else []  # type: ignore[assignment]
        latest = self.latest
        self.query_one(".trend-latest", Static).update(
            NOT_YET if latest is None else f"{latest}{self.unit}"
        )
        count = len(rated)
        self.tooltip = (
            "Not rated in any saved version yet"
            if not count
            else f"Rated in {count} saved version{'s' if count != 1 else ''}: "
            + ", ".join(
                "not asked" if value is None else f"{value}{self.unit}"
                for value in self.values[first:]
            )
        )
