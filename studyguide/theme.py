"""Themes: a curated lexicon of cue words, matched and scored per paragraph and sentence.

The lexicon lives in ``data/themes.toml`` (one ``[[theme]]`` table per theme,
see that file's header). Everything here is computed from it, so a teacher who
edits a cue word changes every figure and table.

Rules, stated once and tested:

- **Words** are the tokens of :mod:`studyguide.tokens` (lower-cased; "it's" and
  "self-organization" are one word each). Counting uses ``text.reading(n)``
  (the editors' suggested readings applied).
- **Matching**: an ``exact`` cue matches the same word or run of words; a
  ``stem`` cue matches words with the same Snowball stems ("exploitation"
  finds "exploited"); a ``pattern`` cue is a regular expression that must
  match one whole word.
- **Overlaps within a theme**: leftmost, then longest match wins; a word is
  used by at most one cue of a theme ("class war" is one match, not also
  "war" in the same theme). Equal length: the cue written first wins.
- **Overlaps across themes**: a word may cue several themes and then counts
  once in each ("class war" counts for exploitation, "war" for war). The
  evidence table shows it under each theme.
- **Negation**: a match is *negated* when one of :data:`NEGATORS` (or a word
  ending in "n't") stands among the :data:`NEGATION_WINDOW` words before it
  in the same sentence; "not only" is not a negation. Negated matches are
  listed as evidence but not counted.
- **Score**: counted matches per 100 words of the paragraph (or sentence).
- **Ties**: themes with equal scores are all kept; order is by score, then
  by the lexicon's order. A paragraph's leading themes are all themes with
  the highest score.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from pathlib import Path

from nltk.stem.snowball import SnowballStemmer

from .errors import InputError
from .tomlfile import read_toml
from .sidecar import ID_PATTERN, key_line, table_lines
from .text import Text
from .tokens import WORD_PATTERN, sentences, words

RULES = ("exact", "stem", "pattern")
THEME_KEYS = ("id", "label", "description", "colour", "symbol", *RULES)
REQUIRED = ("id", "label", "description", "colour", "symbol")
# Each symbol, and the matplotlib marker drawn for it in figures.
SYMBOLS = {"■": "s", "▲": "^", "●": "o", "★": "*", "◆": "D", "✚": "P", "▼": "v", "✖": "X"}
NEGATORS = frozenset({"not", "no", "never", "nor", "without", "cannot"})
NEGATION_WINDOW = 3
LEXICON_FILE = Path("data") / "themes.toml"
_WORD = re.compile(WORD_PATTERN)
_STEMMER = SnowballStemmer("english")


@lru_cache(maxsize=8192)
def stem(word: str) -> str:
    return _STEMMER.stem(word.replace("’", "'"))


@dataclass(frozen=True)
class Cue:
    """A word, phrase or pattern that counts as evidence for a theme."""

    text: str
    rule: str
    line: int | None = None

    @cached_property
    def parts(self) -> tuple[str, ...]:
        """What is compared with the words of a text, one item per word."""
        if self.rule == "pattern":
            return (self.text,)
        tokens = words(self.text)
        return tuple(stem(t) for t in tokens) if self.rule == "stem" else tuple(tokens)

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
        return SYMBOLS[self.symbol]

    @property
    def anchor(self) -> str:
        return f"theme-{self.id}"


@dataclass(frozen=True)
class Lexicon:
    """The themes in the order the tracker shows them."""

    themes: tuple[Theme, ...]
    path: Path | None = None

    def __iter__(self):
        return iter(self.themes)

    def __len__(self) -> int:
        return len(self.themes)

    def __getitem__(self, theme_id: str) -> Theme:
        for theme in self.themes:
            if theme.id == theme_id:
                return theme
        raise KeyError(f"no theme {theme_id!r}; known: {', '.join(t.id for t in self.themes)}")

    def _with(self, theme_id: str, cues: tuple[Cue, ...]) -> Lexicon:
        self[theme_id]  # raises KeyError for an unknown theme
        themes = tuple(replace(t, cues=cues) if t.id == theme_id else t for t in self.themes)
        return Lexicon(themes, self.path)

    def with_cue(self, theme_id: str, text: str, rule: str = "exact") -> Lexicon:
        """A copy with one more cue for a theme (the data file is not changed)."""
        cue = _make_cue(self.path or Path("<edit>"), text, rule, None)
        return self._with(theme_id, (*self[theme_id].cues, cue))

    def without_cue(self, theme_id: str, text: str) -> Lexicon:
        """A copy without the cue(s) written ``text`` for a theme."""
        cues = tuple(c for c in self[theme_id].cues if c.text != text)
        if len(cues) == len(self[theme_id].cues):
            raise KeyError(f"theme {theme_id!r} has no cue {text!r}")
        return self._with(theme_id, cues)


# ---------------------------------------------------------------- loading


def _make_cue(path: Path, text: object, rule: str, line: int | None) -> Cue:
    if not isinstance(text, str) or not text.strip():
        raise InputError(path, f"every {rule} cue must be a non-empty string, found {text!r}", line)
    text = text.strip()
    if rule == "pattern":
        try:
            re.compile(text)
        except re.error as exc:
            raise InputError(path, f"bad pattern {text!r}: {exc}", line) from None
    elif not words(text):
        raise InputError(path, f"{rule} cue {text!r} holds no word", line)
    return Cue(text, rule, line)


def _line_of(source: str, needle: str, start: int, end: int | None) -> int | None:
    lines = source.splitlines()
    for number in range(start, (end or len(lines) + 1)):
        if number - 1 < len(lines) and needle in lines[number - 1]:
            return number
    return None


def read_lexicon(path: Path | str) -> Lexicon:
    """Parse and check a theme lexicon; any problem is a one-line :class:`InputError`."""
    from .style import PALETTE  # the shared palette (imports matplotlib, so only when reading)

    path = Path(path)
    if not path.is_file():
        raise InputError(path, "no theme lexicon here")
    source, data = read_toml(path)
    for key in data:
        if key != "theme":
            raise InputError(path, f"unknown key '{key}' (only [[theme]] tables are allowed)", key_line(source, key) or _line_of(source, key, 1, None))
    entries = data.get("theme")
    if not isinstance(entries, list) or not entries:
        raise InputError(path, "no [[theme]] tables")
    starts = table_lines(source, "theme")
    themes: list[Theme] = []
    seen: dict[str, int | None] = {}
    for index, entry in enumerate(entries):
        start = starts[index] if index < len(starts) else 1
        end = starts[index + 1] if index + 1 < len(starts) else None

        def line(key: str, start: int = start, end: int | None = end) -> int | None:
            found = key_line(source, key, start)
            return found if found is not None and (end is None or found < end) else start

        where = f"theme {index + 1}"
        for key in entry:
            if key not in THEME_KEYS:
                raise InputError(path, f"{where}: unknown key '{key}' (allowed: {', '.join(THEME_KEYS)})", line(key))
        for key in REQUIRED:
            if key not in entry:
                raise InputError(path, f"{where}: missing '{key}'", start)
            if not isinstance(entry[key], str) or not entry[key].strip():
                raise InputError(path, f"{where}: '{key}' must be a non-empty string", line(key))
        theme_id = entry["id"]
        if not ID_PATTERN.match(theme_id):
            raise InputError(path, f"{where}: id '{theme_id}' must be lowercase letters, digits and single hyphens", line("id"))
        if theme_id in seen:
            raise InputError(path, f"duplicate theme id '{theme_id}' (first at line {seen[theme_id]})", line("id"))
        seen[theme_id] = line("id")
        if entry["colour"].upper() not in PALETTE:
            raise InputError(path, f"theme '{theme_id}': colour {entry['colour']} is not in the Okabe-Ito palette ({', '.join(PALETTE)})", line("colour"))
        if entry["symbol"] not in SYMBOLS:
            raise InputError(path, f"theme '{theme_id}': symbol {entry['symbol']!r} must be one of {' '.join(SYMBOLS)}", line("symbol"))
        for other in themes:
            if other.symbol == entry["symbol"]:
                raise InputError(path, f"theme '{theme_id}': symbol {entry['symbol']} is already used by '{other.id}'", line("symbol"))
        cues: list[Cue] = []
        for rule in RULES:
            values = entry.get(rule, [])
            if not isinstance(values, list):
                raise InputError(path, f"theme '{theme_id}': '{rule}' must be a list of strings", line(rule))
            for value in values:
                cue_line = _line_of(source, f'"{value}"', line(rule), end) if isinstance(value, str) else line(rule)
                cues.append(_make_cue(path, value, rule, cue_line or line(rule)))
        if not cues:
            raise InputError(path, f"theme '{theme_id}' has no cues (give exact, stem or pattern)", start)
        themes.append(Theme(theme_id, entry["label"].strip(), " ".join(entry["description"].split()),
                            entry["colour"].upper(), entry["symbol"], tuple(cues), start))
    return Lexicon(tuple(themes), path)


@lru_cache(maxsize=8)
def _cached(path: Path, mtime: int) -> Lexicon:
    return read_lexicon(path)


def lexicon_for(text: Text) -> Lexicon | None:
    """The project's lexicon (``data/themes.toml`` beside ``seeds/``), or None when there is none."""
    path = text.path.resolve().parent.parent / LEXICON_FILE
    return _cached(path, path.stat().st_mtime_ns) if path.is_file() else None


