"""The themes in real headless Chromium: the explorer switches views with no kernel and by
keyboard, marking the words that put a theme in a paragraph; chapter symbols link to the themes."""

from __future__ import annotations

import pytest

from support import CHAPTER, Visit

pytestmark = pytest.mark.browser
THEMES = "notebooks/themes.html"


def visible_marks(page, theme):
    # A theme view folds its marked paragraphs: open the folds, as a reader would.
    page.evaluate("document.querySelectorAll('.theme-view details').forEach(d => d.open = true)")
    return page.locator(f".studyguide-views mark.theme-cue[data-theme='{theme}']:visible")


def test_choosing_a_theme_marks_where_and_why_it_appears(chromium, book_url):
    with Visit(chromium) as visit:
        page = visit.open(f"{book_url}/{THEMES}")
        select = page.locator(".studyguide-switcher select").first
        select.wait_for()
        assert visible_marks(page, "exploitation").count() > 0  # the first theme is shown first
        assert visible_marks(page, "media").count() == 0
        # keyboard: Tab-reachable native select, arrow key moves to the next theme
        select.focus()
        page.keyboard.press("ArrowDown")
        page.evaluate("document.querySelectorAll('.theme-view details').forEach(d => d.open = true)")
        page.wait_for_function("() => [...document.querySelectorAll(\".studyguide-views mark[data-theme='repression']\")].some(m => m.offsetParent)")
        assert visible_marks(page, "exploitation").count() == 0
        select.select_option(label="◆ Media, silence and propaganda")
        page.evaluate("document.querySelectorAll('.theme-view details').forEach(d => d.open = true)")
        page.wait_for_function("() => [...document.querySelectorAll(\".studyguide-views mark[data-theme='media']\")].some(m => m.offsetParent)")
        marks = visible_marks(page, "media")
        words = [m.lower() for m in marks.all_inner_texts()]
        assert any(w.startswith("blackout") for w in words)
        title = marks.filter(has_text="blackout").first.get_attribute("title")
        assert title == "Media, silence and propaganda: cue “blackout” (exact), counted"
        view = page.locator(".studyguide-views .theme-view:visible")
        assert "Tracker row for ◆ Media, silence and propaganda" in view.inner_text()
        assert "Paragraph 6" in view.inner_text()
        visit.assert_clean(THEMES)


def test_chapter_symbol_leads_to_the_theme_section_by_keyboard(chromium, book_url):
    with Visit(chromium) as visit:
        page = visit.open(f"{book_url}/{CHAPTER}")
        link = page.locator("#p6 a.theme-symbol[href$='#theme-media']")
        assert link.get_attribute("title").startswith("Theme: Media, silence and propaganda")
        assert link.locator(".sg-sr-only").inner_text() == "Media, silence and propaganda"
        link.focus()
        page.keyboard.press("Enter")
        page.wait_for_url("**/notebooks/themes.html#theme-media")
        section = page.locator("#theme-media")
        section.wait_for()
        assert section.evaluate("el => el.matches(':target')")
        assert "Media, silence and propaganda" in section.inner_text()
        visit.assert_clean("chapter to themes")
