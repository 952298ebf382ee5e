"""The theme explorer's pieces: marked paragraphs, views, the live cue editor, chapter symbols."""

from __future__ import annotations

import pytest

from studyguide import InputError, load_project
from studyguide.analysis.themes import find_matches, score_paragraphs
from studyguide.book.chapter import theme_symbols
from studyguide.knowledge.lexicon import parse_cues
from studyguide.texts.text import Reading
from studyguide.views.cue_editor import cue_editor
from studyguide.views.theme_explorer import COUNTED_STYLE, NEGATED_STYLE, explorer, marked_paragraph, theme_view
from support import ROOT


@pytest.fixture(scope="module")
def seed():
    project = load_project(ROOT)
    return project.corpus["solidarity-oil-workers"], project.lexicon


def test_marked_paragraph_escapes_and_marks_one_theme(seed):
    _, lexicon = seed
    source = "<b>media</b> & not news"
    html = marked_paragraph(Reading(source, source, ()), find_matches(source, lexicon), lexicon, "media")
    assert html.startswith(f'&lt;b&gt;<mark class="theme-cue" style="{COUNTED_STYLE}" data-theme="media"')
    assert f'<mark class="theme-cue negated" style="{NEGATED_STYLE}"' in html and "(negated, not counted)" in html
    assert "<b>" not in html


def test_explorer_has_one_view_per_theme(seed):
    text, lexicon = seed
    box = explorer(text, lexicon, "chapters/guide/page")
    dropdown, stack = box.children
    assert [name for name, _ in dropdown.options] == [f"{t.symbol} {t.label}" for t in lexicon]
    media = stack.children[[t.id for t in lexicon].index("media")].value
    assert 'href="../texts/solidarity-oil-workers.html#p6"' in media and 'data-theme="media"' in media
    assert "#p1" not in media  # paragraph 1 has no media cue


def test_parse_cues_and_editor_recomputes(seed):
    text, lexicon = seed
    assert [(c.rule, c.text) for c in parse_cues("exact: media\n\nstem: hide\n")] == [("exact", "media"), ("stem", "hide")]
    with pytest.raises(InputError, match="cue editor:2: write each cue"):
        parse_cues("exact: media\nlemma: hide")
    editor = cue_editor(text, lexicon)
    choose, cues, button, _ = editor.children
    choose.value = "media"
    assert cues.value.splitlines()[0] == "exact: media"
    cues.value = "exact: blackout"
    button.click()
    edited = score_paragraphs(text, editor.lexicon())
    assert [s.count("media") for s in edited] == [0, 0, 0, 0, 0, 1, 0, 0]
    assert editor.lexicon()["war"] == lexicon["war"]


def test_paragraph_symbols_in_the_legend_order(seed):
    """Symbols keep the lexicon's (the legend's) order, whatever their strength: in paragraph 4
    internationalism scores higher, but struggle comes first in the lexicon."""
    text, lexicon = seed
    node = theme_symbols(text.paragraph(4), text, lexicon, "chapters/texts/solidarity-oil-workers")
    html = node.astext()
    order = [t.id for t in lexicon]
    assert order.index("struggle") < order.index("internationalism")
    assert html.index("#theme-struggle") < html.index("#theme-internationalism")
    assert "#theme-media" not in html
    assert 'aria-label="Themes of paragraph 4"' in html


def test_views_show_paragraphs_as_written_with_readings_marked(seed):
    text, lexicon = seed
    segments = score_paragraphs(text, lexicon)
    view = theme_view(text, lexicon, "internationalism", segments)
    assert "point <span class=\"sic\" title=\"As written; counted as “the”\">tbe" in view  # paragraph 4 as written
    assert "point the way" not in view
    reading = text.aligned(8)
    assert reading.text == text.reading(8) and reading.written == text.paragraph(8).text
    change = reading.changes[0]
    assert (reading.text[change.start:change.end], reading.written[change.written_start:change.written_end]) == \
        ("you also hide", "you are also hide")
    # every word of the reading maps into the written text, past the change too
    after = reading.text.index("the crimes")
    assert reading.written[reading.written_position(after):].startswith("the crimes")
