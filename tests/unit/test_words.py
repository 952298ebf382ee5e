"""Word frequencies, keyness, collocations, concordance, dispersion and the word explorer,
on small hand-checkable texts (exact values), then on the seed."""

from __future__ import annotations

import math
from collections import Counter

import pytest
from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder

from studyguide import load_corpus
from studyguide.analysis.collocation import bigram_finder, ngrams, top_ngrams, word_pairs
from studyguide.analysis.concordance import concordance
from studyguide.analysis.dispersion import paragraph_starts, positions
from studyguide.analysis.frequency import (
    corpus_profiles,
    mattr,
    paragraph_words,
    per_thousand,
    rank_of,
    reading_rows,
    stopword_share,
    stopwords,
    text_profile,
    text_tokens,
    top_words,
    word_counts,
)
from studyguide.analysis.keyness import (
    against_general_english,
    against_others,
    distinctive,
    keyness,
    log_likelihood,
    log_ratio,
    reference_size_effect,
)
from studyguide.analysis.keywords import address_words, highlight_words, key_words, word_weights
from studyguide.analysis.tokens import key, sentences, word_spans, words
from studyguide.views.dispersion_plot import dispersion_figure
from studyguide.views.keyness_chart import keyness_chart
from studyguide.views.kwic import kwic_html
from studyguide.views.numbers import describe
from studyguide.views.word_explorer import word_explorer, word_view
from studyguide.views.word_tables import frequency_rows, profile_rows, weight_rows
from support import GOOD_SIDECAR, ROOT

NOTE = """
[[notes]]
paragraph = 1
original = "Tbe"
reading = "The"
note = "Slip for 'The'."
"""


@pytest.fixture
def small(project):
    """Two tiny texts; the first has a slip with a reading."""
    root = project({
        "a.txt": "A Title\n\nTbe cat sat. The cat ran.\n\nA dog!\n",
        "a.meta.toml": GOOD_SIDECAR.format(id="a") + NOTE,
        "b.txt": "A Title\n\nDog days. Dog nights, dog dreams.\n",
        "b.meta.toml": GOOD_SIDECAR.format(id="b"),
    })
    return load_corpus(root)


# --- tokens ---------------------------------------------------------------------------

def test_tokeniser_rules_for_each_kind_of_string():
    assert words("Don't stop, they're here: it's the family's right") == [
        "don't", "stop", "they're", "here", "it's", "the", "family's", "right"]
    assert words("self-organization - full-out war") == ["self-organization", "full-out", "war"]
    assert words("In 2011, 16 died; 3.5 per cent") == ["in", "2011", "16", "died", "3.5", "per", "cent"]
    assert words("\"free\" “free” 'free' ‘free’") == ["free"] * 4
    assert words("workers' rights") == ["workers", "rights"]


def test_word_spans_agree_with_words_and_locate_them():
    sample = "It's the \"free\" Trades-Union!"
    spans = word_spans(sample)
    assert spans == [("it's", 0, 4), ("the", 5, 8), ("free", 10, 14), ("trades-union", 16, 28)]
    text = load_corpus(ROOT)["solidarity-oil-workers"]
    for paragraph in text.paragraphs:
        assert [w for w, _, _ in word_spans(paragraph.text)] == words(paragraph.text)


# --- frequency ------------------------------------------------------------------------

def test_mattr_by_hand():
    assert mattr("a b a b c".split(), window=3) == pytest.approx(7 / 9)  # (2/3 + 2/3 + 3/3) / 3
    assert mattr("a b a b c".split(), window=2) == 1.0
    assert mattr("a a b".split(), window=10) == pytest.approx(2 / 3)  # shorter than the window: its TTR
    assert mattr([]) == 0.0
    with pytest.raises(ValueError):
        mattr(["a"], window=0)


