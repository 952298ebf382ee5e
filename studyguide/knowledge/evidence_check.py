"""Checking the passages against the records they support: the checks that would have caught the fact-check's errors.

For every passage (:mod:`.evidence`): its record exists; its URL is one of the
record's sources and a source the register accepts (no tag or topic page), as is the
stored copy it was found in; a record quotes at most 60 words from one source. For
every record that has passages: each number and date its claim states
(:mod:`.evidence_values`) stands in one of its passages or is declared derived, with
its formula, and at most one value in ten is derived; a figure's ``given_by`` names
whom a passage quotes, or the publisher speaking for itself. Records without a
passage are not errors: the checking page lists them, with the reason when
``missing.toml`` gives one.

Every problem is an :class:`~studyguide.base.errors.InputError` naming the file and
line where it is to be fixed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..base.dates import When
from ..base.errors import InputError
from .evidence import CHAPTER_FOLDER, DERIVED_FILE, EVIDENCE_FOLDER, FILES, MAX_WORDS_PER_SOURCE, SENTENCE, Evidence, Passage
from .evidence_values import Value, date_value, values_in, without_citations
from .sources import Sources, publisher_names, short_name

MAX_DERIVED_SHARE = 0.10
_POSSESSIVE = re.compile(r"['’]s$")
_KIND_FILE = {kind: name for name, kind in FILES.items()}
_NOT_NAMES = {"The", "A", "An", "And", "Of", "In", "On", "For", "By", "As", "Its", "His", "Her", "Their", "Who",
              "According", "Reported", "Through", "Official", "Officially"}


@dataclass(frozen=True)
class Record:
    """An event, contested figure or who's who entry, as the evidence checks see it."""

    kind: str  # event, figure, entry, or sentence (a chapter sentence with {evidence}: .sentence_claims)
    id: str
    label: str  # what a reader sees: the title, the figure, the name
    claim: str  # every sentence of it that states something
    dates: tuple[When, ...]
    sources: tuple[str, ...]
    given_by: str
    path: Path
    line: int
    names: tuple[str, ...] = ()  # a chapter sentence's: the records it writes through {event-date} or {figure}

    def values(self, publishers=()) -> list[Value]:
        """What the claim states; the dates of attributions to ``publishers`` are citations, not claims."""
        stated = [date_value(when) for when in self.dates] + values_in(without_citations(self.claim, publishers))
        return list({v.key: v for v in stated}.values())


def records(timeline=None, people=None) -> list[Record]:
    """The records of a timeline and a who's who, in file order."""
    found: list[Record] = []
    for e in (timeline.events if timeline else ()):
        found.append(Record("event", e.id, e.title, " ".join([e.title, e.description, *e.figures]),
                            tuple(w for w in (e.start, e.end) if w), e.sources, "", timeline.path, e.line))
    for f in (timeline.figures if timeline else ()):
        found.append(Record("figure", f.id, f.value, f"{f.value}. {f.given_by}", (f.date,), f.sources, f.given_by,
                            timeline.path, f.line))
    for p in (people.entries if people else ()):
        found.append(Record("entry", p.id, p.name, p.line, (), p.sources, "", people.path, p.line_number or 1))
    return found


