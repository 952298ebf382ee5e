"""The lab ("Try it yourself", notebooks/lab.ipynb): its exercises, their self-checks and the solutions
kept out of the student notebook.

The solutions are run here as the teacher edition runs them (the notebook with its solutions
merged in, cell by cell, in one namespace), so each check is tried with the solution's answer
(right), a plausible wrong answer (wrong or a hint) and the placeholder (not tried yet); no
message may hold the right answer.
"""

from __future__ import annotations

import hashlib
import json
import math
import re

import matplotlib
import pytest
import yaml

from studyguide import load_project
from studyguide.analysis.exercises import EXERCISES, HINT, NOT_TRIED, PLACEHOLDER, RIGHT, WRONG, Verdict
from studyguide.base.errors import InputError
from studyguide.book.solutions import TEACHER_INTRO, exercise_of, exercises, merge, read_solutions, solutions_file
from studyguide.cli.notebook_setup import TAGS
from studyguide.views.lab import HINTS, NEXT, SHAPES, Lab, WordBox, message
from support import ROOT

LAB = ROOT / "notebooks" / "lab.ipynb"
SOLUTIONS = solutions_file(LAB)

# A plausible wrong answer per exercise, from the solution's answer and what its cell computed
# (the namespace after the solution ran): a slip a student makes, or an answer just off.
WRONG_ANSWERS = {
    "count-word": lambda a, ns: a - 1,
    "per-thousand": lambda a, ns: round(100 * ns["words"].count(ns["word"]) / len(ns["words"]), 1),  # per 100
    "frequent-word": lambda a, ns: "the",
    "hapax": lambda a, ns: len(set(ns["words"])),
    "longest-paragraph": lambda a, ns: a - 1,  # counted from 0
    "compare-paragraphs": lambda a, ns: len(set(ns["paragraphs"][ns["first"] - 1]) | set(ns["paragraphs"][ns["second"] - 1])),
    "concordance": lambda a, ns: ns["word"],
    "where-word": lambda a, ns: [p - 1 for p in a],
    "collocation": lambda a, ns: round(math.log(ns["pairs"] * len(ns["words"]) / (ns["counts"][ns["first"]] * ns["counts"][ns["second"]])), 2),
    "cue-sentence": lambda a, ns: (a[0], a[1] + 1),
    "theme-cue": lambda a, ns: ns["after"],
    "date-span": lambda a, ns: a + 1,
}


def notebook() -> dict:
    return json.loads(LAB.read_text("utf-8"))


def forms(value) -> list[re.Pattern]:
    """How a right answer could appear in a message: a number as an integer or at the decimals asked, a word whole."""
    if isinstance(value, str):
        return [re.compile(rf"\b{re.escape(value)}\b", re.I)]
    if isinstance(value, tuple):
        return [re.compile(re.escape(str(list(value)))), re.compile(re.escape(str(value)))] + \
            ([p for v in value for p in forms(v)] if len(value) == 2 else [])
    shown = {str(value), f"{value:.1f}", f"{value:.2f}", str(round(value))} if isinstance(value, float) else {str(value)}
    return [re.compile(rf"(?<![\d.,]){re.escape(s)}(?![\d,]|\.\d)") for s in shown]


def recording(lab: Lab, calls: dict) -> None:
    """Make ``lab`` note, per exercise, the answer and parameters of its latest check in ``calls``."""
    checked = lab.verdict

    def verdict(exercise_id, answer=PLACEHOLDER, **params):
        calls[exercise_id] = (answer, params)
        return checked(exercise_id, answer, **params)

    lab.verdict = verdict


@pytest.fixture(scope="module")
def solved():
    """Every code cell of the teacher's notebook run in one namespace (the set-up cell aside: it only finds the guide);
    per exercise: (its solution's answer, the parameters its check was given, the namespace then)."""
    matplotlib.use("Agg")
    data = ROOT / "data" / "themes.toml"
    before = hashlib.sha256(data.read_bytes()).hexdigest()
    merged = merge(notebook(), read_solutions(SOLUTIONS), SOLUTIONS)
    namespace: dict = {}
    found: dict = {}
    calls: dict = {}
    for cell in merged["cells"][1:]:
        if cell["cell_type"] != "code":
            continue
        exec(compile("".join(cell["source"]), cell["id"], "exec"), namespace)
        if cell["id"] == "lab-setup":
            recording(namespace["lab"], calls)
        exercise_id = exercise_of(cell)
        if exercise_id and cell["id"].endswith("-solution"):
            found[exercise_id] = (*calls[exercise_id], dict(namespace))
    assert hashlib.sha256(data.read_bytes()).hexdigest() == before, "a lab cell changed data/themes.toml"
    return namespace["lab"], found


