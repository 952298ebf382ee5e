"""The metadata sidecar that sits beside each seed text.

A seed ``seeds/NAME.txt`` is described by ``seeds/NAME.meta.toml``. This module
holds the sidecar's schema (:data:`FIELDS`, checked by
:mod:`studyguide.base.schema`, so a typo or a wrong type stops the build with a
one-line error naming the file and line) and the checked result, :class:`Sidecar`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..base.dates import Period, parse_date, parse_period
from ..base.errors import InputError, display_path
from ..base.schema import ID, LANGUAGE, URL, Field, Form, TomlFile

SUFFIX = ".meta.toml"
MAX_BYTES = 100_000  # metadata, not a text: its fields are published on the chapter page

# A text's id may be written in its own script (an Arabic, Hebrew or Persian title gives a readable
# Unicode id): letters and digits of any script, lower case, single hyphens between them.
TEXT_ID = Form(re.compile(r"^(?:[^\W_A-Z]|[\u064b-\u065f\u05b0-\u05c7\u200c])+(?:-(?:[^\W_A-Z]|[\u064b-\u065f\u05b0-\u05c7\u200c])+)*$"),
               "lowercase letters (of any script), digits and single hyphens")
FORMS = ("prose", "verse")

FIELDS = {
    "id": Field(str, True, "Short stable name (lowercase letters of any script, digits, hyphens); names the chapter page.",
                form=TEXT_ID),
    "title": Field(str, True, "The text's title as published."),
    "author": Field(str, True, "Author as known (a user name is fine); 'unknown' if not known."),
    "author_note": Field(str, False, "What is and is not known about the author."),
    "language": Field(str, True, "BCP 47 language tag of the text, e.g. 'en'.", form=LANGUAGE),
    "published_in": Field(str, True, "Where the text was published."),
    "date": Field(str, True, "When it was written, as known: YYYY, YYYY-MM or YYYY-MM-DD; a range START/END; "
                             "START/.. for 'in or after START'; ../END for 'in or before END'; or 'unknown'."),
    "date_note": Field(str, False, "How the date is known, or why it is not."),
    "source_urls": Field(list, True, "Where the text can be read (http or https URLs).", str, form=URL),
    "events": Field(list, False, "Ids of the timeline events (data/timeline.toml) the text speaks of.", str, form=ID),
    "events_note": Field(str, False, "How the text is linked to those events (it may name none itself)."),
    "responds_to": Field(dict, False, "The text this one answers: title, author, date, url, note."),
    "quotations": Field(list, False, "Numbers of body paragraphs that quote another text.", int),
    "quotation_note": Field(str, False, "Where the quoted paragraphs come from, as far as known."),
    "notes": Field(list, False, "Editorial notes: paragraph, original, reading (optional), note.", dict),
    "form": Field(str, False, "'prose' (the default) or 'verse': verse keeps its line breaks, and its lines are numbered.",
                  choices=FORMS),
}
RESPONDS_TO_FIELDS = {
    "title": Field(str, False, "Title of the text answered."),
    "author": Field(str, False, "Its author."),
    "date": Field(str, False, "When it was published: YYYY, YYYY-MM or YYYY-MM-DD."),
    "url": Field(str, False, "Where it can be read.", form=URL),
    "note": Field(str, False, "How its date is known."),
}
NOTE_FIELDS = {
    "paragraph": Field(int, True, "The body paragraph the slip is in."),
    "original": Field(str, True, "The words as written (they must occur once in the paragraph)."),
    "reading": Field(str, False, "The editors' suggested reading, used for counting only."),
    "note": Field(str, True, "What the slip is."),
}


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
    date: Period
    source_urls: tuple[str, ...]
    author_note: str = ""
    date_note: str = ""
    responds_to: dict[str, str] = field(default_factory=dict)
    quotations: tuple[int, ...] = ()
    quotation_note: str = ""
    notes: tuple[EditorialNote, ...] = ()
    events: tuple[str, ...] = ()
    events_note: str = ""
    form: str = "prose"
    language_line: int | None = None  # where ``language`` is written, for check's messages
    events_line: int | None = None


def sidecar_path(seed: Path) -> Path:
    """``seeds/NAME.txt`` -> ``seeds/NAME.meta.toml``."""
    return seed.with_name(seed.stem + SUFFIX)


def read_sidecar(path: Path) -> Sidecar:
    """Parse and validate one sidecar file; raise :class:`InputError` on any problem."""
    if path.is_symlink():
        raise InputError(path, "is a symbolic link; a sidecar must be a regular file inside seeds/")
    if not path.is_file():
        seed = path.with_name(path.name.removesuffix(SUFFIX) + ".txt")
        raise InputError(path, f"missing sidecar; create it with: python -m studyguide new {display_path(seed)}")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise InputError(path, f"{size / 1e3:.0f} KB is too long for a sidecar (limit {MAX_BYTES / 1e3:g} KB); "
                               "it holds metadata, not text")
    toml = TomlFile(path)
    data = toml.check(toml.data, FIELDS)
    try:
        date = parse_period(data["date"])
    except ValueError as exc:
        raise toml.error(str(exc), toml.line("date", toml.top)) from None

    responds_to = data.get("responds_to", {})
    span = toml.table("responds_to") or toml.top
    toml.check(responds_to, RESPONDS_TO_FIELDS, span, "responds_to: ")
    if "date" in responds_to:
        try:
            parse_date(responds_to["date"])
        except ValueError as exc:
            raise toml.error(f"responds_to: {exc}", toml.line("date", span)) from None

    notes = []
    for number, entry, span in toml.entries("notes"):
        toml.check(entry, NOTE_FIELDS, span, f"notes entry {number}: ")
        notes.append(EditorialNote(number, entry["paragraph"], entry["original"], entry["note"], entry.get("reading")))

    return Sidecar(
        path=path,
        id=data["id"],
        title=data["title"].strip(),
        author=data["author"],
        language=data["language"],
        published_in=data["published_in"],
        date=date,
        source_urls=tuple(data["source_urls"]),
        author_note=data.get("author_note", ""),
        date_note=data.get("date_note", ""),
        responds_to=dict(responds_to),
        quotations=tuple(data.get("quotations", ())),
        quotation_note=data.get("quotation_note", ""),
        notes=tuple(notes),
        events=tuple(data.get("events", ())),
        events_note=data.get("events_note", ""),
        form=data.get("form", "prose"),
        language_line=toml.line("language", toml.top),
        events_line=toml.line("events", toml.top),
    )
