"""The source's own words behind each record: passages, derived values and reasons, read from ``data/evidence/``.

One file per kind of record (:data:`FILES`), so the data files stay readable and
several people can add passages at once. Each file holds ``[[passage]]`` tables
(:data:`PASSAGE_FIELDS`): the record's id, one of its source URLs, a short verbatim
quotation, its language and the guide's translation when it is not English, the day
it was found word for word in a stored copy, and that copy's address when it differs.
``derived.toml`` declares the numbers and dates a claim computes rather than quotes
(:data:`DERIVED_FIELDS`); ``missing.toml`` says why a record has no passage yet
(:data:`MISSING_FIELDS`).

A chapter's sentence can carry its own passages too (``{evidence}`claim-id``` at its
end): they live in ``chapters/<chapter>.toml`` (:data:`CHAPTER_FOLDER`), with the
same schema, ``record`` being the claim id the sentence names (kind ``sentence``);
``sentences-missing.toml`` says why a sourced sentence has none
(:data:`SENTENCE_MISSING_FIELDS`). :mod:`.sentence_claims` checks them against the
sentences.

This module only reads and checks each file on its own (a bad entry stops with a
one-line ``file:line`` error); :mod:`.evidence_check` checks the passages against the
records they support.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ..base.errors import InputError
from ..base.schema import ID, LANGUAGE, URL, Field, TomlFile

EVIDENCE_FOLDER = Path("data") / "evidence"
#: file name -> the kind of record its passages support
FILES = {"events.toml": "event", "figures.toml": "figure", "people.toml": "entry"}
SENTENCE = "sentence"  # the kind of a chapter sentence's passages
CHAPTER_FOLDER = "chapters"  # data/evidence/chapters/<chapter>.toml: passages of chapter sentences
DERIVED_FILE = "derived.toml"
MISSING_FILE = "missing.toml"
SENTENCE_MISSING_FILE = "sentences-missing.toml"
MAX_WORDS = 30  # one quotation
MAX_WORDS_PER_SOURCE = 60  # all quotations of one record from one source

PASSAGE_FIELDS = {
    "record": Field(str, True, "The id of the event, figure or who's who entry it supports (in chapters/: the "
                    "claim id its sentence names through {evidence}).", form=ID),
    "url": Field(str, True, "Exactly one of that record's `sources` URLs (a sentence's: a URL it cites).", form=URL),
    "quote": Field(str, True, f"The source's words, verbatim as in the stored copy (at most {MAX_WORDS} words)."),
    "lang": Field(str, False, "The source's language when it is not English (ru, kk, fr...).", form=LANGUAGE),
    "translation": Field(str, False, "Required with `lang`: the guide's own English translation."),
    "checked": Field(dt.date, True, "TOML date: the day the quote was found word for word in the stored copy."),
    "page": Field(str, False, "The stored copy's address, when it differs from `url`.", form=URL),
}
DERIVED_FIELDS = {
    "record": Field(str, True, "The id of the record whose claim computes the value.", form=ID),
    "value": Field(str, True, "The number or date as written in the claim."),
    "formula": Field(str, True, "How it follows from what the passages state."),
}
MISSING_FIELDS = {
    "record": Field(str, True, "The id of a record with no passage.", form=ID),
    "reason": Field(str, True, "Why no passage could be recorded."),
}
SENTENCE_MISSING_FIELDS = {
    "file": Field(str, True, "The chapter, relative to the project (chapters/guide/perspectives.md)."),
    "text": Field(str, True, "Words of the sentence, exactly as written in the chapter, that single it out."),
    "reason": Field(str, True, "Why it carries no passage."),
}


@dataclass(frozen=True)
class Passage:
    kind: str  # event, figure, entry, or sentence (a chapter sentence's own passages)
    record: str
    url: str
    quote: str
    lang: str
    translation: str
    checked: dt.date
    page: str
    path: Path
    line: int

    @property
    def words(self) -> int:
        return len(self.quote.split())


@dataclass(frozen=True)
class Derived:
    record: str
    value: str
    formula: str
    path: Path
    line: int


@dataclass(frozen=True)
class Missing:
    record: str
    reason: str
    path: Path
    line: int


@dataclass(frozen=True)
class SentenceMissing:
    """Why one sourced sentence of a chapter carries no passage."""

    file: str
    text: str
    reason: str
    path: Path
    line: int


@dataclass(frozen=True)
class Evidence:
    folder: Path
    passages: tuple[Passage, ...]
    derived: tuple[Derived, ...]
    missing: tuple[Missing, ...]
    sentences_missing: tuple[SentenceMissing, ...] = ()

    def of(self, kind: str, record: str) -> tuple[Passage, ...]:
        """The passages of one record, in file order."""
        return tuple(p for p in self.passages if p.kind == kind and p.record == record)

    def derived_for(self, record: str) -> tuple[Derived, ...]:
        return tuple(d for d in self.derived if d.record == record)

    def reason(self, record: str) -> str | None:
        return next((m.reason for m in self.missing if m.record == record), None)


def load_evidence(folder: Path | str) -> Evidence:
    """Read every evidence file present in ``folder`` (none is required)."""
    folder = Path(folder)
    passages: list[Passage] = []
    for name, kind in FILES.items():
        if (folder / name).is_file():
            passages.extend(_passages(folder / name, kind))
    first_file: dict[str, Path] = {}
    for path in sorted((folder / CHAPTER_FOLDER).glob("*.toml")):
        for passage in _passages(path, SENTENCE):
            first = first_file.setdefault(passage.record, path)
            if first != path:  # one claim's passages in one file, so its sentence's chapter is found at once
                raise InputError(path, f"claim '{passage.record}' has passages in {first.name} too; a claim id is "
                                 f"unique across {folder / CHAPTER_FOLDER}", passage.line)
            passages.append(passage)
    derived = [Derived(v["record"], v["value"].strip(), " ".join(v["formula"].split()), p, line)
               for v, p, line in _tables(folder / DERIVED_FILE, "derived", DERIVED_FIELDS)]
    missing = [Missing(v["record"], " ".join(v["reason"].split()), p, line)
               for v, p, line in _tables(folder / MISSING_FILE, "missing", MISSING_FIELDS)]
    unsupported = [SentenceMissing(v["file"], " ".join(v["text"].split()), " ".join(v["reason"].split()), p, line)
                   for v, p, line in _tables(folder / SENTENCE_MISSING_FILE, "missing", SENTENCE_MISSING_FIELDS)]
    return Evidence(folder, tuple(passages), tuple(derived), tuple(missing), tuple(unsupported))


def _tables(path: Path, name: str, schema: dict):
    if not path.is_file():
        return []
    toml = TomlFile.load(path, f"missing {name} file", {name: Field(list, False, f"The [[{name}]] tables.", dict)})
    found = []
    for number, values, span in toml.entries(name):
        toml.check(values, schema, span, f"{name} {number}: ")
        found.append((values, path, span[0]))
    return found


def _passages(path: Path, kind: str) -> list[Passage]:
    toml = TomlFile.load(path, "missing evidence file", {"passage": Field(list, False, "The passages.", dict)})
    found: list[Passage] = []
    seen: dict[tuple[str, str, str], int] = {}
    for number, values, span in toml.entries("passage"):
        toml.check(values, PASSAGE_FIELDS, span, f"passage {number}: ")
        where = f"passage {number} ({values['record']}): "
        quote = " ".join(values["quote"].split())
        lang, translation = values.get("lang", "").strip(), " ".join(values.get("translation", "").split())
        if len(quote.split()) > MAX_WORDS:
            raise toml.error(f"{where}the quote has {len(quote.split())} words; quote at most {MAX_WORDS}",
                             toml.line("quote", span))
        if lang.lower().startswith("en"):
            raise toml.error(f"{where}'lang' is only for sources not in English", toml.line("lang", span))
        if lang and not translation:
            raise toml.error(f"{where}a quote in '{lang}' needs a 'translation'", toml.line("lang", span))
        if translation and not lang:
            raise toml.error(f"{where}a 'translation' needs the original's 'lang'", toml.line("translation", span))
        if values["checked"] > dt.date.today():
            raise toml.error(f"{where}'checked' {values['checked']} is in the future", toml.line("checked", span))
        key = (values["record"], values["url"], quote)
        if key in seen:
            raise toml.error(f"{where}the same quote is given twice (also at line {seen[key]})", span[0])
        seen[key] = span[0]
        found.append(Passage(kind, values["record"], values["url"], quote, lang, translation, values["checked"],
                             values.get("page", ""), path, span[0]))
    return found
