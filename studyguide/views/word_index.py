"""A compact index of every word of a text, embedded in a page for the book's word lookup.

The published book has no kernel and, from ``file://``, cannot ``fetch()`` a
file, so the word explorer carries its data inside the page: a JSON object in a
``<script type="application/json">`` that the book's own script
(``studyguide-explorers.js``) reads to look up *any* word type of the text.

What the index holds, and why it stays small:

- the paragraphs as counted (editors' readings applied), once; a paragraph that
  the editors read differently also carries its text as written, each word's
  place in it and the changed stretches, so that concordance lines show the text
  as written with the readings marked, as the chapter does; a paragraph whose
  words cannot all be found by their keys (a curly apostrophe, a decomposed
  accent) carries each word's place;
- the word types, most frequent first (ties alphabetically);
- each paragraph's running words as a string of type numbers in a
  variable-length code (:func:`encode`): the 44 most frequent types take one
  character, the next 1,892 two, the rest three. The script finds each word's
  place by searching the lower-cased paragraph from the previous word on, so no
  offsets are stored;
- each type's frequency in general language (wordfreq's Zipf value, two
  characters).

A 1 MB text (about 180,000 words, 15,000 types) gives an index of about 1.5 MB,
about 0.5 MB gzipped; the seed's is 6 KB. Nothing else in the explorer grows
with the text: the script shows at most :data:`MAX_LINES` concordance lines and
:data:`~studyguide.analysis.collocation.TOP_COLLOCATES` collocates
(:func:`studyguide.analysis.collocation.collocates`).
"""

from __future__ import annotations

import json
import math

from ..analysis.collocation import MIN_PAIR, TOP_COLLOCATES, WINDOW
from ..analysis.concordance import WIDTH as CONTEXT_WIDTH
from ..analysis.frequency import word_counts
from ..analysis.keyness import general_frequency
from ..analysis.tokens import word_spans
from ..texts.language import direction, language_name
from ..texts.pages import chapter_url
from ..texts.text import Text
from .kwic import MAX_LINES

# 88 characters that need no escaping in JSON or HTML (no quote, backslash, <, > or &).
ALPHABET = "".join(c for c in map(chr, range(35, 127)) if c not in "\\<>&")
HALF = len(ALPHABET) // 2  # first half: a number's last digit; second half: its other digits


def encode(number: int) -> str:
    """``number`` in the index's variable-length code: base-44 digits, the last one from the first half."""
    digits = [ALPHABET[number % HALF]]
    number //= HALF
    while number:
        digits.append(ALPHABET[HALF + number % HALF])
        number //= HALF
    return "".join(reversed(digits))


def decode(code: str) -> list[int]:
    """The numbers of a string written with :func:`encode` (the script does the same)."""
    numbers, value = [], 0
    for char in code:
        digit = ALPHABET.index(char)
        if digit >= HALF:
            value = value * HALF + digit - HALF
        else:
            numbers.append(value * HALF + digit)
            value = 0
    return numbers


def zipf(word: str, language: str) -> int:
    """A word's general frequency as a whole number of hundredths of Zipf (0: not in wordfreq's list)."""
    frequency = general_frequency(word, language)
    return max(0, min(HALF * HALF - 1, round((math.log10(frequency) + 9) * 100))) if frequency > 0 else 0


def word_index(text: Text, key_words: list[tuple[str, str]], page: str = "notebooks/") -> dict:
    """The index of ``text`` as a JSON-ready dict (see the module's docstring)."""
    counts = word_counts(text)
    types = sorted(counts, key=lambda w: (-counts[w], w))
    number = {w: i for i, w in enumerate(types)}
    paragraphs = []
    for p in text.paragraphs:
        reading = text.reading(p.number)
        spans = word_spans(reading)
        entry = [p.number, reading, "".join(encode(number[w]) for w, _, _ in spans), int(p.quotation)]
        aligned = text.aligned(p.number)
        if aligned.changes:  # shown as written: each word's place in the original, and the changed stretches
            entry += [aligned.written,
                      [x for _, start, end in spans
                       for x in (aligned.written_position(start), aligned.written_position(end, end=True))],
                      [x for c in aligned.changes for x in (c.written_start, c.written_end)]]
        if not findable(reading, spans):  # the script could not find every word by its key: give the places
            entry += [0, 0, 0][: max(0, 7 - len(entry))] + [[x for _, start, end in spans for x in (start, end)]]
        paragraphs.append(entry)
    general = "".join(encode_pair(zipf(w, text.language)) for w in types)
    return {
        "lang": text.language,
        "dir": direction(text.language),
        "language": language_name(text.language),  # "in general German about ... per 1,000"
        "title": text.title,
        "chapter": chapter_url(text.id, None, page),
        "types": types,
        "paragraphs": paragraphs,
        "general": general,
        "key": key_words,
        "window": WINDOW,
        "minPair": MIN_PAIR,
        "top": TOP_COLLOCATES,
        "maxLines": MAX_LINES,
        "context": CONTEXT_WIDTH,
    }


def findable(reading: str, spans: list[tuple[str, int, int]]) -> bool:
    """Whether searching the lower-cased paragraph for each word's key, from the previous word on,
    finds every word where it is (the script's way, which needs no stored places). It does not
    when a word is written otherwise than its key: a curly apostrophe, a decomposed accent."""
    lower, cursor = reading.lower(), 0
    for word, start, end in spans:
        at = lower.find(word, cursor)
        if at != start or end - start != len(word):
            return False
        cursor = at + len(word)
    return True


def encode_pair(value: int) -> str:
    """``value`` (0 to 44*44-1) as exactly two characters."""
    return ALPHABET[HALF + value // HALF] + ALPHABET[value % HALF]


def index_json(index: dict) -> str:
    """The index as compact JSON, safe inside a ``<script>`` element."""
    return json.dumps(index, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
