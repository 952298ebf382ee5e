"""The built book: theme symbols in the text chapter link to the themes page, which was executed."""

from __future__ import annotations

import re

import pytest
from support import ROOT
from test_build import CHAPTER, page

from studyguide import load_corpus
from studyguide.analysis.themes import load_lexicon, score_paragraphs

pytestmark = pytest.mark.build
THEMES = "notebooks/themes.html"


def test_chapter_paragraphs_carry_linked_theme_symbols_from_the_data(built_book):
    source = (built_book / CHAPTER).read_text("utf-8")
    themes_page = page(built_book, THEMES)
    lexicon = load_lexicon(ROOT)
    text = load_corpus(ROOT)["solidarity-oil-workers"]
    for segment in score_paragraphs(text, lexicon):
        group = re.search(rf'aria-label="Themes of paragraph {segment.paragraph}">(.*?)</a></span>', source, re.S)
        assert group, f"paragraph {segment.paragraph} has no theme symbols"
        linked = re.findall(r'href="\.\./\.\./notebooks/themes\.html#(theme-[a-z-]+)"', group.group(1))
        assert linked == [t.anchor for t in segment.ranked(lexicon)]
        assert set(linked) <= themes_page.ids
        for theme in segment.ranked(lexicon):
            assert f'<span class="sg-sr-only">{theme.label}</span>' in group.group(0).replace("&#x27;", "'")
    p6 = re.search(r'aria-label="Themes of paragraph 6">(.*?)</a></span>', source, re.S).group(1)
    assert "#theme-media" in p6


def test_themes_page_was_executed_with_figures_tables_and_views(built_book):
    themes = page(built_book, THEMES)
    visible = themes.visible
    source = (built_book / THEMES).read_text("utf-8")
    assert "Themes, feeling and address" in visible
    for caption in ("Theme tracker for “Solidarity", "Evidence for the theme tracker", "Words counted for two themes",
                    "without the cue “bourgeoisie”", "Sentences VADER misreads", "Address and rhetoric by paragraph",
                    "Sentences that speak to “you”", "How each paragraph's voice is decided"):
        assert caption in visible, caption
    alts = re.findall(r'<img src="data:image/svg\+xml;base64,[^"]+" alt="([^"]+)"', source)
    assert any(a.startswith("Theme tracker for") for a in alts)
    assert any(a.startswith("Line chart of VADER sentiment") for a in alts)
    assert any(a.startswith("Grouped bar chart of pronouns") for a in alts)
    assert "application/vnd.jupyter.widget-state+json" in source
    assert "bad pattern 'self-organi[sz'" in visible  # the teacher's error example, computed
    assert 'href="themes.html"' in (built_book / "notebooks/overview.html").read_text("utf-8")  # next page in the toc
