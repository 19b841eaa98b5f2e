"""Small choices the app remembers between runs (for now, the last kind of export), kept in
`preferences.json` in the data folder.

Read like every other file there (no link followed, an ordinary file, a size limit) and trusted no
further: a value that is not one careplan offers is ignored, and an unreadable file only means the
defaults. Remembering is never worth an error: a write that fails is let go quietly.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from careplan import exports, locations, vocab
from careplan.errors import CarePlanError
from careplan.safe_files import atomic_write, read_regular_file

PREFERENCES_LIMIT = 64 * 1024


def preferences_file(root: Path) -> Path:
    return locations.index_file(root).with_name("preferences.json")


def _read(root: Path) -> dict[str, Any]:
    try:
        raw, _ = read_regular_file(preferences_file(root), limit=PREFERENCES_LIMIT)
        data = json.loads(raw.decode("utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        return {}
    return data if isinstance(data, dict) else {}


def last_export(root: Path) -> exports.ExportChoice:
    """The export chosen last time, or the default (the family's Markdown snapshot)."""
    found = _read(root).get("export")
    if not isinstance(found, dict):
        return exports.ExportChoice()
    format_name = vocab.choice_or(found.get("format"), exports.FORMATS, "markdown")
    audience = vocab.choice_or(found.get("audience"), exports.AUDIENCES, "family")
    summary = found.get("summary") is True and format_name in exports.PAGES
    return exports.ExportChoice(format=format_name, audience=audience, summary=summary)


def remember_export(root: Path, choice: exports.ExportChoice) -> None:
    data = _read(root)
    data["export"] = {
        "format": choice.format,
        "audience": choice.audience,
        "summary": choice.summary,
    }
    try:
        atomic_write(preferences_file(root), (json.dumps(data, indent=2) + "\n").encode("utf-8"))
    except (OSError, CarePlanError):
        return  # the export itself worked; forgetting a choice is not worth a message
