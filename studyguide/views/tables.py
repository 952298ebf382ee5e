"""Accessible HTML tables for notebooks: a caption, header cells with scope, escaped cells."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape


@dataclass(frozen=True)
class Table:
    """A table that Jupyter and the book display as HTML (``_repr_html_``)."""

    caption: str
    headers: Sequence[str]
    rows: Sequence[Sequence[object]]

    def _repr_html_(self) -> str:
        head = "".join(f'<th scope="col">{escape(str(h))}</th>' for h in self.headers)
        body = "".join("<tr>" + "".join(_cell(i, v) for i, v in enumerate(row)) + "</tr>" for row in self.rows)
        return (
            f'<table class="studyguide-table"><caption>{escape(self.caption)}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
        )

    def __str__(self) -> str:
        lines = [self.caption, " | ".join(self.headers)]
        lines += [" | ".join(str(v) for v in row) for row in self.rows]
        return "\n".join(lines)


def _cell(index: int, value: object) -> str:
    if index == 0:
        return f'<th scope="row">{escape(str(value))}</th>'
    if isinstance(value, (int, float)):
        return f'<td class="num">{value:,}</td>'
    return f"<td>{escape(str(value))}</td>"


def table(caption: str, headers: Sequence[str], rows: Iterable[Sequence[object]]) -> Table:
    return Table(caption, tuple(headers), [tuple(r) for r in rows])
