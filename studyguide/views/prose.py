"""Markdown sentences computed at build time, with every inserted value escaped.

Notebooks write findings as sentences (``prose("In “{title}” ...", title=...)``).
Values from seeds and sidecars may contain markup (``<img onerror=...>``,
``**``, ``[link](javascript:...)``, ``$x$``): each value is HTML-escaped and its
Markdown punctuation backslash-escaped before it is put in the template, so it
shows as the characters it is and never becomes markup. The template itself is ours.
"""

from __future__ import annotations

import re
from html import escape

from IPython.display import Markdown

from ..texts.language import isolated

_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#+\-.!|~:$])")


def escape_markdown(value: object) -> str:
    """``value`` as Markdown that renders as its own characters (a right-to-left value isolated in the sentence)."""
    return isolated(_MARKDOWN_PUNCTUATION.sub(r"\\\1", escape(str(value), quote=False)))


def prose(template: str, **values: object) -> Markdown:
    """Fill ``template`` (``str.format`` fields) with escaped ``values``; display as Markdown."""
    return Markdown(template.format(**{name: escape_markdown(value) for name, value in values.items()}))
