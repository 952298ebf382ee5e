"""Keyword in context as an aligned table, each line linked to its paragraph in the text chapter."""

from __future__ import annotations

from html import escape

from ..analysis.concordance import Line
from ..texts.pages import chapter_url
from ..texts.text import Text
from .written import written_html


def context(line: Line, part: str) -> str:
    """One column of a line as HTML: the text as written, readings marked, clipped with "…"."""
    if part == "left":
        return ("…" if line.clipped_left else "") + written_html(line.reading, (), line.left_start, line.start)
    if part == "key":
        return written_html(line.reading, (), line.start, line.end)
    return written_html(line.reading, (), line.end, line.right_end) + ("…" if line.clipped_right else "")


def kwic_html(text: Text, word: str, lines: list[Line], limit: int | None = None, page: str = "notebooks/") -> str:
    """An aligned KWIC table; each line's paragraph number links to the paragraph in the chapter (seen from ``page``)."""
    shown = lines if limit is None else lines[:limit]
    caption = f"“{word}” in context: {len(lines)} line{'s' if len(lines) != 1 else ''}"
    if limit is not None and len(lines) > limit:
        caption += f" (first {limit} shown)"
    if not lines:
        return f'<p class="kwic-empty">“{escape(word)}” does not occur in this text.</p>'
    rows = "".join(
        "<tr>"
        f'<td style="text-align:right;white-space:nowrap"><a href="{escape(chapter_url(text.id, line.paragraph, page))}" '
        f'title="Read paragraph {line.paragraph} in the text">¶ {line.paragraph}</a></td>'
        f'<td class="kwic-left" style="text-align:right;white-space:nowrap">{context(line, "left")}</td>'
        f'<td class="kwic-key" style="text-align:center;font-weight:bold;white-space:nowrap">{context(line, "key")}</td>'
        f'<td class="kwic-right" style="text-align:left;white-space:nowrap">{context(line, "right")}</td>'
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

