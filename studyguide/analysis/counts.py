"""Numbers about a text as written, for the guide's prose: paragraphs, sentences, words, questions.

A chapter never types such a number: it asks for it (``{seed-count}`questions in 5```),
and the book computes it here from the seed.
"""

from __future__ import annotations

from ..texts.text import Text
from .address import sentence_end
from .tokens import sentences, words

COUNTABLE = ("paragraphs", "sentences", "words", "questions", "question-marks", "exclamations", "occurrences")
NUMBER_WORDS = ("none", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")


def count(text: Text, what: str, number: int | None = None, word: str | None = None) -> int:
    """A count about ``text`` as written (or about its paragraph ``number``): one of :data:`COUNTABLE`.

    Questions and exclamations are sentences ending in "?" or "!"; question marks
    are the characters themselves; occurrences are of ``word``, ignoring capitals.
    """
    if what not in COUNTABLE:
        raise ValueError(f"cannot count {what!r}; choose one of {', '.join(COUNTABLE)}")
    chosen = [p for p in text.paragraphs if number is None or p.number == number]
    if what == "paragraphs":
        return len(chosen)
    said = [s for p in chosen for s in sentences(p.text)]
    if what == "sentences":
        return len(said)
    if what == "questions":
        return sum(sentence_end(s) == "?" for s in said)
    if what == "exclamations":
        return sum(sentence_end(s) == "!" for s in said)
    if what == "question-marks":
        return sum(p.text.count("?") for p in chosen)
    tokens = [w for p in chosen for w in words(p.text)]
    if what == "words":
        return len(tokens)
    return tokens.count(word.lower())


def in_words(number: int) -> str:
    """``5`` -> ``"five"`` up to twelve; larger numbers as digits."""
    return NUMBER_WORDS[number] if 0 <= number < len(NUMBER_WORDS) else f"{number:,}"
