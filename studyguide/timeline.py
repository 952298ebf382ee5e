"""The timeline of the 2011 strike and its aftermath, read from ``data/timeline.toml``.

The file holds dated ``[[event]]`` entries and ``[[figure]]`` entries: contested
numbers (deaths, injuries, arrests, dismissals...) each with who gives it, when
and where it was published. This module holds the schema, parses the file and
checks every entry, so that a bad date, an unknown category, a missing source or
a figure pointing at no event stops the build with a one-line error naming the
file and line. It also places the seed texts on the same line, from their
sidecars (:func:`text_marks`).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import InputError
from .tomlfile import read_toml
from .sidecar import URL_PATTERN

#: Categories in display order: key -> label shown to readers.
CATEGORIES: dict[str, str] = {
    "background": "Background",
    "strike": "Strikes",
    "repression": "Repression and violence",
    "legal": "Courts and trials",
    "reports": "Reports and reactions",
    "media": "Media and publicity",
    "politics": "Politics",
    "anniversary": "Anniversaries",
}

#: How exactly a date is known. ``range`` needs an ``end``.
PRECISIONS: dict[str, str] = {
    "day": "the day is known",
    "month": "the month is known, not the day",
    "year": "the year is known, not the month",
    "approximate": "the date is approximate",
    "range": "the event spans ``date`` to ``end``",
}

#: Schema of an event: field -> (type, required, meaning). Documented in data/README.md.
EVENT_FIELDS: dict[str, tuple[type, bool, str]] = {
    "id": (str, True, "Stable name: lowercase letters, digits and hyphens; unique."),
    "date": (str, True, "YYYY, YYYY-MM or YYYY-MM-DD: when it happened (or began)."),
    "end": (str, False, "For a range: when it ended (same formats)."),
    "precision": (str, True, "One of: " + ", ".join(PRECISIONS) + "."),
    "category": (str, True, "One of: " + ", ".join(CATEGORIES) + "."),
    "title": (str, True, "A short headline in our own words."),
    "description": (str, True, "One sentence in our own words."),
    "figures": (list, False, "Numbers that matter, each with who gives it in brackets."),
    "sources": (list, True, "One to three http(s) URLs of reputable sources."),
}

#: Schema of a contested figure.
FIGURE_FIELDS: dict[str, tuple[type, bool, str]] = {
    "id": (str, True, "Stable name; unique among figures."),
    "quantity": (str, True, "What is counted: deaths, injured, arrested, dismissed, charged, strikers..."),
    "event": (str, True, "The id of the event the figure is about."),
    "value": (str, True, "The figure as the source gives it (words, not a bare number)."),
    "given_by": (str, True, "Who gives the figure (and through whom it is reported)."),
    "date": (str, True, "When it was given: YYYY, YYYY-MM or YYYY-MM-DD."),
    "sources": (list, True, "One to three http(s) URLs where the figure can be checked."),
    "note": (str, False, "Context: how the figure was reached, what it includes."),
}

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DATE_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
MAX_SOURCES = 3
MONTHS = tuple(calendar.month_name)


@dataclass(frozen=True, order=True)
class When:
    """A date known to the day, the month or the year (``YYYY[-MM[-DD]]``)."""

    first: dt.date  # the earliest day it can mean
    last: dt.date  # the latest day it can mean
    text: str  # as written in the file

    @property
    def granularity(self) -> str:
        return ("year", "month", "day")[self.text.count("-")]

    @property
    def middle(self) -> dt.date:
        """The day to plot it on: the middle of its month or year when the day is not known."""
        return self.first + (self.last - self.first) / 2

    def label(self) -> str:
        """``16 December 2011``, ``December 2011`` or ``2011``."""
        if self.granularity == "day":
            return f"{self.first.day} {MONTHS[self.first.month]} {self.first.year}"
        if self.granularity == "month":
            return f"{MONTHS[self.first.month]} {self.first.year}"
        return str(self.first.year)


def parse_date(text: str) -> When:
    """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; raise ``ValueError`` otherwise."""
    match = DATE_PATTERN.match(text)
    if not match:
        raise ValueError(f"date '{text}' is not YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        if day is not None:
            first = last = dt.date(year, month, day)
        elif month is not None:
            first = dt.date(year, month, 1)
            last = dt.date(year, month, calendar.monthrange(year, month)[1])
        else:
            first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    except ValueError:
        raise ValueError(f"date '{text}' is not a real calendar date") from None
    return When(first, last, text)


@dataclass(frozen=True)
class Event:
    """One dated event with its sources."""

    id: str
    title: str
    description: str
    category: str
    start: When
    end: When | None
    precision: str
    figures: tuple[str, ...]
    sources: tuple[str, ...]
    line: int

    @property
    def category_label(self) -> str:
        return CATEGORIES[self.category]

    @property
    def when(self) -> dt.date:
        """The day to plot the event on (its start)."""
        return self.start.first if self.start.granularity == "day" else self.start.middle

    def date_label(self) -> str:
        """The date as a reader should see it, with its precision spelt out."""
        if self.end is not None:
            start, end = self.start, self.end
            if start.granularity == end.granularity == "day" and start.first.year == end.first.year:
                if start.first.month == end.first.month:
                    return f"{start.first.day}–{end.label()}"
                return f"{start.first.day} {MONTHS[start.first.month]} – {end.label()}"
            return f"{start.label()} – {end.label()}"
        if self.precision == "approximate":
            return f"about {self.start.label()}"
        return self.start.label()


@dataclass(frozen=True)
class Figure:
    """A contested number, with who gives it and when."""

    id: str
    quantity: str
    event: str
    value: str
    given_by: str
    date: When
    sources: tuple[str, ...]
    note: str
    line: int


@dataclass(frozen=True)
class Timeline:
    """All events (in date order) and contested figures of one timeline file."""

    path: Path
    events: tuple[Event, ...]
    figures: tuple[Figure, ...]

    def __iter__(self) -> Iterator[Event]:
        return iter(self.events)

    def __len__(self) -> int:
        return len(self.events)

    def __getitem__(self, event_id: str) -> Event:
        for event in self.events:
            if event.id == event_id:
                return event
        raise KeyError(event_id)

    def figure(self, figure_id: str) -> Figure:
        for figure in self.figures:
            if figure.id == figure_id:
                return figure
        raise KeyError(figure_id)

    def in_category(self, category: str) -> tuple[Event, ...]:
        return tuple(e for e in self.events if e.category == category)

    def between(self, first: dt.date, last: dt.date) -> tuple[Event, ...]:
        """Events that start, end or run between ``first`` and ``last`` (inclusive)."""
        return tuple(e for e in self.events if e.start.first <= last and (e.end or e.start).last >= first)

    def categories(self) -> tuple[str, ...]:
        """The categories used, in :data:`CATEGORIES` order."""
        used = {e.category for e in self.events}
        return tuple(c for c in CATEGORIES if c in used)

    def quantities(self) -> tuple[str, ...]:
        """What the contested figures count, in order of first appearance."""
        return tuple(dict.fromkeys(f.quantity for f in self.figures))

    def figure_groups(self) -> tuple[tuple[str, str], ...]:
        """The (quantity, event id) pairs that have figures, in order of first appearance."""
        return tuple(dict.fromkeys((f.quantity, f.event) for f in self.figures))

    def figures_for(self, quantity: str, event: str | None = None) -> tuple[Figure, ...]:
        """Figures for one quantity (and event), in the order they were given."""
        chosen = [f for f in self.figures if f.quantity == quantity and (event is None or f.event == event)]
        # a figure dated only to the month sorts after those given on a day of that month
        return tuple(sorted(chosen, key=lambda f: (f.date.last, f.date.first, f.line)))


def default_path() -> Path:
    from .corpus import project_root

    return project_root() / "data" / "timeline.toml"


def load_timeline(path: Path | str | None = None) -> Timeline:
    """Read and check a timeline file; raise :class:`InputError` naming file and line."""
    path = Path(path) if path is not None else default_path()
    if not path.is_file():
        raise InputError(path, "timeline file not found")
    source, data = read_toml(path)
    return _Checker(path, source).timeline(data)


class _Checker:
    """Validates parsed TOML, knowing where each entry sits in the file."""

    def __init__(self, path: Path, source: str):
        self.path = path
        self.lines = source.splitlines()
        self.starts = {name: self._table_lines(name) for name in ("event", "figure")}

    def _table_lines(self, name: str) -> list[int]:
        pattern = re.compile(rf"^\s*\[\[\s*{name}\s*\]\]")
        return [n for n, line in enumerate(self.lines, 1) if pattern.match(line)]

    def _span(self, kind: str, index: int) -> tuple[int, int]:
        """First and last line of entry ``index`` of ``[[kind]]``."""
        starts = self.starts[kind]
        first = starts[index]
        following = [n for table in self.starts.values() for n in table if n > first]
        header = re.compile(r"^\s*\[")
        later_headers = [n for n, line in enumerate(self.lines, 1) if n > first and header.match(line)]
        last = min(following + later_headers + [len(self.lines) + 1]) - 1
        return first, last

    def _key_line(self, span: tuple[int, int], key: str) -> int:
        pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
        for number in range(span[0], span[1] + 1):
            if pattern.match(self.lines[number - 1]):
                return number
        return span[0]

    def error(self, message: str, line: int | None = None) -> InputError:
        return InputError(self.path, message, line)

    def timeline(self, data: dict[str, Any]) -> Timeline:
        for key in data:
            if key not in ("event", "figure"):
                raise self.error(f"unknown top-level entry '{key}' (expected [[event]] and [[figure]] tables)")
        raw_events = data.get("event", [])
        if not isinstance(raw_events, list) or not raw_events:
            raise self.error("no [[event]] entries")
        events = [self.event(entry, index) for index, entry in enumerate(raw_events)]
        self.unique(events, "event")
        known = {e.id for e in events}
        figures = [self.figure(entry, index, known) for index, entry in enumerate(data.get("figure", []))]
        self.unique(figures, "figure")
        events.sort(key=lambda e: (e.start.first, e.line))
        return Timeline(self.path, tuple(events), tuple(figures))

    def unique(self, entries: Iterable[Event | Figure], kind: str) -> None:
        seen: dict[str, int] = {}
        for entry in entries:
            if entry.id in seen:
                raise self.error(f"duplicate {kind} id '{entry.id}' (first used on line {seen[entry.id]})", entry.line)
            seen[entry.id] = entry.line

    def fields(self, entry: Any, kind: str, index: int, schema: dict) -> tuple[int, int]:
        span = self._span(kind, index)
        if not isinstance(entry, dict):
            raise self.error(f"{kind} entry {index + 1} is not a table", span[0])
        for key, value in entry.items():
            if key not in schema:
                raise self.error(f"{kind} entry {index + 1}: unknown field '{key}' (known: {', '.join(schema)})", self._key_line(span, key))
        for key, (kind_of, required, _) in schema.items():
            if key not in entry:
                if required:
                    raise self.error(f"{kind} entry {index + 1}: missing '{key}'", span[0])
                continue
            value = entry[key]
            if not isinstance(value, kind_of):
                raise self.error(f"{kind} '{entry.get('id', index + 1)}': '{key}' must be {'a string' if kind_of is str else 'an array'}", self._key_line(span, key))
            if kind_of is str and not value.strip() and required:
                raise self.error(f"{kind} '{entry.get('id', index + 1)}': '{key}' is empty", self._key_line(span, key))
            if kind_of is list and any(not isinstance(item, str) or not item.strip() for item in value):
                raise self.error(f"{kind} '{entry.get('id', index + 1)}': every item of '{key}' must be a non-empty string", self._key_line(span, key))
        if not ID_PATTERN.match(entry["id"]):
            raise self.error(f"{kind} id '{entry['id']}' must be lowercase letters, digits and single hyphens", self._key_line(span, "id"))
        self.sources(entry, kind, span)
        return span

    def sources(self, entry: dict, kind: str, span: tuple[int, int]) -> None:
        line = self._key_line(span, "sources")
        urls = entry["sources"]
        if not urls:
            raise self.error(f"{kind} '{entry['id']}' has no source URL", line)
        if len(urls) > MAX_SOURCES:
            raise self.error(f"{kind} '{entry['id']}' has {len(urls)} sources; give at most {MAX_SOURCES}", line)
        for url in urls:
            if not URL_PATTERN.match(url):
                raise self.error(f"{kind} '{entry['id']}': '{url}' is not an http(s) URL", line)
            if re.search(r"[?&](fbclid|gclid|utm_[a-z]+)=", url):
                raise self.error(f"{kind} '{entry['id']}': remove the tracking parameter from '{url}'", line)
        if len(set(urls)) != len(urls):
            raise self.error(f"{kind} '{entry['id']}' lists the same URL twice", line)

    def date(self, entry: dict, key: str, kind: str, span: tuple[int, int]) -> When:
        try:
            return parse_date(entry[key])
        except ValueError as exc:
            raise self.error(f"{kind} '{entry['id']}': {key}: {exc}", self._key_line(span, key)) from None

    def event(self, entry: Any, index: int) -> Event:
        span = self.fields(entry, "event", index, EVENT_FIELDS)
        name = entry["id"]
        if entry["category"] not in CATEGORIES:
            raise self.error(f"event '{name}': unknown category '{entry['category']}' (known: {', '.join(CATEGORIES)})", self._key_line(span, "category"))
        precision = entry["precision"]
        if precision not in PRECISIONS:
            raise self.error(f"event '{name}': unknown precision '{precision}' (known: {', '.join(PRECISIONS)})", self._key_line(span, "precision"))
        start = self.date(entry, "date", "event", span)
        end = self.date(entry, "end", "event", span) if "end" in entry else None
        if precision == "range" and end is None:
            raise self.error(f"event '{name}': precision 'range' needs an 'end' date", self._key_line(span, "precision"))
        if precision != "range" and end is not None:
            raise self.error(f"event '{name}': an 'end' date needs precision 'range'", self._key_line(span, "end"))
        if end is not None and end.last < start.first:
            raise self.error(f"event '{name}': end {end.text} is before date {start.text}", self._key_line(span, "end"))
        if precision in ("day", "month", "year") and start.granularity != precision:
            raise self.error(f"event '{name}': precision '{precision}' but date '{start.text}' is given to the {start.granularity}", self._key_line(span, "date"))
        return Event(
            id=name,
            title=entry["title"].strip(),
            description=entry["description"].strip(),
            category=entry["category"],
            start=start,
            end=end,
            precision=precision,
            figures=tuple(entry.get("figures", ())),
            sources=tuple(entry["sources"]),
            line=span[0],
        )

    def figure(self, entry: Any, index: int, events: set[str]) -> Figure:
        span = self.fields(entry, "figure", index, FIGURE_FIELDS)
        if entry["event"] not in events:
            raise self.error(f"figure '{entry['id']}' points to unknown event '{entry['event']}'", self._key_line(span, "event"))
        return Figure(
            id=entry["id"],
            quantity=entry["quantity"].strip(),
            event=entry["event"],
            value=entry["value"].strip(),
            given_by=entry["given_by"].strip(),
            date=self.date(entry, "date", "figure", span),
            sources=tuple(entry["sources"]),
            note=entry.get("note", "").strip(),
            line=span[0],
        )


@dataclass(frozen=True)
class TextMark:
    """Where a text sits on the timeline, with how well its date is known."""

    label: str
    when: When
    after: bool  # True: written in or after ``when``, exact date unknown
    note: str
    url: str

    @property
    def approximate(self) -> bool:
        return self.after or self.when.granularity != "day"

    def date_label(self) -> str:
        if self.after:
            return f"in or after {self.when.label()} (exact date unknown)"
        suffix = {"day": "", "month": " (day unknown)", "year": " (month unknown)"}[self.when.granularity]
        return self.when.label() + suffix


def text_marks(text) -> tuple[TextMark, ...]:
    """A seed text and the text it answers, dated from the sidecar, oldest first.

    A text whose own date is not known to the month, but which answers a dated
    text, is placed at that text's date and marked "in or after" it.
    """
    meta = text.meta
    marks = []
    answered = None
    if meta.responds_to.get("date"):
        answered = parse_date(meta.responds_to["date"])
        author = meta.responds_to.get("author", "unknown author")
        marks.append(TextMark(f"The article it answers ({author})", answered, False,
                              meta.responds_to.get("note", ""), meta.responds_to.get("url", "")))
    label = f"The text (by {meta.author})"
    if meta.date != "unknown" and meta.date_precision in ("day", "month"):
        marks.append(TextMark(label, parse_date(meta.date), False, meta.date_note, meta.source_urls[0]))
    elif answered is not None:
        marks.append(TextMark(label, answered, True, meta.date_note, meta.source_urls[0]))
    return tuple(marks)