def load_lexicon(root: Path | str | None = None) -> Lexicon:
    """The lexicon of the project at ``root`` (default: the current project)."""
    from .corpus import project_root

    return read_lexicon((Path(root) if root else project_root()) / LEXICON_FILE)


# ---------------------------------------------------------------- matching


@dataclass(frozen=True)
class Token:
    word: str
    start: int
    end: int
    sentence: int


@dataclass(frozen=True)
class Match:
    """One cue found in a string: character span, words used, and whether it is negated."""

    theme: str
    cue: Cue
    start: int
    end: int
    first: int  # index of the first word
    length: int  # number of words
    sentence: int
    negated: bool

    @property
    def counted(self) -> bool:
        return not self.negated


@lru_cache(maxsize=512)
def tokenize(source: str) -> tuple[Token, ...]:
    """Words of ``source`` with character spans and the index of their sentence."""
    bounds: list[int] = []
    position = 0
    for sentence in sentences(source):
        found = source.find(sentence, position)
        position = (found if found >= 0 else position) + len(sentence)
        bounds.append(position)
    tokens = []
    for match in _WORD.finditer(source):
        index = next((i for i, end in enumerate(bounds) if match.start() < end), max(len(bounds) - 1, 0))
        tokens.append(Token(match.group().lower(), match.start(), match.end(), index))
    return tuple(tokens)


