"""The built study guide: its pages, links into the text, glossary marks, quotes, toggles, hover scripts."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from studyguide import load_corpus, load_project
from support import CHAPTER, ROOT, TEXT_ID, page

pytestmark = pytest.mark.build
GUIDE = ("how-to-use", "commentary", "key-quotes", "perspectives", "questions", "glossary")
TO_TEXT = f"../texts/{TEXT_ID}.html"
PARAGRAPH = re.compile(r"p\d+")
GLOSSARY_MARK = 'a.reference.internal[href^="../guide/glossary.html#term-"] > span.xref.std.std-term.glossary-mark'


def text():
    return load_corpus(ROOT)[TEXT_ID]


def guide(built_book, name: str):
    return page(built_book, f"chapters/guide/{name}.html")


def paragraph_links(found, target: str = TO_TEXT) -> list[str]:
    """The paragraph anchors (``p3``) of every link in ``found`` (a page or element) to the text chapter."""
    anchors = []
    for link in found.select("a[href]"):
        parts = urlsplit(link["href"])
        if parts.path == target and PARAGRAPH.fullmatch(parts.fragment):
            anchors.append(parts.fragment)
    return anchors


def headings(found) -> list[str]:
    """The text of every h1-h6, without its permalink sign."""
    titles = []
    for heading in found.soup.find_all(re.compile(r"^h[1-6]$")):
        copy = BeautifulSoup(str(heading), "html.parser")
        for link in copy.select("a.headerlink"):
            link.decompose()
        titles.append(" ".join(copy.get_text().split()))
    return titles


def test_study_guide_part_comes_right_after_the_texts(built_book):
    landing = page(built_book, "index.html")
    captions = [span.get_text() for span in landing.select('p.caption[role="heading"][aria-level="2"] > span.caption-text')]
    assert captions[:2] == ["The texts", "Study guide"], captions
    links = {a["href"] for a in landing.select("a[href]")}
    for name in GUIDE:
        assert f"chapters/guide/{name}.html" in links, name


def test_every_paragraph_link_in_the_guide_lands_on_a_paragraph(built_book):
    chapter_ids = page(built_book, CHAPTER).ids
    for name in GUIDE:
        for anchor in paragraph_links(guide(built_book, name)):
            assert anchor in chapter_ids, (name, anchor)
    # the commentary reaches every paragraph of the text
    assert {f"p{p.number}" for p in text().paragraphs} <= set(paragraph_links(guide(built_book, "commentary")))


def test_text_chapter_marks_glossary_terms_without_changing_the_words(built_book):
    chapter = page(built_book, CHAPTER)
    marks = [(urlsplit(span.parent["href"]).fragment, span.get_text()) for span in chapter.select(GLOSSARY_MARK)]
    glossary_ids = guide(built_book, "glossary").ids
    assert len(marks) >= 30
    assert all(target in glossary_ids for target, _ in marks)
    words = {word for _, word in marks}
    assert {"Stalinism", "self-organization", '"free" Trades Union', "dark satanic", "Machiavellian", "media blackout"} <= words
    # one mark per term per paragraph
    paragraphs = [div for div in chapter.select("div.seed-paragraph[id]") if PARAGRAPH.fullmatch(div["id"])]
    assert len(paragraphs) == len(text().paragraphs)
    for block in paragraphs:
        targets = [span.parent["href"] for span in block.select(GLOSSARY_MARK)]
        assert len(targets) == len(set(targets)), block["id"]


def test_glossary_page_defines_every_entry_with_an_anchor(built_book):
    glossary = load_project(ROOT).glossary
    listed = guide(built_book, "glossary")
    terms = listed.select('dt[id^="term-"]')
    assert ["".join(dt.find_all(string=True, recursive=False)).strip() for dt in terms] == [t.term for t in glossary]
    for entry in glossary:
        assert " ".join(entry.definition.split()) in listed.visible


def test_key_quotes_are_exact_words_of_the_text_with_links(built_book):
    quotes = guide(built_book, "key-quotes").select("blockquote.key-quote")
    assert 5 <= len(quotes) <= 10
    for quote in quotes:
        quoted = quote.find("p")
        assert quoted is not None and "attribution" not in (quoted.get("class") or []), quote
        anchors = paragraph_links(quote)
        assert len(anchors) == 1, quote
        words = quoted.get_text().strip("… ")
        assert words in text().paragraph(int(anchors[0][1:])).text


def test_commentary_uses_glossary_roles(built_book):
    commentary = guide(built_book, "commentary")
    terms = {urlsplit(a["href"]).fragment for a in commentary.select('a[href^="glossary.html#term-"]')}
    assert len(terms) >= 12


def test_questions_page_of_the_student_edition_has_sections_and_a_quiz_but_no_teacher_block(built_book):
    questions = guide(built_book, "questions")
    assert not questions.select(".teacher-note, .model-answer")
    assert len(questions.select("form.sg-quiz-item")) >= 12
    titles = headings(questions)
    for heading in ("Comprehension", "Analysis", "Evaluation", "Essay prompts", "Classroom activities"):
        assert heading in titles, (heading, titles)


def test_perspectives_cite_sources_for_each_actor(built_book):
    perspectives = guide(built_book, "perspectives")
    titles = headings(perspectives)
    for heading in ("The Kazakh authorities", "Human-rights and press-freedom organisations",
                    "Trade unions and left groups", "Foreign governments and companies"):
        assert heading in titles, (heading, titles)
    assert {"The text’s claims against the sources", "The text's claims against the sources"} & set(titles), "claims table missing"
    external = {a["href"] for a in perspectives.select("a.reference.external[href]") if re.match(r"https?://", a["href"])}
    assert len(external) >= 30


def test_hover_previews_are_self_hosted_and_loaded_only_when_wanted(built_book):
    chapter = page(built_book, CHAPTER)
    assert not [s["src"] for s in chapter.select("script[src]") if "tippy" in s["src"]], "tippy scripts load with the page"
    loader = chapter.one("script[src*='studyguide-tips.js']")
    static = built_book / "_static"
    libraries = loader["data-libraries"].split()
    assert any(name.endswith("popper.min.js") for name in libraries)
    assert any(name.endswith("tippy-bundle.umd.min.js") for name in libraries)
    for name in [*libraries, loader["data-tips"]]:
        assert not name.startswith(("http:", "https:", "//")) and (static / name).is_file(), name
    tips = (static / loader["data-tips"]).read_text("utf-8")
    assert tips.startswith("window.studyguideTips = ") and "window.onload" not in tips
    assert "term-bourgeoisie" in tips and "owns the means of production" in tips


def test_guide_tables_have_captions_and_header_cells(built_book):
    for name in GUIDE:
        for table in guide(built_book, name).select("table"):
            assert table.find("caption") and table.find("th"), name


def test_no_page_shows_a_role_as_text(built_book):
    # a `|` inside a role in a pipe-table row was read as a column break: the page showed
    # "{para}`2" and lost the row's last cell; any role left unparsed shows up so
    roles = re.compile(r"\{[a-z][a-z-]*\}`")
    shown = []
    for path in sorted(built_book.rglob("*.html")):
        soup = BeautifulSoup(path.read_text("utf-8"), "html.parser")
        for hidden in soup.select("pre, code, script, style, .cell_input, textarea"):
            hidden.decompose()
        found = roles.findall(soup.get_text(" "))
        if found:
            shown.append(f"{path.relative_to(built_book)}: {found[:3]}")
    assert not shown, "MyST roles shown as text:\n" + "\n".join(shown)
