"""The emotional arc's tables (:mod:`studyguide.analysis.sentiment`): scores signed, to two decimals."""

from __future__ import annotations

from ..analysis.sentiment import examples, polarity, stretch_scores
from ..texts.text import Text
from .numbers import signed, stretch_label

PARAGRAPH_HEADERS = ("Paragraph", "Sentences", "Mean", "Lowest", "Highest", "Overall")


def paragraph_rows(text: Text) -> list[tuple]:
    """Per paragraph (per stretch of paragraphs in a long text): sentences, mean, lowest, highest and the mean's
    polarity; none for a text VADER does not read."""
    return [(stretch_label(s.stretch, s.quoted), s.sentences, signed(s.mean), signed(s.lowest), signed(s.highest),
             s.polarity) for s in stretch_scores(text)]


def example_rows(text: Text, fragments: list[tuple[str, str]]) -> list[tuple[str, str, str, str, str]]:
    """For each ``(label, fragment)``: the label, then the paragraph, sentence, score and polarity of its sentence."""
    return [(label, f"¶{s.paragraph}", s.sentence, signed(s.compound), polarity(s.compound))
            for label, s in examples(text, fragments)]
