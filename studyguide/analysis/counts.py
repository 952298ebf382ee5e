"""Numbers about a text as written, for the guide's prose: paragraphs, sentences, words, questions.

A chapter never types such a number: it asks for it (``{seed-count}`questions in 5```),
and the book computes it here from the seed. The quiz asks the same way (``count``).
What can be counted is listed once, in :data:`COUNTABLE`, and so is how a page asks
for a count (:func:`request`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..texts.text import Text
from .address import sentence_end
from .tokens import sentences, words

COUNTABLE = ("paragraphs", "sentences", "words", "questions", "question-marks", "exclamations", "occurrences")
# "[ID:]WHAT[ in N]", where WHAT is one of COUNTABLE and "occurrences" names its word: "occurrences of you"
_REQUEST = re.compile(r"^(?:(?P<id>[a-z0-9-]+):)?(?P<what>"
                      + "|".join(re.escape(what) for what in COUNTABLE if what != "occurrences")
                      + r"|occurrences of (?P<word>\S+))(?:\s+in\s+(?P<number>\d+))?$")
REQUEST_FORM = ("'[ID:]WHAT[ in N]' with WHAT one of "
                + ", ".join(what if what != "occurrences" else "occurrences of WORD" for what in COUNTABLE))


@dataclass(frozen=True)
class Request:
    """A count asked for by a page: what, of which text (None: the first), in which paragraph, of which word."""

    what: str
    text: str | None = None
    number: int | None = None
    word: str | None = None


def request(asked: str) -> Request | None:
    """``"ID:questions in 5"`` read as a :class:`Request` (spaces are normalised); None when it is not one."""
    parsed = _REQUEST.match(" ".join(asked.split()))
    if not parsed:
        return None
    return Request("occurrences" if parsed["word"] else parsed["what"], parsed["id"],
                   int(parsed["number"]) if parsed["number"] else None, parsed["word"])


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

