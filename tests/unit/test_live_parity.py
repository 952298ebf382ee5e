"""The live explorers offer what the published page offers, and their links work where they are shown."""

from __future__ import annotations

import json
import math
import re

import pytest

from studyguide import load_project
from studyguide.analysis.concordance import concordance
from studyguide.analysis.dispersion import positions
from studyguide.analysis.frequency import text_tokens
from studyguide.knowledge import publication
from studyguide.knowledge.publication import BOOK_BUILD_ENV, REPOSITORY_ENV
from studyguide.views import links
from studyguide.views.kwic import SORTS, kwic_html, sorted_lines
from studyguide.views.theme_explorer import explorer
from studyguide.views.timeline_explorer import timeline_explorer
from studyguide.views.word_explorer import WordExplorer, word_view
from support import ROOT, TEXT_ID

SCRIPT = ROOT / "studyguide" / "book" / "static" / "studyguide-explorers.js"


@pytest.fixture(scope="module")
def project():
    return load_project(ROOT)


def test_the_concordance_sorts_are_the_ones_the_page_script_offers_in_the_same_words():
    script = SCRIPT.read_text("utf-8")
    offered = json.loads(re.search(r"var SORTS = (\[.*?\]);", script).group(1).replace("'", '"'))
    assert [tuple(pair) for pair in offered] == list(SORTS)


def test_the_live_word_explorer_sorts_its_concordance_as_chosen(project):
    text = project.corpus[TEXT_ID]
    live = WordExplorer(text)
    menu, typed = live.children[0].children
    order, view = live.children[1], live.children[2]
    assert [label for label, _ in order.options] == [label for _, label in SORTS]
    typed.value = "workers"
    in_text = view.value
    order.value = "right"
    lines = sorted_lines(concordance(text, "workers"), "right")
    assert view.value != in_text and kwic_html(text, "workers", lines) in view.value
    right_contexts = [" ".join(line.reading.written[line.end:line.right_end].lower().split()) for line in lines]
    assert right_contexts[0] <= right_contexts[-1]


def test_live_theme_marks_are_underlined_and_negated_ones_struck_through_without_the_stylesheet(project):
    html = explorer(project.corpus[TEXT_ID], project.lexicon).static_html()
    counted = re.findall(r'<mark class="theme-cue" style="([^"]*)"', html)
    negated = re.findall(r'<mark class="theme-cue negated" style="([^"]*)"', html)
    assert counted and negated
    assert all("border-bottom:2px solid" in s for s in counted)
    assert all("line-through" in s and "dashed" in s for s in negated)


def test_the_live_timeline_explorer_marks_the_chosen_event_on_its_strip(project):
    live = timeline_explorer(project.timeline, project.sources)
    category, strip, views = live.children
    assert "sg-event-strip" in strip.value and strip.value.count('class="sg-current"') == 1
    first = project.timeline.events[0]
    assert f'data-sg-event="{first.id}" class="sg-current"' in strip.value
    stepper = views.children[0]
    stepper.children[0].index = 3
    chosen = project.timeline.events[3]
    assert f'data-sg-event="{chosen.id}" class="sg-current"' in strip.value
    assert f"Marked: {chosen.date_label()}: {chosen.title}" in strip.value.replace("&#x27;", "'")


def test_links_are_relative_in_the_book_absolute_in_a_live_kernel_and_absent_without_a_published_book(monkeypatch, tmp_path):
    from studyguide.cli import sandbox

    copy = sandbox.copy_project(ROOT, tmp_path / "copy")
    monkeypatch.setenv("STUDYGUIDE_ROOT", str(copy))
    monkeypatch.delenv(REPOSITORY_ENV, raising=False)
    monkeypatch.delenv(BOOK_BUILD_ENV, raising=False)
    publication._live_book_url.cache_clear()
    chapter = f"chapters/texts/{TEXT_ID}"
    assert links.chapter_link(TEXT_ID, 3, "¶ 3") == f'<a href="../{chapter}.html#p3">¶ 3</a>'  # a script, not a kernel
    monkeypatch.setattr(links, "_live", lambda: True)
    assert links.chapter_link(TEXT_ID, 3, "¶ 3") == "¶ 3"  # no published book known: no dead link
    monkeypatch.setenv(REPOSITORY_ENV, "https://github.com/a-fork/guide")
    assert links.chapter_link(TEXT_ID, 3, "¶ 3") == (
        f'<a href="https://a-fork.github.io/guide/{chapter}.html#p3" target="_blank" rel="noopener">¶ 3</a>')
    monkeypatch.setenv(BOOK_BUILD_ENV, "1")
    assert links.chapter_link(TEXT_ID, 3, "¶ 3") == f'<a href="../{chapter}.html#p3">¶ 3</a>'


# --- the word explorer: the page's script and the live Python view give the same figures -----------------------

