"""The overview's tables: the size of each text, and of each paragraph (:mod:`studyguide.analysis.overview`)."""

from __future__ import annotations

from ..analysis.overview import Overview, paragraph_counts
from ..texts.text import Text
from .numbers import stretch_label
from .tables import table

SIZE_HEADERS = ("Text", "Paragraphs", "Sentences", "Words (tokens), as written", "Distinct words (types), as written")
PARAGRAPH_HEADERS = ("Paragraph", "Sentences", "Words, as written", "Quotation?")


def size_rows(overviews: list[Overview]) -> list[tuple]:
    return [(o.label, o.paragraphs, o.sentences, o.tokens, o.types) for o in overviews]


def paragraph_rows(text: Text) -> list[tuple[int | str, int, int, str]]:
    """Per paragraph (per stretch of paragraphs in a long text): number, sentences, words, and whether it quotes
    another text."""
    rows = []
    for c in paragraph_counts(text):
        if len(c.stretch) == 1:
            rows.append((c.stretch.start, c.sentences, c.words, "yes" if c.quoted else "no"))
        else:
            rows.append((stretch_label(c.stretch), c.sentences, c.words,
                         f"{len(c.quoted)} of {len(c.stretch)}" if c.quoted else "no"))
    return rows


def paragraphs_table(text: Text):
    """The size of each paragraph of ``text`` (the overview's per-text section, :mod:`.picker`)."""
    return table(f"Paragraphs of “{text.title}”", PARAGRAPH_HEADERS, paragraph_rows(text),
                 empty=f"“{text.title}” has no body paragraphs.")
