"""A class corpus stays readable: with more texts, each notebook page (the first text shown) grows only by the
tables that list every text, and the "Text:" menus switch every section of the page together.

The guard of the class-corpus issue, in real Chromium at 1280 px, on the one sandbox build (the seed and the test
texts the selected modules add; this module adds three) against the student book (the seed alone).
"""

from __future__ import annotations

import pytest
from corpus_texts import sandbox_texts

from support import Visit

pytestmark = pytest.mark.browser
NOTEBOOKS = ("overview", "words", "themes", "timeline", "by-hand")  # by-hand: the seed's only
SLACK = 0.10  # of the seed-only height plus the corpus tables: the menus and the page's own sentences
SANDBOX_TEXTS = tuple(t for t in sandbox_texts() if t.stem in ("170_de", "180_verse", "190_numbers"))
# The tables with a row per text (and their titles): what a page may add per text.
CORPUS_TABLES = ("Size of each text", "Summary measures", "Each text against the other texts", "Where each text")
MEASURE = """captions => {
  const boxes = [...document.querySelectorAll('.sg-table-box')].filter(b =>
    captions.some(c => (b.getAttribute('aria-label') || '').startsWith(c)));
  const tall = e => e ? e.getBoundingClientRect().height : 0;
  const title = b => b.previousElementSibling && b.previousElementSibling.matches('.sg-table-title') ? b.previousElementSibling : null;
  return {height: document.documentElement.scrollHeight,
          tables: boxes.reduce((sum, b) => sum + tall(b) + tall(title(b)), 0)};
}"""


@pytest.fixture(scope="module")
def html(sandbox_book):
    return sandbox_book(SANDBOX_TEXTS).html


def heights(chromium, html) -> dict[str, dict]:
    found = {}
    with Visit(chromium, allowed=lambda url: url.startswith("file:"), viewport={"width": 1280, "height": 900}) as visit:
        for name in NOTEBOOKS:
            page = visit.open((html / "notebooks" / f"{name}.html").as_uri())
            found[name] = page.evaluate(MEASURE, list(CORPUS_TABLES))
    return found


def test_each_notebook_page_grows_only_by_its_corpus_tables(chromium, built_book, html):
    seed, corpus = heights(chromium, built_book), heights(chromium, html)
    for name in NOTEBOOKS:
        allowed = (1 + SLACK) * (seed[name]["height"] + corpus[name]["tables"] - seed[name]["tables"])
        assert corpus[name]["height"] <= allowed, (
            f"notebooks/{name}.html: {corpus[name]['height']:,.0f} px with the first text shown, over {allowed:,.0f} "
            f"(seed alone {seed[name]['height']:,.0f} px; tables of every text {corpus[name]['tables']:,.0f} px)")


def test_one_menu_switches_every_section_and_the_address_names_the_text(chromium, html):
    key = "song-of-the-cold-square"
    fetched = f"""() => [...document.querySelectorAll("[data-sg-key='{key}'] img")].map(i => i.naturalWidth > 0)"""
    with Visit(chromium, allowed=lambda url: url.startswith("file:")) as visit:
        page = visit.open((html / "notebooks/words.html").as_uri())
        boxes = page.locator("[data-sg-group='text']")
        count = boxes.count()
        assert count >= 10  # the per-text sections of the words page
        charts = page.evaluate(fetched)
        assert charts and not any(charts)  # a hidden text's charts are not fetched with the page
        menu = boxes.nth(count - 1).locator("select")
        menu.focus()
        menu.select_option(key)  # the last section's menu, reached by keyboard focus
        shown = page.evaluate("""() => [...document.querySelectorAll("[data-sg-group='text']")].map(b =>
            [...b.querySelectorAll(':scope > .studyguide-views > .sg-view')].filter(v => !v.hidden).map(v => v.dataset.sgKey))""")
        assert shown == [[key]] * count
        assert page.evaluate("location.hash") == f"#{key}"
        chart = page.locator(f"[data-sg-key='{key}'] img").first
        chart.scroll_into_view_if_needed()
        page.wait_for_function("img => img.naturalWidth > 0", arg=chart.element_handle())  # shown: fetched
        page = visit.open((html / "notebooks/themes.html").as_uri() + "#numbers-from-the-strike")
        menus = page.locator("[data-sg-group='text'] > .sg-menu select")
        assert {menus.nth(i).input_value() for i in range(menus.count())} == {"numbers-from-the-strike"}
