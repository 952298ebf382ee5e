"""VADER through NLTK with the lexicon from the vaderSentiment package: no download, exact scores."""

from __future__ import annotations

import pytest

from studyguide import load_corpus
from studyguide.analysis.sentiment import analyzer, compound, paragraph_scores, polarity, sentence_scores, stretch_scores
from studyguide.views.emotional_arc import arc_figure
from studyguide.views.sentiment_tables import paragraph_rows
from support import GOOD_SIDECAR, ROOT


def test_lexicon_comes_from_the_installed_package():
    lexicon = analyzer().lexicon
    assert len(lexicon) > 7000
    assert lexicon["horrific"] == pytest.approx(-3.4)


def test_hand_checked_sentences():
    # VADER's compound: sum of valences (with rules) normalised by x / sqrt(x*x + 15)
    assert compound("It is horrific.") == pytest.approx(-0.6597, abs=1e-4)
    assert compound("The workers are happy.") == pytest.approx(0.5719, abs=1e-4)
    assert compound("How cunning you are!") == 0.0  # irony: "cunning" is not in the lexicon
    assert [polarity(x) for x in (0.05, 0.049, -0.05)] == ["positive", "neutral", "negative"]


def test_paragraph_score_is_the_mean_of_its_sentences(project):
    root = project({"a.txt": "A Title\n\nIt is horrific. The workers are happy.\n\n\"It is horrific.\"\n",
                    "a.meta.toml": GOOD_SIDECAR.format(id="a") + "quotations = [2]\n"})
    text = load_corpus(root).texts[0]
    assert [(s.paragraph, s.number, s.quotation) for s in sentence_scores(text)] == [(1, 1, False), (1, 2, False), (2, 1, True)]
    first, second = paragraph_scores(text)
    assert first.mean == pytest.approx((-0.6597 + 0.5719) / 2, abs=1e-4)
    assert (first.lowest, first.highest) == (pytest.approx(-0.6597, abs=1e-4), pytest.approx(0.5719, abs=1e-4))
    assert paragraph_rows(text)[1][0] == "2 (quoted)"
    # the analysis keeps the numbers whole; the table signs and rounds them
    kept = stretch_scores(text)
    assert [(s.stretch, s.quoted, s.sentences) for s in kept] == [(range(1, 2), (), 2), (range(2, 3), (2,), 1)]
    assert kept[0].mean == first.mean and kept[0].polarity == polarity(first.mean)
    assert paragraph_rows(text)[0][2:5] == (f"{first.mean:+.2f}", f"{first.lowest:+.2f}", f"{first.highest:+.2f}")


def test_seed_arc_figure_has_data_alt_text():
    text = load_corpus(ROOT)["solidarity-oil-workers"]
    scores = sentence_scores(text)
    figure = arc_figure(text)
    assert f"the {len(scores)} sentences" in figure.alt
    low = min(scores, key=lambda s: s.compound)
    assert f"Lowest {low.compound:+.2f} (paragraph {low.paragraph}" in figure.alt
    assert figure.svg.startswith("<?xml") and "¶7" in figure.svg
