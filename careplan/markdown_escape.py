"""Text people typed, made safe to place inside a Markdown document.

`escape_inline` gives one line (for a heading, a list item or a table cell); `escape_block` keeps
the person's line breaks as hard breaks. Either way the text reads as itself in any CommonMark or
GitHub viewer and can never start a heading, a list, a table, a quote, code or raw HTML, because
every character that could do so is backslash-escaped. Ordinary punctuation (full stops, commas,
dashes and ampersands inside a sentence) is left alone so the file still reads well as plain text.
"""

from __future__ import annotations

import re

__all__ = ["escape_block", "escape_inline", "plain_lines"]

# Anywhere in a line: emphasis, code, links, HTML, tables, strikethrough, escapes.
_ANYWHERE = re.compile(r"([\\`*_\[\]<|~])")
# Only at the start of a block: headings, quotes, list items, setext underlines, list numbers.
_BLOCK_START = re.compile(r"^([#>+\-=])|^(\d+)([.)])")
# "Plan #" would lose its "#" in a heading: a closing run of "#" after a space ends an ATX heading.
_CLOSING_HASHES = re.compile(r"(\s)(#+)$")
# "&amp;", "&#35;", "&#x1F;": a character reference would be decoded, so its "&" is escaped.
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
# Characters that mean nothing on paper (NUL, bell, escape...), not tab and not line breaks.
_UNPRINTABLE = re.compile(r"[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f]")


def plain_lines(text: str) -> list[str]:
    """The non-blank lines of typed text, stripped, with unprintable characters dropped.

    Line breaks are whatever Python counts as one (including U+2028 and form feeds), so what a
    person sees as separate lines stays separate, and nothing is hidden inside a line.
    """
    cleaned = _UNPRINTABLE.sub("", text)
    return [line.strip() for line in cleaned.splitlines() if line.strip()]


def escape_inline(text: str) -> str:
    """Typed text as one line of literal Markdown text; line breaks become spaces."""
    return _escape_line(" ".join(plain_lines(text)))


def escape_block(text: str) -> str:
    """Typed text over several lines, each kept as its own line (a hard break), never as structure."""
    return "\\\n".join(_escape_line(line) for line in plain_lines(text))


def _escape_line(line: str) -> str:
    line = _ANYWHERE.sub(r"\\\1", line)
    line = _ENTITY.sub(r"\\&", line)
    line = _CLOSING_HASHES.sub(r"\1\\\2", line)
    return _BLOCK_START.sub(_escape_block_start, line)


def _escape_block_start(match: re.Match[str]) -> str:
    if match[1]:
        return "\\" + match[1]
    return f"{match[2]}\\{match[3]}"
