"""The text chapter: a seed text rendered as docutils nodes at build time.

The ``{seed-text}`` directive takes a text id and produces the chapter's
title, a provenance box, the numbered and linkable body paragraphs (``#p1``
...) with editorial-note markers, and the list of editorial notes. Every
string from the seed or sidecar goes into text nodes, so HTML in a seed is
shown as text, never executed. The chapter carries the text's language
(``lang="ru"``), so browsers, screen readers and search read it as such.

The chapters are listed in the order of the seeds' file names
(:class:`ChapterOrder`), whatever their ids, and the pages of removed texts are
taken out of the built book (:func:`prune_removed_chapters`).
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform
from sphinx.util.docutils import SphinxDirective

from ..analysis.themes import score_paragraph
from ..base.dates import parse_date
from ..knowledge.glossary import Glossary
from ..knowledge.lexicon import Lexicon
from ..texts.language import direction, language_name
from ..texts.pages import CHAPTER_FOLDER, chapter_page, page_url
from ..texts.text import Paragraph, Text
from .data import project
from .glossary import mark

THEMES_PAGE = "notebooks/themes"
HOW_TO_USE = "chapters/guide/how-to-use"


def link(url: str, label: str | None = None) -> nodes.reference:
    return nodes.reference("", label or url, refuri=url)


def theme_legend(lexicon: Lexicon, page: str, rtl: bool = False) -> nodes.Node:
    """What the theme symbols mean, before paragraph 1: every theme in the lexicon's order, which the symbols keep."""
    items = "".join(f'<li><a href="{page_url(THEMES_PAGE, page, t.anchor)}"><span aria-hidden="true" class="legend-symbol" '
                    f'style="color:{t.colour}">{escape(t.symbol)}</span> {escape(t.label)}</a></li>' for t in lexicon)
    guide = page_url(HOW_TO_USE, page, "theme-symbols")
    direction = ' dir="ltr" lang="en"' if rtl else ""
    return nodes.raw("", f'<aside class="theme-legend"{direction} aria-labelledby="theme-legend-title">'
                         f'<p id="theme-legend-title"><strong>Theme symbols.</strong> After a paragraph number, a symbol '
                         f"marks each theme with cue words in that paragraph, always in this order "
                         f'(<a href="{guide}">how to read them</a>):</p><ul>{items}</ul></aside>', format="html")


def theme_symbols(paragraph: Paragraph, text: Text, lexicon: Lexicon, page: str) -> nodes.Node | None:
    """The paragraph's theme symbols in the lexicon's (the legend's) order, each linked to its theme; None without one."""
    segment = score_paragraph(text, paragraph, lexicon)
    ranked = [t for t in lexicon if t in segment.ranked(lexicon)]
    if not ranked:
        return None
    links = "".join(
        f'<a class="theme-symbol" href="{page_url(THEMES_PAGE, page, t.anchor)}" title="Theme: {escape(t.label)} '
        f'({segment.count(t.id)} cue word{"s" if segment.count(t.id) != 1 else ""})">'
        f'<span aria-hidden="true" style="color:{t.colour}">{escape(t.symbol)}</span>'
        f'<span class="sg-sr-only">{escape(t.label)}</span></a>'
        for t in ranked)
    return nodes.raw("", f'<span class="theme-symbols" role="group" aria-label="Themes of paragraph {paragraph.number}">'
                         f"{links}</span>", format="html")


def marked_text(text: Text, number: int, written: str, glossary: Glossary | None, marked: set[str]) -> list[nodes.Node]:
    """``written`` (a paragraph, or a line of verse) with its notes' spans marked and its glossary terms linked."""
    out: list[nodes.Node] = []
    rest = written
    for note in sorted((n for n in text.notes_in(number) if n.original in written), key=lambda n: written.index(n.original)):
        before, _, rest = rest.partition(note.original)
        out += mark(glossary, before, marked)
        out.append(nodes.inline(note.original, note.original, classes=["sic"]))
        marker = nodes.reference("", f"[note {note.number}]", refid=f"note-{note.number}", classes=["note-marker"])
        marker["reftitle"] = f"Editorial note {note.number}"
        out.append(nodes.superscript("", "", marker))
    out += mark(glossary, rest, marked)
    return out


