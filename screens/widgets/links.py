"""What clicking a link in shown Markdown (the export preview, a comparison, help) does.

Links can come from words people typed (a web address reads as a link), so none is followed
without asking: a web link is offered to the system's browser once the person says yes, a link to
a heading scrolls to it, and anything else (a file's path, say) does nothing. Textual's own
handling would open the browser at once, or in a MarkdownViewer read the link as a file to show.
"""

from __future__ import annotations

from textual.widgets import Markdown

WEB = ("https://", "http://", "mailto:")


def follow_link(markdown: Markdown, href: str) -> None:
    """Act on a click on `href` in `markdown`, asking before anything leaves careplan."""
    href = href.strip()
    if href.startswith("#"):
        markdown.goto_anchor(href[1:])
        return
    if not href.lower().startswith(WEB):
        markdown.notify(
            "Only web links open from here; this one is left as it is.",
            title="Not opened",
            timeout=6,
        )
        return
    from careplan.screens.widgets.confirm import ConfirmScreen

    app = markdown.app

    def answered(yes: bool | None) -> None:
        if yes:
            app.open_url(href)

    app.push_screen(
        ConfirmScreen(
            "Open this link in your web browser?", href, yes="Open it", no="No, stay here"
        ),
        callback=answered,
    )
