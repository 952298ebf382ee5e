"""One text at a time: the per-text sections of a notebook behind grouped "Text:" menus."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from studyguide import load_corpus
from studyguide.views import picker
from studyguide.views.prose import prose
from studyguide.views.style import Figure
from studyguide.views.tables import table
from support import titled_sidecar as sidecar

SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="75pt" height="30pt"></svg>'




@pytest.fixture
def three(project):
    return load_corpus(project({
        "a.txt": "First\n\nOil workers strike.\n", "a.meta.toml": sidecar("first", "First"),
        "b.txt": "Second\n\nBread and roses.\n", "b.meta.toml": sidecar("second", "Second"),
        "c.txt": "Third\n\nThe square.\n", "c.meta.toml": sidecar("third", "Third"),
    }))


@pytest.fixture
def shown(monkeypatch):
    found = []
    monkeypatch.setattr(picker, "display", found.append)
    return found


def render(text):
    if text.id == "third":
        return None  # nothing for this text: its view is empty
    return [table(f"Words of {text.title}", ("Word", "Count"), [("oil", 1)]), Figure(SVG, f"Chart of {text.title}", "A chart."),
            prose("In “{title}”.", title=text.title)]


def test_several_texts_one_grouped_switcher_keyed_by_id_the_first_shown(three, shown):
    picker.by_text(three, render)
    assert len(shown) == 1
    page = BeautifulSoup(shown[0]._repr_mimebundle_()["text/html"], "html.parser")
    box = page.select_one(".studyguide-switcher.sg-by-text")
    assert box["data-sg-group"] == "text"
    assert [(o["value"], o.get_text()) for o in box.select("select option")] == [
        ("first", "First"), ("second", "Second"), ("third", "Third")]
    views = box.select(".studyguide-views > .sg-view")
    assert [v["data-sg-key"] for v in views] == ["first", "second", "third"]
    assert [v.has_attr("hidden") for v in views] == [False, True, True]
    # the first text's chart loads with the page; a hidden text's only when its view is shown
    assert not views[0].img.has_attr("loading") and views[1].img["loading"] == "lazy"
    assert views[1].select_one("p.sg-table-title").get_text() == "Words of Second"
    assert views[1].find("p", string="In “Second”.")  # a sentence (Markdown) rendered as HTML
    assert views[2].has_attr("data-sg-empty") and not views[2].get_text(strip=True)


def test_a_text_with_nothing_shows_the_sentence_given(three, shown):
    picker.by_text(three, render, nothing="Nothing to count in “{title}”.")
    page = BeautifulSoup(shown[0]._repr_mimebundle_()["text/html"], "html.parser")
    third = page.select_one('[data-sg-key="third"]')
    assert third.get_text() == "Nothing to count in “Third”." and not third.has_attr("data-sg-empty")


def test_the_live_kernel_gets_a_dropdown_over_a_stack(three, shown):
    picker.by_text(three, render)
    switcher = shown[0]
    menu, stack = switcher.children
    assert [label for label, _ in menu.options] == ["First", "Second", "Third"] and stack.selected_index == 0
    assert len(stack.children) == 3
    picker.by_text(three, render)  # a second section: its menu follows the first one's choice
    link = shown[1].link
    assert link.source == (picker._FIRST_MENUS[("first", "second", "third")], "index") and link.target == (shown[1].children[0], "index")


def test_one_text_is_shown_as_it_always_was(project, shown):
    corpus = load_corpus(project({"a.txt": "First\n\nOil workers strike.\n", "a.meta.toml": sidecar("first", "First")}))
    picker.by_text(corpus, render)
    assert [type(o).__name__ for o in shown] == ["Table", "Figure", "Markdown"]
    shown.clear()
    picker.text_picker(corpus)
    assert shown == []  # no menu for a single text


def test_the_page_picker_says_how_many_texts_and_links_each_chapter(three, shown):
    picker.text_picker(three)
    note, menu = shown
    assert "one of the guide’s 3 texts at a time" in note.data
    card = BeautifulSoup(menu._repr_mimebundle_()["text/html"], "html.parser").select_one('[data-sg-key="second"]')
    assert card.get_text().startswith("“Second”: English, 3 words.")
    assert card.a["href"] == "../chapters/texts/second.html"
