"""The paragraph browser: step through a text's paragraphs with their counts, no kernel needed."""

from __future__ import annotations

from html import escape

import ipywidgets as widgets

from ..analysis.tokens import sentences, words
from ..texts.pages import chapter_url
from ..texts.text import Text
from .widgets import spread, switcher
from .written import paragraph_attributes


def paragraph_view(text: Text, number: int, page: str = "notebooks/") -> str:
    """HTML for one paragraph: its words, its counts and a link to it in the chapter."""
    paragraph = text.paragraph(number)
    kind = "a quotation from another text" if paragraph.quotation else "the author's own words"
    return (
        f'<div class="paragraph-view" lang="{escape(text.meta.language)}">'
        f"<p><strong>Paragraph {number}</strong> ({kind}): "
        f"{len(sentences(paragraph.text))} sentences, {len(words(paragraph.text))} words. "
        f'<a href="{escape(chapter_url(text.id, number, page))}">Read it in the text chapter</a>.</p>'
        f"<blockquote><p{paragraph_attributes(text)}>{escape(paragraph.text)}</p></blockquote></div>"
    )


def paragraph_browser(text: Text, page: str = "notebooks/") -> widgets.VBox:
    """Step through the paragraphs of ``text`` with their counts (at most MAX_VIEWS of them, evenly spread)."""
    views = [(f"Paragraph {p.number}", paragraph_view(text, p.number, page)) for p in spread(text.paragraphs)]
    return switcher("Paragraph:", views)
