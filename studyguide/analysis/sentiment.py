"""The emotional arc: VADER sentiment per sentence and per paragraph, from the reference implementation.

The chart is :mod:`studyguide.views.emotional_arc`.

Scores come from the PyPI package ``vaderSentiment`` (Hutto and Gilbert 2014),
the reference implementation of VADER, which ships its lexicon: no download, no
network. (NLTK's port strips punctuation differently and scores some sentences
otherwise, e.g. ``Some sort of "free" Trades Union organization...?``; the guide
uses the reference, and a test compares every sentence of the seed with it.)

VADER's lexicon and rules are English: for a text in another language there is
no score at all (:func:`studyguide.analysis.languages.applies`), never a row of
zeros called "neutral".

- Sentences are those of :func:`studyguide.analysis.tokens.sentences`, taken from
  ``text.reading(n)`` (the editors' suggested readings applied).
- A sentence's score is VADER's *compound* score, from -1 (most negative)
  to +1 (most positive).
- A paragraph's score is the mean of its sentences' compound scores, so a
  long paragraph is not pushed to the extremes just by being long.

The tables are :mod:`studyguide.views.sentiment_tables`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from statistics import mean

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from ..texts.text import Text
from .languages import applies
from .stretches import quoted_in, stretches
from .tokens import sentences

NEUTRAL = 0.05  # VADER's authors' conventional band: |compound| < 0.05 is neutral
NAME = "VADER (the reference implementation, PyPI package vaderSentiment)"


class _Recording(SentimentIntensityAnalyzer):
    """The reference analyser, keeping what its last sentence's compound score was computed from.

    VADER turns a sentence into one valence per word (lexicon values after its rules for
    boosters, capitals, negation and "but"), then sums them, pushes the sum away from 0 by
    the emphasis of "!" and "?", and normalises it. The notebooks recompute that last step
    by hand from the recorded valences (:func:`sentence_valences`), so they are kept here
    rather than re-derived from the analyser's private rules.
    """

    recorded: tuple[tuple[float, ...], float] = ((), 0.0)

    def score_valence(self, sentiments, text):
        self.recorded = (tuple(float(v) for v in sentiments), self._punctuation_emphasis(text) if sentiments else 0.0)
        return super().score_valence(sentiments, text)


@lru_cache(maxsize=1)
def analyzer() -> SentimentIntensityAnalyzer:
    """The reference VADER analyser, with the lexicon its package ships."""
    return _Recording()


def compound(sentence: str) -> float:
    return analyzer().polarity_scores(sentence)["compound"]


def polarity(score: float) -> str:
    return "positive" if score >= NEUTRAL else "negative" if score <= -NEUTRAL else "neutral"


@dataclass(frozen=True)
class SentenceScore:
    paragraph: int
    number: int  # within the paragraph, from 1
    sentence: str
    compound: float
    quotation: bool


def sentence_scores(text: Text) -> list[SentenceScore]:
    """Every sentence of ``text`` in order, with its compound score; none when VADER does not read its language."""
    if not applies(text, "sentiment"):
        return []
    return [
        SentenceScore(p.number, n, s, compound(s), p.quotation)
        for p in text.paragraphs
        for n, s in enumerate(sentences(text.reading(p.number)), 1)
    ]


@dataclass(frozen=True)
class ParagraphScore:
    paragraph: int
    sentences: int
    mean: float
    lowest: float
    highest: float
    quotation: bool


def paragraph_scores(text: Text) -> list[ParagraphScore]:
    """Per paragraph: the mean, lowest and highest sentence score."""
    by_paragraph: dict[int, list[SentenceScore]] = {}
    for s in sentence_scores(text):
        by_paragraph.setdefault(s.paragraph, []).append(s)
    return [
        ParagraphScore(n, len(ss), mean(s.compound for s in ss), min(s.compound for s in ss),
                       max(s.compound for s in ss), ss[0].quotation)
        for n, ss in by_paragraph.items()
    ]


@dataclass(frozen=True)
class StretchScore:
    """The sentence scores of a paragraph, or of a stretch of paragraphs: how many, their mean, lowest and highest."""

    stretch: range
    quoted: tuple[int, ...]
    sentences: int
    mean: float
    lowest: float
    highest: float

    @property
    def polarity(self) -> str:
        return polarity(self.mean)


def stretch_scores(text: Text) -> list[StretchScore]:
    """Per paragraph (per stretch of paragraphs in a long text, :mod:`.stretches`) with a scored sentence; none
    for a text VADER does not read."""
    scores = sentence_scores(text)
    quoted = [p.number for p in text.paragraphs if p.quotation]
    rows = []
    for stretch in stretches(len(text.paragraphs)):
        inside = [s.compound for s in scores if s.paragraph in stretch]
        if inside:
            rows.append(StretchScore(stretch, quoted_in(stretch, quoted), len(inside), mean(inside), min(inside),
                                     max(inside)))
    return rows


@dataclass(frozen=True)
class Valences:
    """What VADER's compound score of one sentence is computed from: each word's valence, after VADER's rules,
    and the emphasis of its "!" and "?" (added to a positive sum, taken from a negative one)."""

    paragraph: int
    sentence: str
    words: tuple[float, ...]
    punctuation: float


def sentence_valences(text: Text) -> list[Valences]:
    """The :class:`Valences` of every sentence of ``text`` in order (the sentences :func:`sentence_scores` scores);
    none when VADER does not read its language."""
    if not applies(text, "sentiment"):
        return []
    found = []
    for p in text.paragraphs:
        for s in sentences(text.reading(p.number)):
            analyzer().polarity_scores(s)
            found.append(Valences(p.number, s, *analyzer().recorded))
    return found


def sentence_with(text: Text, fragment: str) -> SentenceScore:
    """The first scored sentence of ``text`` that holds ``fragment``."""
    for score in sentence_scores(text):
        if fragment in score.sentence:
            return score
    raise KeyError(f"no sentence of {text.id!r} holds {fragment!r}")


def examples(text: Text, fragments: list[tuple[str, str]]) -> list[tuple[str, SentenceScore]]:
    """For each ``(label, fragment)``: the label and the scored sentence that holds the fragment."""
    return [(label, sentence_with(text, fragment)) for label, fragment in fragments]
