"""The built book: the text chapter, provenance, notes, notebook output, and no third-party assets."""

from __future__ import annotations

import re

import pytest
from books import SandboxText

from studyguide import load_corpus
from support import BODY_FOR_CLI, CHAPTER, ROOT, TEXT_ID, Page, page

pytestmark = pytest.mark.build
THIRD_PARTY = re.compile(r"^(https?:)?//")


def test_build_log_has_no_warnings(built_book):
    log = (built_book.parent / "build.log").read_text()
    assert "build succeeded" in log
    assert not re.search(r"WARNING|ERROR|Traceback", log), re.findall(r".*(?:WARNING|ERROR).*", log)[:5]


def test_landing_page_says_what_the_guide_is(built_book):
    landing = page(built_book, "index.html").visible
    assert "study guide" in landing
    assert "Who it is for" in landing
    assert "How to use it" in landing


def test_text_chapter_shows_every_paragraph_numbered_and_linkable(built_book):
    chapter = page(built_book, CHAPTER)
    text = load_corpus(ROOT)[TEXT_ID]
    assert text.title in chapter.visible
    for paragraph in text.paragraphs:
        assert f"p{paragraph.number}" in chapter.ids
        # the paragraph's words appear whole, with only note markers added
        marked = paragraph.text
        for note in text.notes_in(paragraph.number):
            marked = marked.replace(note.original, f"{note.original}[note {note.number}]", 1)
        assert " ".join(marked.split()) in chapter.visible
    numbers = [a.get("href") for a in chapter.select("a.paragraph-number.reference.internal")]
    assert numbers == [f"#p{n}" for n in range(1, 9)]
    quotations = chapter.select("blockquote.seed-quotation")
    assert any("As always when it comes" in chapter.text_of(quote) for quote in quotations)


def test_text_chapter_shows_provenance_and_editorial_notes(built_book):
    chapter = page(built_book, CHAPTER)
    visible = chapter.visible
    assert "Author: fred." in visible
    assert "Responds to: “Solidarity with the oil workers" in visible
    assert "International Communist Current" in visible
    # each fact once, in words: the date as a period, then the sidecar's note on how it is known
    assert "Date: In or after May 2012. The forum page gives no date" in visible
    assert "(International Communist Current (ICConline), May 2012)" in visible and "2012-05" not in visible
    assert "Quotations: Paragraph 7 is set in quotation marks" in visible and "Language: English (en)" in visible
    links = [a["href"] for a in chapter.select("a[href]")]
    assert any("en.internationalism.org/icconline/201205/4882" in href for href in links), links
    assert "Editorial notes" in visible
    for number in range(1, 7):
        assert f"note-{number}" in chapter.ids
    for slip in ("tbe", "forceably", "it's condition", "you are also hide", "in such a warned."):
        assert f"“{slip}”" in visible
    assert "they are not corrected in the text" in visible


def test_overview_notebook_was_executed_with_figures_from_the_package(built_book):
    overview = page(built_book, "notebooks/overview.html")
    assert "Size of each text" in overview.visible
    assert "765" in overview.visible  # words in the seed, computed at build time
    assert overview.select(".studyguide-switcher.sg-static .sg-view")  # the explorer, precomputed, as plain HTML
    assert not overview.select('script[type="application/vnd.jupyter.widget-state+json"]')  # no widget manager needed


def test_no_page_loads_third_party_assets(built_book):
    pages = sorted(built_book.rglob("*.html"))
    assert len(pages) >= 4
    for html in pages:
        for url in Page(html.read_text("utf-8")).assets:
            assert not THIRD_PARTY.match(url), f"{html.relative_to(built_book)} loads {url}"
    for css in built_book.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", css.read_text("utf-8", "replace")):
            assert not THIRD_PARTY.match(url), f"{css.relative_to(built_book)} loads {url}"


def test_explorers_run_on_the_books_own_script_not_the_widget_manager(built_book):
    sources = [script["src"].split("?")[0] for script in page(built_book, "notebooks/overview.html").select("script[src]")]
    assert "../_static/studyguide-explorers.js" in sources and (built_book / "_static/studyguide-explorers.js").is_file()
    assert not [src for src in sources if "embed-amd" in src or "require" in src], sources


INJECTED = "First <script>alert('x')</script> paragraph."
SANDBOX_TEXTS = (SandboxText("010_letter", BODY_FOR_CLI.replace("First paragraph.", INJECTED).encode()),)


def test_html_in_a_seed_is_escaped_and_a_new_text_becomes_a_chapter(sandbox_book):
    built = sandbox_book(SANDBOX_TEXTS)  # added with `new` (the scaffold), then built; seeds/ unchanged by the build
    html = built.html
    chapter = page(html, "chapters/texts/a-letter-to-the-workers.html")
    assert INJECTED in chapter.visible  # shown as text, whole
    assert not [s for s in chapter.select("script") if "alert" in s.get_text()], "the seed's script became a script element"
    assert "<script>alert" not in chapter.source
    assert {"p1", "p2"} <= chapter.ids
    landing = [a["href"] for a in page(html, "index.html").select("a[href]")]
    assert "chapters/texts/a-letter-to-the-workers.html" in landing, landing
