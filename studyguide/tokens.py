"""Words and sentences, with NLTK parts that need no downloaded data.

- Words: :class:`nltk.tokenize.RegexpTokenizer` with :data:`WORD_PATTERN`.
  A word is a run of letters or digits; an apostrophe (``'`` or ``’``) or a
  hyphen *between* letters keeps the word whole, so "it's", "family's" and
  "self-organization" are one word each. Quotes, dashes, dots and other
  punctuation are not words. Words are lower-cased for counting.
- Sentences: :class:`nltk.tokenize.PunktSentenceTokenizer`, untrained, told
  the common abbreviations (:data:`ABBREVIATIONS`) so "i.e." ends no sentence.

What that means for each kind of string (tested in ``tests/test_words.py``):

- contractions stay one word: "don't", "they're", "it's";
- possessives stay one word: "family's" is not "family" (no stemming);
- hyphenated compounds stay one word: "self-organization", "full-out"; a
  hyphen with spaces round it (a dash) is punctuation;
- numbers are words: "2011" and "16" count; "3.5" is two words, "3" and "5";
- quotation marks, straight or curly, are never part of a word: "\"free\""
  gives "free"; an apostrophe at the edge of a word is dropped too;
- other punctuation is not a word; "i.e." gives the two words "i" and "e".

:func:`word_spans` gives the same words with their places in the string (for
concordances); it uses the same pattern, compiled once, so it agrees with
:func:`words` token for token.
"""

from __future__ import annotations

import re
from functools import lru_cache

from nltk.tokenize import PunktSentenceTokenizer, RegexpTokenizer
from nltk.tokenize.punkt import PunktParameters

WORD_PATTERN = r"[^\W_]+(?:['’\-][^\W_]+)*"
WORD_RE = re.compile(WORD_PATTERN)
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


def word_spans(text: str) -> list[tuple[str, int, int]]:
    """``(lower-cased word, start, end)`` for each word of ``text``, in order."""
    return [(m.group().lower(), m.start(), m.end()) for m in WORD_RE.finditer(text)]


def fast_words(text: str) -> list[str]:
    """The same words as :func:`words`, faster on long texts (one compiled regex, no tokenizer object).

    ASCII text is lower-cased before matching, which changes no word boundary;
    other text is lower-cased word by word, since lower-casing some letters
    (the Turkish dotted capital I) adds a combining mark that is not a letter.
    """
    if text.isascii():
        return WORD_RE.findall(text.lower())
    return [word.lower() for word in WORD_RE.findall(text)]
