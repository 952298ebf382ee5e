"""Benchmark: the weight of each built page in Chromium, and what it requests.

Serves the built book on 127.0.0.1 (compressing text files with gzip, as GitHub Pages
does), opens every page in a fresh headless Chromium context (an empty cache), and
prints per page: requests made, bytes transferred (compressed bodies, what a reader
downloads), bytes decoded (uncompressed), third-party requests (blocked and counted),
and whether it loads MathJax and whether it has math.

    .venv/bin/python -m studyguide build && .venv/bin/python benchmarks/page_weight.py [_build/html]

Targets: no page over 2 MB transferred, no third-party request, MathJax only on pages
that use math. tests/test_page_weight.py asserts them with the same code.
"""

from __future__ import annotations

import gzip
import io
import re
import sys
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from support import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402  (the tests' server and browser settings)
LIMIT = 2_000_000  # bytes transferred per page
COMPRESSED = {".html", ".js", ".css", ".json", ".svg", ".txt", ".xml", ".map", ".ipynb"}
MATH = re.compile(r'class="[^"]*\bmath\b')


class GzipHandler(SimpleHTTPRequestHandler):
    """A static file server that gzips text files for clients that accept it."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants_gzip and path.is_file() and path.suffix in COMPRESSED):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def serve_book(html: Path):
    """Serve the built book on 127.0.0.1 with gzip, as GitHub Pages does."""
    return serve(html, GzipHandler)


@dataclass
class Weight:
    page: str
    requests: int = 0
    transferred: int = 0
    decoded: int = 0
    third_party: list[str] = field(default_factory=list)
    mathjax: bool = False
    has_math: bool = False


def pages(html: Path) -> list[str]:
    return sorted(str(p.relative_to(html)) for p in html.rglob("*.html") if "_static" not in p.relative_to(html).parts)


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


def measure_book(html: Path) -> list[Weight]:
    from playwright.sync_api import sync_playwright

    chromium = CHROMIUM
    if chromium is None:
        sys.exit("Debian's chromium is not installed")
    with serve_book(html) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            return [measure(browser, base, html, name) for name in pages(html)]
        finally:
            browser.close()


def main() -> None:
    html = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "_build" / "html"
    if not (html / "index.html").is_file():
        sys.exit(f"no built book in {html}: run python -m studyguide build first")
    weights = measure_book(html)
    print(f"{'page':48} {'requests':>8} {'transferred':>12} {'decoded':>12} {'3rd party':>9}  mathjax/math")
    for w in weights:
        flag = " OVER 2 MB" if w.transferred > LIMIT else ""
        print(f"{w.page:48} {w.requests:8d} {w.transferred:12,d} {w.decoded:12,d} {len(w.third_party):9d}  {w.mathjax!s:5}/{w.has_math!s:5}{flag}")
    heaviest = max(weights, key=lambda w: w.transferred)
    print(f"heaviest page: {heaviest.page}, {heaviest.transferred:,d} bytes transferred ({heaviest.decoded:,d} decoded), "
          f"{heaviest.requests} requests; target <= {LIMIT:,d} bytes")


if __name__ == "__main__":
    main()
