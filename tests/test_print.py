"""Printed for real: the demo's HTML page and its one-page summary rendered to PDF by headless
Chromium (Debian's `chromium`, which .ci/run installs), on A4 and US Letter, then read back."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from careplan.demo import build_demo
from careplan.html_export import snapshot_html
from careplan.store import Store
from careplan.summary_export import summary_html

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="needs Debian's chromium (.ci/run installs it)"
)
PAPERS = {"A4": (595, 842), "letter": (612, 792)}  # points, give or take a rounding


def printed(html: str, paper: str, folder: Path) -> PdfReader:
    page = folder / f"page-{paper}.html"
    # The page asks for the printer's paper ("size: auto"); here the paper is chosen as a person
    # picking it in the print dialog would.
    page.write_text(html.replace("size: auto", f"size: {paper}"), encoding="utf-8")
    pdf = folder / f"page-{paper}.pdf"
    subprocess.run(
        [
            str(CHROMIUM),
            "--headless",
            "--no-sandbox",  # CI runs as root, where Chromium's sandbox cannot start
            "--disable-gpu",
            "--no-pdf-header-footer",
            f"--user-data-dir={folder / 'profile'}",
            f"--print-to-pdf={pdf}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return PdfReader(pdf)


def text_of(reader: PdfReader) -> str:
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


@pytest.fixture(scope="module")
def demo_pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    store = Store(tmp_path_factory.mktemp("data"))
    plan_id = build_demo(store)
    with store.open_plan(plan_id, write=False) as plan_file:
        return {
            "full": snapshot_html(plan_file, 6, audience="care-team"),
            "summary": summary_html(plan_file, 6),
        }


@pytest.mark.parametrize("paper", PAPERS)
def test_the_whole_plan_prints_with_every_part_and_a_footer_on_the_paper_chosen(
    demo_pages: dict[str, str], paper: str, tmp_path: Path
) -> None:
    reader = printed(demo_pages["full"], paper, tmp_path)
    width, height = (float(side) for side in reader.pages[0].mediabox.upper_right)
    assert (round(width), round(height)) == PAPERS[paper]
    assert len(reader.pages) >= 3
    text = text_of(reader)
    for part in (
        "Care plan: Maggie Ellis",
        "What matters most",
        "Goals",
        "Support team",
        "If I can't speak for myself",
        "ReSPECT form",
        "For the care team",
    ):
        assert part in text, part
    # the footer names the person, the version and the day on every page
    assert all("Version 6" in (page.extract_text() or "") for page in reader.pages), (
        "a page without its footer"
    )


@pytest.mark.parametrize("paper", PAPERS)
def test_the_summary_for_whoever_is_called_fits_on_one_page(
    demo_pages: dict[str, str], paper: str, tmp_path: Path
) -> None:
    reader = printed(demo_pages["summary"], paper, tmp_path)
    assert len(reader.pages) == 1
    text = text_of(reader)
    assert "If you are called to help Maggie Ellis" in text
    assert "First point of contact" in text and "Sue Marsh" in text
    assert "Who speaks for them" in text and "Tom Ellis" in text
