"""Keyness: which words a text uses more (or less) than a reference does.

For a word occurring ``a`` times in a text of ``c`` words and ``b`` times in a
reference of ``d`` words (a 2x2 table), following Rayson and Garside (2000)
and Hardie (2014), the measures AntConc's keyword list reports:

- log-likelihood G2 = 2 * (a ln(a/E1) + b ln(b/E2)), with the expected
  counts E1 = c(a+b)/(c+d) and E2 = d(a+b)/(c+d) (and 0 ln 0 = 0). It says
  how sure we can be that the difference is not chance: above 3.84 the
  chance is under 5 %, above 15.13 under 0.01 % (one degree of freedom).
- log ratio = log2((a/c) / (b/d)): how big the difference is. 1 means twice
  as frequent as in the reference, 2 four times, -1 half. A zero count is
  replaced by 0.5 so the ratio stays finite (Hardie's convention).

The general-language reference is :mod:`wordfreq` (Speer 2022; data inside
the PyPI wheel, so it works offline), for the text's own language; for a
language wordfreq does not have, there is no keyness against general language
(:func:`studyguide.analysis.languages.general_reference`), never a comparison
with another language's words. It gives *frequencies*, not counts, so
the reference is treated as a corpus of :data:`REFERENCE_SIZE` words, each
word's count being its frequency times that size. The size only scales G2
(a bigger assumed reference makes every G2 larger, up to a limit) and leaves
the log ratio unchanged; 100 million words matches wordfreq's smallest listed
frequency (1 in 100 million), so every listed word has a count of at least 1.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from wordfreq import word_frequency

from .frequency import per_thousand
from .languages import general_reference

REFERENCE_SIZE = 100_000_000
MIN_COUNT = 3
CRITICAL_G2 = 15.13  # p < 0.0001 with one degree of freedom
ZERO = 0.5


def _term(observed: float, expected: float) -> float:
    return observed * math.log(observed / expected) if observed > 0 else 0.0


def log_likelihood(a: float, b: float, c: float, d: float) -> float:
    """G2 for ``a`` of ``c`` words in the text against ``b`` of ``d`` words in the reference."""
    if c <= 0 or d <= 0:
        raise ValueError("both corpora need at least one word")
    if a + b == 0:
        return 0.0
    e1 = c * (a + b) / (c + d)
    e2 = d * (a + b) / (c + d)
    return 2.0 * (_term(a, e1) + _term(b, e2))


def log_ratio(a: float, b: float, c: float, d: float) -> float:
    """Binary log of the ratio of relative frequencies; a zero count counts as :data:`ZERO`."""
    return math.log2(((a or ZERO) / c) / ((b or ZERO) / d))


@dataclass(frozen=True)
class Keyword:
    word: str
    count: int
    per_1000: float
    reference_per_1000: float
    g2: float
    log_ratio: float

    @property
    def more(self) -> bool:
        """True when the word is more frequent here than in the reference."""
        return self.log_ratio > 0


def significant(value: float, digits: int = 3) -> float:
    """``value`` rounded to ``digits`` significant figures (0.000331, 2.1, 53.7)."""
    return round(value, digits - 1 - math.floor(math.log10(abs(value)))) if value else 0.0


def general_frequency(word: str, language: str = "en") -> float:
    """A word's frequency in general written and spoken ``language`` (wordfreq, 'best' list); 0.0 when wordfreq lacks it."""
    code = general_reference(language)
    return word_frequency(word, code) if code else 0.0


def keyness(counts: Mapping[str, int], reference: Mapping[str, float], reference_size: float,
            min_count: int = MIN_COUNT) -> list[Keyword]:
    """Every word with at least ``min_count`` occurrences, scored against ``reference`` counts.

    Sorted by G2, largest first (ties alphabetical). ``reference`` maps words to
    (possibly fractional) counts in a reference of ``reference_size`` words.
    """
    total = sum(counts.values())
    rows = []
    for word, a in counts.items():
        if a < min_count:
            continue
        b = reference.get(word, 0.0)
        rows.append(Keyword(word, a, per_thousand(a, total), per_thousand(b, reference_size),
                            log_likelihood(a, b, total, reference_size), log_ratio(a, b, total, reference_size)))
    return sorted(rows, key=lambda k: (-k.g2, k.word))


def against_general_english(counts: Mapping[str, int], language: str = "en", reference_size: float = REFERENCE_SIZE,
                            min_count: int = MIN_COUNT) -> list[Keyword]:
    """Keyness of ``counts`` against wordfreq's frequencies taken as a corpus of ``reference_size`` words.

    Empty when wordfreq has no frequencies for ``language``.
    """
    if general_reference(language) is None:
        return []
    reference = {w: general_frequency(w, language) * reference_size for w, c in counts.items() if c >= min_count}
    return keyness(counts, reference, reference_size, min_count)


def against_others(counts: Mapping[str, int], others: Sequence[Mapping[str, int]], min_count: int = MIN_COUNT) -> list[Keyword]:
    """Keyness of one text against the other texts of the corpus taken together.

    Only other texts in the same language count (when the counts know their
    language, as :func:`~.frequency.word_counts` gives them): against texts in
    another language every word would look distinctive.
    """
    language = getattr(counts, "language", None)
    if language is not None:
        others = [o for o in others if getattr(o, "language", language) == language]
    reference: Counter = Counter()
    for other in others:
        reference.update(other)
    size = sum(reference.values())
    return keyness(counts, reference, size, min_count) if size else []


def distinctive(keywords: Sequence[Keyword], n: int = 15, critical: float = CRITICAL_G2) -> list[Keyword]:
    """The ``n`` words used significantly *more* than in the reference (G2 above ``critical``)."""
    return [k for k in keywords if k.more and k.g2 >= critical][:n]


def reference_size_effect(counts: Mapping[str, int], words: Sequence[str], sizes: Sequence[int],
                          language: str = "en") -> list[tuple]:
    """For each word: its G2 under each assumed reference size, then its log ratio (the same for all sizes).

    Empty when wordfreq has no frequencies for ``language``.
    """
    if general_reference(language) is None:
        return []
    total = sum(counts.values())
    rows = []
    for word in words:
        frequency = general_frequency(word, language)
        a = counts.get(word, 0)
        # The log ratio at the guide's own reference size, as every other table gives it: for a word
        # wordfreq does not list, the zero count's stand-in (half a word) is half a word *of that
        # reference*, so computed against another size it would differ from table to table.
        rows.append((word, *(round(log_likelihood(a, frequency * d, total, d), 1) for d in sizes),
                     round(log_ratio(a, frequency * REFERENCE_SIZE, total, REFERENCE_SIZE), 2)))
    return rows
