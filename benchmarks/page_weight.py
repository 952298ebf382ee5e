"""Benchmark: the weight of each built page in Chromium, and what it requests.

Serves the built book compressed as GitHub Pages serves it, opens every page in a
fresh headless Chromium context, and prints per page: requests, bytes transferred
and decoded, third-party requests, and MathJax use (studyguide.cli.pageweight;
tests/browser/test_page_weight.py asserts the targets with the same code).

    .venv/bin/python -m studyguide build && .venv/bin/python benchmarks/page_weight.py [_build/html]

Targets: no page over 2 MB transferred, no third-party request, MathJax only on pages
that use math.
"""

from __future__ import annotations

import sys
from pathlib import Path

from studyguide.cli.pageweight import measure_book, report

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    html = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "_build" / "html"
    if not (html / "index.html").is_file():
        sys.exit(f"no built book in {html}: run python -m studyguide build first")
    print(report(measure_book(html)))


if __name__ == "__main__":
    main()
