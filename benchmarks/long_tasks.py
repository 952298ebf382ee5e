"""Benchmark: the long tasks each built page runs at load, on a slowed-down CPU, and whose script runs them.

Serves the built book gzipped (:mod:`studyguide.cli.serve`), opens each page in Debian's
Chromium at a phone's width with the CPU slowed four times (CDP
``Emulation.setCPUThrottlingRate``, as Lighthouse's mobile preset assumes), records a
performance trace from the navigation until the page has been quiet for a while, and
lists every main-thread task longer than 50 ms with the script that ran most of it.
Tasks in the guide's own scripts (``studyguide/book/static``) are marked OURS.

    .venv/bin/python -m studyguide build && .venv/bin/python benchmarks/long_tasks.py [--rate 4] [--runs 3] [PAGE ...]

Target (issue 18): no task of the guide's own scripts longer than 50 ms at load. The
total blocking time printed (the time beyond 50 ms of every task, as Lighthouse counts
it) covers the whole recording, not Lighthouse's window, and varies with the machine's load.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from studyguide.cli.browser import launch, sync_playwright
from studyguide.cli.serve import pages, serve

ROOT = Path(__file__).resolve().parents[1]
OURS = {path.name for path in (ROOT / "studyguide" / "book" / "static").glob("*.js")}
LONG_MS = 50
PHONE = {"width": 390, "height": 844}
CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline", "toplevel", "v8"]
# Trace events that run a script, with the script's URL in args.data.url (or args.data.fileName).
SCRIPT_EVENTS = {"EvaluateScript", "FunctionCall", "v8.compile", "v8.compileModule", "v8.evaluateModule"}
SETTLE_MS = 3000  # after "load": idle callbacks, timers and late scripts still count as loading


@dataclass
class Task:
    ms: float
    script: str  # the URL whose scripts ran longest in the task, "" when none did (layout, parsing...)
    scripts: dict[str, float] = field(default_factory=dict)

    @property
    def ours(self) -> bool:
        return script_name(self.script) in OURS


def script_name(url: str) -> str:
    return url.split("?", 1)[0].rsplit("/", 1)[-1]


def long_tasks(events: list[dict], origin: str, threshold_ms: float = LONG_MS) -> list[Task]:
    """The renderer main thread's tasks longer than ``threshold_ms``, each with the scripts of ``origin`` it ran
    (Chromium's own scripts, e.g. of its built-in pages, are left out)."""
    mains = {(e["pid"], e["tid"]) for e in events
             if e.get("ph") == "M" and e.get("name") == "thread_name" and e["args"].get("name") == "CrRendererMain"}
    by_thread: dict[tuple, list[dict]] = defaultdict(list)
    for event in events:
        if event.get("ph") == "X" and (event.get("pid"), event.get("tid")) in mains:
            by_thread[event["pid"], event["tid"]].append(event)
    tasks = []
    for thread in by_thread.values():
        thread.sort(key=lambda e: (e["ts"], -e.get("dur", 0)))
        for index, event in enumerate(thread):
            if event["name"] != "RunTask" or event.get("dur", 0) < threshold_ms * 1000:
                continue
            end = event["ts"] + event["dur"]
            scripts: dict[str, float] = defaultdict(float)
            covered = 0  # outermost script events only: a compile inside an evaluation is not counted twice
            for inner in thread[index + 1:]:
                if inner["ts"] >= end:
                    break
                data = inner.get("args", {}).get("data", {}) or {}
                url = data.get("url") or data.get("fileName") or inner.get("args", {}).get("fileName") or ""
                if inner["name"] in SCRIPT_EVENTS and url.startswith(origin) and inner["ts"] >= covered:
                    scripts[url] += inner.get("dur", 0) / 1000
                    covered = inner["ts"] + inner.get("dur", 0)
            top = max(scripts, key=scripts.get, default="")
            tasks.append(Task(event["dur"] / 1000, top, dict(scripts)))
    return sorted(tasks, key=lambda t: -t.ms)


def trace_page(browser, url: str, rate: float) -> list[dict]:
    """Open ``url`` at a phone's width with the CPU slowed ``rate`` times; the trace's events."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": rate})
    browser.start_tracing(page=page, categories=CATEGORIES)
    page.goto(url, wait_until="load")
    page.wait_for_timeout(SETTLE_MS)
    trace = browser.stop_tracing()
    context.close()
    return json.loads(trace)["traceEvents"]


def blocking_ms(tasks: list[Task]) -> float:
    return sum(task.ms - LONG_MS for task in tasks)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="*", help="pages to open (default: every page)")
    parser.add_argument("--html", type=Path, default=ROOT / "_build" / "html")
    parser.add_argument("--rate", type=float, default=4, help="CPU slow-down factor (default 4)")
    parser.add_argument("--runs", type=int, default=3, help="loads per page (default 3); the median is printed")
    args = parser.parse_args()
    if not (args.html / "index.html").is_file():
        sys.exit(f"no built book in {args.html}: run python -m studyguide build first")
    names = args.pages or [n for n in pages(args.html) if n != "genindex.html"]
    print(f"CPU slowed {args.rate:g}x, {PHONE['width']} px; tasks over {LONG_MS} ms from navigation to load + {SETTLE_MS} ms")
    print(f"{'page':44} {'tasks':>5} {'blocking':>9} {'ours max':>9}  longest tasks (ms, script), median run of {args.runs}")
    offending = 0
    with serve(args.html) as base, sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            for name in names:
                runs = [long_tasks(trace_page(browser, f"{base}/{name}", args.rate), base) for _ in range(args.runs)]
                tasks = sorted(runs, key=blocking_ms)[len(runs) // 2]
                ours = statistics.median(max((task.ms for task in run if task.ours), default=0) for run in runs)
                offending += ours > 0
                shown = ", ".join(f"{task.ms:.0f} {script_name(task.script) or '(no script)'}{' OURS' if task.ours else ''}"
                                  for task in tasks[:4])
                print(f"{name:44} {len(tasks):5d} {blocking_ms(tasks):7.0f}ms {ours:7.0f}ms  {shown}", flush=True)
        finally:
            browser.close()
    print(f"{len(names) - offending} of {len(names)} pages: no task of the guide's own scripts over {LONG_MS} ms "
          f"(median of {args.runs} runs)")


if __name__ == "__main__":
    main()
