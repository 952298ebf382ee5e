"""The emotional arc: VADER sentiment per sentence and per paragraph, through NLTK.

NLTK's :class:`~nltk.sentiment.vader.SentimentIntensityAnalyzer` normally
needs the "vader_lexicon" data package fetched by NLTK's downloader. Instead the lexicon comes from the
PyPI package ``vaderSentiment``, which ships ``vader_lexicon.txt``: its folder
is put on ``nltk.data.path`` and the bare file name is given (NLTK refuses an
absolute path). No download, no network.

- Sentences are those of :func:`studyguide.tokens.sentences`, taken from
  ``text.reading(n)`` (the editors' suggested readings applied).
- A sentence's score is VADER's *compound* score, from -1 (most negative)
  to +1 (most positive).
- A paragraph's score is the mean of its sentences' compound scores, so a
  long paragraph is not pushed to the extremes just by being long.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from statistics import mean

import nltk
import vaderSentiment
from nltk.sentiment.vader import SentimentIntensityAnalyzer

from .text import Text
from .tokens import sentences

LEXICON_NAME = "vader_lexicon.txt"
NEUTRAL = 0.05  # VADER's authors' conventional band: |compound| < 0.05 is neutral


@lru_cache(maxsize=1)
def analyzer() -> SentimentIntensityAnalyzer:
    """NLTK's VADER analyser with the lexicon from the ``vaderSentiment`` package."""
    folder = str(Path(vaderSentiment.__file__).resolve().parent)
    if folder not in nltk.data.path:
        nltk.data.path.append(folder)
    return SentimentIntensityAnalyzer(lexicon_file=LEXICON_NAME)


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
    """Every sentence of ``text`` in order, with its compound score."""
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


PARAGRAPH_HEADERS = ("Paragraph", "Sentences", "Mean", "Lowest", "Highest", "Overall")


def paragraph_rows(text: Text) -> list[tuple]:
    return [
        (f"{p.paragraph}" + (" (quoted)" if p.quotation else ""), p.sentences, f"{p.mean:+.2f}",
         f"{p.lowest:+.2f}", f"{p.highest:+.2f}", polarity(p.mean))
        for p in paragraph_scores(text)
    ]


def arc_figure(text: Text):
    """Sentence scores along the text, paragraph means as steps; quoted paragraphs shaded."""
    from .style import PALETTE, figure_style, finish, plt

    scores = sentence_scores(text)
    paragraphs = paragraph_scores(text)
    with figure_style():
        fig, ax = plt.subplots(figsize=(7.5, 3.8))
        xs = list(range(1, len(scores) + 1))
        ax.axhline(0, color="#777777", linewidth=0.8)
        ax.plot(xs, [s.compound for s in scores], color=PALETTE[0], linewidth=1, zorder=2)
        for kind, marker, colour in (("positive", "^", PALETTE[0]), ("negative", "v", PALETTE[3]), ("neutral", "o", "#555555")):
            points = [(x, s.compound) for x, s in zip(xs, scores) if polarity(s.compound) == kind]
            if points:
                ax.scatter(*zip(*points), marker=marker, color=colour, s=40, zorder=3, label=f"sentence ({kind})")
        start = 1
        for p in paragraphs:
            end = start + p.sentences - 1
            ax.hlines(p.mean, start - 0.4, end + 0.4, color=PALETTE[7], linewidth=2.2, linestyles="--",
                      label="paragraph mean" if p.paragraph == 1 else None, zorder=4)
            if p.quotation:
                ax.axvspan(start - 0.5, end + 0.5, facecolor="#dddddd", hatch="//", edgecolor="#999999", zorder=0,
                           label="quoted paragraph")
            ax.text((start + end) / 2, 1.08, f"¶{p.paragraph}", ha="center", fontsize=9)
            if start > 1:
                ax.axvline(start - 0.5, color="#bbbbbb", linewidth=0.8)
            start = end + 1
        ax.set_ylim(-1.05, 1.2)
        ax.set_xlim(0.3, len(scores) + 0.7)
        ax.set_xlabel("Sentence, in reading order")
        ax.set_ylabel("VADER compound score")
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=3, fontsize=9)
    low = min(scores, key=lambda s: s.compound)
    high = max(scores, key=lambda s: s.compound)
    negative = sum(1 for s in scores if polarity(s.compound) == "negative")
    positive = sum(1 for s in scores if polarity(s.compound) == "positive")
    alt = (
        f"Line chart of VADER sentiment for the {len(scores)} sentences of “{text.title}”: "
        f"{negative} negative, {positive} positive, {len(scores) - negative - positive} neutral. "
        f"Lowest {low.compound:+.2f} (paragraph {low.paragraph}, sentence {low.number}); "
        f"highest {high.compound:+.2f} (paragraph {high.paragraph}, sentence {high.number}). "
        "Paragraph means: " + ", ".join(f"¶{p.paragraph} {p.mean:+.2f}" for p in paragraphs) + "."
    )
    caption = (f"The emotional arc of “{text.title}”: one marker per sentence (▲ positive, ▼ negative, "
               "● neutral), dashed lines for paragraph means; a hatched band marks a quoted paragraph.")
    return finish(fig, alt, caption)
