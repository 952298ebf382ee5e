"""The code stays clean: ruff (pinned in requirements-test.txt, rules in pyproject.toml) finds nothing."""

import shutil
import subprocess
import sys
from pathlib import Path

from support import ROOT


def test_ruff_finds_nothing():
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    assert ruff, "ruff is missing: pip install -r requirements-test.txt"
    result = subprocess.run([ruff, "check", "--no-cache", "studyguide", "tests", "benchmarks"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:]
