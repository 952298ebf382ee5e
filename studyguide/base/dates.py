"""Dates as the guide knows them: to the day, the month or the year, or only as a range.

- :func:`parse_date` reads ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` into a
  :class:`When`: the first and last day it can mean (a month means all its days).
- :func:`parse_period` reads a text's date as its sidecar gives it, in the interval
  notation of ISO 8601-2 (EDTF): a single date, ``START/END``, ``START/..`` ("in
  or after": an open end), ``../END`` ("in or before"), or ``unknown``. The
  first text is undated and answers an article of May 2012: ``2012-05/..``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

MONTHS = tuple(calendar.month_name)
DATE_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
OPEN = ".."
UNKNOWN = "unknown"


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
class Period:
    """When a text was written, as far as it is known: a date, a range, an open range, or nothing."""

    start: When | None  # None: open or unknown start
    end: When | None  # None: open or unknown end
    text: str  # as written in the sidecar

    @property
    def known(self) -> bool:
        return self.start is not None or self.end is not None

    @property
    def exact(self) -> bool:
        """True when the date is one day, month or year (not a range)."""
        return self.start is not None and self.start == self.end

    @property
    def earliest(self) -> dt.date | None:
        return self.start.first if self.start else None

    @property
    def latest(self) -> dt.date | None:
        return self.end.last if self.end else None

    def label(self) -> str:
        """``May 2012``, ``in or after May 2012``, ``in or before June 2012``, ``between ... and ...``, ``not known``."""
        if not self.known:
            return "not known"
        if self.exact:
            return self.start.label()
        if self.end is None:
            return f"in or after {self.start.label()}"
        if self.start is None:
            return f"in or before {self.end.label()}"
        return f"between {self.start.label()} and {self.end.label()}"

    def described(self) -> str:
        """The label with how exactly it is known: ``May 2012 (day not known)``, ``in or after May 2012 (exact date not known)``."""
        if not self.known:
            return "not known"
        if self.exact:
            return self.start.label() + {"day": "", "month": " (day not known)", "year": " (month not known)"}[self.start.granularity]
        return f"{self.label()} (exact date not known)"


def parse_period(text: str) -> Period:
    """Parse a sidecar date (see the module docstring); raise ``ValueError`` otherwise."""
    text = text.strip()
    if text == UNKNOWN:
        return Period(None, None, text)
    if "/" not in text:
        when = parse_date(text)
        return Period(when, when, text)
    first, _, last = text.partition("/")
    start = None if first == OPEN else parse_date(first)
    end = None if last == OPEN else parse_date(last)
    if start is None and end is None:
        raise ValueError(f"date '{text}' has no known end; write 'unknown'")
    if start and end and end.last < start.first:
        raise ValueError(f"date '{text}' ends before it starts")
    return Period(start, end, text)
