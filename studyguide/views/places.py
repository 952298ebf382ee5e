"""A place in a text, named in a notebook's output once the words that stand there are found.

In the book a chapter names a paragraph through ``{para}`N | words```, checked against the
seed; Jupyter shows such a role as raw text, so a notebook writes the place from a code cell
instead: :func:`paragraph_place` gives "paragraph N", linked to it in the text chapter, only
when ``words`` stand in that paragraph as written, and stops the notebook otherwise (the
second fact-check found a sentence placed in the wrong paragraph). The markdown cells'
lint (:mod:`studyguide.knowledge.chapter_lint`) refuses a place typed by hand.
"""

from __future__ import annotations

from ..knowledge.close_reading import CloseReading
from ..texts.corpus import Corpus
from ..texts.pages import chapter_page, paragraph_anchor
from ..texts.text import Text
from .links import book_href


def paragraph_place(text: Text, number: int, words: str, label: str = "paragraph", start: str = "notebooks/") -> str:
    """Markdown "paragraph N" (``label`` N), linked to the paragraph where a link works, if ``words`` stand in it."""
    if problem := text.citation_problem(number, words):
        raise ValueError(problem)
    href = book_href(chapter_page(text.id), paragraph_anchor(number), start)
    return f"[{label} {number}]({href})" if href else f"{label} {number}"


def close_reading(reading: CloseReading | None, corpus: Corpus, start: str = "notebooks/") -> str:
    """The close reading as a Markdown list, each paragraph named and linked through :func:`paragraph_place`."""
    if reading is None:
        return "This copy of the guide has no close reading (`data/close-reading.toml`)."
    try:
        text = corpus[reading.text]
    except KeyError:
        return f"The close reading is of the text `{reading.text}`, which is no longer in this copy of the guide."
    return "\n".join(f"- **{paragraph_place(text, entry.number, entry.words, 'Paragraph', start)}** {entry.note}"
                     for entry in reading.paragraphs)
