"""Which text is being worked on, so that a failure can name it.

The notebooks (and the package) go through the texts with ``for text in corpus``, and
iterating a :class:`~.corpus.Corpus` goes through :func:`each`: the text each loop has
reached is kept on a stack while the loop works on it, and dropped when the loop moves
on. A loop left by an exception never moves on, so its text stays there for
:func:`current` to name (the notebooks' exception handler, :mod:`studyguide.book.failed_cell`);
a finished inner loop (``[word_counts(o) for o in corpus]`` inside ``for text in corpus``)
leaves the outer loop's text on top.

A loop left early (``break``, ``next(t for t in corpus ...)``) keeps its text too, until
the loop around it moves on or :func:`forget` empties the stack (before each notebook
cell), so such a text is never named for a failure in a later cell.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")

_working: list = []


def each(texts: Iterable[T]) -> Iterator[T]:
    """``texts`` one by one, each kept as :func:`current` while the loop works on it."""
    depth = len(_working)
    for text in texts:
        del _working[depth:]  # what this loop, or a loop inside it, left behind
        _working.append(text)
        yield text
    del _working[depth:]


def current():
    """The text the innermost unfinished loop over a corpus is working on, or None."""
    return _working[-1] if _working else None


def forget() -> None:
    """Empty the stack (a new notebook cell works on no text yet)."""
    _working.clear()
