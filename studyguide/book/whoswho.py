"""The who's who page and the links to it from wherever a person or organisation is named.

- ``{whos-who}`` renders ``data/people.toml`` (loaded and checked with the rest of the
  project, :mod:`studyguide.knowledge.project`; schema in :mod:`studyguide.knowledge.people`):
  people, then organisations, one sourced line each (with the source's words in a fold
  when ``data/evidence/people.toml`` quotes them), then every publisher and
  medium the guide cites, from ``data/sources.toml`` (its name, kind and what the
  guide uses it for, linked to its site).
- ``{role-of}`ID``` writes a person's role from the entry's line (the lint of
  :mod:`studyguide.knowledge.chapter_lint` refuses it typed by hand).
- :class:`WhoLinks` (a post-transform, HTML only) links the first mention of each
  name on every other page, the text chapters included, to its entry; the link's
  title is the entry's line. Names inside links, code, headings and captions are
  left alone.
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxDirective, SphinxRole

from ..knowledge.chapter_lint import entry_role
from ..knowledge.people import PEOPLE_FILE, People
from ..knowledge.sources import short_name, source_names
from ..knowledge.wordings import Wordings
from .data import project
from .evidence import fold
from .mentions import link_first

PAGE = "chapters/guide/whos-who"
SKIP = (nodes.reference, nodes.literal, nodes.literal_block, nodes.title, nodes.raw, nodes.FixedTextElement,
        nodes.caption, nodes.field_name, nodes.rubric, nodes.citation, nodes.label, addnodes.pending_xref,
        nodes.target, nodes.term, nodes.comment)
KIND_LABELS = {"primary": "primary source", "ngo": "human-rights, press-freedom or labour organisation",
               "news": "news medium", "partisan": "political group or campaign (cited for its own claims)",
               "scholarly": "research institute or reference work", "reference": "reference (supports no claim)"}


def people_of(env) -> People | None:
    """The build's who's who, loaded with the project (None when the project has no people file)."""
    return project(env).people


def publisher_id(domain: str) -> str:
    return "who-source-" + re.sub(r"[^a-z0-9]+", "-", domain.lower()).strip("-")


def targets(env) -> dict[str, tuple[str, str]]:
    """Wording -> (anchor, line) for every linkable name: entries, then publishers not already an entry."""
    found: dict[str, tuple[str, str]] = {}
    for entry in people_of(env) or ():
        for wording in entry.wordings:
            found[wording] = (f"who-{entry.id}", entry.line)
    sources = project(env).sources
    for publisher in sources.publishers if sources else ():
        name = short_name(publisher.name)
        if publisher.kind != "reference" and name not in found and len(name) > 2:
            found[name] = (publisher_id(publisher.domain), publisher.note)
    return found


def sort_key(entry) -> str:
    """People by surname (the last word of the name), organisations by name."""
    return (entry.name.split()[-1] if entry.kind == "person" else entry.name).lower()


def also(entry) -> str:
    other = [n for n in entry.names if n not in entry.name]
    return f" Also written: {', '.join(other)}." if other else ""


def _item(anchor: str, name: str, line: str, links: str, words: str = "") -> str:
    return (f'<div class="whos-who-entry" id="{anchor}"><dt>{escape(name)}</dt>'
            f"<dd>{escape(line)} <span class=\"whos-who-sources\">Source: {links}</span>{words}</dd></div>")


def _links(urls, sources=None) -> str:
    return ", ".join(f'<a class="reference external" href="{escape(u)}" rel="noopener">{escape(n)}</a>'
                     for u, n in zip(urls, source_names(urls, sources)))


class WhosWhoDirective(SphinxDirective):
    """``{whos-who}``: the people, organisations and publishers, each with one sourced line."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        people = people_of(self.env)
        if people is None:
            raise self.error(f"no who's who: {PEOPLE_FILE} is missing")
        self.env.note_dependency(str(Path(self.env.srcdir) / PEOPLE_FILE))
        parts = []
        for kind, heading in (("person", "People"), ("organisation", "Companies, state bodies and political groups")):
            items = "".join(_item(f"who-{e.id}", e.name, e.line + also(e), _links(e.sources, project(self.env).sources),
                                  fold(self.env, "entry", e.id, e.name))
                            for e in sorted(people, key=sort_key) if e.kind == kind)
            parts.append(f'<h2 id="who-{kind}s">{heading}</h2><dl class="whos-who">{items}</dl>')
        sources = project(self.env).sources
        if sources:
            named = {w for e in people for w in e.wordings}
            items = "".join(
                _item(publisher_id(p.domain), p.name, f"{KIND_LABELS.get(p.kind, p.kind).capitalize()}. {p.note}",
                      _links([f"https://{p.domain}"]))
                for p in sorted(sources.publishers, key=lambda p: p.name.lower()) if short_name(p.name) not in named)
            parts.append('<h2 id="who-publishers">News media, organisations and publishers the guide cites</h2>'
                         f'<dl class="whos-who">{items}</dl>')
        return [nodes.raw("", "".join(parts), format="html")]


class RoleOfRole(SphinxRole):
    """``{role-of}`ID```: a person's role as the who's who states it, so a chapter never retypes it."""

    def run(self):
        people = people_of(self.env)
        try:
            role = entry_role(people[self.text.strip()], people) if people else ""
        except KeyError as exc:
            role, problem = "", str(exc.args[0])
        else:
            problem = f"the who's who line of '{self.text}' opens with no role"
        if not role:
            message = self.inliner.reporter.error(f"role-of: {problem}", line=self.lineno)
            return [self.inliner.problematic(self.rawtext, self.rawtext, message)], [message]
        return [nodes.inline(self.rawtext, role, classes=["role-of"])], []


class WhoLinks(SphinxPostTransform):
    """Link the first mention of each name on a page to its who's who entry."""

    default_priority = 800
    formats = ("html",)

    def run(self, **kwargs) -> None:
        docname = self.env.docname
        if docname == PAGE or PAGE not in self.env.found_docs:
            return
        found = targets(self.env)
        if not found:
            return
        names = Wordings(found)
        base = self.app.builder.get_relative_uri(docname, PAGE)

        def link(target: tuple[str, str], wording: str) -> nodes.reference:
            anchor, line = target
            reference = nodes.reference(wording, wording, refuri=f"{base}#{anchor}", classes=["whos-who-link"])
            reference["reftitle"] = line
            return reference

        linked: set[str] = set()
        for text in list(self.document.findall(nodes.Text)):
            if any(isinstance(parent, SKIP) for parent in _ancestors(text)):
                continue
            pieces = link_first(str(text), names.find(str(text)), lambda target: target[0], link, linked)
            if any(isinstance(piece, nodes.reference) for piece in pieces):
                text.parent.replace(text, pieces)


def _ancestors(node: nodes.Node):
    parent = node.parent
    while parent is not None:
        yield parent
        parent = parent.parent


def setup(app: Sphinx) -> None:
    app.add_directive("whos-who", WhosWhoDirective)
    app.add_role("role-of", RoleOfRole())
    app.add_post_transform(WhoLinks)