def test_mattr_sliding_equals_brute_force_on_the_seed():
    tokens = [t.word for t in text_tokens(load_corpus(ROOT)["solidarity-oil-workers"])]
    windows = [tokens[i:i + 50] for i in range(len(tokens) - 49)]
    assert mattr(tokens, 50) == pytest.approx(sum(len(set(w)) / 50 for w in windows) / len(windows))


def test_profile_of_a_small_text_applies_readings(small):
    tokens = text_tokens(small["a"])
    assert [t.word for t in tokens] == ["the", "cat", "sat", "the", "cat", "ran", "a", "dog"]
    assert [t.paragraph for t in tokens] == [1, 1, 1, 1, 1, 1, 2, 2]
    assert (tokens[1].start, tokens[1].end) == (4, 7)
    profile = text_profile(small["a"])
    assert (profile.tokens, profile.types, profile.hapax, profile.sentences, profile.paragraphs) == (8, 6, 4, 3, 2)
    assert profile.ttr == 0.75
    assert profile.mean_sentence == pytest.approx(8 / 3)
    assert profile.mean_paragraph == 4.0
    assert profile_rows([profile])[0][:4] == ("A Title", 8, 6, 0.75)
    assert reading_rows(small["a"]) == [(1, "Tbe", "The")]
    rows = corpus_profiles(small)
    assert [r.label for r in rows] == ["A Title", "A Title", "All texts"]
    assert (rows[-1].tokens, rows[-1].types, rows[-1].hapax, rows[-1].sentences) == (14, 9, 6, 5)  # dog 4 times in all


def test_word_lists_ties_exclusions_and_relative_frequency(small):
    counts = word_counts(small["a"])
    assert counts == Counter({"the": 2, "cat": 2, "sat": 1, "ran": 1, "a": 1, "dog": 1})
    assert frequency_rows(top_words(counts, 3)) == [("cat", 2, 250.0, 1), ("the", 2, 250.0, 1), ("a", 1, 125.0, 3)]
    assert [w.word for w in top_words(counts, 2, exclude={"the", "a"})] == ["cat", "dog"]
    assert per_thousand(3, 764) == pytest.approx(3000 / 764)
    assert per_thousand(1, 0) == 0.0
    assert rank_of(counts, "cat") == 1 and rank_of(counts, "dog") == 3 and rank_of(counts, "owl") is None
    assert all(rank_of(counts, w.word) == w.rank for w in top_words(counts, 6))  # one rank convention
    assert paragraph_words(small["a"]) == [["the", "cat", "sat", "the", "cat", "ran"], ["a", "dog"]]


def test_stopwords_come_from_the_stop_words_package():
    english = stopwords("en")
    assert {"the", "of", "you", "state"} <= english
    assert not {"workers", "bourgeoisie", "kazakhstan"} & english
    assert stopwords("en-GB") == english
    assert stopwords("xx") == frozenset()
    share = stopword_share(Counter({"the": 3, "cat": 2, "you": 1}), english)
    assert (share.types, share.tokens, share.distinct, share.running) == (2, 4, 3, 6)
    assert [w.word for w in share.frequent] == ["the", "you"] and round(share.percent) == 67


# --- keyness --------------------------------------------------------------------------

def test_log_likelihood_and_log_ratio_by_hand():
    # a=20 of c=100 here, b=0 of d=100 in the reference: E1 = E2 = 10, G2 = 2 * 20 ln 2
    assert log_likelihood(20, 0, 100, 100) == pytest.approx(40 * math.log(2))
    assert log_ratio(20, 0, 100, 100) == pytest.approx(math.log2(40))  # zero counts as 0.5
    # a=10 of 100, b=20 of 1000: E1 = 30/11, E2 = 300/11
    assert log_likelihood(10, 20, 100, 1000) == pytest.approx(2 * (10 * math.log(11 / 3) + 20 * math.log(11 / 15)))
    assert log_likelihood(10, 20, 100, 1000) == pytest.approx(13.5795, abs=1e-4)
    assert log_ratio(10, 20, 100, 1000) == pytest.approx(math.log2(5))
    assert log_likelihood(10, 10, 100, 100) == 0.0 and log_ratio(10, 10, 100, 100) == 0.0
    assert log_ratio(1, 4, 100, 100) == -2.0
    assert log_likelihood(0, 0, 5, 5) == 0.0
    with pytest.raises(ValueError):
        log_likelihood(1, 1, 0, 10)


