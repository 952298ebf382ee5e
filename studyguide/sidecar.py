"""The metadata sidecar that sits beside each seed text.

A seed ``seeds/NAME.txt`` is described by ``seeds/NAME.meta.toml``. This
module holds the sidecar's schema (one table, :data:`FIELDS`), parses the
TOML and checks every field, so that a typo or a wrong type stops the build
with a one-line error naming the file and line.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import InputError
from .tomlfile import read_toml

SUFFIX = ".meta.toml"
DATE_PRECISIONS = ("day", "month", "year", "approximate", "unknown")
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
LANGUAGE_PATTERN = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")  # BCP 47, simplified
URL_PATTERN = re.compile(r"^https?://[^\s/]+\.[^\s/]+(/\S*)?$")
DATE_PATTERN = re.compile(r"^(unknown|\d{4}(-\d{2}(-\d{2})?)?)$")


@dataclass(frozen=True)
class Field:
    """One sidecar field: its TOML type, whether it is required, what it means."""

    kind: type
    required: bool
    doc: str
    item: type | None = None  # element type of an array


FIELDS: dict[str, Field] = {
    "id": Field(str, True, "Short stable name (lowercase, digits, hyphens); names the chapter page."),
    "title": Field(str, True, "The text's title as published."),
    "author": Field(str, True, "Author as known (a user name is fine); 'unknown' if not known."),
    "author_note": Field(str, False, "What is and is not known about the author."),
    "language": Field(str, True, "BCP 47 language tag of the text, e.g. 'en'."),
    "published_in": Field(str, True, "Where the text was published."),
    "date": Field(str, True, "Publication date as known: YYYY, YYYY-MM, YYYY-MM-DD or 'unknown'."),
    "date_precision": Field(str, True, "One of: " + ", ".join(DATE_PRECISIONS) + "."),
    "date_note": Field(str, False, "How the date is known, or why it is not."),
    "source_urls": Field(list, True, "Where the text can be read (http or https URLs).", str),
    "responds_to": Field(dict, False, "The text this one answers: title, author, date, url, note."),
    "quotations": Field(list, False, "Numbers of body paragraphs that quote another text.", int),
    "quotation_note": Field(str, False, "Where the quoted paragraphs come from, as far as known."),
    "notes": Field(list, False, "Editorial notes: paragraph, original, reading (optional), note.", dict),
}

RESPONDS_TO_FIELDS = {"title": str, "author": str, "date": str, "url": str, "note": str}
NOTE_FIELDS = {"paragraph": int, "original": str, "reading": str, "note": str}
NOTE_REQUIRED = ("paragraph", "original", "note")


@dataclass(frozen=True)
class EditorialNote:
    """An apparent slip in the original, shown as a note and never silently fixed.

    ``reading`` is the editor's suggested reading, used only for counting
    words; ``None`` when the intended wording cannot be recovered.
    """

    number: int
    paragraph: int
    original: str
    note: str
    reading: str | None = None


@dataclass(frozen=True)
class Sidecar:
    """The validated metadata of one seed text."""

    path: Path
    id: str
    title: str
    author: str
    language: str
    published_in: str
    date: str
    date_precision: str
    source_urls: tuple[str, ...]
    author_note: str = ""
    date_note: str = ""
    responds_to: dict[str, str] = field(default_factory=dict)
    quotations: tuple[int, ...] = ()
    quotation_note: str = ""
    notes: tuple[EditorialNote, ...] = ()


def sidecar_path(seed: Path) -> Path:
    """``seeds/NAME.txt`` -> ``seeds/NAME.meta.toml``."""
    return seed.with_name(seed.stem + SUFFIX)


def key_line(source: str, key: str, start: int = 1) -> int | None:
    """The line (1-based, from ``start``) where ``key = ...`` is written, if found."""
    pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
    for number, line in enumerate(source.splitlines()[start - 1 :], start):
        if pattern.match(line):
            return number
    return None


def table_lines(source: str, name: str) -> list[int]:
    """The lines where each ``[[name]]`` array-of-tables entry starts."""
    pattern = re.compile(rf"^\s*\[\[\s*{re.escape(name)}\s*\]\]")
    return [n for n, line in enumerate(source.splitlines(), 1) if pattern.match(line)]


def read_sidecar(path: Path) -> Sidecar:
    """Parse and validate one sidecar file; raise :class:`InputError` on any problem."""
    if not path.is_file():
        raise InputError(path, "missing sidecar; create it with: python -m studyguide new " + str(path.with_name(path.name.removesuffix(SUFFIX) + ".txt")))
    source, data = read_toml(path)
    return _validate(path, source, data)


def _check_type(path: Path, source: str, key: str, value: Any, spec: Field) -> None:
    line = key_line(source, key)
    if not isinstance(value, spec.kind) or isinstance(value, bool) and spec.kind is not bool:
        raise InputError(path, f"field '{key}' must be {_type_name(spec.kind)}, not {_type_name(type(value))}", line)
    if spec.item is not None:
        for item in value:
            if not isinstance(item, spec.item) or isinstance(item, bool):
                raise InputError(path, f"every item of '{key}' must be {_type_name(spec.item)}, found {_type_name(type(item))}", line)
    if spec.kind is str and not value.strip() and spec.required:
        raise InputError(path, f"field '{key}' is empty", line)


def _check_url(path: Path, source: str, key: str, url: str) -> None:
    if not URL_PATTERN.match(url):
        raise InputError(path, f"'{url}' is not an http(s) URL", key_line(source, key))


def _type_name(kind: type) -> str:
    return {str: "a string", int: "an integer", list: "an array", dict: "a table", bool: "true or false", float: "a number"}.get(kind, kind.__name__)


def _unknown(path: Path, source: str, key: str, known: dict, where: str, start: int = 1) -> InputError:
    guess = difflib.get_close_matches(key, list(known), n=1)
    hint = f" (did you mean '{guess[0]}'?)" if guess else f" (known: {', '.join(known)})"
    return InputError(path, f"unknown field '{key}'{where}{hint}", key_line(source, key, start))


def _validate(path: Path, source: str, data: dict[str, Any]) -> Sidecar:
    for key in data:
        if key not in FIELDS:
            raise _unknown(path, source, key, FIELDS, "")
    for key, spec in FIELDS.items():
        if key not in data:
            if spec.required:
                raise InputError(path, f"missing required field '{key}'")
            continue
        _check_type(path, source, key, data[key], spec)

    if not ID_PATTERN.match(data["id"]):
        raise InputError(path, f"id '{data['id']}' must be lowercase letters, digits and single hyphens", key_line(source, "id"))
    if not LANGUAGE_PATTERN.match(data["language"]):
        raise InputError(path, f"language '{data['language']}' is not a language tag such as 'en' or 'kk-Cyrl'", key_line(source, "language"))
    if data["date_precision"] not in DATE_PRECISIONS:
        raise InputError(path, f"date_precision '{data['date_precision']}' must be one of: {', '.join(DATE_PRECISIONS)}", key_line(source, "date_precision"))
    if not DATE_PATTERN.match(data["date"]):
        raise InputError(path, f"date '{data['date']}' must be YYYY, YYYY-MM, YYYY-MM-DD or 'unknown'", key_line(source, "date"))
    for url in data["source_urls"]:
        _check_url(path, source, "source_urls", url)

    responds_to = data.get("responds_to", {})
    for key, value in responds_to.items():
        if key not in RESPONDS_TO_FIELDS:
            raise _unknown(path, source, key, RESPONDS_TO_FIELDS, " in responds_to")
        if not isinstance(value, str):
            raise InputError(path, f"responds_to.{key} must be a string", key_line(source, key))
    if "url" in responds_to:
        _check_url(path, source, "url", responds_to["url"])

    notes = []
    starts = table_lines(source, "notes")
    for index, entry in enumerate(data.get("notes", [])):
        start = starts[index] if index < len(starts) else key_line(source, "notes") or 1
        for key in entry:
            if key not in NOTE_FIELDS:
                raise _unknown(path, source, key, NOTE_FIELDS, f" in notes entry {index + 1}", start)
        for key in NOTE_REQUIRED:
            if key not in entry:
                raise InputError(path, f"notes entry {index + 1} lacks '{key}'", start)
        for key, kind in NOTE_FIELDS.items():
            if key in entry and (not isinstance(entry[key], kind) or isinstance(entry[key], bool)):
                raise InputError(path, f"notes entry {index + 1}: '{key}' must be {_type_name(kind)}", key_line(source, key, start))
        notes.append(EditorialNote(number=index + 1, paragraph=entry["paragraph"], original=entry["original"], note=entry["note"], reading=entry.get("reading")))

    return Sidecar(
        path=path,
        id=data["id"],
        title=data["title"].strip(),
        author=data["author"],
        language=data["language"],
        published_in=data["published_in"],
        date=data["date"],
        date_precision=data["date_precision"],
        source_urls=tuple(data["source_urls"]),
        author_note=data.get("author_note", ""),
        date_note=data.get("date_note", ""),
        responds_to=dict(responds_to),
        quotations=tuple(data.get("quotations", ())),
        quotation_note=data.get("quotation_note", ""),
        notes=tuple(notes),
    )
