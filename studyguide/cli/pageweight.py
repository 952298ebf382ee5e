"""The weight of each built page in Chromium, and what it requests.

Serves the built book compressed (:mod:`.serve`), opens every page in a fresh
headless Chromium context (an empty cache), and counts per page: requests made,
bytes transferred (compressed bodies, what a reader downloads), bytes decoded,
third-party requests (blocked and counted), and whether it loads MathJax and
whether it has math. ``python -m studyguide weigh`` prints the table;
``tests/browser/test_page_weight.py`` asserts the targets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from .browser import launch, sync_playwright
from .serve import pages, serve

LIMIT = 2_000_000  # bytes transferred per page
MATH = re.compile(r'class="[^"]*\bmath\b')


@dataclass
class Weight:
    page: str
    requests: int = 0
    transferred: int = 0
    decoded: int = 0
    third_party: list[str] = field(default_factory=list)
    mathjax: bool = False
    has_math: bool = False


def measure(browser, base: str, html: Path, name: str) -> Weight:
    """Open one page with an empty cache; count its requests and bytes."""
    weight = Weight(name, has_math=bool(MATH.search((html / name).read_text("utf-8"))))
    context = browser.new_context()

    def route(route):
        if urlparse(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            weight.third_party.append(route.request.url)
            route.abort()

    context.route(re.compile(r"^https?://"), route)
    page = context.new_page()
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    page.goto(f"{base}/{name}", wait_until="networkidle")
    page.wait_for_timeout(300)
    entries = page.evaluate("""() => [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
                                 .map(e => [e.name, e.encodedBodySize, e.decodedBodySize])""")
    context.close()
    weight.requests = len([u for u in urls if not u.startswith(("data:", "blob:"))])
    weight.transferred = sum(encoded for _, encoded, _ in entries)
    weight.decoded = sum(decoded for _, _, decoded in entries)
    weight.mathjax = any("mathjax" in url.lower() for url in urls)
    return weight


def measure_book(html: Path, names: list[str] | None = None) -> list[Weight]:
    """The weight of every page (or of ``names``) of the book built in ``html``."""
    html = Path(html)
    with serve(html) as base, sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            return [measure(browser, base, html, name) for name in (names or pages(html))]
        finally:
            browser.close()


def report(weights: list[Weight]) -> str:
    lines = [f"{'page':48} {'requests':>8} {'transferred':>12} {'decoded':>12} {'3rd party':>9}  mathjax/math"]
    for w in weights:
        flag = " OVER 2 MB" if w.transferred > LIMIT else ""
        lines.append(f"{w.page:48} {w.requests:8d} {w.transferred:12,d} {w.decoded:12,d} {len(w.third_party):9d}  "
                     f"{w.mathjax!s:5}/{w.has_math!s:5}{flag}")
    heaviest = max(weights, key=lambda w: w.transferred)
    lines.append(f"heaviest page: {heaviest.page}, {heaviest.transferred:,d} bytes transferred ({heaviest.decoded:,d} "
                 f"decoded), {heaviest.requests} requests; target <= {LIMIT:,d} bytes")
    return "\n".join(lines)
