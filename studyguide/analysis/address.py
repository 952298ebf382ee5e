"""Address and rhetoric: who a paragraph speaks to, and how.

Per paragraph, counted on ``text.reading(n)`` with the words of
:mod:`studyguide.tokens`:

- pronouns of the first person plural (:data:`PRONOUNS` ``we``), the second
  person (``you``) and the third person plural (``they``);
- questions and exclamations: sentences ending in "?" or "!" (closing quotes
  and brackets ignored);
- imperatives: sentences holding a clause that opens (after a connective
  such as "and", "but", "then") with a command: "do not", "don't", "let",
  "never", or a verb from :data:`COMMAND_VERBS`; or a short exclamation that
  ends with such a verb ("Workers unite!"). Without a part-of-speech tagger
  this is a heuristic: it finds the text's commands and says which rule fired.

The lists are English: for a text in another language nothing is counted
(:func:`studyguide.analysis.languages.applies`), and the totals row says so.

Quoted paragraphs (sidecar ``quotations``, ``p.quotation``) are not the
author's own voice: they are listed, but left out of the author's totals.
:func:`looks_quoted` checks the editors' mark against the text itself (a
paragraph wholly inside quotation marks).

The tables are :mod:`studyguide.views.address_tables`; the chart is
:mod:`studyguide.views.address_chart`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..texts.text import Text
from .languages import applies
from .stretches import MAX_ROWS, stretches
from .tokens import sentences, words

PRONOUNS = {
    "we": frozenset({"we", "us", "our", "ours", "ourselves", "we're", "we've", "we'll", "we'd", "let's"}),
    "you": frozenset({"you", "your", "yours", "yourself", "yourselves", "you're", "you've", "you'll", "you'd"}),
    "they": frozenset({"they", "them", "their", "theirs", "themselves", "they're", "they've", "they'll", "they'd"}),
}
COMMAND_OPENERS = (("do", "not"), ("don't",), ("let",), ("let's",), ("never",))
COMMAND_VERBS = frozenset({"read", "look", "unite", "stop", "join", "remember", "fight", "support", "think",
                           "listen", "stand", "organise", "organize", "defend", "spread", "beware", "be", "try"})
CONNECTIVES = frozenset({"and", "but", "so", "then", "please", "now", "just", "definitely", "simply", "even"})
QUOTES = "\"'“”‘’«»"
CLAUSE_BREAK = re.compile(r"[;:,]|\s[-–—]\s")


def _normal(word: str) -> str:
    return word.replace("’", "'")


def sentence_end(sentence: str) -> str:
    """The sentence's last punctuation mark, ignoring closing quotes and brackets."""
    stripped = sentence.rstrip().rstrip(QUOTES + ")]").rstrip()
    return stripped[-1:] if stripped else ""


def imperative_clause(sentence: str) -> str | None:
    """The first clause of ``sentence`` that reads as a command, or None."""
    is_exclamation = sentence_end(sentence) == "!"
    for clause in CLAUSE_BREAK.split(sentence):
        tokens = [_normal(w) for w in words(clause)]
        while tokens and tokens[0] in CONNECTIVES:
            tokens = tokens[1:]
        if not tokens:
            continue
        if any(tuple(tokens[: len(o)]) == o for o in COMMAND_OPENERS) or tokens[0] in COMMAND_VERBS:
            return clause.strip()
        if is_exclamation and len(tokens) <= 3 and tokens[-1] in COMMAND_VERBS and tokens[0] not in PRONOUNS["we"] | PRONOUNS["you"] | PRONOUNS["they"]:
            return clause.strip()
    return None


def looks_quoted(paragraph: str) -> bool:
    """True when the whole paragraph is set inside quotation marks."""
    text = paragraph.strip()
    return len(text) > 1 and text[0] in "\"“«'‘" and text[-1] in "\"”»'’"


@dataclass(frozen=True)
class Address:
    paragraph: int
    words: int
    we: int
    you: int
    they: int
    questions: int
    exclamations: int
    imperatives: int
    quotation: bool
    looks_quoted: bool

    @property
    def voice(self) -> str:
        return "quoted (another text)" if self.quotation else "author"


