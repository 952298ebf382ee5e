"""Widgets that keep working in the published book, where no kernel runs.

Each explorer is a dropdown linked in the browser (``widgets.jslink``) to a
``Stack`` of views computed in advance, so choosing an option switches the
view client-side from the widget state saved in the page. The dropdown is a
native ``<select>``: it takes focus with Tab and changes with the arrow keys.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

import ipywidgets as widgets

from . import modelids
from .text import Text
from .tokens import sentences, words

modelids.install()  # the same widget model ids in every build (reproducible pages)


def switcher(label: str, views: Sequence[tuple[str, str]]) -> widgets.VBox:
    """A labelled dropdown showing one of ``views`` (``(option, html)`` pairs)."""
    if not views:
        raise ValueError("a switcher needs at least one view")
    dropdown = widgets.Dropdown(
        options=[(name, index) for index, (name, _) in enumerate(views)],
        value=0,
        description=label,
        style={"description_width": "initial"},
    )
    stack = widgets.Stack([widgets.HTML(html) for _, html in views], selected_index=0)
    stack.add_class("studyguide-views")
    widgets.jslink((dropdown, "index"), (stack, "selected_index"))
    box = widgets.VBox([dropdown, stack], layout=widgets.Layout(width="100%"))
    box.add_class("studyguide-switcher")
    return box


def paragraph_view(text: Text, number: int, chapter_url: str) -> str:
    """HTML for one paragraph: its words, its counts and a link to it in the chapter."""
    paragraph = text.paragraph(number)
    kind = "a quotation from another text" if paragraph.quotation else "the author's own words"
    return (
        f'<div class="paragraph-view" lang="{escape(text.meta.language)}">'
        f"<p><strong>Paragraph {number}</strong> ({kind}): "
        f"{len(sentences(paragraph.text))} sentences, {len(words(paragraph.text))} words. "
        f'<a href="{escape(chapter_url)}#{paragraph.anchor}">Read it in the text chapter</a>.</p>'
        f"<blockquote><p>{escape(paragraph.text)}</p></blockquote></div>"
    )


def paragraph_browser(text: Text, chapter_url: str) -> widgets.VBox:
    """Step through the paragraphs of ``text`` with their counts."""
    views = [(f"Paragraph {p.number}", paragraph_view(text, p.number, chapter_url)) for p in text.paragraphs]
    return switcher("Paragraph:", views)
