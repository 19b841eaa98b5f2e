"""A saved version as one self-contained HTML page to read on screen or print on A4 or US Letter.

The page is the Markdown snapshot (`markdown_export`), so it says exactly what the Markdown says
and user text has already been escaped there. It is turned into HTML by markdown-it with raw HTML
switched off and only http(s)/mailto links allowed, so even text that slipped past the Markdown
escaping would come out as text. The page loads nothing: inline CSS, no scripts, fonts or images,
and a Content-Security-Policy that forbids fetching anything.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from markdown_it import MarkdownIt

from careplan.dates import day_in_words
from careplan.markdown_escape import plain_lines

if TYPE_CHECKING:
    from careplan.store import PlanFile, VersionInfo

__all__ = ["CONTENT_SECURITY_POLICY", "render_html", "snapshot_html", "version_day"]

# Nothing may load or run; inline styles only. (A meta CSP cannot set frame-ancestors; not needed.)
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; "
    "base-uri 'none'; form-action 'none'"
)

_STYLE = """
:root { color: #000; background: #fff; }
body { font-family: serif; font-size: 12pt; line-height: 1.4; max-width: 46em; margin: 1em auto;
  padding: 0 1em; color: #000; background: #fff; }
h1 { font-size: 20pt; } h2 { font-size: 15pt; border-bottom: 1px solid #000; }
h3 { font-size: 13pt; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #000; padding: 0.2em 0.4em; text-align: left; vertical-align: top; }
a { color: #000; }
footer { margin-top: 2em; border-top: 1px solid #000; font-size: 10pt; }
@page { size: auto; margin: 15mm 15mm 20mm 15mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 11pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
  h2.new-page { break-before: page; page-break-before: always; }
  tr, li { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  footer { position: fixed; bottom: 0; left: 0; right: 0; margin: 0; padding-top: 2mm; }
}
"""

# Long parts that read better starting on a fresh sheet when printed.
_NEW_PAGE_PARTS = ("Goals", "Support team", "For the care team")


def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False}).enable("table")


def render_html(markdown_text: str, *, title: str, footer: str) -> str:
    """The Markdown snapshot as a whole page; `title` and `footer` are plain text (escaped here)."""
    body = _parser().render(markdown_text)
    for part in _NEW_PAGE_PARTS:
        body = body.replace(f"<h2>{part}</h2>", f'<h2 class="new-page">{part}</h2>')
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_text(title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
        f"<main>\n{body}</main>\n<footer>{_text(footer)}</footer>\n</body>\n</html>\n"
    )


def version_day(info: VersionInfo) -> str:
    """The day a version speaks for: its conversation's, or (older versions) the day it was saved."""
    if info.session_date is not None:
        return f"session of {day_in_words(info.session_date)}"
    return f"saved {day_in_words(info.saved_at)}"


def snapshot_html(plan_file: PlanFile, number: int, *, audience: str = "family") -> str:
    """The page for one saved version, its footer naming the person, the version and the day."""
    from careplan.markdown_export import render_snapshot

    person = plan_file.person or plan_file.id
    footer = f"Care plan: {person}. Version {number}, {version_day(plan_file.version(number))}."
    if audience == "care-team":
        footer += " For the care team."
    return render_html(
        render_snapshot(plan_file, number, audience=audience),
        title=f"Care plan: {person}",
        footer=footer,
    )


def _text(text: str) -> str:
    return html.escape(" ".join(plain_lines(text)), quote=True)
