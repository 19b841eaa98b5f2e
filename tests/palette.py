"""Searching the command palette in a test, waiting for its search rather than for the clock."""

from __future__ import annotations

from textual.command import CommandList, CommandPalette

# Each round waits for the search worker and the messages it posts; a search takes one or two.
ROUNDS = 50


async def palette_search(pilot, words: str) -> str:
    """Open the palette, type `words`, wait until it highlights a hit, and return that hit's text
    (what Enter runs). Fails if the palette finds nothing."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    palette = pilot.app.screen
    assert isinstance(palette, CommandPalette)
    await pilot.press(*words)
    hits = palette.query_one(CommandList)
    for _ in range(ROUNDS):  # the palette searches in a worker, then fills its list
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if hits.highlighted is not None:
            return hits.get_option_at_index(hits.highlighted).hit.text or ""
    raise AssertionError(f"the palette showed no hit for {words!r}")
