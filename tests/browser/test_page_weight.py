"""Page weight and requests, measured in Chromium with the package's own measuring code
(:mod:`studyguide.cli.pageweight`, which ``python -m studyguide weigh`` and the benchmark
print): no page over 2 MB transferred (gzip, as GitHub Pages serves it), no third-party
request, MathJax only on pages that use math."""

from __future__ import annotations

import pytest

from studyguide.cli import pageweight
from studyguide.cli.serve import pages

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def weights(built_book, book_url, chromium):
    return [pageweight.measure(chromium, book_url, built_book, name) for name in pages(built_book)]


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
