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
  (:data:`SENTENCE_ENDS`: the Devanagari danda "।", the Arabic "؟", ...); a Chinese or
  Japanese sentence ends at 。！？ though no space follows.

What that means for each kind of string (tested in ``tests/unit/test_words.py``
and ``tests/unit/test_languages.py``):

- contractions stay one word: "don't", "they're", "it's";
- possessives stay one word: "family's" is not "family" (no stemming);
- hyphenated compounds stay one word: "self-organization", "full-out"; a
  hyphen with spaces round it (a dash) is punctuation;
- numbers are words: "2011" and "16" count, and so does a number with separators, whole:
  "1,000", "3.5", the Arabic "٣٫٥"; Arabic-Indic and Persian digits are digits;
- URLs and e-mail addresses are left out: they are addresses, not words;
- a run of a script written without spaces (Chinese, Japanese, Thai) is cut into words
  by that script's segmenter (:mod:`.segmenters`); Lao, Khmer, Myanmar and Tibetan runs,
  which have no offline segmenter, are not counted;
- Persian words joined by a zero-width non-joiner ("می‌خواهم") are one word;
- quotation marks, straight or curly, are never part of a word: "\\"free\\""
  gives "free"; an apostrophe at the edge of a word is dropped too;
- other punctuation is not a word; "i.e." gives the two words "i" and "e".
"""

from __future__ import annotations

import re
import sys
import unicodedata
from functools import lru_cache

from .segmenters import UNSPACED, is_japanese, segment

APOSTROPHES = "'\u2019\u02bc\u2018"  # ' ’ ʼ ‘
HYPHENS = "-\u2010\u2011"  # - ‐ ‑
JOINERS = "\u200c\u200d"  # zero-width non-joiner and joiner, written inside words of Indic and Arabic scripts
ABBREVIATIONS = frozenset({"i.e", "e.g", "etc", "cf", "mr", "mrs", "ms", "dr", "st", "vs", "no"})
SENTENCE_ENDS = (".", "?", "!", "\u0964", "\u0965", "\u061f", "\u3002", "\uff01", "\uff1f")  # . ? ! । ॥ ؟ 。 ！ ？


@lru_cache(maxsize=1)
def _marks() -> tuple[str, str]:
    """The combining marks (Unicode categories Mn, Mc, Me) and zero-width joiners of the Basic
    Multilingual Plane, and those beyond it, each as the inside of a character class."""
    category = unicodedata.category
    marks = [c for c in map(chr, range(sys.maxunicode + 1)) if category(c)[0] == "M"]
    basic = "".join(re.escape(c) for c in marks if c <= "\uffff") + JOINERS
    return basic, "".join(re.escape(c) for c in marks if c > "\uffff")


def _mark_class() -> str:
    """A pattern for one mark. The marks of the Basic Multilingual Plane make one class, which
    ``re`` turns into a fast bitmap; the few beyond it are tried only for a character beyond it."""
    basic, beyond = _marks()
    return rf"(?:[{basic}]|(?=[\U00010000-\U0010ffff])[{beyond}])"


@lru_cache(maxsize=1)
def word_pattern() -> re.Pattern:
    """Letters or digits with the combining marks among them; apostrophes and hyphens only between them.

    A run of letters is matched at once and a mark is looked for only where a run stops.
    """
    unit = rf"[^\W_]+(?:{_mark_class()}+[^\W_]*)*"
    return re.compile(rf"{unit}(?:[{re.escape(APOSTROPHES + HYPHENS)}]{unit})*")


# Text without any mark (all ASCII text, most text in Latin, Cyrillic or Greek letters once
# composed by NFC) gives the same words with a simpler pattern, in which only ' and - join
# (the other apostrophes and hyphens are made these first): the same words, faster.
_PLAIN_WORD = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")


@lru_cache(maxsize=1)
def _may_hold_marks() -> re.Pattern:
    return re.compile(rf"[{_marks()[0]}]|[\U00010000-\U0010ffff]")  # a mark, or any character beyond the BMP


def _pattern(text: str) -> re.Pattern:
    if text.isascii() or not _may_hold_marks().search(text):
        return _PLAIN_WORD
    return word_pattern()


_SAME = tuple((c, "'") for c in APOSTROPHES[1:]) + tuple((c, "-") for c in HYPHENS[1:])


def _same(text: str) -> str:
    """``text`` with every apostrophe as ``'`` and every hyphen as ``-`` (one character for one)."""
    for variant, plain in _SAME:
        if variant in text:
            text = text.replace(variant, plain)
    return text


def key(word: str) -> str:
    """The form a word is counted under: NFC, lower case, ``'`` for every apostrophe, ``-`` for every hyphen."""
    lowered = _same(unicodedata.normalize("NFC", word)).lower()
    return lowered if lowered.isascii() else unicodedata.normalize("NFC", lowered)


def _plain_spans(text: str, offset: int = 0) -> list[tuple[str, int, int]]:
    """The words of ``text`` found by the word pattern alone, each place shifted by ``offset``."""
    return [(word.lower() if (word := m.group()).isascii() else key(word), offset + m.start(), offset + m.end())
            for m in _pattern(text).finditer(_same(text))]


