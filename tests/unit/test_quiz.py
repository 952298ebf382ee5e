"""Self-check quizzes: the data file's checks, and every answer checked against the text."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from studyguide import InputError, load_project
from studyguide.analysis.counts import count
from studyguide.analysis.frequency import stopwords
from studyguide.analysis.themes import stem
from studyguide.analysis.tokens import words
from studyguide.book.quiz import accepted, item_html
from studyguide.knowledge.quiz import load_quiz
from support import BODY, ROOT, sidecar

ITEM = """[[item]]
id = "one"
section = "comprehension"
question = "Which?"
kind = "choice"
options = ["First", "Second"]
answer = "First"
paragraph = 1
evidence = "First paragraph"
explanation = "Because."
"""


@pytest.fixture(scope="module")
def project():
    return load_project(ROOT)


def test_there_are_at_least_twelve_items_with_stable_ids(project):
    items = project.quiz.section("comprehension")
    assert len(items) >= 12
    assert len({item.id for item in items}) == len(items)


def overlap(option: str, evidence: str, stop: frozenset[str]) -> int:
    """Word stems of substance the option shares with the evidence ("repression" and "repress")."""
    return len({stem(w) for w in words(option) if w not in stop} & {stem(w) for w in words(evidence)})


def test_every_answer_is_checked_against_the_text(project):
    text = project.corpus.texts[0]
    stop = stopwords("en")
    for item in project.quiz:
        paragraph = text.paragraph(item.paragraph)
        assert item.evidence in paragraph.text, item.id  # the evidence stands in the cited paragraph, as written
        if item.kind == "choice" and item.answer.startswith("Paragraph "):
            # "which paragraph is quoted?": the editors' mark says so
            assert int(item.answer.split()[1]) in [p.number for p in text.paragraphs if p.quotation], item.id
        elif item.kind == "choice":
            # the right option shares a word of substance with the evidence; no wrong option does more
            assert overlap(item.answer, item.evidence, stop) >= 1, item.id
            assert all(overlap(item.answer, item.evidence, stop) >= overlap(o, item.evidence, stop) for o in item.options), item.id
        elif item.count:
            what, _, number = item.count.partition(" in ")
            assert accepted(item, text)[0] == str(count(text, what, int(number) if number else None))
        else:
            assert any(" ".join(words(answer)) in " ".join(words(item.evidence)) for answer in item.accept), item.id


def test_the_right_option_is_not_always_first(project):
    # a student must not learn "pick the first": the page's order is a hash, stable across builds
    choices = [item for item in project.quiz if item.kind == "choice" and len(item.options) > 2]
    positions = [item.shown_options.index(item.answer) for item in choices]
    assert len(set(positions)) >= 3 and positions.count(0) <= len(positions) // 3, positions
    assert all(sorted(item.shown_options) == sorted(item.options) for item in choices)
    again = load_quiz(project.quiz.path)
    assert [item.shown_options for item in again] == [item.shown_options for item in project.quiz]
    numbered = next(item for item in project.quiz if item.answer.startswith("Paragraph "))
    assert numbered.shown_options == numbered.options  # paragraph numbers stay in order
    html = item_html(choices[0], 1, project.corpus.texts[0], "chapters/guide/questions")
    shown = [label.get_text() for label in BeautifulSoup(html, "html.parser").select("label")]
    assert list(choices[0].shown_options) == shown


def test_item_html_is_escaped_and_accessible(project):
    text = project.corpus.texts[0]
    item = project.quiz["free-union"]
    html = item_html(item, 4, text, "chapters/guide/questions")
    assert '<form class="sg-quiz-item" id="quiz-free-union"' in html
    assert "<fieldset><legend>4. " in html and 'for="quiz-free-union-0"' in html
    assert "A &quot;free&quot; trade union" in html and 'A "free"' not in html
    assert 'role="status"' in html and 'href="../texts/solidarity-oil-workers.html#p3"' in html
    short = item_html(project.quiz["questions-in-5"], 8, text, "chapters/guide/questions")
    assert re.search(r'data-accept="\[&quot;5&quot;, &quot;five&quot;\]"', short)


@pytest.mark.parametrize("bad, message", [
    (ITEM.replace('answer = "First"', 'answer = "Third"'), "quiz.toml:7: item 1: a choice needs two or more options"),
    (ITEM.replace('kind = "choice"', 'kind = "essay"'), "quiz.toml:5: item 1: kind 'essay' must be one of: choice, short"),
    (ITEM + ITEM, "quiz.toml:12: duplicate item id 'one' (first at line 1)"),
    (ITEM.replace('evidence = "First paragraph"', 'evidence = "Third paragraph"'), "its evidence: 'Third paragraph' does not stand in paragraph 1"),
    (ITEM.replace("paragraph = 1", "paragraph = 9"), "has paragraphs 1 to 2, not 9"),
])
def test_bad_quiz_items_stop_with_file_and_line(tmp_path, bad, message):
    root = tmp_path
    (root / "_config.yml").write_text("title: test\n")
    (root / "seeds").mkdir()
    (root / "seeds" / "a.txt").write_text(BODY)
    (root / "seeds" / "a.meta.toml").write_text(sidecar())
    (root / "data").mkdir()
    (root / "data" / "quiz.toml").write_text(bad)
    with pytest.raises(InputError) as caught:
        load_project(root)
    assert message in str(caught.value)


def test_a_short_answer_needs_what_to_accept(tmp_path):
    path = tmp_path / "quiz.toml"
    path.write_text(ITEM.replace('kind = "choice"', 'kind = "short"').replace('options = ["First", "Second"]\nanswer = "First"\n', ""))
    with pytest.raises(InputError, match="a short answer needs 'accept' or 'count'"):
        load_quiz(path)
