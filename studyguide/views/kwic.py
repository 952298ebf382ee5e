"""Keyword in context as an aligned table, each line linked to its paragraph in the text chapter.

A right-to-left text's table is ``dir="rtl"``: its columns run from the right, so the words
before the keyword stand on its right, as they do in the text (the table is mirrored).
"""

from __future__ import annotations

from html import escape

from ..analysis.concordance import Line
from ..texts.language import direction
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


CAPTION_LTR = ' dir="ltr" lang="en"'  # the guide's English words inside a right-to-left table
MAX_LINES = 100  # lines shown at most in a page, whatever the size of the text (the caption says so)


def kwic_html(text: Text, word: str, lines: list[Line], limit: int | None = MAX_LINES, page: str = "notebooks/") -> str:
    """An aligned KWIC table; each line's paragraph number links to the paragraph in the chapter (seen from ``page``).

    At most ``limit`` lines are shown (all with ``None``); the caption gives the full count.
    """
    shown = lines if limit is None else lines[:limit]
    caption = f"“<bdi>{escape(word)}</bdi>” in context: {len(lines)} line{'s' if len(lines) != 1 else ''}"
    if limit is not None and len(lines) > limit:
        caption += f" (first {limit} shown)"
    if not lines:
        return f'<p class="kwic-empty">“<bdi>{escape(word)}</bdi>” does not occur in this text.</p>'
    rows = "".join(
        "<tr>"
        f'<td class="num"><a href="{escape(chapter_url(text.id, line.paragraph, page))}" '
        f'title="Read paragraph {line.paragraph} in the text">¶ {line.paragraph}</a></td>'
        f'<td class="kwic-left">{context(line, "left")}</td>'
        f'<td class="kwic-key">{context(line, "key")}</td>'
        f'<td class="kwic-right">{context(line, "right")}</td>'
        "</tr>"
        for line in shown
    )
    # The box (.kwic-scroll in the book's stylesheet) scrolls sideways: long lines never widen the page.
    # A mirrored (right-to-left) table names its context columns by order, not side, and keeps
    # its English caption left to right.
    rtl = direction(text.meta.language) == "rtl"
    before, after = ("Words before", "Words after") if rtl else ("Left context", "Right context")
    return (
        '<div class="kwic-scroll" tabindex="0" role="region" '
        f'aria-label="Concordance of {escape(word)} (scrolls sideways)">'
        f'<table class="kwic studyguide-table" lang="{escape(text.meta.language)}" dir="{direction(text.meta.language)}">'
        f"<caption{CAPTION_LTR if rtl else ''}>{caption}</caption>"
        f'<thead><tr><th scope="col">Paragraph</th><th scope="col" class="kwic-left">{before}</th>'
        f'<th scope="col">Keyword</th><th scope="col" class="kwic-right">{after}</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></div>"
    )
