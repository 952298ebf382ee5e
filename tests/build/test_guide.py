"""The built study guide: its pages, links into the text, glossary marks, quotes, toggles, hover scripts."""

from __future__ import annotations

import html as htmllib
import re

import pytest
from support import ROOT
from test_build import CHAPTER, Page, page

from studyguide import load_corpus
from studyguide.knowledge.glossary import load_glossary

pytestmark = pytest.mark.build
GUIDE = ("how-to-use", "commentary", "key-quotes", "perspectives", "questions", "glossary")


def text():
    return load_corpus(ROOT)["solidarity-oil-workers"]


def test_study_guide_part_comes_right_after_the_texts(built_book):
    landing = (built_book / "index.html").read_text("utf-8")
    captions = re.findall(r'<p aria-level="2" class="caption" role="heading"><span class="caption-text">([^<]+)<', landing)
    assert captions[:2] == ["The texts", "Study guide"], captions
    for name in GUIDE:
        assert f"chapters/guide/{name}.html" in landing


def test_every_paragraph_link_in_the_guide_lands_on_a_paragraph(built_book):
    chapter_ids = page(built_book, CHAPTER).ids
    linked = set()
    for name in GUIDE:
        source = (built_book / "chapters/guide" / f"{name}.html").read_text("utf-8")
        for anchor in re.findall(r'href="\.\./texts/solidarity-oil-workers\.html#(p\d+)"', source):
            assert anchor in chapter_ids, (name, anchor)
            linked.add(anchor)
    commentary = (built_book / "chapters/guide/commentary.html").read_text("utf-8")
    # the commentary reaches every paragraph of the text
    assert {f"p{p.number}" for p in text().paragraphs} <= set(re.findall(r'solidarity-oil-workers\.html#(p\d+)', commentary))


def test_text_chapter_marks_glossary_terms_without_changing_the_words(built_book):
    source = (built_book / CHAPTER).read_text("utf-8")
    marks = re.findall(r'<a class="reference internal" href="\.\./guide/glossary\.html#(term-[^"]+)"><span class="xref std std-term glossary-mark">([^<]+)</span></a>', source)
    glossary_ids = page(built_book, "chapters/guide/glossary.html").ids
    assert len(marks) >= 30
    assert all(target in glossary_ids for target, _ in marks)
    words = {htmllib.unescape(w) for _, w in marks}
    assert {"Stalinism", "self-organization", '"free" Trades Union', "dark satanic", "Machiavellian", "media blackout"} <= words
    # one mark per term per paragraph
    for block in re.findall(r'<div class="seed-paragraph[^"]*" id="p\d+">(.*?)</div>', source, re.S):
        targets = re.findall(r'glossary\.html#(term-[^"]+)"><span class="xref std std-term glossary-mark"', block)
        assert len(targets) == len(set(targets))


def test_glossary_page_defines_every_entry_with_an_anchor(built_book):
    glossary = load_glossary(ROOT / "data" / "glossary.toml")
    source = (built_book / "chapters/guide/glossary.html").read_text("utf-8")
    terms = re.findall(r'<dt id="(term-[^"]+)">([^<]+)<', source)
    assert [htmllib.unescape(t) for _, t in terms] == [t.term for t in glossary]
    visible = page(built_book, "chapters/guide/glossary.html").visible
    for entry in glossary:
        assert " ".join(entry.definition.split()) in visible


def test_key_quotes_are_exact_words_of_the_text_with_links(built_book):
    source = (built_book / "chapters/guide/key-quotes.html").read_text("utf-8")
    quotes = re.findall(r'<blockquote class="key-quote">\s*(?:<div>)?<p>(.*?)</p>.*?href="\.\./texts/solidarity-oil-workers\.html#p(\d+)"', source, re.S)
    assert 5 <= len(quotes) <= 10
    for quoted, number in quotes:
        words = htmllib.unescape(quoted).strip("… ")
        assert words in text().paragraph(int(number)).text


def test_commentary_uses_glossary_roles(built_book):
    source = (built_book / "chapters/guide/commentary.html").read_text("utf-8")
    assert len(set(re.findall(r'href="glossary\.html#(term-[^"]+)"', source))) >= 12


def test_questions_fold_teacher_notes_away(built_book):
    source = (built_book / "chapters/guide/questions.html").read_text("utf-8")
    notes = re.findall(r'<div class="dropdown teacher-note admonition"', source)
    assert len(notes) >= 5
    for heading in ("Comprehension", "Analysis", "Evaluation", "Essay prompts", "Classroom activities"):
        assert f">{heading}<" in source


def test_perspectives_cite_sources_for_each_actor(built_book):
    source = (built_book / "chapters/guide/perspectives.html").read_text("utf-8")
    for heading in ("The Kazakh authorities", "Human-rights and press-freedom organisations",
                    "Trade unions and left groups", "Foreign governments and companies",
                    "The text’s claims against the sources", "The text's claims against the sources"):
        if heading in source:
            break
    else:
        pytest.fail("claims table missing")
    external = re.findall(r'<a class="reference external" href="(https?://[^"]+)"', source)
    assert len(set(external)) >= 30


def test_hover_previews_are_self_hosted(built_book):
    source = (built_book / CHAPTER).read_text("utf-8")
    scripts = re.findall(r'<script[^>]+src="([^"]*tippy[^"]*)"', source)
    assert any("tippyjs/popper.min.js" in s for s in scripts)
    assert any("tippyjs/tippy-bundle.umd.min.js" in s for s in scripts)
    assert not any(s.startswith(("http:", "https:", "//")) for s in scripts)
    data = [s for s in scripts if "/tippy/" in s]
    assert data, scripts
    tips = (built_book / "chapters/texts" / data[0].split("?")[0]).read_text("utf-8")
    assert "term-bourgeoisie" in tips and "owns the means of production" in tips


def test_guide_tables_have_captions_and_header_cells(built_book):
    for name in GUIDE:
        source = (built_book / "chapters/guide" / f"{name}.html").read_text("utf-8")
        for table in re.findall(r"<table.*?</table>", source, re.S):
            assert "<caption>" in table and "<th" in table, name
