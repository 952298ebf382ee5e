"""A throw-away copy of the project, to build or change without touching the real one.

Tests and benchmarks build the book in such copies (their output elsewhere), so
that nothing they do reaches ``seeds/``, ``_build/`` or the execution cache.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from ..texts.corpus import ROOT_ENV

# What of a project folder is not the project: its environment, build output, git data and caches
# (also what a build's digest leaves out: :mod:`.up_to_date`).
LEFT_OUT = (".venv", "_build", ".git", ".pytest_cache", ".ruff_cache", "__pycache__", "node_modules", "*.egg-info",
            ".research")


def copy_project(root: Path, target: Path) -> Path:
    """A copy of the project at ``root`` in ``target``, without its environment, build output or git data."""
    shutil.copytree(root, target, ignore=shutil.ignore_patterns(*LEFT_OUT))
    return target


def build(root: Path, output: Path, *options: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Build the project at ``root`` into ``output`` with the README's build command (warnings are errors);
    ``options`` are more of the command's options (``--edition``, ``teacher``, ``--handout``); ``env``, more
    environment variables (given here, not set in ``os.environ``, so that builds can run in threads)."""
    return subprocess.run([sys.executable, "-m", "studyguide", "build", "--path-output", str(output), *options],
                          cwd=root, capture_output=True, text=True, env={**os.environ, ROOT_ENV: str(root), **(env or {})})
