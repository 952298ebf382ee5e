"""Accessible HTML tables for notebooks: a caption, header cells with scope, escaped cells.

How a table is shown in the book, by one stated rule whatever the size of the text:

- every table sits in its own box that scrolls sideways on a narrow screen, so no
  table makes the page wider than the screen (the book's stylesheet pads the cells
  and right-aligns numbers in tabular figures);
- a table of more than :data:`FOLD_ROWS` rows is folded: its caption is a
  ``<details>`` summary that opens it;
- a table with more than :data:`TURN_COLUMNS` columns and fewer rows than columns
  (a row per text with a column per measure, say) is shown turned, a row per
  measure and a column per text: nine measures side by side do not fit a page
  column, nine lines do;
- long words in headers may break, hyphenated (:func:`breakable`), so a column of
  small numbers is not as wide as "Exclamations";
- a table shown open with every text of a class corpus in it (``scroll=True``) keeps to a
  screenful when it has more than :data:`SCROLL_ROWS` rows: its box scrolls down too, its header
  row staying in view, so twenty texts do not push the page's analyses a metre down;
- a table shows at most :data:`MAX_ROWS` rows; a longer one says how many rows it
  left out (a live notebook has them all: ``table(...).rows``);
- a table with no rows is never shown: a headed table with nothing under it (or, turned,
  a column of headers) reads as a broken page or as zeros that were never counted. In its
  place the page shows one sentence saying why there is none (``empty``), which whoever
  shows a table must give: :func:`table` refuses an empty table without it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from html import escape

from .prose import escape_markdown
from .screen_reader import ATTRIBUTES as HIDDEN

FOLD_ROWS = 6
HYPHENATE_FROM = 7  # letters: shorter words stay whole
MAX_ROWS = 200
SCROLL_ROWS = 12  # rows of a scroll=True table shown before its box scrolls down
TURN_COLUMNS = 5


@dataclass(frozen=True)
class Table:
    """A table that Jupyter and the book display as HTML (``_repr_html_``)."""

    caption: str
    headers: Sequence[str]
    rows: Sequence[Sequence[object]]
    fold: bool | None = None  # None: fold when longer than FOLD_ROWS
    labels: bool = False  # the cells are the guide's own labels (theme names), not a text's words: they may break too
    empty: str = ""  # the one sentence shown instead when there are no rows: why there are none
    scroll: bool = False  # a long table's box scrolls down (SCROLL_ROWS), its header kept in view

    @property
    def turned(self) -> bool:
        return len(self.headers) > TURN_COLUMNS and len(self.rows) < len(self.headers) - 1

    def table_html(self, caption_shown: bool = True) -> str:
        """The table in its box (:func:`boxed_table`); with no rows, the sentence saying why (:func:`no_rows_html`)."""
        if not self.rows:
            return no_rows_html(self.empty)
        headers, shown = self.headers, self.rows[:MAX_ROWS]
        if self.turned:  # the first column's values head the columns; each other header starts a row
            headers = (headers[0], *(row[0] for row in shown))
            shown = [(name, *(row[i] for row in shown)) for i, name in enumerate(self.headers) if i]
        head = "".join(f'<th scope="col">{escape(str(h) if self.turned and i else breakable(str(h)))}</th>'
                       for i, h in enumerate(headers))  # a turned table's headers are the texts' titles: as written
        body = "".join("<tr>" + "".join(_cell(i, v, self.labels) for i, v in enumerate(row)) + "</tr>" for row in shown)
        caption = self.caption
        if len(self.rows) > MAX_ROWS:
            caption += f" (the first {MAX_ROWS} of {len(self.rows):,} rows)"
        tall = self.scroll and len(shown) > SCROLL_ROWS
        return boxed_table(caption, head, body, "sg-sticky", caption_shown, "sg-scroll-rows" if tall else "")

    def _repr_html_(self) -> str | None:
        if not self.rows:
            return None  # no HTML: the page shows the sentence (_repr_markdown_), like the notebooks' other sentences
        folded = len(self.rows) > FOLD_ROWS if self.fold is None else self.fold
        if not folded:
            return self.table_html()
        rows = f"{len(self.rows):,} row{'s' if len(self.rows) != 1 else ''}"
        if len(self.rows) > MAX_ROWS:
            rows = f"the first {MAX_ROWS} of {rows}"
        return fold_html(f"{self.caption} ({rows})", self.table_html(caption_shown=False))

    def _repr_markdown_(self) -> str | None:
        return escape_markdown(self.empty) if not self.rows else None

    def __str__(self) -> str:
        if not self.rows:
            return self.empty
        lines = [self.caption, " | ".join(self.headers)]
        lines += [" | ".join(str(v) for v in row) for row in self.rows]
        return "\n".join(lines)


@lru_cache(maxsize=1)
def _hyphenator():
    import pyphen  # on first use: its dictionaries load once

    return pyphen.Pyphen(lang="en_GB")  # the guide writes British English


def breakable(header: str) -> str:
    """``header`` with soft hyphens (U+00AD) in its long words: the browser may break
    "Exclamations" as "Exclam-ations" where the column is narrow, and shows nothing otherwise.
    Pyphen's patterns (LibreOffice's dictionaries) choose the points; only the guide's own
    headers are treated, never a text's words."""
    return re.sub(rf"[A-Za-z]{{{HYPHENATE_FROM},}}",
                  lambda m: _hyphenator().inserted(m.group(0), hyphen="\u00ad"), header)


