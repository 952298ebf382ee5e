"""The timeline data file and its loader: the real data, and small bad inputs."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from studyguide import load_corpus
from studyguide.analysis.placement import text_marks
from studyguide.base.dates import parse_date
from studyguide.knowledge.timeline import CATEGORIES, PRECISIONS, load_timeline
from studyguide.views.screen_reader import ATTRIBUTES as HIDDEN
from support import ROOT, load_error

DATA = ROOT / "data" / "timeline.toml"

GOOD_EVENT = """\
[[event]]
id = "{id}"
date = "{date}"
precision = "{precision}"
category = "{category}"
title = "A title"
description = "{description}"
sources = [{sources}]
"""

GOOD_FIGURE = """\
[[figure]]
id = "{id}"
quantity = "deaths"
event = "{event}"
value = "at least 10"
given_by = "{given_by}"
date = "2011-12-16"
sources = ["https://example.org/figure"]
"""


def event(**fields) -> str:
    values = {"id": "shooting", "date": "2011-12-16", "precision": "day", "category": "repression",
              "description": "Police fired on the square.", "sources": '"https://example.org/a"'}
    values.update(fields)
    return GOOD_EVENT.format(**values)


def figure(**fields) -> str:
    values = {"id": "deaths-1", "event": "shooting", "given_by": "Prosecutor General"}
    values.update(fields)
    return GOOD_FIGURE.format(**values)


def write(tmp_path: Path, source: str) -> Path:
    path = tmp_path / "timeline.toml"
    path.write_text(source, "utf-8")
    return path


def error(tmp_path: Path, source: str) -> str:
    return str(load_error(load_timeline, tmp_path / "timeline.toml", source))


# --- the real data -----------------------------------------------------------

@pytest.fixture(scope="module")
def timeline():
    return load_timeline(DATA)


def test_real_data_loads_with_every_event_dated_described_categorised_and_sourced(timeline):
    assert len(timeline) >= 30
    for event in timeline:
        assert isinstance(event.start.first, dt.date)
        assert event.description and event.title
        assert event.category in CATEGORIES and event.precision in PRECISIONS
        assert 1 <= len(event.sources) <= 3
        assert all(re.match(r"^https?://", url) for url in event.sources)
    ids = [e.id for e in timeline]
    assert len(ids) == len(set(ids))
    assert [e.start.first for e in timeline] == sorted(e.start.first for e in timeline)


def test_real_figures_carry_who_gives_them_when_and_a_source(timeline):
    assert len(timeline.figures) >= 20
    ids = [f.id for f in timeline.figures]
    assert len(ids) == len(set(ids))
    for figure in timeline.figures:
        assert figure.given_by and figure.value and figure.sources
        timeline[figure.event]  # points at a real event


def test_no_source_url_carries_a_tracking_parameter_or_a_known_weak_host(timeline):
    urls = [u for e in timeline for u in e.sources] + [u for f in timeline.figures for u in f.sources]
    for url in urls:
        assert not re.search(r"[?&](fbclid|utm_\w+|gclid)=", url), url
        assert not re.search(r"indymedia|signalfire|researcher\.life|kiar\.center|theglobaleye|londondaily", url), url


def test_the_death_toll_is_contested_not_one_number(timeline):
    deaths = timeline.figures_for("deaths", "zhanaozen-shooting")
    assert len({f.value for f in deaths}) >= 5
    assert len({f.given_by for f in deaths}) >= 5
    assert [f.date.last for f in deaths] == sorted(f.date.last for f in deaths)
    assert deaths[0].value == "at least 10"  # the first official count, on the day


def test_key_dates_of_the_story(timeline):
    assert timeline["zhanaozen-shooting"].date_label() == "16 December 2011"
    assert timeline["shetpe-clashes"].date_label() == "17 December 2011"
    assert timeline["state-of-emergency"].date_label() == "17 December 2011 – 31 January 2012"
    assert timeline["aktau-verdicts"].date_label() == "4 June 2012"
    assert timeline["strike-begins-uzen"].start.first == dt.date(2011, 5, 26)


def test_the_text_and_the_article_it_answers_are_placed_from_the_sidecar():
    marks = text_marks(load_corpus(ROOT)["solidarity-oil-workers"])
    assert [m.date_label() for m in marks] == ["May 2012 (day not known)", "in or after May 2012 (exact date not known)"]
    assert all(m.approximate for m in marks)
    assert marks[0].url.endswith("/icconline/201205/4882/solidarity-oil-workers-kazakhstan-face-state-repression")


# --- dates -------------------------------------------------------------------

@pytest.mark.parametrize(("text", "first", "last", "label"), [
    ("2011-12-16", dt.date(2011, 12, 16), dt.date(2011, 12, 16), "16 December 2011"),
    ("2012-02", dt.date(2012, 2, 1), dt.date(2012, 2, 29), "February 2012"),
    ("2010", dt.date(2010, 1, 1), dt.date(2010, 12, 31), "2010"),
])
def test_parse_date(text, first, last, label):
    when = parse_date(text)
    assert (when.first, when.last, when.label()) == (first, last, label)


@pytest.mark.parametrize("text", ["16 December 2011", "2011-13", "2011-02-30", "2011/12/16", ""])
def test_parse_date_rejects(text):
    with pytest.raises(ValueError):
        parse_date(text)


def test_range_and_approximate_labels(tmp_path):
    source = event(id="emergency", date="2011-12-17", precision="range").replace(
        'precision = "range"', 'precision = "range"\nend = "2012-01-31"') + event(id="concern", date="2011-12-19", precision="approximate")
    timeline = load_timeline(write(tmp_path, source))
    assert timeline["emergency"].date_label() == "17 December 2011 – 31 January 2012"
    assert timeline["concern"].date_label() == "about 19 December 2011"


# --- bad inputs: one line, file and line ---------------------------------------

def test_good_minimal_file_loads(tmp_path):
    timeline = load_timeline(write(tmp_path, event() + figure()))
    assert [e.id for e in timeline] == ["shooting"]
    assert timeline.figure("deaths-1").given_by == "Prosecutor General"


def test_unparseable_date_names_file_and_line(tmp_path):
    message = error(tmp_path, "# comment\n\n" + event(date="16 Dec 2011"))
    assert re.match(r".*timeline\.toml:5: event 'shooting': date: date '16 Dec 2011' is not YYYY", message)


def test_unknown_category_names_its_line(tmp_path):
    message = error(tmp_path, event() + "\n" + event(id="other", category="riots"))
    assert "timeline.toml:14:" in message and "category 'riots' must be one of" in message


def test_missing_description(tmp_path):
    source = event().replace('description = "Police fired on the square."\n', "")
    assert "timeline.toml:1: event 'shooting': missing required field 'description'" in error(tmp_path, source)


def test_empty_description(tmp_path):
    assert "timeline.toml:7: event 'shooting': field 'description' is empty" in error(tmp_path, event(description="  "))


def test_no_url(tmp_path):
    assert "timeline.toml:8: event 'shooting' has no source URL" in error(tmp_path, event(sources=""))


def test_not_a_url(tmp_path):
    assert "sources 'www.example.org' must be an http(s) URL" in error(tmp_path, event(sources='"www.example.org"'))


def test_tracking_parameter_is_refused(tmp_path):
    assert "remove the tracking parameter" in error(tmp_path, event(sources='"https://example.org/a?fbclid=xyz"'))


def test_duplicate_event_ids(tmp_path):
    message = error(tmp_path, event() + "\n" + event())
    assert "timeline.toml:10: duplicate event id 'shooting' (first used on line 1)" in message


def test_figure_without_given_by(tmp_path):
    source = event() + "\n" + figure().replace('given_by = "Prosecutor General"\n', "")
    assert "timeline.toml:10: figure 'deaths-1': missing required field 'given_by'" in error(tmp_path, source)


def test_figure_without_source(tmp_path):
    source = event() + "\n" + figure().replace('sources = ["https://example.org/figure"]', "sources = []")
    assert "timeline.toml:17: figure 'deaths-1' has no source URL" in error(tmp_path, source)


def test_figure_pointing_to_an_unknown_event(tmp_path):
    message = error(tmp_path, event() + "\n" + figure(event="shotting"))
    assert "timeline.toml:13: figure 'deaths-1' points to unknown event 'shotting'" in message


def test_duplicate_figure_ids(tmp_path):
    assert "duplicate figure id 'deaths-1'" in error(tmp_path, event() + "\n" + figure() + "\n" + figure())


def test_range_without_end_and_end_before_start(tmp_path):
    assert "precision 'range' needs an 'end' date" in error(tmp_path, event(precision="range"))
    backwards = event(precision="range").replace('precision = "range"', 'precision = "range"\nend = "2011-12-01"')
    assert "end 2011-12-01 is before date 2011-12-16" in error(tmp_path, backwards)


def test_precision_must_match_the_date(tmp_path):
    assert "precision 'day' but date '2011-12' is given to the month" in error(tmp_path, event(date="2011-12"))


def test_unknown_field_and_malformed_toml(tmp_path):
    assert "timeline.toml:8: event 'shooting': unknown field 'sauce' (did you mean 'sources'?)" in error(tmp_path, event().replace("sources", "sauce", 1))
    assert re.search(r"timeline\.toml:2: malformed TOML", error(tmp_path, '[[event]]\nid = "unclosed\n'))


def test_html_in_data_is_escaped_in_views(tmp_path):
    from studyguide.views.timeline_explorer import event_card

    timeline = load_timeline(write(tmp_path, event(description="<script>alert(1)</script>")))
    card = event_card(timeline["shooting"], 1, 1)
    assert "<script>" not in card and "&lt;script&gt;" in card


# --- views: charts, tables, explorer on a small hand-checkable timeline --------

@pytest.fixture
def small(tmp_path):
    source = (event(id="strike", date="2011-05-26", category="strike", precision="range").replace(
        'precision = "range"', 'precision = "range"\nend = "2011-12-16"')
        + "\n" + event() + "\n" + event(id="trial", date="2012-06", precision="month", category="legal")
        + "\n" + figure() + "\n" + figure(id="deaths-2", given_by="Human <b>Rights</b> Watch")
        .replace('value = "at least 10"', 'value = "12 shot dead"').replace('date = "2011-12-16"', 'date = "2012-09-10"'))
    return load_timeline(write(tmp_path, source))


def test_chart_alt_text_is_computed_from_the_data(small):
    from studyguide.views.timeline_chart import chart_alt, timeline_chart

    alt = chart_alt(small.events, dt.date(2011, 5, 1), dt.date(2012, 12, 31), ())
    assert alt == ("Timeline from May 2011 to December 2012 with 3 events in 3 categories: Courts and trials 1, "
                   "Repression and violence 1, Strikes 1. The busiest year shown is 2011 with 2 events.")
    chart = timeline_chart(small, first=dt.date(2011, 12, 15), last=dt.date(2011, 12, 20), labels=True, quantity="deaths")
    assert chart.svg.startswith("<?xml") and "Police fired" not in chart.alt
    assert chart.alt.endswith("A bottom lane shows 1 figure for deaths given in this span: "
                              "16 December 2011, Prosecutor General: at least 10.")


def test_figures_table_lists_each_figure_with_who_and_when_escaped(small):
    from studyguide.views.timeline_chart import figures_table

    html = figures_table(small, "deaths", "shooting")
    assert html.count("<tr>") == 3  # header + 2 figures
    assert html.index("at least 10") < html.index("12 shot dead")
    assert "Human &lt;b&gt;Rights&lt;/b&gt; Watch" in html and "<b>" not in html
    assert f'<caption {HIDDEN}>Deaths: 2 figures, with who gave each and when (A title)</caption>' in html
    with pytest.raises(ValueError):
        figures_table(small, "injured")


def test_explorer_has_a_view_per_category_and_a_step_per_event(small):
    from studyguide.views.timeline_explorer import timeline_explorer

    box = timeline_explorer(small)
    category, strip, stack = box.children  # the strip marks the chosen event (live, Python redraws it)
    assert "sg-event-strip" in strip.value
    assert [label for label, _ in category.options] == [
        "All categories (3 events)", "Strikes (1)", "Repression and violence (1)", "Courts and trials (1)"]
    steppers = stack.children
    assert [len(s.children[1].children) for s in steppers] == [3, 1, 1, 1]
    assert "event 2 of 3" in steppers[0].children[1].children[1].value
