"""The timeline page's per-text sections, shown for the chosen text (:mod:`.picker`), and its charts: every
text's lines on one chart up to eight texts (one line style each), beyond that the chosen text against the corpus."""

from __future__ import annotations

from ..analysis.placement import Placement, chart_marks, events_around
from ..knowledge.timeline import Timeline
from ..texts.text import Text
from .picker import by_text
from .prose import prose
from .tables import table
from .timeline_chart import LINES, against_corpus, timeline_chart
from .timeline_tables import AROUND_HEADERS, placement_notes


def _placement(placed: list[Placement], text: Text) -> Placement:
    return next(place for place in placed if place.text.id == text.id)


def notes(placed: list[Placement], text: Text) -> list:
    return [prose("{note}", note=note) for note in placement_notes(_placement(placed, text))]


def around(timeline: Timeline, placed: list[Placement], text: Text):
    place = _placement(placed, text)
    if place.own is None:
        return prose("“{title}” has no known date, so no event can be counted as before or after it.", title=text.title)
    return table(f"Events before and after {place.own.when.label()}, by category, for “{text.title}”",
                 AROUND_HEADERS, events_around(timeline, place.own), empty="The timeline holds no event yet.")


def charts(timeline: Timeline, placed: list[Placement], *span, **options):
    """The timeline chart (``span``: first and last day; ``options``: :func:`timeline_chart`'s) with every text's
    lines; with more texts than line styles, one chart per text against the others, behind the "Text:" menu."""
    if len(placed) <= len(LINES):
        return timeline_chart(timeline, chart_marks(placed), *span, **options)

    def draw(marks, others):
        return timeline_chart(timeline, marks, *span, others=others, **options)

    by_text([place.text for place in placed], against_corpus(placed, draw))
    return None


