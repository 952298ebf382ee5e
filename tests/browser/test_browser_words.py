"""The words page in real headless Chromium: the word explorer switches its precomputed
views with the keyboard and the mouse, with no kernel, and the page stays clean."""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest
from test_browser import browser, server  # noqa: F401  (pytest fixtures; the module skips without chromium)

pytestmark = pytest.mark.browser
PAGE = "notebooks/words.html"
EXPLORER = ".studyguide-word-explorer"
VISIBLE_KEYS = f"{EXPLORER} .studyguide-views .kwic-key:visible"
CHAPTER_LINK = re.compile(r"^\.\./chapters/texts/solidarity-oil-workers\.html#p[1-8]$")


@pytest.fixture
def page(browser, server):
    """The words page, recording third-party requests, failed requests and console errors."""
    context = browser.new_context()
    problems: list[str] = []

    def route(route):
        url = route.request.url
        if urlparse(url).hostname == "127.0.0.1" or url.startswith(("data:", "blob:", "about:")):
            route.continue_()
        else:
            problems.append(f"third-party request {url}")
            route.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("requestfailed", lambda r: problems.append(f"failed {r.url}"))
    page.on("console", lambda m: m.type == "error" and problems.append(f"console error {m.text}"))
    page.on("pageerror", lambda e: problems.append(f"page error {e}"))
    page.goto(f"{server}/{PAGE}", wait_until="networkidle")
    page.locator(f"{EXPLORER} select").first.wait_for()
    yield page
    context.close()
    assert not problems, problems


def visible_keywords(page) -> list[str]:
    return [key.lower() for key in page.locator(VISIBLE_KEYS).all_inner_texts()]


def wait_for_word(page, word: str) -> None:
    page.wait_for_function(
        """([selector, word]) => {
            const keys = [...document.querySelectorAll(selector)].filter(k => k.offsetParent !== null);
            return keys.length > 0 && keys.every(k => k.innerText.trim().toLowerCase() === word);
        }""",
        arg=[f"{EXPLORER} .studyguide-views .kwic-key", word],
    )


def test_keyboard_changes_the_word_and_its_concordance(page):
    select = page.locator(f"{EXPLORER} select").first
    first, second = select.locator("option").all_inner_texts()[:2]
    wait_for_word(page, first)
    assert set(visible_keywords(page)) == {first}
    select.focus()
    page.keyboard.press("ArrowDown")
    wait_for_word(page, second)
    lines = visible_keywords(page)
    assert lines and set(lines) == {second}
    assert first not in lines


def test_choosing_a_word_shows_its_lines_links_and_plot(page):
    select = page.locator(f"{EXPLORER} select").first
    select.select_option(label="you")
    wait_for_word(page, "you")
    view = page.locator(f"{EXPLORER} .word-view:visible")
    assert view.count() == 1
    assert len(visible_keywords(page)) == 12
    text = view.inner_text()
    assert "12 times in 764 words" in text and "paragraphs 2 and 8" in text
    links = view.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert links and all(CHAPTER_LINK.match(href) for href in links)
    assert view.locator("img[alt^='Dispersion plot']").count() == 1
    for right in view.locator(".kwic-right").all_inner_texts():
        assert right  # every line has context to the right
