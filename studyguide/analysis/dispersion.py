"""Dispersion: where in a text each word occurs (Voyant's "Trends", AntConc's "Plot").

Positions count running words (1 = the first word of the text, readings
applied); paragraph starts give the boundaries that the plot
(:mod:`studyguide.views.dispersion_plot`) marks and numbers.
"""

from __future__ import annotations

from collections.abc import Sequence

from .frequency import Token


def positions(tokens: Sequence[Token], word: str) -> list[int]:
    """1-based positions of ``word`` among ``tokens``."""
    return [i for i, t in enumerate(tokens, 1) if t.word == word]


def paragraph_starts(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """``(paragraph number, position of its first word)`` for each paragraph with words."""
    starts: list[tuple[int, int]] = []
    for i, t in enumerate(tokens, 1):
        if not starts or starts[-1][0] != t.paragraph:
            starts.append((t.paragraph, i))
    return starts


def _paragraph_list(numbers: Sequence[int]) -> str:
    unique = sorted(set(numbers))
    if len(unique) == 1:
        return f"paragraph {unique[0]}"
    return "paragraphs " + ", ".join(str(n) for n in unique[:-1]) + f" and {unique[-1]}"


def describe(tokens: Sequence[Token], word: str) -> str:
    """How often and in which paragraphs ``word`` occurs, in words."""
    found = [t.paragraph for t in tokens if t.word == word]
    if not found:
        return f"“{word}” does not occur"
    times = "once" if len(found) == 1 else f"{len(found)} times"
    return f"“{word}” occurs {times}, in {_paragraph_list(found)}"


