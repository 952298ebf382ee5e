"""The shared crawl: every page of the student book opened once per viewport and colour mode,
in real Chromium, into a record the browser tests assert on.

Opening a page is the slow part of a browser test, and axe-core the slowest (most of it the
colour-contrast rule), so one visit per page, viewport (1280 or 390 px wide) and mode (light or
dark) records everything the page-wide tests ask:

- the theme the page shows, how wide it scrolls (also after a word is looked up on a phone);
- every request that left the book (blocked), failed, and every console error;
- axe-core's WCAG 2.1 A and AA violations: all rules in light mode; in dark mode only the
  rules that depend on colour (the rest read the same document whatever the colours),
  on the page and on every view of every explorer (at 1280), which the page's own audit
  cannot see while they are hidden;
- its weight (the package's own :func:`studyguide.cli.pageweight.measure`);
- loaded once more at 1280 in light mode with the CPU slowed down 4 times (what a mid-range
  phone has): every long task at load, with the scripts it ran (a guide's own script seen
  just over 50 ms is measured twice more, and the shortest time counts).
"""

from __future__ import annotations

import queue
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from studyguide.book import STATIC
from studyguide.cli.browser import launch, sync_playwright
from studyguide.cli.serve import pages, serve
from support import Visit

VIEWPORTS = {1280: {"width": 1280, "height": 900}, 390: {"width": 390, "height": 844}}  # 390: the theme hides its sidebars
MODES = ("light", "dark")
THROTTLED = (1280, "light")  # the throttled load's viewport and mode
WORKERS = 2  # crawl threads: a visit waits for the network and the page as much as it computes
SLOWDOWN = 4  # CPU throttling, as Lighthouse's mobile preset
LONG_TASK_MS = 50
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
UNSATISFIABLE: dict[str, str] = {}  # axe rule id -> why it cannot be satisfied (none so far)
COLOUR_RULES = ["color-contrast", "link-in-text-block"]  # the WCAG A/AA rules whose outcome depends on colour


def axe_options(mode: str) -> dict:
    if mode == "dark":
        run = {"type": "rule", "values": [rule for rule in COLOUR_RULES if rule not in UNSATISFIABLE]}
    else:
        run = {"type": "tag", "values": WCAG_TAGS}
    options = {"runOnly": run, "resultTypes": ["violations"]}
    if UNSATISFIABLE and mode == "light":
        options["rules"] = {rule: {"enabled": False} for rule in UNSATISFIABLE}
    return options


def report(violations: list[dict], where: str) -> list[str]:
    """One line per axe violation: where, the rule, its help and the first elements it names."""
    lines = []
    for violation in violations:
        targets = "; ".join(" ".join(node["target"]) + " " + node["html"][:120] for node in violation["nodes"][:5])
        lines.append(f"{where}: {violation['id']} ({violation['impact']}): {violation['help']} -> {targets}")
    return lines


# Long animation frames (Chromium 123+) name the scripts that ran in a long task and for how long;
# the observer is installed before any script of the page runs.
OBSERVE_LONG_TASKS = """
window.__sgLong = [];
new PerformanceObserver(list => list.getEntries().forEach(frame => window.__sgLong.push({
  start: frame.startTime, duration: frame.duration,
  scripts: frame.scripts.map(s => ({url: s.sourceURL, invoker: s.invoker, duration: s.duration}))
}))).observe({type: 'long-animation-frame', buffered: true});
"""


@dataclass
class LongTask:
    """A task longer than 50 ms at load, and the scripts that ran in it (url, invoker, ms)."""

    duration: float
    scripts: list[tuple[str, str, float]]


