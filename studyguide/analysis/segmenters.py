"""Words of scripts written without spaces between them: each script's segmenter, all offline.

A run of Chinese, Japanese or Thai letters is one stretch to a regular expression,
however many words it holds ("油田工人的罢工" is five words). Such a run is cut into
words by a dictionary-based segmenter from PyPI whose data ship inside its package
(pinned in ``requirements.txt``; nothing is downloaded at run time):

- **Chinese** (Han characters in a string without kana): ``jieba``, the segmenter the
  ``wordfreq`` package itself uses for Chinese, so the words counted are the words
  whose general frequency is looked up;
- **Japanese** (Han and kana, in a string holding kana: a Japanese sentence always has
  some): ``fugashi`` (MeCab) with the ``unidic-lite`` dictionary;
- **Thai**: ``pythainlp``'s dictionary segmenter (``newmm``).

Scripts with no offline segmenter on PyPI (:data:`NOT_COUNTED`: Lao, Khmer, Myanmar,
Tibetan) are *not counted*: their runs give no words at all, since a run between
punctuation marks is a phrase, not a word, and counting phrases as words would give
nonsense figures without a notice. ``check`` says so for such a text, and the page
"Adding a text" lists them.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from functools import lru_cache

from ..texts.language import UNCOUNTED_SCRIPTS

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
KANA = "\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f"
THAI = "\u0e00-\u0e7f"
NOT_COUNTED = UNCOUNTED_SCRIPTS
SEGMENTED = {"Chinese": "jieba", "Japanese": "fugashi with unidic-lite", "Thai": "pythainlp (newmm)"}

UNSPACED = re.compile(f"[{HAN}{KANA}{THAI}{''.join(NOT_COUNTED.values())}]")
_KANA = re.compile(f"[{KANA}]")
_THAI = re.compile(f"[{THAI}]")
_UNCOUNTED = re.compile(f"[{''.join(NOT_COUNTED.values())}]")
_HAN = re.compile(f"[{HAN}]")
_COUNTED_PART = re.compile(f"[^{''.join(NOT_COUNTED.values())}]+")  # a run's stretches outside the scripts not counted
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")


@lru_cache(maxsize=1)
def quiet_jieba():
    """jieba, its cache-building messages silenced (also those of the copy wordfreq loads for Chinese)."""
    import jieba

    # jieba logs "Building prefix dict ... Loading model cost ..." on stderr at DEBUG level when it
    # builds its dictionary cache (and wordfreq's own jieba does the same): progress, not a problem.
    # Only that logger is raised to WARNING, so any real warning of jieba still reaches stderr.
    jieba.setLogLevel(logging.WARNING)
    return jieba


@lru_cache(maxsize=1)
def _jieba():
    jieba = quiet_jieba()
    jieba.initialize()
    return jieba.lcut


@lru_cache(maxsize=1)
def _fugashi():
    from fugashi import Tagger

    tagger = Tagger()  # finds unidic-lite's dictionary inside its package
    return lambda run: [word.surface for word in tagger(run)]


@lru_cache(maxsize=1)
def _thai():
    from pythainlp.tokenize import word_tokenize

    return lambda run: word_tokenize(run, engine="newmm", keep_whitespace=False)


def segmenter(run: str, japanese: bool) -> Callable[[str], list[str]] | None:
    """The function cutting ``run`` into words; None when ``run`` holds no script that needs one."""
    if _THAI.search(run):
        return _thai()
    if japanese or _KANA.search(run):
        return _fugashi()
    if _HAN.search(run):
        return _jieba()
    return None


def is_japanese(text: str) -> bool:
    """True when ``text`` holds kana: its Han characters are then read as Japanese, not Chinese."""
    return _KANA.search(text) is not None


def segment(run: str, japanese: bool = False) -> list[tuple[int, int]]:
    """``(start, end)`` of each word in ``run``, a run of letters (with their marks) holding an unspaced script.

    Letters of a script that is not counted are left out, and what stands between them is cut on its
    own; a piece a segmenter gives counts as a word only when it holds a letter or a digit (never a
    lone mark), as everywhere in the guide.
    """
    spans = []
    for part in _COUNTED_PART.finditer(run):
        text, offset = part.group(), part.start()
        cut = segmenter(text, japanese)
        pieces = cut(text) if cut else [text]
        cursor = 0
        for piece in pieces:
            at = text.find(piece, cursor)
            if at < 0:
                continue  # a segmenter that normalised a piece: it is found by the next one
            cursor = at + len(piece)
            first = _LETTER_OR_DIGIT.search(piece)
            if first:  # from its first letter or digit: a word starts with one
                spans.append((offset + at + first.start(), offset + at + len(piece)))
    return spans


def uncounted_scripts(text: str) -> list[str]:
    """The names of the scripts of ``text`` that are not counted (no offline segmenter)."""
    return [name for name, ranges in NOT_COUNTED.items() if re.search(f"[{ranges}]", text)]


def segmented_scripts(text: str) -> list[str]:
    """The names of the scripts of ``text`` cut by a segmenter ("Chinese", "Japanese", "Thai")."""
    found = []
    if re.search(f"[{HAN}{KANA}]", text):
        found.append("Japanese" if is_japanese(text) else "Chinese")
    if _THAI.search(text):
        found.append("Thai")
    return found