def test_every_check_says_right_to_its_solution_wrong_or_a_hint_to_a_slip_and_not_tried_to_the_placeholder(solved):
    lab, found = solved
    assert set(found) == {e.id for e in EXERCISES} == set(WRONG_ANSWERS)
    for exercise in EXERCISES:
        answer, params, namespace = found[exercise.id]
        assert answer is not PLACEHOLDER
        assert params == exercise.defaults, exercise.id  # the cell asks what the build test computes
        assert lab.results[exercise.id].kind == RIGHT, exercise.id  # the check the solution cell ran
        wrong = WRONG_ANSWERS[exercise.id](answer, namespace)
        verdicts = {"right": lab.verdict(exercise.id, answer, **params), "wrong": lab.verdict(exercise.id, wrong, **params),
                    "placeholder": lab.verdict(exercise.id, PLACEHOLDER, **params),
                    "shape": lab.verdict(exercise.id, object(), **params)}
        assert verdicts["right"].kind == RIGHT, exercise.id
        assert verdicts["wrong"].kind in (WRONG, HINT), (exercise.id, wrong, verdicts["wrong"])
        assert verdicts["placeholder"].kind == NOT_TRIED and verdicts["shape"] == Verdict(HINT, "shape"), exercise.id
        said = [message(exercise.id, v) for v in verdicts.values()]
        said += [message(exercise.id, Verdict(HINT, reason)) for (e, reason) in HINTS if e == exercise.id]
        right_answers = exercise.answers(lab.bench, {**exercise.defaults, **params})
        for value in right_answers:
            for pattern in forms(value):
                leaked = [m for m in said if pattern.search(m)]
                assert not leaked, f"{exercise.id}: a message holds the answer {value!r}: {leaked[0]}"


def test_the_hints_name_slips_the_exercises_know_and_every_shape_is_explained(solved):
    for exercise in EXERCISES:
        assert exercise.shape in SHAPES
    bench = solved[0].bench
    known = {(e.id, reason) for e in EXERCISES for reason in e.slips(bench, e.defaults)}
    assert set(HINTS) == known, sorted(set(HINTS) ^ known)
    assert set(NEXT) == {e.id for e in EXERCISES}


def test_the_word_box_judges_what_is_typed_and_the_book_shows_the_cells_verdict(solved):
    lab = solved[0]
    box = lab.check("frequent-word")
    assert isinstance(box, WordBox) and "Not tried yet" in box.said.value
    box.box.value = "the"  # a stopword; Enter in the box judges it
    assert "Hint:" in box.said.value and "stopword" in box.said.value
    box.box.value = "zhanaozen-not-a-word"
    box.button.click()
    assert "Hint:" in box.said.value
    right = lab.bench.counts.most_common(1)[0][0]  # "the": a stopword, never the answer
    box.box.value = right
    assert "Hint:" in box.said.value
    static = box._repr_mimebundle_()["text/html"]
    assert "Not tried yet" in static and "a word box and a Check button appear here" in static


def test_the_lab_has_at_least_ten_exercises_each_with_its_check_and_nothing_that_skips_or_tolerates_an_error():
    cells = notebook()["cells"]
    found = exercises(notebook())
    assert len(found) >= 10 and len(found) == len(set(found)) and set(found) == {e.id for e in EXERCISES}
    for cell in cells:
        tags = set(cell.get("metadata", {}).get("tags", []))
        assert not tags & {"skip-execution", "raises-exception"}, cell["id"]
        assert cell["id"] == cells[0]["id"] or not tags & set(TAGS), f"{cell['id']}: a lab cell the reader cannot see"
        if cell["cell_type"] == "code":
            assert not cell["outputs"] and cell["execution_count"] is None, f"{cell['id']}: committed with outputs"
        if exercise_of(cell):
            assert re.search(r"^answer = \.\.\.", "".join(cell["source"]), re.M), cell["id"]
    assert "execution" not in notebook()["metadata"]  # no allow_errors of its own
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text("utf-8"))
    files = [c.get("file") for part in toc["parts"] for c in part["chapters"]]
    assert files.index("notebooks/lab") == files.index("notebooks/by-hand") + 1 == files.index("notebooks/timeline") + 2


