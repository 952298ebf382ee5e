"""Issue 13 in real Chromium: phones, hidden code, page height, tables, the landing page, dark mode
without console errors, chart type size, and the explorers (any word from file://, sortable
concordance, collocates, the timeline strip; glossary terms on a first tap: test_hover_tips.py)."""

from __future__ import annotations

import json

import pytest
from crawl import MODES, look_up, width

from studyguide import load_corpus
from studyguide.analysis.collocation import collocates
from studyguide.analysis.frequency import text_tokens, word_counts
from studyguide.analysis.tokens import word_pattern
from studyguide.cli.serve import pages
from support import CHAPTER, ROOT, TEXT_ID, Visit, is_file

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
NOTEBOOKS = ("notebooks/overview.html", "notebooks/words.html", "notebooks/themes.html", "notebooks/timeline.html",
             "notebooks/by-hand.html")
MAX_HEIGHT = 15_000


def visit(chromium, viewport=DESKTOP, mode="light", **context) -> Visit:
    found = Visit(chromium, viewport=viewport, color_scheme=mode, **context)
    found.page.add_init_script(f"localStorage.setItem('mode', '{mode}'); localStorage.setItem('theme', '{mode}')")
    return found


@pytest.mark.parametrize("mode", MODES)
def test_no_page_scrolls_sideways_on_a_phone_and_none_logs_an_error(crawl, built_book, mode):
    """Every page at 390 px (the words page also with a word looked up), from the shared crawl."""
    wide, problems = [], []
    for name in pages(built_book):
        record = crawl(name, 390, mode)
        if record.scroll_width > PHONE["width"]:
            wide.append(f"{name}: {record.scroll_width} px")
        if name == "notebooks/words.html":
            assert record.scroll_width_with_a_word is not None, "the crawl looked no word up on the words page"
            if record.scroll_width_with_a_word > PHONE["width"]:
                wide.append(f"{name} with a word looked up: {record.scroll_width_with_a_word} px")
        problems += record.problems()
    assert not wide, wide
    assert not problems, "\n".join(problems)


def test_notebook_code_is_hidden_until_its_toggle_is_opened(chromium, book_url):
    with visit(chromium) as desktop:
        for name in NOTEBOOKS:
            tab = desktop.open(f"{book_url}/{name}")
            inputs = tab.locator("div.cell:not(.tag_recompute) div.cell_input")  # the "by hand" cells are for reading
            assert inputs.count() > 0, name
            assert not [i for i in range(inputs.count()) if inputs.nth(i).is_visible()], f"{name}: code shown"
            toggle = tab.locator("div.cell details.above-input > summary").first
            toggle.click()
            assert inputs.first.is_visible(), f"{name}: the toggle shows no code"


def test_notebook_pages_are_at_most_15000_px_tall_as_they_open(chromium, book_url):
    """Measured as a reader first gets each page: every fold as it opens by default, nothing closed for the count."""
    heights = {}
    with visit(chromium) as desktop:
        for name in NOTEBOOKS:
            tab = desktop.open(f"{book_url}/{name}")
            heights[name] = tab.evaluate("document.documentElement.scrollHeight")
    print("page heights at 1280x800:", heights)
    assert max(heights.values()) <= MAX_HEIGHT, heights
    with visit(chromium) as desktop:
        tab = desktop.open(f"{book_url}/notebooks/themes.html")
        folds = tab.locator("#the-evidence details.sg-fold")
        assert folds.count() >= 5  # one per theme
        assert not [i for i in range(folds.count()) if folds.nth(i).evaluate("d => d.open")]


def test_the_by_hand_cells_code_and_output_wrap_on_a_phone_instead_of_scrolling_sideways(chromium, book_url):
    with visit(chromium, PHONE) as phone:
        tab = phone.open(f"{book_url}/notebooks/by-hand.html")
        boxes = tab.evaluate("""() => [...document.querySelectorAll('div.cell.tag_recompute pre')]
            .map(pre => [pre.scrollWidth - pre.clientWidth, pre.textContent.length])""")
        assert len(boxes) >= 24  # each cell's code and what it printed
        assert not [b for b in boxes if b[0] > 1], boxes  # nothing cut off at the right, to be scrolled to


def test_tables_are_padded_with_right_aligned_tabular_numbers_and_never_wider_than_their_column(chromium, book_url):
    with visit(chromium) as desktop:
        tab = desktop.open(f"{book_url}/notebooks/words.html")
        style = tab.locator("table.studyguide-table td.num").first.evaluate(
            "td => { const s = getComputedStyle(td); return [s.paddingLeft, s.paddingRight, s.textAlign, s.fontVariantNumeric]; }")
        assert float(style[0][:-2]) >= 4 and float(style[1][:-2]) >= 4, style
        assert style[2] == "right" and "tabular-nums" in style[3], style
    for viewport in (DESKTOP, PHONE):
        with visit(chromium, viewport) as tab_visit:
            for name in NOTEBOOKS:
                tab = tab_visit.open(f"{book_url}/{name}")
                tab.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
                over = tab.evaluate("""() => [...document.querySelectorAll('.sg-table-box, .kwic-scroll')]
                    .filter(box => box.offsetParent && box.getBoundingClientRect().width > box.parentElement.getBoundingClientRect().width + 1)
                    .map(box => box.getAttribute('aria-label'))""")
                assert not over, (name, viewport["width"], over)
                assert width(tab) <= viewport["width"], (name, viewport["width"], width(tab))
                if viewport is DESKTOP:
                    # at 1280 every table and concordance fits its column whole (the box scrolls
                    # only on a phone)
                    scrolled = tab.evaluate("""() => [...document.querySelectorAll('.sg-table-box, .kwic-scroll')]
                        .filter(box => box.offsetParent && box.scrollWidth > box.clientWidth + 1)
                        .map(box => box.getAttribute('aria-label'))""")
                    assert not scrolled, (name, scrolled)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_landing_page_summary_and_start_link_are_in_the_first_screen(chromium, book_url, viewport):
    with visit(chromium, viewport) as landing:
        tab = landing.open(f"{book_url}/index.html")
        for selector in (".sg-lead", "a.sg-start"):
            box = tab.locator(selector).first.bounding_box()
            assert box and box["y"] + box["height"] <= viewport["height"], (selector, box)
        tab.locator("a.sg-start").first.click()
        tab.wait_for_url(f"**/{CHAPTER}")


