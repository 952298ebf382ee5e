"""The address tables (:mod:`studyguide.analysis.address`): pronouns, questions and commands by paragraph."""

from __future__ import annotations

from ..analysis.address import author_totals as totals
from ..analysis.address import paragraph_address, stretch_address
from ..analysis.languages import language_notice
from ..texts.text import Text
from .numbers import NONE, stretch_label

HEADERS = ("Paragraph", "Voice", "we / us / our", "you / your", "they / them / their", "Questions", "Exclamations", "Imperatives")
VOICE_HEADERS = ("Paragraph", "Marked as a quotation by the editors", "Inside quotation marks in the text")


def address_rows(text: Text) -> list[tuple]:
    """Per paragraph (per stretch of paragraphs in a long text): voice and counts."""
    return [(s.paragraphs.start if len(s.paragraphs) == 1 else stretch_label(s.paragraphs), s.voice, *s.counts)
            for s in stretch_address(paragraph_address(text))]


def author_totals(text: Text) -> tuple:
    """The totals row: the author's own paragraphs only; for a text not in English, a row saying why not."""
    found = totals(text)
    if found is None:
        return ("Not computed", language_notice(text, "address"), *(NONE for _ in HEADERS[2:]))
    left_out = ", ¶".join(map(str, found.left_out))
    who = "Author's own voice" + (f" (without ¶{left_out})" if left_out else "")
    return (who, f"{found.paragraphs} paragraphs", *found.counts)
