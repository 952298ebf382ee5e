"""The keyness chart: a text's distinctive words as bars of their log ratio."""

from __future__ import annotations

from collections.abc import Sequence

from ..analysis.keyness import Keyword
from ..knowledge.symbols import PALETTE
from .style import Figure, figure_style, finish, plt


def keyness_chart(keywords: Sequence[Keyword], title: str, reference: str = "general English") -> Figure:
    """Horizontal bars of the log ratio of each keyword, labelled with its count and G2."""
    if not keywords:
        raise ValueError("no keywords to chart")
    with figure_style():
        fig, ax = plt.subplots(figsize=(7.0, 0.38 * len(keywords) + 1.2))
        labels = [k.word for k in keywords][::-1]
        values = [k.log_ratio for k in keywords][::-1]
        bars = ax.barh(labels, values, color=PALETTE[0], edgecolor="#1a1a1a", linewidth=0.5)
        for bar, k in zip(bars, list(keywords)[::-1]):
            ax.text(bar.get_width() + 0.1, bar.get_y() + bar.get_height() / 2,
                    f"{k.count}x, G2 {k.g2:.0f}", va="center", fontsize=9)
        ax.set_xlabel(f"Log ratio (1 = twice as frequent as in {reference}, 2 = four times, ...)")
        ax.set_xlim(0, max(values) * 1.3)
        ax.set_title(title)
        top = ", ".join(f"“{k.word}” (log ratio {k.log_ratio:.1f}, {k.count} times)" for k in keywords[:3])
        alt = (f"Bar chart of the {len(keywords)} words of {title} used most distinctively more than in {reference}, "
               f"by log ratio. The three with the highest log-likelihood: {top}.")
        caption = (f"{title}: distinctive words against {reference}. Bar length is the log ratio (effect size); "
                   "the label gives the count in the text and the log-likelihood G2 (how sure the difference is).")
        return finish(fig, alt, caption)

