"""Keyword in context (KWIC): every occurrence of a word with the words around it.

Like AntConc's concordance, each line is aligned on the keyword: left
context, keyword, right context. Contexts stay inside the keyword's
paragraph (the table in :mod:`studyguide.views.kwic` links each line to it). A
word matches whole words only, ignoring capitals ("worker" does not find
"workers"). Words are found in the editors' readings (what is counted), but
each line gives the positions of the text as written, so a line shows the slip
"tbe" as posted (:mod:`studyguide.views.kwic` marks it, as the chapter does).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..texts.text import Reading, Text
from .frequency import text_tokens
from .tokens import words as split_words

# Characters of context on each side: about five words, Voyant's default context, and what
# fits a book page's column (688 px at 1280) beside the keyword; 45 pushed the right
# context out of view.
WIDTH = 26


@dataclass(frozen=True)
class Line:
    """One occurrence in its paragraph: positions in the text as written (the keyword is ``start:end``).

    ``left_start`` and ``right_end`` clip the context at a word boundary, about
    :data:`WIDTH` characters from the keyword; ``clipped_left``/``clipped_right`` say
    whether the paragraph goes on beyond them.
    """

    paragraph: int
    reading: Reading
    left_start: int
    start: int
    end: int
    right_end: int

    @property
    def clipped_left(self) -> bool:
        return self.left_start > 0

    @property
    def clipped_right(self) -> bool:
        return self.right_end < len(self.reading.written)

    @property
    def left(self) -> str:
        return ("…" if self.clipped_left else "") + " ".join(self.reading.written[self.left_start:self.start].split())

    @property
    def keyword(self) -> str:
        return self.reading.written[self.start:self.end]

    @property
    def right(self) -> str:
        return " ".join(self.reading.written[self.end:self.right_end].split()) + ("…" if self.clipped_right else "")


def clip_left(written: str, start: int, width: int) -> int:
    """Where the left context begins: at most ``width`` characters before ``start``, at a word start."""
    if start <= width:
        return 0
    cut = start - width
    space = written.find(" ", cut, start)
    return space + 1 if space >= 0 else cut


def clip_right(written: str, end: int, width: int) -> int:
    """Where the right context ends: at most ``width`` characters after ``end``, at a word end."""
    if len(written) - end <= width:
        return len(written)
    cut = end + width
    space = written.rfind(" ", end + 1, cut)
    return space if space >= 0 else cut


def concordance(text: Text, word: str, width: int = WIDTH) -> list[Line]:
    """One line per occurrence of ``word`` (a single word) in ``text``, in reading order."""
    query = split_words(word)
    if len(query) != 1:
        return []
    key = query[0]
    lines = []
    readings: dict[int, Reading] = {}
    for token in text_tokens(text):
        if token.word == key:
            reading = readings.get(token.paragraph) or readings.setdefault(token.paragraph, text.aligned(token.paragraph))
            start, end = reading.written_position(token.start), reading.written_position(token.end, end=True)
            lines.append(Line(token.paragraph, reading, clip_left(reading.written, start, width), start, end,
                              clip_right(reading.written, end, width)))
    return lines
