"""Keeping an incremental build honest: pages and notebook results follow what they are made from.

jupyter-cache keys a notebook on its own code only, and Sphinx re-reads a page
only when its source or a config value changes. So the digest of what the book is
computed from (the package, ``data/`` and ``seeds/``) is a config value (a change
makes every page out of date), and when it differs from the last build's, the
notebooks' execution cache is emptied. The static files get their own digest:
Sphinx copies them only when it writes pages.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config

PACKAGE = Path(__file__).resolve().parents[1]
STAMP = ".studyguide-inputs"


def digest(*folders: Path) -> str:
    """SHA-256 over the names and bytes of every file under ``folders``, in a fixed order."""
    result = hashlib.sha256()
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                result.update(path.name.encode() + path.read_bytes())
    return result.hexdigest()


def refresh_execution_cache(app: Sphinx, config: Config, root: Path) -> None:
    """Record the inputs' digest; empty the execution cache when it changed since the last build."""
    inputs = digest(PACKAGE, root / "data", root / "seeds")
    config.studyguide_inputs_digest = inputs
    cache = Path(config.nb_execution_cache_path or Path(app.outdir).parent / ".jupyter_cache")
    stamp = cache.parent / STAMP
    if stamp.is_file() and stamp.read_text("utf-8") != inputs and cache.is_dir():
        shutil.rmtree(cache)
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(inputs, "utf-8")
