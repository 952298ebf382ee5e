"""The README's Quick start holds the two one-line commands that CI and readers run."""

import subprocess
import sys

from support import ROOT


def command(which: str) -> str:
    result = subprocess.run([sys.executable, str(ROOT / ".ci" / "readme_command.py"), which], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_build_command_installs_fetches_and_builds():
    build = command("build")
    assert build.startswith("python3 -m venv .venv && ")
    assert "pip install -r requirements.txt" in build
    assert build.endswith("python -m studyguide build")


def test_test_command_installs_test_tools_and_runs_pytest():
    test = command("test")
    assert "pip install -r requirements-test.txt" in test
    assert "chromium" in test
    assert test.endswith("python -m pytest")


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text()
    assert "readme_command.py test" in ci
    assert 'bash -c "$test_command"' in ci
