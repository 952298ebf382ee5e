"""A class corpus in real headless Chromium, from file:// (the test texts in the one sandbox build): the explorer finds the words the tables list in every script,
right-to-left text reads right to left, a verse line is a link target, and no page is wider than a phone."""

from __future__ import annotations

import pytest
from corpus_texts import BY_LANGUAGE, EXPECTED, VERSE_LINE_5, sandbox_texts, title

from support import Visit

pytestmark = pytest.mark.browser
EXPLORER = ".studyguide-word-explorer"
# Every shown heading, cell, paragraph or summary whose content runs past its own box (a long word that cannot break).
OVERFLOWING = """() => [...document.querySelectorAll('th, td, h1, h2, h3, p, summary, figcaption')]
    .filter(e => e.offsetParent && e.scrollWidth > e.clientWidth + 1).map(e => e.textContent.trim().slice(0, 60))"""


SANDBOX_TEXTS = sandbox_texts()
# Marks the explorer of the text with this title (the title its word index carries), for a locator, and chooses
# that text in the page's "Text:" menus (the page shows one text at a time), as a reader would.
MARK = """title => { for (const [n, box] of [...document.querySelectorAll('.studyguide-word-explorer')].entries()) {
    if (JSON.parse(box.querySelector('script[data-sg-index]').textContent).title === title) {
      box.dataset.testText = n;
      const view = box.closest('[data-sg-key]');
      if (view) {
        const menu = view.closest('[data-sg-group]').querySelector('select');
        menu.value = view.dataset.sgKey;
        menu.dispatchEvent(new Event('change'));
      }
      return n; } } }"""
# Every text's views shown at once (the page shows one text at a time), so that every text's tables are measured.
SHOW_EVERY_TEXT = "document.querySelectorAll('[data-sg-group] > .studyguide-views > [hidden]').forEach(v => v.hidden = false)"


@pytest.fixture(scope="module")
def html(sandbox_book):
    return sandbox_book(SANDBOX_TEXTS).html


@pytest.fixture(scope="module")
def words_page(chromium, html):
    with Visit(chromium, allowed=lambda url: url.startswith("file:")) as visit:
        page = visit.open((html / "notebooks/words.html").as_uri())
        yield page
        visit.assert_clean("notebooks/words.html")


def look_up(page, box, word: str) -> str:
    """Type ``word`` into the explorer ``box`` and press Enter; the text of the view it draws."""
    box.scroll_into_view_if_needed()
    field = box.locator("[data-sg-input]")
    field.wait_for()
    page.wait_for_function("el => !el.disabled", arg=field.element_handle())
    field.fill(word)
    field.press("Enter")
    view = box.locator(f".word-view[data-word='{word}']")
    view.wait_for()
    return view.inner_text()


def explorer(page, text_title: str):
    """The word explorer of the text titled ``text_title`` (other texts of the sandbox may share its language)."""
    number = page.evaluate(MARK, text_title)
    assert number is not None, text_title
    return page.locator(f"{EXPLORER}[data-test-text='{number}']")


@pytest.mark.parametrize("language", ["zh", "ar", "he", "fa", "ru", "kk", "de"])
def test_the_explorer_finds_each_scripts_words_as_the_tables_count_them(words_page, language):
    expected = BY_LANGUAGE[language]
    word, count = max(expected.counts.items(), key=lambda item: item[1])
    text = look_up(words_page, explorer(words_page, title(expected)), word)
    assert f"{word} : {count} times" in text.replace(":", " :") or f"{word}: {count} times" in text, text
    assert "not in this text" not in text


def test_numbers_with_separators_are_looked_up_whole(words_page):
    box = explorer(words_page, "Numbers from the strike")
    assert "3.5: 2 times" in look_up(words_page, box, "3.5")
    assert "1,000: 2 times" in look_up(words_page, box, "1,000")


def test_a_right_to_left_word_is_isolated_and_its_concordance_mirrored(words_page):
    box = explorer(words_page, title(BY_LANGUAGE["ar"]))
    look_up(words_page, box, "العمال")
    view = box.locator(".word-view[data-word='العمال']")
    assert view.locator("p strong bdi").first.inner_text() == "العمال"
    row = view.locator("table.kwic tbody tr").first
    left, key = (row.locator(f"td.{part}").bounding_box() for part in ("kwic-left", "kwic-key"))
    assert left["x"] > key["x"]  # the words before the keyword stand on its right, as in the text
    assert view.locator("table.kwic caption").get_attribute("dir") == "ltr"


def test_a_verse_line_is_a_link_target(chromium, html):
    with Visit(chromium, allowed=lambda url: url.startswith("file:")) as visit:
        page = visit.open((html / "chapters/texts/song-of-the-cold-square.html").as_uri() + "#l5")
        target = page.evaluate("document.querySelector(':target') && document.querySelector(':target').innerText")
        assert target.replace("\n", " ").strip() == f"5 {VERSE_LINE_5}"


def test_no_page_of_the_corpus_is_wider_than_a_phone(chromium, html):
    names = [f"chapters/texts/{e.id}.html" for e in EXPECTED] + ["notebooks/words.html", "notebooks/timeline.html"]
    with Visit(chromium, allowed=lambda url: url.startswith("file:"), viewport={"width": 390, "height": 800}) as visit:
        for name in names:
            page = visit.open((html / name).as_uri())
            page.evaluate(SHOW_EVERY_TEXT)
            assert page.evaluate("document.documentElement.scrollWidth") <= 390, name
            page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
            assert page.evaluate(OVERFLOWING) == [], name
            if name.startswith("chapters/texts/"):
                title = page.locator("section.seed-text h1").bounding_box()
                assert title["x"] + title["width"] <= 390, name
