"""A paragraph shown as written: escaped, the editors' readings marked as the text chapter marks them.

Analyses count on the editors' readings ("tbe" counted as "the"); readers always see
the text as posted. :func:`written_html` shows a stretch of a paragraph as written,
each changed word in ``<span class="sic">`` with the reading used for counting in its
title and in screen-reader text, and places the caller's marks (a theme's cue words,
a concordance keyword) at the written positions of what they mark.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from ..texts.language import direction
from ..texts.text import Reading, Text


@dataclass(frozen=True)
class Mark:
    """Tags to put around a span of the written text (positions in the written text)."""

    start: int
    end: int
    open: str
    close: str
    suffix: str = ""  # HTML placed once, before the closing tag of the mark's last piece


def reading_mark(reading: Reading, start: int, end: int, open: str, close: str, suffix: str = "") -> Mark:
    """A :class:`Mark` for the span ``start:end`` of the reading, moved to where it stands as written."""
    return Mark(reading.written_position(start), reading.written_position(end, end=True), open, close, suffix)


def written_html(reading: Reading, marks: Sequence[Mark] = (), start: int = 0, end: int | None = None) -> str:
    """The written text from ``start`` to ``end`` as HTML, with the readings and ``marks`` in place."""
    end = len(reading.written) if end is None else end
    changes = [c for c in reading.changes if c.written_start < end and c.written_end > start]
    cuts = {start, end}
    for c in changes:
        cuts.update((max(start, c.written_start), min(end, c.written_end)))
    for m in marks:
        cuts.update(p for p in (m.start, m.end) if start <= p <= end)
    edges = sorted(cuts)
    out = []
    for left, right in zip(edges, edges[1:]):
        piece = escape(reading.written[left:right])
        change = next((c for c in changes if c.written_start <= left and right <= c.written_end), None)
        if change is not None:
            counted = escape(reading.text[change.start:change.end])
            said = f'<span class="sg-sr-only"> (as written; counted as “{counted}”)</span>'
            last = right == min(change.written_end, end)  # screen readers hear the reading once, after the change
            piece = f'<span class="sic" title="As written; counted as “{counted}”">{piece}{said if last else ""}</span>'
        mark = next((m for m in marks if m.start <= left and right <= m.end), None)
        if mark is not None:
            last = right == min(mark.end, end)
            piece = mark.open + piece + (mark.suffix if last else "") + mark.close
        out.append(piece)
    return "".join(out)


def paragraph_attributes(text: Text) -> str:
    """The attributes of an element showing a paragraph of ``text``: its language and direction, and for
    verse its line breaks kept (an inline style, so that Jupyter, without the book's stylesheet, keeps them too)."""
    verse = ' style="white-space: pre-line"' if text.verse else ""
    return f' lang="{escape(text.meta.language)}" dir="{direction(text.meta.language)}"{verse}'