def boxed_table(caption: str, head: str, body: str, classes: str = "", caption_shown: bool = True,
                box_classes: str = "") -> str:
    """A table (``head`` and ``body``: rows as HTML) in a box of its own that scrolls sideways.

    The caption (plain text, escaped here) is the table's ``<caption>`` for screen readers;
    the eye reads it above the box (hidden from screen readers, which have the caption):
    inside, it would scroll out of view with a wide table on a phone. With
    ``caption_shown=False`` (a folded table, whose summary line says it) only the
    ``<caption>`` is there.
    """
    if not body:
        raise ValueError(f"the table “{caption}” has no rows; show a sentence saying why instead (no_rows_html)")
    title = f'<p class="sg-table-title" aria-hidden="true">{escape(caption)}</p>' if caption_shown else ""
    return (f'{title}<div class="sg-table-box{" " + box_classes if box_classes else ""}" tabindex="0" role="region" '
            f'aria-label="{escape(caption)}">'
            f'<table class="studyguide-table{" " + classes if classes else ""}"><caption {HIDDEN}>'
            f"{escape(caption)}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>")


def no_rows_html(reason: str) -> str:
    """The sentence shown where a table has no rows (plain text, escaped here)."""
    return f'<p class="sg-no-rows">{escape(reason)}</p>'


def fold_html(summary: str, content: str, open_: bool = False) -> str:
    """``content`` folded under a one-line ``summary`` (closed unless ``open_``)."""
    return (f'<details class="sg-fold"{" open" if open_ else ""}><summary>{escape(summary)}</summary>'
            f'<div class="sg-fold-body">{content}</div></details>')


@dataclass(frozen=True)
class Fold:
    """Any displayable HTML (a table, a figure) folded under a summary line."""

    summary: str
    content: object

    def _repr_html_(self) -> str:
        inner = self.content.table_html() if isinstance(self.content, Table) else self.content._repr_html_()
        return fold_html(self.summary, inner)


NUMBER = re.compile(r"^[-−–+]?[\d,.]+%?( \([-−–+]?[\d,.]+%?\))?$")  # "90", "-0.43", "5 (5.6)": right-aligned


def _cell(index: int, value: object, labels: bool = False) -> str:
    if index == 0:  # a row's name; a name in words (not a number) keeps room (the stylesheet's .sg-name)
        name = "" if isinstance(value, (int, float)) or NUMBER.match(str(value)) else ' class="sg-name"'
        return f'<th scope="row"{name}>{escape(str(value))}</th>'
    if isinstance(value, (int, float)):
        return f'<td class="num">{value:,}</td>'
    if NUMBER.match(str(value)):
        return f'<td class="num">{escape(str(value))}</td>'
    return f"<td>{escape(breakable(str(value)) if labels else str(value))}</td>"


def table(caption: str, headers: Sequence[str], rows: Iterable[Sequence[object]], fold: bool | None = None,
          labels: bool = False, empty: str = "", scroll: bool = False) -> Table:
    """A :class:`Table`; ``empty`` is the sentence the page shows instead when there are no rows,
    saying why (a table of a text's n-grams: "No two-word sequence occurs twice in ...").

    An empty table without ``empty`` is refused (``ValueError``): the page would have nothing
    to say where the reader expects the table.
    """
    rows = [tuple(r) for r in rows]
    reason = " ".join(empty.split())
    if not rows and not reason:
        raise ValueError(f"the table “{caption}” has no rows and no sentence saying why; pass empty=\"...\"")
    return Table(caption, tuple(headers), rows, fold, labels, reason, scroll)


def folded(summary: str, content: object) -> Fold:
    """``content`` (a :class:`Table` or anything with ``_repr_html_``) folded under ``summary``."""
    return Fold(summary, content)
