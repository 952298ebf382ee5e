"""Timeline charts and the table of contested figures.

Charts go through :mod:`studyguide.views.style`: one lane per category, and each
category has its own colour AND marker, so the chart reads in greyscale print.
Events known only to the month are drawn hollow; ranges are drawn as bars.
The seed text and the article it answers are vertical lines (dashed, dotted...),
labelled with how well their dates are known; a grey band shades the month (or
year) a line's date is known to. Event numbers are laid out so that no two labels
touch (see :func:`label_groups`). Alt text is computed from the data.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from html import escape
from textwrap import fill

import matplotlib.dates as mdates
from IPython.display import HTML
from matplotlib.patches import Patch
from matplotlib.text import Text
from matplotlib.transforms import offset_copy

from ..analysis.placement import TextMark
from ..base.dates import When
from ..knowledge.evidence import Evidence
from ..knowledge.evidence_fold import fold_html as evidence_fold
from ..knowledge.sources import Sources, source_names
from ..knowledge.symbols import MARKERS, PALETTE
from ..knowledge.timeline import CATEGORIES, Event, Timeline
from .style import MIN_FONT, Figure, figure_style, finish, fit_width, plt
from .tables import FOLD_ROWS, boxed_table, fold_html

# Category -> (colour, marker). Yellow, the faintest colour in print, goes to the
# category with fewest events and gets a dark outline (EDGE).
_ORDER = (0, 1, 3, 2, 4, 5, 7, 6)
STYLE = {category: (PALETTE[_ORDER[i]], MARKERS[i]) for i, category in enumerate(CATEGORIES)}
EDGE = {PALETTE[6]: "#1a1a1a"}
TEXT_COLOUR = "#000000"
# The texts' vertical lines, in order: (name in the legend and alt text, matplotlib dash pattern).
# Eight that tell apart in print: eight texts (or texts and the articles they answer) each have their own.
LINES = (("dashed", (0, (4, 3))), ("dotted", (0, (1, 2))), ("dash-dotted", (0, (5, 2, 1, 2))), ("long-dashed", (0, (9, 3))),
         ("solid", "-"), ("dash-dot-dotted", (0, (6, 2, 1, 2, 1, 2))), ("sparsely dotted", (0, (1, 5))),
         ("long-and-short-dashed", (0, (9, 2, 3, 2))))
LEGEND_CHARACTERS = 72  # a legend line is wrapped beyond this: the legend is never wider than the plot it explains
BAND, BAND_ALPHA = "#999999", 0.3
BAND_INK = "#595959"  # the other texts' ticks: grey, and 7:1 against white
LABEL_GAP = 4  # points: the least space between two number labels, and between a label and the plot's edge
LABEL_BOX = {"boxstyle": "square,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.85}  # a line under a label stays behind it


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word[:-1] + 'ies' if word.endswith('y') else word + 's'}"


def chart_span(timeline: Timeline, marks: tuple[TextMark, ...] = ()) -> tuple[dt.date, dt.date]:
    """The first and last day a chart of the whole timeline covers: every event and every text's date."""
    first = min([e.start.first for e in timeline.events] + [m.when.first for m in marks])
    last = max([(e.end or e.start).last for e in timeline.events] + [m.when.last for m in marks])
    return first, last


def left_out(marks: tuple[TextMark, ...], first: dt.date, last: dt.date) -> str:
    """A sentence naming the texts' lines a chart from ``first`` to ``last`` cannot show, and why; "" when none."""
    outside = [m for m in marks if m not in shown_marks(marks, first, last)]
    if not outside:
        return ""
    return ("Not on this chart, being dated outside it: "
            + "; ".join(f"{m.label}, {m.date_label()}" for m in outside) + ".")


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
    shown = shown_marks(marks, first, last)
    if shown:
        parts.append("Vertical lines mark " + "; ".join(
            f"{m.label}, {m.date_label()} ({line_name(i, len(shown))})" for i, m in enumerate(shown)) + ".")
        parts.extend(f"A grey band shades {band_label(when, shown)}." for when in bands(shown))
    if outside := left_out(marks, first, last):
        parts.append(outside)
    return " ".join(parts)


def corpus_context(placed: list, chosen) -> tuple[tuple[TextMark, ...], tuple[TextMark, ...]]:
    """``(marks, others)`` for a chart of one text (``chosen``) against the corpus: its own marks, and every
    other text's own mark (not the articles they answer)."""
    marks = next(p.marks for p in placed if p.text.id == chosen.id)
    return marks, tuple(p.own for p in placed if p.text.id != chosen.id and p.own is not None)


