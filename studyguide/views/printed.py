"""The figures a notebook prints for one text, as printed: what its "by hand" cells must match.

The page "The numbers by hand" (``notebooks/by-hand.ipynb``) shows visible cells that each recompute a
figure of another notebook page with the standard library or NLTK, from the text's running words and
the package's intermediate records only, and assert that they get what that page printed (a mismatch
fails the cell, and so the build). The
figures they compare with come from here, rounded and worded by the same functions that print
them on the page (:mod:`.word_tables`, :mod:`.numbers`, :mod:`.theme_tables`), so "equal" means
"equal at the precision the reader sees". One function per notebook, each a plain dict by measure.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..analysis.address import paragraph_address
from ..analysis.collocation import word_pairs
from ..analysis.concordance import Line, concordance
from ..analysis.dispersion import positions
from ..analysis.frequency import (
    Token,
    paragraph_words,
    stopword_share,
    stopwords,
    text_profile,
    text_tokens,
    top_words,
    word_counts,
)
from ..analysis.keyness import against_general_english, distinctive
from ..analysis.keywords import highlight_words
from ..analysis.overview import text_overview
from ..analysis.placement import TextMark
from ..analysis.sentiment import stretch_scores
from ..analysis.themes import score_paragraphs
from ..knowledge.lexicon import Lexicon
from ..knowledge.timeline import Timeline
from ..texts.text import Text
from .numbers import signed
from .theme_tables import score_cell
from .timeline_chart import chart_span
from .word_tables import frequency_rows, keyword_rows, profile_rows, word_pair_rows

SEED = "solidarity-oil-workers"  # the text the "by hand" cells recompute, by its id
SKIPPED = f"The text “{SEED}” is no longer in seeds/, so there is nothing to recompute by hand here."


def size_figures(text: Text) -> dict:
    """The overview's size table for ``text``: words (tokens) and distinct words (types) as written."""
    overview = text_overview(text)
    return {"size": (overview.tokens, overview.types)}


def word_figures(text: Text) -> dict:
    """The words page's figures for ``text``: the tables' rows as printed, the dispersion plot's positions of the
    words it follows and the first concordance's lines (:func:`shown_lines`)."""
    counts = word_counts(text)
    share = stopword_share(counts, stopwords(text.language))
    tokens = text_tokens(text)
    first = highlight_words(text, distinct=1)[0]
    return {
        "mattr": profile_rows([text_profile(text)])[0][4],
        "frequency": frequency_rows(top_words(counts, 20)),
        "stopwords": (share.types, share.tokens, f"{share.percent:.0f}"),
        "keywords": keyword_rows(distinctive(against_general_english(counts, text.language), 15)),
        "pairs": word_pair_rows(word_pairs(paragraph_words(text), 10, stopwords=stopwords(text.language))),
        "dispersion": {word: positions(tokens, word) for word in highlight_words(text)},
        "kwic": (first, shown_lines(tokens, concordance(text, first))),
    }


def shown_lines(tokens: Sequence[Token], lines: list[Line]) -> list[tuple[int, list[str], str, list[str]]]:
    """Each concordance line as a reader sees it, in counted words: its paragraph, the words of its left context,
    its keyword (lower-cased, as written) and the words of its right context. A context shows the text as written
    (a slip such as "tbe" included); its words are the running words (readings applied) whose written places lie
    inside it, so how far it reaches (clipped at about :data:`~studyguide.analysis.concordance.WIDTH` characters)
    is the line's, and which words it holds the text's."""
    shown = []
    for line in lines:
        places = [(t.word, line.reading.written_position(t.start), line.reading.written_position(t.end, end=True))
                  for t in tokens if t.paragraph == line.paragraph]
        shown.append((line.paragraph, [w for w, a, b in places if a >= line.left_start and b <= line.start],
                      line.keyword.lower(), [w for w, a, b in places if a >= line.end and b <= line.right_end]))
    return shown


def theme_figures(text: Text, lexicon: Lexicon) -> dict:
    """The themes page's figures for ``text``: each paragraph's tracker cells ("count (per 100 words)" or a dash,
    one per theme), its mean VADER compound score (signed, two decimals) and its we / you / they counts."""
    return {
        "tracker": {s.paragraph: tuple(score_cell(s, t.id) for t in lexicon) for s in score_paragraphs(text, lexicon)},
        "vader": {s.stretch.start: signed(s.mean) for s in stretch_scores(text) if len(s.stretch) == 1},
        "address": {a.paragraph: (a.we, a.you, a.they) for a in paragraph_address(text)},
    }


def timeline_figures(timeline: Timeline, marks: tuple[TextMark, ...]) -> dict:
    """The timeline page's span: the first and last day its whole-timeline chart covers (its title prints the
    years, its description the months)."""
    return {"span": chart_span(timeline, marks)}
