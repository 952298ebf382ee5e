"""Reading one seed text: bytes -> checked Unicode -> title and numbered paragraphs.

The seed format is plain UTF-8 text. Paragraphs are separated by one or more
blank lines; line breaks inside a paragraph are joined with a space, except in
verse (the sidecar's ``form = "verse"``), whose paragraphs are stanzas and keep
their lines (joined with ``"\n"``, which counts as a space for every count).
Blank lines before the first text are skipped. When the first paragraph is a
single line equal to the sidecar's title, it is the heading and not a body
paragraph. Seed files are only ever read.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

from ..base.decoding import decode
from ..base.errors import InputError
from .language import UNCOUNTED_SCRIPTS
from .pages import paragraph_anchor
from .sidecar import EditorialNote, Sidecar, read_sidecar, sidecar_path

SUFFIX = ".txt"
MAX_BYTES = 1_000_000  # one text is one chapter page, and a page must stay light
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Every word the guide counts starts with a letter or a digit (studyguide.analysis.tokens, whose
# tests check that the two agree): a text without one has no word, and every analysis would fail.
# Letters of a script that is not counted (no offline segmenter: Lao, Khmer...) start no word.
_UNCOUNTED = "".join(UNCOUNTED_SCRIPTS.values())
_LETTER_OR_DIGIT = re.compile(rf"(?![{_UNCOUNTED}])[^\W_]")


@dataclass(frozen=True)
class Paragraph:
    """A numbered body paragraph and the line of the seed file where it starts."""

    number: int
    text: str
    line: int
    quotation: bool = False

    @property
    def anchor(self) -> str:
        """The fragment id of this paragraph in its text chapter (``p3``)."""
        return paragraph_anchor(self.number)

    @property
    def lines(self) -> list[str]:
        """The paragraph's lines: one for prose, a stanza's lines for verse."""
        return self.text.split("\n")


@dataclass(frozen=True)
class Text:
    """A seed text with its metadata, ready to render and analyse."""

    path: Path
    meta: Sidecar
    paragraphs: tuple[Paragraph, ...]
    sha256: str

    @property
    def id(self) -> str:
        return self.meta.id

    @property
    def title(self) -> str:
        return self.meta.title

    @property
    def language(self) -> str:
        return self.meta.language

    @property
    def verse(self) -> bool:
        """True for a poem or song: its lines are kept and numbered."""
        return self.meta.form == "verse"

    def line_numbers(self) -> dict[int, int]:
        """For verse, the number of the first line of each paragraph (lines are numbered through the text)."""
        first, numbers = 1, {}
        for paragraph in self.paragraphs:
            numbers[paragraph.number] = first
            first += len(paragraph.lines)
        return numbers

    def paragraph(self, number: int) -> Paragraph:
        return self.paragraphs[number - 1]

    def citation_problem(self, number: int, words: str = "") -> str:
        """Why paragraph ``number`` cannot be cited (for ``words``, as written, spacing aside); "" when it can.
        The one check behind every place that cites a paragraph: quiz evidence, the close reading, links."""
        if not 1 <= number <= len(self.paragraphs):
            return f"the text {self.id!r} has paragraphs 1 to {len(self.paragraphs)}, not {number}"
        wanted = " ".join(words.split())
        if wanted and wanted not in " ".join(self.paragraph(number).text.split()):
            return f"{wanted!r} does not stand in paragraph {number} of {self.id!r} as written"
        return ""

    def notes_in(self, number: int) -> tuple[EditorialNote, ...]:
        return tuple(note for note in self.meta.notes if note.paragraph == number)

    def reading(self, number: int) -> str:
        """Paragraph ``number`` with the editors' suggested readings applied, for counting.

        Only notes that give a ``reading`` change anything ("tbe" -> "the"); the
        text shown to readers is always :attr:`Paragraph.text`, unchanged.
        """
        return self.aligned(number).text

    def aligned(self, number: int) -> Reading:
        """Paragraph ``number`` as counted, with where each change stands in the text as written."""
        written = self.paragraph(number).text
        notes = sorted((n for n in self.notes_in(number) if n.reading is not None), key=lambda n: written.index(n.original))
        parts, changes, position = [], [], 0
        for note in notes:
            start = written.index(note.original)
            parts.append(written[position:start])
            at = sum(map(len, parts))
            parts.append(note.reading)
            changes.append(Change(at, at + len(note.reading), start, start + len(note.original), note))
            position = start + len(note.original)
        parts.append(written[position:])
        return Reading(written, "".join(parts), tuple(changes))


@dataclass(frozen=True)
class Change:
    """One editors' reading: its span in the reading and the span of the original it replaces."""

    start: int
    end: int
    written_start: int
    written_end: int
    note: EditorialNote


