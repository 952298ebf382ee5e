"""The notebooks: one set-up cell from one template, that works in the kernel it runs in, and thin cells."""

from __future__ import annotations

import ast
import json
import os
import re
import site
import subprocess
import sys

import pytest

from studyguide.cli import sandbox
from studyguide.cli.notebook_setup import TAGS, TEMPLATE, cell_source, committed_repository, first_cell, notebooks
from studyguide.knowledge.publication import REPOSITORY_ENV, configured_repository
from support import ROOT


def code_cells(path):
    return [c for c in json.loads(path.read_text("utf-8"))["cells"] if c["cell_type"] == "code"]


def test_every_notebook_starts_with_the_one_set_up_cell():
    expected = cell_source(ROOT)
    assert expected == TEMPLATE.format(url=configured_repository(ROOT) or "")
    assert notebooks(ROOT)
    for path in notebooks(ROOT):
        cell = first_cell(path)
        assert "".join(cell["source"]) == expected, f"{path.name}: run python -m studyguide setup-cells"
        assert cell["metadata"]["tags"] == TAGS


def test_publishing_a_copy_rewrites_the_setting_and_every_set_up_cell_and_check_warns_when_they_differ(tmp_path, cli,
                                                                                                      monkeypatch):
    """The README's "Publish your own copy": one command, then check is quiet; a workflow in
    another repository (the setting from the environment) makes check warn."""
    project = sandbox.copy_project(ROOT, tmp_path / "copy")
    monkeypatch.delenv(REPOSITORY_ENV, raising=False)
    fork = "https://github.com/a-teacher/zhanaozen-guide"
    run = cli(None, "setup-cells", "--repository", fork + "/", cwd=project)
    assert run.returncode == 0, run.stderr
    assert "wrote _config.yml" in run.stdout and run.stdout.count("wrote notebooks/") == len(notebooks(ROOT))
    assert configured_repository(project) == fork
    assert "# Jupyter Book 1 configuration" in (project / "_config.yml").read_text("utf-8")  # the rest stays as it was
    assert {committed_repository(p) for p in notebooks(project)} == {fork}
    quiet = cli(None, "check", cwd=project)
    assert quiet.returncode == 0 and "warning" not in quiet.stderr, quiet.stderr
    monkeypatch.setenv(REPOSITORY_ENV, "https://github.com/someone-else/guide")
    warned = cli(None, "check", cwd=project)
    assert warned.returncode == 0
    assert warned.stderr.count("warning: notebooks/") == len(notebooks(ROOT))
    assert f"clones '{fork}' but the repository setting is 'https://github.com/someone-else/guide'" in warned.stderr
    monkeypatch.delenv(REPOSITORY_ENV)
    bad = cli(None, "setup-cells", "--repository", "github.com/x", cwd=project)
    assert bad.returncode == 2 and bad.stderr.startswith("error: --repository: 'github.com/x' is not a repository address")


def test_no_repository_address_is_written_anywhere_but_the_setting_and_the_set_up_cells():
    """The repository is one setting: no page, module or workflow names one of its own."""
    url = re.compile(r"https://github\.com/(?!(?:jupyter|executablebooks|actions|OWNER)/)[\w.-]+/[\w.-]+")
    allowed = {"_config.yml", *(f"notebooks/{p.name}" for p in notebooks(ROOT))}
    places = {str(p.relative_to(ROOT)) for p in ROOT.rglob("*")
              if p.is_file() and p.suffix in {".py", ".md", ".yml", ".toml", ".ipynb", ".js", ".html"}
              and not {".venv", "_build", ".git", "_vendor", "tests"} & set(p.relative_to(ROOT).parts)
              and url.search(p.read_text("utf-8", "replace"))}
    assert places <= allowed, f"a repository address outside the setting: {sorted(places - allowed)}"


def test_code_cells_are_short_and_define_nothing():
    for path in notebooks(ROOT):
        for cell in code_cells(path)[1:]:
            source = "".join(cell["source"])
            assert len(source.splitlines()) <= 15, f"{path.name}: a long cell belongs in the package:\n{source}"
            defined = [n for n in ast.walk(ast.parse(source)) if isinstance(n, (ast.FunctionDef, ast.ClassDef, ast.Lambda))]
            assert not defined, f"{path.name}: a helper defined in a cell belongs in the package:\n{source}"


@pytest.mark.skipif(not (ROOT / ".git").exists(), reason="needs the project as a git repository to clone")
def test_set_up_cell_makes_the_package_importable_in_the_same_kernel(tmp_path):
    """In a fresh interpreter that cannot import the package (like Colab's kernel), run the
    cell (cloning this repository instead of GitHub's, pip in dry-run so this environment is
    left alone), then import and use the package in the same process."""
    cell = TEMPLATE.format(url=ROOT.as_uri())
    program = (
        "import sys\n"
        f"sys.path.extend({site.getsitepackages()!r})  # the environment's packages, but not its .pth files\n"
        "import importlib.util\n"
        "assert importlib.util.find_spec('studyguide') is None\n"
        + cell + "\n"
        "import studyguide\n"
        "from studyguide import load_project\n"
        "print(studyguide.__file__)\n"
        "print(len(load_project().corpus.texts))\n"
    )
    # PIP_NO_BUILD_ISOLATION=0 means "no build isolation" (pip reads the variable as the option's negation)
    env = {**os.environ, "PIP_DRY_RUN": "1", "PIP_NO_BUILD_ISOLATION": "0", "PIP_NO_DEPS": "1"}
    env.pop("STUDYGUIDE_ROOT", None)
    env.pop("PYTHONPATH", None)  # a kernel that cannot import the package: nothing on the path points to it
    result = subprocess.run([sys.executable, "-S", "-c", program], cwd=tmp_path, capture_output=True, text=True,
                            env=env, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    module, texts = result.stdout.strip().splitlines()[-2:]
    assert module == str(tmp_path / "study-guide" / "studyguide" / "__init__.py")
    assert int(texts) >= 1