def test_keyness_table_threshold_and_order():
    rows = keyness({"x": 4, "y": 1, "z": 5}, {"x": 1, "z": 5}, 10, min_count=3)
    assert [k.word for k in rows] == ["x", "z"]  # y is under the minimum count
    x, z = rows
    assert x.g2 == pytest.approx(2 * (4 * math.log(4 / 2.5) + 1 * math.log(1 / 2.5)))
    assert x.log_ratio == pytest.approx(2.0) and x.more
    assert (z.g2, z.log_ratio) == (0.0, 0.0)
    assert (x.per_1000, x.reference_per_1000) == (400.0, 100.0)
    assert distinctive(rows, critical=0.5) == [x]
    assert distinctive(rows) == []  # 1.6 is far below 15.13


def test_keyness_of_one_text_against_the_others(small):
    rows = against_others(word_counts(small["b"]), [word_counts(small["a"])], min_count=2)
    assert [k.word for k in rows] == ["dog"]
    dog = rows[0]
    assert dog.count == 3 and dog.log_ratio == pytest.approx(math.log2((3 / 6) / (1 / 8)))
    assert against_others(word_counts(small["b"]), []) == []


def test_reference_size_scales_g2_but_not_the_log_ratio():
    counts = word_counts(load_corpus(ROOT)["solidarity-oil-workers"])
    (word, *g2s, ratio), = reference_size_effect(counts, ["workers"], [1_000_000, 100_000_000, 1_000_000_000])
    assert word == "workers" and g2s == sorted(g2s) and g2s[0] < g2s[-1]
    keyed = {k.word: k for k in against_general_english(counts, reference_size=1_000_000)}
    assert keyed["workers"].log_ratio == pytest.approx(ratio, abs=0.005)


# --- collocations ---------------------------------------------------------------------

def test_ngrams_stay_inside_paragraphs():
    docs = [["a", "b", "a", "b"], ["b", "a"]]
    assert ngrams(docs, 2) == Counter({("a", "b"): 2, ("b", "a"): 2})  # no (b, b) across the boundary
    assert ngrams(docs, 3) == Counter({("a", "b", "a"): 1, ("b", "a", "b"): 1})
    assert top_ngrams(docs, 2) == [("a b", 2), ("b a", 2)]
    with pytest.raises(ValueError):
        ngrams(docs, 0)


def test_bigram_finder_matches_nltk_from_documents_on_the_seed():
    docs = paragraph_words(load_corpus(ROOT)["solidarity-oil-workers"])
    ours = bigram_finder(docs).score_ngrams(BigramAssocMeasures.likelihood_ratio)
    nltk = BigramCollocationFinder.from_documents(docs).score_ngrams(BigramAssocMeasures.likelihood_ratio)
    assert dict(ours).keys() == dict(nltk).keys() and len(ours) > 500
    assert [dict(ours)[pair] for pair in dict(nltk)] == pytest.approx(list(dict(nltk).values()))


def test_word_pairs_filter_rare_pairs_and_stopword_pairs():
    docs = [["of", "the", "oil", "workers", "of", "the", "oil", "workers", "x", "y"]]
    pairs = word_pairs(docs, stopwords=frozenset({"of", "the"}))
    assert {(c.first, c.second) for c in pairs} == {("the", "oil"), ("oil", "workers")}
    assert all(c.count == 2 for c in pairs)
    assert {(c.first, c.second) for c in word_pairs(docs)} == {("of", "the"), ("the", "oil"), ("oil", "workers")}


