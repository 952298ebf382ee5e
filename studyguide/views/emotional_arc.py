"""The emotional arc: sentence scores along a text, paragraph means as steps."""

from __future__ import annotations

from ..analysis.languages import language_notice
from ..analysis.sentiment import paragraph_scores, polarity, sentence_scores
from ..analysis.stretches import stretches
from ..knowledge.symbols import PALETTE
from ..texts.text import Text
from .prose import prose
from .style import POOL, Figure, figure_style, finish, plt


def arc_figure(text: Text) -> Figure:
    """Sentence scores along the text, paragraph means as steps; quoted paragraphs shaded (a notice for a text not in English)."""
    if notice := language_notice(text, "sentiment"):
        return prose("{notice}", notice=notice)
    scores = sentence_scores(text)
    paragraphs = paragraph_scores(text)
    long = len(paragraphs) > POOL  # a long text: sentences pooled in runs, no per-paragraph marks (analysis.stretches)
    with figure_style():
        fig, ax = plt.subplots(figsize=(7.5, 3.8))
        ax.axhline(0, color="#777777", linewidth=0.8)
        if long:
            pooled = [(sum(r) / len(r) + 1, sum(scores[i].compound for i in r) / len(r)) for r in stretches(len(scores), 10 * POOL, first=0)]
            ax.plot(*zip(*pooled), color=PALETTE[0], linewidth=1, zorder=2, label="mean of a run of sentences")
        else:
            xs = list(range(1, len(scores) + 1))
            ax.plot(xs, [s.compound for s in scores], color=PALETTE[0], linewidth=1, zorder=2)
            for kind, marker, colour in (("positive", "^", PALETTE[0]), ("negative", "v", PALETTE[3]), ("neutral", "o", "#555555")):
                points = [(x, s.compound) for x, s in zip(xs, scores) if polarity(s.compound) == kind]
                if points:
                    ax.scatter(*zip(*points), marker=marker, color=colour, s=40, zorder=3, label=f"sentence ({kind})")
            start = 1
            for p in paragraphs:
                end = start + p.sentences - 1
                ax.hlines(p.mean, start - 0.4, end + 0.4, color=PALETTE[7], linewidth=2.2, linestyles="--",
                          label="paragraph mean" if p.paragraph == 1 else None, zorder=4)
                if p.quotation:
                    ax.axvspan(start - 0.5, end + 0.5, facecolor="#dddddd", hatch="//", edgecolor="#999999", zorder=0,
                               label="quoted paragraph")
                ax.text((start + end) / 2, 1.08, f"¶{p.paragraph}", ha="center", fontsize=9)
                if start > 1:
                    ax.axvline(start - 0.5, color="#bbbbbb", linewidth=0.8)
                start = end + 1
        ax.set_ylim(-1.05, 1.2)
        ax.set_xlim(0.3, len(scores) + 0.7)
        ax.set_xlabel("Sentence, in reading order")
        ax.set_ylabel("VADER compound score")
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=3, fontsize=9)
    low = min(scores, key=lambda s: s.compound)
    high = max(scores, key=lambda s: s.compound)
    negative = sum(1 for s in scores if polarity(s.compound) == "negative")
    positive = sum(1 for s in scores if polarity(s.compound) == "positive")
    alt = (
        f"Line chart of VADER sentiment for the {len(scores)} sentences of “{text.title}”: "
        f"{negative} negative, {positive} positive, {len(scores) - negative - positive} neutral. "
        f"Lowest {low.compound:+.2f} (paragraph {low.paragraph}, sentence {low.number}); "
        f"highest {high.compound:+.2f} (paragraph {high.paragraph}, sentence {high.number}). "
        + ("Paragraph means: " + ", ".join(f"¶{p.paragraph} {p.mean:+.2f}" for p in paragraphs) + "." if not long
           else f"The line shows the mean of runs of about {len(scores) // (10 * POOL) or 1} sentences.")
    )
    caption = (f"The emotional arc of “{text.title}”: one marker per sentence (▲ positive, ▼ negative, "
               "● neutral), dashed lines for paragraph means; a hatched band marks a quoted paragraph.")
    if long:
        caption = (f"The emotional arc of “{text.title}”: the mean VADER score of each run of sentences, in reading "
                   f"order (the text has {len(scores):,} sentences in {len(paragraphs):,} paragraphs).")
    return finish(fig, alt, caption)

