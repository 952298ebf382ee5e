"""Themes in a text: the lexicon's cues matched and scored per paragraph and sentence.

The lexicon (:mod:`studyguide.knowledge.lexicon`) says which words count as
evidence for each theme; this module finds them. Rules, stated once and tested:

- **Words** are the tokens of :mod:`studyguide.analysis.tokens` (lower-cased;
  "it's" and "self-organization" are one word each). Counting uses
  ``text.reading(n)`` (the editors' suggested readings applied).
- **Matching**: an ``exact`` cue matches the same word or run of words; a
  ``stem`` cue matches words with the same Snowball stems ("exploitation"
  finds "exploited"); a ``pattern`` cue is a regular expression that must
  match one whole word.
- **Overlaps within a theme**: leftmost, then longest match wins; a word is
  used by at most one cue of a theme ("class war" is one match, not also
  "war" in the same theme). Equal length: the cue written first wins.
- **Overlaps across themes**: a word may cue several themes and then counts
  once in each ("class war" counts for exploitation, "war" for war). The
  evidence table shows it under each theme.
- **Negation**: a match is *negated* when one of :data:`NEGATORS` (or a word
  ending in "n't") stands among the :data:`NEGATION_WINDOW` words before it
  in the same sentence; "not only" is not a negation. Negated matches are
  listed as evidence but not counted.
- **Score**: counted matches per 100 words of the paragraph (or sentence).
- **Language**: the lexicon's cues are English; a text in another language is
  not scored (:func:`studyguide.analysis.languages.applies`): no segments, no
  empty tracker.
- **Ties**: themes with equal scores are all kept; order is by score, then
  by the lexicon's order. A paragraph's leading themes are all themes with
  the highest score.

The tables are :mod:`studyguide.views.theme_tables`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..knowledge.lexicon import Cue, Lexicon, Theme
from ..texts.text import Paragraph, Text
from .languages import applies
from .stretches import MAX_ROWS, quoted_in, stretches
from .tokens import sentences, word_spans, words

NEGATORS = frozenset({"not", "no", "never", "nor", "without", "cannot"})
NEGATION_WINDOW = 3


@lru_cache(maxsize=1)
def _stemmer():
    from nltk.stem.snowball import SnowballStemmer  # on first use: see tokens._sentence_tokenizer

    return SnowballStemmer("english")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    return _stemmer().stem(word.replace("’", "'"))


@lru_cache(maxsize=1024)
def cue_parts(cue: Cue) -> tuple[str, ...]:
    """What is compared with the words of a text, one item per word."""
    if cue.rule == "pattern":
        return (cue.text,)
    tokens = words(cue.text)
    return tuple(stem(t) for t in tokens) if cue.rule == "stem" else tuple(tokens)


# ---------------------------------------------------------------- matching


@dataclass(frozen=True)
class Word:
    """A word of a string, its span and the index of its sentence."""

    word: str
    start: int
    end: int
    sentence: int


@dataclass(frozen=True)
class Match:
    """One cue found in a string: character span, words used, and whether it is negated."""

    theme: str
    cue: Cue
    start: int
    end: int
    first: int  # index of the first word
    length: int  # number of words
    sentence: int
    negated: bool

    @property
    def counted(self) -> bool:
        return not self.negated


@lru_cache(maxsize=512)
def tokenize(source: str) -> tuple[Word, ...]:
    """Words of ``source`` with character spans and the index of their sentence."""
    bounds: list[int] = []
    position = 0
    for sentence in sentences(source):
        found = source.find(sentence, position)
        position = (found if found >= 0 else position) + len(sentence)
        bounds.append(position)
    tokens = []
    for word, start, end in word_spans(source):
        index = next((i for i, bound in enumerate(bounds) if start < bound), max(len(bounds) - 1, 0))
        tokens.append(Word(word, start, end, index))
    return tuple(tokens)


@lru_cache(maxsize=256)
def _compiled(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.IGNORECASE)


def _is_negator(word: str) -> bool:
    return word in NEGATORS or word.endswith(("n't", "n’t"))


def _negated(tokens: tuple[Word, ...], first: int) -> bool:
    sentence = tokens[first].sentence
    for i in range(max(0, first - NEGATION_WINDOW), first):
        if tokens[i].sentence == sentence and _is_negator(tokens[i].word):
            following = tokens[i + 1].word if i + 1 < len(tokens) else ""
            if not (tokens[i].word == "not" and following == "only"):
                return True
    return False


def _cue_at(cue: Cue, plain: list[str], stems: list[str], i: int) -> int:
    """Number of words ``cue`` matches starting at word ``i`` (0 = no match)."""
    parts = cue_parts(cue)
    if cue.rule == "pattern":
        return 1 if _compiled(cue.text).fullmatch(plain[i]) else 0
    if i + len(parts) > len(plain):
        return 0
    seq = stems if cue.rule == "stem" else plain
    return len(parts) if tuple(seq[i : i + len(parts)]) == parts else 0


@lru_cache(maxsize=256)
def _cue_index(theme: Theme) -> tuple[dict[str, tuple[Cue, ...]], dict[str, tuple[Cue, ...]], tuple[Cue, ...]]:
    """A theme's cues by their first word (exact), by their first stem (stem), and its patterns, in the lexicon's order.

    Only the cues whose first word could match are tried at a word, so scoring stays
    linear in the length of a text.
    """
    exact: dict[str, list[Cue]] = {}
    stemmed: dict[str, list[Cue]] = {}
    for cue in theme.cues:
        parts = cue_parts(cue)
        if cue.rule != "pattern" and parts:
            (stemmed if cue.rule == "stem" else exact).setdefault(parts[0], []).append(cue)
    patterns = tuple(cue for cue in theme.cues if cue.rule == "pattern")
    return ({k: tuple(v) for k, v in exact.items()}, {k: tuple(v) for k, v in stemmed.items()}, patterns)


def _candidates(theme: Theme, word: str, word_stem: str) -> list[Cue]:
    """The cues of ``theme`` that could match at a word, in the lexicon's order (the first written wins a tie)."""
    exact, stemmed, patterns = _cue_index(theme)
    found = [*exact.get(word, ()), *stemmed.get(word_stem, ()), *patterns]
    if len(found) > 1:
        order = {cue: n for n, cue in enumerate(theme.cues)}
        found.sort(key=order.__getitem__)
    return found


