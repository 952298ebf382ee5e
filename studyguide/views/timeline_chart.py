"""Timeline charts and the table of contested figures.

Charts go through :mod:`studyguide.views.style`: one lane per category, and each
category has its own colour AND marker, so the chart reads in greyscale print.
Events known only to the month are drawn hollow; ranges are drawn as bars.
The seed text and the article it answers are dashed vertical lines, labelled
with how well their dates are known. Alt text is computed from the data.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from html import escape

import matplotlib.dates as mdates
from IPython.display import HTML

from ..analysis.placement import TextMark
from ..knowledge.sources import site_name
from ..knowledge.symbols import MARKERS, PALETTE
from ..knowledge.timeline import CATEGORIES, Event, Timeline
from .style import MIN_FONT, Figure, figure_style, finish, plt
from .tables import FOLD_ROWS, fold_html

# Category -> (colour, marker). Yellow, the faintest colour in print, goes to the
# category with fewest events and gets a dark outline (EDGE).
_ORDER = (0, 1, 3, 2, 4, 5, 7, 6)
STYLE = {category: (PALETTE[_ORDER[i]], MARKERS[i]) for i, category in enumerate(CATEGORIES)}
EDGE = {PALETTE[6]: "#1a1a1a"}
TEXT_COLOUR = "#000000"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word[:-1] + 'ies' if word.endswith('y') else word + 's'}"


def chart_alt(events: tuple[Event, ...], first: dt.date, last: dt.date, marks: tuple[TextMark, ...]) -> str:
    """Alt text: the span, counts per category and per year, and where the texts sit."""
    per_category = Counter(e.category_label for e in events)
    per_year = Counter(e.start.first.year for e in events)
    busiest = max(per_year.items(), key=lambda kv: (kv[1], -kv[0]))
    parts = [
        f"Timeline from {first:%B %Y} to {last:%B %Y} with {_plural(len(events), 'event')} in "
        f"{_plural(len(per_category), 'category')}: "
        + ", ".join(f"{label} {n}" for label, n in sorted(per_category.items(), key=lambda kv: (-kv[1], kv[0]))) + ".",
        f"The busiest year shown is {busiest[0]} with {_plural(busiest[1], 'event')}.",
    ]
    shown = [m for m in marks if first <= m.when.first <= last]
    if shown:
        parts.append("Dashed lines mark " + "; ".join(f"{m.label}, {m.date_label()}" for m in shown) + ".")
    return " ".join(parts)


def timeline_chart(timeline: Timeline, marks: tuple[TextMark, ...] = (), first: dt.date | None = None,
                   last: dt.date | None = None, labels: bool = False, title: str = "",
                   quantity: str | None = None) -> Figure:
    """Events between ``first`` and ``last`` in one lane per category.

    Each marker carries the event's number in the whole timeline (date order, as in
    the explorer), events too close to tell apart sharing one label ("12-15");
    ``labels=True`` also lists every event's number, date and title in the caption
    (for short spans).
    ``quantity`` adds a bottom lane with every figure for it given in the span,
    labelled with the figure and who gave it.
    """
    events = timeline.between(first, last) if first and last else timeline.events
    first = first or min(e.start.first for e in events)
    last = last or max((e.end or e.start).last for e in events)
    categories = [c for c in CATEGORIES if any(e.category == c for e in events)]
    given = [f for f in timeline.figures if quantity and f.quantity == quantity and first <= f.date.first <= last]
    given.sort(key=lambda f: (f.date.first, f.line))
    lanes = len(categories) + (1 if given else 0)
    lane = {c: lanes - 1 - i for i, c in enumerate(categories)}
    span_days = (last - first).days
    numbers = {e.id: i for i, e in enumerate(timeline.events, 1)}
    with figure_style():
        height = 1.0 + 0.55 * lanes + (0.3 * len(given) if given else 0)
        fig, ax = plt.subplots(figsize=(7.5, max(3.0, height)))
        for event in events:
            colour, marker = STYLE[event.category]
            y = lane[event.category]
            if event.end is not None:
                start = max(event.start.first, first)
                stop = min(event.end.last, last)
                ax.plot([start, stop], [y, y], color=colour, linewidth=4, alpha=0.45, solid_capstyle="butt")
            hollow = event.start.granularity != "day" or event.precision == "approximate"
            ax.plot([max(event.when, first)], [y], linestyle="none", marker=marker, markersize=8,
                    markeredgecolor=EDGE.get(colour, colour), markerfacecolor="white" if hollow else colour, markeredgewidth=1.6)
        for i, figure in enumerate(given):
            y = 0.35 - 1.1 * i / max(1, len(given) - 1)
            ax.plot([figure.date.first], [y], linestyle="none", marker="X", markersize=7, color=TEXT_COLOUR)
            ax.annotate(f"{chr(97 + i)}: {figure.value}", (figure.date.first, y),
                        xytext=(7, 0), textcoords="offset points", va="center", fontsize=MIN_FONT)
        for i, mark in enumerate(m for m in marks if first <= m.when.first <= last):
            ax.axvspan(mark.when.first, mark.when.last, color="#999999", alpha=0.15, linewidth=0)
            ax.axvline(mark.when.first, color=TEXT_COLOUR, linestyle=(0, (4, 3)) if i == 0 else (0, (1, 2)),
                       linewidth=1.2, label=f"{mark.label}: {mark.date_label()}")
        if ax.get_legend_handles_labels()[0]:
            ax.legend(loc="upper center", bbox_to_anchor=(0.4, -0.16), fontsize=MIN_FONT + 1, ncol=1)
        ticks = {CATEGORIES[c]: y for c, y in lane.items()}
        if given:
            ticks[f"{quantity.capitalize()} reported"] = 0
        ax.set_yticks(list(ticks.values()), list(ticks))
        ax.set_ylim(-1.0 if given else -0.8, lanes - 0.2)
        pad = dt.timedelta(days=max(1, span_days // 40))
        ax.set_xlim(first - pad, last + pad)
        if span_days <= 62:
            ax.xaxis.set_major_locator(mdates.DayLocator(interval=max(1, span_days // 7)))
            one_month = (first.year, first.month) == (last.year, last.month)
            ax.xaxis.set_major_formatter(mdates.DateFormatter("%d" if one_month else "%d %b"))
            ax.set_xlabel(f"{first:%B %Y}" if (first.year, first.month) == (last.year, last.month) else f"{first:%b %Y} to {last:%b %Y}")
        elif span_days <= 800:
            ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=(1, 4, 7, 10)))
            ax.xaxis.set_major_formatter(mdates.DateFormatter("%b\n%Y"))
        else:
            ax.xaxis.set_major_locator(mdates.YearLocator(base=2 if span_days > 3000 else 1))
            ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
        number_markers(ax, fig, list(events), lane, numbers, first)
        ax.grid(axis="x", color="#dddddd", linewidth=0.6)
        ax.set_axisbelow(True)
        if title:
            ax.set_title(title, loc="left")
        caption = (f"{title + '. ' if title else ''}Each category has its own lane, colour and marker; filled markers: "
                   "day known; hollow: month known or approximate; bars: events that lasted. Numbers are the events' "
                   "numbers in date order, as in the explorer below (\"12-15\": events too close to draw apart).")
        alt = chart_alt(events, first, last, marks)
        if given:
            alt += f" A bottom lane shows {_plural(len(given), 'figure')} for {quantity} given in this span: " + "; ".join(
                f"{f.date.label()}, {f.given_by}: {f.value}" for f in given) + "."
            caption += (f" Crosses: {quantity} figures as given on that date, by whom: "
                        + "; ".join(f"{chr(97 + i)}, {f.date.label()}: {f.value} ({f.given_by})" for i, f in enumerate(given))
                        + ".")
        if labels:
            caption += " Events: " + "; ".join(f"{numbers[e.id]}, {e.date_label()}: {e.title}" for e in events) + "."
        return finish(fig, alt, caption)


def number_markers(ax, fig, events: list[Event], lane: dict, numbers: dict[str, int], first: dt.date) -> None:
    """Write each event's number above its marker; markers closer than a label's width share one ("12-15")."""
    fig.canvas.draw()  # fixes the axes' scale, so dates map to pixels
    gap = 16  # pixels between label groups
    for category, y in lane.items():
        row = sorted((e for e in events if e.category == category), key=lambda e: numbers[e.id])
        groups: list[list] = []
        for event in row:
            x = ax.transData.transform((mdates.date2num(max(event.when, first)), y))[0]
            if groups and x - groups[-1][-1][1] < gap:
                groups[-1].append((event, x))
            else:
                groups.append([(event, x)])
        for group in groups:
            ids = [numbers[e.id] for e, _ in group]
            label = str(ids[0]) if len(ids) == 1 else f"{ids[0]}-{ids[-1]}" if ids[-1] - ids[0] == len(ids) - 1 else (
                ",".join(map(str, ids)) if len(ids) <= 3 else f"{ids[0]}-{ids[-1]}")
            middle = sum(x for _, x in group) / len(group)
            date = mdates.num2date(ax.transData.inverted().transform((middle, 0))[0])
            ax.annotate(label, (date, y), xytext=(0, 7), textcoords="offset points", ha="center", va="bottom",
                        fontsize=MIN_FONT, color=TEXT_COLOUR)


def figures_table(timeline: Timeline, quantity: str, event: str | None = None) -> str:
    """HTML table of every figure given for ``quantity``: value, who gives it, when, sources."""
    rows = timeline.figures_for(quantity, event)
    if not rows:
        raise ValueError(f"no figures for {quantity!r}")
    about = timeline[event].title if event else ", ".join(dict.fromkeys(timeline[f.event].title for f in rows))
    caption = f"{quantity.capitalize()}: {len(rows)} {'figure' if len(rows) == 1 else 'figures'}, with who gave each and when ({about})"
    head = "".join(f'<th scope="col">{h}</th>' for h in ("Figure", "Given by", "When given", "Note", "Sources"))
    body = "".join(
        "<tr>"
        f'<th scope="row">{escape(f.value)}</th><td>{escape(f.given_by)}</td><td>{escape(f.date.label())}</td>'
        f"<td>{escape(f.note)}</td><td>{source_links(f.sources)}</td></tr>"
        for f in rows
    )
    table = (f'<div class="sg-table-box" tabindex="0" role="region" aria-label="{escape(caption)}">'
             f'<table class="studyguide-table contested-figures"><caption>{escape(caption)}</caption>'
             f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>")
    return fold_html(caption, table) if len(rows) > FOLD_ROWS else table


def contested(timeline: Timeline, quantity: str, event: str | None = None) -> HTML:
    return HTML(figures_table(timeline, quantity, event))


def source_links(urls) -> str:
    return ", ".join(f'<a href="{escape(u)}" rel="noopener">{escape(site_name(u))}</a>' for u in urls)
