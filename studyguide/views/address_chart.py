"""Who a text speaks to: pronoun groups per 100 words, paragraph by paragraph."""

from __future__ import annotations

from dataclasses import dataclass

from ..analysis.address import paragraph_address, stretch_address
from ..analysis.languages import language_notice
from ..knowledge.symbols import PALETTE
from ..texts.text import Text
from .numbers import stretch_label
from .prose import prose
from .style import HATCHES, POOL, Figure, figure_style, finish, plt


def address_figure(text: Text) -> Figure:
    """Pronoun groups per 100 words, paragraph by paragraph; quoted paragraphs hatched (a notice for a text not in English)."""
    if notice := language_notice(text, "address"):
        return prose("{notice}", notice=notice)
    rows = pooled(paragraph_address(text))
    groups = (("we", "we/us/our"), ("you", "you/your"), ("they", "they/them/their"))
    with figure_style():
        fig, ax = plt.subplots(figsize=(7.5, 3.6))
        width = 0.27
        for g, (attr, label) in enumerate(groups):
            xs = [x + (g - 1) * width for x, _ in enumerate(rows, 1)]
            heights = [100 * getattr(a, attr) / a.words if a.words else 0 for a in rows]
            bars = ax.bar(xs, heights, width, color=PALETTE[g], hatch=HATCHES[g + 1], edgecolor="#1a1a1a",
                          linewidth=0.5, label=label)
            for bar, a in zip(bars, rows):
                if a.quotation:
                    bar.set_alpha(0.45)
        step = max(1, len(rows) // 10) if len(rows) == POOL else 1
        ax.set_xticks([x for x, _ in enumerate(rows, 1)][::step],
                      [a.label + ("\n(quoted)" if a.quotation and step == 1 else "") for a in rows][::step])
        ax.set_xlabel("Paragraph" if step == 1 else "Paragraphs, in runs")
        ax.set_ylabel("Per 100 words")
        ax.legend(ncol=3, loc="upper center", bbox_to_anchor=(0.5, 1.15))
    def top(attr: str) -> str:
        best = max(rows, key=lambda a: getattr(a, attr) / a.words if a.words else 0)
        return f"paragraph {best.label} ({getattr(best, attr)} of {best.words} words)"
    alt = (f"Grouped bar chart of pronouns per 100 words in each of the {len(rows)} paragraphs (or runs of paragraphs) of “{text.title}”. "
           f"Most 'we/us/our': {top('we')}; most 'you/your': {top('you')}; most 'they/them/their': {top('they')}. "
           + "".join(f"Paragraph {a.label} is quoted and drawn faded. " for a in rows if a.quotation))
    return finish(fig, alt.strip(), f"Who is speaking to whom in “{text.title}”: pronoun groups per 100 words, by paragraph "
                  "(each group has its own hatching; quoted paragraphs are faded).")



@dataclass(frozen=True)
class Column:
    """One bar group: a paragraph, or a run of paragraphs pooled (:func:`~studyguide.analysis.stretches.stretches`)."""

    label: str
    words: int
    we: int
    you: int
    they: int
    quotation: bool


def pooled(rows) -> list[Column]:
    return [Column(stretch_label(s.paragraphs), s.words, *s.counts[:3], s.quotation)  # COUNTED starts we, you, they
            for s in stretch_address(rows, POOL)]
