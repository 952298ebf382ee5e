"""The word explorer: one word's count, relative frequency, concordance and dispersion.

In the published book (no kernel) a menu switches between views computed
at build time for the text's key words (:func:`key_words`), through
:func:`studyguide.widgets.switcher`. In a live notebook the same explorer
also has a text box: type any word, press Enter, and its view is computed
on the spot (a Python callback, so it does nothing in the static page).
"""

from __future__ import annotations

from collections import Counter
from html import escape

import ipywidgets as widgets

from .concordance import concordance, kwic_html
from .dispersion import describe, dispersion_figure
from .frequency import per_thousand, rank_of, stopwords, text_tokens, top_words
from .keyness import against_general_english, distinctive, general_frequency, significant
from .text import Text
from .tokens import words as split_words

EACH = 8  # words taken from each list


def key_words(text: Text, each: int = EACH) -> list[tuple[str, str]]:
    """``(word, why listed)`` for the text's most distinctive and most frequent words, without repeats."""
    counts = Counter(t.word for t in text_tokens(text))
    chosen: dict[str, str] = {}
    lists = (
        ("distinctive against general English", [k.word for k in distinctive(against_general_english(counts, text.meta.language), each)]),
        ("most frequent word that is not a stopword", [w.word for w in top_words(counts, each, stopwords(text.meta.language))]),
        ("most frequent word", [w.word for w in top_words(counts, each)]),
    )
    for why, found in lists:
        for word in found:
            chosen.setdefault(word, why)
    return list(chosen.items())


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
    from .widgets import switcher

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


WEIGHT_HEADERS = ("Word", "Count", "Per 1,000 words", "Rank in the text", "Per 1,000 in general English",
                  "Log ratio", "Log-likelihood G2", "Paragraphs")


def word_weights(text: Text, chosen: list[str]) -> list[tuple]:
    """For each chosen word: count, rate, rank, general-English rate, log ratio, G2 and paragraphs."""
    tokens = text_tokens(text)
    counts = Counter(t.word for t in tokens)
    scored = {k.word: k for k in against_general_english(counts, text.meta.language, min_count=1)}
    rows = []
    for word in chosen:
        k = scored.get(word)
        paragraphs = sorted({t.paragraph for t in tokens if t.word == word})
        rows.append((word, counts.get(word, 0), round(per_thousand(counts.get(word, 0), len(tokens)), 1),
                     rank_of(counts, word) or "-", significant(general_frequency(word, text.meta.language) * 1000),
                     round(k.log_ratio, 2) if k else "-", round(k.g2, 1) if k else "-",
                     ", ".join(map(str, paragraphs)) or "-"))
    return rows