# --- concordance and dispersion -------------------------------------------------------

def test_concordance_lines_and_links(project):
    root = project({
        "c.txt": "A Title\n\nWorkers unite. The workers of the world!\n\n<b>workers</b> & workers' worker\n",
        "c.meta.toml": GOOD_SIDECAR.format(id="c"),
    })
    text = load_corpus(root)["c"]
    lines = concordance(text, "Workers", width=45)
    assert [(line.paragraph, line.keyword) for line in lines] == [(1, "Workers"), (1, "workers"), (2, "workers"), (2, "workers")]
    assert (lines[0].left, lines[0].right) == ("", "unite. The workers of the world!")
    assert lines[1].left == "Workers unite. The"
    assert concordance(text, "worker")[0].left == "<b>workers</b> & workers'"
    assert concordance(text, "oil workers") == [] and concordance(text, "owl") == []
    long = concordance(text, "the", width=8)
    assert long[0].right == "workers…" and long[1].left == "…of"
    html = kwic_html(text, "workers", lines)
    assert html.count('href="../chapters/texts/c.html#p2"') == 2
    assert "&lt;b&gt;" in html and "<b>" not in html
    assert "4 lines" in html and html.count('class="kwic-key"') == 4
    assert "does not occur" in kwic_html(text, "owl", [])


def test_concordance_counts_readings_but_shows_the_text_as_written():
    text = load_corpus(ROOT)["solidarity-oil-workers"]
    lines = concordance(text, "workers")
    assert len(lines) == 11
    assert lines[0].left == "…treatment of striking"  # clipped at a word, about WIDTH characters away
    assert concordance(text, "workers", width=45)[0].left == "…bourgeoisie in their treatment of striking"
    assert concordance(text, "bourgeoisie")[0].left.endswith("barbarity of tbe")  # found by its reading, shown as posted
    slip = [line for line in concordance(text, "the") if line.keyword == "tbe"]
    assert [line.paragraph for line in slip] == [1, 4]  # "tbe" is counted as "the"
    html = kwic_html(text, "the", slip)
    assert '<span class="sic" title="As written; counted as “the”">tbe' in html


def test_dispersion_positions_paragraphs_and_alt_text(small):
    tokens = text_tokens(small["a"])
    assert positions(tokens, "cat") == [2, 5]
    assert paragraph_starts(tokens) == [(1, 1), (2, 7)]
    assert describe(tokens, "cat") == "“cat” occurs 2 times, in paragraph 1"
    assert describe(tokens, "dog") == "“dog” occurs once, in paragraph 2"
    assert describe(tokens, "owl") == "“owl” does not occur"
    figure = dispersion_figure(tokens, ["cat", "dog"], "A Title")
    assert figure.alt == ("Dispersion plot across the 8 words and 2 paragraphs of A Title: "
                          "“cat” occurs 2 times, in paragraph 1; “dog” occurs once, in paragraph 2.")
    assert "¶2" in figure.svg
    with pytest.raises(ValueError):
        dispersion_figure(tokens, [], "A Title")


def test_keyness_chart_alt_text_names_the_top_words():
    rows = keyness({"x": 4, "y": 1, "z": 5}, {"x": 1, "z": 1}, 10, min_count=3)
    figure = keyness_chart(rows, "T")
    assert "“z” (log ratio 2.3, 5 times), “x” (log ratio 2.0, 4 times)" in figure.alt
    with pytest.raises(ValueError):
        keyness_chart([], "T")


# --- the seed -------------------------------------------------------------------------

