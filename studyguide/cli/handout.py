"""The printable handouts: the student handout and the teacher guide, each one PDF.

Pages of the *built* book are printed with Chromium (driven by Playwright, offline:
pages are opened from disk, anything else is refused) and joined with pypdf.

- The student handout (from the student edition): each text, the glossary and the
  questions, whose self-check quizzes print as a worksheet. The student edition holds
  no model answer or teacher note, so neither can the handout.
- The teacher guide (from the teacher edition): each text, the commentary, and the
  questions with every model answer and teacher note opened and labelled.

A print stylesheet, added only here, hides the site's navigation and buttons and keeps
a glossary term with its definition and a heading with what follows it. The PDF's dates
are fixed (SOURCE_DATE_EPOCH, else the last commit's time), so the same commit prints
the same file.

Playwright and pypdf are test requirements (``requirements-test.txt``); the browser is
Debian's ``chromium``, never a downloaded one.
"""

from __future__ import annotations

import datetime as dt
import io
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..base.errors import InputError
from ..book.edition_names import DOWNLOADS
from ..book.edition_names import HANDOUTS as LINKED
from ..texts.pages import CHAPTER_FOLDER
from .browser import ToolMissing, launch, sync_playwright


@dataclass(frozen=True)
class Handout:
    """What one edition's PDF holds."""

    file: str  # its name in the built book's downloads folder
    title: str
    after_texts: tuple[str, ...]  # pages printed after the text chapters
    open_notes: bool  # open every folded teacher block before printing


HANDOUTS = {
    "student": Handout(LINKED["student"][0], "Student handout: the text, the glossary and the questions",
                       ("chapters/guide/glossary.html", "chapters/guide/questions.html"), False),
    "teacher": Handout(LINKED["teacher"][0], "Teacher guide: the text, the commentary, questions with model answers",
                       ("chapters/guide/commentary.html", "chapters/guide/questions.html"), True),
}

PRINT_CSS = """
@media print {
  .bd-header, .bd-header-article, .bd-sidebar-primary, .bd-sidebar-secondary,
  .bd-footer, .bd-footer-article, .bd-footer-content, .prev-next-area,
  .header-article-items, .article-header-buttons, #pst-skip-link, .search-button-field,
  .headerlink, .toggle-button, .tippy-box, #jb-print-toc,
  .pst-scrollable-table-container::-webkit-scrollbar { display: none !important; }
  .bd-main .bd-content .bd-article-container, .bd-page-width, .bd-article {
    max-width: none !important; padding: 0 !important; margin: 0 !important;
  }
  body { font-size: 11pt; }
  a { color: inherit !important; text-decoration: none !important; }
  .seed-paragraph, dd, tr, .admonition, .sg-quiz-item { break-inside: avoid; }
  /* keep a glossary term with its definition, a heading with what follows it, a question with its answer */
  dt, h1, h2, h3, h4, .admonition-title, legend, li > p:first-child { break-after: avoid; break-inside: avoid; }
  .teacher-note { border-left: 4px solid #000 !important; }
  .teacher-note > .admonition-title::after { content: " (teacher edition)"; }
}
"""
OPEN_NOTES = """() => document.querySelectorAll('.teacher-note.toggle-hidden, .admonition.toggle-hidden').forEach(
    note => note.classList.remove('toggle-hidden'))"""
FOOTER = (
    '<div style="font-size:8pt;width:100%;text-align:center;color:#444">'
    '<span class="title"></span> &middot; page <span class="pageNumber"></span></div>'
)


def handout_pages(html: Path, handout: Handout) -> list[Path]:
    """The built pages in order: each text chapter, then the handout's other pages."""
    html = Path(html)
    texts = sorted((html / CHAPTER_FOLDER).glob("*.html"))
    if not texts:
        raise InputError(html, "no built text chapters here; build the book first: python -m studyguide build")
    pages = [*texts, *(html / name for name in handout.after_texts)]
    for page in pages:
        if not page.is_file():
            raise InputError(page, "missing from the built book; rebuild: python -m studyguide build")
    return pages


def print_pages(pages: Sequence[Path], open_notes: bool = False, chromium: str | None = None) -> list[bytes]:
    """Each page as PDF bytes, printed by Chromium with the handout stylesheet."""
    documents: list[bytes] = []
    with sync_playwright() as playwright:
        browser = launch(playwright, chromium)
        try:
            context = browser.new_context()
            # Offline by construction: anything that is not a local file is refused.
            context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(("file:", "data:", "blob:", "about:")) else route.abort())
            page = context.new_page()
            for path in pages:
                page.goto(Path(path).resolve().as_uri(), wait_until="load")
                page.add_style_tag(content=PRINT_CSS)
                if open_notes:
                    page.evaluate(OPEN_NOTES)
                page.emulate_media(media="print")
                documents.append(page.pdf(
                    format="A4",
                    margin={"top": "15mm", "bottom": "18mm", "left": "15mm", "right": "15mm"},
                    display_header_footer=True,
                    header_template="<span></span>",
                    footer_template=FOOTER,
                ))
        finally:
            browser.close()
    return documents


def pdf_date(epoch: int) -> str:
    """A PDF date string (``D:20120601000000Z``) for a Unix time."""
    return dt.datetime.fromtimestamp(epoch, dt.UTC).strftime("D:%Y%m%d%H%M%SZ")


def join_pdfs(documents: Sequence[bytes], title: str, epoch: int) -> bytes:
    try:
        from pypdf import PdfReader, PdfWriter
    except ImportError:
        raise ToolMissing("pypdf is missing: pip install -r requirements-test.txt") from None
    writer = PdfWriter()
    for document in documents:
        writer.append(PdfReader(io.BytesIO(document)))
    writer.add_metadata({"/Title": title, "/Producer": "studyguide", "/CreationDate": pdf_date(epoch),
                         "/ModDate": pdf_date(epoch)})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def make_handout(html: Path, output: Path | None = None, edition: str = "student", chromium: str | None = None,
                 epoch: int | None = None) -> Path:
    """Print ``edition``'s handout from the book built in ``html`` into ``output`` (default: its downloads folder)."""
    handout = HANDOUTS[edition]
    output = Path(output) if output else Path(html) / DOWNLOADS / handout.file
    epoch = epoch if epoch is not None else int(os.environ.get("SOURCE_DATE_EPOCH", "0"))
    pdf = join_pdfs(print_pages(handout_pages(html, handout), handout.open_notes, chromium), handout.title, epoch)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(pdf)
    return output
