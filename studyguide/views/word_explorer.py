"""The word explorer: one word's count, relative frequency, concordance and dispersion.

In the published book (no kernel) a menu switches between views computed
at build time for the text's key words
(:func:`studyguide.analysis.keywords.key_words`), through
:func:`studyguide.views.widgets.switcher`. In a live notebook the same explorer
also has a text box: type any word, press Enter, and its view is computed
on the spot (a Python callback, so it does nothing in the static page).
"""

from __future__ import annotations

from collections import Counter
from html import escape

import ipywidgets as widgets

from ..analysis.concordance import concordance
from ..analysis.dispersion import describe
from ..analysis.frequency import per_thousand, rank_of, text_tokens
from ..analysis.keyness import general_frequency
from ..analysis.keywords import EACH, key_words
from ..analysis.tokens import words as split_words
from ..texts.text import Text
from .dispersion_plot import dispersion_figure
from .kwic import kwic_html
from .widgets import switcher


def word_view(text: Text, word: str, why: str = "") -> str:
    """HTML for one word: count, per 1,000, rank, general-English rate, concordance and dispersion."""
    query = split_words(word)
    if len(query) != 1:
        return '<p class="word-view">Type a single word (letters or digits, no spaces).</p>'
    key = query[0]
    tokens = text_tokens(text)
    counts = Counter(t.word for t in tokens)
    count = counts.get(key, 0)
    general = general_frequency(key, text.meta.language) * 1000
    parts = [f'<div class="word-view" data-word="{escape(key)}" style="white-space:normal;max-width:100%;line-height:1.5">',
             f"<p><strong>{escape(key)}</strong>" + (f" ({escape(why)})" if why else "") + ": "]
    if count:
        parts[-1] += (f"{count} time{'s' if count != 1 else ''} in {len(tokens):,} words, "
                      f"{per_thousand(count, len(tokens)):.1f} per 1,000 words (rank {rank_of(counts, key)}); "
                      f"in general English about {general:.3g} per 1,000. "
                      f"{escape(describe(tokens, key))}.</p>")
        parts.append(kwic_html(text, key, concordance(text, key)))
        figure = dispersion_figure(tokens, [key], text.title, height=1.9)
        parts.append(figure._repr_html_())
    else:
        parts[-1] += f"not in this text (in general English about {general:.3g} per 1,000 words).</p>"
    parts.append("</div>")
    return "".join(parts)


def word_explorer(text: Text, each: int = EACH) -> widgets.VBox:
    """Menu of key words switching precomputed views, plus a live box for any word."""
    views = [(word, word_view(text, word, why)) for word, why in key_words(text, each)]
    menu = switcher("Key word:", views)
    typed = widgets.Text(
        description="Any word (live notebook only):",
        placeholder="type a word, then Enter",
        continuous_update=False,
        style={"description_width": "initial"},
    )
    live = widgets.HTML("")

    def show(change: dict) -> None:
        live.value = word_view(text, change["new"]) if change["new"].strip() else ""

    typed.observe(show, names="value")
    box = widgets.VBox([menu, typed, live], layout=widgets.Layout(width="100%"))
    box.add_class("studyguide-word-explorer")
    return box


