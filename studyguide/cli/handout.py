"""The printable handout: the text, the glossary and the questions, as one PDF.

``python -m studyguide handout`` prints pages of the *built* book with Chromium
(driven by Playwright, offline: pages are opened from disk) and joins them with
pypdf. A print stylesheet, added only for the handout, hides the site's
navigation and buttons and every teacher note (``.teacher-note``: the model
answers folded away on the questions page), so the handout is for students.

Playwright and pypdf are test requirements (``requirements-test.txt``); the
browser is Debian's ``chromium``, never a downloaded one.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from ..base.errors import InputError
from ..texts.pages import CHAPTER_FOLDER
from .browser import ToolMissing, launch, sync_playwright

AFTER_TEXTS = ("chapters/guide/glossary.html", "chapters/guide/questions.html")

PRINT_CSS = """
@media print {
  .bd-header, .bd-header-article, .bd-sidebar-primary, .bd-sidebar-secondary,
  .bd-footer, .bd-footer-article, .bd-footer-content, .prev-next-area,
  .header-article-items, .article-header-buttons, #pst-skip-link, .search-button-field,
  .headerlink, .toggle-button, .tippy-box, .teacher-note, .dropdown.teacher-note,
  .pst-scrollable-table-container::-webkit-scrollbar { display: none !important; }
  .bd-main .bd-content .bd-article-container, .bd-page-width, .bd-article {
    max-width: none !important; padding: 0 !important; margin: 0 !important;
  }
  body { font-size: 11pt; }
  a { color: inherit !important; text-decoration: none !important; }
  .seed-paragraph, dt, dd, li { break-inside: avoid; }
  h1, h2, h3 { break-after: avoid; }
}
"""
FOOTER = (
    '<div style="font-size:8pt;width:100%;text-align:center;color:#444">'
    '<span class="title"></span> &middot; page <span class="pageNumber"></span></div>'
)


def handout_pages(html: Path) -> list[Path]:
    """The built pages in handout order: each text chapter, then the glossary and the questions."""
    html = Path(html)
    texts = sorted((html / CHAPTER_FOLDER).glob("*.html"))
    if not texts:
        raise InputError(html, "no built text chapters here; build the book first: python -m studyguide build")
    pages = [*texts, *(html / name for name in AFTER_TEXTS)]
    for page in pages:
        if not page.is_file():
            raise InputError(page, "missing from the built book; rebuild: python -m studyguide build")
    return pages


def print_pages(pages: Sequence[Path], chromium: str | None = None) -> list[bytes]:
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


def join_pdfs(documents: Sequence[bytes]) -> bytes:
    try:
        from pypdf import PdfReader, PdfWriter
    except ImportError:
        raise ToolMissing("pypdf is missing: pip install -r requirements-test.txt") from None
    writer = PdfWriter()
    for document in documents:
        writer.append(PdfReader(io.BytesIO(document)))
    writer.add_metadata({"/Title": "Study guide handout: text, glossary and questions"})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def make_handout(html: Path, output: Path, chromium: str | None = None) -> Path:
    """Print the handout pages of the built book in ``html`` into the PDF ``output``."""
    pages = handout_pages(html)
    pdf = join_pdfs(print_pages(pages, chromium))
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(pdf)
    return output
