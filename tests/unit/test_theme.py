"""Theme lexicon and scoring: loader errors with file:line, matching rules on hand-checkable texts, the seed."""

from __future__ import annotations

from pathlib import Path

import pytest

from studyguide import InputError
from studyguide.analysis.themes import context, find_matches, score_paragraphs, score_sentences
from studyguide.knowledge.lexicon import Lexicon, read_lexicon
from studyguide.knowledge.project import load_project
from studyguide.views.theme_tables import compare, evidence_rows, overlaps
from support import GOOD_SIDECAR, ROOT, load_error

SMALL = """\
[[theme]]
id = "class"
label = "Class"
description = "Class words."
colour = "#0072B2"
symbol = "■"
exact = ["class war", "class"]
stem = ["exploitation"]

[[theme]]
id = "war"
label = "War"
description = "War words."
colour = "#E69F00"
symbol = "✚"
exact = ["war"]
pattern = ["bomb\\\\w*"]
"""


@pytest.fixture
def small(tmp_path: Path) -> Lexicon:
    path = tmp_path / "themes.toml"
    path.write_text(SMALL, "utf-8")
    return read_lexicon(path)


def error_of(tmp_path: Path, source: str) -> InputError:
    return load_error(read_lexicon, tmp_path / "themes.toml", source)


# ------------------------------------------------------------------ loader


def test_small_lexicon_loads_in_order(small):
    assert [t.id for t in small] == ["class", "war"]
    assert [(c.text, c.rule, c.line) for c in small["class"].cues] == [
        ("class war", "exact", 7), ("class", "exact", 7), ("exploitation", "stem", 8)]
    assert small["war"].marker == "P"
    assert small["war"].line == 10


def test_unknown_key_names_its_line(tmp_path):
    error = error_of(tmp_path, SMALL.replace('symbol = "✚"', 'symbol = "✚"\ncolor = "#000000"'))
    assert error.line == 16 and "unknown field 'color' (did you mean 'colour'?)" in error.reason


def test_bad_rule_key_is_unknown(tmp_path):
    error = error_of(tmp_path, SMALL.replace('stem = ["exploitation"]', 'lemma = ["exploitation"]'))
    assert error.line == 8 and "unknown field 'lemma'" in error.reason


def test_bad_pattern_names_its_line(tmp_path):
    error = error_of(tmp_path, SMALL.replace('pattern = ["bomb\\\\w*"]', 'pattern = ["bomb[a-"]'))
    assert error.line == 17 and "bad pattern" in error.reason


def test_duplicate_id(tmp_path):
    error = error_of(tmp_path, SMALL.replace('id = "war"', 'id = "class"'))
    assert error.line == 11 and "duplicate theme id 'class' (first at line 2)" in error.reason


def test_colour_outside_palette_and_reused_symbol(tmp_path):
    assert error_of(tmp_path, SMALL.replace("#E69F00", "#FF0000")).line == 14
    error = error_of(tmp_path, SMALL.replace('symbol = "✚"', 'symbol = "■"'))
    assert error.line == 15 and "already used by 'class'" in error.reason


def test_missing_field_theme_without_cues_and_malformed_toml(tmp_path):
    assert "theme 2: missing required field 'label'" in error_of(tmp_path, SMALL.replace('label = "War"\n', "")).reason
    no_cues = SMALL.replace('exact = ["war"]\n', "").replace('pattern = ["bomb\\\\w*"]\n', "")
    assert "has no cues" in error_of(tmp_path, no_cues).reason
    error = error_of(tmp_path, SMALL.replace('exact = ["war"]', 'exact = ["war"'))
    assert error.reason.startswith("malformed TOML") and error.line == 17
    assert "unknown field 'themes' (did you mean 'theme'?)" in error_of(tmp_path, "[[themes]]\nid = 'x'\n").reason


def test_the_project_lexicon_is_valid():
    lexicon = load_project(ROOT).lexicon
    assert 5 <= len(lexicon) <= 8
    assert len({t.symbol for t in lexicon}) == len(lexicon)


# ------------------------------------------------------------------ matching rules


def test_exact_stem_and_pattern(small):
    found = find_matches("Exploited workers; bombs and bombers. War!", small)
    assert [(m.theme, m.cue.text, m.start, m.end) for m in found] == [
        ("class", "exploitation", 0, 9), ("war", "bomb\\w*", 19, 24), ("war", "bomb\\w*", 29, 36), ("war", "war", 38, 41)]


def test_longest_match_within_a_theme_and_overlap_across_themes(small):
    found = find_matches("This is class war.", small)
    assert [(m.theme, m.cue.text) for m in found] == [("class", "class war"), ("war", "war")]
    text_segments = [_segment("This is class war.", small)]
    assert overlaps(text_segments, small) == [(1, "war", "■ Class, ✚ War")]


