"""Every way a saved version can leave careplan, in one place: which formats there are, for whom,
what each file is called, and the text of each. The command line's `export` and the app's Export
screen both make their files here, so they always agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from careplan.errors import CarePlanError

if TYPE_CHECKING:
    from careplan.store import PlanFile

Format = Literal["markdown", "json", "html", "fhir", "ics"]
Audience = Literal["family", "care-team"]

FORMATS: dict[Format, str] = {
    "markdown": "Markdown snapshot",
    "html": "A page to print (HTML)",
    "fhir": "For the care team's system (FHIR)",
    "ics": "Dates for a calendar (iCalendar)",
    "json": "careplan's own file, to import again (JSON)",
}
AUDIENCES: dict[Audience, str] = {"family": "For the family", "care-team": "For the care team"}
EXTENSIONS: dict[str, str] = {
    "markdown": ".md",
    "json": ".json",
    "html": ".html",
    "fhir": ".fhir.json",
    "ics": ".ics",
}
# Formats that are a page to read, so they have a one-page summary and two audiences.
PAGES = ("markdown", "html")
SUMMARY_NEEDS_A_PAGE = "--summary is a page to read: use it with --format markdown or html."


@dataclass(frozen=True)
class ExportChoice:
    """What to make: a format, for whom, and whether only the one-page summary."""

    format: Format = "markdown"
    audience: Audience = "family"
    summary: bool = False

    def check(self) -> None:
        if self.summary and self.format not in PAGES:
            raise CarePlanError(SUMMARY_NEEDS_A_PAGE)

    @property
    def extension(self) -> str:
        return EXTENSIONS[self.format]


def file_name(plan_file: PlanFile, number: int, choice: ExportChoice) -> str:
    """ "maria-lopez-v7-2026-11-22.md", "...-summary.html", "...-care-team.md", "....fhir.json"."""
    from careplan.markdown_export import default_export_name

    stem = default_export_name(plan_file, number).removesuffix(".md")
    if choice.summary:
        stem += "-summary"
    elif choice.format in PAGES and choice.audience == "care-team":
        stem += "-care-team"
    return stem + choice.extension


def render(plan_file: PlanFile, number: int, choice: ExportChoice) -> str:
    """The text of saved version `number` as `choice` says."""
    choice.check()
    if choice.summary:
        from careplan.summary_export import render_summary, summary_html

        make = summary_html if choice.format == "html" else render_summary
        return make(plan_file, number)
    if choice.format == "json":
        from careplan import plan_json

        return plan_json.dumps(plan_json.plan_to_json(plan_file, number))
    if choice.format == "html":
        from careplan.html_export import snapshot_html

        return snapshot_html(plan_file, number, audience=choice.audience)
    if choice.format == "fhir":
        from careplan import plan_json
        from careplan.fhir_export import fhir_bundle

        return plan_json.dumps(fhir_bundle(plan_file, number))
    if choice.format == "ics":
        from careplan.ics_export import ics_calendar

        return ics_calendar(plan_file, number)
    from careplan.markdown_export import render_snapshot

    return render_snapshot(plan_file, number, audience=choice.audience)


def preview(plan_file: PlanFile, number: int, choice: ExportChoice, written: str) -> str:
    """Markdown to show before writing, given `written`, the text `render` made for `choice`: the
    Markdown itself, the Markdown an HTML page is made from, or the file's text as a block."""
    if choice.format == "markdown":
        return written
    if choice.format == "html":
        return render(plan_file, number, ExportChoice("markdown", choice.audience, choice.summary))
    longest = max((len(run) for run in re.findall(r"`+", written)), default=0)
    fence = "`" * max(3, longest + 1)  # typed backticks can never close the block early
    language = {"json": "json", "fhir": "json", "ics": ""}[choice.format]
    return f"# {FORMATS[choice.format]}\n\n{fence}{language}\n{written}{fence}\n"
