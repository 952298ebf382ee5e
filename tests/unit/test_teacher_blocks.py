"""Two editions from one source: teacher blocks are cut from what the student edition publishes."""

from __future__ import annotations

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
