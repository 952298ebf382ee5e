"""The timeline explorer: filter by category, step through events, no kernel needed.

A category menu switches between one event menu per category (both are
:func:`studyguide.views.widgets.switcher` s, the second nested in the first);
each event view shows the date, description, figures and source links, and the
sources' own words in a fold when ``data/evidence/events.toml`` quotes them, all
computed at build time. Both menus are native ``<select>`` elements: Tab reaches
them, the arrow keys move through categories and events.
"""

from __future__ import annotations

from html import escape

import ipywidgets as widgets

from ..knowledge.evidence import Evidence
from ..knowledge.evidence_fold import fold_html
from ..knowledge.sources import Sources
from ..knowledge.symbols import symbol_of
from ..knowledge.timeline import CATEGORIES, Event, Timeline
from .timeline_chart import STYLE, source_links
from .widgets import switcher


def event_card(event: Event, position: int, total: int, number: int | None = None, sources: Sources | None = None,
               evidence: Evidence | None = None) -> str:
    """One event as HTML: category symbol and label, date, description, figures, sources, and the
    sources' words in a fold when ``evidence`` quotes them."""
    colour, marker = STYLE[event.category]
    figures = "".join(f"<li>{escape(f)}</li>" for f in event.figures)
    figures_html = f'<p class="timeline-figures-label">Figures:</p><ul>{figures}</ul>' if figures else ""
    return (
        f'<article class="timeline-event" data-event="{escape(event.id)}">'
        f'<p class="timeline-meta"><span aria-hidden="true" style="color:{colour}">{symbol_of(marker)}</span> '
        f"{escape(event.category_label)} · event {position} of {total}"
        + (f" · number {number} on the charts" if number and number != position else "") + "</p>"
        f'<p class="timeline-title"><strong>{escape(event.date_label())}: {escape(event.title)}</strong></p>'
        f"<p>{escape(event.description)}</p>{figures_html}"
        f'<p class="timeline-sources">Sources: {source_links(event.sources, sources)}</p>'
        + (fold_html(evidence.of("event", event.id), event.title, sources) if evidence else "") + "</article>"
    )


def event_stepper(events: tuple[Event, ...], numbers: dict[str, int] | None = None,
                  sources: Sources | None = None, evidence: Evidence | None = None) -> widgets.VBox:
    """A menu stepping through ``events`` in date order (``numbers``: each event's number on the charts)."""
    numbers = numbers or {}
    views = [(f"{e.date_label()}: {e.title}", event_card(e, i, len(events), numbers.get(e.id), sources, evidence))
             for i, e in enumerate(events, 1)]
    return switcher("Event:", views)


def event_strip(timeline: Timeline, current: str = "") -> str:
    """Every event as a tick in date order (numbered as on the timeline charts), the ``current`` one
    longer and thicker. In the book the page's script moves that mark; in a live kernel Python redraws
    the strip (:func:`timeline_explorer`). Sizes and strokes are also attributes, for Jupyter, which
    lacks the book's stylesheet."""
    events = timeline.events
    step = 1000 / len(events)
    ticks = []
    for i, e in enumerate(events):
        on = e.id == current
        x, marker = f"{(i + 0.5) * step:.1f}", ' class="sg-current"' if on else ""
        ticks.append(
            f'<line data-sg-event="{escape(e.id)}"{marker} x1="{x}" x2="{x}" '
            f'y1="{0 if on else 7}" y2="{28 if on else 21}" stroke="{"currentColor" if on else STYLE[e.category][0]}" '
            f'stroke-width="{7 if on else 4}" vector-effect="non-scaling-stroke">'
            f"<title>{i + 1}. {escape(e.date_label())}: {escape(e.title)}</title></line>")
    ticks.sort(key=lambda tick: 'class="sg-current"' in tick)  # the current tick is drawn last, on top
    marked = next((f"Marked: {e.date_label()}: {e.title}" for e in events if e.id == current), "")
    first, last = events[0].date_label(), events[-1].date_label()
    return (f'<figure class="sg-event-strip"><svg viewBox="0 0 1000 28" preserveAspectRatio="none" role="img" '
            f'style="width:100%;height:2.5rem;display:block" '
            f'aria-label="The {len(events)} events in date order, from {escape(first)} to {escape(last)}; '
            f'the longest tick is the event shown below">'
            f'<line x1="0" x2="1000" y1="14" y2="14" class="sg-strip-axis" stroke="#767676" '
            f'vector-effect="non-scaling-stroke"/>{"".join(ticks)}</svg>'
            f'<figcaption>Events 1 to {len(events)} in date order ({escape(first)} to {escape(last)}), '
            f'numbered as on the charts above. <span class="sg-strip-current">{escape(marked)}</span></figcaption></figure>')


def timeline_explorer(timeline: Timeline, sources: Sources | None = None, evidence: Evidence | None = None) -> widgets.VBox:
    """A category menu, each category with its own event menu; in the book, a strip marks the chosen event.
    Sources are named from the register ``sources`` (:func:`~studyguide.knowledge.sources.source_names`)."""
    groups = [(f"All categories ({len(timeline)} events)", timeline.events)]
    groups += [(f"{CATEGORIES[c]} ({len(timeline.in_category(c))})", timeline.in_category(c)) for c in timeline.categories()]
    numbers = {e.id: i for i, e in enumerate(timeline.events, 1)}
    steppers = [event_stepper(events, numbers, sources, evidence) for _, events in groups]
    explorer = switcher("Category:", [(name, stepper) for (name, _), stepper in zip(groups, steppers)],
                        name="timeline-explorer", extra=event_strip(timeline))
    # Live, Python marks the chosen event on the strip (the book's script does it on the page).
    strip = widgets.HTML(event_strip(timeline, groups[0][1][0].id))
    category = explorer.children[0]

    def mark(_=None) -> None:
        events = groups[category.index][1]
        strip.value = event_strip(timeline, events[steppers[category.index].children[0].index].id)

    category.observe(mark, names="index")
    for stepper in steppers:
        stepper.children[0].observe(mark, names="index")
    explorer.children = (category, strip, *explorer.children[1:])
    return explorer
