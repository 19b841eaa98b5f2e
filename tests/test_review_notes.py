"""How the guided session's notes join a version's note when asked for: a sentence of their own,
since history and exports show a note on one line."""

from __future__ import annotations

from careplan.review_wording import join_note
from careplan.screens.review import KEEP_NOTES_DETAIL


def test_notes_follow_the_version_note_as_their_own_sentence() -> None:
    assert join_note("After the meeting with Dr Rao", "Session notes: driving matters") == (
        "After the meeting with Dr Rao.\nSession notes: driving matters"
    )
    assert join_note("Agreed.", "Session notes: x") == "Agreed.\nSession notes: x"
    assert join_note("", "Session notes: x") == "Session notes: x"
    assert " ".join(join_note("After the meeting", "Session notes: x").split()) == (
        "After the meeting. Session notes: x"  # as history shows it
    )


def test_the_box_says_where_the_notes_will_show() -> None:
    assert "history" in KEEP_NOTES_DETAIL and "exports" in KEEP_NOTES_DETAIL
