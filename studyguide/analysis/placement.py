"""Where the texts sit on the timeline: each text, and the text it answers, dated from its sidecar.

A text's date may be a day, a month, a year or a range (``2012-05/..``: in or
after May 2012). A text whose date is not known at all but which answers a dated
text is placed "in or after" that text's date: a reply cannot come before what
it answers.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..base.dates import Period, When, parse_date
from ..knowledge.timeline import CATEGORIES, Timeline
from ..texts.text import Text


@dataclass(frozen=True)
class TextMark:
    """Where a text sits on the timeline, with how well its date is known."""

    label: str
    period: Period
    note: str
    url: str

    @property
    def when(self) -> When:
        """The date it is drawn at: the earliest it can be, or the latest when only that is known."""
        return self.period.start or self.period.end

    @property
    def approximate(self) -> bool:
        return not self.period.exact or self.when.granularity != "day"

    def date_label(self) -> str:
        return self.period.described()


def text_marks(text: Text) -> tuple[TextMark, ...]:
    """A seed text and the text it answers, oldest first; a text with no known date has no mark."""
    meta = text.meta
    marks = []
    answered = None
    if meta.responds_to.get("date"):
        answered = parse_date(meta.responds_to["date"])
        author = meta.responds_to.get("author", "unknown author")
        marks.append(TextMark(f"The article it answers ({author})", Period(answered, answered, answered.text),
                              meta.responds_to.get("note", ""), meta.responds_to.get("url", "")))
    period = meta.date
    if not period.known and answered is not None:
        period = Period(answered, None, f"{answered.text}/..")
    if period.known:
        url = meta.source_urls[0] if meta.source_urls else ""
        marks.append(TextMark(f"The text (by {meta.author})", period, meta.date_note, url))
    return tuple(marks)


AROUND_HEADERS = ("Category", "Before", "From then on")


def events_around(timeline: Timeline, mark: TextMark) -> list[tuple[str, int, int]]:
    """Per category: how many events ended before the earliest date of ``mark``, and how many did not."""
    written = mark.when.first
    rows = []
    for category in timeline.categories():
        events = timeline.in_category(category)
        before = sum(1 for e in events if e.start.last < written)
        rows.append((CATEGORIES[category], before, len(events) - before))
    return rows