def against_corpus(placed: list, draw):
    """``chart(text)``: ``draw(marks, others)`` for each text against the corpus (:func:`corpus_context`),
    drawn once per distinct pair: texts with no known date (no lines of their own) share one chart."""
    drawn: dict = {}

    def chart(text):
        key = corpus_context(placed, text)
        if key not in drawn:
            drawn[key] = draw(*key)
        return drawn[key]

    return chart


def context_alt(others: tuple[TextMark, ...], first: dt.date, last: dt.date) -> str:
    """Alt text for the other texts' ticks: how many, over which years, and any left off the chart."""
    shown = shown_marks(others, first, last)
    if not shown:
        return "No other text's date falls on this chart."
    years = sorted({m.when.first.year for m in shown})
    span = str(years[0]) if len(years) == 1 else f"{years[0]} to {years[-1]}"
    missing = len(others) - len(shown)
    return (f"Grey ticks along the top mark the dates of {_plural(len(shown), 'other text')}, from {span}"
            + (f"; {missing} more fall outside it." if missing else "."))


def line_name(index: int, count: int) -> str:
    """How the alt text names line ``index`` of ``count``: its style, and its number when styles repeat (beyond eight)."""
    style = LINES[index % len(LINES)][0]
    return f"line {index + 1}, {style}" if count > len(LINES) else style


def shown_marks(marks: tuple[TextMark, ...], first: dt.date, last: dt.date) -> list[TextMark]:
    """The marks drawn on a chart from ``first`` to ``last``, in the order of their line styles."""
    return [m for m in marks if first <= m.when.first <= last]


def bands(shown: list[TextMark]) -> list[When]:
    """The distinct months (or years) the shown lines' dates are known to; a date known to the day has none."""
    return list(dict.fromkeys(m.when for m in shown if m.when.first < m.when.last))


def band_label(when: When, shown: list[TextMark]) -> str:
    """What the grey band over ``when`` means: "May 2012, the month of the dashed line and the earliest month for
    the dotted line" (a line is drawn at the band's start, its day not being known)."""
    unit = when.granularity
    parts = []
    for i, mark in enumerate(shown):
        if mark.when != when:
            continue
        line = f"line {i + 1}" if len(shown) > len(LINES) else f"the {LINES[i][0]} line"
        if mark.period.exact:
            parts.append(f"the {unit} of {line}")
        else:
            parts.append(f"the {'earliest' if mark.period.start is not None else 'latest'} {unit} for {line}")
    return f"{when.label()}, " + " and ".join(parts)


