"""The books the tests read, built in the background as soon as the run knows it needs them.

A build is a ``python -m studyguide build`` subprocess (through
:func:`studyguide.cli.sandbox.build`, as the benchmarks build), run by a thread: the
tests that need no book run meanwhile, and two builds run side by side on two cores.
A fixture asks for a book with :meth:`Books.wait`, which starts its build if it has
not started yet and returns when it is done.

The books:

- ``student``: the project as it is (the published site), with its PDF when Chromium is here;
- ``teacher``: the teacher edition; it starts from the student build's notebook
  execution cache (the notebooks do not depend on the edition), so it only writes pages;
- ``elsewhere``: a clean build of a copy of the project in another folder, with its own
  execution cache, to compare with ``student`` (reproducible builds);
- ``sandbox``: a copy of the project with every text the selected tests add
  (:class:`SandboxText`), built once; and ``sandbox-removed``, the same output rebuilt
  after the texts marked ``removed`` are deleted (on a copy, so that the tests reading the
  first build are not disturbed).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from studyguide.cli.main import reproducible_env
from studyguide.cli.scaffold import chapter_path, chapter_source
from studyguide.texts.corpus import ROOT_ENV, load_corpus
from support import CHROMIUM, ROOT, build, copy_project, snapshot

PARALLEL = 2  # builds at once: this machine has two cores
# Who gets a free build slot first: the student book gates the crawl (the run's longest chain) and the
# teacher book; the sandbox is the largest build; a module's own work (BACKGROUND) comes last.
PRIORITY = ("student", "sandbox", "teacher", "sandbox-removed", "elsewhere")
HANDOUT = ("--handout",) if CHROMIUM else ()  # with Chromium the build prints the edition's PDF, as the site's does


@dataclass(frozen=True)
class SandboxText:
    """A text a test module adds to the sandbox book (its ``SANDBOX_TEXTS``).

    ``stem`` names the seed file (``seeds/STEM.txt``); with no ``sidecar`` the text is added
    as a teacher adds one, with ``python -m studyguide new``; with one, the sidecar is
    written as given, with its chapter page. A ``removed`` text is deleted again for the
    rebuild of ``sandbox-removed``.
    """

    stem: str
    body: bytes
    sidecar: bytes | None = None
    removed: bool = False


@dataclass
class Built:
    """One finished build: its project folder, output folder, HTML folder and what it printed."""

    root: Path
    out: Path
    returncode: int
    log: str
    seeds_unchanged: bool
    checked: subprocess.CompletedProcess | None = None  # ``check`` on the sandbox, after ``new``
    added: list[subprocess.CompletedProcess] = field(default_factory=list)  # each ``new``

    @property
    def html(self) -> Path:
        return self.out / "_build" / "html"

    def assert_ok(self) -> Path:
        assert self.returncode == 0, self.log[-4000:]
        assert self.seeds_unchanged, "the build changed a file in seeds/"
        return self.html


def cli(root: Path, *args: str) -> subprocess.CompletedProcess:
    """``python -m studyguide ARGS`` in the project at ``root`` (a subprocess: builds run in threads,
    and the command line reads the project from the environment and the working folder)."""
    return subprocess.run([sys.executable, "-m", "studyguide", *args], cwd=root, capture_output=True, text=True,
                          env={**os.environ, ROOT_ENV: str(root)})


def built(root: Path, out: Path, *options: str, env: dict[str, str] | None = None) -> Built:
    before = snapshot(root / "seeds")
    result = build(root, out, *options, env=env)
    log = result.stdout + result.stderr
    out.joinpath("_build").mkdir(parents=True, exist_ok=True)
    (out / "_build" / "build.log").write_text(log)
    return Built(root, out, result.returncode, log, snapshot(root / "seeds") == before)


class Slots:
    """At most ``count`` builds at once; a waiting build of higher priority (lower number) goes first,
    whatever the order in which the threads came to wait (with a plain semaphore the quickest
    preparation wins). A build that prepares before it builds can queue first (:meth:`queue`)."""

    def __init__(self, count: int):
        self._free = count
        self._waiting: list[tuple[int, int]] = []  # (priority, arrival) of every queued build
        self._arrivals = 0
        self._condition = threading.Condition()

    def queue(self, priority: int) -> tuple[int, int]:
        """A place in the queue, taken now: no build of lower priority gets a slot meanwhile."""
        with self._condition:
            ticket = (priority, self._arrivals)
            self._arrivals += 1
            self._waiting.append(ticket)
        return ticket

    def cancel(self, ticket: tuple[int, int]) -> None:
        """Leave the queue without building (the preparation failed)."""
        with self._condition:
            if ticket in self._waiting:
                self._waiting.remove(ticket)
            self._condition.notify_all()

    @contextmanager
    def __call__(self, ticket: int | tuple[int, int]):
        ticket = self.queue(ticket) if isinstance(ticket, int) else ticket
        with self._condition:
            self._condition.wait_for(lambda: self._free and min(self._waiting) == ticket)
            self._waiting.remove(ticket)
            self._free -= 1
        try:
            yield
        finally:
            with self._condition:
                self._free += 1
                self._condition.notify_all()


class Books:
    """Every book of one test run, each built at most once, in the background."""

    def __init__(self, base: Path, sandbox_texts: tuple[SandboxText, ...] = ()):
        self.base = base
        self.sandbox_texts = sandbox_texts
        self._slots = Slots(PARALLEL)
        self._lock = threading.Lock()
        self._threads: dict[str, threading.Thread] = {}
        self._results: dict[str, Built | BaseException] = {}
        self._own: dict[str, object] = {}  # the modules' recipes, by name
        self._after: dict[str, threading.Event] = {}  # the recipes that wait for an event before they start
        self._recipes = {"student": self._student, "teacher": self._teacher, "elsewhere": self._elsewhere,
                         "sandbox": self._sandbox, "sandbox-removed": self._sandbox_removed}

    def add(self, name: str, recipe, after: threading.Event | None = None) -> None:
        """A test module's own background work: ``recipe(books)`` returns what ``wait(name)`` gives
        (a module lists its recipes in ``BACKGROUND``; a build in it takes a :meth:`slot`). With
        ``after``, it starts once that event is set, and :meth:`wait_all` does not wait for it."""
        assert self._own.setdefault(name, recipe) is recipe, f"two background recipes named {name}"
        self._recipes[name] = lambda: recipe(self)
        if after is not None:
            self._after[name] = after

    def slot(self, name: str | None = None, ticket: tuple[int, int] | None = None):
        """Held while building (``with books.slot():``): at most two builds run at once, the books
        in the order of ``PRIORITY``, a module's own work after them."""
        return self._slots(ticket or self.priority(name))

    @staticmethod
    def priority(name: str | None) -> int:
        return PRIORITY.index(name) if name in PRIORITY else len(PRIORITY)

    def start(self, *names: str) -> None:
        with self._lock:
            for name in names:
                if name not in self._threads:
                    thread = threading.Thread(target=self._run, args=(name,), name=f"build {name}", daemon=True)
                    self._threads[name] = thread
                    thread.start()

    def wait(self, name: str) -> Built:
        self.start(name)
        self._threads[name].join()
        result = self._results[name]
        if isinstance(result, BaseException):
            raise result
        return result

    def wait_all(self) -> None:
        """Wait until every build started so far is over (not the work that waits for an event)."""
        for name, thread in list(self._threads.items()):
            if name not in self._after:
                thread.join()

    def _run(self, name: str) -> None:
        if name in self._after:
            self._after[name].wait()
        try:
            self._results[name] = self._recipes[name]()
        except BaseException as error:  # handed to the test that waits for it
            self._results[name] = error

    # --- recipes ----------------------------------------------------------------------

    def _student(self) -> Built:
        with self.slot("student"):
            return built(ROOT, self.base / "book", *HANDOUT)

    def _teacher(self) -> Built:
        # queued before the student book is done: when its slot frees, the teacher book takes it, not a later book
        out = self.base / "teacher-book"
        ticket = self._queued("teacher", lambda: self._teacher_cache(out))
        with self.slot(ticket=ticket):
            return built(ROOT, out, "--edition", "teacher", *HANDOUT)

    def _teacher_cache(self, out: Path) -> None:
        student = self.wait("student")
        if student.returncode == 0:
            # the notebooks' results do not depend on the edition: start from the student build's
            for name in (".jupyter_cache", ".studyguide-inputs"):
                source = student.out / "_build" / name
                target = out / "_build" / name
                if source.is_dir():
                    shutil.copytree(source, target)
                elif source.is_file():
                    target.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy2(source, target)

    def _queued(self, name: str, prepare) -> tuple[int, int]:
        """Take book ``name``'s place in the slots' queue, then ``prepare()`` (what it does before building):
        no book of lower priority gets a slot meanwhile. The place, for :meth:`slot`."""
        ticket = self._slots.queue(self.priority(name))
        try:
            prepare()
        except BaseException:
            self._slots.cancel(ticket)
            raise
        return ticket

    def _elsewhere(self) -> Built:
        # the date git gives the project's own build, as a checkout of the commit would have
        epoch = {k: v for k, v in reproducible_env(ROOT).items() if k == "SOURCE_DATE_EPOCH"}
        root = copy_project(self.base / "elsewhere" / "book")
        with self.slot("elsewhere"):
            return built(root, self.base / "elsewhere" / "out", *HANDOUT, env=epoch)

    def _sandbox(self) -> Built:
        where = self.base / "sandbox"
        project = []  # the copy's folder and the results of check and new
        ticket = self._queued("sandbox", lambda: project.extend(self._sandbox_project(where / "book")))
        root, checked, added = project
        with self.slot(ticket=ticket):
            first = built(root, where / "out")
        # The tests read a copy, so that ``sandbox-removed`` can rebuild the project and output in place.
        shutil.copytree(root, where / "as-built" / "book", symlinks=True)
        shutil.copytree(first.out / "_build" / "html", where / "as-built" / "out" / "_build" / "html", symlinks=True)
        return Built(where / "as-built" / "book", where / "as-built" / "out", first.returncode, first.log,
                     first.seeds_unchanged, checked, added)

    def _sandbox_project(self, target: Path) -> tuple[Path, subprocess.CompletedProcess, list]:
        """The copy of the project with the sandbox texts: its folder, ``check``'s result and each ``new``'s."""
        root = copy_project(target)
        added = []
        for text in self.sandbox_texts:
            if text.sidecar is None:
                (root / "seeds" / f"{text.stem}.txt").write_bytes(text.body)
                added.append(cli(root, "new", f"seeds/{text.stem}.txt"))
        checked = cli(root, "check")
        for text in self.sandbox_texts:
            if text.sidecar is not None:
                (root / "seeds" / f"{text.stem}.txt").write_bytes(text.body)
                (root / "seeds" / f"{text.stem}.meta.toml").write_bytes(text.sidecar)
        for text in load_corpus(root):
            chapter = chapter_path(root, text.id)
            if not chapter.exists():
                chapter.write_text(chapter_source(text.id), "utf-8")
        return root, checked, added

    def _sandbox_removed(self) -> Built:
        first = self.wait("sandbox")
        assert first.returncode == 0, first.log[-4000:]
        removed = [text for text in self.sandbox_texts if text.removed]
        assert removed, "no sandbox text is marked removed"
        # the same project and output as the first build: an incremental rebuild
        root, out = self.base / "sandbox" / "book", self.base / "sandbox" / "out"
        corpus = load_corpus(root)
        for text in removed:
            gone = next(t for t in corpus if t.path.stem == text.stem)
            gone.path.unlink()
            gone.meta.path.unlink()
            chapter_path(root, gone.id).unlink()
        with self.slot("sandbox-removed"):
            return built(root, out)
