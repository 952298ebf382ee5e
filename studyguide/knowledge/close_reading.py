"""A close reading of one text, paragraph by paragraph (``data/close-reading.toml``).

The themes notebook sets it beside what the theme tracker computes. Each paragraph is
named by its number *and* by words that stand in it: loading checks the words against
the text, so a number that drifts from the text stops the build instead of misplacing
the reading (a typed "paragraph 5" once did, in the commentary). Showing it is
:func:`studyguide.views.places.close_reading`'s business.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..base.errors import InputError
from ..base.schema import ID, Field, TomlFile
from ..texts.corpus import Corpus

CLOSE_READING_FILE = Path("data") / "close-reading.toml"
TOP_FIELDS = {
    "text": Field(str, True, "The id of the text read.", form=ID),
    "paragraph": Field(list, True, "One entry per paragraph read.", dict),
}
PARAGRAPH_FIELDS = {
    "number": Field(int, True, "The paragraph's number in the text."),
    "words": Field(str, True, "Words that stand in that paragraph, as written."),
    "note": Field(str, True, "The reading, in Markdown; shown after 'Paragraph N'."),
}


@dataclass(frozen=True)
class Reading:
    number: int
    words: str
    note: str
    line: int


@dataclass(frozen=True)
class CloseReading:
    path: Path
    text: str  # the id of the text read
    paragraphs: tuple[Reading, ...]


def load_close_reading(path: Path | str) -> CloseReading:
    """Parse and check the file's form; raise :class:`InputError` naming file and line."""
    toml = TomlFile.load(path, "missing close-reading file", TOP_FIELDS)
    readings = []
    for number, entry, span in toml.entries("paragraph"):
        toml.check(entry, PARAGRAPH_FIELDS, span, f"paragraph entry {number}: ")
        readings.append(Reading(entry["number"], entry["words"], " ".join(entry["note"].split()), span[0]))
    return CloseReading(Path(path), toml.data["text"], tuple(readings))


def check_places(reading: CloseReading, corpus: Corpus) -> None:
    """Each paragraph read exists and holds its words, when the text read is in the corpus (else nothing is shown)."""
    try:
        text = corpus[reading.text]
    except KeyError:  # a teacher removed the text read: the notebook says so, and shows no reading
        return
    for entry in reading.paragraphs:
        if problem := text.citation_problem(entry.number, entry.words):
            raise InputError(reading.path, problem, entry.line)
