"""Solutions kept out of the student notebook, merged in for the teacher edition only.

``notebooks/solutions/NAME.py`` holds the solutions to the exercises of ``notebooks/NAME.ipynb``
(the lab): one block per exercise, each after a line ``# %% EXERCISE-ID``. An exercise cell is
the code cell that calls ``lab.check("EXERCISE-ID", ...)``; its line ``answer = ...`` is the
placeholder the student replaces. :func:`merge` puts, after each exercise cell, a copy of it
with the placeholder line replaced by the solution block, under a line saying it is the
teacher's, so the teacher edition runs every solution through its check at every build.

The committed notebook (which Binder and Colab open, and the student edition builds and offers
as a download) never holds a solution: only the teacher edition's build calls :func:`merge`
(:mod:`.editions`). Plain JSON and text: no Sphinx, no nbformat, so tests and the browser test
use it too.
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

from ..base.errors import InputError

FOLDER = "solutions"
MARKER = re.compile(r"^# %% (\S*)[ \t]*$", re.M)
EXERCISE_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
CHECK = re.compile(r'\blab\.check\(\s*"([^"]+)"')
PLACEHOLDER_LINE = re.compile(r"^answer = \.\.\.(?:[ \t]+#.*)?$", re.M)
TEACHER_INTRO = (
    "**Teacher edition.** Under each exercise, a solution follows the student's cell; it ran when this page "
    "was built, and its check says whether it is right. The student edition, Binder and Colab hold no solution. "
    '<a href="{download}" download="{name}">Download this notebook with its solutions</a> (it is also what the page\'s '
    "download button gives in this edition)."
)
SOLUTION_NOTE = "*Solution (teacher edition; it ran when this page was built):*"


def solutions_file(notebook: Path) -> Path:
    """Where the solutions to ``notebook``'s exercises live (the file may not exist)."""
    return Path(notebook).parent / FOLDER / f"{Path(notebook).stem}.py"


def read_solutions(path: Path) -> dict[str, str]:
    """Exercise id -> solution block (its code, trimmed); a bad file stops with a one-line error naming its line."""
    source = Path(path).read_text("utf-8")
    markers = list(MARKER.finditer(source))
    if not markers:
        raise InputError(path, "no solution block: write each as a line '# %% EXERCISE-ID' followed by its code")
    blocks: dict[str, str] = {}
    for here, after in zip(markers, [*markers[1:], None]):
        line = source.count("\n", 0, here.start()) + 1
        exercise_id = here.group(1)
        if not EXERCISE_ID.fullmatch(exercise_id):
            raise InputError(path, f"'{exercise_id}' is not an exercise id (lowercase letters, digits, hyphens)", line)
        if exercise_id in blocks:
            raise InputError(path, f"a second solution for exercise '{exercise_id}'", line)
        code = source[here.end():after.start() if after else len(source)].strip("\n").rstrip()
        if not code.strip():
            raise InputError(path, f"the solution for exercise '{exercise_id}' is empty", line)
        blocks[exercise_id] = code
    return blocks


def exercise_of(cell: dict) -> str | None:
    """The exercise a notebook cell checks (None for any other cell)."""
    if cell.get("cell_type") != "code":
        return None
    found = CHECK.search("".join(cell.get("source", "")))
    return found.group(1) if found else None


def exercises(notebook: dict) -> list[str]:
    return [e for e in map(exercise_of, notebook["cells"]) if e]


def _cell(kind: str, source: str, cell_id: str) -> dict:
    cell = {"cell_type": kind, "id": cell_id, "metadata": {}, "source": source}
    if kind == "code":
        cell.update(execution_count=None, outputs=[])
    return cell


def merge(notebook: dict, solutions: dict[str, str], where: Path, download: str = "") -> dict:
    """A copy of ``notebook`` (nbformat 4 JSON) with each exercise's solution run after it.

    ``where`` is the solutions file, named in errors: an exercise without a solution, a solution
    for no exercise, or an exercise cell without its ``answer = ...`` line stop the build.
    ``download`` is the link to the merged notebook that the teacher's note offers."""
    merged = copy.deepcopy(notebook)
    found = exercises(notebook)
    missing = [e for e in found if e not in solutions]
    if missing:
        raise InputError(where, f"no solution for exercise(s) {', '.join(missing)} of the notebook")
    unused = [e for e in solutions if e not in found]
    if unused:
        raise InputError(where, f"solution(s) for exercise(s) the notebook does not have: {', '.join(unused)}")
    cells = []
    for cell in merged["cells"]:
        cells.append(cell)
        exercise_id = exercise_of(cell)
        if exercise_id is None:
            continue
        source = "".join(cell["source"])
        if PLACEHOLDER_LINE.search(source) is None:
            raise InputError(where, f"exercise '{exercise_id}': its cell has no line 'answer = ...' to replace")
        line = PLACEHOLDER_LINE.search(source)
        solved = source[:line.start()] + solutions[exercise_id] + source[line.end():]
        base = cell.get("id") or exercise_id
        cells += [_cell("markdown", SOLUTION_NOTE, f"{base}-solution-note"), _cell("code", solved, f"{base}-solution")]
    title = next((i for i, c in enumerate(cells) if c["cell_type"] == "markdown"), 0)
    name = Path(where).stem + ".ipynb"
    cells.insert(title + 1, _cell("markdown", TEACHER_INTRO.format(download=download or name, name=name), "teacher-edition"))
    merged["cells"] = cells
    return merged


def merged_text(notebook_source: str, where: Path, download: str = "") -> str:
    """:func:`merge` on a notebook's JSON text, with the solutions in ``where``; JSON text out."""
    merged = merge(json.loads(notebook_source), read_solutions(where), where, download)
    return json.dumps(merged, ensure_ascii=False, indent=1) + "\n"
