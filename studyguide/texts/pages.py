"""Where a text is in the book: its chapter page and its paragraphs' anchors.

The one place that builds these addresses, for the chapter directive, the guide's
roles, the notebooks' explorers and the handout alike.
"""

from __future__ import annotations

import posixpath

CHAPTER_FOLDER = "chapters/texts"


def paragraph_anchor(number: int) -> str:
    """The fragment id of paragraph ``number`` in its chapter (``p3``)."""
    return f"p{number}"


def chapter_page(text_id: str) -> str:
    """The chapter's page name in the book (Sphinx's docname), without suffix."""
    return f"{CHAPTER_FOLDER}/{text_id}"


def page_url(page: str, start: str = "", anchor: str = "") -> str:
    """The relative URL of book page ``page`` (a docname) as seen from page ``start``."""
    url = posixpath.relpath(page, posixpath.dirname(start) or ".") + ".html"
    return f"{url}#{anchor}" if anchor else url


def chapter_url(text_id: str, paragraph: int | None = None, start: str = "notebooks/") -> str:
    """The URL of a text's chapter, or of one of its paragraphs, seen from page ``start``.

    ``start`` is the page showing the link (a docname such as ``chapters/guide/commentary``);
    the default is any notebook page.
    """
    return page_url(chapter_page(text_id), start, paragraph_anchor(paragraph) if paragraph else "")
