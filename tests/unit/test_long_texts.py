"""Long texts: per-paragraph tables keep to a stated number of rows, and their numbers add up."""

from __future__ import annotations

import pytest

from studyguide import load_corpus
from studyguide.analysis import address, sentiment, themes
from studyguide.analysis.frequency import text_tokens
from studyguide.analysis.stretches import MAX_ROWS, stretches
from studyguide.knowledge.lexicon import read_lexicon
from studyguide.views import address_tables, sentiment_tables, size_tables, theme_tables
from studyguide.views.numbers import stretch_label
from support import GOOD_SIDECAR, ROOT

SENTENCES = ("The workers struck again! Did they gain anything? We stand with you, and they know it.",
             "The bourgeoisie repressed the strike with brutal force. Workers unite!")


@pytest.mark.parametrize("count", [1, 8, MAX_ROWS, MAX_ROWS + 1, 257, 1147])
def test_stretches_cover_every_paragraph_once_in_near_equal_parts(count):
    found = stretches(count)
    assert len(found) == min(count, MAX_ROWS)
    assert [n for stretch in found for n in stretch] == list(range(1, count + 1))
    assert max(map(len, found)) - min(map(len, found)) <= 1


def test_labels_name_the_paragraphs_and_the_quotations():
    assert stretch_label(range(7, 8)) == "7" and stretch_label(range(7, 8), [7]) == "7 (quoted)"
    assert stretch_label(range(13, 25)) == "13–24" and stretch_label(range(13, 25), [14, 20]) == "13–24 (quoted: 14, 20)"


@pytest.fixture
def long_text(project):
    paragraphs = "\n\n".join(SENTENCES[n % 2] for n in range(2 * MAX_ROWS + 30))
    root = project({"a.txt": f"A Title\n\n{paragraphs}\n", "a.meta.toml": GOOD_SIDECAR.format(id="a") + "quotations = [3]\n"})
    return load_corpus(root)["a"]


def test_every_per_paragraph_table_of_a_long_text_has_at_most_the_stated_rows_and_adds_up(long_text):
    lexicon = read_lexicon(ROOT / "data" / "themes.toml")
    total = len(text_tokens(long_text))
    rows = size_tables.paragraph_rows(long_text)
    assert len(rows) == MAX_ROWS and rows[0][0] == "1–3" and rows[0][3] == "1 of 3"
    assert sum(r[2] for r in rows) == total
    tracker = theme_tables.tracker_rows(themes.score_paragraphs(long_text, lexicon), lexicon)
    assert len(tracker) == MAX_ROWS and tracker[0][0] == "1–3 (quoted: 3)" and sum(r[1] for r in tracker) == total
    moods = sentiment_tables.paragraph_rows(long_text)
    assert len(moods) == MAX_ROWS and sum(r[1] for r in moods) == len(sentiment.sentence_scores(long_text))
    said = address_tables.address_rows(long_text)
    assert len(said) == MAX_ROWS and said[0][1] == "author, with quotations"
    assert sum(r[2] for r in said) == sum(a.we for a in address.paragraph_address(long_text))


def test_a_short_text_keeps_a_row_per_paragraph():
    text = load_corpus(ROOT)["solidarity-oil-workers"]
    assert [r[0] for r in size_tables.paragraph_rows(text)] == [p.number for p in text.paragraphs]
    assert [r[0] for r in address_tables.address_rows(text)] == [p.number for p in text.paragraphs]
    assert [r[0] for r in sentiment_tables.paragraph_rows(text)][6] == "7 (quoted)"


def test_tables_charts_and_explorers_cut_a_long_text_by_the_one_rule(long_text):
    # one rule (analysis.stretches) for every bounded view: the tables' rows, the charts' columns
    # and the explorers' precomputed views are stretches of it, labelled one way (views.numbers)
    from studyguide.views import address_chart, theme_tracker
    from studyguide.views.style import POOL
    from studyguide.views.widgets import MAX_VIEWS, spread

    count = len(long_text.paragraphs)
    lexicon = read_lexicon(ROOT / "data" / "themes.toml")
    expected = [stretch_label(s) for s in stretches(count, POOL)]
    assert [label for label, _ in theme_tracker.pooled(themes.score_paragraphs(long_text, lexicon))] == expected
    assert [c.label for c in address_chart.pooled(address.paragraph_address(long_text))] == expected
    assert [r[0].split(" ")[0] for r in size_tables.paragraph_rows(long_text)] == [stretch_label(s) for s in stretches(count)]
    chosen = spread(long_text.paragraphs)
    assert len(chosen) == MAX_VIEWS and chosen[0].number == 1 and chosen[-1].number == count
    assert [p.number for p in chosen[:-1]] == [s.start for s in stretches(count - 1, MAX_VIEWS - 1)]
