"""The timeline explorer: filter by category, step through events, no kernel needed.

A category menu switches between one event menu per category (both are
:func:`studyguide.views.widgets.switcher` s, the second nested in the first);
each event view shows the date, description, figures and source links, all
computed at build time. Both menus are native ``<select>`` elements: Tab reaches
them, the arrow keys move through categories and events.
"""

from __future__ import annotations

from html import escape

import ipywidgets as widgets

from ..knowledge.symbols import symbol_of
from ..knowledge.timeline import CATEGORIES, Event, Timeline
from .timeline_chart import STYLE, source_links
from .widgets import switcher


def event_card(event: Event, position: int, total: int) -> str:
    """One event as HTML: category symbol and label, date, description, figures, sources."""
    colour, marker = STYLE[event.category]
    figures = "".join(f"<li>{escape(f)}</li>" for f in event.figures)
    figures_html = f'<p class="timeline-figures-label">Figures:</p><ul>{figures}</ul>' if figures else ""
    return (
        f'<article class="timeline-event" data-event="{escape(event.id)}">'
        f'<p class="timeline-meta"><span aria-hidden="true" style="color:{colour}">{symbol_of(marker)}</span> '
        f"{escape(event.category_label)} · event {position} of {total}</p>"
        f'<p class="timeline-title"><strong>{escape(event.date_label())}: {escape(event.title)}</strong></p>'
        f"<p>{escape(event.description)}</p>{figures_html}"
        f'<p class="timeline-sources">Sources: {source_links(event.sources)}</p></article>'
    )


def event_stepper(events: tuple[Event, ...]) -> widgets.VBox:
    """A menu stepping through ``events`` in date order."""
    views = [(f"{e.date_label()}: {e.title}", event_card(e, i, len(events))) for i, e in enumerate(events, 1)]
    return switcher("Event:", views)


def timeline_explorer(timeline: Timeline) -> widgets.VBox:
    """A category menu, each category with its own event menu."""
    groups = [(f"All categories ({len(timeline)} events)", timeline.events)]
    groups += [(f"{CATEGORIES[c]} ({len(timeline.in_category(c))})", timeline.in_category(c)) for c in timeline.categories()]
    return switcher("Category:", [(name, event_stepper(events)) for name, events in groups], name="timeline-explorer")