def test_negation_window_same_sentence_and_not_only(small):
    source = "Do not start a war. We want no peace. War. Not only war."
    found = [(source[: m.start].count(" "), m.negated) for m in find_matches(source, small)]
    assert found == [(4, True), (9, False), (12, False)]  # word 4 negated; a new sentence or "not only" is not
    assert [m.negated for m in find_matches("Never was there a long cruel class war", small)] == [False, False]
    assert [m.negated for m in find_matches("We don't want war", small)] == [True]


def _segment(source, lexicon):
    from studyguide.analysis.themes import Segment
    from studyguide.analysis.tokens import words

    return Segment(1, None, source, len(words(source)), tuple(find_matches(source, lexicon)), False)


def test_scores_per_100_words_and_ties(small):
    segment = _segment("War and class and more words here now.", small)
    assert segment.words == 8
    assert segment.count("war") == 1 and segment.score("war") == 12.5
    assert [t.id for t in segment.leading(small)] == ["class", "war"]  # tie: both, lexicon order
    negated = _segment("Not war, but the class.", small)
    assert negated.count("war") == 0 and negated.negated("war") == 1
    assert [t.id for t in negated.leading(small)] == ["class"]


def test_context_window():
    lexicon_words = "one two three four five six seven war eight nine ten eleven twelve thirteen fourteen"
    from studyguide.knowledge.lexicon import Cue, Theme

    lexicon = Lexicon((Theme("war", "War", "d", "#E69F00", "✚", (Cue("war", "exact"),)),))
    match = find_matches(lexicon_words, lexicon)[0]
    assert context(lexicon_words, match) == ("… two three four five six seven ", "war",
                                            " eight nine ten eleven twelve thirteen …")


def test_with_and_without_cue(small):
    fewer = small.without_cue("class", "class")
    assert [c.text for c in fewer["class"].cues] == ["class war", "exploitation"]
    more = small.with_cue("war", "battle", "stem")
    assert [m.cue.text for m in find_matches("battles", more)] == ["battle"]
    with pytest.raises(KeyError):
        small.without_cue("class", "nothing")
    with pytest.raises(InputError):
        small.with_cue("war", "x[", "pattern")


def test_any_text_in_seeds(project, tmp_path):
    root = project({"a.txt": "A Title\n\nThe war. The class war!\n\nNothing here.\n",
                    "a.meta.toml": GOOD_SIDECAR.format(id="a")})
    (root / "data").mkdir()
    (root / "data" / "themes.toml").write_text(SMALL, "utf-8")
    project = load_project(root)
    text, lexicon = project.corpus.texts[0], project.lexicon
    paragraphs = score_paragraphs(text, lexicon)
    assert [(s.count("class"), s.count("war"), s.words) for s in paragraphs] == [(1, 2, 5), (0, 0, 2)]
    sentences = score_sentences(text, lexicon)
    assert [(s.paragraph, s.sentence, s.count("war")) for s in sentences] == [(1, 1, 1), (1, 2, 1), (2, 1, 0)]
    assert [r[2] for r in evidence_rows(paragraphs, lexicon)] == ["class war", "war", "war"]


# ------------------------------------------------------------------ the seed


@pytest.fixture(scope="module")
def seed():
    project = load_project(ROOT)
    lexicon = project.lexicon
    text = project.corpus["solidarity-oil-workers"]
    return text, lexicon, score_paragraphs(text, lexicon)


def test_paragraph_6_media_vocabulary_puts_it_in_the_media_theme(seed):
    text, lexicon, segments = seed
    p6 = segments[5]
    assert p6.count("media") >= 4
    assert "media" in [t.id for t in p6.leading(lexicon)]
    matched = {text.reading(6)[m.start:m.end].lower() for m in p6.matches if m.theme == "media"}
    assert {"media", "blackout", "news"} <= matched


def test_seed_repression_and_struggle(seed):
    _, lexicon, segments = seed
    assert [t.id for t in segments[1].leading(lexicon)] == ["repression"]  # "You will be beaten unmercifully"
    assert [t.id for t in segments[3].leading(lexicon)] == ["internationalism"]  # "Workers unite!"
    strike = [m for m in segments[1].matches if m.theme == "struggle" and m.negated]
    assert len(strike) == 1  # "definitely do not strike!"


def test_seed_counts_use_the_editors_reading(seed):
    text, lexicon, segments = seed
    assert segments[0].source == text.reading(1) and "tbe" not in segments[0].source
    # the text as written gives the same matches: no editorial note touches a cue word
    for s, p in zip(segments, text.paragraphs):
        assert len(find_matches(p.text, lexicon)) == len(s.matches)


def test_removing_a_cue_changes_the_result(seed):
    text, lexicon, before = seed
    after = score_paragraphs(text, lexicon.without_cue("exploitation", "bourgeoisie"))
    changed = compare(before, after, "exploitation")
    assert [row[0] for row in changed] == [1, 2, 3, 5, 6, 7, 8]
    assert [t.id for t in after[5].leading(lexicon)] == ["media"]