def test_the_committed_notebook_holds_no_line_of_any_solution():
    committed = LAB.read_text("utf-8")
    code = "\n".join("".join(c["source"]) for c in notebook()["cells"])
    for exercise_id, block in read_solutions(SOLUTIONS).items():
        for line in block.splitlines():
            if line.strip() and not line.startswith("#"):
                assert line.strip() not in code and json.dumps(line.strip())[1:-1] not in committed, (exercise_id, line)


def test_the_merge_puts_each_solution_after_its_exercise_and_bad_solution_files_are_one_line_errors(tmp_path):
    solutions = read_solutions(SOLUTIONS)
    merged = merge(notebook(), solutions, SOLUTIONS, "../_sources/notebooks/lab.ipynb")
    cells = merged["cells"]
    assert TEACHER_INTRO.split(".")[0] in "".join(cells[2]["source"]) and 'href="../_sources/notebooks/lab.ipynb"' in "".join(cells[2]["source"])
    for i, cell in enumerate(cells):
        if exercise_of(cell) and not cell["id"].endswith("-solution"):
            solved = "".join(cells[i + 2]["source"])
            assert cells[i + 2]["id"] == f"{cell['id']}-solution" and solutions[exercise_of(cell)] in solved
            assert "answer = ..." not in solved and solved.rstrip().endswith("".join(cell["source"]).rstrip().splitlines()[-1])
    assert len({c["id"] for c in cells}) == len(cells)
    assert notebook() == json.loads(LAB.read_text("utf-8"))  # the committed notebook is left alone

    bad = tmp_path / "lab.py"
    for source, line, reason in (("x = 1\n", None, "no solution block"),
                                 ("# %% count-word\nanswer = 1\n\n# %% count-word\nanswer = 2\n", 4, "a second solution"),
                                 ("# %% count-word\n\n# %% hapax\nanswer = 1\n", 1, "the solution for exercise 'count-word' is empty"),
                                 ("# %% Count_Word\nanswer = 1\n", 1, "'Count_Word' is not an exercise id")):
        bad.write_text(source, "utf-8")
        with pytest.raises(InputError) as error:
            read_solutions(bad)
        assert (error.value.path, error.value.line) == (bad, line) and error.value.reason.startswith(reason)
        assert "\n" not in str(error.value)
    missing = dict(solutions)
    missing.pop("hapax")
    with pytest.raises(InputError, match="no solution for exercise"):
        merge(notebook(), missing, SOLUTIONS)
    with pytest.raises(InputError, match="does not have: extra"):
        merge(notebook(), {**solutions, "extra": "answer = 1"}, SOLUTIONS)


def test_the_checks_work_on_any_text_of_the_guide(tmp_path):
    """A teacher's text, however short, is judged too: every check answers its placeholder and a wrong shape,
    and the right answers computed for it are judged right."""
    from studyguide.cli import sandbox
    from support import sidecar

    root = sandbox.copy_project(ROOT, tmp_path / "copy")
    (root / "seeds" / "900_short.txt").write_text("A short text\n\nWorkers strike. They strike again!\n", "utf-8")
    (root / "seeds" / "900_short.meta.toml").write_text(sidecar("short"), "utf-8")
    lab = Lab(load_project(root), "short")
    assert lab.text.id == "short" and len(lab.paragraphs) <= 2
    for exercise in EXERCISES:
        assert lab.verdict(exercise.id).kind == NOT_TRIED
        assert lab.verdict(exercise.id, object()).kind == HINT
        for right in exercise.answers(lab.bench, exercise.defaults):
            if not (isinstance(right, float) and math.isnan(right)):
                assert lab.verdict(exercise.id, right).kind == RIGHT, exercise.id
        assert lab.verdict(exercise.id, 10 ** 6 if exercise.shape in ("count", "number") else "zzz").kind in (WRONG, HINT)


def test_numpy_answers_are_judged_as_plain_python(solved):
    """Students reach for NumPy: an array of positions or a NumPy number is judged like a list or an int."""
    import numpy

    lab = solved[0]
    positions = [i for i, w in enumerate(lab.words, 1) if w == "you"]
    assert lab.verdict("where-word", numpy.array(positions), word="you").kind == RIGHT
    assert lab.verdict("where-word", numpy.array(positions) - 1, word="you") == Verdict(HINT, "from-zero")
    assert lab.verdict("count-word", numpy.int64(lab.words.count("workers")), word="workers").kind == RIGHT
    assert lab.verdict("frequent-word", "   ").kind == NOT_TRIED
