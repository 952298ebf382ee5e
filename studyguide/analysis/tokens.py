"""Words and sentences: the guide's one tokenising path.

- Words: one compiled regular expression, :data:`WORD_RE`. A word is a run of
  letters or digits; an apostrophe (``'`` or ``’``) or a hyphen *between*
  letters keeps the word whole, so "it's", "family's" and "self-organization"
  are one word each. Quotes, dashes, dots and other punctuation are not words.
  Words are lower-cased for counting. :func:`word_spans` gives each word with
  its place in the string (for concordances and theme matching); :func:`words`
  the words alone. Every count in the guide comes through these two.
- Sentences: :class:`nltk.tokenize.PunktSentenceTokenizer`, untrained (it needs
  no downloaded data), told the common abbreviations (:data:`ABBREVIATIONS`) so
  "i.e." ends no sentence.

What that means for each kind of string (tested in ``tests/test_words.py``):

- contractions stay one word: "don't", "they're", "it's";
- possessives stay one word: "family's" is not "family" (no stemming);
- hyphenated compounds stay one word: "self-organization", "full-out"; a
  hyphen with spaces round it (a dash) is punctuation;
- numbers are words: "2011" and "16" count; "3.5" is two words, "3" and "5";
- quotation marks, straight or curly, are never part of a word: "\\"free\\""
  gives "free"; an apostrophe at the edge of a word is dropped too;
- other punctuation is not a word; "i.e." gives the two words "i" and "e".
"""

from __future__ import annotations

import re
from functools import lru_cache

from nltk.tokenize import PunktSentenceTokenizer
from nltk.tokenize.punkt import PunktParameters

WORD_RE = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
ABBREVIATIONS = frozenset({"i.e", "e.g", "etc", "cf", "mr", "mrs", "ms", "dr", "st", "vs", "no"})


@lru_cache(maxsize=1)
def _sentence_tokenizer() -> PunktSentenceTokenizer:
    params = PunktParameters()
    params.abbrev_types = set(ABBREVIATIONS)
    return PunktSentenceTokenizer(params)


def word_spans(text: str) -> list[tuple[str, int, int]]:
    """``(lower-cased word, start, end)`` for each word of ``text``, in order."""
    return [(m.group().lower(), m.start(), m.end()) for m in WORD_RE.finditer(text)]


def words(text: str) -> list[str]:
    """Lower-cased words of ``text``, in order."""
    return [word for word, _, _ in word_spans(text)]


def sentences(text: str) -> list[str]:
    """Sentences of ``text`` (one paragraph or more)."""
    return _sentence_tokenizer().tokenize(text)
