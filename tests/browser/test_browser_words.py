"""The words page in real headless Chromium: the word explorer draws the chosen word's view
(from the page's word index, by the book's own script) with the keyboard and the mouse, with
no kernel, and the page stays clean."""

from __future__ import annotations

import re

import pytest

from support import Visit

pytestmark = pytest.mark.browser
PAGE = "notebooks/words.html"
EXPLORER = ".studyguide-word-explorer"
CHAPTER_LINK = re.compile(r"^\.\./chapters/texts/solidarity-oil-workers\.html#p[1-8]$")


@pytest.fixture
def page(chromium, book_url):
    """The words page, recording third-party requests, failed requests and console errors."""
    with Visit(chromium) as visit:
        page = visit.open(f"{book_url}/{PAGE}")
        page.locator(f"{EXPLORER} select").first.wait_for()
        page.locator(EXPLORER).first.scroll_into_view_if_needed()  # the explorer reads its index when it is near
        yield page
        visit.assert_clean(PAGE)


# The keyword cell of each visible concordance line: its text without the screen-reader
# note, and whether it lies in a stretch the editors read differently (then it is marked as
# written, e.g. "you" of "you are also hide", counted as "you also hide").
KEYS = """selector => [...document.querySelectorAll(selector)].filter(k => k.offsetParent !== null).map(k => {
    const shown = k.cloneNode(true);
    shown.querySelectorAll('.sg-sr-only').forEach(s => s.remove());
    return {text: shown.textContent.trim().toLowerCase(), written: shown.querySelector('.sic') !== null};
})"""
KEY_CELLS = f"{EXPLORER} .studyguide-views .kwic-key"


def shows(key: dict, word: str) -> bool:
    return key["text"] == word or key["written"] and word in key["text"].split()


def visible_keys(page) -> list[dict]:
    return page.evaluate(KEYS, KEY_CELLS)


def wait_for_word(page, word: str) -> None:
    """Wait until every visible concordance line has ``word`` as its keyword."""
    page.wait_for_function(
        f"""([selector, word]) => {{
            const keys = ({KEYS})(selector);
            return keys.length > 0 && keys.every(k => k.text === word || k.written && k.text.split(/\\s+/).includes(word));
        }}""",
        arg=[KEY_CELLS, word],
    )


def test_keyboard_changes_the_word_and_its_concordance(page):
    select = page.locator(f"{EXPLORER} select").first
    first, second = select.locator("option").all_inner_texts()[:2]
    wait_for_word(page, first)
    assert all(shows(key, first) for key in visible_keys(page))
    select.focus()
    page.keyboard.press("ArrowDown")
    wait_for_word(page, second)
    lines = visible_keys(page)
    assert lines and all(shows(key, second) for key in lines)
    assert not any(shows(key, first) for key in lines)


def test_choosing_a_word_shows_its_lines_links_and_plot(page):
    select = page.locator(f"{EXPLORER} select").first
    select.select_option(label="you")
    wait_for_word(page, "you")
    view = page.locator(f"{EXPLORER} .word-view:visible")
    assert view.count() == 1
    keys = visible_keys(page)
    assert len(keys) == 12 and all(shows(key, "you") for key in keys)
    # the one line whose keyword sits in a phrase the editors read differently is marked as written
    assert [key["text"] for key in keys if key["written"]] == ["you"]
    text = view.inner_text()
    assert "12 times in 764 words" in text and "paragraphs 2 and 8" in text
    links = view.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert links and all(CHAPTER_LINK.match(href) for href in links)
    assert view.locator("svg[role=img][aria-label^='Dispersion of you']").count() == 1  # drawn by the book's script
    for right in view.locator(".kwic-right").all_inner_texts():
        assert right  # every line has context to the right
