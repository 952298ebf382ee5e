"""Links, quotations and numbers from the study guide's pages into the text chapters.

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
  (:func:`studyguide.analysis.counts.request`: one of its ``COUNTABLE``, ``occurrences
  of WORD``; ``in N`` for one paragraph; ``ID:`` in front for another text);
  ``{seed-count-word}`` writes it in words ("five") up to twelve (:func:`in_words`).

Quotations are taken from the seed at build time, never retyped, so a quoted
line cannot drift from the text. Links are plain relative URLs to the chapter
pages, which hover previews also understand.
"""

from __future__ import annotations

import re

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective, SphinxRole

from ..analysis.counts import REQUEST_FORM, count, request
from ..analysis.quotations import find_quotation, quotation, with_ellipses
from ..texts.pages import chapter_url
from ..texts.text import Text
from .data import project

_TARGET = re.compile(r"^(?:(?P<id>[a-z0-9-]+):)?(?P<first>\d+)(?:\s*[-–]\s*(?P<last>\d+))?$")
_QUOTE_TARGET = re.compile(r"^(?P<words>.+?)\s*<(?:(?P<number>\d+)|(?P<id>[a-z0-9-]+)(?::(?P<in>\d+))?)>$", re.S)
NUMBER_WORDS = ("none", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")


def in_words(number: int) -> str:
    """``5`` -> ``"five"`` up to twelve; larger numbers as digits."""
    return NUMBER_WORDS[number] if 0 <= number < len(NUMBER_WORDS) else f"{number:,}"


def _text(env, text_id: str | None) -> Text:
    corpus = project(env).corpus
    return corpus[text_id] if text_id else corpus.texts[0]


class _GuideRole(SphinxRole):
    """A role that reports a bad target as an error at its line in the chapter."""

    def fail(self, message: str):
        msg = self.inliner.reporter.error(message, line=self.lineno)
        return [self.inliner.problematic(self.rawtext, self.rawtext, msg)], [msg]

    def link(self, label: str, text: Text, number: int, classes: list[str]) -> nodes.reference:
        return nodes.reference(self.rawtext, label, refuri=chapter_url(text.id, number, self.env.docname),
                               classes=classes, internal=True)


class ParagraphRole(_GuideRole):
    """``{para}`[ID:]N[-M]``` or ``{para}`label <[ID:]N[-M]>```."""

    def run(self):
        match = re.match(r"^(?P<label>.+?)\s*<(?P<target>[^<>]+)>$", self.text, re.S)
        label, target = (match["label"], match["target"]) if match else (None, self.text)
        parsed = _TARGET.match(target.strip())
        if not parsed:
            return self.fail(f"{{para}} expects N, N-M or ID:N, not {target!r}")
        try:
            text = _text(self.env, parsed["id"])
        except KeyError as exc:
            return self.fail(str(exc.args[0]))
        first = int(parsed["first"])
        last = int(parsed["last"] or first)
        if not 1 <= first <= last <= len(text.paragraphs):
            return self.fail(f"{{para}} {target!r}: the text {text.id!r} has paragraphs 1 to {len(text.paragraphs)}")
        if label is None:
            label = f"paragraph {first}" if first == last else f"paragraphs {first}–{last}"
        return [self.link(label, text, first, ["paragraph-link"])], []


class SeedQuoteRole(_GuideRole):
    """``{seed-quote}`words``` or ``{seed-quote}`words <[ID:]N>```: the seed's own words, checked verbatim."""

    def run(self):
        match = _QUOTE_TARGET.match(self.text)
        quoted, text_id, number = (match["words"], match["id"], match["number"] or match["in"]) if match else (self.text, None, None)
        try:
            text = _text(self.env, text_id)
        except KeyError as exc:
            return self.fail(str(exc.args[0]))
        found = find_quotation(text, quoted, int(number) if number else None)
        if found is None:
            where = f"paragraph {number} of " if number else ""
            return self.fail(f"seed-quote: {quoted!r} does not occur verbatim in {where}{text.id!r}")
        ref = self.link(f"“{' '.join(quoted.split())}”", text, found, ["seed-quote"])
        ref["reftitle"] = f"Paragraph {found} of the text"
        return [ref], []


class SeedCountRole(_GuideRole):
    """``{seed-count}`[ID:]WHAT[ in N]```: a number about a seed, computed at build time."""

    def run(self):
        asked = request(self.text)
        if asked is None:
            return self.fail(f"{self.name}: expected {REQUEST_FORM}; not {self.text!r}")
        try:
            text = _text(self.env, asked.text)
        except KeyError as exc:
            return self.fail(str(exc.args[0]))
        if asked.number is not None and not 1 <= asked.number <= len(text.paragraphs):
            return self.fail(f"{self.name}: the text {text.id!r} has paragraphs 1 to {len(text.paragraphs)}")
        value = count(text, asked.what, asked.number, asked.word)
        shown = in_words(value) if self.name == "seed-count-word" else str(value)
        return [nodes.inline(self.rawtext, shown, classes=["seed-count"])], []


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
        words = quotation(text, number, self.options["from"], self.options.get("to"))
        if words is None:
            raise self.error(f"paragraph {number} of {text.id!r} has no passage from {self.options['from']!r} to {self.options.get('to')!r}")
        shown = with_ellipses(text.paragraph(number).text, words)
        quote = nodes.block_quote(classes=["key-quote"])
        quote += nodes.paragraph(shown, shown)
        attribution = nodes.attribution()
        attribution += nodes.reference("", f"paragraph {number}", refuri=chapter_url(text.id, number, self.env.docname),
                                       classes=["paragraph-link"], internal=True)
        quote += attribution
        return [quote]
