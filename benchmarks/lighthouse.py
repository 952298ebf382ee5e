"""Benchmark: Lighthouse scores of every built page (performance, accessibility, SEO).

Lighthouse comes from the npm registry, pinned (:data:`LIGHTHOUSE`), installed at run
time into a scratch folder (``_build/lighthouse-npm``, reused by later runs, never
committed). The book is served as GitHub Pages serves it, gzipped, by the server the
page-weight benchmark and the tests use (:mod:`studyguide.cli.serve`), and each page is
audited ``--runs`` times (default 3) with Lighthouse's mobile preset and simulated
throttling in Debian's Chromium; the median of each score is printed.

    .venv/bin/python -m studyguide build && .venv/bin/python benchmarks/lighthouse.py [--runs 3] [PAGE ...]

Targets (issue 18): performance >= 90 on every chapter page (the text chapters, the
study-guide pages, the landing page), >= 85 on the notebook pages; SEO >= 95 everywhere.
Scores depend on the machine's load (Lighthouse scales the CPU time it observes): compare
pages within one run, and note ``uptime`` with the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from studyguide.cli.browser import chromium_path
from studyguide.cli.serve import pages, serve

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = "lighthouse@12.2.3"
SCRATCH = ROOT / "_build" / "lighthouse-npm"
CATEGORIES = ("performance", "accessibility", "seo")
TARGETS = {"notebooks/": 85}  # performance; every other page: 90
SEO_TARGET = 95


def lighthouse() -> Path:
    """The pinned Lighthouse's command, installed into the scratch folder when missing."""
    command = SCRATCH / "node_modules" / ".bin" / "lighthouse"
    version = SCRATCH / "node_modules" / "lighthouse" / "package.json"
    if not (command.exists() and json.loads(version.read_text())["version"] == LIGHTHOUSE.split("@")[1]):
        SCRATCH.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--prefix", str(SCRATCH), LIGHTHOUSE],
                       check=True, stdout=subprocess.DEVNULL)
    return command


def audit(command: Path, url: str, chromium: str) -> dict[str, float]:
    """One Lighthouse run of ``url``: score (0-100) per category, plus LCP and TBT in ms."""
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        subprocess.run([str(command), url, "--quiet", "--output=json", f"--output-path={report}",
                        "--only-categories=" + ",".join(CATEGORIES),
                        "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
                       check=True, env={**os.environ, "CHROME_PATH": chromium}, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        data = json.loads(report.read_text())
    scores = {c: round(100 * (data["categories"][c]["score"] or 0)) for c in CATEGORIES}
    scores["lcp"] = data["audits"]["largest-contentful-paint"]["numericValue"]
    scores["tbt"] = data["audits"]["total-blocking-time"]["numericValue"]
    return scores


def target(name: str) -> int:
    return next((score for prefix, score in TARGETS.items() if name.startswith(prefix)), 90)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="*", help="pages to audit (default: every page)")
    parser.add_argument("--html", type=Path, default=ROOT / "_build" / "html")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if not (args.html / "index.html").is_file():
        sys.exit(f"no built book in {args.html}: run python -m studyguide build first")
    chromium = chromium_path()
    if not chromium:
        sys.exit("Chromium is not installed (apt-get install chromium)")
    command = lighthouse()
    names = args.pages or [n for n in pages(args.html) if n not in {"genindex.html", "search.html"}]
    print(f"{'page':46} {'perf':>5} {'a11y':>5} {'seo':>5} {'LCP ms':>7} {'TBT ms':>7}  target (median of {args.runs})")
    failed = 0
    with serve(args.html) as base:
        for name in names:
            runs = [audit(command, f"{base}/{name}", chromium) for _ in range(args.runs)]
            median = {key: statistics.median(r[key] for r in runs) for key in runs[0]}
            ok = median["performance"] >= target(name) and median["seo"] >= SEO_TARGET
            failed += not ok
            print(f"{name:46} {median['performance']:5.0f} {median['accessibility']:5.0f} {median['seo']:5.0f} "
                  f"{median['lcp']:7.0f} {median['tbt']:7.0f}  perf >= {target(name)}, seo >= {SEO_TARGET}"
                  f"{'' if ok else '  BELOW TARGET'}", flush=True)
    print(f"{len(names) - failed} of {len(names)} pages meet their targets")


if __name__ == "__main__":
    main()
