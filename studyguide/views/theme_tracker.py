"""The theme tracker: a row per theme, a column per paragraph, one marker shape per theme."""

from __future__ import annotations

from ..analysis.languages import language_notice
from ..analysis.themes import Segment, score_paragraphs, stretch_segments
from ..knowledge.lexicon import Lexicon
from ..texts.text import Text
from .numbers import stretch_label
from .prose import prose
from .style import INK, MIN_FONT, POOL, figure_style, finish, plt


def tracker_figure(text: Text, lexicon: Lexicon, segments: list[Segment] | None = None, note: str = ""):
    """The theme tracker: a row per theme, a column per paragraph (a notice for a text not in English)."""
    if notice := language_notice(text, "themes"):
        return prose("{notice}", notice=notice)

    segments = segments if segments is not None else score_paragraphs(text, lexicon)
    themes = list(lexicon)
    columns = pooled(segments)
    pooled_runs = len(columns) < len(segments)
    top = max((s.score(t.id) for _, s in columns for t in themes), default=0) or 1
    with figure_style():
        fig, ax = plt.subplots(figsize=(7.0, 0.6 * len(themes) + 1.6))
        for row, theme in enumerate(themes):
            y = len(themes) - 1 - row
            for x, (_, s) in enumerate(columns, 1):
                if s.count(theme.id):
                    ax.scatter(x, y, s=60 + 540 * s.score(theme.id) / top, marker=theme.marker,
                               color=theme.colour, edgecolors=INK, linewidths=0.6, zorder=3)
                    if not pooled_runs:
                        ax.text(x + 0.28, y + 0.18, str(s.count(theme.id)), fontsize=MIN_FONT, color=INK)
                else:
                    ax.text(x, y, "·", ha="center", va="center", color="#999999")
        for x, (_, s) in enumerate(columns, 1):
            if s.quotation:
                ax.axvspan(x - 0.5, x + 0.5, facecolor="#eeeeee", hatch="//", edgecolor="#bbbbbb", zorder=0)
        ax.set_yticks(range(len(themes)), [f"{t.label} ({t.symbol})" for t in reversed(themes)])
        shown = [(x, label) for x, (label, _) in enumerate(columns, 1)][:: max(1, len(columns) // 10) if pooled_runs else 1]
        ax.set_xticks([x for x, _ in shown], [label for _, label in shown])
        ax.set_xlim(0.4, len(columns) + 0.7)
        ax.set_ylim(-0.6, len(themes) - 0.4)
        ax.set_xlabel("Paragraphs, in runs (numbers as in the text chapter)" if pooled_runs
                      else "Paragraph (numbers as in the text chapter)")
        ax.grid(axis="y", color="#e5e5e5", zorder=0)
    parts = []
    for theme in themes:
        present = [s for s in segments if s.count(theme.id)]
        if present:
            best = max(present, key=lambda s: s.score(theme.id))
            parts.append(f"{theme.label}: in {len(present)} of {len(segments)} paragraphs, "
                         f"strongest in paragraph {best.paragraph} ({best.score(theme.id):.1f} per 100 words)")
        else:
            parts.append(f"{theme.label}: in no paragraph")
    alt = (f"Theme tracker for “{text.title}”, {len(segments)} paragraphs by {len(themes)} themes; "
           f"marker size shows cue words per 100 words. " + "; ".join(parts) + "."
           + "".join(f" Paragraph {s.paragraph} is a quotation (hatched)." for s in segments if s.quotation))
    caption = (f"Theme tracker for “{text.title}”{note}. Each theme has its own marker shape; marker area is "
               "proportional to cue words per 100 words, and the small number is the count of cue words. "
               "A hatched column is a quoted paragraph.")
    if pooled_runs:
        caption += f" The text's {len(segments)} paragraphs are pooled in {len(columns)} runs."
    return finish(fig, alt, caption)


def pooled(segments: list[Segment]) -> list[tuple[str, Segment]]:
    """``(label, segment)`` per column: each paragraph, or stretches of paragraphs pooled
    (:func:`~studyguide.analysis.themes.stretch_segments`)."""
    return [(str(s.paragraphs.start) + ("\nquoted" if s.quoted else "") if len(s.paragraphs) == 1
             else stretch_label(s.paragraphs), s.segment) for s in stretch_segments(segments, POOL)]
