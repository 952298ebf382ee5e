"""Two editions from one source: teacher blocks are cut from what the student edition publishes."""

from __future__ import annotations

import re

from studyguide.book.editions import TEACHER_BLOCKS, strip_blocks
from support import ROOT

SAMPLE = """1. A question?

   :::{model-answer}
   The answer.
   :::

::::{teacher-note} set
:::{note}
nested
:::
::::
Students read this.
"""


def test_strip_blocks_removes_every_teacher_block_and_keeps_the_rest():
    stripped = strip_blocks(SAMPLE)
    assert "The answer" not in stripped and "nested" not in stripped and "teacher-note" not in stripped
    assert "1. A question?" in stripped and "Students read this." in stripped


def test_every_question_of_the_guide_has_its_own_model_answer():
    source = (ROOT / "chapters" / "guide" / "questions.md").read_text("utf-8")
    assert source.count(":::{model-answer}") >= 20
    assert ":::{admonition}" not in source  # no folded set of answers: one reveal per question
    assert all(block in TEACHER_BLOCKS for block in ("model-answer", "teacher-note"))
    assert "model-answer" not in strip_blocks(source) and "teacher-note" not in strip_blocks(source)
    sets = re.split(r"^## ", source, flags=re.M)[1:]
    for part in sets:
        name = part.splitlines()[0]
        if name.startswith("Classroom activities"):
            activities = re.split(r"^### ", part, flags=re.M)[1:]
            assert activities and all(":::{teacher-note}" in a for a in activities), "an activity has no teacher note"
            continue
        questions = re.findall(r"^\d+\. ", part, flags=re.M)
        answers = part.count(":::{model-answer}")
        assert questions and answers == len(questions), f"{name}: {len(questions)} questions, {answers} model answers"
        assert ":::{teacher-note}" in part, f"{name}: the set has no teacher note"


ADDRESSED_TO_TEACHERS = re.compile(r"\b(for a teacher|if students ask|give (?:the )?students|ask (?:your )?students|ask each pair)\b", re.I)


def test_advice_to_teachers_is_only_in_teacher_blocks():
    # a sentence that tells a teacher what to do with the class is a teacher note, wherever it
    # stands: outside a block it reaches every student (How to use is written to both, openly)
    for path in sorted((ROOT / "chapters").rglob("*.md")):
        if path.name == "how-to-use.md":
            continue
        found = ADDRESSED_TO_TEACHERS.search(strip_blocks(path.read_text("utf-8")))
        assert not found, f"{path.relative_to(ROOT)}: {found.group(0)!r} outside a teacher note"
