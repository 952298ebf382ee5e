"""Fixtures shared by the three tiers, the order tests run in, and the guard.

Shared constants and helpers are in ``support.py`` (``pythonpath`` in pyproject.toml puts
this folder on the import path, so test modules import it by name); the plugin in
``guard.py`` fails a run in which a selected test file or tier runs nothing, and prints
per tier how many tests passed, failed and were skipped.

Books (``books.py``): each is built at most once per run, in the background, started as
soon as the first test runs for every book a selected test needs; tests that need no book
run first, meanwhile.

- ``built_book``: the student edition (the published site, with its PDF when Chromium is
  here); its HTML folder.
- ``teacher_book``: the teacher edition, from the student build's notebook cache; its HTML folder.
- ``elsewhere_book``: a clean build of a copy of the project in another folder (a
  :class:`books.Built`), to compare with ``built_book``.
- ``sandbox_book(texts)``: ONE build of a copy of the project with every text the selected
  test modules add (each module lists its :class:`books.SandboxText` in ``SANDBOX_TEXTS``
  and calls ``sandbox_book(SANDBOX_TEXTS)``); a :class:`books.Built`, with the results of
  ``new`` and ``check``. ``sandbox_book.after_removal(texts)``: the same output rebuilt
  after the texts marked ``removed`` are deleted (started early for the tests marked
  ``sandbox_removal``).
- ``books``: all of them (:class:`books.Books`); ``books.wait(name)``. A test module may add
  background work of its own in ``BACKGROUND`` (name -> ``recipe(books)``), started with the
  books when a selected test of it uses ``books`` (``test_failed_build.py`` builds a failing
  notebook twice that way, ``test_setup_cell.py`` runs the notebooks as Colab would); a heavy
  recipe holds ``books.slot()`` while it works (at most two builds at once, the books first:
  ``books.PRIORITY``). Such a test runs after the tests that need no book or only the
  student, sandbox or teacher book, so that the main thread never waits while its work is queued.
  A module's ``AFTER_CRAWL`` recipes are the same but start when the crawl is over (at once if
  the run has no crawl), and their tests run last: by then the main thread runs its last tests
  alone, so this work keeps the other core busy without slowing the crawl's throttled loads
  (``test_jupyterlab.py`` runs the notebooks in JupyterLab and Notebook 7 that way).
- ``project(files)``: a throw-away project holding only ``seeds/`` (no build).
- ``cli(root, *args)``: the command line, run in this process, its output captured.

Browser (``crawl.py``):

- ``chromium``: headless Debian Chromium, one per run (skips when it is not installed);
- ``book_url``: ``built_book`` served over HTTP, gzipped as GitHub Pages serves it;
- ``crawl(page, viewport, mode)``: the record of one visit of a page of ``built_book`` at
  1280 or 390 px in light or dark mode, made once per run (in two threads of its own, while
  the other tests run) and shared by every test that asks (requests, console errors, widths,
  axe-core violations); ``crawl.throttled(page)``: its long tasks at load on a CPU slowed
  down 4 times; ``crawl.weight(page)``: its weight.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from books import Books, SandboxText
from crawl import Crawl

from studyguide.cli.browser import launch, sync_playwright
from studyguide.cli.main import main
from studyguide.cli.serve import serve
from studyguide.texts.corpus import ROOT_ENV
from support import CHROMIUM

pytest_plugins = ["guard"]

# Which background work each fixture needs; tests run in the order of what they need: none
# first (while the books build), the shared crawl's records last (while it runs). A test that
# waits for its module's own background work (``BACKGROUND``, through the ``books`` fixture) runs
# with those of the elsewhere book, after the others: waiting for it earlier would leave a core idle.
NEEDS = {"built_book": "student", "book_url": "student", "teacher_book": "teacher", "sandbox_book": "sandbox",
         "elsewhere_book": "elsewhere", "crawl": "crawl"}
ORDER = ("student", "sandbox", "teacher", "elsewhere", "crawl")


def needed(item: pytest.Item) -> set[str]:
    return {NEEDS[name] for name in item.fixturenames if name in NEEDS}


def own_background(item: pytest.Item, kind: str = "BACKGROUND") -> dict:
    """The module's ``BACKGROUND`` (or ``AFTER_CRAWL``) recipes when this test waits for them (it uses
    ``books``), else none."""
    return getattr(getattr(item, "module", None), kind, {}) if "books" in item.fixturenames else {}


def rank(item: pytest.Item) -> int:
    ranks = [ORDER.index(book) + 1 for book in needed(item)]
    if own_background(item):
        ranks.append(ORDER.index("elsewhere") + 1)
    if own_background(item, "AFTER_CRAWL"):
        ranks.append(len(ORDER) + 1)
    return max(ranks, default=0)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    items.sort(key=rank)  # stable: within a rank, files and tests keep their order


def sandbox_texts(items: list[pytest.Item]) -> tuple[SandboxText, ...]:
    """Every text the selected tests' modules add to the sandbox, in the order they list them."""
    texts: dict[str, SandboxText] = {}
    for item in items:
        if "sandbox_book" in item.fixturenames:
            for text in getattr(item.module, "SANDBOX_TEXTS", ()):
                assert texts.setdefault(text.stem, text) == text, f"two sandbox texts named {text.stem}"
    return tuple(texts.values())


