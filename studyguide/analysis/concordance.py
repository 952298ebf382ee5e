"""Keyword in context (KWIC): every occurrence of a word with the words around it.

Like AntConc's concordance, each line is aligned on the keyword: left
context, keyword, right context. Contexts stay inside the keyword's
paragraph (the table in :mod:`studyguide.views.kwic` links each line to it). A
word matches whole words only, ignoring capitals ("worker" does not find
"workers"). Lines show the editors' readings used for counting, so the
slip "tbe" appears as "the"; the chapter shows the text as written.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..texts.text import Text
from .frequency import text_tokens
from .tokens import words as split_words

WIDTH = 45  # characters of context on each side


@dataclass(frozen=True)
class Line:
    paragraph: int
    left: str
    keyword: str
    right: str


def _clip_left(context: str, width: int) -> str:
    context = " ".join(context.split())
    if len(context) <= width:
        return context
    cut = context[-width:]
    return "…" + cut[cut.find(" ") + 1:] if " " in cut else "…" + cut


def _clip_right(context: str, width: int) -> str:
    context = " ".join(context.split())
    if len(context) <= width:
        return context
    cut = context[:width]
    return cut[: cut.rfind(" ")] + "…" if " " in cut else cut + "…"


def concordance(text: Text, word: str, width: int = WIDTH) -> list[Line]:
    """One line per occurrence of ``word`` (a single word) in ``text``, in reading order."""
    query = split_words(word)
    if len(query) != 1:
        return []
    key = query[0]
    lines = []
    for token in text_tokens(text):
        if token.word == key:
            reading = text.reading(token.paragraph)
            lines.append(Line(token.paragraph, _clip_left(reading[: token.start], width),
                              reading[token.start: token.end], _clip_right(reading[token.end:], width)))
    return lines


