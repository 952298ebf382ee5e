"""Size figures per text, counted on the text as written: the first thing the overview notebook shows.

The words page counts the editors' readings instead (:mod:`.frequency`). The tables are
:mod:`studyguide.views.size_tables`.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..texts.corpus import Corpus
from ..texts.text import Text
from .stretches import quoted_in, stretches
from .tokens import sentences, words


@dataclass(frozen=True)
class Overview:
    """Paragraph, sentence, word (token) and distinct-word (type) counts."""

    label: str
    paragraphs: int
    sentences: int
    tokens: int
    types: int


def text_overview(text: Text) -> Overview:
    tokens = [w for p in text.paragraphs for w in words(p.text)]
    return Overview(
        label=text.title,
        paragraphs=len(text.paragraphs),
        sentences=sum(len(sentences(p.text)) for p in text.paragraphs),
        tokens=len(tokens),
        types=len(set(tokens)),
    )


def corpus_overview(corpus: Corpus) -> list[Overview]:
    """One overview per text, then the whole corpus when it holds more than one text."""
    rows = [text_overview(text) for text in corpus]
    if len(rows) > 1:
        vocabulary = {w for text in corpus for p in text.paragraphs for w in words(p.text)}
        rows.append(
            Overview(
                label="All texts",
                paragraphs=sum(r.paragraphs for r in rows),
                sentences=sum(r.sentences for r in rows),
                tokens=sum(r.tokens for r in rows),
                types=len(vocabulary),
            )
        )
    return rows


@dataclass(frozen=True)
class StretchCounts:
    """Sentences and words (as written) of a paragraph, or of a stretch of paragraphs, and which of them are quoted."""

    stretch: range
    sentences: int
    words: int
    quoted: tuple[int, ...]


def paragraph_counts(text: Text) -> list[StretchCounts]:
    """Per paragraph (per stretch of paragraphs in a long text, :mod:`.stretches`): its sentences and words."""
    counts = [(len(sentences(p.text)), len(words(p.text))) for p in text.paragraphs]
    quoted = [p.number for p in text.paragraphs if p.quotation]
    return [StretchCounts(stretch, sum(counts[n - 1][0] for n in stretch), sum(counts[n - 1][1] for n in stretch),
                          quoted_in(stretch, quoted)) for stretch in stretches(len(text.paragraphs))]
