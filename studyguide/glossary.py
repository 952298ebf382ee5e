"""The glossary: the texts' political vocabulary and allusions, explained in our own words.

``data/glossary.toml`` holds one ``[[term]]`` entry per headword (schema:
:data:`FIELDS`). This module loads and checks it (a bad entry stops the build
with a one-line error naming the file and line), finds its terms in a text,
and, as a Sphinx extension, provides:

- ``{study-glossary}``: the whole glossary as a real Sphinx glossary, so that
  ``{term}`` roles anywhere in the book link to it and hover previews show the
  definition;
- :func:`mark`, used by the text chapter: the first occurrence of each term in
  a paragraph becomes a term reference. The words themselves are unchanged:
  only a link is added around them.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.domains.std import make_glossary_term
from sphinx.util.docutils import SphinxDirective

from .errors import InputError
from .tomlfile import read_toml
from .sidecar import URL_PATTERN, key_line, table_lines

RELATIVE_PATH = Path("data") / "glossary.toml"
FIELDS = {
    "term": (str, True, "The headword, as the glossary shows it."),
    "definition": (str, True, "What it means, in our own words (plain text)."),
    "forms": (list, False, "Other spellings and inflections to mark in the texts (matched ignoring case)."),
    "sources": (list, False, "http(s) URLs where the definition can be checked."),
    "see": (list, False, "Headwords of related entries."),
}
MARK_CLASS = "glossary-mark"


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
class Glossary:
    path: Path
    terms: tuple[Term, ...]

    def __iter__(self):
        return iter(self.terms)

    def __len__(self) -> int:
        return len(self.terms)

    def __getitem__(self, name: str) -> Term:
        for term in self.terms:
            if term.key == name.lower():
                return term
        raise KeyError(name)

    @property
    def pattern(self) -> re.Pattern | None:
        return _pattern(self.terms)

    def find(self, text: str) -> list[tuple[int, int, Term]]:
        """``(start, end, term)`` for each wording of a term in ``text``, left to right.

        The longest wording wins where two overlap ("free" Trades Union before
        trades union); a match never starts or ends inside a word.
        """
        if self.pattern is None:
            return []
        owner = {m.lower(): t for t in self.terms for m in t.matches}
        return [(m.start(), m.end(), owner[m.group().lower()]) for m in self.pattern.finditer(text)]


@lru_cache(maxsize=32)
def _pattern(terms: tuple[Term, ...]) -> re.Pattern | None:
    wordings = sorted({m.lower() for t in terms for m in t.matches}, key=lambda w: (-len(w), w))
    if not wordings:
        return None
    alternatives = "|".join(r"\s+".join(re.escape(part) for part in w.split()) for w in wordings)
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)


def glossary_path(root: Path) -> Path:
    return Path(root) / RELATIVE_PATH


def load_glossary(path: Path) -> Glossary:
    """Parse and check ``data/glossary.toml``; raise :class:`InputError` on any problem."""
    path = Path(path)
    if not path.is_file():
        raise InputError(path, "missing glossary file")
    source, data = read_toml(path)
    for key in data:
        if key != "term":
            raise InputError(path, f"unknown table '{key}' (entries are [[term]])", key_line(source, key))
    entries = data.get("term", [])
    if not isinstance(entries, list) or not entries:
        raise InputError(path, "no [[term]] entries")
    starts = table_lines(source, "term")
    terms: list[Term] = []
    seen: dict[str, int | None] = {}
    for index, entry in enumerate(entries):
        line = starts[index] if index < len(starts) else None
        terms.append(_entry(path, source, entry, index + 1, line))
        for wording in terms[-1].matches:
            if wording.lower() in seen:
                raise InputError(path, f"'{wording}' is listed twice (also at line {seen[wording.lower()]})", line)
            seen[wording.lower()] = line
    headwords = {t.key for t in terms}
    for term in terms:
        for other in term.see:
            if other.lower() not in headwords:
                raise InputError(path, f"'{term.term}': see '{other}' is not a headword", key_line(source, "see", term.line or 1))
    return Glossary(path=path, terms=tuple(sorted(terms, key=lambda t: t.key)))


def _entry(path: Path, source: str, entry: dict, number: int, line: int | None) -> Term:
    where = f"term entry {number}"
    for key in entry:
        if key not in FIELDS:
            raise InputError(path, f"{where}: unknown field '{key}' (known: {', '.join(FIELDS)})", key_line(source, key, line or 1))
    for key, (kind, required, _) in FIELDS.items():
        if key not in entry:
            if required:
                raise InputError(path, f"{where} lacks '{key}'", line)
            continue
        value = entry[key]
        field_line = key_line(source, key, line or 1)
        if not isinstance(value, kind):
            raise InputError(path, f"{where}: '{key}' must be {'a string' if kind is str else 'an array of strings'}", field_line)
        if kind is list and not all(isinstance(v, str) and v.strip() for v in value):
            raise InputError(path, f"{where}: every item of '{key}' must be a non-empty string", field_line)
        if kind is str and not value.strip():
            raise InputError(path, f"{where}: '{key}' is empty", field_line)
    for url in entry.get("sources", []):
        if not URL_PATTERN.match(url):
            raise InputError(path, f"{where}: '{url}' is not an http(s) URL", key_line(source, "sources", line or 1))
    return Term(
        term=entry["term"].strip(),
        definition=" ".join(entry["definition"].split()),
        forms=tuple(f.strip() for f in entry.get("forms", [])),
        sources=tuple(entry.get("sources", [])),
        see=tuple(entry.get("see", [])),
        line=line,
    )


@lru_cache(maxsize=8)
def _cached(path: Path, digest: str) -> Glossary:
    return load_glossary(path)


def glossary_for(root: Path) -> Glossary | None:
    """The project's glossary (cached while the file is unchanged), or ``None`` if it has none."""
    path = glossary_path(root)
    if not path.is_file():
        return None
    return _cached(path, hashlib.sha256(path.read_bytes()).hexdigest())


