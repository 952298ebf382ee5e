"""The word explorer: any word's count, relative frequency, concordance, collocates and dispersion.

Two forms of one explorer:

- **In a live notebook** it is an ipywidget: a menu of the text's key words
  (:func:`studyguide.analysis.keywords.key_words`) and a text box for any word,
  each view computed by Python on the spot (:func:`word_view`).
- **In the published book** (no kernel, also from ``file://``) it is the HTML of
  :func:`static_explorer`: the same menu and box, and a compact index of every
  word of the text (:mod:`.word_index`) that the book's own script reads to
  look up any word type. The rule for how much is precomputed: no view at all,
  only the index; the script shows at most :data:`~.word_index.MAX_LINES`
  concordance lines and :data:`~studyguide.analysis.collocation.TOP_COLLOCATES` collocates, so the
  page grows with the text only by the index (about a third of the text's size,
  gzipped).
"""

from __future__ import annotations

from collections import Counter
from html import escape

import ipywidgets as widgets

from ..analysis.collocation import TOP_COLLOCATES, WINDOW, collocates
from ..analysis.concordance import concordance
from ..analysis.frequency import per_thousand, rank_of, text_tokens
from ..analysis.keyness import general_frequency
from ..analysis.keywords import EACH, key_words
from ..analysis.tokens import key as split_key
from ..analysis.tokens import words as split_words
from ..texts.language import language_name
from ..texts.text import Text
from . import modelids
from .dispersion_plot import dispersion_figure
from .kwic import kwic_html
from .numbers import describe
from .word_index import MAX_LINES, index_json, word_index

modelids.install()  # the same widget model ids in every build (reproducible pages)


def collocates_html(rows: list[tuple[str, int, int, float]], word: str) -> str:
    if not rows:
        return f"<p>No word is found near “<bdi>{escape(word)}</bdi>” at least twice more often than elsewhere.</p>"
    body = "".join(f'<tr><th scope="row">{escape(w)}</th><td class="num">{a}</td><td class="num">{n}</td>'
                   f'<td class="num">{g:.1f}</td></tr>' for w, a, n, g in rows)
    return (f'<div class="sg-table-box" tabindex="0" role="region" aria-label="Collocates of {escape(word)}">'
            f'<table class="studyguide-table collocates"><caption>Collocates of “{escape(word)}”: words up to '
            f"{WINDOW} places left or right, at least twice, by log-likelihood (G2)</caption>"
            '<thead><tr><th scope="col">Word</th><th scope="col">Near it</th><th scope="col">In the text</th>'
            f'<th scope="col">G2</th></tr></thead><tbody>{body}</tbody></table></div>')


def word_view(text: Text, word: str, why: str = "") -> str:
    """HTML for one word: count, per 1,000, rank, general-English rate, concordance, collocates and dispersion."""
    tokens = text_tokens(text)
    counts = Counter(t.word for t in tokens)
    # a word of the tables is looked up whole ("3.5", a URL-free "1,000", a Chinese word); else it is cut as counted
    query = [whole] if (whole := split_key(word.strip())) in counts else split_words(word)
    if len(query) != 1:
        return '<p class="word-view">Type a single word (letters or digits, no spaces).</p>'
    key = query[0]
    language = language_name(text.meta.language)
    count = counts.get(key, 0)
    general = general_frequency(key, text.meta.language) * 1000
    parts = [f'<div class="word-view" data-word="{escape(key)}">',
             f"<p><strong><bdi>{escape(key)}</bdi></strong>" + (f" ({escape(why)})" if why else "") + ": "]
    if count:
        parts[-1] += (f"{count} time{'s' if count != 1 else ''} in {len(tokens):,} words, "
                      f"{per_thousand(count, len(tokens)):.1f} per 1,000 words (rank {rank_of(counts, key)}); "
                      f"in general {language} about {general:.3g} per 1,000. "
                      f"{escape(describe(tokens, key))}.</p>")
        parts.append(kwic_html(text, key, concordance(text, key), limit=MAX_LINES))
        parts.append(collocates_html(collocates(tokens, key), key))
        figure = dispersion_figure(tokens, [key], text.title, height=1.9)
        parts.append(figure._repr_html_())
    else:
        parts[-1] += f"not in this text (in general {language} about {general:.3g} per 1,000 words).</p>"
    parts.append("</div>")
    return "".join(parts)


def static_explorer(text: Text, chosen: list[tuple[str, str]]) -> str:
    """The published form: key-word menu, any-word box and the text's word index, run by the book's script."""
    options = "".join(f'<option value="{escape(w)}" title="{escape(why)}">{escape(w)}</option>' for w, why in chosen)
    return (
        f'<div class="studyguide-word-explorer sg-words" lang="{escape(text.language)}">'
        f'<script type="application/json" data-sg-index>{index_json(word_index(text, chosen))}</script>'
        '<form class="sg-word-form" role="search" aria-label="Look up a word">'
        f'<label class="sg-menu"><span class="sg-menu-label">Key word:</span> <select data-sg-key disabled>{options}</select></label> '
        '<label class="sg-menu"><span class="sg-menu-label">Any word:</span> '
        '<input type="search" data-sg-input disabled autocomplete="off" spellcheck="false" size="16"></label> '
        '<button type="submit" disabled>Look up</button>'
        f'<p class="sg-note">Every word of the text can be looked up. The concordance shows at most {MAX_LINES} '
        f"lines, sorted as you choose; collocates are the {TOP_COLLOCATES} words most attracted to the chosen word.</p>"
        '</form><div class="sg-word-view studyguide-views" aria-live="polite">'
        "<noscript><p>The word explorer needs JavaScript; the tables above list the same counts.</p></noscript></div></div>"
    )


class WordExplorer(widgets.VBox):
    """The live explorer; displays as :func:`static_explorer` in the book."""

    def __init__(self, text: Text, each: int = EACH):
        chosen = key_words(text, each)
        menu = widgets.Dropdown(options=[(w, i) for i, (w, _) in enumerate(chosen)], value=0,
                                description="Key word:", style={"description_width": "initial"})
        typed = widgets.Text(description="Any word:", placeholder="type a word, then Enter", continuous_update=False,
                             style={"description_width": "initial"})
        view = widgets.HTML(word_view(text, *chosen[0]))

        def pick(change: dict) -> None:
            view.value = word_view(text, *chosen[change["new"]])

        def show(change: dict) -> None:
            if change["new"].strip():
                view.value = word_view(text, change["new"])

        menu.observe(pick, names="value")
        typed.observe(show, names="value")
        super().__init__([widgets.HBox([menu, typed]), view], layout=widgets.Layout(width="100%"))
        self.add_class("studyguide-word-explorer")
        self.text, self.chosen = text, chosen

    def static_html(self) -> str:
        return static_explorer(self.text, self.chosen)

    def _repr_mimebundle_(self, **kwargs) -> dict:
        bundle = super()._repr_mimebundle_(**kwargs) or {}
        bundle["text/html"] = self.static_html()
        return bundle


def word_explorer(text: Text, each: int = EACH) -> WordExplorer:
    """Key-word menu and any-word box: ipywidgets live, the book's script in the published page."""
    return WordExplorer(text, each)
