"""The README's Quick start holds the two one-line commands that readers and CI run, and CI runs exactly them."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest

from studyguide.cli.main import parser
from support import CHROMIUM, ROOT


def command(which: str, root=ROOT) -> str:
    result = subprocess.run([sys.executable, str(root / ".ci" / "readme_command.py"), which], capture_output=True, text=True)
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


def test_unit_command_runs_the_unit_tier_alone():
    unit = command("unit")
    assert unit.endswith("python -m pytest tests/unit")
    assert (ROOT / "tests" / "unit").is_dir() and not {"build", "browser"} & set(unit.split("/"))


def test_ci_runs_the_tests_as_ci_services_do():
    ci = (ROOT / ".ci" / "run").read_text()
    assert 'export CI="${CI:-true}"' in ci  # the guard then fails a tier whose tests all skip


def test_every_command_and_file_the_readme_names_exists():
    readme = (ROOT / "README.md").read_text("utf-8")
    commands = set(re.findall(r"python -m studyguide ([a-z][a-z-]*)", readme))
    known = set(parser()._subparsers._group_actions[0].choices)
    assert commands and commands <= known, commands - known
    for name in set(re.findall(r"-r (requirements[\w-]*\.txt)", readme)) | set(re.findall(r"(benchmarks/\w+\.py)", readme)):
        assert (ROOT / name).is_file(), name
    listed = set(re.findall(r"benchmarks/(\w+\.py)", readme))
    assert listed == {p.name for p in (ROOT / "benchmarks").glob("*.py")}, "the README lists every benchmark"
    for line in (command("build"), command("test"), command("unit")):
        subprocess.run(["bash", "-n", "-c", line], check=True)  # valid shell


def fake_project(tmp_path, test_command: str):
    shutil.copytree(ROOT / ".ci", tmp_path / ".ci")
    (tmp_path / "README.md").write_text(f"# x\n\n## Quick start\n\n```bash\necho build\n```\n\n```bash\n{test_command}\n```\n\n## Next\n")
    return tmp_path


@pytest.mark.skipif(CHROMIUM is None, reason=".ci/run would install Debian's chromium first")
def test_ci_runs_the_readme_test_command_as_written(tmp_path):
    root = fake_project(tmp_path, "echo the-readme-command-ran && exit 0 && python -m pytest")
    result = subprocess.run(["bash", str(root / ".ci" / "run")], cwd=root, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "+ echo the-readme-command-ran && exit 0 && python -m pytest" in result.stdout
    assert "the-readme-command-ran" in result.stdout.split("\n", 1)[1]


@pytest.mark.skipif(CHROMIUM is None, reason=".ci/run would install Debian's chromium first")
def test_ci_refuses_a_test_command_that_runs_no_pytest(tmp_path):
    root = fake_project(tmp_path, "echo no tests here")
    result = subprocess.run(["bash", str(root / ".ci" / "run")], cwd=root, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert "does not run pytest" in result.stderr
