"""The set-up cell as Colab and a downloaded notebook meet it: a fresh kernel with nothing but
ipykernel and nbclient, the repository only as a ``git clone --bare`` (a ``file://`` URL).

A fresh virtual environment gets ipykernel and nbclient from a local wheelhouse (``pip
download`` once into a cache folder, reused by later runs; then ``pip install --no-index``),
and so does the package the set-up cell installs (pip reads ``PIP_NO_INDEX`` and
``PIP_FIND_LINKS``). nbclient executes copies of the notebooks whose set-up cell clones the
bare repository: first one notebook in a fresh kernel (clone, install, load the texts), then
every notebook, all its cells, each in a new kernel in the same folder (as after a kernel
restart: the clone exists, the working folder is not inside it). Within the suite's time
budget the install, the costliest step, runs once. The bare clone holds the last commit.
All of it runs in the background (``BACKGROUND``, a build slot of its own) while other tests
run; the test asserts on what it found.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path

import pytest

from studyguide.cli.notebook_setup import TEMPLATE, notebooks
from support import ROOT

PINS = ("ipykernel", "nbclient", "setuptools")  # the fresh kernel's own tools, and the package's build backend
RUNNER = textwrap.dedent("""\
    import json, sys, nbformat, nbclient
    for path, cells in json.loads(sys.argv[1]):
        notebook = nbformat.read(path, as_version=4)
        if cells:
            notebook.cells = [c for c in notebook.cells if c.cell_type == "code"][:cells]
        else:
            notebook.cells = [c for c in notebook.cells if c.cell_type == "code"]
        client = nbclient.NotebookClient(notebook, timeout=600, kernel_name="python3", allow_errors=True)
        client.execute()
        errors = [o for c in notebook.cells for o in c.get("outputs", []) if o.output_type == "error"]
        print(json.dumps([path, len(notebook.cells), [f"{e.ename}: {e.evalue}" for e in errors]]), flush=True)
