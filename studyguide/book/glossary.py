"""The glossary in the book: the ``{study-glossary}`` directive and the terms marked in the texts.

- ``{study-glossary}``: the whole glossary (:mod:`studyguide.knowledge.glossary`)
  as a real Sphinx glossary, so that ``{term}`` roles anywhere in the book link
  to it and hover previews show the definition;
- :func:`mark`, used by the text chapter: the first occurrence of each term in
  a paragraph becomes a term reference. The words themselves are unchanged:
  only a link is added around them.
"""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.domains.std import make_glossary_term
from sphinx.util.docutils import SphinxDirective

from ..knowledge.glossary import GLOSSARY_FILE, Glossary, Term
from .data import project
from .mentions import link_first

MARK_CLASS = "glossary-mark"


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
    return link_first(text, glossary.find(text), lambda term: term.key, term_reference, seen)


class GlossaryDirective(SphinxDirective):
    """``{study-glossary}``: every entry of ``data/glossary.toml`` as a Sphinx glossary."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        glossary = project(self.env).glossary
        if glossary is None:
            raise self.error(f"no glossary: {GLOSSARY_FILE} is missing")
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