def term_reference(term: Term, wording: str) -> addnodes.pending_xref:
    """A reference to ``term``'s glossary entry that shows ``wording`` unchanged."""
    ref = addnodes.pending_xref(
        "", refdomain="std", reftype="term", reftarget=term.key, refexplicit=True, refwarn=True
    )
    ref += nodes.inline(wording, wording, classes=["xref", "std", "std-term", MARK_CLASS])
    return ref


def mark(glossary: Glossary | None, text: str, seen: set[str]) -> list[nodes.Node]:
    """``text`` as nodes, with the first occurrence of each term not yet in ``seen`` referenced.

    ``seen`` collects the terms already marked (one link per term per paragraph).
    """
    if glossary is None:
        return [nodes.Text(text)] if text else []
    result: list[nodes.Node] = []
    position = 0
    for start, end, term in glossary.find(text):
        if term.key in seen:
            continue
        seen.add(term.key)
        if start > position:
            result.append(nodes.Text(text[position:start]))
        result.append(term_reference(term, text[start:end]))
        position = end
    if position < len(text):
        result.append(nodes.Text(text[position:]))
    return result


class GlossaryDirective(SphinxDirective):
    """``{study-glossary}``: every entry of ``data/glossary.toml`` as a Sphinx glossary."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        glossary = self.env.app.studyguide_glossary
        if glossary is None:
            raise self.error(f"no glossary: {RELATIVE_PATH} is missing")
        self.env.note_dependency(str(glossary.path))
        source, line = self.get_source_info()
        node = addnodes.glossary()
        node["sorted"] = True  # entries are already sorted by headword
        items = nodes.definition_list(classes=["glossary", "studyguide-glossary"])
        node += items
        for term in glossary:
            term_node = make_glossary_term(self.env, [nodes.Text(term.term)], None, source, line, None, self.state.document)
            definition = nodes.definition()
            definition += nodes.paragraph(term.definition, term.definition)
            extra = nodes.paragraph(classes=["glossary-details"])
            forms = [f for f in term.forms if f.lower() != term.key]
            if forms:
                extra += nodes.Text("Also as: " + ", ".join(f"“{f}”" for f in forms) + ". ")
            if term.see:
                extra += nodes.Text("See also: ")
                for index, other in enumerate(term.see):
                    if index:
                        extra += nodes.Text(", ")
                    extra += term_reference(glossary[other], glossary[other].term)
                extra += nodes.Text(". ")
            if term.sources:
                extra += nodes.Text("Source: " if len(term.sources) == 1 else "Sources: ")
                for index, url in enumerate(term.sources):
                    if index:
                        extra += nodes.Text("; ")
                    extra += nodes.reference("", url, refuri=url)
                extra += nodes.Text(".")
            if len(extra):
                definition += extra
            items += nodes.definition_list_item("", term_node, definition)
        return [node]


def unmarked_term(app: Sphinx, env, node: addnodes.pending_xref, contnode: nodes.Element):
    """A text's term mark whose glossary is not in the book stays plain text (no warning)."""
    if node.get("reftype") == "term" and MARK_CLASS in contnode.get("classes", []):
        return contnode
    return None


def configure(app: Sphinx, config) -> None:
    try:
        app.studyguide_glossary = glossary_for(Path(app.srcdir))
    except InputError as exc:
        from .extension import StudyGuideError

        raise StudyGuideError(str(exc)) from None
    # A changed glossary changes this value, so Sphinx re-reads every page (the
    # text chapters mark its terms).
    path = glossary_path(Path(app.srcdir))
    config.studyguide_glossary_digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""


def setup(app: Sphinx) -> dict:
    app.add_config_value("studyguide_glossary_digest", "", "env")
    app.connect("config-inited", configure, priority=450)
    app.connect("missing-reference", unmarked_term)
    app.add_directive("study-glossary", GlossaryDirective)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