def paragraph_address(text: Text) -> list[Address]:
    """Per paragraph, the counts above; none for a text not in English."""
    if not applies(text, "address"):
        return []
    rows = []
    for p in text.paragraphs:
        source = text.reading(p.number)
        tokens = [_normal(w) for w in words(source)]
        said = sentences(source)
        rows.append(Address(
            paragraph=p.number,
            words=len(tokens),
            we=sum(t in PRONOUNS["we"] for t in tokens),
            you=sum(t in PRONOUNS["you"] for t in tokens),
            they=sum(t in PRONOUNS["they"] for t in tokens),
            questions=sum(sentence_end(s) == "?" for s in said),
            exclamations=sum(sentence_end(s) == "!" for s in said),
            imperatives=sum(imperative_clause(s) is not None for s in said),
            quotation=p.quotation,
            looks_quoted=looks_quoted(p.text),
        ))
    return rows


COUNTED = ("we", "you", "they", "questions", "exclamations", "imperatives")


@dataclass(frozen=True)
class AddressStretch:
    """A paragraph, or a stretch of paragraphs pooled: its voice, its words and the counts of :data:`COUNTED`."""

    paragraphs: range
    voice: str
    words: int
    counts: tuple[int, ...]  # in the order of COUNTED
    quotation: bool  # any paragraph of it is quoted


def stretch_address(found: list[Address], limit: int = MAX_ROWS) -> list[AddressStretch]:
    """The paragraphs' counts as at most ``limit`` stretches of paragraphs (:mod:`.stretches`), summed."""
    pooled = []
    for stretch in stretches(len(found), limit, first=0):
        part = found[stretch.start:stretch.stop]
        voices = {a.voice for a in part}
        pooled.append(AddressStretch(range(part[0].paragraph, part[-1].paragraph + 1),
                                     voices.pop() if len(voices) == 1 else "author, with quotations",
                                     sum(a.words for a in part), tuple(sum(getattr(a, f) for a in part) for f in COUNTED),
                                     any(a.quotation for a in part)))
    return pooled


@dataclass(frozen=True)
class AuthorTotals:
    """The counts of :data:`COUNTED` over the author's own paragraphs, and the quoted paragraphs left out."""

    paragraphs: int
    left_out: tuple[int, ...]
    counts: tuple[int, ...]


def author_totals(text: Text) -> AuthorTotals | None:
    """Totals over the author's own paragraphs only (quoted paragraphs left out); None for a text not in English."""
    if not applies(text, "address"):
        return None
    rows = paragraph_address(text)
    own = [a for a in rows if not a.quotation]
    return AuthorTotals(len(own), tuple(a.paragraph for a in rows if a.quotation),
                        tuple(sum(getattr(a, f) for a in own) for f in COUNTED))


def second_person_sentences(text: Text) -> list[tuple[int, str, str]]:
    """Sentences that speak to a "you": (paragraph, voice, sentence); none for a text not in English."""
    if not applies(text, "address"):
        return []
    rows = []
    for p in text.paragraphs:
        for s in sentences(text.reading(p.number)):
            if any(_normal(w) in PRONOUNS["you"] for w in words(s)):
                rows.append((p.number, "quoted" if p.quotation else "author", s))
    return rows


def imperative_rows(text: Text) -> list[tuple[int, str, str]]:
    """Each imperative sentence and the clause that made it one; none for a text not in English."""
    if not applies(text, "address"):
        return []
    return [(p.number, s, clause)
            for p in text.paragraphs
            for s in sentences(text.reading(p.number))
            if (clause := imperative_clause(s)) is not None]


def voice_rows(text: Text) -> list[tuple[int, str, str]]:
    """How each paragraph's voice is decided: the editors' mark beside what the text itself shows."""
    return [(p.number, "yes" if p.quotation else "no", "yes" if looks_quoted(p.text) else "no") for p in text.paragraphs]
