"""N-grams and collocations: which words go together.

- N-grams (AntConc's "Clusters/N-grams"): runs of ``n`` consecutive words
  inside one paragraph, counted.
- Collocations (Voyant's "Collocates"): pairs of adjacent words scored with
  NLTK's :class:`~nltk.collocations.BigramCollocationFinder` and the
  association measure :data:`MEASURE`, Dunning's log-likelihood ratio
  (``BigramAssocMeasures.likelihood_ratio``): the same G2 as the keyness
  page, asking whether two words meet more often than their own frequencies
  would make them meet by chance. Pairs seen fewer than :data:`MIN_PAIR`
  times are dropped (a single meeting proves nothing), and so are pairs of
  two stopwords ("of the").

Word pairs never cross a paragraph boundary. Counting is done with
:class:`collections.Counter` and handed to NLTK's finder, which gives the
same finder as ``BigramCollocationFinder.from_documents`` but faster.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder
from nltk.probability import FreqDist

MEASURE = "likelihood_ratio"
MEASURE_NAME = "log-likelihood ratio (Dunning 1993)"
MIN_PAIR = 2


def ngrams(documents: Iterable[Sequence[str]], n: int) -> Counter:
    """Counts of every run of ``n`` words within each document (paragraph)."""
    if n < 1:
        raise ValueError("n must be at least 1")
    counts: Counter = Counter()
    for words in documents:
        counts.update(zip(*(words[i:] for i in range(n))))
    return counts


def top_ngrams(documents: Iterable[Sequence[str]], n: int, top: int = 10, min_count: int = 2) -> list[tuple[str, int]]:
    """The ``top`` most frequent n-grams seen at least ``min_count`` times, as text; ties alphabetical."""
    counts = ngrams(documents, n)
    ranked = sorted(((" ".join(g), c) for g, c in counts.items() if c >= min_count), key=lambda gc: (-gc[1], gc[0]))
    return ranked[:top]


def bigram_finder(documents: Iterable[Sequence[str]]) -> BigramCollocationFinder:
    """NLTK's bigram finder over ``documents``, pairs not crossing a document boundary."""
    word_fd: Counter = Counter()
    bigram_fd: Counter = Counter()
    for words in documents:
        word_fd.update(words)
        bigram_fd.update(zip(words, words[1:]))
    return BigramCollocationFinder(FreqDist(word_fd), FreqDist(bigram_fd))


@dataclass(frozen=True)
class Collocation:
    first: str
    second: str
    count: int
    score: float

    HEADERS = ("Word pair", "Times together", "Log-likelihood ratio")

    def row(self) -> tuple:
        return (f"{self.first} {self.second}", self.count, round(self.score, 1))


def collocations(documents: Iterable[Sequence[str]], top: int = 10, min_count: int = MIN_PAIR,
                 stopwords: frozenset[str] = frozenset()) -> list[Collocation]:
    """The ``top`` adjacent pairs by :data:`MEASURE`, seen at least ``min_count`` times; ties alphabetical."""
    finder = bigram_finder(documents)
    finder.apply_freq_filter(min_count)
    if stopwords:
        finder.apply_ngram_filter(lambda first, second: first in stopwords and second in stopwords)
    scored = finder.score_ngrams(getattr(BigramAssocMeasures, MEASURE))
    ranked = sorted(scored, key=lambda pair_score: (-pair_score[1], pair_score[0]))[:top]
    return [Collocation(a, b, finder.ngram_fd[(a, b)], score) for (a, b), score in ranked]