@dataclass
class PageRecord:
    """What one visit of one page, at one viewport in one mode, found."""

    page: str
    viewport: int
    mode: str
    theme: str = ""
    scroll_width: int = 0
    scroll_width_with_a_word: int | None = None  # the words page on a phone, after a word is looked up
    blocked: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)
    views_audited: int = 0
    long_tasks: list[LongTask] | None = None  # only in the throttled visit

    @property
    def where(self) -> str:
        return f"{self.page} ({self.viewport} px, {self.mode})"

    def problems(self) -> list[str]:
        """Third-party requests, failed requests and console errors."""
        found = [f"{self.where}: third-party request {url}" for url in self.blocked]
        found += [f"{self.where}: failed request {url}" for url in self.failed]
        return found + [f"{self.where}: console error {error}" for error in self.errors]

    def own_long_scripts(self, own: set[str]) -> list[str]:
        """The guide's own scripts (file names in ``own``) that ran longer than 50 ms in one task."""
        found = []
        for task in self.long_tasks or []:
            for url, invoker, duration in task.scripts:
                if duration > LONG_TASK_MS and script_name(url) in own:
                    found.append(f"{self.where}: {script_name(url)} ran {duration:.0f} ms ({invoker}) in a {task.duration:.0f} ms task")
        return found


def script_name(url: str) -> str:
    """A script URL as the file under ``_static/`` it names (``tippy/chapters/x.js``), or ``""``."""
    path = urlparse(url).path
    return path.split("/_static/", 1)[1] if "/_static/" in path else ""


