"""The lab in the built books: the student edition shows every exercise cell to edit and holds no
solution (page, search index, page sources, the notebook download); the teacher edition runs every
solution, whose check says right, and offers the notebook with its solutions as a download."""

from __future__ import annotations

import json
import re
from pathlib import Path

from pypdf import PdfReader

from studyguide import load_project
from studyguide.analysis.exercises import EXERCISES, Bench
from studyguide.book.edition_names import DOWNLOADS, HANDOUTS
from studyguide.book.solutions import read_solutions, solutions_file
from support import ROOT, page

LAB = "notebooks/lab.html"
SOLUTIONS = read_solutions(solutions_file(ROOT / "notebooks" / "lab.ipynb"))


def solution_lines() -> list[str]:
    return [line.strip() for block in SOLUTIONS.values() for line in block.splitlines()
            if line.strip() and not line.lstrip().startswith("#")]


def squeezed(text: str) -> str:
    """Letters and digits only: PDF text extraction breaks lines and spaces freely."""
    return re.sub(r"[\W_]+", "", text).lower()


def right_answers() -> dict[str, tuple]:
    project = load_project(ROOT)
    bench = Bench(project.corpus.texts[0], project.lexicon, project.timeline)
    return {e.id: e.answers(bench, e.defaults) for e in EXERCISES}


def download(html: Path, name: str) -> Path:
    """The notebook the page's download button gives."""
    links = [a["href"] for a in page(html, name).select("a[href$='.ipynb']") if "_sources" in a["href"]]
    assert links, f"{name}: no notebook download"
    return ((html / name).parent / links[0]).resolve()


def test_the_student_lab_shows_each_exercise_cell_and_its_check_not_tried(built_book):
    lab = page(built_book, LAB)
    exercise_cells = [c for c in lab.select("div.cell") if "answer = ..." in c.get_text()]
    assert len(exercise_cells) == len(EXERCISES) >= 10
    for cell in exercise_cells:
        assert "tag_hide-input" not in cell["class"] and not cell.find_parent("details"), cell.get_text()[:80]
        checks = cell.select("div.cell_output .studyguide-lab-check")
        assert len(checks) == 1 and "sg-lab-not-tried" in checks[0]["class"], cell.get_text()[:80]
        assert lab.text_of(checks[0]).startswith("○ Not tried yet:")
    assert "Teacher edition" not in lab.visible and "sg-lab-right" not in lab.source


def test_no_solution_or_right_answer_is_in_any_published_file_of_the_student_edition(built_book):
    lines = solution_lines()
    assert len(lines) >= len(SOLUTIONS)
    sources = [p.resolve() for p in (built_book / "_sources").rglob("*") if p.is_file()]
    places = [built_book / LAB, built_book / "searchindex.js", *sources]
    assert download(built_book, LAB) in sources
    for path in places:
        content = path.read_text("utf-8", "replace")
        if path.suffix == ".ipynb":  # the download: its text, not its JSON escapes
            content = "\n".join("".join(c["source"]) for c in json.loads(content)["cells"])
        leaked = [line for line in lines if line in content]
        assert not leaked, f"{path} holds solution code: {leaked[0]}"
    pdf = built_book / DOWNLOADS / HANDOUTS["student"][0]  # printed when Chromium is here, as the site's is
    if pdf.is_file():
        printed = squeezed(" ".join(p.extract_text() or "" for p in PdfReader(pdf).pages))
        assert not [line for line in lines if len(squeezed(line)) > 12 and squeezed(line) in printed]
    lab = page(built_book, LAB)
    said = " ".join(lab.text_of(c) for c in lab.select(".studyguide-lab-check"))
    published = lab.source + (built_book / "_sources" / "notebooks" / "lab.ipynb").read_text("utf-8")
    for exercise_id, answers in right_answers().items():
        for value in answers:
            shown = value if isinstance(value, str) else str(value)
            assert not re.search(rf"(?<![\w.,]){re.escape(shown)}(?![\w,]|\.\d)", said), (exercise_id, value)
            if isinstance(value, float):  # a computed decimal is on no page of the student edition, rounded or not
                for decimals in (1, 2):
                    assert f"{value:.{decimals}f}" not in published, (exercise_id, value)


def test_the_teacher_lab_runs_every_solution_right_and_offers_the_notebook_with_them(teacher_book):
    lab = page(teacher_book, LAB)
    right = lab.select(".studyguide-lab-check.sg-lab-right")
    assert len(right) == len(EXERCISES), [lab.text_of(c) for c in lab.select(".studyguide-lab-check")]
    assert not lab.select(".studyguide-lab-check.sg-lab-wrong, .studyguide-lab-check.sg-lab-hint")
    assert lab.visible.count("Solution (teacher edition") == len(EXERCISES) and "Teacher edition." in lab.visible
    offered = [a for a in lab.select("a[download]") if "solutions" in lab.text_of(a)]
    assert offered and (teacher_book / "notebooks" / offered[0]["href"]).resolve() == download(teacher_book, LAB).resolve()
    merged = json.loads(download(teacher_book, LAB).read_text("utf-8"))
    code = "\n".join("".join(c["source"]) for c in merged["cells"])
    assert all(block in code for block in SOLUTIONS.values())
    assert lab.select("div.cell_output img"), "the dispersion plot of the solution is drawn"
