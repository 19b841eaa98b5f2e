"""careplan's few calm themes, with plain names, and keeping the one chosen for next time.

Only these are offered (Textual's own list is developer names: "nord", "gruvbox", ...). "dark" and
"light" are Textual's own two under names a family reads; "high contrast" is for low vision and
bright rooms: white on black, no colour carrying meaning (there is none in careplan anyway).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from textual.theme import BUILTIN_THEMES, Theme

from careplan.errors import CarePlanError
from careplan.settings import Settings, load_settings, save_settings

if TYPE_CHECKING:
    from textual.app import App

DEFAULT_THEME = "dark"


THEMES: dict[str, Theme] = {
    "dark": replace(BUILTIN_THEMES["textual-dark"], name="dark"),
    "light": replace(BUILTIN_THEMES["textual-light"], name="light"),
    "high contrast": Theme(
        name="high contrast",
        primary="#FFFFFF",
        secondary="#D0D0D0",
        accent="#FFD75F",
        warning="#FFD75F",
        error="#FFD75F",  # no red: a problem is said in words
        success="#FFFFFF",
        foreground="#FFFFFF",
        background="#000000",
        surface="#000000",
        panel="#202020",
        dark=True,
        variables={
            "border": "#FFFFFF",
            "border-blurred": "#A0A0A0",
            "footer-key-foreground": "#FFD75F",
            "block-cursor-text-style": "bold reverse",
            "input-selection-background": "#FFFFFF 35%",
        },
    ),
}


def use_kept_theme(app: App) -> None:
    """Register careplan's themes and put on the one kept last time (or the default)."""
    for theme in THEMES.values():
        app.register_theme(theme)
    kept = load_settings().theme
    app.theme = kept if kept in THEMES else DEFAULT_THEME


def keep_theme(app: App, name: str) -> None:
    """Keep the theme just chosen for next time; if the settings file cannot be written, say so
    calmly (the theme still changes now)."""
    if name not in THEMES or load_settings().theme == name:
        return
    try:
        save_settings(Settings(theme=name))
    except CarePlanError as problem:
        app.notify(
            f"The colours changed, but could not be kept for next time. {problem}",
            title="Not kept",
            severity="warning",
        )
