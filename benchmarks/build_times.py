"""Benchmark: seconds for a clean build, a no-change rebuild, and a rebuild after one
notebook changes. Works on a temporary copy of the project; prints the figures.

    .venv/bin/python benchmarks/build_times.py

Targets on a 2-core machine: clean build <= 60 s, no-change rebuild <= 3 s.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

from studyguide.cli.sandbox import build, copy_project

ROOT = Path(__file__).resolve().parents[1]


def timed(root: Path, output: Path) -> float:
    start = time.perf_counter()
    result = build(root, output)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"build failed:\n{(result.stdout + result.stderr)[-3000:]}")
    return seconds


def change_a_notebook(root: Path) -> Path:
    notebook = sorted((root / "notebooks").glob("*.ipynb"))[0]
    data = json.loads(notebook.read_text())
    code = next(cell for cell in data["cells"] if cell["cell_type"] == "code" and "remove-cell" not in cell["metadata"].get("tags", []))
    code["source"] = "".join(code["source"]) + "\n# benchmark edit"
    notebook.write_text(json.dumps(data, indent=1))
    return notebook


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = copy_project(ROOT, Path(tmp) / "book")
        output = Path(tmp) / "out"
        clean = timed(root, output)
        unchanged = timed(root, output)
        notebook = change_a_notebook(root)
        changed = timed(root, output)
    print(f"clean build:                  {clean:6.1f} s  (target <= 60 s)")
    print(f"no-change rebuild:            {unchanged:6.1f} s  (target <= 3 s)")
    print(f"rebuild after {notebook.name} changed: {changed:6.1f} s")


if __name__ == "__main__":
    main()