def check_evidence(evidence: Evidence, found: list[Record], sources: Sources | None = None) -> None:
    """Stop at the first passage or record that fails a check."""
    by_key = {(r.kind, r.id): r for r in found}
    publishers = publisher_names(sources)
    for passage in evidence.passages:
        record = by_key.get((passage.kind, passage.record))
        if record is None:
            what = ("no chapter sentence names {evidence}" + f"`{passage.record}`" if passage.kind == SENTENCE
                    else f"no {passage.kind} with id '{passage.record}'")
            raise InputError(passage.path, what, passage.line)
        _check_source(passage, record, sources)
    for derived in evidence.derived:
        record = next((r for r in found if r.id == derived.record), None)
        if record is None:
            raise InputError(derived.path, f"no record with id '{derived.record}'", derived.line)
        if derived.value not in record.claim and derived.value not in {v.text for v in record.values(publishers)}:
            raise InputError(derived.path, f"'{derived.value}' is not written in the claim of '{record.id}'", derived.line)
    stated = derived = 0
    for record in found:
        passages = evidence.of(record.kind, record.id)
        if not passages:
            continue
        _check_amounts(record, passages)
        # a sentence's value may stand in the passages of a record it names: it restates that record
        said = passages + tuple(p for p in evidence.passages if p.record in record.names and p.kind != SENTENCE)
        declared = {d.value for d in evidence.derived_for(record.id)}
        for value in record.values(publishers):
            stated += 1
            if value.text in declared or any(value.key == v.key for d in declared for v in values_in(d)):
                derived += 1
            elif not any(value.stated_in(p.quote) for p in said):
                home = EVIDENCE_FOLDER / CHAPTER_FOLDER / passages[0].path.name if record.kind == SENTENCE \
                    else EVIDENCE_FOLDER / _KIND_FILE[record.kind]
                raise InputError(record.path, f"{record.kind} '{record.id}': '{value.text}' stands in none of its "
                                 f"passages ({home}) and is not declared in "
                                 f"{EVIDENCE_FOLDER / DERIVED_FILE}", record.line)
        if record.kind == "figure" and not _names_giver(record, passages, sources):
            raise InputError(record.path, f"figure '{record.id}': given_by '{record.given_by}' names no one its "
                             "passages quote, nor the publisher of their source", record.line)
    if derived > max(1, MAX_DERIVED_SHARE * stated):
        raise InputError(evidence.folder / DERIVED_FILE, f"{derived} of {stated} numbers and dates are derived; "
                         f"at most {MAX_DERIVED_SHARE:.0%} may be")


def _check_source(passage: Passage, record: Record, sources: Sources | None) -> None:
    if passage.url not in record.sources:
        whose = (f"cited by the sentence of '{record.id}' ({record.path.name}:{record.line}): a link in it or the url "
                 "of a bibliography entry it cites" if record.kind == SENTENCE
                 else f"among the sources of {record.kind} '{record.id}'")
        raise InputError(passage.path, f"{passage.url} is not {whose}", passage.line)
    for address in filter(None, (passage.url, passage.page)):
        refusal = sources.refusal(address) if sources else None
        if refusal is not None:
            raise InputError(passage.path, f"{address} is ruled out as a source ({sources.path}:{refusal.line}): "
                             f"{refusal.reason}", passage.line)
    if sources is not None and sources.publisher_of(passage.url) is None:
        raise InputError(passage.path, f"{passage.url}: no publisher in {sources.path}", passage.line)


def _check_amounts(record: Record, passages: tuple[Passage, ...]) -> None:
    for url in dict.fromkeys(p.url for p in passages):
        words = sum(p.words for p in passages if p.url == url)
        if words > MAX_WORDS_PER_SOURCE:
            first = next(p for p in passages if p.url == url)
            raise InputError(first.path, f"{record.kind} '{record.id}' quotes {words} words from {url}; "
                             f"at most {MAX_WORDS_PER_SOURCE} per source", first.line)


def _names_giver(record: Record, passages: tuple[Passage, ...], sources: Sources | None) -> bool:
    """A capitalised name in ``given_by`` stands in a passage, or ``given_by`` names the passage's publisher."""
    names = {w for w in re.findall(r"\b[A-Z][\w'’-]{2,}", record.given_by) if w not in _NOT_NAMES}
    said = " ".join(p.quote + " " + p.translation for p in passages)
    stems = {_POSSESSIVE.sub("", name) for name in names}
    if any(re.search(r"\b" + re.escape(stem), said, re.I) for stem in stems):  # "the prosecutor-general" too
        return True
    for passage in passages:  # the source speaking for itself: given_by names its publisher
        publisher = sources.publisher_of(passage.url) if sources else None
        if publisher and {w.lower() for w in stems} & {w.lower() for w in re.findall(r"[\w'’-]+", short_name(publisher.name))}:
            return True
    return False
