"""The theme lexicon (``data/themes.toml``): themes and the cue words that count as their evidence.

One ``[[theme]]`` table per theme, in the order the tracker shows them (the file's
header explains each key). This module loads and checks the file; matching the
cues in a text is :mod:`studyguide.analysis.themes`' business.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from ..base.collection import Keyed
from ..base.errors import InputError
from ..base.schema import ID, Field, TomlFile
from .symbols import PALETTE, SYMBOLS

RULES = ("exact", "stem", "pattern")
LEXICON_FILE = Path("data") / "themes.toml"
FIELDS = {
    "id": Field(str, True, "Short stable name; the anchor of the theme's section.", form=ID),
    "label": Field(str, True, "The name readers see."),
    "description": Field(str, True, "What the theme is about in these texts."),
    "colour": Field(str, True, "One of the Okabe-Ito colours.", choices=PALETTE),
    "symbol": Field(str, True, "Its symbol; each theme its own.", choices=tuple(SYMBOLS)),
    "exact": Field(list, False, "Words or phrases matched as whole words, ignoring capitals.", str),
    "stem": Field(list, False, "Words matched by their Snowball stem.", str),
    "pattern": Field(list, False, "Regular expressions, each matched against one whole word.", str),
}
_HAS_WORD = re.compile(r"[^\W_]")  # a cue must hold a letter or digit: a word for the tokeniser


@dataclass(frozen=True)
class Cue:
    """A word, phrase or pattern that counts as evidence for a theme."""

    text: str
    rule: str
    line: int | None = None

    def __str__(self) -> str:
        return f"{self.text} ({self.rule})"


@dataclass(frozen=True)
class Theme:
    id: str
    label: str
    description: str
    colour: str
    symbol: str
    cues: tuple[Cue, ...]
    line: int | None = None

    @property
    def marker(self) -> str:
        """The matplotlib marker drawn for the theme's symbol."""
        return SYMBOLS[self.symbol]

    @property
    def anchor(self) -> str:
        return f"theme-{self.id}"


@dataclass(frozen=True)
class Lexicon(Keyed[Theme], items="themes", kind="theme"):
    """The themes in the order the tracker shows them; ``lexicon[id]`` finds one."""

    themes: tuple[Theme, ...]
    path: Path | None = None

    def with_cues(self, theme_id: str, cues: tuple[Cue, ...]) -> Lexicon:
        """A copy in which one theme has ``cues`` (the data file is not changed)."""
        self[theme_id]  # raises KeyError for an unknown theme
        return Lexicon(tuple(replace(t, cues=cues) if t.id == theme_id else t for t in self.themes), self.path)

    def with_cue(self, theme_id: str, text: str, rule: str = "exact") -> Lexicon:
        """A copy with one more cue for a theme."""
        return self.with_cues(theme_id, (*self[theme_id].cues, make_cue(self.path or "<edit>", text, rule)))

    def without_cue(self, theme_id: str, text: str) -> Lexicon:
        """A copy without the cue(s) written ``text`` for a theme."""
        cues = tuple(c for c in self[theme_id].cues if c.text != text)
        if len(cues) == len(self[theme_id].cues):
            raise KeyError(f"theme {theme_id!r} has no cue {text!r}")
        return self.with_cues(theme_id, cues)


def make_cue(path: Path | str, text: object, rule: str, line: int | None = None) -> Cue:
    """A checked cue: a non-empty string holding a word, or a pattern that compiles."""
    if not isinstance(text, str) or not text.strip():
        raise InputError(path, f"every {rule} cue must be a non-empty string, found {text!r}", line)
    text = text.strip()
    if rule == "pattern":
        try:
            re.compile(text)
        except re.error as exc:
            raise InputError(path, f"bad pattern {text!r}: {exc}", line) from None
    elif not _HAS_WORD.search(text):
        raise InputError(path, f"{rule} cue {text!r} holds no word", line)
    return Cue(text, rule, line)


def parse_cues(source: str, where: str = "cue editor") -> tuple[Cue, ...]:
    """Cues written one per line as ``exact: word``, ``stem: word`` or ``pattern: regex``."""
    cues = []
    for number, line in enumerate(source.splitlines(), 1):
        if line.strip():
            rule, sep, cue = line.partition(":")
            if not sep or rule.strip() not in RULES:
                raise InputError(where, "write each cue as 'exact: word', 'stem: word' or 'pattern: regex'", number)
            cues.append(make_cue(where, cue, rule.strip(), number))
    return tuple(cues)


def read_lexicon(path: Path | str) -> Lexicon:
    """Parse and check a theme lexicon; any problem is a one-line :class:`InputError`."""
    toml = TomlFile.load(path, "no theme lexicon here", {"theme": Field(list, False, "The themes.", dict)})
    themes: list[Theme] = []
    id_lines: dict[str, int | None] = {}
    for number, entry, span in toml.entries("theme"):
        toml.check(entry, FIELDS, span, f"theme {number}: ")
        theme_id = entry["id"]
        if theme_id in id_lines:
            raise toml.error(f"duplicate theme id '{theme_id}' (first at line {id_lines[theme_id]})", toml.line("id", span))
        id_lines[theme_id] = toml.line("id", span)
        for other in themes:
            if other.symbol == entry["symbol"]:
                raise toml.error(f"theme '{theme_id}': symbol {entry['symbol']} is already used by '{other.id}'",
                                 toml.line("symbol", span))
        cues = []
        for rule in RULES:
            rule_line = toml.line(rule, span)
            for value in entry.get(rule, []):
                found = toml.line_holding(f'"{value}"', (rule_line, span[1])) if rule_line else None
                cues.append(make_cue(path, value, rule, found or rule_line))
        if not cues:
            raise toml.error(f"theme '{theme_id}' has no cues (give exact, stem or pattern)", span[0])
        themes.append(Theme(theme_id, entry["label"].strip(), " ".join(entry["description"].split()),
                            entry["colour"], entry["symbol"], tuple(cues), span[0]))
    if not themes:
        raise toml.error("no [[theme]] tables")
    return Lexicon(tuple(themes), path)
