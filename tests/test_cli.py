"""The command line: scaffolding a new text, and one-line errors without tracebacks."""

import subprocess
import sys

from conftest import BODY_FOR_CLI, copy_project

from studyguide import load_corpus
from studyguide.scaffold import slug


def run(root, *args):
    return subprocess.run([sys.executable, "-m", "studyguide", *args], cwd=root, capture_output=True, text=True,
                          env={**__import__("os").environ, "STUDYGUIDE_ROOT": str(root)})


def test_slug():
    assert slug("Solidarity with the oil workers of Kazakhstan!") == "solidarity-with-the-oil-workers-of"
    assert slug("¿?") == "text"


def test_new_scaffolds_a_sidecar_and_chapter_that_load(tmp_path):
    root = copy_project(tmp_path / "book")
    seed = root / "seeds" / "010_letter.txt"
    seed.write_text(BODY_FOR_CLI, "utf-8")
    before = seed.read_bytes()
    result = run(root, "new", "seeds/010_letter.txt")
    assert result.returncode == 0, result.stderr
    assert "wrote seeds/010_letter.meta.toml" in result.stdout
    chapter = root / "chapters" / "texts" / "a-letter-to-the-workers.md"
    assert chapter.read_text() == "```{seed-text} a-letter-to-the-workers\n```\n"
    assert seed.read_bytes() == before
    text = load_corpus(root)["a-letter-to-the-workers"]
    assert text.title == "A letter to the workers"
    assert len(text.paragraphs) == 2
    again = run(root, "new", "seeds/010_letter.txt")
    assert again.returncode == 2
    assert "already exists; not overwritten" in again.stderr


def test_bad_input_ends_with_one_line_and_status_2(tmp_path):
    root = copy_project(tmp_path / "book")
    (root / "seeds" / "020_bad.txt").write_bytes("Title\n\nIt\u2019s cp1252.\n".encode("cp1252"))
    (root / "seeds" / "020_bad.meta.toml").write_text((root / "seeds" / "000_3d1b1157ff71cf0a.meta.toml").read_text().replace('"solidarity-oil-workers"', '"bad"'))
    for command in ("check", "build"):
        result = run(root, command)
        assert result.returncode == 2
        assert result.stderr.count("\n") == 1, result.stderr
        assert result.stderr.startswith("error: seeds/020_bad.txt:3: not valid UTF-8")
        assert "Traceback" not in result.stderr
