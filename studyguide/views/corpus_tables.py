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

ALONE = "not compared: the only text in its language"
DISTINCTIVE_HEADERS = ("Text", "Language", "Compared with", "Distinctive words (count; G2)")
LIKENESS_HEADERS = ("Text", "Language", "Compared with", "Most alike (cosine)", "Least alike (cosine)")


def one_text(corpus: Sequence[Text]) -> str:
    return (f"The guide holds {len(corpus)} text{'s' if len(corpus) != 1 else ''}, so there is nothing to compare yet: "
            "add a text (see “Adding a text”) and this view fills in by itself.")


def _compared(n: int) -> str:
    return ALONE if n == 0 else f"{n} other text{'s' if n != 1 else ''}"


def summary_table(corpus: Sequence[Text]) -> Table:
    """Every text's summary measures, then all texts together (shown open)."""
    return table("Summary measures of every text (editors' readings applied)", PROFILE_HEADERS,
                 profile_rows(corpus_profiles(corpus)), fold=False, empty="The guide holds no text yet.")


def distinctive_table(corpus: Sequence[Text], n: int = 5) -> Table:
    """Each text's most distinctive words against the other texts of its language."""
    rows = []
    for found in distinctive_words(corpus, n) if len(corpus) > 1 else []:
        if found.words is None:
            words = NOT_COMPUTED
        else:
            words = "; ".join(f"{k.word} ({k.count}; {k.g2:.1f})" for k in found.words) or "none significantly more frequent"
        rows.append((found.text.title, language_name(found.text.language), _compared(found.compared), words))
    return table(f"Each text's most distinctive words (up to {n}) against the other texts in its language",
                 DISTINCTIVE_HEADERS, rows, fold=False, empty=one_text(corpus))


def likeness_table(corpus: Sequence[Text]) -> Table:
    """For each text, the text of its language it is most and least alike, by the cosine of their word counts."""
    rows = []
    for found in likeness(corpus) if len(corpus) > 1 else []:
        def shown(pair):
            return NOT_COMPUTED if pair is None else f"{pair[0].title} ({pair[1]:.2f})"

        rows.append((found.text.title, language_name(found.text.language), _compared(found.compared),
                     shown(found.closest), shown(found.farthest)))
    return table("How alike the texts are: cosine similarity of their word counts (stopwords left out), within each "
                 "language", LIKENESS_HEADERS, rows, fold=False, empty=one_text(corpus))