@lru_cache(maxsize=256)
def _compiled(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.IGNORECASE)


def _is_negator(word: str) -> bool:
    return word in NEGATORS or word.endswith(("n't", "n’t"))


def _negated(tokens: tuple[Token, ...], first: int) -> bool:
    sentence = tokens[first].sentence
    for i in range(max(0, first - NEGATION_WINDOW), first):
        if tokens[i].sentence == sentence and _is_negator(tokens[i].word):
            following = tokens[i + 1].word if i + 1 < len(tokens) else ""
            if not (tokens[i].word == "not" and following == "only"):
                return True
    return False


def _cue_at(cue: Cue, plain: list[str], stems: list[str], i: int) -> int:
    """Number of words ``cue`` matches starting at word ``i`` (0 = no match)."""
    parts = cue.parts
    if cue.rule == "pattern":
        return 1 if _compiled(cue.text).fullmatch(plain[i]) else 0
    if i + len(parts) > len(plain):
        return 0
    seq = stems if cue.rule == "stem" else plain
    return len(parts) if tuple(seq[i : i + len(parts)]) == parts else 0


def find_matches(source: str, lexicon: Lexicon) -> list[Match]:
    """Every cue match in ``source``, by position then lexicon order (rules in the module docstring)."""
    tokens = tokenize(source)
    plain = [t.word for t in tokens]
    stems = [stem(w) for w in plain]
    found: list[Match] = []
    for theme in lexicon:
        i = 0
        while i < len(tokens):
            best: tuple[int, Cue] | None = None
            for cue in theme.cues:
                length = _cue_at(cue, plain, stems, i)
                if length and (best is None or length > best[0]):
                    best = (length, cue)
            if best is None:
                i += 1
                continue
            length, cue = best
            last = tokens[i + length - 1]
            found.append(Match(theme.id, cue, tokens[i].start, last.end, i, length, tokens[i].sentence, _negated(tokens, i)))
            i += length
    order = {t.id: n for n, t in enumerate(lexicon)}
    return sorted(found, key=lambda m: (m.start, order[m.theme]))


# ---------------------------------------------------------------- scoring


@dataclass(frozen=True)
class Segment:
    """A scored stretch of text (a paragraph or one sentence)."""

    paragraph: int
    sentence: int | None  # None for a whole paragraph
    source: str
    words: int
    matches: tuple[Match, ...]
    quotation: bool

    def count(self, theme_id: str) -> int:
        return sum(1 for m in self.matches if m.theme == theme_id and m.counted)

    def negated(self, theme_id: str) -> int:
        return sum(1 for m in self.matches if m.theme == theme_id and m.negated)

    def score(self, theme_id: str) -> float:
        """Counted matches per 100 words."""
        return 100 * self.count(theme_id) / self.words if self.words else 0.0

    def ranked(self, lexicon: Lexicon) -> list[Theme]:
        """Themes with at least one counted match: highest score first, ties in lexicon order."""
        present = [t for t in lexicon if self.count(t.id)]
        return sorted(present, key=lambda t: -self.score(t.id))

    def leading(self, lexicon: Lexicon) -> list[Theme]:
        """All themes sharing the highest score (ties are kept)."""
        ranked = self.ranked(lexicon)
        return [t for t in ranked if self.score(t.id) == self.score(ranked[0].id)] if ranked else []


