"""How long texts are tabled: at most :data:`MAX_ROWS` rows, each a stretch of consecutive paragraphs.

A table with a row per paragraph would grow with the text (a 1 MB text has over a
thousand paragraphs). The rule, the same for every per-paragraph table: a text of at
most :data:`MAX_ROWS` paragraphs gets a row per paragraph; a longer one is cut into
:data:`MAX_ROWS` stretches of consecutive paragraphs, as equal in length as they can be,
and each row sums (or averages) its stretch, labelled with its paragraphs ("13–24",
:func:`stretch_label`).
Charts and the chapter itself still show every paragraph.
"""

from __future__ import annotations

from collections.abc import Sequence

MAX_ROWS = 100


def stretches(count: int, limit: int = MAX_ROWS) -> list[range]:
    """``count`` paragraphs (numbered from 1) as at most ``limit`` consecutive stretches of near-equal length."""
    if count <= limit:
        return [range(n, n + 1) for n in range(1, count + 1)]
    size, extra = divmod(count, limit)
    found, start = [], 1
    for index in range(limit):
        length = size + (1 if index < extra else 0)
        found.append(range(start, start + length))
        start += length
    return found


def stretch_label(stretch: range, quoted: Sequence[int] = ()) -> str:
    """"7", "7 (quoted)", or "13–24" for a stretch of several paragraphs ("13–24, with quotations")."""
    inside = [n for n in stretch if n in set(quoted)]
    if len(stretch) == 1:
        return f"{stretch.start}" + (" (quoted)" if inside else "")
    return f"{stretch.start}–{stretch.stop - 1}" + (f" (quoted: {', '.join(map(str, inside))})" if inside else "")
