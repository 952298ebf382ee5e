"""The timeline of the 2011 strike and its aftermath, read from ``data/timeline.toml``.

The file holds dated ``[[event]]`` entries and ``[[figure]]`` entries: contested
numbers (deaths, injuries, arrests, dismissals...) each with who gives it, when
and where it was published. This module holds the schema, parses the file and
checks every entry, so that a bad date, an unknown category, a missing source or
a figure pointing at no event stops the build with a one-line error naming the
file and line.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from ..base.collection import Index, Keyed
from ..base.dates import MONTHS, When, parse_date
from ..base.schema import ID, URL, Field, Span, TomlFile

TIMELINE_FILE = Path("data") / "timeline.toml"

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

#: Schema of an event. Documented in data/README.md.
EVENT_FIELDS = {
    "id": Field(str, True, "Stable name: lowercase letters, digits and hyphens; unique.", form=ID),
    "date": Field(str, True, "YYYY, YYYY-MM or YYYY-MM-DD: when it happened (or began)."),
    "end": Field(str, False, "For a range: when it ended (same formats)."),
    "precision": Field(str, True, "One of: " + ", ".join(PRECISIONS) + ".", choices=tuple(PRECISIONS)),
    "category": Field(str, True, "One of: " + ", ".join(CATEGORIES) + ".", choices=tuple(CATEGORIES)),
    "title": Field(str, True, "A short headline in our own words."),
    "description": Field(str, True, "One sentence in our own words."),
    "figures": Field(list, False, "Numbers that matter, each with who gives it in brackets.", str),
    "sources": Field(list, True, "One to three http(s) URLs of reputable sources.", str, form=URL),
}

#: Schema of a contested figure.
FIGURE_FIELDS = {
    "id": Field(str, True, "Stable name; unique among figures.", form=ID),
    "quantity": Field(str, True, "What is counted: deaths, injured, arrested, dismissed, charged, strikers..."),
    "event": Field(str, True, "The id of the event the figure is about."),
    "value": Field(str, True, "The figure as the source gives it (words, not a bare number)."),
    "given_by": Field(str, True, "Who gives the figure (and through whom it is reported)."),
    "date": Field(str, True, "When it was given: YYYY, YYYY-MM or YYYY-MM-DD."),
    "sources": Field(list, True, "One to three http(s) URLs where the figure can be checked.", str, form=URL),
    "note": Field(str, False, "Context: how the figure was reached, what it includes."),
}

FILE_FIELDS = {
    "event": Field(list, False, "The dated events.", dict),
    "figure": Field(list, False, "The contested figures.", dict),
}
MAX_SOURCES = 3
TRACKING = re.compile(r"[?&](fbclid|gclid|utm_[a-z]+)=")


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
class Timeline(Keyed[Event], items="events", kind="event"):
    """All events (in date order) and contested figures of one timeline file; ``timeline[id]`` finds an event."""

    path: Path
    events: tuple[Event, ...]
    figures: tuple[Figure, ...]

    @cached_property
    def _figures(self) -> Index[Figure]:
        return Index(self.figures, "figure")

    def figure(self, figure_id: str) -> Figure:
        return self._figures[figure_id]

    def in_category(self, category: str) -> tuple[Event, ...]:
        return tuple(e for e in self.events if e.category == category)

    def between(self, first: dt.date, last: dt.date) -> tuple[Event, ...]:
        """Events that start, end or run between ``first`` and ``last`` (inclusive)."""
        return tuple(e for e in self.events if e.start.first <= last and (e.end or e.start).last >= first)

    def categories(self) -> tuple[str, ...]:
        """The categories used, in :data:`CATEGORIES` order."""
        used = {e.category for e in self.events}
        return tuple(c for c in CATEGORIES if c in used)

    def figure_groups(self) -> tuple[tuple[str, str], ...]:
        """The (quantity, event id) pairs that have figures, in order of first appearance."""
        return tuple(dict.fromkeys((f.quantity, f.event) for f in self.figures))

    def figures_for(self, quantity: str, event: str | None = None) -> tuple[Figure, ...]:
        """Figures for one quantity (and event), in the order they were given."""
        chosen = [f for f in self.figures if f.quantity == quantity and (event is None or f.event == event)]
        # a figure dated only to the month sorts after those given on a day of that month
        return tuple(sorted(chosen, key=lambda f: (f.date.last, f.date.first, f.line)))


def load_timeline(path: Path | str) -> Timeline:
    """Read and check a timeline file; raise :class:`InputError` naming file and line."""
    toml = TomlFile.load(path, "timeline file not found", FILE_FIELDS)
    events = [_event(toml, entry, number, span) for number, entry, span in toml.entries("event")]
    if not events:
        raise toml.error("no [[event]] entries")
    _unique(toml, events, "event")
    known = {e.id for e in events}
    figures = [_figure(toml, entry, number, span, known) for number, entry, span in toml.entries("figure")]
    _unique(toml, figures, "figure")
    events.sort(key=lambda e: (e.start.first, e.line))
    return Timeline(path, tuple(events), tuple(figures))


def _unique(toml: TomlFile, entries: list[Event] | list[Figure], kind: str) -> None:
    seen: dict[str, int] = {}
    for entry in entries:
        if entry.id in seen:
            raise toml.error(f"duplicate {kind} id '{entry.id}' (first used on line {seen[entry.id]})", entry.line)
        seen[entry.id] = entry.line


def _checked(toml: TomlFile, entry: Any, schema: dict, kind: str, number: int, span: Span) -> dict[str, Any]:
    """The entry checked against its schema, then its sources."""
    name = entry.get("id", number) if isinstance(entry, dict) else number
    toml.check(entry, schema, span, f"{kind} '{name}': " if isinstance(name, str) else f"{kind} entry {number}: ")
    line = toml.line("sources", span)
    urls = entry["sources"]
    if not urls:
        raise toml.error(f"{kind} '{name}' has no source URL", line)
    if len(urls) > MAX_SOURCES:
        raise toml.error(f"{kind} '{name}' has {len(urls)} sources; give at most {MAX_SOURCES}", line)
    for url in urls:
        if TRACKING.search(url):
            raise toml.error(f"{kind} '{name}': remove the tracking parameter from '{url}'", line)
    if len(set(urls)) != len(urls):
        raise toml.error(f"{kind} '{name}' lists the same URL twice", line)
    return entry


def _date(toml: TomlFile, entry: dict, key: str, kind: str, span: Span) -> When:
    try:
        return parse_date(entry[key])
    except ValueError as exc:
        raise toml.error(f"{kind} '{entry['id']}': {key}: {exc}", toml.line(key, span)) from None


def _event(toml: TomlFile, entry: Any, number: int, span: Span) -> Event:
    entry = _checked(toml, entry, EVENT_FIELDS, "event", number, span)
    name, precision = entry["id"], entry["precision"]
    start = _date(toml, entry, "date", "event", span)
    end = _date(toml, entry, "end", "event", span) if "end" in entry else None
    if precision == "range" and end is None:
        raise toml.error(f"event '{name}': precision 'range' needs an 'end' date", toml.line("precision", span))
    if precision != "range" and end is not None:
        raise toml.error(f"event '{name}': an 'end' date needs precision 'range'", toml.line("end", span))
    if end is not None and end.last < start.first:
        raise toml.error(f"event '{name}': end {end.text} is before date {start.text}", toml.line("end", span))
    if precision in ("day", "month", "year") and start.granularity != precision:
        raise toml.error(f"event '{name}': precision '{precision}' but date '{start.text}' is given to the "
                         f"{start.granularity}", toml.line("date", span))
    return Event(id=name, title=entry["title"].strip(), description=entry["description"].strip(),
                 category=entry["category"], start=start, end=end, precision=precision,
                 figures=tuple(entry.get("figures", ())), sources=tuple(entry["sources"]), line=span[0])


def _figure(toml: TomlFile, entry: Any, number: int, span: Span, events: set[str]) -> Figure:
    entry = _checked(toml, entry, FIGURE_FIELDS, "figure", number, span)
    if entry["event"] not in events:
        raise toml.error(f"figure '{entry['id']}' points to unknown event '{entry['event']}'", toml.line("event", span))
    return Figure(id=entry["id"], quantity=entry["quantity"].strip(), event=entry["event"], value=entry["value"].strip(),
                  given_by=entry["given_by"].strip(), date=_date(toml, entry, "date", "figure", span),
                  sources=tuple(entry["sources"]), note=entry.get("note", "").strip(), line=span[0])
