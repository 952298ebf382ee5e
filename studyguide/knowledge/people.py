"""The who's who (``data/people.toml``): the people and organisations the text and the guide name.

One ``[[entry]]`` per person or organisation (schema: :data:`FIELDS`), each a
sourced line. This module loads and checks the file (a bad entry stops the build
with a one-line error naming the file and line); the book's page and its links are
:mod:`studyguide.book.whoswho`'s business.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..base.collection import Keyed
from ..base.schema import ID, URL, Field, TomlFile

PEOPLE_FILE = Path("data") / "people.toml"
KINDS = ("person", "organisation")
FIELDS = {
    "id": Field(str, True, "Anchor of the entry on the who's who page.", form=ID),
    "name": Field(str, True, "The name as the page shows it."),
    "kind": Field(str, True, "Person or organisation.", choices=KINDS),
    "line": Field(str, True, "Who they are, in one neutral sentence of our own."),
    "sources": Field(list, True, "http(s) URLs where the line can be checked.", str, form=URL),
    "names": Field(list, False, "Other wordings under which the guide names them.", str),
}


@dataclass(frozen=True)
class Entry:
    id: str
    name: str
    kind: str
    line: str
    sources: tuple[str, ...]
    names: tuple[str, ...] = ()
    line_number: int | None = None

    @property
    def wordings(self) -> tuple[str, ...]:
        return (self.name, *self.names)


@dataclass(frozen=True)
class People(Keyed[Entry], items="entries", kind="who's who entry"):
    """The entries in file order; ``people[id]`` finds one."""

    path: Path
    entries: tuple[Entry, ...]


def load_people(path: Path | str) -> People:
    """Parse and check ``data/people.toml``; raise :class:`InputError` on any problem."""
    toml = TomlFile.load(path, "missing who's who file", {"entry": Field(list, False, "The entries.", dict)})
    entries: list[Entry] = []
    seen: dict[str, int] = {}
    for number, values, span in toml.entries("entry"):
        toml.check(values, FIELDS, span, f"entry {number}: ")
        entry = Entry(values["id"], values["name"].strip(), values["kind"], " ".join(values["line"].split()),
                      tuple(values["sources"]), tuple(n.strip() for n in values.get("names", [])), span[0])
        for key in (f"id:{entry.id}", *entry.wordings):
            if key in seen:
                raise toml.error(f"entry {number}: '{key.removeprefix('id:')}' is listed twice (also at line {seen[key]})",
                                 span[0])
            seen[key] = span[0]
        entries.append(entry)
    if not entries:
        raise toml.error("no [[entry]] entries")
    return People(path=Path(path), entries=tuple(entries))
