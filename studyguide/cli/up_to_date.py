"""Skipping a build that would change nothing.

Sphinx rebuilds only the pages whose sources changed, but a rebuild with no change still
costs seconds before it finds that out: starting jupyter-book imports Sphinx, its extensions
and jsonschema (which compiles dozens of URI grammars when ``rfc3987-syntax`` is installed, as
JupyterLab installs it), and the guide loads and checks its project. So after a build that
succeeded, the command line records a digest of everything that build read, and the next
build with the same digest says so and stops in a fraction of a second.

The digest is deliberately wide: every file of the project except build output, git data,
environments and caches (by name and bytes, so a touched but unchanged file does not count);
the package's own files wherever it is installed; the names of the installed distributions
(their versions are in the names); the interpreter; the build's options and the environment
variables that change a build. A failed build removes the record, so it runs, and fails, again
every time until its cause is fixed. Delete ``_build/`` to build anew regardless.
"""

from __future__ import annotations

import hashlib
import json
import os
import site
import sys
from collections.abc import Mapping, Sequence
from fnmatch import fnmatch
from pathlib import Path

from .sandbox import LEFT_OUT

RECORD = ".studyguide-built"  # in _build/, beside the HTML folder
ENV_PREFIXES = ("STUDYGUIDE_", "SOURCE_DATE_EPOCH", "PYTHON", "JUPYTER", "MPL", "SPHINX", "LANG", "LC_")
PACKAGE = Path(__file__).resolve().parents[1]


def _files(folder: Path):
    """Every file under ``folder`` in a fixed order, without what a copy of the project leaves out
    (:data:`.sandbox.LEFT_OUT`) or any other environment."""
    for here, folders, names in os.walk(folder):
        folders[:] = sorted(f for f in folders if not any(fnmatch(f, pattern) for pattern in LEFT_OUT)
                            and not (Path(here) / f / "pyvenv.cfg").exists())
        for name in sorted(names):
            path = Path(here) / name
            if path.is_file():  # a regular file: reading a named pipe (a bad seed the build refuses) would block
                yield path


def digest(root: Path, options: Sequence[str], env: Mapping[str, str]) -> str:
    """SHA-256 over what a build of ``root`` with ``options`` and ``env`` reads."""
    result = hashlib.sha256()
    folders = [root] if PACKAGE.is_relative_to(root) else [root, PACKAGE]
    for folder in folders:
        for path in _files(folder):
            result.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes() + b"\0")
    installed = sorted(name for place in [*site.getsitepackages(), site.getusersitepackages()]
                       if os.path.isdir(place) for name in os.listdir(place))
    settings = sorted((k, v) for k, v in env.items() if k.startswith(ENV_PREFIXES))
    result.update(json.dumps([sys.executable, sys.version, installed, list(options), settings]).encode())
    return result.hexdigest()


def is_up_to_date(built: Path, inputs: str) -> bool:
    """Did the last build into ``built`` (a ``_build`` folder) succeed from the same inputs, its outputs still there?"""
    try:
        record = json.loads((built / RECORD).read_text("utf-8"))
    except (OSError, ValueError):
        return False
    return record.get("digest") == inputs and all((built / path).exists() for path in record.get("outputs", ()))


def record(built: Path, inputs: str, outputs: Sequence[Path]) -> None:
    """After a successful build: its inputs' digest and the outputs that must still exist to skip the next one."""
    (built / RECORD).write_text(json.dumps({"digest": inputs, "outputs": [str(p.relative_to(built)) for p in outputs]}),
                                "utf-8")


def forget(built: Path) -> None:
    """Before a build runs: it may fail, and a failed build is never taken for an up-to-date one."""
    (built / RECORD).unlink(missing_ok=True)
