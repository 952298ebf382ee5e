"""The text chapter: a seed text rendered as docutils nodes at build time.

The ``{seed-text}`` directive takes a text id and produces the chapter's
title, a provenance box, the numbered and linkable body paragraphs (``#p1``
...) with editorial-note markers, and the list of editorial notes. Every
string from the seed or sidecar goes into text nodes, so HTML in a seed is
shown as text, never executed.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from . import glossary
from .text import Paragraph, Text
from .theme_explorer import paragraph_symbols

PRECISION_WORDS = {
    "day": "",
    "month": " (month known, day not known)",
    "year": " (year known, month not known)",
    "approximate": " (approximate)",
    "unknown": " (exact date not known)",
}


def link(url: str, label: str | None = None) -> nodes.reference:
    return nodes.reference("", label or url, refuri=url)


def paragraph_nodes(text: Text, paragraph: Paragraph) -> nodes.Element:
    """One numbered paragraph; notes mark their span and link to the note list."""
    body = nodes.paragraph(classes=["seed-paragraph-text"])
    number = nodes.reference("", str(paragraph.number), refid=paragraph.anchor, classes=["paragraph-number"])
    number["reftitle"] = f"Link to paragraph {paragraph.number}"
    body += number
    symbols = paragraph_symbols(text, paragraph)  # theme symbols (themes issue), linked to the themes page
    if symbols is not None:
        body += symbols
    body += nodes.Text(" ")
    rest = paragraph.text
    terms, marked = glossary.glossary_for(text.path.parents[1]), set()  # glossary terms: linked, not altered
    for note in sorted(text.notes_in(paragraph.number), key=lambda n: paragraph.text.index(n.original)):
        before, _, rest = rest.partition(note.original)
        body += glossary.mark(terms, before, marked)
        body += nodes.inline(note.original, note.original, classes=["sic"])
        marker = nodes.reference("", f"[note {note.number}]", refid=f"note-{note.number}", classes=["note-marker"])
        marker["reftitle"] = f"Editorial note {note.number}"
        body += nodes.superscript("", "", marker)
    body += glossary.mark(terms, rest, marked)
    box = nodes.container(classes=["seed-paragraph"], ids=[paragraph.anchor])
    if paragraph.quotation:
        quote = nodes.block_quote(classes=["seed-quotation"])
        quote += body
        quote += nodes.attribution("", "Quoted in the original; see the note on quotations above.")
        box += quote
    else:
        box += body
    return box


def provenance_nodes(text: Text) -> nodes.Element:
    """A field list: author, where and when published, what it answers, sources."""
    meta = text.meta
    fields = nodes.field_list(classes=["provenance"])

    def add(name: str, *content: nodes.Node) -> None:
        body = nodes.paragraph()
        for part in content:
            body += part
        fields.append(nodes.field("", nodes.field_name("", name), nodes.field_body("", body)))

    add("Author", nodes.Text(meta.author + (f". {meta.author_note}" if meta.author_note else "")))
    add("Published in", nodes.Text(meta.published_in))
    date = "not known" if meta.date == "unknown" else meta.date + PRECISION_WORDS[meta.date_precision]
    add("Date", nodes.Text(date + (f". {meta.date_note}" if meta.date_note else "")))
    if meta.responds_to:
        answer = meta.responds_to
        parts: list[nodes.Node] = []
        title = answer.get("title", "another text")
        parts.append(link(answer["url"], f"“{title}”") if answer.get("url") else nodes.Text(f"“{title}”"))
        detail = ", ".join(v for v in (answer.get("author"), answer.get("date")) if v)
        if detail:
            parts.append(nodes.Text(f" ({detail})"))
        if answer.get("note"):
            parts.append(nodes.Text(f". {answer['note']}"))
        add("Responds to", *parts)
    if meta.quotation_note:
        numbers = ", ".join(str(n) for n in meta.quotations)
        add("Quotations", nodes.Text(f"Paragraph {numbers}: {meta.quotation_note}"))
    add("Language", nodes.Text(meta.language))
    sources: list[nodes.Node] = []
    for index, url in enumerate(meta.source_urls):
        if index:
            sources.append(nodes.Text("; "))
        sources.append(link(url))
    add("Source", *(sources or [nodes.Text("not recorded")]))
    return fields


def notes_nodes(text: Text) -> list[nodes.Node]:
    """The editorial notes, each with a link back to its paragraph."""
    if not text.meta.notes:
        return []
    heading = nodes.rubric("", "Editorial notes", classes=["editorial-notes-heading"])
    intro = nodes.paragraph(
        "",
        "The text above is reproduced exactly as posted. Apparent slips are marked "
        "and explained here; they are not corrected in the text.",
    )
    items = nodes.enumerated_list(classes=["editorial-notes"])
    for note in text.meta.notes:
        item = nodes.list_item(ids=[f"note-{note.number}"])
        body = nodes.paragraph()
        body += nodes.reference("", f"Paragraph {note.paragraph}", refid=f"p{note.paragraph}")
        body += nodes.Text(": “")
        body += nodes.inline(note.original, note.original, classes=["sic"])
        body += nodes.Text("”. " + note.note)
        if note.reading:
            body += nodes.Text(f" Suggested reading: “{note.reading}”.")
        item += body
        items += item
    return [heading, intro, items]


class SeedTextDirective(SphinxDirective):
    """``{seed-text} ID``: render the seed text with that sidecar id."""

    required_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        corpus = self.env.app.studyguide_corpus
        try:
            text = corpus[self.arguments[0]]
        except KeyError as exc:
            raise self.error(str(exc.args[0])) from None
        self.env.note_dependency(str(text.path))
        self.env.note_dependency(str(text.meta.path))
        self.env.note_dependency(str(text.path.resolve().parent.parent / "data" / "themes.toml"))
        section = nodes.section(ids=[f"text-{text.id}"], classes=["seed-text"])
        section += nodes.title(text.title, text.title)
        section += provenance_nodes(text)
        for paragraph in text.paragraphs:
            section += paragraph_nodes(text, paragraph)
        section.extend(notes_nodes(text))
        return [section]