def timeline_chart(timeline: Timeline, marks: tuple[TextMark, ...] = (), first: dt.date | None = None,
                   last: dt.date | None = None, labels: bool = False, title: str = "",
                   quantity: str | None = None, others: tuple[TextMark, ...] = ()) -> Figure:
    """Events between ``first`` and ``last`` in one lane per category.

    Each marker carries the event's number in the whole timeline (date order, as in
    the explorer), events too close to label apart sharing one label ("6, 8, 11–13");
    ``labels=True`` also lists every event's number, date and title in the caption
    (for short spans).
    ``quantity`` adds a bottom lane with every figure for it given in the span,
    labelled with the figure and who gave it.
    ``others`` (the rest of a corpus of more texts than line styles, :func:`corpus_context`) are drawn as
    grey ticks along the top, one per date, so the chosen text's lines stand out against the corpus.
    """
    events = timeline.between(first, last) if first and last else timeline.events
    if not (first and last):  # the whole timeline: every text's date too, however late (texts of 2025)
        first, last = chart_span(timeline, marks + others)
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
        given_labels = []
        for i, figure in enumerate(given):
            y = 0.35 - 1.1 * i / max(1, len(given) - 1)
            ax.plot([figure.date.first], [y], linestyle="none", marker="X", markersize=7, color=TEXT_COLOUR)
            given_labels.append(ax.annotate(f"{chr(97 + i)}: {figure.value}", (figure.date.first, y),
                                            xytext=(7, 0), textcoords="offset points", va="center", fontsize=MIN_FONT))
        shown = shown_marks(marks, first, last)
        for when in bands(shown):
            ax.axvspan(when.first, when.last, color=BAND, alpha=BAND_ALPHA, linewidth=0)
        drawn: list[dt.date] = []
        for i, mark in enumerate(shown):
            # A line at (or within a few pixels of) an earlier one is drawn 3 points to its right, so both show;
            # for an open date ("in or after May 2012") that is still a day it can be.
            near = sum(1 for d in drawn if abs((d - mark.when.first).days) <= span_days / 100)
            drawn.append(mark.when.first)
            numbered = f"{i + 1}. " if len(shown) > len(LINES) else ""
            line = ax.axvline(mark.when.first, color=TEXT_COLOUR, linestyle=LINES[i % len(LINES)][1], linewidth=1.2,
                              label=fill(f"{numbered}{mark.label}: {mark.date_label()}", LEGEND_CHARACTERS,
                                         subsequent_indent="  "))
            if numbered:  # more lines than styles: each is numbered at its top, as in the legend
                ax.annotate(str(i + 1), (mdates.date2num(mark.when.first), 1.0), xycoords=("data", "axes fraction"),
                            xytext=(3 * near, 2), textcoords="offset points", ha="center", va="bottom",
                            fontsize=MIN_FONT, color=TEXT_COLOUR)
            line.set_transform(offset_copy(line.get_transform(), fig, x=3 * near, units="points"))
        context = shown_marks(others, first, last)
        if context:
            ax.plot([m.when.first for m in context], [lanes - 0.35] * len(context), linestyle="none", marker="|",
                    markersize=12, markeredgewidth=1.5, color=BAND_INK,
                    label=f"Grey ticks: the other texts' dates ({len(context)} on this chart)")
        handles, names = ax.get_legend_handles_labels()
        for when in bands(shown):
            handles.append(Patch(facecolor=BAND, alpha=BAND_ALPHA, linewidth=0))
            names.append(fill(f"Grey band: {band_label(when, shown)}", LEGEND_CHARACTERS, subsequent_indent="  "))
        if handles:
            ax.legend(handles, names, loc="upper center", bbox_to_anchor=(0.4, -0.16), fontsize=MIN_FONT + 1, ncol=1)
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
        keep_inside(ax, fig, given_labels)
        fit_width(fig)  # the plot's final width (finish() would narrow it after the labels were laid out)
        keep_inside(ax, fig, given_labels)
        number_markers(ax, fig, list(events), lane, numbers, first)
        ax.grid(axis="x", color="#dddddd", linewidth=0.6)
        ax.set_axisbelow(True)
        if title:
            ax.set_title(title, loc="left")
        caption = (f"{title + '. ' if title else ''}Each category has its own lane, colour and marker; filled markers: "
                   "day known; hollow: month known or approximate; bars: events that lasted. Numbers are the events' "
                   "numbers in date order, as in the explorer below; markers too close to label apart share one label "
                   "(\"6, 8, 11–13\").")
        alt = chart_alt(events, first, last, marks)
        if others:
            alt += " " + context_alt(others, first, last)
        if given:
            alt += f" A bottom lane shows {_plural(len(given), 'figure')} for {quantity} given in this span: " + "; ".join(
                f"{f.date.label()}, {f.given_by}: {f.value}" for f in given) + "."
            caption += (f" Crosses: {quantity} figures as given on that date, by whom: "
                        + "; ".join(f"{chr(97 + i)}, {f.date.label()}: {f.value} ({f.given_by})" for i, f in enumerate(given))
                        + ".")
        if outside := left_out(marks, first, last):
            caption += " " + outside
        if labels:
            caption += " Events: " + "; ".join(f"{numbers[e.id]}, {e.date_label()}: {e.title}" for e in events) + "."
        return finish(fig, alt, caption)


def number_markers(ax, fig, events: list[Event], lane: dict, numbers: dict[str, int], first: dt.date) -> None:
    """Write each event's number above its marker, laid out by :func:`label_groups` so that no labels touch.

    Call it at the figure's final size: the layout is measured in pixels.
    """
    fig.canvas.draw()  # fixes the axes' scale, so dates map to pixels
    renderer = fig.canvas.get_renderer()
    ruler = Text(0, 0, "", fontsize=MIN_FONT, figure=fig)

    def width(label: str) -> float:
        ruler.set_text(label)
        return ruler.get_window_extent(renderer).width

    box = ax.get_window_extent(renderer)
    gap = LABEL_GAP * fig.dpi / 72
    for category, y in lane.items():
        points = [(ax.transData.transform((mdates.date2num(max(e.when, first)), y))[0], numbers[e.id])
                  for e in events if e.category == category]
        for x, label in label_groups(points, width, box.x0 + gap / 2, box.x1 - gap / 2, gap):
            ax.annotate(label, (ax.transData.inverted().transform((x, 0))[0], y), xytext=(0, 7),
                        textcoords="offset points", ha="center", va="bottom", fontsize=MIN_FONT, color=TEXT_COLOUR,
                        bbox=LABEL_BOX, zorder=4)


