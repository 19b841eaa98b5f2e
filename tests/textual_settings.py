"""Keep the person's own Textual settings out of the tests, so snapshots are the same in any terminal.

Textual reads its settings (TEXTUAL_THEME, TEXTUAL_DIM_FACTOR and the rest) once, when it is first
imported, and pytest-textual-snapshot imports it before any conftest runs: a fixture would be too
late. So this module is loaded first, as a plugin (`-p tests.textual_settings` in pyproject's
addopts), and takes them out of the environment before anything imports Textual. Settings read
each time an App is made (NO_COLOR, FORCE_COLOR, ...) are removed per test in conftest.py.
"""

from __future__ import annotations

import os
import sys

# Every variable textual.constants reads (Textual 8.2.8). Not TEXTUAL_SNAPSHOT_TEMPDIR: the
# snapshot plugin hands that one to its worker processes.
TEXTUAL_SETTINGS = (
    "TEXTUAL_ANIMATIONS",
    "TEXTUAL_COLOR_SYSTEM",
    "TEXTUAL_DEBUG",
    "TEXTUAL_DEVTOOLS_HOST",
    "TEXTUAL_DEVTOOLS_PORT",
    "TEXTUAL_DIM_FACTOR",
    "TEXTUAL_DISABLE_KITTY_KEY",
    "TEXTUAL_DRIVER",
    "TEXTUAL_FILTERS",
    "TEXTUAL_FPS",
    "TEXTUAL_LOG",
    "TEXTUAL_PRESS",
    "TEXTUAL_SCREENSHOT",
    "TEXTUAL_SCREENSHOT_FILENAME",
    "TEXTUAL_SCREENSHOT_LOCATION",
    "TEXTUAL_SHOW_RETURN",
    "TEXTUAL_SLOW_THRESHOLD",
    "TEXTUAL_SMOOTH_SCROLL",
    "TEXTUAL_THEME",
)

_set = [name for name in TEXTUAL_SETTINGS if name in os.environ]
if _set and "textual.constants" in sys.modules:
    raise RuntimeError(
        f"Textual was imported before tests/textual_settings.py could remove {', '.join(_set)}; "
        "snapshots would follow them. Load it first (-p tests.textual_settings) or unset them."
    )
for _name in _set:
    del os.environ[_name]