def score_paragraphs(text: Text, lexicon: Lexicon) -> list[Segment]:
    """One scored segment per paragraph, counted on ``text.reading(n)``."""
    segments = []
    for p in text.paragraphs:
        source = text.reading(p.number)
        segments.append(Segment(p.number, None, source, len(words(source)), tuple(find_matches(source, lexicon)), p.quotation))
    return segments


def score_sentences(text: Text, lexicon: Lexicon) -> list[Segment]:
    """One scored segment per sentence, numbered within its paragraph from 1."""
    segments = []
    for p in text.paragraphs:
        for n, sentence in enumerate(sentences(text.reading(p.number)), 1):
            segments.append(Segment(p.number, n, sentence, len(words(sentence)),
                                    tuple(find_matches(sentence, lexicon)), p.quotation))
    return segments


def context(source: str, match: Match, width: int = 6) -> tuple[str, str, str]:
    """(left, matched words, right): up to ``width`` words either side, as written."""
    tokens = tokenize(source)
    left_start = tokens[max(0, match.first - width)].start
    right_end = tokens[min(len(tokens) - 1, match.first + match.length - 1 + width)].end
    left = source[left_start : match.start]
    right = source[match.end : right_end]
    return (("… " if left_start > 0 else "") + left.lstrip(), source[match.start : match.end],
            right.rstrip() + (" …" if right_end < len(source.rstrip()) else ""))


EVIDENCE_HEADERS = ("Paragraph", "Theme", "Matched", "Cue (rule)", "In context", "Counted?")


def evidence_rows(segments: list[Segment], lexicon: Lexicon, theme_id: str | None = None) -> list[tuple]:
    """Per paragraph and theme, each matched word in context; negated matches say so."""
    rows = []
    order = {t.id: n for n, t in enumerate(lexicon)}
    for segment in segments:
        for m in sorted(segment.matches, key=lambda m: (order[m.theme], m.start)):
            if theme_id and m.theme != theme_id:
                continue
            theme = lexicon[m.theme]
            left, hit, right = context(segment.source, m)
            label = f"{segment.paragraph}" + (" (quoted)" if segment.quotation else "")
            rows.append((label, f"{theme.symbol} {theme.label}", hit, str(m.cue), f"{left}[{hit}]{right}",
                         "no: negated" if m.negated else "yes"))
    return rows


TRACKER_HEADERS_START = ("Paragraph", "Words")


def tracker_rows(segments: list[Segment], lexicon: Lexicon) -> list[tuple]:
    """Per paragraph: number, words, then 'count (score per 100 words)' for each theme, then leading theme(s)."""
    rows = []
    for s in segments:
        cells = [f"{s.count(t.id)} ({s.score(t.id):.1f})" if s.count(t.id) else "–" for t in lexicon]
        leading = " = ".join(f"{t.symbol} {t.label}" for t in s.leading(lexicon)) or "none"
        rows.append((f"{s.paragraph}" + (" (quoted)" if s.quotation else ""), s.words, *cells, leading))
    return rows


def tracker_headers(lexicon: Lexicon) -> tuple[str, ...]:
    return (*TRACKER_HEADERS_START, *(f"{t.symbol} {t.label}" for t in lexicon), "Leading theme(s)")


def overlaps(segments: list[Segment], lexicon: Lexicon) -> list[tuple[int, str, str]]:
    """Words that cue two or more themes: (paragraph, words as written, themes)."""
    rows = []
    for s in segments:
        by_span: dict[tuple[int, int], list[str]] = {}
        for m in s.matches:
            for i in range(m.first, m.first + m.length):
                by_span.setdefault((i, i), []).append(m.theme)
        tokens = tokenize(s.source)
        for (i, _), themes in sorted(by_span.items()):
            if len(themes) > 1:
                rows.append((s.paragraph, s.source[tokens[i].start : tokens[i].end],
                             ", ".join(f"{lexicon[t].symbol} {lexicon[t].label}" for t in themes)))
    return rows


def compare(before: list[Segment], after: list[Segment], theme_id: str) -> list[tuple[int, str, str]]:
    """Paragraphs whose count for ``theme_id`` changed: (paragraph, before, after)."""
    rows = []
    for b, a in zip(before, after, strict=True):
        if b.count(theme_id) != a.count(theme_id):
            rows.append((b.paragraph, f"{b.count(theme_id)} ({b.score(theme_id):.1f})", f"{a.count(theme_id)} ({a.score(theme_id):.1f})"))
    return rows
