"""The built words page: executed at build time, every section present, numbers from the
package, concordance lines linking to the chapter, figures with alt text, widget state saved."""

from __future__ import annotations

import re

import pytest

from studyguide import load_corpus
from studyguide.analysis.concordance import concordance
from studyguide.analysis.frequency import text_profile
from studyguide.analysis.keywords import highlight_words
from support import ROOT, TEXT_ID, page

pytestmark = pytest.mark.build
WORDS = "notebooks/words.html"
PARAGRAPH_LINK = re.compile(rf"\.\./chapters/texts/{re.escape(TEXT_ID)}\.html#p[1-8]")


def test_words_page_is_in_the_book_after_the_overview(built_book):
    overview = page(built_book, "notebooks/overview.html")
    assert overview.select('a[href="words.html"]')  # the "next" link and the sidebar


def test_words_page_shows_every_measure_computed_at_build_time(built_book):
    visible = page(built_book, WORDS).visible
    for heading in ("From text to words", "summary measures", "Word lists", "keyness against general English",
                    "n-grams and word pairs", "dispersion", "Keyword in context", "Explore a word",
                    "What the counts show about this text", "What these numbers cannot tell you"):
        assert heading in visible, heading
    text = load_corpus(ROOT)[TEXT_ID]
    profile = text_profile(text)
    assert f"has {profile.tokens} words, and {profile.hapax} of its {profile.types} distinct words" in visible
    assert "reference size: 100,000,000 words" in visible
    # the concordances follow the words the package chooses for this text (its most
    # distinctive word and its word of address), with every occurrence on a line
    assert highlight_words(text, distinct=1) == ["bourgeoisie", "you"]
    assert "“bourgeoisie” in context: 7 lines" in visible
    assert "“you” in context: 12 lines" in visible
    assert "the 15 most distinctive words against general English" in visible
    assert "bourgeoisie 7 9.2" in visible  # word list row: count and per 1,000


def test_words_page_links_figures_and_widgets(built_book):
    words = page(built_book, WORDS)
    links = [a["href"] for a in words.select('a[href^="../chapters/texts/"]') if "#" in a["href"]]
    assert all(PARAGRAPH_LINK.fullmatch(u) for u in links), links
    # one link per concordance line, to that line's paragraph, in order
    text = load_corpus(ROOT)[TEXT_ID]
    lines = [line for word in highlight_words(text, distinct=1) for line in concordance(text, word)]
    assert len(lines) >= 19
    assert [u.rsplit("#p", 1)[1] for u in links] == [str(line.paragraph) for line in lines]
    alts = [img.get("alt", "") for img in words.select("figure.studyguide-figure img")]
    assert any(a.startswith("Bar chart of the 15 words") and "“bourgeoisie”" in a for a in alts)
    assert any(a.startswith("Dispersion plot across the 764 words") and "“you” occurs 12 times, in paragraphs 2 and 8" in a for a in alts)
    assert words.select(".studyguide-word-explorer script[data-sg-index]")  # the any-word lookup and its index
