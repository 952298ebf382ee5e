"""The timeline charts as the timeline notebook draws them, from the real data: every label readable
(none overlaps another, none leaves the plot), numbered as in the explorer, and a legend true to what is drawn."""

from __future__ import annotations

import datetime as dt
import re

import matplotlib.dates as mdates
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg

import studyguide.views.timeline_chart as module
from studyguide import load_project
from studyguide.analysis.placement import chart_marks, placements
from support import ROOT

# The calls in notebooks/timeline.ipynb.
CHARTS = {
    "whole": {"title": "The Zhanaozen events, 2008 to 2022"},
    "zoomed": {"first": dt.date(2011, 5, 1), "last": dt.date(2012, 12, 31), "title": "May 2011 to December 2012"},
    "week": {"first": dt.date(2011, 12, 15), "last": dt.date(2011, 12, 23), "labels": True,
             "title": "16-17 December 2011 and the week after", "quantity": "deaths"},
}
NUMBERS = re.compile(r"\d+(?:–\d+)?(?:, \d+(?:–\d+)?)*")


@pytest.fixture(scope="module")
def guide():
    project = load_project(ROOT)
    return project.timeline, chart_marks(placements(project.corpus, project.timeline))


def drawn(guide, monkeypatch, **call):
    """The chart and the matplotlib figure behind it, as finished (at its final size)."""
    kept = []
    finish = module.finish

    def keep(fig, alt, caption):
        kept.append(fig)
        return finish(fig, alt, caption)

    monkeypatch.setattr(module, "finish", keep)
    timeline, marks = guide
    chart = module.timeline_chart(timeline, marks, **call)
    fig = kept[0]
    FigureCanvasAgg(fig)  # closed by finish(): measured again on a canvas of its own
    fig.canvas.draw()
    return chart, fig


def numbers_in(label: str) -> list[int]:
    """``"6, 8, 11–13"`` -> ``[6, 8, 11, 12, 13]``."""
    out = []
    for part in label.split(", "):
        low, _, high = part.partition("–")
        out.extend(range(int(low), int(high or low) + 1))
    return out


def overlap(a, b) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1 and a.y0 < b.y1 and b.y0 < a.y1


def test_number_labels_write_runs_as_ranges_and_the_rest_with_commas():
    assert module.number_label([7]) == "7"
    assert module.number_label([16, 11, 12, 13, 14, 15, 8, 6]) == "6, 8, 11–16"
    assert module.number_label([4, 5, 7]) == "4–5, 7"


def test_labels_that_would_touch_merge_left_to_right_until_none_do():
    def width(text):
        return 8.0 * len(text)  # pixels

    # "1" and "2" (8 px wide, 10 px apart) touch; "5" would then touch "1–2" and joins it; 9 is far off.
    groups = module.label_groups([(100, 1), (110, 2), (122, 5), (300, 9)], width, left=0, right=400, gap=4)
    assert [label for _, label in groups] == ["1–2, 5", "9"]
    assert groups[0][0] == 111 and groups[1][0] == 300  # centred over their markers
    # kept inside the plot: a label near the edge moves in, a lone one stays put
    assert module.label_groups([(2, 40)], width, left=0, right=400, gap=4) == [(8.0, "40")]
    for spread in (1, 5, 20):
        points = [(100 + spread * i, i) for i in range(1, 30)]
        placed = [(x - width(t) / 2, x + width(t) / 2) for x, t in module.label_groups(points, width, 0, 400, 4)]
        assert all(a[1] + 4 <= b[0] for a, b in zip(placed, placed[1:]))


@pytest.mark.parametrize("name", CHARTS)
def test_no_label_overlaps_another_or_leaves_the_plot(guide, monkeypatch, name):
    chart, fig = drawn(guide, monkeypatch, **CHARTS[name])
    renderer = fig.canvas.get_renderer()
    ax = fig.axes[0]
    labels = [(t.get_text(), t.get_window_extent(renderer)) for t in ax.texts]
    clashes = [(a, b) for i, (a, box_a) in enumerate(labels) for b, box_b in labels[i + 1:] if overlap(box_a, box_b)]
    print(f"{name}: {len(labels)} labels, {len(clashes)} overlapping pairs")
    assert labels
    assert not clashes, f"{len(clashes)} of {len(labels)} labels overlap: {clashes}"
    inside = ax.get_window_extent(renderer)
    for text, box in labels:
        assert fig.bbox.x0 <= box.x0 and box.x1 <= fig.bbox.x1 and fig.bbox.y0 <= box.y0 and box.y1 <= fig.bbox.y1, text
        assert inside.x0 <= box.x0 and box.x1 <= inside.x1 and inside.y0 <= box.y0 and box.y1 <= inside.y1, text
    shown = 672 / max(672, chart.width_px())  # the book's column: a wider chart is scaled down to it
    assert all(t.get_fontsize() * 4 / 3 * shown >= 10 for t in ax.texts)  # CSS px at the page's display size


@pytest.mark.parametrize("name", CHARTS)
def test_labels_number_every_event_once_as_in_the_explorer_and_sit_over_their_markers(guide, monkeypatch, name):
    timeline, _ = guide
    _, fig = drawn(guide, monkeypatch, **CHARTS[name])
    ax = fig.axes[0]
    renderer = fig.canvas.get_renderer()
    call = CHARTS[name]
    events = timeline.between(call["first"], call["last"]) if "first" in call else timeline.events
    number = {e.id: i for i, e in enumerate(timeline.events, 1)}  # the explorer's numbering
    lanes = {tick.get_text(): y for tick, y in zip(ax.get_yticklabels(), ax.get_yticks())}
    first = call.get("first", dt.date.min)
    for category_label, y in lanes.items():
        lane = [e for e in events if e.category_label == category_label]
        if not lane:
            continue
        texts = [t for t in ax.texts if NUMBERS.fullmatch(t.get_text()) and t.xy[1] == y]
        assert sorted(n for t in texts for n in numbers_in(t.get_text())) == sorted(number[e.id] for e in lane)
        at = {number[e.id]: ax.transData.transform((mdates.date2num(max(e.when, first)), y))[0] for e in lane}
        for text in texts:
            xs = [at[n] for n in numbers_in(text.get_text())]
            box = text.get_window_extent(renderer)
            assert box.x0 <= max(xs) and min(xs) <= box.x1, text.get_text()  # over (part of) its markers
            assert box.y0 > ax.transData.transform((0, y))[1]  # above them


def test_zoomed_chart_legend_names_both_lines_and_the_shaded_month_and_the_lines_are_apart(guide, monkeypatch):
    chart, fig = drawn(guide, monkeypatch, **CHARTS["zoomed"])
    ax = fig.axes[0]
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert len(legend) == 3
    assert legend[0].startswith("The article it answers") and "May 2012 (day not known)" in legend[0]
    assert legend[1].startswith("The text") and "in or after May 2012" in legend[1]
    assert legend[2].startswith("Grey band: May 2012")
    dashes = set(re.findall(r"stroke-dasharray: ([\d.,]+)", chart.svg))
    assert len(dashes) == 2  # the two lines (and their legend keys) are drawn in two different dash patterns
    lines = {line.get_label(): line for line in ax.lines if line.get_label().startswith("The ")}
    x0, x1 = (line.get_transform().transform(line.get_xydata()[0])[0] for line in lines.values())
    assert abs(x1 - x0) >= 3  # pixels: the dotted line is not hidden under the dashed one
    assert "dashed line marks the article it answers" in chart.alt.lower() or "(dashed)" in chart.alt
    assert "(dotted)" in chart.alt and "grey band" in chart.alt.lower()
