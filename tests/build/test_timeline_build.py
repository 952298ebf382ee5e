"""The built book: the context chapter and the timeline notebook take their facts from the data."""

from __future__ import annotations

import re

import pytest
import subprocess
import sys

from support import ROOT, build, copy_project
from test_build import page

from studyguide.knowledge.timeline import load_timeline

pytestmark = pytest.mark.build
CHAPTER = "chapters/context.html"
NOTEBOOK = "notebooks/timeline.html"


@pytest.fixture(scope="module")
def timeline():
    return load_timeline(ROOT / "data" / "timeline.toml")


def test_chapter_dates_and_figures_come_from_the_data(built_book, timeline):
    visible = page(built_book, CHAPTER).visible
    for event in ("ersai-strike-begins", "zhanaozen-shooting", "aktau-verdicts", "kozlov-sentenced"):
        assert timeline[event].date_label() in visible
    for figure in timeline.figures_for("deaths", "zhanaozen-shooting"):
        assert figure.value in visible and figure.given_by in visible
    assert "in or after May 2012 (exact date unknown)" in visible


def test_chapter_has_one_bibliography_with_urls_for_every_citation(built_book):
    source = (built_book / CHAPTER).read_text()
    assert source.count('class="citation-list"') == 1
    cited = set(re.findall(r'<a class="reference internal" href="#(id\d+)"', source))
    entries = re.findall(r'<div class="citation" id="(id\d+)"[^>]*>.*?</div>', source, re.S)
    assert cited and cited <= set(entries)
    bib = (ROOT / "data" / "sources.bib").read_text()
    keys = re.findall(r"@\w+\{([^,]+),", bib)
    assert len(keys) == len(set(keys)) == bib.count("url = {")
    assert len(entries) >= 30


def test_notebook_shows_three_charts_the_tables_and_the_explorer(built_book, timeline):
    source = (built_book / NOTEBOOK).read_text()
    assert source.count('<figure class="studyguide-figure">') == 3
    assert source.count('class="studyguide-table contested-figures"') == len(timeline.figure_groups())
    assert "application/vnd.jupyter.widget-state+json" in source
    assert "timeline-explorer" in source
    visible = page(built_book, NOTEBOOK).visible
    assert "in or after May 2012 (exact date unknown)" in visible


def test_a_bad_timeline_stops_the_build_with_one_line_naming_file_and_line(tmp_path):
    root = copy_project(tmp_path / "book")
    data = root / "data" / "timeline.toml"
    text = data.read_text()
    data.write_text(text.replace('category = "strike"', 'category = "strikes"', 1))
    line = text[: text.index('category = "strike"')].count("\n") + 1
    result = build(root, tmp_path / "out")
    log = result.stdout + result.stderr
    assert result.returncode != 0
    assert re.search(rf"timeline\.toml:{line}: event '[a-z0-9-]+': unknown category 'strikes'", log), log[-2000:]


def test_check_command_reports_a_bad_timeline_in_one_line(tmp_path):
    root = copy_project(tmp_path / "book")
    data = root / "data" / "timeline.toml"
    text = data.read_text()
    data.write_text(text.replace('date = "2011-12-16"', 'date = "16 December 2011"', 1))
    line = text[: text.index('date = "2011-12-16"')].count("\n") + 1
    result = subprocess.run([sys.executable, "-m", "studyguide", "check"], cwd=root, capture_output=True, text=True,
                            env={**__import__("os").environ, "STUDYGUIDE_ROOT": str(root)})
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"error: data/timeline.toml:{line}: event '"), result.stderr
    good = subprocess.run([sys.executable, "-m", "studyguide", "check"], cwd=ROOT, capture_output=True, text=True)
    events = len(load_timeline(ROOT / "data" / "timeline.toml"))
    assert f"ok  data/timeline.toml  {events} events" in good.stdout
