"""Links, quotations and numbers from the study guide's pages into the text chapters.

- ``{para}`3```  -> "paragraph 3", a link to ``#p3`` of the first text's chapter;
  ``{para}`3-4``` -> "paragraphs 3-4"; ``{para}`3, 4, 6``` -> "paragraphs 3, 4 and 6";
  ``{para}`ID:3``` names another text; ``{para}`the opening <1>``` sets the link text;
  ``{para}`2 | You will not escape``` also checks that the words stand there.
- ``{text-quote} 3`` with ``:from:`` and ``:to:`` options quotes the words of
  paragraph 3 from the first phrase through the second, exactly as they stand
  in the seed (a phrase that is not there stops the build), with a link to the
  paragraph.
- ``{seed-quote}`point tbe way forward``` marks an inline quotation of the
  seed: it must occur in the text verbatim (slips included; `` … `` between
  parts marks an omission within one paragraph), and it is shown in quotation
  marks, linked to its paragraph. ``{seed-quote}`words <ID:N>``` pins the text
  and paragraph.
- ``{sentence}`daily tv news <first 8>``` -> "the first sentence of paragraph 8"
  (``first``, ``last`` or an ordinal number such as ``2nd``), linked to the paragraph;
  the phrase must stand in that sentence of the seed, so a sentence cannot be misplaced.
- ``{occurs}`class war``` -> "paragraph 6" (or "paragraphs 5, 7 and 8"): the paragraphs
  where a phrase stands, found in the seed at build time, never typed.
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
from ..analysis.tokens import sentences
from ..texts.pages import chapter_url
from ..texts.text import Text
from .data import project

_TARGET = re.compile(r"^(?:(?P<id>[a-z0-9-]+):)?(?P<first>\d+)(?:\s*[-–]\s*(?P<last>\d+))?$")
_QUOTE_TARGET = re.compile(r"^(?P<words>.+?)\s*<(?:(?P<number>\d+)|(?P<id>[a-z0-9-]+)(?::(?P<in>\d+))?)>$", re.S)
_SENTENCE = re.compile(r"^(?P<words>.+?)\s*<(?:(?P<id>[a-z0-9-]+):)?(?P<which>first|last|\d+(?:st|nd|rd|th))\s+(?P<number>\d+)>$", re.S)
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
    """``{para}`[ID:]N[-M]```, ``{para}`3, 4, 6```, ``{para}`label <[ID:]N[-M]>```; ``| phrase`` after the
    target checks that the phrase stands in that paragraph (or in one of them)."""

    def run(self):
        match = re.match(r"^(?P<label>.+?)\s*<(?P<target>[^<>]+)>$", self.text, re.S)
        label, target = (match["label"], match["target"]) if match else (None, self.text)
        target, _, phrase = target.partition("|")
        listed_numbers = re.fullmatch(r"\s*\d+(?:\s*,\s*\d+)+\s*", target)
        parsed = _TARGET.match("0" if listed_numbers else target.strip())
        if not parsed:
            return self.fail(f"{{para}} expects N, N-M, N, M, … or ID:N, not {target!r}")
        try:
            text = _text(self.env, parsed["id"])
        except KeyError as exc:
            return self.fail(str(exc.args[0]))
        numbers = ([int(n) for n in target.split(",")] if listed_numbers
                   else list(range(int(parsed["first"]), int(parsed["last"] or parsed["first"]) + 1)))
        if not all(1 <= n <= len(text.paragraphs) for n in numbers) or numbers != sorted(numbers):
            return self.fail(f"{{para}} {target!r}: the text {text.id!r} has paragraphs 1 to {len(text.paragraphs)}")
        phrase = " ".join(phrase.split())
        if phrase and not any(phrase in " ".join(text.paragraph(n).text.split()) for n in numbers):
            return self.fail(f"{{para}} {target!r}: {phrase!r} does not stand there in {text.id!r}")
        if label is None:
            label = (listed(numbers) if listed_numbers else f"paragraph {numbers[0]}" if len(numbers) == 1
                     else f"paragraphs {numbers[0]}–{numbers[-1]}")
        return [self.link(label, text, numbers[0], ["paragraph-link"])], []


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


def listed(numbers: list[int]) -> str:
    """[5, 7, 8] -> "paragraphs 5, 7 and 8"; [6] -> "paragraph 6"."""
    shown = [str(n) for n in numbers]
    if len(shown) == 1:
        return f"paragraph {shown[0]}"
    return f"paragraphs {', '.join(shown[:-1])} and {shown[-1]}"


def sentence_problem(text: Text, number: int, which: str, phrase: str) -> str:
    """Why ``phrase`` does not name the ``which`` (first, last, 2nd...) sentence of paragraph ``number``; "" if it does."""
    if problem := text.citation_problem(number):
        return problem
    said = sentences(text.paragraph(number).text)
    index = {"first": 0, "last": len(said) - 1}.get(which) if which in ("first", "last") else int(which[:-2]) - 1
    if not 0 <= index < len(said):
        return f"paragraph {number} of {text.id!r} has {len(said)} sentences"
    if " ".join(phrase.split()) not in " ".join(said[index].split()):
        return f"{' '.join(phrase.split())!r} is not in the {which} sentence of paragraph {number} of {text.id!r}"
    return ""


def paragraphs_holding(text: Text, phrase: str) -> list[int]:
    """The numbers of the paragraphs where ``phrase`` stands, ignoring case and line breaks."""
    wanted = " ".join(phrase.split()).lower()
    return [p.number for p in text.paragraphs if wanted in " ".join(p.text.split()).lower()]


class SentenceRole(_GuideRole):
    """``{sentence}`phrase <[ID:]first|last|Kth N>```: a sentence of a paragraph, named by words that stand in it."""

    def run(self):
        match = _SENTENCE.match(self.text)
        if not match:
            return self.fail(f"{{sentence}} expects 'phrase <first N>', 'phrase <last N>' or 'phrase <2nd N>', not {self.text!r}")
        try:
            text = _text(self.env, match["id"])
        except KeyError as exc:
            return self.fail(str(exc.args[0]))
        number, which = int(match["number"]), match["which"]
        problem = sentence_problem(text, number, which, match["words"])
        if problem:
            return self.fail(f"{{sentence}}: {problem}")
        return [self.link(f"the {which} sentence of paragraph {number}", text, number, ["paragraph-link"])], []


class OccursRole(_GuideRole):
    """``{occurs}`[ID:]phrase```: the paragraphs where a phrase stands (ignoring case), computed."""

    def run(self):
        match = re.match(r"^(?:(?P<id>[a-z0-9-]+):)?(?P<phrase>.+)$", " ".join(self.text.split()))
        try:
            text = _text(self.env, match["id"])
        except KeyError as exc:
            return self.fail(str(exc.args[0]))
        found = paragraphs_holding(text, match["phrase"])
        if not found:
            return self.fail(f"{{occurs}}: {match['phrase']!r} stands in no paragraph of {text.id!r}")
        return [self.link(listed(found), text, found[0], ["paragraph-link"])], []


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
        if asked.number is not None and (problem := text.citation_problem(asked.number)):
            return self.fail(f"{self.name}: {problem}")
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
        if problem := text.citation_problem(number):
            raise self.error(problem)
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
