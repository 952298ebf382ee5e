"""Quoting the seed exactly, numbers about it, and the addresses of its chapter and paragraphs."""

from __future__ import annotations

import re
from pathlib import Path

from studyguide import load_corpus
from studyguide.analysis.counts import COUNTABLE, REQUEST_FORM, Request, count, request
from studyguide.analysis.quotations import find_quotation, quotation, with_ellipses
from studyguide.book import guide, quiz
from studyguide.book.guide import in_words
from studyguide.texts.pages import chapter_url, page_url
from support import ROOT, TEXT_ID


def text():
    return load_corpus(ROOT)[TEXT_ID]


def test_quotations_come_from_the_seed_exactly():
    text = load_corpus(ROOT)[TEXT_ID]
    assert quotation(text, 2, "You will not escape.") == "You will not escape."
    assert quotation(text, 3, "A poor", "prison.") == "A poor reward and a new prison."
    assert quotation(text, 3, "not in the text") is None
    assert quotation(text, 3, "A poor", "not in the text") is None


def test_ellipses_mark_a_cut_inside_a_sentence():
    body = "One two. Three four five. Six"
    assert with_ellipses(body, "One two.") == "One two."
    assert with_ellipses(body, "Three four") == "Three four …"
    assert with_ellipses(body, "four five.") == "… four five."


def test_chapter_links_are_relative_to_the_page():
    assert chapter_url(TEXT_ID, 3, "chapters/guide/commentary") == "../texts/solidarity-oil-workers.html#p3"
    assert chapter_url(TEXT_ID, 1, "index") == "chapters/texts/solidarity-oil-workers.html#p1"
    assert chapter_url(TEXT_ID) == "../chapters/texts/solidarity-oil-workers.html"  # from a notebook page
    assert page_url("notebooks/themes", "chapters/texts/x", "theme-war") == "../../notebooks/themes.html#theme-war"


def test_seed_quotations_are_found_only_verbatim():
    assert find_quotation(text(), "point tbe way forward") == 4
    assert find_quotation(text(), "point the way forward") is None  # the slip is part of the quotation
    assert find_quotation(text(), "Do not even try … definitely do not strike!") == 2
    assert find_quotation(text(), "definitely do not strike! … Do not even try") is None  # parts in order
    assert find_quotation(text(), "point tbe way forward", 3) is None


def test_counts_about_the_seed_come_from_the_text():
    body = text().paragraph(5).text
    assert count(text(), "question-marks", 5) == body.count("?")
    assert count(text(), "questions", 5) == 5
    assert count(text(), "paragraphs") == len(text().paragraphs)
    written = " ".join(p.text for p in text().paragraphs)
    assert count(text(), "occurrences", word="Workers") == len(re.findall(r"\bworkers\b", written, re.I))
    assert (in_words(5), in_words(0), in_words(13)) == ("five", "none", "13")



def test_the_countable_things_are_listed_once_and_asked_for_one_way():
    # the chapters' {seed-count} and the quiz's count read requests with counts.request, and
    # neither the Sphinx layer nor the quiz keeps a list of its own
    for what in COUNTABLE:
        asked = request(f"{what} of you" if what == "occurrences" else what)
        assert asked == Request(what, word="you" if what == "occurrences" else None)
        assert request(f"{TEXT_ID}:{what}{' of you' if what == 'occurrences' else ''}  in  3").number == 3
    assert request("occurrences") is None and request("letters") is None and request("questions in x") is None
    assert request("question-marks in 5") == Request("question-marks", number=5)
    assert all(what in REQUEST_FORM for what in COUNTABLE)
    for module in (guide, quiz):
        source = Path(module.__file__).read_text("utf-8")
        assert not [what for what in COUNTABLE if f"{what}|" in source or f"|{what}" in source], module.__name__
