"""Links and quotations from the study guide's pages into the text chapters.

- ``{para}`3```  -> "paragraph 3", a link to ``#p3`` of the first text's chapter;
  ``{para}`3-4``` -> "paragraphs 3-4"; ``{para}`ID:3``` names another text;
  ``{para}`the opening <1>``` sets the link text.
- ``{text-quote} 3`` with ``:from:`` and ``:to:`` options quotes the words of
  paragraph 3 from the first phrase through the second, exactly as they stand
  in the seed (a phrase that is not there stops the build), with a link to the
  paragraph.
- ``{seed-quote}`point tbe way forward``` marks an inline quotation of the
  seed: it must occur in the text verbatim (slips included; `` … `` between
  parts marks an omission within one paragraph), and it is shown in quotation
  marks, linked to its paragraph. ``{seed-quote}`words <ID:N>``` pins the text
  and paragraph.
- ``{seed-count}`questions in 5``` is a number computed from the seed
  (``paragraphs``, ``sentences``, ``words``, ``questions``, ``question-marks``,
  ``exclamations``, ``occurrences of WORD``; ``in N`` for one paragraph;
  ``ID:`` in front for another text); ``{seed-count-word}`` writes it in
  words ("five") up to twelve.

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

from .address import sentence_end
from .text import Text
from .tokens import sentences, words

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


GAP = " … "
_QUOTE_TARGET = re.compile(r"^(?P<words>.+?)\s*<(?:(?P<number>\d+)|(?P<id>[a-z0-9-]+)(?::(?P<in>\d+))?)>$", re.S)


def find_quotation(text: Text, quoted: str, number: int | None = None) -> int | None:
    """The first paragraph of ``text`` (or paragraph ``number`` only) holding ``quoted`` verbatim.

    Whitespace runs count as one space; `` … `` between parts is an omission:
    the parts must then stand in that order within one paragraph.
    """
    parts = [" ".join(part.split()) for part in " ".join(quoted.split()).split(GAP.strip())]
    parts = [part for part in parts if part]
    if not parts:
        return None
    for paragraph in text.paragraphs:
        if number is not None and paragraph.number != number:
            continue
        body, position = paragraph.text, 0
        for part in parts:
            found = body.find(part, position)
            if found < 0:
                break
            position = found + len(part)
        else:
            return paragraph.number
    return None


class SeedQuoteRole(SphinxRole):
    """``{seed-quote}`words``` or ``{seed-quote}`words <[ID:]N>```: the seed's own words, checked verbatim."""

    def run(self):
        match = _QUOTE_TARGET.match(self.text)
        quoted, text_id, number = (match["words"], match["id"], match["number"] or match["in"]) if match else (self.text, None, None)
        try:
            text = _text(self.env, text_id)
        except KeyError as exc:
            return self._fail(str(exc.args[0]))
        found = find_quotation(text, quoted, int(number) if number else None)
        if found is None:
            where = f"paragraph {number} of " if number else ""
            return self._fail(f"seed-quote: {quoted!r} does not occur verbatim in {where}{text.id!r}")
        shown = " ".join(quoted.split())
        ref = nodes.reference(self.rawtext, f"“{shown}”", refuri=chapter_uri(self.env.docname, text.id, found),
                              classes=["seed-quote"], internal=True)
        ref["reftitle"] = f"Paragraph {found} of the text"
        return [ref], []

    def _fail(self, message: str):
        msg = self.inliner.reporter.error(message, line=self.lineno)
        return [self.inliner.problematic(self.rawtext, self.rawtext, msg)], [msg]


NUMBER_WORDS = ("none", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")
_COUNT = re.compile(r"^(?:(?P<id>[a-z0-9-]+):)?(?P<what>paragraphs|sentences|words|questions|question-marks|exclamations"
                    r"|occurrences of (?P<word>\S+))(?:\s+in\s+(?P<number>\d+))?$")


def seed_count(text: Text, what: str, number: int | None = None, word: str | None = None) -> int:
    """A count about ``text`` as written (or about its paragraph ``number``)."""
    chosen = [p for p in text.paragraphs if number is None or p.number == number]
    if what == "paragraphs":
        return len(chosen)
    said = [s for p in chosen for s in sentences(p.text)]
    if what == "sentences":
        return len(said)
    if what == "questions":
        return sum(sentence_end(s) == "?" for s in said)
    if what == "exclamations":
        return sum(sentence_end(s) == "!" for s in said)
    if what == "question-marks":
        return sum(p.text.count("?") for p in chosen)
    tokens = [w for p in chosen for w in words(p.text)]
    if what == "words":
        return len(tokens)
    return tokens.count(word.lower())


class SeedCountRole(SphinxRole):
    """``{seed-count}`[ID:]WHAT[ in N]```: a number about a seed, computed at build time."""

    def run(self):
        parsed = _COUNT.match(" ".join(self.text.split()))
        if not parsed:
            return self._fail(f"{self.name}: expected '[ID:]WHAT[ in N]' with WHAT one of paragraphs, sentences, words, "
                              f"questions, question-marks, exclamations, occurrences of WORD; not {self.text!r}")
        try:
            text = _text(self.env, parsed["id"])
        except KeyError as exc:
            return self._fail(str(exc.args[0]))
        number = int(parsed["number"]) if parsed["number"] else None
        if number is not None and not 1 <= number <= len(text.paragraphs):
            return self._fail(f"{self.name}: the text {text.id!r} has paragraphs 1 to {len(text.paragraphs)}")
        what = "occurrences" if parsed["word"] else parsed["what"]
        value = seed_count(text, what, number, parsed["word"])
        self.env.note_dependency(str(text.path))
        shown = NUMBER_WORDS[value] if self.name == "seed-count-word" and value < len(NUMBER_WORDS) else str(value)
        return [nodes.inline(self.rawtext, shown, classes=["seed-count"])], []

    _fail = SeedQuoteRole._fail


def setup(app: Sphinx) -> dict:
    app.add_role("para", ParagraphRole())
    app.add_role("seed-quote", SeedQuoteRole())
    app.add_role("seed-count", SeedCountRole())
    app.add_role("seed-count-word", SeedCountRole())
    app.add_directive("text-quote", TextQuoteDirective)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
