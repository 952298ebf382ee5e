"""Listed wordings (glossary terms, names of people and publishers) found in a text.

Each wording stands for something (a glossary term, a who's who entry). A wording is
found as a whole word, never starting or ending inside one ("Sting" is not in
"Stingray", "free" not in "free-market"); the longest wins where two overlap ("free
trade union" before "trade union"); a space in a wording matches any run of white
space, so a name broken over two lines of a chapter's source is still found.
"""

from __future__ import annotations

import re
from typing import Generic, TypeVar

T = TypeVar("T")


class Wordings(Generic[T]):
    """Wordings and what each stands for; :meth:`find` locates them in a string."""

    def __init__(self, owners: dict[str, T], ignore_case: bool = False) -> None:
        self._flags = re.IGNORECASE if ignore_case else 0
        self._owners = {self._key(wording): owner for wording, owner in owners.items()}
        ordered = sorted(self._owners, key=lambda w: (-len(w), w))
        alternatives = "|".join(r"\s+".join(re.escape(part) for part in w.split()) for w in ordered)
        self._pattern = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", self._flags) if ordered else None

    def _key(self, wording: str) -> str:
        spaced = " ".join(wording.split())
        return spaced.lower() if self._flags else spaced

    def find(self, text: str) -> list[tuple[int, int, T]]:
        """``(start, end, owner)`` for each wording in ``text``, left to right."""
        if self._pattern is None:
            return []
        return [(m.start(), m.end(), self._owners[self._key(m.group())]) for m in self._pattern.finditer(text)]
