"""The notebooks' first cell: find the study guide (or fetch it) before anything else runs.

The cell runs before the guide's package can be imported, so every notebook carries
its own copy. :data:`TEMPLATE` is the one template, filled with the repository setting
(:mod:`studyguide.knowledge.publication`); ``python -m studyguide setup-cells`` writes
it into every notebook (``--repository URL`` first changes the setting in
``_config.yml``), and ``tests/unit/test_notebooks.py`` keeps the copies identical to it.

Where the cell looks, in order: ``$STUDYGUIDE_ROOT``; the working folder and the folders
above it (the book's build, Binder, a local clone); a clone made earlier next to the
notebook (a kernel restart in Colab, where the working folder is not the clone); the
folder of an installed editable package. Only when all fail does it clone the repository.
It installs the package when it cannot be imported, puts the guide first on ``sys.path``
(a kernel reads ``.pth`` files only when it starts, so after installing, the running
kernel would not find the package otherwise), and sets ``STUDYGUIDE_ROOT`` and the
working folder, so that the cells below load the texts wherever the kernel started.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from ..base.errors import InputError
from ..knowledge.publication import CONFIG, checked, configured_repository, repository_url

TEMPLATE = """\
# Set-up: find the study guide, or fetch it (Colab, or a notebook downloaded on its own: about a minute,
# once), so that the cells below can load its texts. In the book, on Binder and in a clone it only looks.
import importlib.util, os, pathlib, subprocess, sys
REPOSITORY = "{url}"  # rewritten by: python -m studyguide setup-cells --repository URL
here, spec = pathlib.Path.cwd(), importlib.util.find_spec("studyguide")
places = [os.environ.get("STUDYGUIDE_ROOT"), here, *here.parents, here / "study-guide",
          spec and spec.origin and pathlib.Path(spec.origin).parents[1]]
guide = next((pathlib.Path(p).resolve() for p in places if p and (pathlib.Path(p) / "seeds").is_dir()
              and (pathlib.Path(p) / "_config.yml").is_file()), None)
if guide is None and not REPOSITORY:
    raise RuntimeError("The study guide is not here and this notebook names no repository to fetch it from: set "
                       "os.environ['STUDYGUIDE_ROOT'] to the folder of a copy of the guide, then run this cell again.")
try:
    if guide is None:
        guide = here / "study-guide"
        subprocess.run(["git", "clone", "--quiet", "--depth", "1", REPOSITORY, str(guide)], check=True)
    if spec is None:
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "-e", str(guide)], check=True)
except (OSError, subprocess.CalledProcessError) as error:
    raise RuntimeError(f"Could not fetch and install the guide from {{REPOSITORY}} ({{error}}). Check the network, "
                       "or set os.environ['STUDYGUIDE_ROOT'] to the folder of a copy of the guide.") from None
sys.path.insert(0, str(guide))  # this kernel started before the install
importlib.invalidate_caches()
os.environ["STUDYGUIDE_ROOT"] = str(guide)
os.chdir(guide / "notebooks")"""
TAGS = ["remove-cell"]
MARK = 'find_spec("studyguide")'  # how an earlier set-up cell is recognised, to be replaced
URL_LINE = re.compile(r'^REPOSITORY = "(.*?)"', re.M)


def cell_source(root: Path) -> str:
    """The set-up cell for the repository setting (empty: the cell only looks for a guide on this machine)."""
    return TEMPLATE.format(url=repository_url(root) or "")


def notebooks(root: Path) -> list[Path]:
    return sorted((Path(root) / "notebooks").glob("*.ipynb"))


def first_cell(path: Path) -> dict:
    return json.loads(path.read_text("utf-8"))["cells"][0]


def committed_repository(path: Path) -> str | None:
    """The repository a notebook's committed set-up cell clones ("" for none; None without a set-up cell)."""
    match = URL_LINE.search("".join(first_cell(path)["source"]))
    return match.group(1) if match else None


def set_repository(root: Path, url: str) -> Path:
    """Write ``url`` as ``repository.url`` in ``_config.yml``, changing that line only (comments stay)."""
    config = Path(root) / CONFIG
    url = checked(url, Path("--repository")) or ""
    text = config.read_text("utf-8")
    block = re.search(r"^repository:\n(?:[ \t]+.*\n|[ \t]*\n)*?[ \t]+url:[^\n]*", text, re.M)
    if block is None:
        raise InputError(config, "no repository.url to set")
    line = block.group(0)
    text = text[:block.start()] + re.sub(r"url:[^\n]*$", f'url: "{url}"', line) + text[block.end():]
    config.write_text(text, "utf-8")
    return config


def mismatches(root: Path) -> list[str]:
    """Notebooks whose committed set-up cell clones another repository than the setting, as warnings."""
    expected = repository_url(root) or ""
    found = []
    for path in notebooks(root):
        committed = committed_repository(path)
        if committed is None or committed != expected:
            found.append(f"{path.relative_to(root)}: the set-up cell clones '{committed or ''}' but the repository "
                         f"setting is '{expected}': run python -m studyguide setup-cells and commit the notebooks")
    return found


def write_setup_cells(root: Path, repository: str | None = None) -> list[Path]:
    """Put the template's set-up cell first in every notebook (replacing an old one); return the files changed.

    With ``repository``, first make it the setting (``repository.url`` in ``_config.yml``)."""
    import nbformat

    changed = []
    if repository is not None and repository.strip().rstrip("/") != (configured_repository(root) or ""):
        changed.append(set_repository(root, repository))
    source = cell_source(root)
    for path in notebooks(root):
        notebook = nbformat.read(path, as_version=4)
        first = notebook.cells[0] if notebook.cells else None
        if first is not None and first.cell_type == "code" and first.source == source and first.metadata.get("tags") == TAGS:
            continue
        replacing = first is not None and first.cell_type == "code" and MARK in first.source
        cell = nbformat.v4.new_code_cell(source, metadata={"tags": TAGS}, id=first.id if replacing else "setup")
        if replacing:
            notebook.cells[0] = cell
        else:
            notebook.cells.insert(0, cell)
        nbformat.write(notebook, path)
        changed.append(path)
    return changed
