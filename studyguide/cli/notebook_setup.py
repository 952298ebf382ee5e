"""The notebooks' first cell: set-up for Colab, or any kernel without the guide installed.

The cell runs before the repository exists, so every notebook carries its own
copy. :func:`cell_source` is the one template, filled with the repository URL
configured once in ``_config.yml`` (``repository.url``);
``python -m studyguide setup-cells`` writes it into every notebook, and
``tests/test_notebooks.py`` keeps the copies identical to it.

The package is imported from the clone through ``sys.path``: a kernel reads
``.pth`` files (which is how ``pip install -e`` works) only when it starts, so
after installing, the running kernel would not find the package otherwise.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..base.errors import InputError
from ..knowledge import project

TEMPLATE = """\
# Set-up for Colab or any kernel without the guide installed: fetch the repository and
# install its package. In the book and on Binder the package is there and this does nothing.
import importlib, importlib.util, os, subprocess, sys
REPOSITORY = "{url}"
if importlib.util.find_spec("studyguide") is None:
    subprocess.run(["git", "clone", "--depth", "1", REPOSITORY, "study-guide"], check=True)
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "-e", "study-guide"], check=True)
    sys.path.insert(0, os.path.abspath("study-guide"))  # this kernel started before the install
    importlib.invalidate_caches()
    os.chdir("study-guide/notebooks")"""
TAGS = ["remove-cell"]


def repository_url(root: Path) -> str:
    """``repository.url`` from the book's ``_config.yml``, which the set-up cell clones."""
    url = project.repository_url(root)
    if not url or not url.startswith("https://"):
        raise InputError(Path(root) / "_config.yml", "repository.url must be the https:// address of the guide's repository")
    return url


def cell_source(root: Path) -> str:
    return TEMPLATE.format(url=repository_url(root))


def notebooks(root: Path) -> list[Path]:
    return sorted((Path(root) / "notebooks").glob("*.ipynb"))


def first_cell(path: Path) -> dict:
    return json.loads(path.read_text("utf-8"))["cells"][0]


def write_setup_cells(root: Path) -> list[Path]:
    """Put the template's set-up cell first in every notebook (replacing an old one); return those changed."""
    import nbformat

    source, changed = cell_source(root), []
    for path in notebooks(root):
        notebook = nbformat.read(path, as_version=4)
        first = notebook.cells[0] if notebook.cells else None
        if first is not None and first.cell_type == "code" and first.source == source and first.metadata.get("tags") == TAGS:
            continue
        replacing = first is not None and first.cell_type == "code" and 'find_spec("studyguide")' in first.source
        cell = nbformat.v4.new_code_cell(source, metadata={"tags": TAGS}, id=first.id if replacing else "setup")
        if replacing:
            notebook.cells[0] = cell
        else:
            notebook.cells.insert(0, cell)
        nbformat.write(notebook, path)
        changed.append(path)
    return changed
