"""Links and quotations from the study guide's pages into the text chapters.

- ``{para}`3```  -> "paragraph 3", a link to ``#p3`` of the first text's chapter;
  ``{para}`3-4``` -> "paragraphs 3-4"; ``{para}`ID:3``` names another text;
  ``{para}`the opening <1>``` sets the link text.
- ``{text-quote} 3`` with ``:from:`` and ``:to:`` options quotes the words of
  paragraph 3 from the first phrase through the second, exactly as they stand
  in the seed (a phrase that is not there stops the build), with a link to the
  paragraph.

Quotations are taken from the seed at build time, never retyped, so a quoted
line cannot drift from the text. Links are plain relative URLs to the chapter
pages (``chapters/texts/ID.html#pN``), which hover previews also understand.
"""

from __future__ import annotations

import posixpath
import re

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective, SphinxRole

from .text import Text

CHAPTER_FOLDER = "chapters/texts"
_TARGET = re.compile(r"^(?:(?P<id>[a-z0-9-]+):)?(?P<first>\d+)(?:\s*[-–]\s*(?P<last>\d+))?$")


def chapter_uri(from_docname: str, text_id: str, number: int) -> str:
    """The URL of paragraph ``number`` of text ``text_id``, relative to page ``from_docname``."""
    page = posixpath.relpath(f"{CHAPTER_FOLDER}/{text_id}", posixpath.dirname(from_docname) or ".")
    return f"{page}.html#p{number}"


def _text(env, text_id: str | None) -> Text:
    corpus = env.app.studyguide_corpus
    return corpus[text_id] if text_id else corpus.texts[0]


class ParagraphRole(SphinxRole):
    """``{para}`[ID:]N[-M]``` or ``{para}`label <[ID:]N[-M]>```."""

    def run(self):
        match = re.match(r"^(?P<label>.+?)\s*<(?P<target>[^<>]+)>$", self.text, re.S)
        label, target = (match["label"], match["target"]) if match else (None, self.text)
        parsed = _TARGET.match(target.strip())
        if not parsed:
            return self._fail(f"{{para}} expects N, N-M or ID:N, not {target!r}")
        try:
            text = _text(self.env, parsed["id"])
        except KeyError as exc:
            return self._fail(str(exc.args[0]))
        first = int(parsed["first"])
        last = int(parsed["last"] or first)
        count = len(text.paragraphs)
        if not 1 <= first <= last <= count:
            return self._fail(f"{{para}} {target!r}: the text {text.id!r} has paragraphs 1 to {count}")
        if label is None:
            label = f"paragraph {first}" if first == last else f"paragraphs {first}–{last}"
        uri = chapter_uri(self.env.docname, text.id, first)
        ref = nodes.reference(self.rawtext, label, refuri=uri, classes=["paragraph-link"], internal=True)
        return [ref], []

    def _fail(self, message: str):
        msg = self.inliner.reporter.error(message, line=self.lineno)
        problem = self.inliner.problematic(self.rawtext, self.rawtext, msg)
        return [problem], [msg]


class TextQuoteDirective(SphinxDirective):
    """``{text-quote} [ID:]N`` with ``:from:`` and ``:to:``: an exact quotation from the seed."""

    required_arguments = 1
    option_spec = {"from": directives.unchanged_required, "to": directives.unchanged}
    has_content = False

    def run(self) -> list[nodes.Node]:
        parsed = _TARGET.match(self.arguments[0].strip())
        if not parsed or parsed["last"]:
            raise self.error(f"text-quote expects N or ID:N, not {self.arguments[0]!r}")
        try:
            text = _text(self.env, parsed["id"])
        except KeyError as exc:
            raise self.error(str(exc.args[0])) from None
        number = int(parsed["first"])
        if not 1 <= number <= len(text.paragraphs):
            raise self.error(f"the text {text.id!r} has paragraphs 1 to {len(text.paragraphs)}")
        self.env.note_dependency(str(text.path))
        words = quotation(text, number, self.options["from"], self.options.get("to"))
        if words is None:
            raise self.error(f"paragraph {number} of {text.id!r} has no passage from {self.options['from']!r} to {self.options.get('to')!r}")
        shown = with_ellipses(text.paragraph(number).text, words)
        quote = nodes.block_quote(classes=["key-quote"])
        quote += nodes.paragraph(shown, shown)
        attribution = nodes.attribution()
        attribution += nodes.reference("", f"paragraph {number}", refuri=chapter_uri(self.env.docname, text.id, number), classes=["paragraph-link"], internal=True)
        quote += attribution
        return [quote]


def quotation(text: Text, number: int, start: str, end: str | None = None) -> str | None:
    """The words of paragraph ``number`` from phrase ``start`` through phrase ``end`` (or ``start`` alone)."""
    body = text.paragraph(number).text
    begin = body.find(start)
    if begin < 0:
        return None
    if not end:
        return start
    finish = body.find(end, begin)
    if finish < 0:
        return None
    return body[begin : finish + len(end)]


def with_ellipses(body: str, words: str) -> str:
    """``words`` with "… " before it when it starts inside a sentence of ``body``, and " …" after it when it stops inside one."""
    begin = body.find(words)
    before = body[:begin].rstrip()
    starts_sentence = not before or before[-1] in ".!?\"'"
    ends_sentence = words.rstrip()[-1:] in (".", "!", "?", '"', "'")
    return ("" if starts_sentence else "… ") + words + ("" if ends_sentence else " …")


def setup(app: Sphinx) -> dict:
    app.add_role("para", ParagraphRole())
    app.add_directive("text-quote", TextQuoteDirective)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