class Crawl:
    """``crawl(page, viewport, mode)``: the record of one page's visit; ``crawl.throttled(page)``: its
    long tasks at load on a 4 times slower CPU; ``crawl.weight(page)``: its weight.

    The whole crawl runs once per run, in two threads of its own, each with its own Chromium
    (Playwright objects belong to the thread that made them), while the other tests run; asking
    for a record waits until that visit is done. The throttled loads come last, once every visit
    and every book build is over, one at a time, so that a busy CPU is not mistaken for a slow
    script; and an own script seen just over 50 ms is measured twice more, the shortest time
    counting. (Two at a time were tried: on a loaded machine the overview's explorers script was
    then seen running 505 ms.)
    """

    def __init__(self, book, before_throttling=lambda: None):
        """``book()`` returns the built book's HTML folder, waiting for its build;
        ``before_throttling()`` waits until the CPU is free of builds."""
        self.book = book
        self.before_throttling = before_throttling
        self.html: Path | None = None
        self.names: list[str] = []
        self.own: set[str] = set()
        self.records: dict[tuple, object] = {}  # (page, viewport, mode) -> PageRecord; ("weight" | "throttled", page) -> ...
        self._done: dict[tuple, threading.Event] = {}
        self._jobs: queue.SimpleQueue = queue.SimpleQueue()
        self._ready = threading.Event()  # the book is built and its pages are known
        self._visited = threading.Barrier(WORKERS)  # every worker is done with the weights and visits
        self._quiet = threading.Event()  # ... and every build is over: the throttled loads may start
        self._stopping = threading.Event()  # the run is over: take no more jobs
        self.finished = threading.Event()  # every visit and throttled load is over (or the crawl failed)
        self._error: BaseException | None = None
        self._threads = [threading.Thread(target=self._work, args=(number,), name=f"crawl {number}", daemon=True)
                         for number in range(WORKERS)]
        self._lock = threading.Lock()

    def keys(self) -> list[tuple]:
        """Every job: the weights, the visits, and last the throttled loads."""
        visits = [(name, viewport, mode) for viewport in VIEWPORTS for mode in MODES for name in self.names]
        return [("weight", name) for name in self.names] + visits + [("throttled", name) for name in self.names]

    def start(self) -> None:
        with self._lock:
            if not self._threads[0].is_alive() and not self.finished.is_set():
                for thread in self._threads:
                    thread.start()

    def _get(self, key: tuple):
        self.start()
        self._ready.wait()
        if key not in self._done:
            raise self._error or AssertionError(f"the crawl does not visit {key}")
        self._done[key].wait()
        if key not in self.records:
            raise self._error or AssertionError(f"the crawl did not finish {key}")
        return self.records[key]

    def __call__(self, page: str, viewport: int = 1280, mode: str = "light") -> PageRecord:
        return self._get((page, viewport, mode))

    def weight(self, page: str):
        """The page's weight, measured by the package's own code (:func:`studyguide.cli.pageweight.measure`)."""
        return self._get(("weight", page))

    def throttled(self, page: str) -> PageRecord:
        """The page loaded at 1280 px in light mode on a CPU slowed down 4 times: its long tasks."""
        return self._get(("throttled", page))

    def _work(self, number: int) -> None:
        """Worker ``number``: the first finds the pages and hands out the jobs; all do the weights and
        visits; then the first alone, once all visits and the builds are done, the throttled loads."""
        try:
            if number == 0:
                self.html = self.book()
                self.names = pages(self.html)
                self.own = own_scripts(self.html)
                self._done = {key: threading.Event() for key in self.keys()}
                for key in self.keys():
                    if key[0] != "throttled":
                        self._jobs.put(key)
                self._ready.set()
            self._ready.wait()
            if self._error is not None:
                return
            with serve(self.html) as base, sync_playwright() as playwright:
                from axe_playwright_python.sync_playwright import Axe  # a test tool (requirements-test.txt)

                browser = launch(playwright)
                axe = Axe()
                self._take_jobs(lambda key: self.job(browser, base, axe, key))
                self._visited.wait()
                if number == 0:
                    self.before_throttling()
                    for name in self.names:
                        self._jobs.put(("throttled", name))
                    self._quiet.set()
                self._quiet.wait()
                if number == 0:
                    self._take_jobs(lambda key: self.measure(browser, base, key[1]))
                browser.close()
        except BaseException as error:  # handed to every test that asks
            self._error = self._error or error
            self._visited.abort()  # the other workers stop waiting for this one
        finally:
            if number == 0:
                self._ready.set()
                self._quiet.set()
                for other in self._threads[1:]:
                    other.join()
                self.finished.set()
                for event in self._done.values():
                    event.set()

    def stop(self) -> None:
        """At the end of the run: the jobs not started are dropped and the threads waited for, so that
        none is still driving Chromium while the interpreter exits (which can crash it)."""
        self._stopping.set()
        for thread in self._threads:
            if thread.is_alive():
                thread.join()

    def _take_jobs(self, do) -> None:
        """Take jobs from the queue until it is empty (or the run ends); record what ``do(key)`` returns for each."""
        while not self._stopping.is_set():
            try:
                key = self._jobs.get_nowait()
            except queue.Empty:
                return
            self.records[key] = do(key)
            self._done[key].set()

    def job(self, browser, base: str, axe, key: tuple):
        if key[0] == "weight":
            from studyguide.cli import pageweight

            return pageweight.measure(browser, base, self.html, key[1])
        return self.visit(browser, base, axe, *key)

    def measure(self, browser, base: str, name: str) -> PageRecord:
        """The long tasks of one throttled load (three, the shortest counting, when an own script is near the limit)."""
        record = self.load_throttled(browser, base, name)
        if LONG_TASK_MS < worst(record.long_tasks, self.own) <= 2 * LONG_TASK_MS:
            runs = [record.long_tasks] + [self.load_throttled(browser, base, name).long_tasks for _ in range(2)]
            record.long_tasks = min(runs, key=lambda tasks: worst(tasks, self.own))
        return record

    def load_throttled(self, browser, base: str, name: str) -> PageRecord:
        record = PageRecord(name, *THROTTLED)
        with Visit(browser, color_scheme=THROTTLED[1], viewport=VIEWPORTS[THROTTLED[0]]) as found:
            found.page.add_init_script(OBSERVE_LONG_TASKS)
            cdp = found.context.new_cdp_session(found.page)
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": SLOWDOWN})
            found.open(f"{base}/{name}")
            found.page.wait_for_timeout(500)  # tasks started at load (timers, idle callbacks) finish and are reported
            record.long_tasks = [LongTask(t["duration"], [(s["url"], s["invoker"], s["duration"]) for s in t["scripts"]])
                                 for t in found.page.evaluate("window.__sgLong")]
            record.blocked, record.failed, record.errors = found.blocked, found.failed, found.errors
        return record

    def visit(self, browser, base: str, axe, name: str, viewport: int, mode: str) -> PageRecord:
        record = PageRecord(name, viewport, mode)
        found = Visit(browser, color_scheme=mode, viewport=VIEWPORTS[viewport])
        # the book's mode as its theme button sets it
        found.page.add_init_script(f"localStorage.setItem('mode', '{mode}'); localStorage.setItem('theme', '{mode}')")
        try:
            tab = found.open(f"{base}/{name}")
            record.theme = tab.evaluate("document.documentElement.dataset.theme")
            record.scroll_width = width(tab)
            record.violations += audit(axe, tab, record.where, mode)
            if viewport == 1280:
                record.views_audited = audit_explorers(axe, tab, record, mode)
            elif tab.locator(".sg-words").count():
                look_up(tab, "you")
                record.scroll_width_with_a_word = width(tab)
            record.blocked, record.failed, record.errors = found.blocked, found.failed, found.errors
        finally:
            found.close()
        return record


