"""The dispersion plot: where in a text each word occurs (Voyant's "Trends", AntConc's "Plot").

The x axis is the position of the running word (1 = first word of the text,
readings applied); each chosen word has its own row with a mark at every
occurrence. Dotted lines mark the paragraph boundaries and the top axis gives the
paragraph numbers of the text chapter.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..analysis.dispersion import paragraph_starts, positions
from ..analysis.frequency import Token
from ..knowledge.symbols import MARKERS, PALETTE
from .numbers import describe
from .style import POOL, Figure, figure_style, finish, plt

MARKS = 600  # marks per word at most: positions closer than 1/600 of the text share one mark


def thinned(xs: list[int], total: int, marks: int = MARKS) -> list[float]:
    """``xs`` with positions in the same 1/``marks`` of the text drawn once (every one in a text of up to 2,400 words)."""
    if total <= 4 * marks:
        return list(xs)
    cells = sorted({x * marks // (total + 1) for x in xs})
    return [(c + 0.5) * (total + 1) / marks for c in cells]


def dispersion_figure(tokens: Sequence[Token], words: Sequence[str], title: str, height: float | None = None) -> Figure:
    """A dispersion plot of ``words`` across ``tokens``, paragraph boundaries marked and numbered."""
    if not words:
        raise ValueError("choose at least one word")
    starts = paragraph_starts(tokens)
    total = len(tokens)
    with figure_style():
        fig, ax = plt.subplots(figsize=(7.0, height or 0.45 * len(words) + 1.3))
        for row, word in enumerate(words):
            y = len(words) - 1 - row
            xs = thinned(positions(tokens, word), total)
            ax.scatter(xs, [y] * len(xs), marker="|", s=260, linewidths=2.2, color=PALETTE[row % len(PALETTE)])
            ax.scatter(xs, [y] * len(xs), marker=MARKERS[row % len(MARKERS)], s=10, color=PALETTE[row % len(PALETTE)])
        for _, start in (starts[1:] if len(starts) <= POOL else []):  # a long text: no boundary lines
            ax.axvline(start - 0.5, color="#555555", linestyle=":", linewidth=1)
        ax.set_yticks(range(len(words)), [f"{w} ({len(positions(tokens, w))})" for w in reversed(words)])
        ax.set_ylim(-0.7, len(words) - 0.3)
        ax.set_xlim(0, total + 1)
        ax.set_xlabel(f"Position in the text (word 1 to {total})")
        top = ax.secondary_xaxis("top")
        ends = [s for _, s in starts[1:]] + [total + 1]
        labels = [((s + e) / 2, f"¶{n}") for (n, s), e in zip(starts, ends)]
        top.set_xticks(*zip(*labels[:: max(1, len(labels) // 12) if len(labels) > POOL else 1]))
        top.tick_params(length=0, labelsize=9)
        ax.set_title(title, pad=22)
        alt = (f"Dispersion plot across the {total} words and {len(starts)} paragraphs of {title}: "
               + "; ".join(describe(tokens, w) for w in words) + ".")
        caption = (f"Where the words occur in {title}. Each mark is one occurrence (the count is beside the word); "
                   "dotted lines are paragraph boundaries, numbered along the top as in the text chapter.")
        return finish(fig, alt, caption)

