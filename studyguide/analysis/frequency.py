"""Word frequencies: the running words of a text, its summary measures and word lists.

Counting always uses the editors' readings (:meth:`Text.reading`), so the
slip "tbe" counts as "the"; the text shown to readers is never changed.
Words come from :func:`studyguide.tokens.word_spans` (the guide's one
tokeniser), lower-cased.

Measures (Voyant's "Summary", AntConc's "Word list"):

- tokens: running words; types: distinct words;
- type-token ratio (TTR) = types / tokens: falls as a text gets longer,
  so texts of different lengths cannot be compared with it;
- MATTR, the moving-average type-token ratio (Covington and McFall 2010):
  the mean TTR of every window of :data:`MATTR_WINDOW` consecutive tokens,
  which does not depend on the length of the text;
- hapax legomena: words that occur exactly once;
- sentences, and mean sentence and paragraph lengths in tokens.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from stop_words import StopWordError, get_stop_words

from ..texts.corpus import Corpus
from ..texts.language import primary
from ..texts.text import Text
from .tokens import sentences, word_spans

MATTR_WINDOW = 100


@dataclass(frozen=True)
class Token:
    """One running word: its lower-cased form, its paragraph and its place in the reading."""

    word: str
    paragraph: int
    start: int
    end: int


def text_tokens(text: Text, include_quotations: bool = True) -> tuple[Token, ...]:
    """Every running word of ``text`` in order, editors' readings applied.

    Computed once per text and kept (:data:`_TOKENS`, keyed by the seed's hash and the
    sidecar's notes, all that the words depend on): a notebook asks for the words of a
    long text many times.
    """
    key = (text.sha256, text.meta.notes)
    tokens = _TOKENS.get(key)
    if tokens is None:
        if len(_TOKENS) >= _KEPT:
            del _TOKENS[next(iter(_TOKENS))]
        tokens = _TOKENS[key] = tuple(Token(word, p.number, start, end) for p in text.paragraphs
                                      for word, start, end in word_spans(text.reading(p.number)))
    return tokens if include_quotations else tuple(t for t in tokens if not text.paragraph(t.paragraph).quotation)


_TOKENS: dict[tuple, tuple[Token, ...]] = {}
_KEPT = 16  # texts whose words are kept


def paragraph_words(text: Text) -> list[list[str]]:
    """The words of each paragraph (readings applied), one list per paragraph."""
    return [[w for w, _, _ in word_spans(text.reading(p.number))] for p in text.paragraphs]


def per_thousand(count: float, total: int) -> float:
    """Relative frequency: occurrences per 1,000 running words."""
    return 1000.0 * count / total if total else 0.0


def mattr(words: Sequence[str], window: int = MATTR_WINDOW) -> float:
    """Moving-average type-token ratio: mean types/window over every window of ``window`` words.

    A text shorter than the window has one window, itself: its MATTR is its TTR.
    Runs in one pass, updating the counts as the window slides.
    """
    if window < 1:
        raise ValueError("the window must hold at least one word")
    if not words:
        return 0.0
    if len(words) <= window:
        return len(set(words)) / len(words)
    counts = Counter(words[:window])
    total = len(counts)
    for index in range(window, len(words)):
        leaving, entering = words[index - window], words[index]
        counts[leaving] -= 1
        if counts[leaving] == 0:
            del counts[leaving]
        counts[entering] += 1
        total += len(counts)
    return total / (window * (len(words) - window + 1))


@dataclass(frozen=True)
class Profile:
    """The summary measures of one text, or of all texts together."""

    label: str
    paragraphs: int
    sentences: int
    tokens: int
    types: int
    hapax: int
    mattr: float

    @property
    def ttr(self) -> float:
        return self.types / self.tokens if self.tokens else 0.0

    @property
    def mean_sentence(self) -> float:
        return self.tokens / self.sentences if self.sentences else 0.0

    @property
    def mean_paragraph(self) -> float:
        return self.tokens / self.paragraphs if self.paragraphs else 0.0


def _profile(label: str, words: list[str], paragraphs: int, sentence_count: int) -> Profile:
    counts = Counter(words)
    return Profile(
        label=label,
        paragraphs=paragraphs,
        sentences=sentence_count,
        tokens=len(words),
        types=len(counts),
        hapax=sum(1 for c in counts.values() if c == 1),
        mattr=mattr(words),
    )


def text_profile(text: Text) -> Profile:
    """Summary measures of one text (readings applied)."""
    words = [t.word for t in text_tokens(text)]
    count = sum(len(sentences(text.reading(p.number))) for p in text.paragraphs)
    return _profile(text.title, words, len(text.paragraphs), count)


def corpus_profiles(corpus: Corpus) -> list[Profile]:
    """One profile per text, then all texts together when there are several."""
    rows = [text_profile(text) for text in corpus]
    if len(rows) > 1:
        words = [t.word for text in corpus for t in text_tokens(text)]
        rows.append(_profile("All texts", words, sum(r.paragraphs for r in rows), sum(r.sentences for r in rows)))
    return rows


class WordCounts(Counter):
    """Word counts that know the primary language subtag of their text (``"en"``), so no analysis compares languages."""

    language: str | None = None


def word_counts(text: Text) -> WordCounts:
    """How often each word occurs in ``text`` (readings applied)."""
    counts = WordCounts(t.word for t in text_tokens(text))
    counts.language = primary(text.language)
    return counts


@lru_cache(maxsize=8)
def stopwords(language: str = "en") -> frozenset[str]:
    """The stopword list of the PyPI package ``stop-words`` for ``language`` (a code such as "en")."""
    try:
        return frozenset(get_stop_words(primary(language)))
    except StopWordError:
        return frozenset()


@dataclass(frozen=True)
class WordFrequency:
    word: str
    count: int
    per_1000: float
    rank: int


def top_words(counts: Counter, n: int = 20, exclude: Iterable[str] = ()) -> list[WordFrequency]:
    """The ``n`` most frequent words, leaving out ``exclude``; ties in alphabetical order.

    Relative frequencies are per 1,000 of *all* running words, so they stay
    comparable with and without stopwords. Ranks follow the guide's one
    convention (:func:`rank_of`), among the words considered (all words, or all
    but ``exclude``): words with equal counts share a rank.
    """
    total = sum(counts.values())
    skip = frozenset(exclude)
    ranked = sorted(((w, c) for w, c in counts.items() if w not in skip), key=lambda wc: (-wc[1], wc[0]))
    rows: list[WordFrequency] = []
    for i, (w, c) in enumerate(ranked[:n]):
        rank = rows[-1].rank if rows and rows[-1].count == c else i + 1
        rows.append(WordFrequency(w, c, per_thousand(c, total), rank))
    return rows


def rank_of(counts: Counter, word: str) -> int | None:
    """The rank of ``word`` among all words of ``counts``: 1 + the number of words more frequent.

    The guide's one rank convention ("standard competition ranking"): words
    with equal counts share a rank, and the next rank skips (1, 2, 2, 4).
    """
    if word not in counts:
        return None
    return 1 + sum(1 for c in counts.values() if c > counts[word])


def reading_rows(text: Text) -> list[tuple[int, str, str]]:
    """The editors' readings that change what is counted: paragraph, original, reading."""
    return [(n.paragraph, n.original, n.reading) for n in text.meta.notes if n.reading is not None]


@dataclass(frozen=True)
class StopwordShare:
    """What a stopword list takes away from a text."""

    types: int  # distinct words that are stopwords
    tokens: int  # running words that are stopwords
    distinct: int  # distinct words in all
    running: int  # running words in all
    frequent: tuple[WordFrequency, ...]  # the stopwords among the most frequent words

    @property
    def percent(self) -> float:
        """Stopwords as a share of the running words, in per cent."""
        return 100 * self.tokens / self.running if self.running else 0.0


def stopword_share(counts: Counter, stop: frozenset[str], among: int = 30) -> StopwordShare:
    """How many distinct and running words of ``counts`` are stopwords, and which of the ``among`` most frequent."""
    return StopwordShare(
        types=sum(1 for w in counts if w in stop),
        tokens=sum(c for w, c in counts.items() if w in stop),
        distinct=len(counts),
        running=sum(counts.values()),
        frequent=tuple(w for w in top_words(counts, among) if w.word in stop),
    )
