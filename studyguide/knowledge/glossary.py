"""The glossary (``data/glossary.toml``): the texts' political vocabulary and allusions.

One ``[[term]]`` entry per headword (schema: :data:`FIELDS`). This module loads
and checks the file (a bad entry stops the build with a one-line error naming
the file and line) and finds its terms in a text; showing them in the book is
:mod:`studyguide.book.glossary`'s business.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from ..base.collection import Keyed
from ..base.schema import URL, Field, TomlFile
from .wordings import Wordings

GLOSSARY_FILE = Path("data") / "glossary.toml"
FIELDS = {
    "term": Field(str, True, "The headword, as the glossary shows it."),
    "definition": Field(str, True, "What it means, in our own words (plain text)."),
    "forms": Field(list, False, "Other spellings and inflections to mark in the texts (matched ignoring case).", str),
    "sources": Field(list, False, "http(s) URLs where the definition can be checked.", str, form=URL),
    "see": Field(list, False, "Headwords of related entries.", str),
}


@dataclass(frozen=True)
class Term:
    """One glossary entry."""

    term: str
    definition: str
    forms: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    see: tuple[str, ...] = ()
    line: int | None = None

    @property
    def key(self) -> str:
        """The name Sphinx's term references resolve (Sphinx compares terms lower-cased)."""
        return self.term.lower()

    @property
    def matches(self) -> tuple[str, ...]:
        """Every wording that is marked in a text: the headword and its forms."""
        return (self.term, *self.forms)


@dataclass(frozen=True)
class Glossary(Keyed[Term], items="terms", kind="glossary term"):
    """The terms, sorted by headword; ``glossary[headword]`` finds one, ignoring case."""

    path: Path
    terms: tuple[Term, ...]

    @staticmethod
    def key_of(term: Term) -> str:
        return term.key

    def __getitem__(self, name: str) -> Term:
        return super().__getitem__(name.lower())

    @cached_property
    def wordings(self) -> Wordings[Term]:
        """Every wording of every term (headwords and forms), matched ignoring case."""
        return Wordings({m: t for t in self.terms for m in t.matches}, ignore_case=True)

    def find(self, text: str) -> list[tuple[int, int, Term]]:
        """``(start, end, term)`` for each wording of a term in ``text``, left to right
        (:class:`~studyguide.knowledge.wordings.Wordings`: whole words, the longest first)."""
        return self.wordings.find(text)


def load_glossary(path: Path | str) -> Glossary:
    """Parse and check ``data/glossary.toml``; raise :class:`InputError` on any problem."""
    toml = TomlFile.load(path, "missing glossary file", {"term": Field(list, False, "The entries.", dict)})
    terms: list[Term] = []
    seen: dict[str, int] = {}
    for number, entry, span in toml.entries("term"):
        toml.check(entry, FIELDS, span, f"term entry {number}: ")
        term = Term(
            term=entry["term"].strip(),
            definition=" ".join(entry["definition"].split()),
            forms=tuple(f.strip() for f in entry.get("forms", [])),
            sources=tuple(entry.get("sources", [])),
            see=tuple(entry.get("see", [])),
            line=span[0],
        )
        for wording in term.matches:
            if wording.lower() in seen:
                raise toml.error(f"'{wording}' is listed twice (also at line {seen[wording.lower()]})", span[0])
            seen[wording.lower()] = span[0]
        terms.append(term)
    if not terms:
        raise toml.error("no [[term]] entries")
    headwords = {t.key for t in terms}
    for term in terms:
        for other in term.see:
            if other.lower() not in headwords:
                raise toml.error(f"'{term.term}': see '{other}' is not a headword", toml.line("see", (term.line, len(toml.lines))))
    return Glossary(path=path, terms=tuple(sorted(terms, key=lambda t: t.key)))
