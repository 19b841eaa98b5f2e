"""Whether a part of the plan is open underneath: the one check before the plan is swapped.

A part's screen holds the plan's own objects (its fields were filled from them and write into them).
Discarding the changes or starting from an older version puts new objects in `working.plan`; a part
open underneath would go on writing into the old ones, and what was typed there would reach neither
the plan nor the draft. So both wait, with a calm word, until that part is finished or paused.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.screen import Screen

    from careplan.screens.section_base import SectionScreen


def parts_open_underneath(screen: Screen) -> list[SectionScreen]:
    """The parts of the plan open in the app besides `screen` itself."""
    from careplan.screens.section_base import SectionScreen

    return [
        other
        for other in screen.app.screen_stack
        if isinstance(other, SectionScreen) and other is not screen
    ]


def wait_for_parts_underneath(screen: Screen, then: str) -> bool:
    """True, after saying why, when `then` (e.g. "discard the changes") must wait for a part of the
    plan open underneath to be finished or paused first."""
    if not parts_open_underneath(screen):
        return False
    screen.notify(
        f"Finish or pause the part of the plan that is open underneath (Esc there) first, then {then} here. "
        "Nothing has been changed.",
        title="One thing at a time",
    )
    return True
