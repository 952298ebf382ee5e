"""How many claims the guide makes and how many rest on a source's quoted words, counted from the files.

A claim is a data record (an event, a contested figure, a who's who entry) or a
sourced sentence of the chapters: a sentence, list item or table row that links a
source or cites the bibliography. A record has evidence when ``data/evidence/``
quotes one of its sources for it; a sourced sentence, when it carries passages of its
own (``{evidence}`claim-id```, :mod:`.sentence_claims`) or names a record that has
(through ``{event-date}`` or ``{figure}``). The checking page shows these counts,
the records and sentences still without a passage (with the reason ``missing.toml`` or
``sentences-missing.toml`` gives), and the passages checked longest ago, all computed
when the book is built.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .chapter_lint import CHAPTERS
from .evidence import SENTENCE, Evidence, Passage
from .evidence_check import Record
from .sources import Sources

# The corrections log cites what it corrected: its rows are records of the checking, not claims about events.
NOT_CLAIMS = ("chapters/guide/checking.md",)
TARGETS = {"event": 0.90, "figure": 0.95, "entry": 0.90}  # the share of each kind that should quote its source
NO_REASON = "no passage found yet in a stored copy of its sources"
_SOURCED = re.compile(r"https?://|\{cite:[pt]\}")
_URL = re.compile(r"https?://[^\s)>\]]+")
_RECORD_ROLE = re.compile(r"\{(event-date|figure|evidence)\}`([a-z0-9-]+)`")
_FENCE = re.compile(r"^\s*(?:```|:::)")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(*\"“{\[])")


@dataclass(frozen=True)
class Sentence:
    path: Path
    line: int
    text: str
    records: tuple[str, ...]  # ids of the records it names through a role, and of its own claim ({evidence})

    def claims(self) -> tuple[str, ...]:
        """The claim ids it carries passages for through ``{evidence}``."""
        return tuple(m[2] for m in _RECORD_ROLE.finditer(self.text) if m[1] == "evidence")


@dataclass(frozen=True)
class Coverage:
    records: tuple[Record, ...]
    quoted: frozenset[tuple[str, str]]  # (kind, id) of the records with a passage
    sentences: tuple[Sentence, ...]
    evidence: Evidence | None

    def has_passage(self, record: Record) -> bool:
        return (record.kind, record.id) in self.quoted

    def of_kind(self, kind: str) -> tuple[Record, ...]:
        return tuple(r for r in self.records if r.kind == kind)

    def sentences_with_evidence(self) -> tuple[Sentence, ...]:
        ids = {i for _, i in self.quoted} | {p.record for p in self.evidence.passages if p.kind == SENTENCE} \
            if self.evidence else set()
        return tuple(s for s in self.sentences if any(r in ids for r in s.records))

    def sentences_without(self) -> list[tuple[Sentence, str]]:
        """Each sourced sentence with no passage of its own nor a record's, and why."""
        backed = set(self.sentences_with_evidence())
        reasons = self.evidence.sentences_missing if self.evidence else ()

        def reason(sentence: Sentence) -> str:
            name = sentence.path.as_posix()
            return next((m.reason for m in reasons if name.endswith("/" + m.file) and m.text in sentence.text), NO_REASON)
        return [(s, reason(s)) for s in self.sentences if s not in backed]

    @property
    def claims(self) -> int:
        return len(self.records) + len(self.sentences)

    @property
    def with_evidence(self) -> int:
        return len(self.quoted) + len(self.sentences_with_evidence())

    def without_passage(self) -> list[tuple[Record, str]]:
        """Each record with no passage, and why."""
        reason = self.evidence.reason if self.evidence else (lambda _: None)
        return [(r, reason(r.id) or NO_REASON) for r in self.records if not self.has_passage(r)]

    def oldest(self, count: int = 10) -> list[Passage]:
        """The passages checked longest ago (one per record or sentence), oldest first."""
        first: dict[tuple[str, str], Passage] = {}
        for passage in sorted(self.evidence.passages if self.evidence else (), key=lambda p: (p.checked, p.line)):
            first.setdefault((passage.kind, passage.record), passage)
        return list(first.values())[:count]


def coverage(root: Path, found: list[Record], evidence: Evidence | None, sources: Sources | None = None) -> Coverage:
    quoted = frozenset((p.kind, p.record) for p in (evidence.passages if evidence else ()))
    known = {(r.kind, r.id) for r in found}
    return Coverage(tuple(found), quoted & known, tuple(sourced_sentences(root, sources)), evidence)


def sourced_sentences(root: Path, sources: Sources | None = None) -> list[Sentence]:
    """Every sentence (list item, table row) of the chapters that cites a source about the events.

    A sentence whose only links are references (software, dictionaries: kind ``reference``
    in the register) states nothing about the events, and is not counted.
    """
    def about_events(sentence: str) -> bool:
        urls = _URL.findall(sentence)
        cites = "{cite:" in sentence
        if sources is None or cites:
            return cites or bool(urls)
        return any((p := sources.publisher_of(u)) is None or p.kind != "reference" for u in urls)

    return [s for s in sentences(root) if _SOURCED.search(s.text) and about_events(s.text)]


def sentences(root: Path) -> list[Sentence]:
    """Every sentence (list item, table row) of the chapters, sourced or not (not the corrections log)."""
    found: list[Sentence] = []
    for pattern in CHAPTERS:
        for path in sorted(Path(root).glob(pattern)):
            if path.relative_to(root).as_posix() in NOT_CLAIMS:
                continue
            for line, block in _blocks(path.read_text("utf-8")):
                for sentence in _SENTENCE_END.split(block):
                    found.append(Sentence(path, line, sentence, tuple(m[2] for m in _RECORD_ROLE.finditer(sentence))))
    return found


def _blocks(source: str):
    """``(line, text)`` of each paragraph, list item and table row (model answers and notes included; not front matter)."""
    block, start = [], 0
    lines = source.split("\n")
    if lines and lines[0] == "---":  # front matter: page metadata, not prose
        end = lines.index("---", 1) if "---" in lines[1:] else 0
        lines = [""] * (end + 1) + lines[end + 1:]
    for number, line in enumerate(lines, 1):
        if _FENCE.match(line):  # a directive's fence (a model answer's ":::{model-answer}") is no prose
            line = ""
        new_item = re.match(r"\s*([-*]|\d+\.|\|)\s", line) is not None
        if not line.strip() or new_item or line.startswith("#"):
            if block:
                yield start, " ".join(block)
            block, start = [], number
        if line.strip() and not line.startswith("#"):
            if not block:
                start = number
            block.append(line.strip())
    if block:
        yield start, " ".join(block)
