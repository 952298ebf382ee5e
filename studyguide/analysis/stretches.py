"""The one rule that keeps a long text's tables, charts and explorers bounded: consecutive runs.

A table with a row per paragraph, or a chart with a column per paragraph, would grow with
the text (a 1 MB text has over a thousand paragraphs). The rule, the same everywhere: up
to a limit, one item per row or column; beyond it, the items are cut into that many
stretches of consecutive items, as equal in length as they can be (the first ones one
longer when they cannot all be equal), and each stretch is summed or averaged. Tables
take :data:`MAX_ROWS` stretches of paragraphs (numbered from 1); charts take
:data:`studyguide.views.style.POOL` (counted from 0); explorers precompute one view per
stretch (:func:`studyguide.views.widgets.spread`). A stretch is labelled with its first
and last paragraph by :func:`studyguide.views.numbers.stretch_label`.
Charts and the chapter itself still show every paragraph.
"""

from __future__ import annotations

MAX_ROWS = 100


def stretches(count: int, limit: int = MAX_ROWS, first: int = 1) -> list[range]:
    """``count`` items numbered from ``first`` as at most ``limit`` consecutive stretches of near-equal length."""
    if count <= limit:
        return [range(n, n + 1) for n in range(first, first + count)]
    size, extra = divmod(count, limit)
    found, start = [], first
    for index in range(limit):
        length = size + (1 if index < extra else 0)
        found.append(range(start, start + length))
        start += length
    return found


def quoted_in(stretch: range, quoted) -> tuple[int, ...]:
    """The numbers of ``stretch`` that are among ``quoted`` (paragraphs marked as quotations)."""
    marked = set(quoted)
    return tuple(n for n in stretch if n in marked)