# Typed as a student might: key words, a capital, a hapax, words read differently by the editors ("tbe" is
# counted as "the", "forceably" as "forcibly"), punctuation round a word, absent words and two words at once.
TYPED = ("the", "Workers", "bourgeoisie", "you", "machiavellian", "forcibly", "its", "strike!", "zebra", "tbe",
         "forceably", "oil workers")


def word_figures(html: str) -> dict:
    """What a reader of one word's view is told, read from its HTML: the sentence of figures, the
    concordance (paragraph, left, keyword, right, as seen: screen-reader text left out), its line count, the
    collocates table, and whether the word is absent or the query was not one word."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for hidden in soup.select(".sg-sr-only"):
        hidden.decompose()

    def text(tag) -> str:
        return " ".join(tag.get_text().split())

    head = text(soup.find("p"))
    found = {"absent": "not in this text" in head, "not one word": head.startswith("Type a single word")}
    if m := re.search(r": (\d+) times? in ([\d,]+) words, ([\d.]+) per 1,000 words \(rank (\d+)\); "
                      r"in general (\w+) about ([\d.e+-]+) per 1,000\. (“.+”) occurs (.+)\.$", head):
        found.update(count=m[1], total=m[2], per_1000=m[3], rank=m[4], language=m[5], general=float(m[6]), occurs=m[7] + m[8])
    if kwic := soup.select_one("table.kwic"):
        found["lines"] = re.search(r"(\d+) lines?", text(kwic.caption))[1]
        found["kwic"] = [tuple(text(td) for td in row.find_all("td")) for row in kwic.tbody.find_all("tr")]
    if table := soup.select_one("table.collocates"):
        found["collocates"] = [tuple(text(cell) for cell in row.find_all(["th", "td"])) for row in table.tbody.find_all("tr")]
    return found


def same_at_two_figures(page: float, live: float) -> bool:
    """The page prints general frequencies to two significant figures, from Zipf values stored in hundredths (a
    step of about 1.2 %); the live view to three, from wordfreq itself: equal within those roundings."""
    return abs(page - live) <= 0.5 * 10 ** (math.floor(math.log10(page)) - 1) + 0.006 * live


HITS = "() => [...document.querySelectorAll('.sg-word-view .sg-strip-hit')].map(line => +line.getAttribute('x1'))"


class Plotted:
    """Stands in for the live view's dispersion chart (drawing it is most of the view's time): what it would plot."""

    def __init__(self, tokens, words, title, height=None):
        self.words = list(words)

    def _repr_html_(self) -> str:
        return f'<p data-plotted="{" ".join(self.words)}"></p>'


def test_the_page_script_shows_the_figures_the_live_word_explorer_shows_for_any_word(project, chromium, monkeypatch):
    from studyguide.views import word_explorer

    monkeypatch.setattr(word_explorer, "dispersion_figure", Plotted)
    text = project.corpus[TEXT_ID]
    live = WordExplorer(text)
    page = chromium.new_page()
    shown = []  # (the page's view, the live view, the word, the page's dispersion marks)
    try:
        page.set_content(f'<!doctype html><html lang="en"><body>{live.static_html()}'
                         f"<script>{SCRIPT.read_text('utf-8')}</script></body></html>")
        for i, (word, why) in enumerate(live.chosen[:3]):  # the key-word menu
            page.select_option("[data-sg-key]", index=i)
            shown.append((page.inner_html(".sg-word-view"), word_view(text, word, why), word, page.evaluate(HITS)))
        for word in TYPED:  # the any-word box
            page.fill("[data-sg-input]", word)
            page.click(".sg-word-form button[type=submit]")
            shown.append((page.inner_html(".sg-word-view"), word_view(text, word), word, page.evaluate(HITS)))
    finally:
        page.close()
    tokens = text_tokens(text)
    for script, python, word, hits in shown:
        on_page, in_kernel = word_figures(script), word_figures(python)
        page_general, live_general = on_page.pop("general", None), in_kernel.pop("general", None)
        assert (page_general is None) == (live_general is None), word
        assert page_general is None or same_at_two_figures(page_general, live_general), (word, page_general, live_general)
        assert on_page == in_kernel, word
        # the page's strip marks each occurrence at (place + 0.5) / words; the live view plots the package's places
        marks = [round(x * len(tokens) / 1000 - 0.5) + 1 for x in hits]
        plotted = re.findall(r'data-plotted="([^"]*)"', python)
        assert marks == (positions(tokens, plotted[0]) if plotted else []) and len(plotted) == ("count" in in_kernel), word
    assert [w for _, python, w, _ in shown if word_figures(python)["absent"]] == ["zebra", "tbe", "forceably"]
    assert word_figures(shown[-1][1])["not one word"] and word_figures(shown[-1][0])["not one word"]
    assert word_figures(shown[3][0])["kwic"][1][2] == "tbe"  # "the": the slip shown as written, on both
