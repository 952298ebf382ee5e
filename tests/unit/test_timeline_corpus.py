"""Beyond eight texts the timeline shows the chosen text against the corpus: its own lines, the others as ticks."""

from __future__ import annotations

import pytest

from studyguide import load_project
from studyguide.analysis.placement import placements
from studyguide.views.timeline_chart import against_corpus, context_alt, corpus_context, timeline_chart
from support import copy_project, titled_sidecar

DATES = ("2012-05", "2013-02", "2014-07", "2015-01", "2016-03", "2017-09", "2018-11", "2019-04", "2020-06")


@pytest.fixture(scope="module")
def class_project(tmp_path_factory):
    """The project with nine more texts, each dated (the seed makes ten), and one with no date."""
    root = copy_project(tmp_path_factory.mktemp("class") / "book")
    for number, date in enumerate(DATES, 1):
        (root / "seeds" / f"9{number:02d}_class.txt").write_text(f"Letter {number}\n\nThe workers wrote again.\n", "utf-8")
        (root / "seeds" / f"9{number:02d}_class.meta.toml").write_text(
            titled_sidecar(f"letter-{number}", f"Letter {number}").replace('date = "2012-05"', f'date = "{date}"'), "utf-8")
    (root / "seeds" / "999_undated.txt").write_text("Undated\n\nNo date is known.\n", "utf-8")
    (root / "seeds" / "999_undated.meta.toml").write_text(
        titled_sidecar("undated", "Undated").replace('date = "2012-05"', 'date = "unknown"'), "utf-8")
    return load_project(root)


def test_the_chosen_text_has_its_lines_and_every_other_dated_text_is_a_tick(class_project):
    corpus = class_project.corpus
    placed = placements(corpus, class_project.timeline)
    assert len(corpus) == 11
    marks, others = corpus_context(placed, corpus["letter-3"])
    assert [m.label for m in marks] == ["“Letter 3” (by someone)"]
    # the seed's own mark and the eight other letters' (the undated text has none; the article the seed
    # answers is the seed's second line, not a text of the corpus)
    assert len(others) == 9 and all("Letter 3" not in m.label for m in others)
    assert corpus_context(placed, corpus["undated"])[0] == ()


def test_alt_text_counts_the_ticks_and_those_outside_the_chart():
    import datetime as dt

    from studyguide.analysis.placement import TextMark
    from studyguide.base.dates import parse_period

    def mark(date):
        return TextMark(f"text of {date}", parse_period(date), "", "")

    others = tuple(mark(d) for d in ("2012-05", "2013-02", "2020-06"))
    assert context_alt(others, dt.date(2011, 1, 1), dt.date(2014, 12, 31)) == (
        "Grey ticks along the top mark the dates of 2 other texts, from 2012 to 2013; 1 more fall outside it.")
    assert context_alt(others, dt.date(2011, 12, 15), dt.date(2011, 12, 23)) == "No other text's date falls on this chart."


def test_texts_with_the_same_lines_share_one_chart_and_the_chart_says_what_the_ticks_are(class_project):
    corpus = class_project.corpus
    placed = placements(corpus, class_project.timeline)
    calls = []

    def draw(marks, others=()):
        calls.append(marks)
        return timeline_chart(class_project.timeline, marks, others=others)

    chart = against_corpus(placed, draw)
    figure = chart(corpus["letter-9"])
    assert "Grey ticks along the top mark the dates of 9 other texts, from 2012 to 2019." in figure.alt
    assert "Grey ticks: the other texts' dates (9 on this chart)" in figure.svg
    chart(corpus["letter-9"])
    assert len(calls) == 1  # drawn once per distinct set of lines
