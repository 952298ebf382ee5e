"""Self-check quizzes (``data/quiz.toml``): items a student answers in the page and checks at once.

Each item belongs to a section of questions and cites the paragraph that answers it,
with words of that paragraph as evidence (tests check them against the text). A
short answer may be computed from the text instead of typed (``count``, as
``{seed-count}`` computes it). This module loads and checks the file; showing the
items is :mod:`studyguide.book.quiz`'s business.
"""

from __future__ import annotations

from dataclasses import dataclass
from hashlib import sha256
from pathlib import Path

from ..base.collection import Keyed
from ..base.schema import ID, Field, TomlFile

QUIZ_FILE = Path("data") / "quiz.toml"
KINDS = ("choice", "short")
ITEM_FIELDS = {
    "id": Field(str, True, "Stable name: the item's HTML id.", form=ID),
    "section": Field(str, True, "The section of questions it belongs to.", form=ID),
    "question": Field(str, True, "What is asked."),
    "kind": Field(str, True, "choice or short.", choices=KINDS),
    "options": Field(list, False, "choice: the options, in any order (see Item.shown_options).", str),
    "answer": Field(str, False, "choice: the right option, as written in options."),
    "accept": Field(list, False, "short: accepted answers.", str),
    "count": Field(str, False, "short: the answer computed from the text, e.g. 'questions in 5'."),
    "paragraph": Field(int, True, "The paragraph that answers it."),
    "text": Field(str, False, "The id of the text it is about (default: the first text)."),
    "evidence": Field(str, True, "Words of that paragraph, as written, that support the answer."),
    "explanation": Field(str, True, "Why the answer is right, in our own words."),
}


@dataclass(frozen=True)
class Item:
    id: str
    section: str
    question: str
    kind: str
    options: tuple[str, ...]
    answer: str
    accept: tuple[str, ...]
    count: str
    paragraph: int
    text: str
    evidence: str
    explanation: str
    line: int

    @property
    def shown_options(self) -> tuple[str, ...]:
        """The options in the order the page shows them.

        Editors tend to write the right answer first; shown so, a student learns to pick
        the first. The order is a hash of the item's id and each option, so it looks
        random but is the same every build (and on every Python). Options that are all
        numbers ("Paragraph 5", "Paragraph 6"...) keep their numeric order.
        """
        if all(any(ch.isdigit() for ch in option) for option in self.options):
            return self.options
        return tuple(sorted(self.options, key=lambda option: sha256(f"{self.id}\n{option}".encode()).hexdigest()))


@dataclass(frozen=True)
class Quiz(Keyed[Item], items="items", kind="quiz item"):
    path: Path
    items: tuple[Item, ...]

    def section(self, name: str) -> tuple[Item, ...]:
        return tuple(item for item in self.items if item.section == name)


def load_quiz(path: Path | str) -> Quiz:
    """Parse and check ``data/quiz.toml``; raise :class:`InputError` naming file and line."""
    toml = TomlFile.load(path, "missing quiz file", {"item": Field(list, False, "The items.", dict)})
    items, seen = [], {}
    for number, entry, span in toml.entries("item"):
        where = f"item {number}: "
        toml.check(entry, ITEM_FIELDS, span, where)
        if entry["id"] in seen:
            raise toml.error(f"duplicate item id '{entry['id']}' (first at line {seen[entry['id']]})", toml.line("id", span))
        seen[entry["id"]] = span[0]
        if entry["kind"] == "choice":
            if len(entry.get("options", [])) < 2 or entry.get("answer") not in entry.get("options", []):
                raise toml.error(f"{where}a choice needs two or more options, and its answer written as one of them",
                                 toml.line("answer", span) or span[0])
        elif not entry.get("accept") and not entry.get("count"):
            raise toml.error(f"{where}a short answer needs 'accept' or 'count'", span[0])
        items.append(Item(entry["id"], entry["section"], " ".join(entry["question"].split()), entry["kind"],
                          tuple(entry.get("options", ())), entry.get("answer", ""), tuple(entry.get("accept", ())),
                          entry.get("count", ""), entry["paragraph"], entry.get("text", ""), entry["evidence"],
                          " ".join(entry["explanation"].split()), span[0]))
    if not items:
        raise toml.error("no [[item]] entries")
    return Quiz(Path(path), tuple(items))