def number_label(numbers) -> str:
    """``[6, 8, 11, 12, 13]`` -> ``"6, 8, 11–13"``: runs of consecutive numbers as ranges (en dash), the rest by commas."""
    runs: list[list[int]] = []
    for n in sorted(numbers):
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return ", ".join(str(run[0]) if len(run) == 1 else f"{run[0]}–{run[-1]}" for run in runs)


def label_groups(points: list[tuple[float, int]], width, left: float, right: float, gap: float) -> list[tuple[float, str]]:
    """Markers in one lane, as (x in pixels, event number), -> labels as (centre x, text), no two closer than ``gap``.

    Each label is centred over its markers (kept between ``left`` and ``right``; ``width(text)`` measures it).
    Working left to right, the first label that would come within ``gap`` of the next is merged with it into one
    label for both groups (:func:`number_label`), and the lane is laid out again, until no two labels touch.
    """
    groups = [[point] for point in sorted(points)]
    while True:
        placed = []
        for group in groups:
            label = number_label(n for _, n in group)
            half = width(label) / 2
            middle = (group[0][0] + group[-1][0]) / 2
            centre = max(left + half, min(right - half, middle))
            placed.append((centre - half, centre + half, centre, label))
        clash = next((i for i in range(len(placed) - 1) if placed[i][1] + gap > placed[i + 1][0]), None)
        if clash is None:
            return [(centre, label) for _, _, centre, label in placed]
        groups[clash:clash + 2] = [groups[clash] + groups[clash + 1]]


def keep_inside(ax, fig, labels) -> None:
    """Move a label written to the right of its marker to the left when it would run past the plot's right edge."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    right = ax.get_window_extent(renderer).x1
    for label in labels:
        if label.get_window_extent(renderer).x1 > right:
            label.set_position((-7, 0))
            label.set_horizontalalignment("right")


def figures_table(timeline: Timeline, quantity: str, event: str | None = None, sources: Sources | None = None,
                  evidence: Evidence | None = None) -> str:
    """HTML table of every figure given for ``quantity``: value, who gives it, when, sources, and under
    the sources the source's own words where ``evidence`` quotes them."""
    rows = timeline.figures_for(quantity, event)
    if not rows:
        raise ValueError(f"no figures for {quantity!r}")
    about = timeline[event].title if event else ", ".join(dict.fromkeys(timeline[f.event].title for f in rows))
    caption = f"{quantity.capitalize()}: {len(rows)} {'figure, with who gave it' if len(rows) == 1 else 'figures, with who gave each'} and when ({about})"
    head = "".join(f'<th scope="col">{h}</th>' for h in ("Figure", "Given by", "When given", "Note", "Sources"))
    body = "".join(
        "<tr>"
        f'<th scope="row">{escape(f.value)}</th><td>{escape(f.given_by)}</td><td>{escape(f.date.label())}</td>'
        f"<td>{escape(f.note)}</td><td>{source_links(f.sources, sources)}{passages_fold(f, sources, evidence)}</td></tr>"
        for f in rows
    )
    folded = len(rows) > FOLD_ROWS
    table = boxed_table(caption, head, body, "contested-figures sg-sticky", caption_shown=not folded)
    return fold_html(caption, table) if folded else table


def passages_fold(figure, sources: Sources | None, evidence: Evidence | None) -> str:
    """The fold with the passages that support ``figure`` (empty without evidence or passage)."""
    return evidence_fold(evidence.of("figure", figure.id), f"{figure.value} ({figure.given_by})", sources) if evidence else ""


def contested(timeline: Timeline, quantity: str, event: str | None = None, sources: Sources | None = None,
              evidence: Evidence | None = None) -> HTML:
    """The figures table (:func:`figures_table`), sources named from the register ``sources``, with
    the source's words from ``evidence``."""
    return HTML(figures_table(timeline, quantity, event, sources, evidence))


def source_links(urls, sources: Sources | None = None) -> str:
    # each named by its publisher when the register (``sources``) has it; a site's name may
    # break after its dots (<wbr>): "en.internationalism.org" whole would set the width of its
    # column, and push a five-column table out of a page's column
    return ", ".join(f'<a href="{escape(u)}" rel="noopener">{escape(name).replace(".", ".<wbr>")}</a>'
                     for u, name in zip(urls, source_names(urls, sources)))
