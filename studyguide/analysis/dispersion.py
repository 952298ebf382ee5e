"""Dispersion: where in a text each word occurs (Voyant's "Trends", AntConc's "Plot").

Positions count running words (1 = the first word of the text, readings
applied); paragraph starts give the boundaries that the plot
(:mod:`studyguide.views.dispersion_plot`) marks and numbers; the words saying where a word
occurs are :func:`studyguide.views.numbers.describe`.
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