def verse_line(text: Text, paragraph: int, line: str, number: int, glossary: Glossary | None,
               marked: set[str]) -> nodes.Element:
    """One line of verse, on a line of its own, linkable as ``#l12``; every fifth line shows its number."""
    box = nodes.inline(classes=["verse-line"], ids=[line_anchor(number)])
    if number % 5 == 0:  # the others are linkable too (#l7), without a number in the way of the poem
        shown = nodes.reference("", str(number), refid=line_anchor(number), classes=["line-number"])
        shown["reftitle"] = f"Link to line {number}"
        box += shown
    box.extend(marked_text(text, paragraph, line, glossary, marked))
    return box


def line_anchor(number: int) -> str:
    """The fragment id of line ``number`` of a poem (``l12``), for citing a line."""
    return f"l{number}"


def paragraph_nodes(text: Text, paragraph: Paragraph, glossary: Glossary | None, lexicon: Lexicon | None,
                    page: str) -> nodes.Element:
    """One numbered paragraph (a stanza, line by line, for verse); notes mark their span and link to the note list."""
    body = nodes.paragraph(classes=["seed-paragraph-text"] + (["verse"] if text.verse else []))
    number = nodes.reference("", str(paragraph.number), refid=paragraph.anchor, classes=["paragraph-number"])
    number["reftitle"] = f"Link to paragraph {paragraph.number}"
    body += number
    symbols = theme_symbols(paragraph, text, lexicon, page) if lexicon else None
    if symbols is not None:
        body += symbols
    body += nodes.Text(" ")
    marked: set[str] = set()  # glossary terms: linked, not altered
    if text.verse:
        first = text.line_numbers()[paragraph.number]
        for offset, line in enumerate(paragraph.lines):
            body += verse_line(text, paragraph.number, line, first + offset, glossary, marked)
    else:
        body.extend(marked_text(text, paragraph.number, paragraph.text, glossary, marked))
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
    # with a note (which says how exactly the date is known), the bare label; without, the label
    # with its exactness ("in or after May 2012 (exact date not known)")
    when = f"{meta.date.label()}. {meta.date_note}" if meta.date_note else meta.date.described()
    add("Date", nodes.Text(when[:1].upper() + when[1:]))
    if meta.responds_to:
        answer = meta.responds_to
        parts: list[nodes.Node] = []
        title = answer.get("title", "another text")
        parts.append(link(answer["url"], f"“{title}”") if answer.get("url") else nodes.Text(f"“{title}”"))
        date = parse_date(answer["date"]).label() if answer.get("date") else ""  # "May 2012", not "2012-05"
        detail = ", ".join(v for v in (answer.get("author"), date) if v)
        if detail:
            parts.append(nodes.Text(f" ({detail})"))
        if answer.get("note"):
            parts.append(nodes.Text(f". {answer['note']}"))
        add("Responds to", *parts)
    if meta.quotation_note:
        numbers = ", ".join(str(n) for n in meta.quotations)
        named = f"Paragraph {numbers}"
        # a note that names its paragraphs itself is not prefixed with them again
        note = meta.quotation_note if meta.quotation_note.startswith(named) else f"{named}: {meta.quotation_note}"
        add("Quotations", nodes.Text(note))
    add("Language", nodes.Text(f"{language_name(meta.language)} ({meta.language})"))
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
        body += nodes.reference("", f"Paragraph {note.paragraph}", refid=text.paragraph(note.paragraph).anchor)
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
        data = project(self.env)
        try:
            text = data.corpus[self.arguments[0]]
        except KeyError as exc:
            raise self.error(str(exc.args[0])) from None
        # docutils writes a "language-xx" class as the element's lang attribute; a right-to-left text
        # gets dir="rtl" (the class sg-rtl, set as an attribute by set_direction) on it and its paragraphs
        rtl = direction(text.language) == "rtl"
        section = nodes.section(ids=[f"text-{text.id}"], classes=["seed-text", f"language-{text.language}"] + [RTL] * rtl)
        section += nodes.title(text.title, text.title)
        english = provenance_nodes(text), *notes_nodes(text)
        for node in english if rtl else ():
            node["classes"] += [LTR, "language-en"]  # the guide's own words inside a right-to-left text
        section += english[0]
        boxes = [paragraph_nodes(text, paragraph, data.glossary, data.lexicon, self.env.docname) for paragraph in text.paragraphs]
        # the legend only where a symbol appears (none can in a text whose language the themes do not read)
        if data.lexicon and any("theme-symbols" in raw.astext() for box in boxes for raw in box.findall(nodes.raw)):
            section += theme_legend(data.lexicon, self.env.docname, rtl)
        for box in boxes:
            if rtl:
                box["classes"].append(RTL)
                for body in box.findall(nodes.paragraph):
                    body["classes"].append(RTL)
            section += box
        section.extend(english[1:])
        return [section]


