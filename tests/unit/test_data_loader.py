"""One loader for the data files: every file of ``data/`` is read by the project loader, and
``python -m studyguide check`` stops on a bad one with a line naming the file and line."""

from __future__ import annotations

import ast
import shutil

import pytest

from studyguide import InputError, load_project
from studyguide.cli.main import main
from studyguide.knowledge.people import PEOPLE_FILE
from studyguide.knowledge.project import DATA_FILES
from support import ROOT, SEED

GOOD_ENTRY = '[[entry]]\nid = "a"\nname = "Anna A"\nkind = "person"\nline = "A worker."\nsources = ["https://www.hrw.org/x"]\n'
LOADERS = {"read_lexicon", "load_glossary", "load_timeline", "load_sources", "load_quiz", "load_people",
           "load_evidence", "load_exceptions", "load_close_reading"}


@pytest.fixture
def guide(tmp_path):
    """A project of the seed text, its chapter page, the timeline and a who's who of one entry."""
    (tmp_path / "_config.yml").write_text("title: test\n")
    (tmp_path / "seeds").mkdir()
    for suffix in (".txt", ".meta.toml"):
        shutil.copy(ROOT / "seeds" / f"{SEED}{suffix}", tmp_path / "seeds")
    (tmp_path / "chapters" / "texts").mkdir(parents=True)
    shutil.copy(ROOT / "chapters" / "texts" / "solidarity-oil-workers.md", tmp_path / "chapters" / "texts")
    (tmp_path / "data").mkdir()
    shutil.copy(ROOT / "data" / "timeline.toml", tmp_path / "data")  # the sidecar's events are in it
    (tmp_path / PEOPLE_FILE).write_text(GOOD_ENTRY, "utf-8")
    return tmp_path


def check(root, monkeypatch, capsys) -> tuple[int, str, str]:
    monkeypatch.setenv("STUDYGUIDE_ROOT", str(root))
    monkeypatch.chdir(root)
    status = main(["check"])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_the_project_loads_the_whos_who(guide, monkeypatch, capsys):
    people = load_project(guide).people
    assert [e.id for e in people] == ["a"] and people["a"].line == "A worker."
    status, out, _ = check(guide, monkeypatch, capsys)
    assert status == 0 and "ok  data/people.toml  who's who of 1 people and 0 organisations" in out
    (guide / PEOPLE_FILE).unlink()
    assert load_project(guide).people is None  # absent is allowed, as for every data file


@pytest.mark.parametrize("source, line, message", [
    (GOOD_ENTRY + GOOD_ENTRY.replace('"a"', '"b"').replace("person", "robot"), 10, "entry 2: kind 'robot' must be one of"),
    (GOOD_ENTRY + GOOD_ENTRY.replace('id = "a"', 'id = "b"'), 7, "entry 2: 'Anna A' is listed twice (also at line 1)"),
    (GOOD_ENTRY.replace('line = "A worker."\n', ""), 1, "entry 1: missing required field 'line'"),
    (GOOD_ENTRY.replace('"https://www.hrw.org/x"', '"hrw.org"'), 6, "entry 1: sources"),
    (GOOD_ENTRY + "[[entry]\n", 7, ""),  # not TOML
    ("", None, "no [[entry]] entries"),
])
def test_check_stops_on_a_bad_whos_who_with_the_file_and_line(guide, monkeypatch, capsys, source, line, message):
    (guide / PEOPLE_FILE).write_text(source, "utf-8")
    with pytest.raises(InputError) as caught:
        load_project(guide)
    assert caught.value.line == line and message in caught.value.reason
    status, out, err = check(guide, monkeypatch, capsys)
    where = "data/people.toml" + (f":{line}" if line else "")
    assert status == 2 and err.startswith(f"error: {where}: ") and message in err and err.count("\n") == 1, err
    assert "Traceback" not in err and not out


def test_every_data_file_is_read_by_the_project_loader():
    # each TOML file in data/ has its loader in the project, and the project holds what it read
    assert sorted((ROOT / "data").glob("*.toml")) == sorted(ROOT / path for path in DATA_FILES)
    project = load_project(ROOT)
    loaded = {getattr(project, field).path.resolve() for field in
              ("lexicon", "glossary", "timeline", "sources", "quiz", "people", "exceptions",
               "close_reading")}
    assert loaded == {(ROOT / path).resolve() for path in DATA_FILES}


def test_no_module_but_the_project_loader_reads_a_data_file():
    # a second reader (a module cache in the Sphinx layer read people.toml) would escape `check`
    users = set()
    for path in sorted((ROOT / "studyguide").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.ImportFrom) else [getattr(node, "id", None)]
            if any(name in LOADERS for name in names):
                users.add(path.relative_to(ROOT).as_posix())
    assert users == {"studyguide/knowledge/project.py"}, users


def test_build_stops_on_a_bad_whos_who_before_sphinx_starts(guide, monkeypatch, capsys, tmp_path):
    # the project loader reads it first, so the build says the same one line as check, with status 2
    (guide / PEOPLE_FILE).write_text(GOOD_ENTRY.replace("person", "robot"), "utf-8")
    monkeypatch.setenv("STUDYGUIDE_ROOT", str(guide))
    monkeypatch.chdir(guide)
    status = main(["build", "--path-output", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert status == 2 and err.startswith("error: data/people.toml:4: entry 1: kind 'robot' must be one of") and err.count("\n") == 1
    assert not (tmp_path / "out").exists()


QUIZ_ITEM = """[[item]]
id = "questions-in-5"
section = "comprehension"
question = "How many questions does paragraph 5 ask?"
kind = "short"
count = "{count}"
paragraph = 5
evidence = "For do they fear a proletarian response?"
explanation = "Paragraph 5 asks a string of rhetorical questions."
"""


@pytest.mark.parametrize("count", ["letters in 5", "solidarity-oil-workers:questions in 5", "occurrences"])
def test_check_and_build_refuse_a_quiz_count_that_is_not_countable(guide, monkeypatch, capsys, tmp_path, count):
    # asked for the one way the chapters ask ({seed-count}), so a typo stops check, not the build's quiz page
    (guide / "data" / "quiz.toml").write_text(QUIZ_ITEM.format(count="questions in 5"), "utf-8")
    assert check(guide, monkeypatch, capsys)[0] == 0
    (guide / "data" / "quiz.toml").write_text(QUIZ_ITEM.format(count=count), "utf-8")
    for command in (["check"], ["build", "--path-output", str(tmp_path / "out")]):
        status = main(command)
        err = capsys.readouterr().err
        assert status == 2 and err.startswith(f"error: data/quiz.toml:1: item 'questions-in-5': count '{count}' is not "
                                              "'WHAT[ in N]' with WHAT one of paragraphs,") and err.count("\n") == 1, err


def test_a_close_reading_placed_in_the_wrong_paragraph_is_refused_at_its_line(guide, monkeypatch, capsys):
    # the words name the paragraph: a number that drifts from the text is one line naming file and line
    reading = (ROOT / "data" / "close-reading.toml").read_text("utf-8")
    assert "number = 1\nwords = 'barbarity'" in reading
    (guide / "data" / "close-reading.toml").write_text(reading.replace("number = 1\n", "number = 3\n", 1), "utf-8")
    status, out, err = check(guide, monkeypatch, capsys)
    line = reading.split("\n").index("number = 1") + 1 - 1  # the entry's [[paragraph]] header
    assert status != 0 and "Traceback" not in err
    assert f"data/close-reading.toml:{line}: 'barbarity' does not stand in paragraph 3 of 'solidarity-oil-workers' as written" in err
