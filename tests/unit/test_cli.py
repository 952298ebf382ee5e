"""The command line: scaffolding a new text, and one-line errors without tracebacks."""

import subprocess
import sys

from studyguide import load_corpus
from studyguide.cli.scaffold import slug
from support import BODY_FOR_CLI, copy_project


def test_slug():
    assert slug("Solidarity with the oil workers of Kazakhstan!") == "solidarity-with-the-oil-workers-of"
    assert slug("¿?") == "text"


def test_new_scaffolds_a_sidecar_and_chapter_that_load(cli, tmp_path):
    root = copy_project(tmp_path / "book")
    seed = root / "seeds" / "010_letter.txt"
    seed.write_text(BODY_FOR_CLI, "utf-8")
    before = seed.read_bytes()
    result = cli(root, "new", "seeds/010_letter.txt")
    assert result.returncode == 0, result.stderr
    assert "wrote seeds/010_letter.meta.toml" in result.stdout
    chapter = root / "chapters" / "texts" / "a-letter-to-the-workers.md"
    assert chapter.read_text() == "```{seed-text} a-letter-to-the-workers\n```\n"
    assert seed.read_bytes() == before
    text = load_corpus(root)["a-letter-to-the-workers"]
    assert text.title == "A letter to the workers"
    assert len(text.paragraphs) == 2
    again = cli(root, "new", "seeds/010_letter.txt")
    assert again.returncode == 2
    assert "already exists; not overwritten" in again.stderr


def test_bad_input_ends_with_one_line_and_status_2(cli, tmp_path):
    root = copy_project(tmp_path / "book")
    (root / "seeds" / "020_bad.txt").write_bytes("Title\n\nIt\u2019s cp1252.\n".encode("cp1252"))
    (root / "seeds" / "020_bad.meta.toml").write_text((root / "seeds" / "000_3d1b1157ff71cf0a.meta.toml").read_text().replace('"solidarity-oil-workers"', '"bad"'))
    for command in ("check", "build"):
        result = cli(root, command)
        assert result.returncode == 2
        assert result.stderr.count("\n") == 1, result.stderr
        assert result.stderr.startswith("error: seeds/020_bad.txt:3: not valid UTF-8")
        assert "Traceback" not in result.stderr


def test_help_version_and_messages_name_full_paths(cli, tmp_path):
    from studyguide import __version__

    # `python -m studyguide` itself, once; the rest in this process
    version = subprocess.run([sys.executable, "-m", "studyguide", "--version"], capture_output=True, text=True)
    assert version.stdout.strip() == f"studyguide {__version__}"
    top = cli(None, "--help").stdout
    assert "``" not in top and ":mod:" not in top  # no raw docstring markup
    for command in ("check", "new", "fetch-assets", "build", "serve", "weigh", "setup-cells", "handout"):
        assert command in top
    new_help = cli(None, "new", "--help").stdout
    assert "Write the sidecar and chapter page for a new seed text." in new_help
    outside = cli(None, "check", cwd=tmp_path)  # no STUDYGUIDE_ROOT, outside the project
    assert outside.returncode == 2
    assert outside.stderr == (f"error: {tmp_path.resolve()}: not inside the study guide (no _config.yml with a seeds/ folder "
                              "here or above); run the notebook's first cell, or set STUDYGUIDE_ROOT to the guide's folder\n")


def test_new_refuses_links_files_outside_seeds_and_texts_over_the_limit(cli, tmp_path):
    import os

    from studyguide.texts.text import MAX_BYTES

    root = copy_project(tmp_path / "book")
    secret = tmp_path / "secret.txt"
    secret.write_text("A Title\n\nPrivate.\n")
    os.symlink(secret, root / "seeds" / "030_link.txt")
    linked = cli(root, "new", "seeds/030_link.txt")
    assert linked.returncode == 2 and "seeds/030_link.txt: is a symbolic link" in linked.stderr
    (root / "seeds" / "030_link.txt").unlink()
    outside = cli(root, "new", str(secret))
    assert outside.returncode == 2 and "is not inside seeds/" in outside.stderr
    dotted = cli(root, "new", "seeds/../secret.txt")
    assert dotted.returncode == 2 and "is not inside seeds/" in dotted.stderr
    (root / "seeds" / "040_long.txt").write_text("A Title\n\n" + "word " * (MAX_BYTES // 5 + 1))
    long = cli(root, "new", "seeds/040_long.txt")
    assert long.returncode == 2 and "too long for one text" in long.stderr
    assert not list((root / "seeds").glob("0[34]0_*.meta.toml"))  # nothing written
    (root / "seeds" / "040_long.meta.toml").write_text(
        (root / "seeds" / "000_3d1b1157ff71cf0a.meta.toml").read_text().replace('"solidarity-oil-workers"', '"long"'))
    for command in ("check", "build"):  # the same limit, the same way
        result = cli(root, command)
        assert result.returncode == 2 and "seeds/040_long.txt: 1.0 MB is too long" in result.stderr
