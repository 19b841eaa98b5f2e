"""A value over saved versions: a small sparkline with the latest value beside it in numbers.

The number is there so the trend never relies on the shape or colour of the bars alone.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import HorizontalGroup
from textual.widgets import Sparkline, Static

NOT_YET = "-"


class Trend(HorizontalGroup):
    """`show(values)` with one value per saved version, oldest first (None: not rated then)."""

    DEFAULT_CSS = """
    Trend { width: auto; height: 1; }
    Trend > Sparkline { width: 12; height: 1; margin-right: 1; }
    Trend > .trend-latest { width: 6; }
    """

    def __init__(self, *, unit: str = "", id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.unit = unit  # e.g. "%" for the function level
        self.values: list[int | None] = []

    def compose(self) -> ComposeResult:
        yield Sparkline([], classes="trend-line")
        yield Static(NOT_YET, classes="trend-latest", markup=False)

    @property
    def data(self) -> list[float]:
        """What the sparkline draws: the rated values only."""
        return list(self.query_one(Sparkline).data or [])

    @property
    def latest(self) -> int | None:
        rated = [value for value in self.values if value is not None]
        return rated[-1] if rated else None

    def show(self, values: Sequence[int | None]) -> None:
        self.values = list(values)
        rated = [value for value in self.values if value is not None]
        self.query_one(Sparkline).data = rated
        latest = self.latest
        self.query_one(".trend-latest", Static).update(NOT_YET if latest is None else f"{latest}{self.unit}")
        count = len(rated)
        self.tooltip = (
            "Not rated in any saved version yet"
            if not count
            else f"Rated in {count} saved version{'s' if count != 1 else ''}: "
            + ", ".join(f"{value}{self.unit}" for value in rated)
        )