RTL, LTR = "sg-dir-rtl", "sg-dir-ltr"
_DIRECTION_CLASS = re.compile(r'<(\w+)((?: [\w-]+="[^"]*")*? class="[^"]*\bsg-dir-(rtl|ltr)\b[^"]*")')


def set_direction(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Write ``dir="rtl"`` (or ``"ltr"``) on every element of a chapter marked with the direction's class.

    docutils has no ``dir`` attribute; the directive marks the elements with a class instead.
    """
    body = context.get("body", "")
    if "sg-dir-" in body:
        context["body"] = _DIRECTION_CLASS.sub(lambda m: f'<{m.group(1)} dir="{m.group(3)}"{m.group(2)}', body)


class ChapterOrder(SphinxTransform):
    """Lists the text chapters in the order of their seeds' file names (``000_...`` before ``010_...``).

    The table of contents finds the chapters with a glob, which sorts them by
    page name, that is by id. This runs after sphinx-external-toc has built the
    toctree (its transform's priority is 100) and before Sphinx collects it
    (at doctree-read), and reorders the chapter entries in place.
    """

    default_priority = 150

    def apply(self, **kwargs) -> None:
        order = {chapter_page(text.id): n for n, text in enumerate(project(self.env).corpus)}
        for toctree in self.document.findall(addnodes.toctree):
            places = [i for i, (_, docname) in enumerate(toctree["entries"]) if docname in order]
            ranked = sorted((toctree["entries"][i] for i in places), key=lambda entry: order[entry[1]])
            for i, entry in zip(places, ranked):
                toctree["entries"][i] = entry
            chapters = [name for name in toctree["includefiles"] if name in order]
            ranked_files = iter(sorted(chapters, key=order.__getitem__))
            toctree["includefiles"] = [next(ranked_files) if name in order else name for name in toctree["includefiles"]]


def prune_removed_chapters(app: Sphinx, exception: Exception | None) -> None:
    """Delete built chapter pages (and their copied sources) of texts no longer in seeds/.

    Sphinx forgets a removed page but leaves its HTML in the output folder; an
    incremental build would go on publishing a removed text.
    """
    if exception is not None or app.builder.format != "html":
        return
    ids = {text.id for text in project(app.env).corpus}
    out = Path(app.outdir)
    for folder, suffix in ((out / CHAPTER_FOLDER, ".html"), (out / "_sources" / CHAPTER_FOLDER, "")):
        for built in folder.glob(f"*{suffix}") if folder.is_dir() else ():
            if built.is_file() and built.name.split(".")[0] not in ids:
                built.unlink()
