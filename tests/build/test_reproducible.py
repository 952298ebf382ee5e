"""Reproducible builds: two clean builds of the same commit give identical files.

The session's book (built from the project folder) is compared with a second clean
build of a copy of the project in another folder, so both randomness (widget model
ids, hash salts, set order) and paths that leak into the output are caught. Compared:
every file of the published HTML (pages, figures, search index, static files,
.buildinfo) and of ``jupyter_execute/`` (the executed notebooks and their outputs).

What is made identical, and where:
- dates: ``python -m studyguide build`` sets SOURCE_DATE_EPOCH from git (the same
  value is given to the copy, which has no .git, as a checkout of the commit would:
  ``books.Books._elsewhere``);
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

from support import ROOT

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


def test_two_clean_builds_of_the_same_commit_are_identical(built_book, elsewhere_book):
    # elsewhere_book: a copy of the project in another folder, built clean with its own execution cache,
    # with the SOURCE_DATE_EPOCH git gives the project's own build, and as the session's book is built
    # (books.HANDOUT: with the printed handout when Chromium is here)
    assert elsewhere_book.root != ROOT and not (elsewhere_book.root / "_build").exists()
    first, second = files(built_book.parent), files(elsewhere_book.out / "_build")
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
