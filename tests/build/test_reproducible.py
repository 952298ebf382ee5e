"""Reproducible builds: two clean builds of the same commit give identical files.

The session's book (built from the project folder) is compared with a second clean
build of a copy of the project in another folder, so both randomness (widget model
ids, hash salts, set order) and paths that leak into the output are caught. Compared:
every file of the published HTML (pages, figures, search index, static files,
.buildinfo) and of ``jupyter_execute/`` (the executed notebooks and their outputs).

What is made identical, and where:
- dates: ``python -m studyguide build`` sets SOURCE_DATE_EPOCH from git (the same
  value is given to the copy, which has no .git, as a checkout of the commit would);
- widget model ids: studyguide.views.modelids numbers them instead of uuid4;
- SVG ids and metadata: studyguide.views.style (svg.hashsalt, no date);
- set and dict order in the kernel: PYTHONHASHSEED=0 from the build command;
- absolute paths: the vendor folder is given to Sphinx relative to the project.

Not compared (build caches, never published): ``_build/.doctrees`` (pickles holding
absolute source paths and file times) and ``_build/.jupyter_cache`` (a database of
execution times). Files or patterns that cannot be made identical go in ``EXCLUDED``
with the reason; there are none.
"""

from __future__ import annotations

import difflib
import fnmatch
from pathlib import Path

import pytest

from studyguide.cli.main import reproducible_env
from support import CHROMIUM, ROOT, build, copy_project

pytestmark = pytest.mark.build
COMPARED = ("html", "jupyter_execute")
EXCLUDED: dict[str, str] = {}  # glob under _build/ -> why it cannot be identical


def files(build_dir: Path) -> dict[str, Path]:
    found = {}
    for folder in COMPARED:
        for path in sorted((build_dir / folder).rglob("*")):
            name = str(path.relative_to(build_dir))
            if path.is_file() and not any(fnmatch.fnmatch(name, pattern) for pattern in EXCLUDED):
                found[name] = path
    return found


def first_difference(a: bytes, b: bytes) -> str:
    try:
        left, right = a.decode("utf-8").splitlines(), b.decode("utf-8").splitlines()
    except UnicodeDecodeError:
        offset = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
        return f"binary, first difference at byte {offset}"
    diff = [line[:200] for line in difflib.unified_diff(left, right, lineterm="", n=0)][2:8]
    return "\n    ".join(diff)


def test_two_clean_builds_of_the_same_commit_are_identical(built_book, tmp_path, monkeypatch):
    for name, value in reproducible_env(ROOT).items():
        if name == "SOURCE_DATE_EPOCH":  # what git gives the project's own build
            monkeypatch.setenv(name, value)
    root = copy_project(tmp_path / "elsewhere" / "book")
    # built as the session's book is (conftest.build_edition: with the printed handout when Chromium is here)
    result = build(root, tmp_path / "out", *(("--handout",) if CHROMIUM else ()))
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]

    first, second = files(built_book.parent), files(tmp_path / "out" / "_build")
    assert any(name.endswith(".ipynb") for name in first), "no executed notebook to compare"
    assert sum(name.endswith(".html") for name in first) >= 4
    assert sorted(first) == sorted(second), f"different files: {sorted(set(first) ^ set(second))}"
    differing = [name for name in first if first[name].read_bytes() != second[name].read_bytes()]
    details = [f"{name}:\n    {first_difference(first[name].read_bytes(), second[name].read_bytes())}" for name in differing[:5]]
    print(f"reproducible: {len(first)} files compared, {len(differing)} differ")
    assert not differing, f"{len(differing)} of {len(first)} files differ:\n" + "\n".join(details)


def test_widget_model_ids_follow_a_fixed_sequence():
    import ipywidgets

    from studyguide.views import modelids

    modelids.install()
    dropdown = ipywidgets.Dropdown(options=["a", "b"])
    numbered = {modelids.model_id(n) for n in range(100_000)}
    assert dropdown.model_id in numbered
    assert dropdown.layout.model_id in numbered and dropdown.style.model_id in numbered
    assert len({dropdown.model_id, dropdown.layout.model_id, dropdown.style.model_id}) == 3
    assert len(modelids.model_id(0)) == 32 and int(modelids.model_id(0), 16) >= 0
    assert modelids.model_id(0) != modelids.model_id(1)
    assert ipywidgets.HTML(model_id="given").model_id == "given"
