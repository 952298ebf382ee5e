"""Chapter sentences that carry their own passages: ``{evidence}`claim-id``` at the end of a sourced sentence.

A sentence of a chapter that states a fact no data record holds (the union lawyer's
sentence, who convicted whom) names a claim id at its end, after its citation; the
passages for it live in ``data/evidence/chapters/<chapter>.toml`` with the schema of
the records' passages (:mod:`.evidence`). Each such sentence becomes a
:class:`~.evidence_check.Record` of kind ``sentence`` whose sources are the URLs it
cites (its links, and the ``url`` of each bibliography entry it cites with
``{cite:p}``), whose claim is its words outside roles, links and citations, and
whose named records are those it writes through ``{event-date}`` and ``{figure}``:
:func:`~.evidence_check.check_evidence` then checks it as it checks a data record (the
URL cited and accepted by the register, at most 60 words per source, every number and
date stated in a passage, its own or a named record's, or declared derived).

:func:`sentence_records` adds what only a sentence can get wrong: a claim id with no
passage, named by two sentences, equal to a data record's id, or whose passages sit in
another chapter's file. Every problem names the file and line.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..base.errors import InputError
from .coverage import Sentence, sentences
from .evidence import CHAPTER_FOLDER, EVIDENCE_FOLDER, SENTENCE, Evidence
from .evidence_check import Record

BIBLIOGRAPHY = Path("data") / "sources.bib"
ROLE = "evidence"
_CLAIM_ROLE = re.compile(r"\{evidence\}`([^`]*)`")
_CITE = re.compile(r"\{cite:[pt]\}`([^`]*)`")
_NAMED = re.compile(r"\{(?:event-date|figure)\}`([a-z0-9-]+)`")
_ANY_ROLE = re.compile(r"\{[a-z-]+(?::[a-z]+)?\}`[^`]*`")
_LINK = re.compile(r"\[([^\]]*)\]\((https?://[^)\s]+)\)")
_BARE = re.compile(r"<(https?://[^>\s]+)>")
_BIB_ENTRY = re.compile(r"@\w+\{([^,\s]+),(.*?)\n\}", re.S)
_BIB_URL = re.compile(r"\burl\s*=\s*\{([^}]*)\}")


def chapter_file(chapter: Path) -> Path:
    """Where the passages of a chapter's sentences live: ``data/evidence/chapters/<chapter's stem>.toml``."""
    return EVIDENCE_FOLDER / CHAPTER_FOLDER / f"{chapter.stem}.toml"


def bibliography_urls(root: Path) -> dict[str, str]:
    """Each bibliography key's ``url``."""
    path = Path(root) / BIBLIOGRAPHY
    if not path.is_file():
        return {}
    found = {}
    for key, body in _BIB_ENTRY.findall(path.read_text("utf-8")):
        url = _BIB_URL.search(body)
        if url:
            found[key.strip()] = url[1].strip()
    return found


def cited(sentence: str, bibliography: dict[str, str]) -> tuple[str, ...]:
    """The URLs a sentence cites: its links, bare or labelled, and its bibliography entries'."""
    urls = [m[2] for m in _LINK.finditer(sentence)] + _BARE.findall(sentence)
    for keys in _CITE.findall(sentence):
        urls += [bibliography[k.strip()] for k in keys.split(",") if k.strip() in bibliography]
    return tuple(dict.fromkeys(urls))


def claim_text(sentence: str) -> str:
    """What the sentence itself states: its words outside roles, links and citations.

    A role writes data that its record's passages support; a link's label names a
    source and when it was published, not a fact of the events.
    """
    words = _BARE.sub(" ", _LINK.sub(" ", _ANY_ROLE.sub(" ", sentence)))
    return " ".join(re.sub(r"\(\s*[;,]?\s*\)", " ", words).split())  # a citation's parentheses, emptied


def sentence_records(root: Path, evidence: Evidence | None, record_ids: set[str] = frozenset()) -> list[Record]:
    """The chapter sentences that name a claim through ``{evidence}``, as records of kind ``sentence``.

    Stops with a ``file:line`` error at a claim id that has no passage, is named twice,
    is a data record's id, or whose passages lie in another chapter's file.
    """
    root = Path(root)
    bibliography = bibliography_urls(root)
    found: dict[str, Record] = {}
    for sentence in sentences(root):
        for claim in re.findall(_CLAIM_ROLE, sentence.text):
            line = _line_of(sentence, f"{{{ROLE}}}`{claim}`")
            claim = claim.strip()
            where = chapter_file(sentence.path)
            if claim in found:
                raise InputError(sentence.path, f"{{{ROLE}}}`{claim}` is named by two sentences (also at "
                                 f"{found[claim].path.name}:{found[claim].line}); give each sentence its own claim id", line)
            if claim in record_ids:
                raise InputError(sentence.path, f"{{{ROLE}}}`{claim}`: '{claim}' is the id of a data record; cite "
                                 "the record through {event-date} or {figure}, or give the sentence a claim id of its own",
                                 line)
            passages = evidence.of(SENTENCE, claim) if evidence else ()
            if not passages:
                raise InputError(sentence.path, f"{{{ROLE}}}`{claim}`: no passage for '{claim}' in {where}", line)
            stray = next((p for p in passages if p.path.name != where.name), None)
            if stray is not None:
                raise InputError(stray.path, f"claim '{claim}' belongs to a sentence of {sentence.path.name}; its "
                                 f"passages go in {where}", stray.line)
            found[claim] = Record(SENTENCE, claim, _opening(sentence.text), claim_text(sentence.text), (),
                                  cited(sentence.text, bibliography), "", sentence.path, line,
                                  tuple(_NAMED.findall(sentence.text)))
    return list(found.values())


def check_reasons(root: Path, evidence: Evidence | None) -> None:
    """Each reason of ``sentences-missing.toml`` names words that stand in a sentence of its chapter (a
    reason left behind by an edited sentence would be shown for nothing)."""
    if evidence is None:
        return
    texts: dict[str, list[str]] = {}
    for sentence in sentences(Path(root)):
        texts.setdefault(sentence.path.relative_to(root).as_posix(), []).append(sentence.text)
    for reason in evidence.sentences_missing:
        if not any(reason.text in text for text in texts.get(reason.file, ())):
            raise InputError(reason.path, f"no sentence of {reason.file} holds the words '{reason.text}'", reason.line)


def _line_of(sentence: Sentence, role: str) -> int:
    """The line of the chapter where ``role`` stands, at or after the sentence's paragraph's first line."""
    lines = sentence.path.read_text("utf-8").split("\n")
    return next((n for n in range(sentence.line, len(lines) + 1) if role in lines[n - 1]), sentence.line)


def _opening(sentence: str, words: int = 8) -> str:
    """The sentence's first words as a reader sees them, naming it in a fold and on the checking page."""
    plain = claim_text(_CLAIM_ROLE.sub("", sentence))
    plain = " ".join(re.sub(r"\*\*|[*_|]|^\s*(?:[-*]|\d+\.)\s+|[()]", " ", plain).split())
    cut = plain.split()
    return " ".join(cut[:words]) + (" …" if len(cut) > words else "")
