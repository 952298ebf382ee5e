"""The test guard (tests/guard.py) in a throw-away project of three tiers, run by pytest in a subprocess.

In this process the inner run would share ``sys.modules`` with the whole suite, whose
``tests/build/test_build.py`` shadows the throw-away one of the same name.
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

PASSING = "def test_one():\n    assert 1 + 1 == 2\n"
SKIPPING = "import pytest\n\n\n@pytest.mark.skip(reason='not here')\ndef test_one():\n    pass\n"


@pytest.fixture
def tiers(pytester, monkeypatch):
    """A project whose tests/ holds the three tiers, one passing file each; ``run(*args)`` runs pytest with the guard."""
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("PYTHONPATH", str(Path(__file__).parents[1]))  # where guard.py is
    pytester.makefile(".toml", pyproject='[tool.pytest.ini_options]\ntestpaths = ["tests"]\nnorecursedirs = [".*"]\n')
    for tier in ("unit", "build", "browser"):
        folder = pytester.path / "tests" / tier
        folder.mkdir(parents=True)
        (folder / f"test_{tier}.py").write_text(PASSING)

    def run(*args: str):
        return pytester.runpytest_subprocess("-p", "guard", "-p", "no:cacheprovider", *args)

    return run


def test_a_clean_run_prints_each_tiers_counts(tiers):
    result = tiers()
    assert result.ret == 0
    result.stdout.fnmatch_lines(["*tests per tier*", "unit     1 passed, 0 failed, 0 skipped",
                                 "build    1 passed, 0 failed, 0 skipped", "browser  1 passed, 0 failed, 0 skipped"])


def test_a_file_that_collects_nothing_fails_the_run(tiers, pytester):
    (pytester.path / "tests" / "build" / "test_renamed.py").write_text("def check_something():\n    assert True\n")
    result = tiers()
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    assert "guard: tests/build/test_renamed.py: collects no test" in result.stdout.str() + result.stderr.str()


def test_a_tier_that_collects_nothing_fails_the_run(tiers, pytester):
    (pytester.path / "tests" / "browser" / "test_browser.py").unlink()
    result = tiers()
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    assert "tests/browser: the tier collects no test" in result.stdout.str() + result.stderr.str()


def test_one_file_is_checked_alone(tiers, pytester):
    (pytester.path / "tests" / "build" / "test_renamed.py").write_text("def check_something():\n    assert True\n")
    result = tiers("tests/unit/test_unit.py")  # the empty build file is not selected
    assert result.ret == 0
    result.stdout.fnmatch_lines(["unit     1 passed, 0 failed, 0 skipped"])
    assert "build " not in result.stdout.str()


def test_with_ci_a_file_or_tier_that_only_skips_fails_the_run(tiers, pytester, monkeypatch):
    (pytester.path / "tests" / "browser" / "test_browser.py").write_text(SKIPPING)
    assert tiers().ret == 0  # on a developer's machine a skip is a skip
    monkeypatch.setenv("CI", "true")
    result = tiers()
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.stdout.fnmatch_lines(["browser  0 passed, 0 failed, 1 skipped",
                                 "guard (CI=true): tests/browser/test_browser.py: every test skipped",
                                 "guard (CI=true): tests/browser: every test of the tier skipped"])


def test_with_ci_a_file_skipped_at_import_fails_the_run(tiers, pytester, monkeypatch):
    (pytester.path / "tests" / "unit" / "test_tool.py").write_text("import pytest\n\npytest.importorskip('no_such_tool')\n" + PASSING)
    monkeypatch.setenv("CI", "true")
    result = tiers()
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    assert "tests/unit/test_tool.py: every test skipped" in result.stdout.str()