def test_seed_counts():
    text = load_corpus(ROOT)["solidarity-oil-workers"]
    counts = word_counts(text)
    assert (counts["workers"], counts["bourgeoisie"], counts["you"], counts["the"]) == (11, 7, 12, 46)
    assert counts["tbe"] == 0 and counts["forceably"] == 0 and counts["forcibly"] == 1
    profile = text_profile(text)
    assert (profile.tokens, profile.paragraphs) == (764, 8)  # the overview's 765 less the reading's dropped "are"
    assert profile.sentences == sum(len(sentences(text.reading(p.number))) for p in text.paragraphs)
    assert frequency_rows(top_words(counts, 1, stopwords("en")))[0][:2] == ("workers", 11)


def test_seed_keyness_and_the_weight_of_three_words():
    text = load_corpus(ROOT)["solidarity-oil-workers"]
    top = distinctive(against_general_english(word_counts(text)), 3)
    assert [k.word for k in top] == ["bourgeoisie", "workers", "kazakhstan"]
    rows = {row[0]: row for row in weight_rows(word_weights(text, ["workers", "bourgeoisie", "you", "owl"]))}
    assert rows["workers"][1:4] == (11, 14.4, 8)
    assert rows["you"][-1] == "2, 8"  # "you" only in the second and the last paragraph
    assert rows["bourgeoisie"][-1] == "1, 2, 3, 5, 6, 7, 8"
    assert rows["you"][6] < 3.84 < rows["workers"][6]  # "you" is frequent, but not distinctive
    assert rows["owl"][1:4] == (0, 0.0, "-")


def test_word_explorer_views_and_live_box():
    text = load_corpus(ROOT)["solidarity-oil-workers"]
    chosen = key_words(text)
    assert chosen[0] == ("bourgeoisie", "distinctive against general English")
    assert ("you", "most frequent word") in chosen and len({w for w, _ in chosen}) == len(chosen)
    explorer = word_explorer(text)
    controls, live = explorer.children
    dropdown, typed = controls.children
    assert [label for label, _ in dropdown.options] == [w for w, _ in chosen]
    assert 'data-word="bourgeoisie"' in live.value  # the first key word is shown at once
    dropdown.value = [w for w, _ in chosen].index("you")
    assert live.value.count('class="kwic-key"') == 12 and 'alt="Dispersion plot' in live.value
    assert "Collocates of “you”" in live.value
    assert "studyguide-word-explorer" in explorer._dom_classes
    typed.value = "Kazakhstan"
    assert 'data-word="kazakhstan"' in live.value and live.value.count('class="kwic-key"') == 6
    typed.value = "owl"
    assert "not in this text" in live.value
    assert "single word" in word_view(text, "oil workers")
    # In the book it is plain HTML with the text's word index, run by the book's own script.
    bundle = explorer._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle and "data-sg-index" in bundle["text/html"]


def test_words_are_the_words_of_word_spans():
    for sample in ("It's the family's \"free\" self-organization - 2011, i.e. now", "İSTANBUL Ünion’s ﬁne", ""):
        assert words(sample) == [w for w, _, _ in word_spans(sample)]
        assert all(key(sample[start:end]) == w for w, start, end in word_spans(sample))


def test_highlighted_words_come_from_the_text_alone(project):
    text = load_corpus(ROOT)["solidarity-oil-workers"]
    chosen = highlight_words(text)
    distinct = [k.word for k in distinctive(against_general_english(word_counts(text), text.language), 2)]
    assert chosen[:2] == distinct and chosen[2:] == address_words(text)[:1] == ["you"]
    # a second text changes nothing for the first
    root = project({"a.txt": "A Title\n\nWe want bread. We want peace. Bread and peace for all.\n",
                    "a.meta.toml": GOOD_SIDECAR.format(id="a"), "b.txt": (ROOT / "seeds" / "000_3d1b1157ff71cf0a.txt").read_bytes(),
                    "b.meta.toml": (ROOT / "seeds" / "000_3d1b1157ff71cf0a.meta.toml").read_text()})
    assert highlight_words(load_corpus(root)["solidarity-oil-workers"]) == chosen
    assert highlight_words(load_corpus(root)["a"])[-1] == "we"