def audit(axe, tab, where: str, mode: str, context: str | None = None) -> list[str]:
    """axe-core's violations on the page (or the part of it ``context`` selects). axe-core is put into the
    document once (``Axe.run`` would put its 0.5 MB script in again for every explorer view) and run as
    ``Axe.run`` runs it: ``axe.run(context, options)``, the whole document when there is no context."""
    if not tab.evaluate("typeof window.axe === 'object' && typeof window.axe.run === 'function'"):
        tab.evaluate(axe.axe_script)
    results = tab.evaluate("([context, options]) => axe.run(context || document, options)", [context, axe_options(mode)])
    return report(results["violations"], where)


def audit_explorers(axe, tab, record: PageRecord, mode: str) -> int:
    """Show each view of each explorer in turn and audit the explorer showing it (a nested explorer's
    menu is audited in the view that shows it); look a word up in the word explorer. How many views."""
    audited = 0
    switchers = tab.locator(".studyguide-switcher")
    for index in range(switchers.count()):
        switcher = switchers.nth(index)
        select = switcher.locator("select").first
        if not select.is_visible():
            continue
        switcher.evaluate("box => box.setAttribute('data-sg-audit', '')")
        for value in select.locator("option").evaluate_all("options => options.map(o => o.value)")[1:]:
            select.select_option(value)
            record.violations += audit(axe, tab, f"{record.where} explorer {index + 1} view {value!r}", mode, "[data-sg-audit]")
            audited += 1
        switcher.evaluate("box => box.removeAttribute('data-sg-audit')")
    # The word explorer's views are drawn by the book's script: audit one looked-up word.
    if tab.locator(".sg-words").count():
        look_up(tab, "strike")
        tab.wait_for_selector(".sg-words .word-view[data-word='strike'] table.kwic")
        record.violations += audit(axe, tab, f"{record.where} word explorer", mode, ".sg-words")
        audited += 1
    return audited


def worst(tasks: list[LongTask], own: set[str]) -> float:
    """The longest time one of the guide's own scripts ran in one task."""
    return max((duration for task in tasks for url, _, duration in task.scripts if script_name(url) in own), default=0.0)


def own_scripts(html: Path) -> set[str]:
    """The guide's own scripts, as paths under ``_static/``: the book's static files
    (studyguide/book/static) and the per-page hover-tip scripts its configuration writes
    (``tippy/``); not the third-party files (the theme, tippy.js, Popper)."""
    own = {path.name for path in STATIC.glob("*.js")}
    own |= {str(path.relative_to(html / "_static")) for path in (html / "_static" / "tippy").rglob("*.js")}
    return own

def width(tab) -> int:
    return tab.evaluate("document.documentElement.scrollWidth")


def look_up(tab, word: str) -> None:
    """Look ``word`` up in the words page's explorer, as a reader types it."""
    tab.locator(".sg-words input").first.fill(word)
    tab.locator(".sg-words button").first.click()
    tab.wait_for_selector(f".sg-words .word-view[data-word='{word}']")
