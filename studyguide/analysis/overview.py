"""Size figures per text, counted on the text as written: the first thing the overview notebook shows.

The words page counts the editors' readings instead (:mod:`.frequency`); each table says which in its headers.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..texts.corpus import Corpus
from ..texts.text import Text
from .stretches import stretch_label, stretches
from .tokens import sentences, words


@dataclass(frozen=True)
class Overview:
    """Paragraph, sentence, word (token) and distinct-word (type) counts."""

    label: str
    paragraphs: int
    sentences: int
    tokens: int
    types: int

    ROW_HEADERS = ("Text", "Paragraphs", "Sentences", "Words (tokens), as written", "Distinct words (types), as written")

    def row(self) -> tuple:
        return (self.label, self.paragraphs, self.sentences, self.tokens, self.types)


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


PARAGRAPH_HEADERS = ("Paragraph", "Sentences", "Words, as written", "Quotation?")


def paragraph_rows(text: Text) -> list[tuple[int | str, int, int, str]]:
    """Per paragraph (per stretch of paragraphs in a long text, :mod:`.stretches`): number, sentences, words,
    and whether it quotes another text."""
    counts = [(len(sentences(p.text)), len(words(p.text))) for p in text.paragraphs]
    rows = []
    for stretch in stretches(len(text.paragraphs)):
        quoted = [n for n in stretch if text.paragraph(n).quotation]
        if len(stretch) == 1:
            rows.append((stretch.start, *counts[stretch.start - 1], "yes" if quoted else "no"))
        else:
            rows.append((stretch_label(stretch), sum(counts[n - 1][0] for n in stretch), sum(counts[n - 1][1] for n in stretch),
                         f"{len(quoted)} of {len(stretch)}" if quoted else "no"))
    return rows