def test_no_chart_text_is_under_10_px_at_1280(chromium, book_url):
    smallest = {}
    with visit(chromium) as desktop:
        for name in NOTEBOOKS:
            tab = desktop.open(f"{book_url}/{name}")
            sizes = tab.evaluate("""async () => Promise.all([...document.querySelectorAll('figure.studyguide-figure img')].map(async img => {
                const doc = new DOMParser().parseFromString(await (await fetch(img.src)).text(), 'image/svg+xml');
                const box = doc.documentElement.getAttribute('viewBox').split(' ').map(Number);
                const px = [...doc.querySelectorAll('text')].map(t => (t.getAttribute('style') || '').match(/font-size: ([\\d.]+)px/))
                    .filter(m => m).map(m => Number(m[1]));
                return [img.alt.slice(0, 40), Math.min(...px) * img.getBoundingClientRect().width / box[2]]; }))""")
            for alt, size in sizes:
                smallest[f"{name}: {alt}"] = round(size, 1)
    print("smallest chart text (CSS px):", smallest)
    assert smallest and min(smallest.values()) >= 10, smallest


def test_every_word_of_the_text_can_be_looked_up_from_file(chromium, built_book):
    text = load_corpus(ROOT)[TEXT_ID]
    counts = word_counts(text)
    with Visit(chromium, allowed=is_file, viewport=DESKTOP) as local:
        tab = local.open((built_book / "notebooks" / "words.html").as_uri())
        index = json.loads(tab.locator(".sg-words script[data-sg-index]").first.text_content())
        assert sorted(index["types"]) == sorted(counts)
        found = tab.evaluate("""words => {
            const box = document.querySelector('.sg-words'), input = box.querySelector('input'), form = box.querySelector('form');
            return words.map(word => {
                input.value = word;
                form.dispatchEvent(new Event('submit', {cancelable: true}));
                const view = box.querySelector('.word-view');
                return [view.dataset.word, view.querySelectorAll('table.kwic tbody tr').length,
                        Number((view.querySelector('p').textContent.match(/: (\\d+) times?/) || [0, -1])[1])];
            }); }""", sorted(counts))
        wrong = [(word, got) for word, got in zip(sorted(counts), found)
                 if got != [word, min(counts[word], index["maxLines"]), counts[word]]]
        assert not wrong, wrong[:10]
        local.assert_clean("words.html from file://")


def test_concordance_sorts_by_left_and_right_context_and_collocates_match_the_package(chromium, book_url):
    text = load_corpus(ROOT)[TEXT_ID]
    expected = [(w, a) for w, a, _, _ in collocates(text_tokens(text), "you")]
    with visit(chromium) as desktop:
        tab = desktop.open(f"{book_url}/notebooks/words.html")
        look_up(tab, "you")
        view = tab.locator(".sg-words .word-view")
        rows = view.locator("table.collocates tbody tr")
        shown = [(rows.nth(i).locator("th").inner_text(), int(rows.nth(i).locator("td").first.inner_text()))
                 for i in range(rows.count())]
        assert shown == expected
        select = tab.locator(".sg-words .sg-kwic-sort select")
        for how, cell, pick in (("left", "td.kwic-left", -1), ("right", "td.kwic-right", 0)):
            select.select_option(how)
            texts = view.locator(f"table.kwic tbody {cell}").all_inner_texts()
            keys = [(word_pattern().findall(t.lower()) or [""])[pick] for t in texts]
            assert keys == sorted(keys), (how, keys)
        assert tab.locator("table.kwic").count() >= 2  # the page's own concordances are sortable too
        assert tab.locator(".sg-kwic-sort").count() >= 2


def test_no_control_in_a_notebook_page_is_left_disabled(chromium, book_url):
    with visit(chromium) as desktop:
        for name in NOTEBOOKS:
            tab = desktop.open(f"{book_url}/{name}")
            dead = tab.evaluate("""() => [...document.querySelectorAll('.cell_output select, .cell_output input, .cell_output button')]
                                  .filter(c => c.disabled).map(c => c.outerHTML.slice(0, 80))""")
            assert not dead, (name, dead)
            assert "live notebook only" not in tab.locator("main").inner_text()


def test_timeline_explorer_marks_the_chosen_event_on_its_strip(chromium, book_url):
    with visit(chromium) as desktop:
        tab = desktop.open(f"{book_url}/notebooks/timeline.html")
        explorer = tab.locator(".timeline-explorer").first

        def marked() -> tuple[str, str]:
            shown = explorer.evaluate("""box => [...box.querySelectorAll('.timeline-event')].find(e => e.offsetParent)
                                         .dataset.event""")
            current = explorer.locator("line.sg-current")
            assert current.count() == 1
            return shown, current.get_attribute("data-sg-event")

        first, ring = marked()
        assert first == ring
        inner = explorer.locator(".studyguide-views select").first
        inner.select_option(index=5)
        shown, ring = marked()
        assert shown == ring != first
