"""The safety net under the safety net: a test file or tier that runs nothing fails the run.

A pytest plugin (``conftest.py`` loads it). For what was selected on the command line (or
``testpaths``), it fails the run when

- a test file collects no test, or a tier folder (``unit``, ``build``, ``browser``) none:
  a folder pytest does not recurse into, a misnamed test or a broken import would
  otherwise pass unseen, as ``tests/build`` once did;
- with ``CI=true``, a file or a tier whose tests all skipped: on CI a skip is a test
  that did not run (a missing Chromium, a missing package), not a pass.

At the end it prints, per tier, how many tests passed, failed and were skipped.
Running one file (``pytest tests/unit/test_x.py``) checks that file and nothing else.
"""

from __future__ import annotations

import fnmatch
import os
from collections import Counter, defaultdict
from pathlib import Path

import pytest

TIERS = ("unit", "build", "browser")
OUTCOMES = ("passed", "failed", "skipped")


def on_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def under(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


class Guard:
    """Counts what each selected test file collected and how each test ended."""

    def __init__(self, config: pytest.Config):
        self.config = config
        self.tests = (config.rootpath / "tests").resolve()  # the tiers' folder
        self.collected: Counter[Path] = Counter()  # test file -> tests collected (deselected ones too)
        self.broken_files: set[Path] = set()  # files that failed to import: an error of their own
        self.skipped_files: set[Path] = set()  # files skipped whole at collection (pytest.importorskip, a module skip)
        self.outcome: dict[str, tuple[Path, str]] = {}  # node id -> (file, passed | failed | skipped)

    def tier_of(self, path: Path) -> str | None:
        """The tier folder ``path`` lies in (``unit``), or None outside ``tests/<tier>/``."""
        try:
            parts = Path(path).resolve().relative_to(self.tests).parts
        except ValueError:
            return None
        return parts[0] if len(parts) > 1 else None

    # --- what was selected ---------------------------------------------------------------

    def selected(self) -> list[Path]:
        """The files and folders named on the command line (or by ``testpaths``)."""
        here = self.config.invocation_params.dir
        return [(here / arg.split("::")[0]).resolve() for arg in self.config.args]

    def is_test_file(self, path: Path) -> bool:
        return any(fnmatch.fnmatch(path.name, pattern) for pattern in self.config.getini("python_files"))

    def test_files(self) -> list[Path]:
        found = set()
        for path in self.selected():
            if path.is_file():
                found.add(path)
            elif path.is_dir():
                found |= {p for p in path.rglob("*.py") if self.is_test_file(p) and "__pycache__" not in p.parts}
        return sorted(found)

    def tiers(self) -> list[str]:
        """The tiers a selected path holds whole or in part."""
        chosen = []
        for tier in TIERS:
            folder = self.tests / tier
            if any(under(folder, path) or under(path, folder) for path in self.selected()):
                chosen.append(tier)
        return chosen

    # --- hooks ---------------------------------------------------------------------------

    def file(self, fspath: str) -> Path:
        """A report's file (pytest gives it relative to the rootdir)."""
        return (self.config.rootpath / fspath).resolve()

    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        if report.skipped and report.fspath.endswith(".py"):
            self.skipped_files.add(self.file(report.fspath))
        if report.failed and report.fspath.endswith(".py"):
            self.broken_files.add(self.file(report.fspath))  # pytest reports the error itself

    def pytest_itemcollected(self, item: pytest.Item) -> None:
        self.collected[Path(item.path).resolve()] += 1

    def pytest_collection_finish(self, session: pytest.Session) -> None:
        problems = [f"{self.name(path)}: collects no test" for path in self.test_files()
                    if not self.collected[path] and path not in self.skipped_files | self.broken_files]
        by_tier = Counter(self.tier_of(path) for path, count in self.collected.items() for _ in range(count))
        problems += [f"tests/{tier}: the tier collects no test" for tier in self.tiers() if not by_tier[tier]]
        if problems:
            pytest.exit("guard: " + "; ".join(problems), returncode=pytest.ExitCode.TESTS_FAILED)

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        path = self.file(report.fspath)
        previous = self.outcome.get(report.nodeid, (path, "passed"))[1]
        if report.failed:
            now = "failed"
        elif report.skipped and report.when in ("setup", "call"):
            now = "skipped"
        else:
            now = previous
        if previous == "failed":
            now = "failed"  # a failed call stays failed whatever its teardown does
        self.outcome[report.nodeid] = (path, now)

    def counts(self) -> dict[str, Counter[str]]:
        per_tier: dict[str, Counter[str]] = defaultdict(Counter)
        for path, outcome in self.outcome.values():
            per_tier[self.tier_of(path) or "other"][outcome] += 1
        for path in self.skipped_files:
            per_tier[self.tier_of(path) or "other"]["skipped"] += 1  # a whole file skipped at collection counts once
        return per_tier

    def only_skips(self) -> list[str]:
        """Files and tiers whose tests all skipped (none passed or failed)."""
        per_file: dict[Path, Counter[str]] = defaultdict(Counter)
        for path, outcome in self.outcome.values():
            per_file[path][outcome] += 1
        for path in self.skipped_files:
            per_file[path]["skipped"] += 1
        problems = [f"{self.name(path)}: every test skipped" for path, seen in sorted(per_file.items())
                    if seen["skipped"] and not seen["passed"] and not seen["failed"]]
        problems += [f"tests/{tier}: every test of the tier skipped" for tier, seen in sorted(self.counts().items())
                     if seen["skipped"] and not seen["passed"] and not seen["failed"]]
        return problems

    def name(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.config.rootpath))
        except ValueError:
            return str(path)

    @pytest.hookimpl(tryfirst=True)
    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        self.problems = self.only_skips() if on_ci() and self.outcome else []
        if self.problems and session.exitstatus == pytest.ExitCode.OK:
            session.exitstatus = pytest.ExitCode.TESTS_FAILED

    def pytest_terminal_summary(self, terminalreporter) -> None:
        counts = self.counts()
        if not counts:
            return
        terminalreporter.section("tests per tier")
        for tier in [*TIERS, *sorted(set(counts) - set(TIERS))]:
            if tier in counts:
                terminalreporter.write_line(f"{tier:8} " + ", ".join(f"{counts[tier][o]} {o}" for o in OUTCOMES))
        for problem in getattr(self, "problems", []):
            terminalreporter.write_line(f"guard (CI=true): {problem}", red=True)


def pytest_configure(config: pytest.Config) -> None:
    config.pluginmanager.register(Guard(config), "studyguide-guard")