@dataclass(frozen=True)
class Reading:
    """A paragraph as counted (``text``) beside the paragraph as written, and the changes between them.

    Analyses count on ``text``; whatever shows a paragraph to readers shows
    ``written``, mapping positions with :meth:`written_position`.
    """

    written: str
    text: str
    changes: tuple[Change, ...]

    def written_position(self, offset: int, end: bool = False) -> int:
        """Where position ``offset`` of the reading stands in the text as written.

        Inside a changed stretch, the words the reading shares with the original
        map exactly ("you also hide" -> "you are also hide": "also" is "also"); a
        position in what differs maps to the start of that difference (or, with
        ``end``, to its end), so a span that touches it covers it whole.
        """
        shift = 0
        for change in self.changes:
            if offset <= change.start:
                break
            if offset < change.end or (end and offset == change.end):
                return change.written_start + _inside(self.text[change.start:change.end],
                                                      self.written[change.written_start:change.written_end],
                                                      offset - change.start, end)
            shift += (change.written_end - change.written_start) - (change.end - change.start)
        return offset + shift


def _inside(reading: str, written: str, offset: int, end: bool) -> int:
    """``offset`` in ``reading`` mapped into ``written`` through their common stretches."""
    for tag, r1, r2, w1, w2 in SequenceMatcher(None, reading, written, autojunk=False).get_opcodes():
        if r1 <= offset < r2 or (end and offset == r2):
            if tag == "equal":
                return w1 + offset - r1
            return w2 if end else w1
    return len(written) if end else 0

def read_seed(path: Path) -> str:
    """The checked text of the seed file at ``path``: the same limits for ``new``, ``check`` and the build."""
    if path.is_symlink():
        raise InputError(path, "is a symbolic link; a seed must be a regular file inside seeds/")
    if not path.is_file():
        raise InputError(path, "not a regular file; a seed must be a plain text file inside seeds/")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise InputError(path, f"{size / 1e6:.1f} MB is too long for one text (limit {MAX_BYTES / 1e6:g} MB, "
                               "so that its chapter page stays light); split it into parts")
    text = decode(path, path.read_bytes())
    control = _CONTROL.search(text)
    if control:
        line = text[: control.start()].count("\n") + 1
        raise InputError(path, f"control character U+{ord(control.group()):04X}; a seed must be plain text", line)
    if not text.strip():
        raise InputError(path, "empty text (nothing but whitespace)")
    return text


def split_paragraphs(text: str, verse: bool = False) -> list[tuple[int, str]]:
    """``(first line number, paragraph)`` for each block between blank lines; a verse block keeps its lines."""
    joiner = "\n" if verse else " "
    blocks: list[tuple[int, str]] = []
    current: list[str] = []
    start = 0
    for number, line in enumerate(text.split("\n"), 1):
        if line.strip():
            if not current:
                start = number
            current.append(line.strip())
        elif current:
            blocks.append((start, joiner.join(current)))
            current = []
    if current:
        blocks.append((start, joiner.join(current)))
    return blocks


def require_words(path: Path, blocks: list[tuple[int, str]]) -> None:
    """Refuse a text whose body paragraphs (``(line, paragraph)``) hold no word to count."""
    if blocks and not any(_LETTER_OR_DIGIT.search(body) for _, body in blocks):
        if any(re.search(f"[{_UNCOUNTED}]", body) for _, body in blocks):
            raise InputError(path, "no words to count: the text's script has no offline word segmenter, so its words "
                                   "are not counted (see the page 'Adding a text')", blocks[0][0])
        raise InputError(path, "no words to count: the text holds only punctuation, spaces or symbols, "
                               "and the guide counts runs of letters or digits", blocks[0][0])


def load_text(path: Path) -> Text:
    """Read and check one seed text and its sidecar."""
    seed = read_seed(path)  # first: a file that cannot be read is named as such even before it has a sidecar
    require_words(path, split_paragraphs(seed))  # and so is one without a word, which `new` refused (no sidecar)
    meta = read_sidecar(sidecar_path(path))
    blocks = split_paragraphs(seed, meta.form == "verse")
    if blocks and " ".join(blocks[0][1].split()) == " ".join(meta.title.split()):
        blocks = blocks[1:]
    if not blocks:
        raise InputError(path, "no body paragraphs after the title")
    require_words(path, blocks)
    quoted = set(meta.quotations)
    paragraphs = tuple(
        Paragraph(number=n, text=body, line=line, quotation=n in quoted)
        for n, (line, body) in enumerate(blocks, 1)
    )
    _check_references(meta, paragraphs)
    return Text(path=path, meta=meta, paragraphs=paragraphs, sha256=hashlib.sha256(path.read_bytes()).hexdigest())


def _check_references(meta: Sidecar, paragraphs: tuple[Paragraph, ...]) -> None:
    """Sidecar paragraph numbers and note originals must match the text."""
    count = len(paragraphs)
    for number in meta.quotations:
        if not 1 <= number <= count:
            raise InputError(meta.path, f"quotations names paragraph {number}, but the text has {count}")
    for note in meta.notes:
        if not 1 <= note.paragraph <= count:
            raise InputError(meta.path, f"note {note.number} names paragraph {note.paragraph}, but the text has {count}")
        found = paragraphs[note.paragraph - 1].text.count(note.original)
        if found != 1:
            problem = "does not occur" if found == 0 else f"occurs {found} times (quote more context)"
            raise InputError(meta.path, f"note {note.number}: {note.original!r} {problem} in paragraph {note.paragraph}")
