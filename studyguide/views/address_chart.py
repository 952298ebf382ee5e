"""Who a text speaks to: pronoun groups per 100 words, paragraph by paragraph."""

from __future__ import annotations

from ..analysis.address import paragraph_address
from ..analysis.languages import language_notice
from ..knowledge.symbols import PALETTE
from ..texts.text import Text
from .prose import prose
from .style import HATCHES, Figure, figure_style, finish, plt


def address_figure(text: Text) -> Figure:
    """Pronoun groups per 100 words, paragraph by paragraph; quoted paragraphs hatched (a notice for a text not in English)."""
    if notice := language_notice(text, "address"):
        return prose("{notice}", notice=notice)
    rows = paragraph_address(text)
    groups = (("we", "we/us/our"), ("you", "you/your"), ("they", "they/them/their"))
    with figure_style():
        fig, ax = plt.subplots(figsize=(7.5, 3.6))
        width = 0.27
        for g, (attr, label) in enumerate(groups):
            xs = [a.paragraph + (g - 1) * width for a in rows]
            heights = [100 * getattr(a, attr) / a.words if a.words else 0 for a in rows]
            bars = ax.bar(xs, heights, width, color=PALETTE[g], hatch=HATCHES[g + 1], edgecolor="#1a1a1a",
                          linewidth=0.5, label=label)
            for bar, a in zip(bars, rows):
                if a.quotation:
                    bar.set_alpha(0.45)
        ax.set_xticks([a.paragraph for a in rows], [f"{a.paragraph}" + ("\n(quoted)" if a.quotation else "") for a in rows])
        ax.set_xlabel("Paragraph")
        ax.set_ylabel("Per 100 words")
        ax.legend(ncol=3, loc="upper center", bbox_to_anchor=(0.5, 1.15))
    def top(attr: str) -> str:
        best = max(rows, key=lambda a: getattr(a, attr) / a.words if a.words else 0)
        return f"paragraph {best.paragraph} ({getattr(best, attr)} of {best.words} words)"
    alt = (f"Grouped bar chart of pronouns per 100 words in each of the {len(rows)} paragraphs of “{text.title}”. "
           f"Most 'we/us/our': {top('we')}; most 'you/your': {top('you')}; most 'they/them/their': {top('they')}. "
           + "".join(f"Paragraph {a.paragraph} is quoted and drawn faded. " for a in rows if a.quotation))
    return finish(fig, alt.strip(), f"Who is speaking to whom in “{text.title}”: pronoun groups per 100 words, by paragraph "
                  "(each group has its own hatching; quoted paragraphs are faded).")

