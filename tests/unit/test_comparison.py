"""The corpus views: texts compared within their language, with hand-computed expectations.

The fixtures are tiny, so every figure below was worked out by hand from the formulas:
cosine = dot product over the product of the vectors' lengths; G2 for a word found only in
the text (``b = 0``) is ``2 a ln((c + d) / c)`` for ``a`` occurrences in ``c`` words against
a reference of ``d`` words.
"""

from __future__ import annotations

import math

import pytest

from studyguide import load_corpus
from studyguide.analysis.comparison import cosine, distinctive_words, likeness, pairs
from studyguide.views.corpus_tables import comparison_table, summary_table
from support import titled_sidecar as sidecar


@pytest.fixture
def class_corpus(project):
    """Three English texts and one Russian text, alone in its language."""
    root = project({
        "a.txt": "Strike\n\nOil workers strike. Oil workers march.\n", "a.meta.toml": sidecar("strike", "Strike"),
        "b.txt": "March\n\nOil workers strike.\n", "b.meta.toml": sidecar("march", "March"),
        "c.txt": "Roses\n\nBread and roses.\n", "c.meta.toml": sidecar("roses", "Roses"),
        "d.txt": "Нефтяники\n\nНефтяники бастуют зимой.\n", "d.meta.toml": sidecar("neftianiki", "Нефтяники", "ru"),
    })
    return load_corpus(root)


@pytest.fixture
def keyness_corpus(project):
    """One text of ten "oil", one of fifteen "bread" and fifteen "roses"."""
    root = project({
        "a.txt": "Oil\n\n" + "Oil " * 10 + "\n", "a.meta.toml": sidecar("oil", "Oil"),
        "b.txt": "Bread\n\n" + "Bread roses " * 15 + "\n", "b.meta.toml": sidecar("bread", "Bread"),
    })
    return load_corpus(root)


def test_cosine_by_hand():
    assert cosine({"oil": 2, "workers": 2, "strike": 1, "march": 1}, {"oil": 1, "workers": 1, "strike": 1}) == \
        pytest.approx(5 / math.sqrt(30))  # (2 + 2 + 1) / (sqrt(10) sqrt(3)) = 0.9129
    assert cosine({"bread": 1}, {"oil": 3}) == 0
    assert cosine({}, {"oil": 1}) == 0


def test_likeness_within_each_language_stopwords_left_out(class_corpus):
    found = {row.text.id: row for row in likeness(class_corpus)}
    strike, march, roses, russian = found["strike"], found["march"], found["roses"], found["neftianiki"]
    assert strike.compared == 2 and strike.closest[0].id == "march" and strike.closest[1] == pytest.approx(0.9129, abs=1e-4)
    assert strike.farthest[0].id == "roses" and strike.farthest[1] == 0  # "and" is a stopword: nothing shared
    assert march.closest[0].id == "strike"
    assert roses.closest[1] == 0 and roses.farthest[1] == 0
    assert russian.compared == 0 and russian.closest is None and russian.farthest is None
    assert [(a.id, b.id) for a, b, _ in pairs(class_corpus)][0] == ("strike", "march")
    assert len(pairs(class_corpus)) == 3  # the three English pairs; the Russian text is in none


def test_distinctive_words_against_the_other_texts_of_the_language(keyness_corpus):
    found = {row.text.id: row for row in distinctive_words(keyness_corpus)}
    oil = found["oil"].words
    assert [(k.word, k.count) for k in oil] == [("oil", 10)]
    assert oil[0].g2 == pytest.approx(20 * math.log(4), abs=0.01)  # 2 x 10 x ln(40 / 10) = 27.73
    assert found["bread"].words == []  # 30 ln(40 / 30) = 8.63 for each word: under 15.13
    rows = {row[0]: row for row in comparison_table(keyness_corpus).rows}
    assert rows["Oil"][1] == "oil (10; 27.7)"
    assert rows["Bread"][1] == "none significantly more frequent"
    assert rows["Bread"][2:] == ("Oil (0.00)", "Oil (0.00)")


def test_a_text_alone_in_its_language_is_listed_as_not_compared(class_corpus):
    russian = next(row for row in distinctive_words(class_corpus) if row.text.id == "neftianiki")
    assert russian.words is None
    rows = {row[0]: row for row in comparison_table(class_corpus).rows}
    assert rows["Нефтяники"][1:] == ("not compared: the only text in Russian", "-", "-")
    assert rows["Strike"][2:] == ("March (0.91)", "Roses (0.00)")


def test_with_one_text_each_view_says_why_there_is_nothing_to_compare(project):
    corpus = load_corpus(project({"a.txt": "Strike\n\nOil workers strike.\n", "a.meta.toml": sidecar("strike", "Strike")}))
    view = comparison_table(corpus)
    assert not view.rows and view._repr_html_() is None
    assert view.empty.startswith("The guide holds 1 text, so there is nothing to compare yet")
    assert summary_table(corpus).rows[0][:3] == ("Strike", 3, 3)


def test_a_table_of_every_text_keeps_to_a_screenful_beyond_twelve_rows():
    from studyguide.views.tables import table

    rows = [(f"Text {i}", i) for i in range(1, 14)]
    assert 'class="sg-table-box sg-scroll-rows"' in table("Texts", ("Text", "Words"), rows, fold=False, scroll=True)._repr_html_()
    assert "sg-scroll-rows" not in table("Texts", ("Text", "Words"), rows[:12], fold=False, scroll=True)._repr_html_()
    assert "sg-scroll-rows" not in table("Texts", ("Text", "Words"), rows, fold=False)._repr_html_()
