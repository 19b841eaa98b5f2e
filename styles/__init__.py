"""Textual stylesheets (installed as careplan.styles).

The App loads app.tcss (the first screen, and what every screen shares) and forms.tcss (the
dialogs any screen opens). Every other sheet is named in the CSS_PATH of the screens it styles,
so Textual reads it when one of them is first shown, and start-up parses only what the first
screen needs. A new sheet must be named by a screen or the App: tests/test_stylesheets.py checks.
"""

from __future__ import annotations

from pathlib import Path

_FOLDER = Path(__file__).resolve().parent


def stylesheet(name: str) -> str:
    """The path of a sheet in this folder, for a CSS_PATH (absolute: Textual would otherwise look
    beside the module that names it)."""
    return str(_FOLDER / name)