def find_matches(source: str, lexicon: Lexicon) -> list[Match]:
    """Every cue match in ``source``, by position then lexicon order (rules in the module docstring)."""
    tokens = tokenize(source)
    plain = [t.word for t in tokens]
    stems = [stem(w) for w in plain]
    found: list[Match] = []
    for theme in lexicon:
        i = 0
        while i < len(tokens):
            best: tuple[int, Cue] | None = None
            for cue in _candidates(theme, plain[i], stems[i]):
                length = _cue_at(cue, plain, stems, i)
                if length and (best is None or length > best[0]):
                    best = (length, cue)
            if best is None:
                i += 1
                continue
            length, cue = best
            last = tokens[i + length - 1]
            found.append(Match(theme.id, cue, tokens[i].start, last.end, i, length, tokens[i].sentence, _negated(tokens, i)))
            i += length
    order = {t.id: n for n, t in enumerate(lexicon)}
    return sorted(found, key=lambda m: (m.start, order[m.theme]))


# ---------------------------------------------------------------- scoring


@dataclass(frozen=True)
class Segment:
    """A scored stretch of text (a paragraph or one sentence)."""

    paragraph: int
    sentence: int | None  # None for a whole paragraph
    source: str
    words: int
    matches: tuple[Match, ...]
    quotation: bool

    def count(self, theme_id: str) -> int:
        return sum(1 for m in self.matches if m.theme == theme_id and m.counted)

    def negated(self, theme_id: str) -> int:
        return sum(1 for m in self.matches if m.theme == theme_id and m.negated)

    def score(self, theme_id: str) -> float:
        """Counted matches per 100 words."""
        return 100 * self.count(theme_id) / self.words if self.words else 0.0

    def ranked(self, lexicon: Lexicon) -> list[Theme]:
        """Themes with at least one counted match: highest score first, ties in lexicon order."""
        present = [t for t in lexicon if self.count(t.id)]
        return sorted(present, key=lambda t: -self.score(t.id))

    def leading(self, lexicon: Lexicon) -> list[Theme]:
        """All themes sharing the highest score (ties are kept)."""
        ranked = self.ranked(lexicon)
        return [t for t in ranked if self.score(t.id) == self.score(ranked[0].id)] if ranked else []


def score_paragraph(text: Text, paragraph: Paragraph, lexicon: Lexicon) -> Segment:
    """One paragraph scored, counted on ``text.reading(n)``; no matches for a text not in English."""
    source = text.reading(paragraph.number)
    matches = tuple(find_matches(source, lexicon)) if applies(text, "themes") else ()
    return Segment(paragraph.number, None, source, len(words(source)), matches, paragraph.quotation)


