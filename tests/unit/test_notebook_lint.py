"""The notebooks' markdown cells: no place in the text and no fact from the data typed by hand.

Jupyter shows a MyST role as raw text, so a notebook writes a date from the data, or a place
in the text, from a code cell (studyguide.views.places checks the place against the seed).
"""

from __future__ import annotations

import json

import pytest
from test_evidence import TIMELINE

from studyguide import load_corpus
from studyguide.knowledge.chapter_lint import lint, load_exceptions, notebook_lines
from studyguide.knowledge.timeline import load_timeline
from studyguide.views.places import paragraph_place
from support import ROOT


def notebook(*cells: tuple[str, str]) -> str:
    return json.dumps({"cells": [{"cell_type": kind, "id": f"c{n}", "metadata": {}, "source": source.splitlines(True),
                                  **({"outputs": [], "execution_count": None} if kind == "code" else {})}
                                 for n, (kind, source) in enumerate(cells)],
                       "metadata": {}, "nbformat": 4, "nbformat_minor": 5}, indent=1, ensure_ascii=False)


@pytest.fixture
def root(tmp_path):
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "timeline.toml").write_text(TIMELINE)
    return tmp_path


def test_a_typed_place_or_data_date_in_a_markdown_cell_is_found_at_its_file_line(root):
    path = root / "notebooks" / "n.ipynb"
    path.write_text(notebook(("markdown", "# Title\n\nIntro."),
                             ("code", "print('paragraph 3 on 26 May 2011')"),  # code may say anything
                             ("markdown", "The strike of 26 May 2011 grew.\nIn paragraph 3, the author turns.")))
    found = lint(root, load_timeline(root / "data" / "timeline.toml"))
    assert [(f.lint, f.text, f.cell) for f in found] == [("fact", "26 May 2011", 3), ("place", "paragraph 3", 3)]
    raw = path.read_text().split("\n")
    assert "26 May 2011" in raw[found[0].line - 1] and "paragraph 3" in raw[found[1].line - 1]
    message = str(found[1].error())
    assert message.startswith(f"{path}:{found[1].line}: 'paragraph 3': in markdown cell 3, a place in the text typed "
                              "by hand; write it from a code cell")


def test_an_exception_with_its_reason_allows_the_words(root):
    (root / "notebooks" / "n.ipynb").write_text(notebook(("markdown", "As paragraph 3 says.")))
    (root / "data" / "chapter-exceptions.toml").write_text(
        '[[exception]]\nlint = "place"\nfile = "notebooks/n.ipynb"\ntext = "As paragraph 3 says."\nreason = "r"\n')
    assert lint(root, None, None, load_exceptions(root / "data" / "chapter-exceptions.toml")) == []


def test_roles_and_links_in_markdown_cells_are_not_read_as_typed(root):
    path = root / "notebooks" / "n.ipynb"
    path.write_text(notebook(("markdown", "See [paragraph 3](x.html) and {para}`3 | words`.")))
    lines, cells = notebook_lines(path)
    assert "paragraph 3" not in " ".join(lines.values()) and set(cells.values()) == {1}


def test_the_real_notebooks_lint_clean():
    assert [f for f in lint(ROOT, load_timeline(ROOT / "data" / "timeline.toml")) if f.path.suffix == ".ipynb"] == []


def test_a_place_is_written_only_when_its_words_stand_there():
    text = load_corpus(ROOT)["solidarity-oil-workers"]
    assert paragraph_place(text, 8, "How cunning you are!", "Paragraph").startswith("[Paragraph 8](")
    with pytest.raises(ValueError, match="does not stand in paragraph 7"):
        paragraph_place(text, 7, "How cunning you are!")
    with pytest.raises(ValueError, match="not 99"):
        paragraph_place(text, 99, "x")
