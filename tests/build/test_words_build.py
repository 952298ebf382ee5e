"""The built words page: executed at build time, every section present, numbers from the
package, concordance lines linking to the chapter, figures with alt text, widget state saved."""

from __future__ import annotations

import re

import pytest
from test_build import page

from studyguide import load_corpus
from support import ROOT
from studyguide.analysis.frequency import text_profile

pytestmark = pytest.mark.build
WORDS = "notebooks/words.html"


def test_words_page_is_in_the_book_after_the_overview(built_book):
    overview = (built_book / "notebooks/overview.html").read_text("utf-8")
    assert 'href="words.html"' in overview  # the "next" link and the sidebar


def test_words_page_shows_every_measure_computed_at_build_time(built_book):
    visible = page(built_book, WORDS).visible
    for heading in ("From text to words", "summary measures", "Word lists", "keyness against general English",
                    "n-grams and collocations", "dispersion", "Keyword in context", "Explore a word",
                    "What the counts show about this text", "What these numbers cannot tell you"):
        assert heading in visible, heading
    profile = text_profile(load_corpus(ROOT)["solidarity-oil-workers"])
    assert f"has {profile.tokens} words, and {profile.hapax} of its {profile.types} distinct words" in visible
    assert "reference size: 100,000,000 words" in visible
    assert "“workers” in context: 11 lines" in visible
    assert "the 15 most distinctive words against general English" in visible
    assert "bourgeoisie 7 9.2" in visible  # word list row: count and per 1,000


def test_words_page_links_figures_and_widgets(built_book):
    source = (built_book / WORDS).read_text("utf-8")
    links = re.findall(r'href="(\.\./chapters/texts/[^"#]+#[^"]*)"', source)
    assert len(links) >= 23 and all(re.fullmatch(r"\.\./chapters/texts/solidarity-oil-workers\.html#p[1-8]", u) for u in links)
    alts = re.findall(r'<img src="data:image/svg\+xml;base64,[^"]+" alt="([^"]+)"', source)
    assert any(a.startswith("Bar chart of the 15 words") and "“bourgeoisie”" in a for a in alts)
    assert any(a.startswith("Dispersion plot across the 764 words") and "“you” occurs 12 times, in paragraphs 2 and 8" in a for a in alts)
    assert "application/vnd.jupyter.widget-state+json" in source
    assert "studyguide-word-explorer" in source