def score_paragraphs(text: Text, lexicon: Lexicon) -> list[Segment]:
    """One scored segment per paragraph; none for a text not in English."""
    if not applies(text, "themes"):
        return []
    return [score_paragraph(text, p, lexicon) for p in text.paragraphs]


def score_sentences(text: Text, lexicon: Lexicon) -> list[Segment]:
    """One scored segment per sentence, numbered within its paragraph from 1; none for a text not in English."""
    if not applies(text, "themes"):
        return []
    segments = []
    for p in text.paragraphs:
        for n, sentence in enumerate(sentences(text.reading(p.number)), 1):
            segments.append(Segment(p.number, n, sentence, len(words(sentence)),
                                    tuple(find_matches(sentence, lexicon)), p.quotation))
    return segments


def context(source: str, match: Match, width: int = 6) -> tuple[str, str, str]:
    """(left, matched words, right): up to ``width`` words either side, as written."""
    tokens = tokenize(source)
    left_start = tokens[max(0, match.first - width)].start
    right_end = tokens[min(len(tokens) - 1, match.first + match.length - 1 + width)].end
    left = source[left_start : match.start]
    right = source[match.end : right_end]
    return (("… " if left_start > 0 else "") + left.lstrip(), source[match.start : match.end],
            right.rstrip() + (" …" if right_end < len(source.rstrip()) else ""))


def evidence(segments: list[Segment], lexicon: Lexicon, theme_id: str | None = None) -> list[tuple[Segment, Match]]:
    """Every match of every segment (of theme ``theme_id`` only, when given), by segment, then theme, then place."""
    order = {t.id: n for n, t in enumerate(lexicon)}
    return [(segment, m) for segment in segments
            for m in sorted(segment.matches, key=lambda m: (order[m.theme], m.start))
            if not theme_id or m.theme == theme_id]


@dataclass(frozen=True)
class Stretch:
    """A paragraph, or a stretch of paragraphs of a long text scored as one segment, and which are quoted."""

    paragraphs: range
    quoted: tuple[int, ...]
    segment: Segment


def stretch_segments(segments: list[Segment], limit: int = MAX_ROWS) -> list[Stretch]:
    """The paragraphs' segments as at most ``limit`` stretches (:mod:`.stretches`), each pooled into one
    segment: its counted matches per 100 of its words."""
    found = []
    for stretch in stretches(len(segments), limit):
        part = segments[stretch.start - 1: stretch.stop - 1]
        pooled = part[0] if len(part) == 1 else Segment(
            part[0].paragraph, None, "", sum(p.words for p in part), tuple(m for p in part for m in p.matches),
            any(p.quotation for p in part))
        paragraphs = range(part[0].paragraph, part[-1].paragraph + 1)
        found.append(Stretch(paragraphs, quoted_in(paragraphs, [p.paragraph for p in part if p.quotation]), pooled))
    return found


def overlaps(segments: list[Segment]) -> list[tuple[int, str, tuple[str, ...]]]:
    """Words that cue two or more themes: (paragraph, the word as written, the themes' ids)."""
    rows = []
    for s in segments:
        by_word: dict[int, list[str]] = {}
        for m in s.matches:
            for i in range(m.first, m.first + m.length):
                by_word.setdefault(i, []).append(m.theme)
        tokens = tokenize(s.source)
        for i, themes in sorted(by_word.items()):
            if len(themes) > 1:
                rows.append((s.paragraph, s.source[tokens[i].start : tokens[i].end], tuple(themes)))
    return rows


def changed_counts(before: list[Segment], after: list[Segment], theme_id: str) -> list[tuple[Segment, Segment]]:
    """The paragraphs whose count for ``theme_id`` changed: (before, after)."""
    return [(b, a) for b, a in zip(before, after, strict=True) if b.count(theme_id) != a.count(theme_id)]


def changed_leaders(before: list[Segment], after: list[Segment], lexicon: Lexicon) -> list[tuple[Segment, Segment]]:
    """The paragraphs whose leading theme(s) changed: (before, after)."""
    return [(b, a) for b, a in zip(before, after, strict=True) if b.leading(lexicon) != a.leading(lexicon)]


def densest(sentence_segments: list[Segment], lexicon: Lexicon) -> list[tuple[Theme, Segment]]:
    """Per theme with a counted cue, the sentence with the highest score (the earlier one on a tie)."""
    found = []
    for theme in lexicon:
        best = max(sentence_segments, key=lambda s: (s.score(theme.id), -s.paragraph))
        if best.count(theme.id):
            found.append((theme, best))
    return found