class Background:
    """The books and the crawl of this run, started before the first test for what the selected tests need."""

    def __init__(self, items: list[pytest.Item], base: Path):
        self.books = Books(base, sandbox_texts(items))
        self.crawl = Crawl(lambda: self.books.wait("student").assert_ok(), self.books.wait_all)
        wanted = set().union(*(needed(item) for item in items)) if items else set()
        crawling = "crawl" in wanted and CHROMIUM is not None
        for item in items:
            for name, recipe in own_background(item).items():
                self.books.add(name, recipe)
                wanted.add(name)
            for name, recipe in own_background(item, "AFTER_CRAWL").items():
                self.books.add(name, recipe, after=self.crawl.finished if crawling else None)
                wanted.add(name)
        if "crawl" in wanted:
            wanted.add("student")
        if any(item.get_closest_marker("sandbox_removal") for item in items):
            wanted.add("sandbox-removed")
        self.books.start(*sorted(wanted - {"crawl"}, key=lambda book: ORDER.index(book) if book in ORDER else len(ORDER)))
        if crawling:
            self.crawl.start()


@pytest.fixture(scope="session", autouse=True)
def background(request, tmp_path_factory) -> Background:
    """Every book a selected test needs, and the crawl, start before the first test runs; at the end the
    crawl's threads are stopped and waited for."""
    started = Background(request.session.items, tmp_path_factory.mktemp("books"))
    yield started
    started.crawl.stop()


@pytest.fixture(scope="session")
def books(background) -> Books:
    return background.books


@pytest.fixture(scope="session")
def built_book(books) -> Path:
    return books.wait("student").assert_ok()


@pytest.fixture(scope="session")
def teacher_book(books) -> Path:
    return books.wait("teacher").assert_ok()


@pytest.fixture(scope="session")
def elsewhere_book(books):
    built = books.wait("elsewhere")
    built.assert_ok()
    return built


class SandboxBooks:
    """``sandbox_book(texts)``: the one sandbox build, which holds ``texts``."""

    def __init__(self, books: Books):
        self.books = books

    def _holding(self, texts) -> None:
        missing = [text.stem for text in texts if text not in self.books.sandbox_texts]
        assert not missing, f"sandbox texts {missing} were not built: list them in the module's SANDBOX_TEXTS"

    def __call__(self, texts) -> object:
        self._holding(texts)
        built = self.books.wait("sandbox")
        built.assert_ok()
        return built

    def after_removal(self, texts) -> object:
        self._holding(texts)
        built = self.books.wait("sandbox-removed")
        built.assert_ok()
        return built


@pytest.fixture(scope="session")
def sandbox_book(books) -> SandboxBooks:
    return SandboxBooks(books)


@pytest.fixture
def project(tmp_path: Path):
    """A factory for throw-away projects: ``project({"a.txt": bytes_or_str, ...})``."""

    def make(files: dict[str, bytes | str]) -> Path:
        (tmp_path / "_config.yml").write_text("title: test\n")
        (tmp_path / "seeds").mkdir(exist_ok=True)
        for name, content in files.items():
            path = tmp_path / "seeds" / name
            if isinstance(content, str):
                path.write_text(content, "utf-8")
            else:
                path.write_bytes(content)
        return tmp_path

    return make


@pytest.fixture
def cli(monkeypatch, capfd):
    """``cli(root, *args, cwd=root)``: ``python -m studyguide ARGS`` in the project at ``root`` (``None``: no
    STUDYGUIDE_ROOT), run in this process (starting an interpreter and importing the package again adds
    nothing); a :class:`subprocess.CompletedProcess` with what it printed, captured at the file descriptors
    (so a Jupyter Book it started would show in ``stdout``)."""

    def run(root: Path | None, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
        with monkeypatch.context() as patch:
            if root is None:
                patch.delenv(ROOT_ENV, raising=False)
            else:
                patch.setenv(ROOT_ENV, str(root))
            patch.chdir(cwd or root or Path.cwd())
            capfd.readouterr()
            try:
                code = main(list(args))
            except SystemExit as exit:  # --help, --version, a usage error
                code = exit.code if isinstance(exit.code, int) else 2
            out, err = capfd.readouterr()
        return subprocess.CompletedProcess(["python", "-m", "studyguide", *args], code, out, err)

    return run


@pytest.fixture(scope="session")
def book_url(built_book):
    with serve(built_book) as url:
        yield url


@pytest.fixture(scope="session")
def chromium():
    if CHROMIUM is None:
        pytest.skip("Debian's chromium is not installed: browser tests skipped")
    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def crawl(background) -> Crawl:
    if CHROMIUM is None:
        pytest.skip("Debian's chromium is not installed: browser tests skipped")
    return background.crawl
