"""Where the texts sit on the timeline: each text, and the text it answers, dated from its sidecar.

A text's date may be a day, a month, a year or a range (``2012-05/..``: in or
after May 2012). A text whose date is not known at all but which answers a dated
text is placed "in or after" that text's date: a reply cannot come before what
it answers. A text with no date at all has no mark, and says so.

Every text of the corpus is placed (:func:`placements`), with the timeline events
its sidecar links it to (``events``); :mod:`studyguide.views.timeline_tables` tables
them and says in plain words what is not known: no date, no event.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..base.dates import Period, When, parse_date
from ..knowledge.timeline import CATEGORIES, Event, Timeline
from ..texts.corpus import Corpus
from ..texts.text import Text

SHORT_TITLE = 6  # words of a title in a mark's label


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


def short_title(text: Text, words: int = SHORT_TITLE) -> str:
    """The first ``words`` words of the title, with "…" when there are more."""
    parts = text.title.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def text_marks(text: Text, several: bool = False) -> tuple[TextMark, ...]:
    """A seed text and the text it answers, oldest first; a text with no known date has no mark.

    With ``several`` texts on one chart, each label names its text's title.
    """
    meta = text.meta
    marks = []
    answered = None
    if meta.responds_to.get("date"):
        answered = parse_date(meta.responds_to["date"])
        author = meta.responds_to.get("author", "unknown author")
        answers = f"The article “{short_title(text)}” answers" if several else "The article it answers"
        marks.append(TextMark(f"{answers} ({author})", Period(answered, answered, answered.text),
                              meta.responds_to.get("note", ""), meta.responds_to.get("url", "")))
    period = meta.date
    if not period.known and answered is not None:
        period = Period(answered, None, f"{answered.text}/..")
    if period.known:
        url = meta.source_urls[0] if meta.source_urls else ""
        label = f"“{short_title(text)}” (by {meta.author})" if several else f"The text (by {meta.author})"
        marks.append(TextMark(label, period, meta.date_note, url))
    return tuple(marks)


def events_around(timeline: Timeline, mark: TextMark) -> list[tuple[str, int, int]]:
    """Per category: how many events ended before the earliest date of ``mark``, and how many did not."""
    written = mark.when.first
    rows = []
    for category in timeline.categories():
        events = timeline.in_category(category)
        before = sum(1 for e in events if e.start.last < written)
        rows.append((CATEGORIES[category], before, len(events) - before))
    return rows


@dataclass(frozen=True)
class Placement:
    """One text on the timeline: its marks (none without a date) and the events its sidecar links it to."""

    text: Text
    marks: tuple[TextMark, ...]
    events: tuple[Event, ...]

    @property
    def own(self) -> TextMark | None:
        """The mark of the text itself (the last one), or None when its date is not known."""
        return self.marks[-1] if self.marks else None


def placements(corpus: Corpus, timeline: Timeline) -> list[Placement]:
    """Every text of ``corpus`` placed, in book order."""
    several = len(corpus) > 1
    return [Placement(text, text_marks(text, several), tuple(timeline[e] for e in text.meta.events)) for text in corpus]


def chart_marks(placed: list[Placement]) -> tuple[TextMark, ...]:
    """Every mark of every text, for one chart."""
    return tuple(mark for p in placed for mark in p.marks)
