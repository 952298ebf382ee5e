"""Benchmark: seconds to print the student handout from a built book, and its size.

    .venv/bin/python -m studyguide build && .venv/bin/python benchmarks/handout_time.py

Needs Debian's chromium and the test tools (requirements-test.txt).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from pypdf import PdfReader

from studyguide.cli.handout import make_handout

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    html = ROOT / "_build" / "html"
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "handout.pdf"
        start = time.perf_counter()
        make_handout(html, output)
        seconds = time.perf_counter() - start
        pages = len(PdfReader(str(output)).pages)
        print(f"handout: {seconds:.1f} s, {pages} pages, {output.stat().st_size / 1024:.0f} KiB")


if __name__ == "__main__":
    sys.exit(main())
