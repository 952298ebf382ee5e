"""Two lints on the chapters' prose, run by ``python -m studyguide check`` and by every build.

- **Places in the text.** A reference to a place in a text ("paragraph 5", "¶ 5",
  "the last sentence", "occurs in paragraphs …") must be written through a role that
  checks, against the seed when the book is built, that words it names stand there
  (``{para}`5 | words```, ``{sentence}``, ``{occurs}``, ``{seed-quote}`` with ``<N>``); a
  ``{para}`` that names no words is refused too. The second fact-check found a sentence
  called the last of its paragraph that was the first, and a phrase said to occur in
  three paragraphs that stood in one. Headings are exempt: a commentary section is
  named after the paragraph it discusses, and its first lines link to it.
- **Facts retyped from the data.** A date of an event or figure (to the day), a
  contested figure's value, or a who's who entry's role (the first clause of its line)
  written in a chapter as plain text is a copy that can drift from the data, as the
  wounded "up to several hundred" did from the figures: it must come through a role
  (``{event-date}``, ``{figure}``, ``{contested-figures}``) or be listed, with its
  reason, in the one exceptions file, :data:`EXCEPTIONS_FILE`.

Role invocations and links (whose labels name sources and their dates) are removed
before a line is read, so what a role writes is never mistaken for typed text. Each
finding names the file and line.

The notebooks' markdown cells (:data:`NOTEBOOKS`) are read by the same two lints: Jupyter
shows a MyST role as its raw text, so there a date, figure or role from the data and a place
in the text come from a code cell's output (:mod:`studyguide.views.places` checks a place
against the seed), never typed. A notebook's finding names the line of the ``.ipynb`` file
and the markdown cell.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

from ..base.errors import InputError
from ..base.schema import Field, TomlFile

EXCEPTIONS_FILE = Path("data") / "chapter-exceptions.toml"
CHAPTERS = ("chapters/**/*.md", "index.md")
NOTEBOOKS = ("notebooks/*.ipynb",)
LINTS = ("place", "fact")
EXCEPTION_FIELDS = {
    "lint": Field(str, True, "Which lint it answers: place or fact.", choices=LINTS),
    "file": Field(str, True, "The chapter, relative to the project (chapters/context.md)."),
    "text": Field(str, True, "The words allowed there, exactly as written."),
    "reason": Field(str, True, "Why they are written as plain text."),
}
PLACE = re.compile(r"¶\s*\d+|\bparagraphs?\s+\d+(?:\s*(?:[-–,]|and)\s*\d+)*|\b(?:first|last|final|opening|closing)"
                   r"\s+sentence\b|\boccurs?\s+in\s+paragraphs?\b", re.I)
_PARA_ROLE = re.compile(r"\{para\}`[^`]*`")
_ROLE = re.compile(r"\{[a-z-]+(?::[a-z]+)?\}`[^`]*`")
_LINK = re.compile(r"\[[^\]]*\]\([^)]*\)|<https?://[^>]*>")
_DIRECTIVE_LINE = re.compile(r"^\s*(?:```|:::|:[a-z-]+:)")


@dataclass(frozen=True)
class Finding:
    lint: str
    path: Path
    line: int
    text: str

    cell: int | None = None  # a notebook's markdown cell, counted from 1

    def error(self) -> InputError:
        if self.cell is not None:  # roles show as raw text in Jupyter: the fact comes from a code cell
            what = (f"in markdown cell {self.cell}, " + ("a place in the text typed by hand" if self.lint == "place"
                                                          else "a fact from the data typed by hand")
                    + "; write it from a code cell (studyguide.views.places for a place, the data for a fact)")
        else:
            what = ("a place in the text written without a role that checks words standing there "
                    "({para}`N | words`, {sentence}, {occurs})"
                    if self.lint == "place" else "a fact from the data retyped instead of read through a role")
        return InputError(self.path, f"'{self.text}': {what}; or list it with its reason in {EXCEPTIONS_FILE}", self.line)


@dataclass(frozen=True)
class Allowed:
    """Words one lint allows as plain text in one chapter, and why."""

    lint: str
    file: str
    text: str
    reason: str


@dataclass(frozen=True)
class Exceptions:
    path: Path
    allowed: tuple[Allowed, ...]


def load_exceptions(path: Path | str) -> Exceptions:
    """Parse and check :data:`EXCEPTIONS_FILE`."""
    toml = TomlFile.load(path, "missing exceptions file", {"exception": Field(list, False, "The exceptions.", dict)})
    found = []
    for number, values, span in toml.entries("exception"):
        toml.check(values, EXCEPTION_FIELDS, span, f"exception {number}: ")
        found.append(Allowed(values["lint"], values["file"], values["text"], " ".join(values["reason"].split())))
    return Exceptions(Path(path), tuple(found))


def unchecked_links(path: Path):
    """``(number, role)`` for each ``{para}`` that names no words of the paragraph (``| words``)."""
    for number, line in enumerate(path.read_text("utf-8").split("\n"), 1):
        for role in _PARA_ROLE.findall(line):
            if "|" not in role:
                yield number, role


def prose_lines(path: Path):
    """``(number, line)`` of a chapter's prose, with role invocations and links blanked out.

    A link's label names a source ("ABC News, 18 December 2011": when it was published),
    not a fact of the events, so it is not read.
    """
    lines = path.read_text("utf-8").split("\n")
    skip_to = lines.index("---", 1) + 1 if lines and lines[0] == "---" and "---" in lines[1:] else 0
    for number, line in enumerate(lines, 1):
        if number <= skip_to or line.lstrip().startswith("#") or _DIRECTIVE_LINE.match(line):
            continue
        yield number, _LINK.sub(" ", _ROLE.sub(" ", line))


def notebook_lines(path: Path) -> tuple[dict[int, str], dict[int, int]]:
    """The markdown cells' lines of a notebook, by their line in the ``.ipynb`` file (roles and links
    blanked, headings kept: a notebook's heading is prose that Jupyter shows as it is typed), and the
    markdown cell (from 1) each line belongs to."""
    raw = path.read_text("utf-8").split("\n")
    try:
        cells = json.loads("\n".join(raw)).get("cells", [])
    except ValueError as exc:
        raise InputError(path, f"not a notebook: {exc}") from None
    lines: dict[int, str] = {}
    cell_of: dict[int, int] = {}
    at = 0  # the file is searched forward, so each source line is found where it stands
    for number, cell in enumerate(cells, 1):
        if cell.get("cell_type") != "markdown":
            continue
        source = cell.get("source", "")
        for text in (source if isinstance(source, list) else source.splitlines(keepends=True)):
            encoded = json.dumps(text, ensure_ascii=False)[1:-1]
            found = next((n for n in range(at, len(raw)) if encoded in raw[n]), None)
            if found is None:  # written in another JSON style: count lines from the cell's start
                found = at
            at = found
            lines[found + 1] = lines.get(found + 1, "") + " " + _LINK.sub(" ", _ROLE.sub(" ", text.rstrip("\n")))
            cell_of[found + 1] = number
    return lines, cell_of


def data_facts(timeline=None, people=None) -> set[str]:
    """The data's facts as a chapter would type them: day dates, figure values, roles."""
    facts: set[str] = set()
    for event in (timeline.events if timeline else ()):
        for when in filter(None, (event.start, event.end)):
            if when.granularity == "day":
                facts.add(when.label())
    for figure in (timeline.figures if timeline else ()):
        if re.search(r"[A-Za-z]", figure.value) and re.search(r"\d", figure.value):
            facts.add(figure.value)  # a bare number ("17") is too common to be a copy
        if figure.date.granularity == "day":
            facts.add(figure.date.label())
    for entry in (people.entries if people else ()):
        role = entry_role(entry, people)
        if role:
            facts.add(role)
    return facts


