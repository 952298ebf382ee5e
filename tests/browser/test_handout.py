"""The printable handout: one PDF with every paragraph, the glossary and the questions, no teacher notes."""

from __future__ import annotations

import re
import subprocess
import sys
import unicodedata

import pytest

from studyguide import InputError, load_project
from studyguide.cli.handout import HANDOUTS, handout_pages
from support import CHROMIUM, ROOT, TEXT_ID

pytestmark = pytest.mark.browser


def squeeze(text: str) -> str:
    """Letters and digits only, ligatures unfolded: PDF text extraction breaks lines and spaces freely."""
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", text)).lower()


def test_handout_pages_need_a_built_book(tmp_path):
    with pytest.raises(InputError) as caught:
        handout_pages(tmp_path, HANDOUTS["student"])
    assert "build the book first" in str(caught.value)


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed: the handout cannot be printed")
def test_handout_command_writes_a_pdf_with_every_paragraph_and_no_teacher_notes(built_book, tmp_path):
    pypdf = pytest.importorskip("pypdf", reason="pypdf (requirements-test.txt) reads the PDF back")
    output = tmp_path / "handout.pdf"
    result = subprocess.run(
        [sys.executable, "-m", "studyguide", "handout", "--html", str(built_book), "--output", str(output)],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert output.read_bytes().startswith(b"%PDF")
    reader = pypdf.PdfReader(str(output))
    assert len(reader.pages) >= 3
    content = squeeze(" ".join(p.extract_text() for p in reader.pages))
    project = load_project(ROOT)
    text = project.corpus[TEXT_ID]
    for paragraph in text.paragraphs:
        assert squeeze(paragraph.text) in content, f"paragraph {paragraph.number} missing from the handout"
    for entry in project.glossary:
        assert squeeze(entry.definition) in content, entry.term
    assert squeeze("Comprehension") in content and squeeze("Essay prompts") in content
    assert squeeze("Not to stand up for their rights and not to strike") not in content  # a model answer
    assert squeeze("Suggested length 800 to 1,200 words") not in content  # a teacher note
