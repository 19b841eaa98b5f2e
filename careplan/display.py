"""Stored text made safe to show on a terminal, whatever the file it came from holds.

Saving drops control characters (careplan.validation.tidy), but a plan file may have been
written elsewhere, by hand or by another program, and a draft keeps exactly what was typed. A
control character shown as it is can drive the terminal: ESC ] 2 ; ... BEL sets its title, and
other sequences move the cursor or rewrite what is on the screen. So everything the app shows
from a plan, draft, backup or import passes through `shown` (or `shown_name` for names and ids)
on its way to the screen; the stored text itself is never changed here.
"""

from __future__ import annotations

import re

# C0 controls except tab and newline (which lay text out rather than command the terminal), DEL,
# and the C1 controls (U+009B is CSI, which starts an escape sequence on its own).
CONTROL_CHARACTERS = frozenset(
    chr(code) for code in (*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0))
)
_CONTROLS = re.compile("[" + re.escape("".join(sorted(CONTROL_CHARACTERS))) + "]")
# Bidi embeddings, overrides and isolates: in a name they make what is shown differ from what is
# stored ("Ann \u202eHtimS\u202c" shows as "Ann Smith"), and the name shown could not be found.
BIDI_CONTROLS = re.compile(r"[\u202a-\u202e\u2066-\u2069]")


def shown(text: str) -> str:
    """`text` as the screen may show it: control characters taken out, all else as stored."""
    return _CONTROLS.sub("", text)


def shown_name(text: str) -> str:
    """A name or id as the screen may show it: `shown`, and without bidi overrides or isolates."""
    return BIDI_CONTROLS.sub("", shown(text))
