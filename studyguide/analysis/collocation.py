"""Which words go together, measured three ways, each under its own name wherever it appears.

- **N-grams** (AntConc's "Clusters/N-grams"): runs of ``n`` consecutive words
  inside one paragraph, counted.
- **Word pairs** (collocations of adjacent words, :func:`word_pairs`): pairs of
  words side by side, scored with NLTK's
  :class:`~nltk.collocations.BigramCollocationFinder` and the association
  measure :data:`MEASURE`, Dunning's log-likelihood ratio
  (``BigramAssocMeasures.likelihood_ratio``): the same G2 as the keyness
  page, asking whether two words meet more often than their own frequencies
  would make them meet by chance. Pairs seen fewer than :data:`MIN_PAIR`
  times are dropped (a single meeting proves nothing), and so are pairs of
  two stopwords ("of the"). The words page lists a text's strongest pairs.
- **Collocates** of one chosen word (Voyant's "Collocates", :func:`collocates`):
  the words found within :data:`WINDOW` places of it, ranked by the G2 of their
  count near it against their count in the rest of the text. The word explorer
  shows them for any word (the book's script computes the same).

Nothing crosses a paragraph boundary. Counting is done with
:class:`collections.Counter` and handed to NLTK's finder, which gives the
same finder as ``BigramCollocationFinder.from_documents`` but faster.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder
from nltk.probability import FreqDist

from .frequency import Token
from .keyness import log_likelihood

MEASURE = "likelihood_ratio"
MEASURE_NAME = "log-likelihood ratio (Dunning 1993)"
MIN_PAIR = 2
WINDOW = 4  # collocates: words up to four places left or right of the chosen word, in its paragraph
TOP_COLLOCATES = 10


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
class WordPair:
    """Two adjacent words, how often they stand side by side, and their :data:`MEASURE` score."""

    first: str
    second: str
    count: int
    score: float


def word_pairs(documents: Iterable[Sequence[str]], top: int = 10, min_count: int = MIN_PAIR,
               stopwords: frozenset[str] = frozenset()) -> list[WordPair]:
    """The ``top`` adjacent pairs by :data:`MEASURE`, seen at least ``min_count`` times; ties alphabetical."""
    finder = bigram_finder(documents)
    finder.apply_freq_filter(min_count)
    if stopwords:
        finder.apply_ngram_filter(lambda first, second: first in stopwords and second in stopwords)
    scored = finder.score_ngrams(getattr(BigramAssocMeasures, MEASURE))
    ranked = sorted(scored, key=lambda pair_score: (-pair_score[1], pair_score[0]))[:top]
    return [WordPair(a, b, finder.ngram_fd[(a, b)], score) for (a, b), score in ranked]


def collocates(tokens: list[Token], word: str, window: int = WINDOW, top: int = TOP_COLLOCATES,
               min_count: int = MIN_PAIR) -> list[tuple[str, int, int, float]]:
    """``(collocate, times near the word, times in the text, G2)`` for the words found near ``word``.

    "Near" is up to ``window`` words left or right, in the same paragraph; each
    place is counted once even when two occurrences' windows overlap. A collocate
    must be near the word at least ``min_count`` times and relatively more often
    than elsewhere; it is ranked by the log-likelihood ratio (G2) of its count
    near the word against its count in the rest of the text. The book's script
    computes the same for any word.
    """
    at = [i for i, t in enumerate(tokens) if t.word == word]
    near: set[int] = set()
    for i in at:
        for j in range(max(0, i - window), min(len(tokens), i + window + 1)):
            if tokens[j].paragraph == tokens[i].paragraph and tokens[j].word != word:
                near.add(j)
    if not near:
        return []
    inside = Counter(tokens[j].word for j in near)
    total = Counter(t.word for t in tokens)
    rest = len(tokens) - len(near) - len(at)
    found = []
    for other, a in inside.items():
        b = total[other] - a
        if a >= min_count and (rest <= 0 or a / len(near) > b / rest):
            found.append((other, a, total[other], round(log_likelihood(a, b, len(near), max(rest, 1)), 2)))
    found.sort(key=lambda row: (-row[3], row[0]))
    return found[:top]
