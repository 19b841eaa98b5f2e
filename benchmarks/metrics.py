"""A measured figure set against its baseline, and the small helpers every measurement uses."""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Metric:
    """`value` against `baseline`, both in `unit`. `target` is the largest acceptable ratio, if any
    (with target_is_value, the largest acceptable value: a count of keys has no baseline)."""

    name: str
    what: str
    value: float | None  # None when it could not be measured (the notes say why)
    baseline: float | None
    unit: str
    target: float | None = None
    notes: list[str] = field(default_factory=list)  # how it was measured, and anything surprising
    target_is_value: bool = False  # the target is the largest acceptable value, not a ratio

    @property
    def ratio(self) -> float | None:
        if self.value is None or self.baseline in (None, 0):
            return None
        return self.value / self.baseline

    @property
    def ok(self) -> bool | None:
        """Whether the target is met; None for a figure reported without one."""
        if self.target is None:
            return None
        if self.target_is_value:
            return self.value is not None and self.value <= self.target
        return self.ratio is not None and self.ratio <= self.target

    def to_json(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "unit": self.unit,
            "baseline": self.baseline,
            "ratio": self.ratio,
            "target": self.target,
            "ok": self.ok,
            "what": self.what,
            "notes": self.notes,
        }


def median(samples: list[float]) -> float:
    return statistics.median(samples)


def timed(action: Callable[[], Any]) -> float:
    """Seconds `action` took, on the monotonic high-resolution clock, starting from a quiet disk.

    os.sync() first (untimed): on ext4 an fsync also waits for other files' dirty pages, so a
    baseline that just wrote 40 MB would otherwise make careplan's next fsync pay for it.
    """
    os.sync()
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def interleaved(runs: int, *actions: Callable[[], float]) -> list[float]:
    """Run each measurement `runs` times, alternating, and return each one's median.

    Alternating spreads any slow spell of the machine (another process, the disk flushing) over
    both sides instead of letting it land on one.
    """
    samples: list[list[float]] = [[] for _ in actions]
    for _ in range(runs):
        for index, action in enumerate(actions):
            samples[index].append(action())
    return [median(side) for side in samples]
