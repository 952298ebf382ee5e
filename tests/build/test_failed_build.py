"""A notebook cell that fails: the build fails every time, says why in one line, and publishes nothing of it.

One copy of the project gets two cells early in the overview notebook: one writes a path of
the building machine to stderr (as a Python warning does), the next fails while it works on
the seed text (the error a wordless text used to raise on the words page). Its timeline
notebook gets a cell that runs but whose result fails while it is shown (IPython then shows a
traceback as the cell's output, and the cell counts as run). The copy is
built twice with no change between (in the background, while other tests run: ``BACKGROUND``): jupyter-cache has recorded the failure, and a build
that found nothing to read again used to say "build succeeded.". The other notebooks come
from the execution cache of the book the other build tests use, so only the failing one runs.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from studyguide.book.failures import FAILURES, NOTICE, REPORTS
from support import TEXT_ID, build, copy_project, page

pytestmark = pytest.mark.build

STDERR_CELL = ["import sys\n", "\n", "import studyguide\n", "\n",
               "print(f'loaded from {studyguide.__file__}', file=sys.stderr)\n"]
FAILING_CELL = ["from studyguide.views.dispersion_plot import dispersion_figure\n", "\n",
                "for text in corpus:\n", "    dispersion_figure([], [], text.title)\n"]
SHOWN_CELL = ["class Shown:  # a result that fails while it is shown, as a view's _repr_html_ could\n",
              "    def _repr_html_(self):\n", "        raise ValueError('no table to show')\n", "\n", "Shown()\n"]
LINE = f"error: notebooks/overview.ipynb: text '{TEXT_ID}': ValueError: choose at least one word"
SHOWN_LINE = "error: notebooks/timeline.ipynb: ValueError: no table to show"


def leaks(html: Path, *folders: Path) -> list[str]:
    """Written files of the book at ``html`` that hold "Traceback" or a path of the building machine:
    ``folders``, the home folder, the project this test runs from."""
    machine = {*map(str, folders), str(Path.home()) + "/", str(Path(__file__).resolve().parents[2])}
    written = [p for p in html.rglob("*") if p.suffix in {".html", ".js", ".json", ".txt", ".ipynb"}]
    assert len(written) > 20
    found = []
    for path in written:
        source = path.read_text("utf-8", errors="replace")
        found += [f"{path.relative_to(html)}: {place}" for place in ("Traceback", *machine) if place in source]
    return found


def build_failing_twice(books):
    """In the background (``BACKGROUND``): the copy with the failing cells, built twice into one output."""
    built_book = books.wait("student").assert_ok()
    base = books.base / "failed-build"
    root = copy_project(base / "book")
    for name, sources in (("overview", (STDERR_CELL, FAILING_CELL)), ("timeline", (SHOWN_CELL,))):
        notebook = root / "notebooks" / f"{name}.ipynb"
        cells = json.loads(notebook.read_text("utf-8"))
        assert "corpus" in "".join(cells["cells"][2]["source"])  # the cells after it have the texts
        for number, source in enumerate(sources):
            cells["cells"].insert(3 + number, {"cell_type": "code", "execution_count": None, "id": f"injected-{number}",
                                               "metadata": {}, "outputs": [], "source": source})
        notebook.write_text(json.dumps(cells, indent=1, ensure_ascii=False) + "\n", "utf-8")
    out = base / "out"
    for kept in (".jupyter_cache", ".studyguide-inputs"):  # the notebooks that do not fail: already executed
        copy = shutil.copytree if (built_book.parent / kept).is_dir() else shutil.copy
        (out / "_build").mkdir(parents=True, exist_ok=True)
        copy(built_book.parent / kept, out / "_build" / kept)
    with books.slot():
        results = [build(root, out) for _ in range(2)]
    return root, out, results


BACKGROUND = {"failed-builds": build_failing_twice}


@pytest.fixture(scope="module")
def failed_builds(books):
    return books.wait("failed-builds")


def test_the_build_fails_every_time_with_one_line_naming_notebook_text_and_exception(failed_builds):
    _, _, results = failed_builds
    for number, result in enumerate(results, 1):
        assert result.returncode != 0, f"build {number} succeeded:\n{result.stdout[-2000:]}"
        errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
        assert errors == [LINE, SHOWN_LINE], f"build {number}:\n{result.stderr[-3000:]}"
        assert result.stderr.rstrip().endswith(SHOWN_LINE)  # the last words of the build
        assert "build succeeded" not in result.stdout + result.stderr
        assert "stderr was found in the cell outputs" in result.stderr  # a warning, not published (below)


def test_no_page_shows_a_traceback_or_a_path_of_the_building_machine(failed_builds):
    root, out, _ = failed_builds
    html = out / "_build" / "html"
    assert not (html / REPORTS).exists()
    assert (out / "_build" / REPORTS / "notebooks" / "overview.err.log").is_file()  # kept for maintainers, unpublished
    assert (out / "_build" / FAILURES).read_text("utf-8") == "".join(l.removeprefix("error: ") + "\n" for l in (LINE, SHOWN_LINE))
    assert not leaks(html, root, out)
    for name in ("overview", "timeline"):
        shown = page(html, f"notebooks/{name}.html")
        assert NOTICE in shown.visible, name
        assert not shown.select(".traceback, .output.error, .stderr"), name


def test_the_book_names_no_path_of_the_building_machine(built_book):
    assert not leaks(built_book, built_book.parents[2])
