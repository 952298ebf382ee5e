"""Page weight and requests, measured in Chromium with the package's own measuring code
(:mod:`studyguide.cli.pageweight`, which ``python -m studyguide weigh`` and the benchmark
print): no page over 2 MB transferred (gzip, as GitHub Pages serves it), no third-party
request, MathJax only on pages that use math; and, on a slowed-down CPU, no long task of
the guide's own scripts at load."""

from __future__ import annotations

import pytest
from crawl import LONG_TASK_MS, SLOWDOWN, LongTask, PageRecord, script_name

from studyguide.cli import pageweight
from studyguide.cli.serve import pages

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def weights(built_book, crawl):
    """Every page measured by the package's own code (pageweight.measure), in the shared crawl."""
    return [crawl.weight(name) for name in pages(built_book)]


def test_every_page_is_measured(weights, built_book):
    assert [w.page for w in weights] == pages(built_book)
    assert {w.page for w in weights} >= {"index.html", "notebooks/overview.html"}
    for w in weights:
        assert w.requests > 1 and w.transferred > 10_000, w  # the page and its theme files were counted
        assert w.transferred < w.decoded, f"{w.page}: not served compressed"


def test_no_page_weighs_over_2_mb(weights):
    heaviest = max(weights, key=lambda w: w.transferred)
    print(f"heaviest page: {heaviest.page}, {heaviest.transferred:,d} bytes transferred, {heaviest.requests} requests")
    over = [f"{w.page}: {w.transferred:,d} bytes" for w in weights if w.transferred > pageweight.LIMIT]
    assert not over, over


def test_no_page_makes_a_third_party_request(weights):
    assert not [(w.page, w.third_party) for w in weights if w.third_party]


def test_mathjax_only_on_pages_with_math(weights):
    assert not [w.page for w in weights if w.mathjax and not w.has_math]


def test_no_script_of_the_guides_own_runs_a_long_task_at_load(crawl, built_book):
    """With the CPU slowed down 4 times, no script of the guide's own runs longer than 50 ms
    in one task while a page loads (so the Lighthouse scores cannot slip unseen)."""
    own = crawl.own
    assert "studyguide-explorers.js" in own and any(name.startswith("tippy/") for name in own)
    long, tasks = [], 0
    for name in pages(built_book):
        record = crawl.throttled(name)
        assert record.long_tasks is not None, f"{record.where}: long tasks not recorded"
        tasks += len(record.long_tasks)
        long += record.own_long_scripts(own)
    print(f"long tasks at load (CPU slowed down {SLOWDOWN} times): {tasks}, of which the guide's own scripts ran over "
          f"{LONG_TASK_MS} ms: {len(long)}")
    assert tasks, "no long task at all: is the CPU throttled and the observer installed?"
    assert not long, "\n".join(long)


def test_long_tasks_are_blamed_on_the_scripts_that_ran_them():
    task = LongTask(320.0, [("http://127.0.0.1:1/_static/tippy/chapters/a.1.js", "script-block", 311.0),
                            ("http://127.0.0.1:1/_static/scripts/bootstrap.js", "script-block", 257.0),
                            ("http://127.0.0.1:1/_static/studyguide-explorers.js?v=1", "DOMWindow.onload", 49.0)])
    record = PageRecord("a.html", 1280, "light", long_tasks=[task])
    own = {"tippy/chapters/a.1.js", "studyguide-explorers.js"}
    assert record.own_long_scripts(own) == ["a.html (1280 px, light): tippy/chapters/a.1.js ran 311 ms (script-block) in a 320 ms task"]
    assert script_name("file:///x/_static/studyguide-explorers.js?v=2") == "studyguide-explorers.js"
