"""A Select that takes typing while closed: what is typed picks the first choice with a word that
starts with it ("pall" picks "Palliative care team", "nurse" picks "Specialist nurse"), so a long
list is one word away instead of many arrow keys. Typing after a pause starts a new word."""

from __future__ import annotations

import time

from rich.text import Text
from textual import events
from textual.widgets import Select

WORD_PAUSE = 1.5  # seconds after which typing starts a new search rather than adding to it


def words_match(prompt: str, typed: str) -> bool:
    """Whether some word of `prompt` (or the run of words from it) starts with `typed`."""
    words = prompt.casefold().split()
    wanted = " ".join(typed.casefold().split())
    if not wanted:
        return False
    return any(" ".join(words[start:]).startswith(wanted) for start in range(len(words)))


def best_match(prompts: list[str], typed: str) -> int | None:
    """The first choice that starts with `typed`, else the first with a word that does."""
    wanted = typed.casefold().lstrip()
    for index, prompt in enumerate(prompts):
        if prompt.casefold().startswith(wanted):
            return index
    for index, prompt in enumerate(prompts):
        if words_match(prompt, typed):
            return index
    return None


class WordSelect(Select):
    """A Select whose choices are found by typing the start of any of their words while closed."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._typed = ""
        self._typed_at = 0.0

    def _prompts(self) -> list[tuple[str, object]]:
        return [
            (prompt.plain if isinstance(prompt, Text) else str(prompt), value)
            for prompt, value in self._options
            if value is not Select.NULL
        ]

    def check_consume_key(self, key: str, character: str | None = None) -> bool:
        return (character is not None and character.isprintable()) or super().check_consume_key(
            key, character
        )

    async def _on_key(self, event: events.Key) -> None:
        character = event.character
        if self.expanded or self.disabled or character is None or not event.is_printable:
            return
        if character == " " and not self._typed:
            return  # Space opens the list, as in any Select
        event.stop()
        event.prevent_default()
        now = time.monotonic()
        if now - self._typed_at > WORD_PAUSE:
            self._typed = ""
        self._typed_at = now
        choices = self._prompts()
        prompts = [prompt for prompt, _ in choices]
        attempt = self._typed + character
        found = best_match(prompts, attempt)
        if found is None and self._typed:  # a new word rather than more of the old one
            attempt = character
            found = best_match(prompts, attempt)
        if found is None:
            self.app.notify(
                f'No choice here has a word starting with "{self._typed + character}".',
                title="Choices",
            )
            return
        self._typed = attempt
        self.value = choices[found][1]

    def _on_blur(self, event: events.Blur) -> None:
        self._typed = ""
