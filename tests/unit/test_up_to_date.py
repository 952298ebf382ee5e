"""A build with nothing changed is skipped in a fraction of a second; any change, a failure or a missing
output makes the next build run (``studyguide.cli.up_to_date``).

The command line runs in this process on a copy of the project; only jupyter-book is replaced, by a
script that records its call, writes the home page and exits with the status the test chose.
"""

from __future__ import annotations

import os
import sys
import threading

from studyguide.cli import main as command_line
from studyguide.cli import up_to_date
from support import copy_project

FAKE_JUPYTER_BOOK = """\
import pathlib, sys
args = sys.argv[1:]
out = pathlib.Path(args[args.index("--path-output") + 1] if "--path-output" in args else args[1])
html = out / "_build" / "html"
html.mkdir(parents=True, exist_ok=True)
(html / "index.html").write_text("<title>built</title>")
calls = pathlib.Path(__file__).with_name("calls")
calls.write_text(calls.read_text() + "x" if calls.exists() else "x")
sys.exit(int(pathlib.Path(__file__).with_name("status").read_text()))
"""


def fake_jupyter_book(folder, monkeypatch):
    """A stand-in for jupyter-book; returns (how many times it ran, set the status it exits with)."""
    script = folder / "jupyter-book"
    script.write_text(f"#!{sys.executable}\n" + FAKE_JUPYTER_BOOK)
    script.chmod(0o755)
    (folder / "status").write_text("0")
    monkeypatch.setattr(command_line, "jupyter_book", lambda: str(script))
    calls = folder / "calls"
    return (lambda: len(calls.read_text()) if calls.exists() else 0), (folder / "status").write_text


def test_a_build_runs_again_only_when_something_it_reads_changed_or_it_failed(cli, tmp_path, monkeypatch):
    root = copy_project(tmp_path / "book")
    (tmp_path / "tool").mkdir()
    runs, exit_with = fake_jupyter_book(tmp_path / "tool", monkeypatch)
    out = tmp_path / "out"
    build = ("build", "--path-output", str(out))

    assert cli(root, *build).returncode == 0 and runs() == 1
    skipped = cli(root, *build)
    assert skipped.returncode == 0 and runs() == 1 and "is up to date" in skipped.stdout

    (root / "_config.yml").touch()  # touched, not changed
    assert cli(root, *build).returncode == 0 and runs() == 1
    (root / "data" / "themes.toml").write_text((root / "data" / "themes.toml").read_text("utf-8") + "\n", "utf-8")
    assert cli(root, *build).returncode == 0 and runs() == 2  # a change in data/ is a change

    (out / "_build" / "html" / "index.html").unlink()  # an output gone
    assert cli(root, *build).returncode == 0 and runs() == 3

    exit_with("1")  # a change that makes the build fail: it fails every time, never taken for an up-to-date one
    (root / "data" / "themes.toml").write_text((root / "data" / "themes.toml").read_text("utf-8") + "\n", "utf-8")
    assert cli(root, *build).returncode == 1 and runs() == 4
    assert cli(root, *build).returncode == 1 and runs() == 5
    exit_with("0")
    assert cli(root, *build).returncode == 0 and runs() == 6
    assert cli(root, *build).returncode == 0 and runs() == 6


def test_the_digest_reads_bytes_not_build_output_git_data_or_environments(tmp_path):
    root = tmp_path / "book"
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "a.txt").write_text("one")
    env = {"HOME": "/root", "STUDYGUIDE_EDITION": "student"}
    first = up_to_date.digest(root, ["", "student", "False"], env)
    for ignored in ("_build/html/index.html", ".git/HEAD", "env/pyvenv.cfg", "env/lib/x.py", "seeds/__pycache__/a.pyc"):
        (root / ignored).parent.mkdir(parents=True, exist_ok=True)
        (root / ignored).write_text("anything")
    assert up_to_date.digest(root, ["", "student", "False"], {**env, "HOME": "/elsewhere"}) == first
    assert up_to_date.digest(root, ["", "teacher", "False"], env) != first
    assert up_to_date.digest(root, ["", "student", "False"], {**env, "SOURCE_DATE_EPOCH": "1"}) != first
    assert up_to_date.digest(root, ["", "student", "False"], {**env, "STUDYGUIDE_REPOSITORY": "https://github.com/a/b"}) != first
    os.mkfifo(root / "seeds" / "pipe.txt")  # a bad seed the build refuses: reading it would block the digest
    hashed = threading.Thread(target=up_to_date.digest, args=(root, ["", "student", "False"], env), daemon=True)
    hashed.start()
    hashed.join(10)
    assert not hashed.is_alive(), "the digest waits on a named pipe"
    os.utime(root / "seeds" / "a.txt", (0, 0))
    assert up_to_date.digest(root, ["", "student", "False"], env) == first
    (root / "seeds" / "a.txt").write_text("two")
    assert up_to_date.digest(root, ["", "student", "False"], env) != first
