"""The texts compared with one another, always within one language.

Two corpus-level measures, each computed only between texts of the same language
(the primary subtag: ``en-GB`` and ``en`` are one language): against words of
another language every word would look distinctive and no two texts alike.

- **distinctive words**: each text's keyness against the other texts of its language
  taken together (:func:`~.keyness.against_others`), the words used significantly more;
- **likeness**: the cosine similarity of two texts' word counts, stopwords left out
  when the language has a list (otherwise "the", "of" and "and" make every pair of
  English texts look alike): 1 when the words are used in the same proportions, 0
  when no word is shared.

A text alone in its language gets ``None``: not compared, and the page says so.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..texts.language import primary
from ..texts.text import Text
from .frequency import stopwords, word_counts
from .keyness import Keyword, against_others, distinctive


def cosine(first: Mapping[str, int], second: Mapping[str, int]) -> float:
    """The cosine of the angle between two word-count vectors (0 when either is empty)."""
    dot = sum(count * second.get(word, 0) for word, count in first.items())
    norms = math.sqrt(sum(c * c for c in first.values())) * math.sqrt(sum(c * c for c in second.values()))
    return dot / norms if norms else 0.0


def content_counts(text: Text) -> dict[str, int]:
    """The text's word counts without its language's stopwords (all its words when there is no list)."""
    stop = stopwords(text.language)
    return {word: count for word, count in word_counts(text).items() if word not in stop}


def peers(text: Text, corpus: Sequence[Text]) -> list[Text]:
    """The other texts of ``corpus`` in the language of ``text``."""
    return [other for other in corpus if other.id != text.id and primary(other.language) == primary(text.language)]


@dataclass(frozen=True)
class Likeness:
    """How alike one text is to the others of its language: the most and the least alike, with their cosines."""

    text: Text
    compared: int  # texts of the same language it was compared with
    closest: tuple[Text, float] | None
    farthest: tuple[Text, float] | None


def likeness(corpus: Sequence[Text]) -> list[Likeness]:
    """For each text, the text of its language it is most and least alike (ties: the earlier in the corpus)."""
    counts = {text.id: content_counts(text) for text in corpus}
    rows = []
    for text in corpus:
        scored = [(other, cosine(counts[text.id], counts[other.id])) for other in peers(text, corpus)]
        if not scored:
            rows.append(Likeness(text, 0, None, None))
            continue
        closest = max(scored, key=lambda pair: pair[1])  # max/min keep the first of equals
        farthest = min(scored, key=lambda pair: pair[1])
        rows.append(Likeness(text, len(scored), closest, farthest))
    return rows


def pairs(corpus: Sequence[Text]) -> list[tuple[Text, Text, float]]:
    """Every pair of texts of one language with its cosine, most alike first (ties in corpus order)."""
    texts = list(corpus)  # a Corpus is looked up by id, not sliced
    counts = {text.id: content_counts(text) for text in texts}
    found = [(a, b, cosine(counts[a.id], counts[b.id])) for i, a in enumerate(texts) for b in texts[i + 1:]
             if primary(a.language) == primary(b.language)]
    return sorted(found, key=lambda pair: -pair[2])


@dataclass(frozen=True)
class Distinctive:
    """A text's words used significantly more than in the other texts of its language (None: not compared)."""

    text: Text
    compared: int
    words: list[Keyword] | None


def distinctive_words(corpus: Sequence[Text], n: int = 5) -> list[Distinctive]:
    """For each text, its ``n`` most distinctive words against the other texts of its language."""
    rows = []
    for text in corpus:
        others = peers(text, corpus)
        if not others:
            rows.append(Distinctive(text, 0, None))
            continue
        keywords = against_others(word_counts(text), [word_counts(other) for other in others])
        rows.append(Distinctive(text, len(others), distinctive(keywords, n)))
    return rows
