"""The built book: the context chapter and the timeline notebook take their facts from the data."""

from __future__ import annotations

import re

import pytest

from studyguide.knowledge.timeline import load_timeline
from support import ROOT, copy_project, page

pytestmark = pytest.mark.build
CONTEXT = "chapters/context.html"
NOTEBOOK = "notebooks/timeline.html"
OPEN_DATE = "in or after May 2012 (exact date not known)"  # the seed's date, 2012-05/..
CITATION = re.compile(r"id\d+")


@pytest.fixture(scope="module")
def timeline():
    return load_timeline(ROOT / "data" / "timeline.toml")


def widget_classes(found) -> set[str]:
    """The CSS classes of every explorer on the page (their static HTML form)."""
    return {name for box in found.select(".studyguide-switcher") for name in box.get("class", [])}


def with_timeline_changed(tmp_path, old: str, new: str):
    """A copy of the project whose timeline has ``old`` replaced by ``new`` once; its root and the line changed."""
    root = copy_project(tmp_path / "book")
    data = root / "data" / "timeline.toml"
    text = data.read_text()
    assert old in text
    data.write_text(text.replace(old, new, 1))
    return root, text[: text.index(old)].count("\n") + 1


def test_chapter_dates_and_figures_come_from_the_data(built_book, timeline):
    visible = page(built_book, CONTEXT).visible
    for event in ("ersai-strike-begins", "zhanaozen-shooting", "aktau-verdicts", "kozlov-sentenced"):
        assert timeline[event].date_label() in visible
    for figure in timeline.figures_for("deaths", "zhanaozen-shooting"):
        assert figure.value in visible and figure.given_by in visible
    assert OPEN_DATE in visible


def test_chapter_has_one_bibliography_with_urls_for_every_citation(built_book):
    chapter = page(built_book, CONTEXT)
    assert len(chapter.select(".citation-list")) == 1
    cited = {a["href"][1:] for a in chapter.select('a.reference.internal[href^="#"]') if CITATION.fullmatch(a["href"][1:])}
    entries = [div["id"] for div in chapter.select("div.citation[id]") if CITATION.fullmatch(div["id"])]
    assert cited and cited <= set(entries)
    bib = (ROOT / "data" / "sources.bib").read_text()
    keys = re.findall(r"@\w+\{([^,]+),", bib)
    assert len(keys) == len(set(keys)) == bib.count("url = {")
    assert len(entries) >= 30


def test_notebook_shows_three_charts_the_tables_and_the_explorer(built_book, timeline):
    notebook = page(built_book, NOTEBOOK)
    assert len(notebook.select("figure.studyguide-figure")) == 3
    assert len(notebook.select("table.studyguide-table.contested-figures")) == len(timeline.figure_groups())
    assert "timeline-explorer" in widget_classes(notebook)
    assert OPEN_DATE in notebook.visible


def test_a_bad_timeline_stops_the_build_with_one_line_naming_file_and_line(cli, tmp_path):
    root, line = with_timeline_changed(tmp_path, 'category = "strike"', 'category = "strikes"')
    result = cli(root, "build", "--path-output", str(tmp_path / "out"))
    log = result.stdout + result.stderr
    assert result.returncode != 0
    assert re.search(rf"timeline\.toml:{line}: event '[a-z0-9-]+': category 'strikes' must be one of: ", log), log[-2000:]


def test_check_command_reports_a_bad_timeline_in_one_line(cli, tmp_path):
    root, line = with_timeline_changed(tmp_path, 'date = "2011-12-16"', 'date = "16 December 2011"')
    result = cli(root, "check")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"error: data/timeline.toml:{line}: event '"), result.stderr
    good = cli(ROOT, "check")
    events = len(load_timeline(ROOT / "data" / "timeline.toml"))
    assert f"ok  data/timeline.toml  {events} events" in good.stdout