""")


def unavailable(reason: str) -> None:
    """Skip when this machine lacks an offline tool; in CI (``CI`` set) that is a failure, never a silent skip."""
    if os.environ.get("CI"):
        pytest.fail(f"CI must run the fresh-kernel test: {reason}")
    pytest.skip(reason)


def pinned_requirements() -> list[str]:
    """The package's own requirements and the kernel's tools, at the versions requirements.txt pins."""
    pins = {}
    for line in (ROOT / "requirements.txt").read_text("utf-8").splitlines():
        if "==" in line and not line.startswith("#"):
            pins[line.split("==")[0].strip().lower().replace("_", "-")] = line.strip()
    return sorted(pins.values())


def wheelhouse() -> Path:
    """Every wheel the fresh kernel needs, downloaded once for these pins and kept (``~/.cache``)."""
    pins = pinned_requirements()
    # The package's own dependencies are part of the key: a newly declared one must reach the wheelhouse too.
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["dependencies"]
    key = hashlib.sha256("\n".join(pins + sorted(declared)).encode()).hexdigest()[:12]
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "studyguide" / f"wheelhouse-{key}"
    if (cache / "complete").is_file():
        return cache
    constraints = cache.with_suffix(".constraints.txt")
    cache.mkdir(parents=True, exist_ok=True)
    constraints.write_text("\n".join(pins) + "\n", "utf-8")
    wanted = [p for p in pins if p.split("==")[0] in PINS]
    result = subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--dest", str(cache), "-c", str(constraints),
                             *wanted, str(ROOT)], capture_output=True, text=True, timeout=900)
    if result.returncode != 0:
        unavailable(f"pip download of the wheelhouse failed (offline?): {result.stderr.strip().splitlines()[-1:]}")
    for built in cache.glob("studyguide-*"):  # the package itself is installed from the clone, never from here
        built.unlink()
    # Some pins exist only as source (jieba, unidic-lite): built into wheels here, since an install with
    # --no-index could not fetch the tools that build them.
    sources = sorted(cache.glob("*.tar.gz"))
    if sources:
        built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(cache),
                                *map(str, sources)], capture_output=True, text=True, timeout=900)
        if built.returncode != 0:
            unavailable(f"building wheels of {[s.name for s in sources]} failed: {built.stderr.strip().splitlines()[-1:]}")
        for source in sources:
            source.unlink()
    (cache / "complete").write_text("ok\n", "utf-8")
    return cache


def fresh_kernel(folder: Path, wheels: Path) -> Path:
    """A virtual environment holding only ipykernel and nbclient (and what they need); its python."""
    subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True, capture_output=True)
    python = folder / "bin" / "python"
    tools = [p for p in pinned_requirements() if p.split("==")[0] in ("ipykernel", "nbclient")]
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--no-index", "--find-links", str(wheels), *tools],
                   check=True, capture_output=True, timeout=600)
    return python


def copies(folder: Path, repository: str) -> list[Path]:
    """Each notebook, its set-up cell cloning ``repository``."""
    folder.mkdir()
    made = []
    for path in notebooks(ROOT):
        notebook = json.loads(path.read_text("utf-8"))
        notebook["cells"][0]["source"] = TEMPLATE.format(url=repository)
        copy = folder / path.name
        copy.write_text(json.dumps(notebook), "utf-8")
        made.append(copy)
    return made


def run(python: Path, work: Path, wheels: Path, plan: list[tuple[str, int]]) -> list[list]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("STUDYGUIDE_", "PYTHON", "VIRTUAL_ENV", "PIP_"))}
    env.update(PIP_NO_INDEX="1", PIP_FIND_LINKS=str(wheels), PIP_DISABLE_PIP_VERSION_CHECK="1", MPLBACKEND="agg",
               PATH=f"{python.parent}{os.pathsep}{env.get('PATH', '')}")
    result = subprocess.run([str(python), "-c", RUNNER, json.dumps(plan)], cwd=work, env=env, capture_output=True,
                            text=True, timeout=900)
    assert result.returncode == 0, result.stderr[-3000:]
    return [json.loads(line) for line in result.stdout.splitlines() if line.startswith("[")]


def simulate_colab(books) -> dict:
    """In the background (``BACKGROUND``), in a build slot: the fresh kernel, the bare clone, and the
    two runs of the notebooks' copies (Colab's first run, then every notebook after a restart)."""
    if not (ROOT / ".git").exists():
        pytest.skip("needs the project as a git repository to clone")
    if not shutil.which("git"):
        unavailable("git is not installed")
    folder = books.base / "colab"
    folder.mkdir()
    with books.slot():
        wheels = wheelhouse()
        python = fresh_kernel(folder / "kernel", wheels)
        probe = subprocess.run([str(python), "-c", "import importlib.util as u; print(u.find_spec('studyguide'), u.find_spec('yaml'))"],
                               capture_output=True, text=True, cwd=folder)
        repository = folder / "study-guide.git"
        subprocess.run(["git", "clone", "--quiet", "--bare", str(ROOT), str(repository)], check=True)
        work = folder / "downloads"
        made = copies(work, repository.as_uri())
        fresh = run(python, work, wheels, [(str(made[0]), 2)])  # Colab: clone, install, load the texts
        cloned = (work / "study-guide" / "seeds").is_dir()
        # A restart, for each notebook: the clone is there, the working folder is not in it; every cell runs.
        restarted = run(python, work, wheels, [(str(p), 0) for p in made])
    return {"probe": probe.stdout.split(), "made": made, "fresh": fresh, "cloned": cloned, "restarted": restarted}


BACKGROUND = {"colab": simulate_colab}


@pytest.fixture(scope="module")
def colab(books) -> dict:
    return books.wait("colab")


@pytest.mark.skipif(not (ROOT / ".git").exists(), reason="needs the project as a git repository to clone")
def test_the_set_up_cell_works_in_a_fresh_kernel_after_a_restart_and_for_a_notebook_on_its_own(colab):
    assert colab["probe"] == ["None", "None"]  # nothing of the guide's is there before the cell runs
    made = colab["made"]
    assert colab["fresh"] == [[str(made[0]), 2, []]], colab["fresh"]
    assert colab["cloned"]
    restarted = colab["restarted"]
    assert [errors for _, _, errors in restarted] == [[] for _ in made], restarted
    assert all(cells > 2 for _, cells, _ in restarted)


def test_without_a_guide_or_a_repository_the_cell_says_how_to_point_it_at_one(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("STUDYGUIDE_ROOT", "PYTHONPATH")}
    program = "import sys\nsys.path = [p for p in sys.path if 'site-packages' not in p]\n" + TEMPLATE.format(url="")
    result = subprocess.run([sys.executable, "-S", "-c", program], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1] == (
        "RuntimeError: The study guide is not here and this notebook names no repository to fetch it from: set "
        "os.environ['STUDYGUIDE_ROOT'] to the folder of a copy of the guide, then run this cell again.")
