"""The built book: theme symbols in the text chapter link to the themes page, which was executed."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from studyguide import load_project
from studyguide.analysis.themes import score_paragraphs
from support import CHAPTER, ROOT, TEXT_ID, page

pytestmark = pytest.mark.build
THEMES = "notebooks/themes.html"
TO_THEMES = "../../notebooks/themes.html"


def symbol_group(chapter, paragraph: int):
    groups = chapter.select(f'span.theme-symbols[aria-label="Themes of paragraph {paragraph}"]')
    assert len(groups) == 1, f"paragraph {paragraph} has {len(groups)} groups of theme symbols"
    return groups[0]


def test_chapter_paragraphs_carry_linked_theme_symbols_from_the_data(built_book):
    chapter = page(built_book, CHAPTER)
    themes_page = page(built_book, THEMES)
    project = load_project(ROOT)
    lexicon = project.lexicon
    for segment in score_paragraphs(project.corpus[TEXT_ID], lexicon):
        group = symbol_group(chapter, segment.paragraph)
        assert group.find_parent(id=f"p{segment.paragraph}") is not None, f"paragraph {segment.paragraph}'s symbols sit outside it"
        links = [urlsplit(a["href"]) for a in group.select("a[href]")]
        assert all(link.path == TO_THEMES for link in links), links
        linked = [link.fragment for link in links]
        ranked = [t for t in lexicon if t in segment.ranked(lexicon)]  # the legend's (lexicon's) order, not strength
        assert linked == [t.anchor for t in ranked]
        assert set(linked) <= themes_page.ids
        assert [span.get_text() for span in group.select("span.sg-sr-only")] == [t.label for t in ranked]
    assert "theme-media" in [urlsplit(a["href"]).fragment for a in symbol_group(chapter, 6).select("a[href]")]


def test_themes_page_was_executed_with_figures_tables_and_views(built_book):
    themes = page(built_book, THEMES)
    visible = themes.visible
    assert "Themes, feeling and address" in visible
    for caption in ("Theme tracker for “Solidarity", "Evidence for Exploitation and class", "Words counted for two themes",
                    "without the cue “bourgeoisie”", "Sentences VADER misreads", "Address and rhetoric by paragraph",
                    "Sentences that speak to “you”", "How each paragraph's voice is decided"):
        assert caption in visible, caption
    alts = [img.get("alt", "") for img in themes.select("figure.studyguide-figure img")]
    assert any(a.startswith("Theme tracker for") for a in alts)
    assert any(a.startswith("Line chart of VADER sentiment") for a in alts)
    assert any(a.startswith("Grouped bar chart of pronouns") for a in alts)
    assert themes.select(".studyguide-switcher.sg-static .theme-view")  # the explorer, as plain HTML
    # Maintainer code (the error-handling demo, the live cue editor) lives on "Adding a text", not here.
    assert "tempfile" not in themes.source and "cue_editor" not in themes.source
    adding = page(built_book, "chapters/adding-a-text.html")
    assert "read_lexicon(broken)" in adding.visible and "cue_editor(" in adding.visible
    overview = page(built_book, "notebooks/overview.html")
    assert overview.select('a[href="themes.html"]')  # next page in the toc
