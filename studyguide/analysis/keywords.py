"""Which words of a text deserve a closer look, chosen from that text alone.

The explorers and the words page need words to show before a reader picks one.
They are chosen from each text by itself (never from the others), so that a new
text gets sensible choices and adding a text never changes another's:

- :func:`key_words`: its most distinctive words against general language
  (:func:`studyguide.analysis.keyness.against_general_english`, when wordfreq has
  the text's language), then its most frequent words without and with stopwords;
- :func:`highlight_words`: its few most distinctive words, plus its most
  frequent word of address ("you", "we"), for the tables and plots that follow
  a handful of words through the text.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..texts.language import language_name
from ..texts.text import Text
from .frequency import per_thousand, rank_of, stopwords, text_tokens, top_words, word_counts
from .keyness import against_general_english, distinctive, general_frequency
from .languages import applies

EACH = 8  # words taken from each list


def key_words(text: Text, each: int = EACH) -> list[tuple[str, str]]:
    """``(word, why listed)`` for the text's most distinctive and most frequent words, without repeats."""
    counts = word_counts(text)
    chosen: dict[str, str] = {}
    lists = (
        (f"distinctive against general {language_name(text.language)}", [k.word for k in distinctive(against_general_english(counts, text.language), each)]),
        ("most frequent word that is not a stopword", [w.word for w in top_words(counts, each, stopwords(text.language))]),
        ("most frequent word", [w.word for w in top_words(counts, each)]),
    )
    for why, found in lists:
        for word in found:
            chosen.setdefault(word, why)
    return list(chosen.items())


@dataclass(frozen=True)
class WordWeight:
    """A word's figures in one text; None where not computed (a word too rare, a language wordfreq lacks)."""

    word: str
    count: int
    per_1000: float
    rank: int | None
    general_per_1000: float | None  # in general language (wordfreq)
    log_ratio: float | None
    g2: float | None
    paragraphs: tuple[int, ...]


def word_weights(text: Text, chosen: list[str]) -> list[WordWeight]:
    """For each word: count, rate, rank, general-language rate, log ratio, G2 and the paragraphs it is in."""
    tokens = text_tokens(text)
    counts = Counter(t.word for t in tokens)
    scored = {k.word: k for k in against_general_english(counts, text.language, min_count=1)}
    general = applies(text, "general")
    rows = []
    for word in chosen:
        k = scored.get(word)
        rows.append(WordWeight(word, counts.get(word, 0), per_thousand(counts.get(word, 0), len(tokens)),
                               rank_of(counts, word), general_frequency(word, text.language) * 1000 if general else None,
                               k.log_ratio if k else None, k.g2 if k else None,
                               tuple(sorted({t.paragraph for t in tokens if t.word == word}))))
    return rows


def address_words(text: Text) -> list[str]:
    """The words of address ("you", "we") that occur in ``text``, most frequent first (English texts only)."""
    if not applies(text, "address"):
        return []
    counts = word_counts(text)
    found = [w for w in ("you", "we") if counts.get(w)]
    return sorted(found, key=lambda w: -counts[w])


def highlight_words(text: Text, distinct: int = 2, address: int = 1) -> list[str]:
    """The text's ``distinct`` most distinctive words, then its ``address`` most frequent words of address.

    When no word is significantly distinctive (a very short text), its most
    frequent words that are not stopwords stand in.
    """
    counts = word_counts(text)
    chosen = [k.word for k in distinctive(against_general_english(counts, text.language), distinct)]
    if not chosen:
        chosen = [w.word for w in top_words(counts, distinct, stopwords(text.language))]
    return chosen + [w for w in address_words(text)[:address] if w not in chosen]
