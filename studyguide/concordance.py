"""Keyword in context (KWIC): every occurrence of a word with the words around it.

Like AntConc's concordance, each line is aligned on the keyword: left
context, keyword, right context. Contexts stay inside the keyword's
paragraph, and each line links to that paragraph in the text chapter. A
word matches whole words only, ignoring capitals ("worker" does not find
"workers"). Lines show the editors' readings used for counting, so the
slip "tbe" appears as "the"; the chapter shows the text as written.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from .frequency import text_tokens
from .text import Text
from .tokens import words as split_words

WIDTH = 45  # characters of context on each side


def chapter_url(text: Text, prefix: str = "../") -> str:
    """The address of ``text``'s chapter, seen from a notebook page."""
    return f"{prefix}chapters/texts/{text.id}.html"


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


def kwic_html(text: Text, word: str, lines: list[Line], limit: int | None = None, url_prefix: str = "../") -> str:
    """An aligned KWIC table; each line's paragraph number links to the paragraph in the chapter."""
    url = chapter_url(text, url_prefix)
    shown = lines if limit is None else lines[:limit]
    caption = f"“{word}” in context: {len(lines)} line{'s' if len(lines) != 1 else ''}"
    if limit is not None and len(lines) > limit:
        caption += f" (first {limit} shown)"
    if not lines:
        return f'<p class="kwic-empty">“{escape(word)}” does not occur in this text.</p>'
    rows = "".join(
        "<tr>"
        f'<td style="text-align:right;white-space:nowrap"><a href="{escape(url)}#p{line.paragraph}" '
        f'title="Read paragraph {line.paragraph} in the text">¶ {line.paragraph}</a></td>'
        f'<td class="kwic-left" style="text-align:right;white-space:nowrap">{escape(line.left)}</td>'
        f'<td class="kwic-key" style="text-align:center;font-weight:bold;white-space:nowrap">{escape(line.keyword)}</td>'
        f'<td class="kwic-right" style="text-align:left;white-space:nowrap">{escape(line.right)}</td>'
        "</tr>"
        for line in shown
    )
    # width:0 + min-width:100% keeps the long lines from widening the page or a widget
    # (they scroll sideways inside the box instead).
    return (
        '<div class="kwic-scroll" style="overflow-x:auto;width:0;min-width:100%" tabindex="0" role="region" '
        f'aria-label="Concordance of {escape(word)} (scrolls sideways)">'
        f'<table class="kwic studyguide-table" lang="{escape(text.meta.language)}" style="font-size:0.9em">'
        f"<caption>{escape(caption)}</caption>"
        '<thead><tr><th scope="col">Paragraph</th><th scope="col" style="text-align:right">Left context</th>'
        '<th scope="col">Keyword</th><th scope="col" style="text-align:left">Right context</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></div>"
    )
