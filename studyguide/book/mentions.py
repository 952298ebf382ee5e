"""Linking the first mention: a string cut into text and link nodes around wordings found in it.

Glossary terms in the text chapters (:mod:`.glossary`) and names of people and
publishers on every page (:mod:`.whoswho`) are linked this way: each at its first
mention only, the words themselves unchanged.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from docutils import nodes


def link_first(text: str, found, key: Callable[[object], Hashable], link: Callable[[object, str], nodes.Node],
               seen: set) -> list[nodes.Node]:
    """``text`` as nodes, each ``(start, end, owner)`` of ``found`` whose ``key`` is not yet in
    ``seen`` replaced by ``link(owner, wording)``; ``seen`` collects the keys linked."""
    result: list[nodes.Node] = []
    position = 0
    for start, end, owner in found:
        if key(owner) in seen:
            continue
        seen.add(key(owner))
        if start > position:
            result.append(nodes.Text(text[position:start]))
        result.append(link(owner, text[start:end]))
        position = end
    if position < len(text):
        result.append(nodes.Text(text[position:]))
    return result
