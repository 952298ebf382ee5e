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
- at 1280 in light mode, the page is loaded with the CPU slowed down 4 times (what a
  mid-range phone has) and every long task is recorded, with the scripts it ran (a guide's
  own script seen just over 50 ms is measured twice more, and the shortest time counts).
"""

from __future__ import annotations

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
THROTTLED = (1280, "light")  # the visit that also measures long tasks
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
    """``crawl(page, viewport, mode)``: the record of one page's visit.

    The whole crawl runs once per run, in a thread of its own with its own Chromium (Playwright
    objects belong to the thread that made them), while the other tests run; asking for a
    record waits until that visit is done. The throttled visits come last, once every book
    build is over, so that a busy CPU is not mistaken for a slow script; and an own script seen
    over 50 ms is measured twice more, the shortest time counting, as Lighthouse takes a median.
    """

    def __init__(self, book, before_throttling=lambda: None):
        """``book()`` returns the built book's HTML folder, waiting for its build;
        ``before_throttling()`` waits until the CPU is free of builds."""
        self.book = book
        self.before_throttling = before_throttling
        self.html: Path | None = None
        self.names: list[str] = []
        self.own: set[str] = set()
        self.records: dict[tuple[str, int, str], PageRecord] = {}
        self.weights: dict[str, object] = {}  # page -> studyguide.cli.pageweight.Weight
        self._ready = threading.Event()  # the book is built and its pages are known
        self._done: dict[tuple[str, int, str], threading.Event] = {}
        self._weighed = threading.Event()
        self._finished = threading.Event()
        self._error: BaseException | None = None
        self._axe = None
        self._thread = threading.Thread(target=self._run, name="crawl", daemon=True)
        self._lock = threading.Lock()

    def keys(self) -> list[tuple[str, int, str]]:
        """Every visit, the throttled ones last."""
        combos = sorted(((v, m) for v in VIEWPORTS for m in MODES), key=lambda combo: combo == THROTTLED)
        return [(name, viewport, mode) for viewport, mode in combos for name in self.names]

    def start(self) -> None:
        with self._lock:
            if not self._thread.is_alive() and not self._finished.is_set():
                self._thread.start()

    def _wait(self, event: threading.Event) -> None:
        self.start()
        event.wait()
        if self._error is not None:
            raise self._error

    def __call__(self, page: str, viewport: int = 1280, mode: str = "light") -> PageRecord:
        self._wait(self._ready)
        key = (page, viewport, mode)
        assert key in self._done, f"the crawl does not visit {key}"
        self._wait(self._done[key])
        return self.records[key]

    def weight(self, page: str):
        """The page's weight, measured by the package's own code (:func:`studyguide.cli.pageweight.measure`)."""
        self._wait(self._weighed)
        return self.weights[page]

    def _run(self) -> None:
        from studyguide.cli import pageweight

        try:
            self.html = self.book()
            self.names = pages(self.html)
            self.own = own_scripts(self.html)
            self._done = {key: threading.Event() for key in self.keys()}
            self._ready.set()
            with serve(self.html) as base, sync_playwright() as playwright:
                browser = launch(playwright)
                for name in self.names:
                    self.weights[name] = pageweight.measure(browser, base, self.html, name)
                self._weighed.set()
                for key in self.keys():
                    if key[1:] == THROTTLED:
                        self.before_throttling()
                    self.records[key] = self.visit(browser, base, *key)
                    self._done[key].set()
                browser.close()
        except BaseException as error:  # handed to every test that asks
            self._error = error
        finally:
            self._finished.set()
            for event in (self._ready, self._weighed, *self._done.values()):
                event.set()

    @property
    def axe(self):
        if self._axe is None:
            from axe_playwright_python.sync_playwright import Axe

            self._axe = Axe()
        return self._axe

    def visit(self, browser, base: str, name: str, viewport: int, mode: str) -> PageRecord:
        record = self.load(browser, base, name, viewport, mode)
        # A time just over the limit may be a busy machine's: measure twice more, the shortest counts.
        if record.long_tasks is not None and LONG_TASK_MS < worst(record.long_tasks, self.own) <= 2 * LONG_TASK_MS:
            runs = [record.long_tasks] + [self.load(browser, base, name, viewport, mode, measure_only=True).long_tasks
                                          for _ in range(2)]
            record.long_tasks = min(runs, key=lambda tasks: worst(tasks, self.own))
        return record

    def load(self, browser, base: str, name: str, viewport: int, mode: str, measure_only: bool = False) -> PageRecord:
        record = PageRecord(name, viewport, mode)
        found = Visit(browser, color_scheme=mode, viewport=VIEWPORTS[viewport])
        # the book's mode as its theme button sets it
        found.page.add_init_script(f"localStorage.setItem('mode', '{mode}'); localStorage.setItem('theme', '{mode}')")
        throttled = (viewport, mode) == THROTTLED
        try:
            tab = found.page
            if throttled:
                tab.add_init_script(OBSERVE_LONG_TASKS)
                cdp = found.context.new_cdp_session(tab)
                cdp.send("Emulation.setCPUThrottlingRate", {"rate": SLOWDOWN})
            found.open(f"{base}/{name}")
            if throttled:
                tab.wait_for_timeout(500)  # tasks started at load (timers, idle callbacks) finish and are reported
                record.long_tasks = [LongTask(t["duration"], [(s["url"], s["invoker"], s["duration"]) for s in t["scripts"]])
                                     for t in tab.evaluate("window.__sgLong")]
                cdp.send("Emulation.setCPUThrottlingRate", {"rate": 1})
                if measure_only:
                    return record
            record.theme = tab.evaluate("document.documentElement.dataset.theme")
            record.scroll_width = width(tab)
            record.violations += self.audit(tab, record.where, mode)
            if viewport == 1280:
                self.audit_explorers(tab, record, mode)
            elif tab.locator(".sg-words").count():
                look_up(tab, "you")
                record.scroll_width_with_a_word = width(tab)
            record.blocked, record.failed, record.errors = found.blocked, found.failed, found.errors
        finally:
            found.close()
        return record

    def audit(self, tab, where: str, mode: str, context: str | None = None) -> list[str]:
        return report(self.axe.run(tab, context=context, options=axe_options(mode)).response["violations"], where)

    def audit_explorers(self, tab, record: PageRecord, mode: str) -> None:
        """Show each view of each explorer in turn and audit the explorer showing it (a nested
        explorer's menu is audited in the view that shows it); look a word up in the word explorer."""
        switchers = tab.locator(".studyguide-switcher")
        for index in range(switchers.count()):
            switcher = switchers.nth(index)
            select = switcher.locator("select").first
            if not select.is_visible():
                continue
            switcher.evaluate("box => box.setAttribute('data-sg-audit', '')")
            for value in select.locator("option").evaluate_all("options => options.map(o => o.value)")[1:]:
                select.select_option(value)
                record.violations += self.audit(tab, f"{record.where} explorer {index + 1} view {value!r}", mode,
                                                "[data-sg-audit]")
                record.views_audited += 1
            switcher.evaluate("box => box.removeAttribute('data-sg-audit')")
        # The word explorer's views are drawn by the book's script: audit one looked-up word.
        if tab.locator(".sg-words").count():
            look_up(tab, "strike")
            tab.wait_for_selector(".sg-words .word-view[data-word='strike'] table.kwic")
            record.violations += self.audit(tab, f"{record.where} word explorer", mode, ".sg-words")
            record.views_audited += 1


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
