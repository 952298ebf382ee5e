"""Markdown sentences computed at build time, with every inserted value escaped.

Notebooks write findings as sentences (``prose("In “{title}” ...", title=...)``).
Values from seeds and sidecars may contain markup (``<img onerror=...>``,
``**``, ``[link](javascript:...)``): each value is HTML-escaped and its Markdown
punctuation backslash-escaped before it is put in the template, so it shows as
the characters it is and never becomes markup. The template itself is ours.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#+\-.!|~:$])")


def escape_markdown(value: object) -> str:
    """``value`` as Markdown that renders as its own characters."""
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", escape(str(value), quote=False))


@dataclass(frozen=True)
class Prose:
    markdown: str

    def _repr_markdown_(self) -> str:
        return self.markdown

    def __str__(self) -> str:
        return self.markdown


def prose(template: str, **values: object) -> Prose:
    """Fill ``template`` (``str.format`` fields) with escaped ``values``; display as Markdown."""
    return Prose(template.format(**{name: escape_markdown(value) for name, value in values.items()}))