def entry_role(entry, people=None) -> str:
    """A person's role as the who's who gives it: the first clause of the line, of four words
    or more ("UN High Commissioner for Human Rights"), or "" when the line opens otherwise.

    Its first word loses the capital it has only for opening the line ("Legal adviser" ->
    "legal adviser"), unless the who's who writes that word with a capital elsewhere too
    (a name: "Zhanaozen") or it is a nationality ("German").
    """
    role = re.split(r"[;,]| who | whose | which ", entry.line, maxsplit=1)[0].strip().rstrip(".")
    if entry.kind != "person" or len(role.split()) < 4:
        return ""
    role = re.sub(r"^(?:A|An|The)\s+", "", role)
    first = role.split()[0]
    named = {w for e in (people or (entry,)) for w in e.line.split()[1:]}
    nationality = re.search(r"(?:an|ish|ese|ch)$", first) is not None  # German, British, Chinese, French
    keep = first in named or nationality or not first[1:2].islower()
    return role if keep else first.lower() + role[len(first):]


def lint(root: Path, timeline=None, people=None, exceptions: Exceptions | None = None) -> list[Finding]:
    """Every bare place and retyped fact in the chapters of the project at ``root`` that no exception allows."""
    root = Path(root)
    allowed = exceptions.allowed if exceptions else ()
    facts = sorted({f.lower() for f in data_facts(timeline, people)}, key=len, reverse=True)
    found: list[Finding] = []
    for pattern in CHAPTERS + NOTEBOOKS:
        for path in sorted(root.glob(pattern)):
            name = path.relative_to(root).as_posix()
            excused = [e for e in allowed if e.file == name]
            notebook = path.suffix == ".ipynb"
            lines, cells = notebook_lines(path) if notebook else (dict(prose_lines(path)), {})
            # one pass over the whole page per pattern and fact, not one per line: the lints run at every load
            rows = [lines.get(n, "") for n in range(1, max(lines, default=0) + 1)]
            doc, lower = "\n".join(rows), "\n".join(rows).lower()
            starts = list(accumulate((len(row) + 1 for row in rows[:-1]), initial=0))
            hits = [("place", m.start(), m.group(0)) for m in PLACE.finditer(doc)]
            hits += [("fact", at, doc[at:at + len(fact)]) for fact in facts for at in _whole_words(lower, fact)]
            for lint_name, at, text in sorted(hits, key=lambda hit: hit[1]):
                number = bisect_right(starts, at)
                if not any(e.lint == lint_name and text in e.text and e.text in lines[number] for e in excused):
                    found.append(Finding(lint_name, path, number, text, cells.get(number)))
            if not notebook:
                found += [Finding("place", path, number, role) for number, role in unchecked_links(path)
                          if not any(e.lint == "place" and role in e.text for e in excused)]
    return found


def _whole_words(doc: str, fact: str):
    """Where ``fact`` stands in ``doc`` as whole words."""
    at = doc.find(fact)
    while at >= 0:
        end = at + len(fact)
        if not (at and (doc[at - 1].isalnum() or doc[at - 1] == "-")) and not (end < len(doc) and (doc[end].isalnum() or doc[end] == "-")):
            yield at
        at = doc.find(fact, at + 1)
