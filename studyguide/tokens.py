"""Words and sentences, with NLTK parts that need no downloaded data.

- Words: :class:`nltk.tokenize.RegexpTokenizer` with :data:`WORD_PATTERN`.
  A word is a run of letters or digits; an apostrophe (``'`` or ``’``) or a
  hyphen *between* letters keeps the word whole, so "it's", "family's" and
  "self-organization" are one word each. Quotes, dashes, dots and other
  punctuation are not words. Words are lower-cased for counting.
- Sentences: :class:`nltk.tokenize.PunktSentenceTokenizer`, untrained, told
  the common abbreviations (:data:`ABBREVIATIONS`) so "i.e." ends no sentence.
"""

from __future__ import annotations

from functools import lru_cache

from nltk.tokenize import PunktSentenceTokenizer, RegexpTokenizer
from nltk.tokenize.punkt import PunktParameters

WORD_PATTERN = r"[^\W_]+(?:['’\-][^\W_]+)*"
ABBREVIATIONS = frozenset({"i.e", "e.g", "etc", "cf", "mr", "mrs", "ms", "dr", "st", "vs", "no"})


@lru_cache(maxsize=1)
def _word_tokenizer() -> RegexpTokenizer:
    return RegexpTokenizer(WORD_PATTERN)


@lru_cache(maxsize=1)
def _sentence_tokenizer() -> PunktSentenceTokenizer:
    params = PunktParameters()
    params.abbrev_types = set(ABBREVIATIONS)
    return PunktSentenceTokenizer(params)


def words(text: str) -> list[str]:
    """Lower-cased word tokens of ``text``."""
    return [token.lower() for token in _word_tokenizer().tokenize(text)]


def sentences(text: str) -> list[str]:
    """Sentences of ``text`` (one paragraph or more)."""
    return _sentence_tokenizer().tokenize(text)
