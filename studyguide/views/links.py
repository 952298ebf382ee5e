"""Links in outputs to the book's pages: relative in the built book, absolute in a live kernel.

The built book must work from ``file://``, so its links are relative
(:func:`studyguide.texts.pages.page_url`). In a live kernel (JupyterLab, Notebook 7, Colab)
a relative ``.html`` address is a 404, so outputs link to the published book
(:func:`studyguide.knowledge.publication.live_book_url`) in a new tab (a click inside a
widget would otherwise replace the notebook). With no published book known, the words stay
plain text: no dead link.
"""

from __future__ import annotations

import os
from html import escape

from ..knowledge.publication import BOOK_BUILD_ENV, live_book_url
from ..texts.pages import chapter_page, page_url, paragraph_anchor


def book_href(page: str, anchor: str = "", start: str = "notebooks/") -> str | None:
    """The address of book page ``page`` (a docname) seen from ``start``: relative outside a live
    kernel (the book's build, scripts), the published page's in one, None there when none is known."""
    if os.environ.get(BOOK_BUILD_ENV) or not _live():
        return page_url(page, start, anchor)
    base = live_book_url()
    return f"{base}{page}.html" + (f"#{anchor}" if anchor else "") if base else None


def _live() -> bool:
    """True inside a Jupyter kernel (IPython with a kernel), where relative ``.html`` links are dead."""
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    return shell is not None and getattr(shell, "kernel", None) is not None


def book_link(page: str, label_html: str, anchor: str = "", start: str = "notebooks/", title: str = "") -> str:
    """An ``<a>`` to a book page (``label_html`` already escaped), or the bare label where no address works."""
    href = book_href(page, anchor, start)
    if href is None:
        return label_html
    new_tab = ' target="_blank" rel="noopener"' if href.startswith("https://") else ""
    titled = f' title="{escape(title)}"' if title else ""
    return f'<a href="{escape(href)}"{titled}{new_tab}>{label_html}</a>'


def chapter_link(text_id: str, paragraph: int | None, label_html: str, start: str = "notebooks/", title: str = "") -> str:
    """A link to a text's chapter, or to one of its paragraphs (:func:`book_link`)."""
    return book_link(chapter_page(text_id), label_html, paragraph_anchor(paragraph) if paragraph else "", start, title)
