"""Words and sentences: the guide's one tokenising path, the same on every script.

- Words: one compiled regular expression, :func:`word_pattern` (the standard library's
  ``re``; compiled on first use, since its class of combining marks is read from
  :mod:`unicodedata`). A word is a run of letters or digits, each letter with the combining
  marks that follow it (accents written as separate characters, the vowel signs of
  Devanagari), so decomposed "café" is one word and so is "नमस्ते". An apostrophe
  (:data:`APOSTROPHES`: ``'``, ``’``, ``ʼ``, ``‘``) or a hyphen (:data:`HYPHENS`:
  ``-``, U+2010 ``‐``, U+2011 ``‑``) *between* letters keeps the word whole, so
  "it's", "family's" and "self-organization" are one word each. Quotes, dashes,
  dots and other punctuation are not words.
- Counting uses each word's *key* (:func:`key`): Unicode NFC, lower case, every
  apostrophe as ``'`` and every hyphen as ``-``. So "don't" and "don’t", composed and
  decomposed "café", "self-organization" with either hyphen, are one word each
  when counted; wherever the text is shown (concordances, evidence), it is shown as
  written, from the spans :func:`word_spans` gives in the original string.
- :func:`word_spans` gives each word's key with its place in the string;
  :func:`words` the keys alone, faster (the whole string is normalised once) and
  always equal to the keys of :func:`word_spans` (tested on every script).
  Every count in the guide comes through these two.
- Sentences: :class:`nltk.tokenize.PunktSentenceTokenizer`, untrained (it needs
  no downloaded data), told the common abbreviations (:data:`ABBREVIATIONS`) so
  "i.e." ends no sentence, and the sentence ends of other scripts
  (:data:`SENTENCE_ENDS`: the Devanagari danda "।", the Arabic "؟", ...).

What that means for each kind of string (tested in ``tests/unit/test_words.py``
and ``tests/unit/test_languages.py``):

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
import sys
import unicodedata
from functools import lru_cache

from nltk.tokenize import PunktSentenceTokenizer
from nltk.tokenize.punkt import PunktLanguageVars, PunktParameters

APOSTROPHES = "'\u2019\u02bc\u2018"  # ' ’ ʼ ‘
HYPHENS = "-\u2010\u2011"  # - ‐ ‑
JOINERS = "\u200c\u200d"  # zero-width non-joiner and joiner, written inside words of Indic and Arabic scripts
ABBREVIATIONS = frozenset({"i.e", "e.g", "etc", "cf", "mr", "mrs", "ms", "dr", "st", "vs", "no"})
SENTENCE_ENDS = (".", "?", "!", "\u0964", "\u0965", "\u061f", "\u3002", "\uff01", "\uff1f")  # . ? ! । ॥ ؟ 。 ！ ？


def _mark_class() -> str:
    """A character class of every combining mark (Unicode categories Mn, Mc, Me) and the zero-width joiners."""
    category = unicodedata.category
    marks = [ord(c) for c in map(chr, range(sys.maxunicode + 1)) if category(c)[0] == "M"]
    ranges: list[list[int]] = []
    for code in marks:
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    parts = [re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges]
    return "[" + "".join(parts) + JOINERS + "]"


@lru_cache(maxsize=1)
def word_pattern() -> re.Pattern:
    """Letters or digits, each with its combining marks; apostrophes and hyphens only between them."""
    unit = rf"(?:[^\W_]{_mark_class()}*)+"
    return re.compile(rf"{unit}(?:[{re.escape(APOSTROPHES + HYPHENS)}]{unit})*")

_SAME = str.maketrans({**{c: "'" for c in APOSTROPHES[1:]}, **{c: "-" for c in HYPHENS[1:]}})


def key(word: str) -> str:
    """The form a word is counted under: NFC, lower case, ``'`` for every apostrophe, ``-`` for every hyphen."""
    lowered = unicodedata.normalize("NFC", word).translate(_SAME).lower()
    return lowered if lowered.isascii() else unicodedata.normalize("NFC", lowered)


def word_spans(text: str) -> list[tuple[str, int, int]]:
    """``(key, start, end)`` for each word of ``text``, in order; ``text[start:end]`` is the word as written."""
    # Apostrophes and hyphens are made one first (one character for one, so spans stay put):
    # "ʼ" (U+02BC) is a letter to the regular expression, the apostrophe it stands for is not.
    return [(word.lower() if (word := m.group()).isascii() else key(word), m.start(), m.end())
            for m in word_pattern().finditer(text.translate(_SAME))]


def words(text: str) -> list[str]:
    """The keys of the words of ``text``, in order (the same as :func:`word_spans` gives)."""
    normal = unicodedata.normalize("NFC", text).translate(_SAME)
    found = [w.lower() for w in word_pattern().findall(normal)]
    if normal.isascii():
        return found
    return [w if unicodedata.is_normalized("NFC", w) else unicodedata.normalize("NFC", w) for w in found]


class _LanguageVars(PunktLanguageVars):
    sent_end_chars = SENTENCE_ENDS


@lru_cache(maxsize=1)
def _sentence_tokenizer() -> PunktSentenceTokenizer:
    params = PunktParameters()
    params.abbrev_types = set(ABBREVIATIONS)
    return PunktSentenceTokenizer(params, lang_vars=_LanguageVars())


def sentences(text: str) -> list[str]:
    """Sentences of ``text`` (one paragraph or more)."""
    return _sentence_tokenizer().tokenize(text)
