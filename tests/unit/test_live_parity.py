"""The live explorers offer what the published page offers, and their links work where they are shown."""

from __future__ import annotations

import json
import re

import pytest

from studyguide import load_project
from studyguide.analysis.concordance import concordance
from studyguide.knowledge import publication
from studyguide.knowledge.publication import BOOK_BUILD_ENV, REPOSITORY_ENV
from studyguide.views import links
from studyguide.views.kwic import SORTS, kwic_html, sorted_lines
from studyguide.views.theme_explorer import explorer
from studyguide.views.timeline_explorer import timeline_explorer
from studyguide.views.word_explorer import WordExplorer
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