# URLs and e-mail addresses are addresses, not words: they are left out of the counts (else
# "https", "example" and "org" would be counted, and a web address would be a text's most
# distinctive "word"). A number with separators ("1,000", "3.5", "٣٫٥") is one word.
_ADDRESS = (r"(?:https?://|www\.)[^\s<>\"'“”‘’«»()\[\]{}]*[^\s<>\"'“”‘’«»()\[\]{}.,;:!?]"
            r"|(?<!\w)[\w.+-]+@\w[\w-]*(?:\.[\w-]+)+")
_NUMBER = r"(?<![^\W\d_])\d+(?:[.,\u066b\u066c]\d+)+(?![^\W_])"
_SPECIAL = re.compile(rf"(?P<address>{_ADDRESS})|{_NUMBER}")
_SEPARATOR_DIGIT = re.compile(r"[.,\u066b\u066c]\d")  # the faster half of "1,000": a separator, then a digit


def _may_be_special(text: str) -> bool:
    """Whether ``text`` may hold an address or a number with separators (substring tests first: they are fast)."""
    return "@" in text or "://" in text or "www." in text or _SEPARATOR_DIGIT.search(text) is not None


def _unspaced(text: str) -> bool:
    """Whether ``text`` holds a script written without spaces (never in ASCII text, which is checked at once)."""
    return not text.isascii() and UNSPACED.search(text) is not None


def _spans(text: str) -> list[tuple[str, int, int]]:
    """Words with addresses left out and numbers with separators kept whole (before segmenting)."""
    if not _may_be_special(text):
        return _plain_spans(text)
    found, position = [], 0
    for m in _SPECIAL.finditer(text):
        found += _plain_spans(text[position:m.start()], position)
        if not m.group("address"):
            found.append((key(m.group()), m.start(), m.end()))
        position = m.end()
    return found + _plain_spans(text[position:], position)


def word_spans(text: str) -> list[tuple[str, int, int]]:
    """``(key, start, end)`` for each word of ``text``, in order; ``text[start:end]`` is the word as written."""
    # Apostrophes and hyphens are made one first (one character for one, so spans stay put):
    # "ʼ" (U+02BC) is a letter to the regular expression, the apostrophe it stands for is not.
    found = _spans(text)
    if not _unspaced(text):
        return found
    japanese, cut = is_japanese(text), []
    for word, start, end in found:
        if UNSPACED.search(word):  # a run of a script written without spaces: its segmenter's words
            cut += [(key(text[start + a:start + b]), start + a, start + b) for a, b in segment(text[start:end], japanese)]
        else:
            cut.append((word, start, end))
    return cut


def words(text: str) -> list[str]:
    """The keys of the words of ``text``, in order (the same as :func:`word_spans` gives)."""
    if _unspaced(text):
        return [word for word, _, _ in word_spans(text)]
    if not _may_be_special(text):
        return _words(text)
    found, position = [], 0  # the stretches between addresses and numbers with separators, each the fast way
    for m in _SPECIAL.finditer(text):
        found += _words(text[position:m.start()])
        if not m.group("address"):
            found.append(key(m.group()))
        position = m.end()
    return found + _words(text[position:])


def _words(text: str) -> list[str]:
    """The keys of the words the word pattern finds in ``text`` (normalised once, as a whole)."""
    normal = _same(unicodedata.normalize("NFC", text))
    found = [w.lower() for w in _pattern(normal).findall(normal)]
    # Lower case kept the text in NFC, so every word is. A script without case (Devanagari, Arabic) is not
    # changed by lower() and is known to be NFC: asking again (slow on Devanagari's combining marks) is skipped.
    if normal.isascii() or (lowered := normal.lower()) == normal or unicodedata.is_normalized("NFC", lowered):
        return found
    return [w if unicodedata.is_normalized("NFC", w) else unicodedata.normalize("NFC", w) for w in found]


@lru_cache(maxsize=1)
def _sentence_tokenizer():
    # NLTK is imported here, on first use, not with the module: the Sphinx extension loads
    # this module on every build, and importing NLTK costs half a second of a no-change
    # rebuild that reads no page.
    from nltk.tokenize.punkt import PunktLanguageVars, PunktParameters, PunktSentenceTokenizer

    class LanguageVars(PunktLanguageVars):
        sent_end_chars = SENTENCE_ENDS

    params = PunktParameters()
    params.abbrev_types = set(ABBREVIATIONS)
    return PunktSentenceTokenizer(params, lang_vars=LanguageVars())


# Chinese and Japanese write no space after a sentence's end (。！？), which Punkt needs: the text
# is cut after each such end (with the closing quotes that follow it) before Punkt reads it.
_FULL_WIDTH_END = re.compile(r"[\u3002\uff01\uff1f]+[\u300d\u300f\u201d\u2019\uff09)]*")


def sentences(text: str) -> list[str]:
    """Sentences of ``text`` (one paragraph or more)."""
    punkt = _sentence_tokenizer().tokenize
    if not _FULL_WIDTH_END.search(text):
        return punkt(text)
    found, position = [], 0
    for m in _FULL_WIDTH_END.finditer(text):
        found += punkt(text[position:m.end()])
        position = m.end()
    return found + (punkt(text[position:]) if text[position:].strip() else [])
