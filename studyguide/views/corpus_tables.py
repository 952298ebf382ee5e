"""The corpus views: every text at once, in tables that are shown open (a class reads them side by side).

With a single text there is nothing to compare, and each view says so in one sentence
(the table's ``empty``); a text alone in its language is listed as not compared.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..analysis.comparison import distinctive_words, likeness
from ..analysis.frequency import corpus_profiles
from ..texts.language import language_name
from ..texts.text import Text
from .tables import Table, table
from .word_tables import NOT_COMPUTED, PROFILE_HEADERS, profile_rows

COMPARISON_HEADERS = ("Text", "Distinctive words (count; G2)", "Most alike (cosine)", "Least alike (cosine)")


def one_text(corpus: Sequence[Text]) -> str:
    return (f"The guide holds {len(corpus)} text{'s' if len(corpus) != 1 else ''}, so there is nothing to compare yet: "
            "add a text (see “Adding a text”) and this view fills in by itself.")


def alone(text: Text) -> str:
    return f"not compared: the only text in {language_name(text.language)}"


def summary_table(corpus: Sequence[Text]) -> Table:
    """Every text's summary measures, then all texts together (shown open)."""
    return table("Summary measures (editors' readings applied)", PROFILE_HEADERS,
                 profile_rows(corpus_profiles(corpus)), fold=False, empty="The guide holds no text yet.", scroll=True)


def comparison_table(corpus: Sequence[Text], n: int = 5) -> Table:
    """Per text, against the other texts of its language: its ``n`` most distinctive words, and the texts it
    is most and least alike (cosine of their word counts). One table, one row per text, shown open."""
    texts = list(corpus)
    rows = []
    if len(texts) > 1:
        for found, alike in zip(distinctive_words(texts, n), likeness(texts)):
            if found.words is None:
                rows.append((found.text.title, alone(found.text), NOT_COMPUTED, NOT_COMPUTED))
                continue
            words = "; ".join(f"{k.word} ({k.count}; {k.g2:.1f})" for k in found.words) or "none significantly more frequent"
            rows.append((found.text.title, words, *(f"{pair[0].title} ({pair[1]:.2f})" for pair in (alike.closest, alike.farthest))))
    return table(f"Each text against the other texts in its language: its most distinctive words (up to {n}), "
                 "and the texts it is most and least alike (cosine similarity of their word counts, stopwords left out)",
                 COMPARISON_HEADERS, rows, fold=False, empty=one_text(texts), scroll=True)
