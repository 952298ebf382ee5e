"""The timeline explorer: filter by category, step through events, no kernel needed.

A category dropdown is ``jslink``-ed to a Stack holding, per category, a
:func:`studyguide.widgets.switcher` that steps through that category's events
(date, description, figures and source links, all computed at build time).
Both menus are native ``<select>`` elements: Tab reaches them, the arrow keys
move through categories and events.
"""

from __future__ import annotations

from html import escape

import ipywidgets as widgets

from .timeline import CATEGORIES, Event, Timeline
from .timeline_chart import STYLE, source_links
from .widgets import switcher

SYMBOLS = {"o": "●", "s": "■", "^": "▲", "D": "◆", "v": "▼", "P": "✚", "X": "✖", "*": "★"}
ALL = "all"


def event_card(event: Event, position: int, total: int) -> str:
    """One event as HTML: category symbol and label, date, description, figures, sources."""
    colour, marker = STYLE[event.category]
    figures = "".join(f"<li>{escape(f)}</li>" for f in event.figures)
    figures_html = f'<p class="timeline-figures-label">Figures:</p><ul>{figures}</ul>' if figures else ""
    return (
        f'<article class="timeline-event" data-event="{escape(event.id)}">'
        f'<p class="timeline-meta"><span aria-hidden="true" style="color:{colour}">{SYMBOLS[marker]}</span> '
        f"{escape(event.category_label)} · event {position} of {total}</p>"
        f'<p class="timeline-title"><strong>{escape(event.date_label())}: {escape(event.title)}</strong></p>'
        f"<p>{escape(event.description)}</p>{figures_html}"
        f'<p class="timeline-sources">Sources: {source_links(event.sources)}</p></article>'
    )


def event_stepper(events: tuple[Event, ...]) -> widgets.VBox:
    """A dropdown stepping through ``events`` in date order."""
    views = [(f"{e.date_label()}: {e.title}", event_card(e, i, len(events))) for i, e in enumerate(events, 1)]
    return switcher("Event:", views)


def timeline_explorer(timeline: Timeline) -> widgets.VBox:
    """Category filter jslinked to per-category event steppers."""
    groups = [(f"All categories ({len(timeline)} events)", timeline.events)]
    groups += [(f"{CATEGORIES[c]} ({len(timeline.in_category(c))})", timeline.in_category(c)) for c in timeline.categories()]
    category = widgets.Dropdown(options=[(name, i) for i, (name, _) in enumerate(groups)], value=0,
                                description="Category:", style={"description_width": "initial"})
    stack = widgets.Stack([event_stepper(events) for _, events in groups], selected_index=0)
    stack.add_class("timeline-categories")
    widgets.jslink((category, "index"), (stack, "selected_index"))
    box = widgets.VBox([category, stack], layout=widgets.Layout(width="100%"))
    box.add_class("timeline-explorer")
    return box
