"""Command line: ``python -m studyguide {check,new,fetch-assets,build,handout}``.

Bad input ends with a one-line message naming the file (and line) and exit
status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

from . import assets, handout
from .corpus import load_corpus, project_root
from .errors import InputError
from .scaffold import scaffold
from .timeline import load_timeline

BUILD_FLAGS = ["--warningiserror", "--nitpick", "--keep-going"]


def jupyter_book() -> str:
    exe = Path(sys.executable).with_name("jupyter-book")
    return str(exe) if exe.exists() else (shutil.which("jupyter-book") or "jupyter-book")


def reproducible_env(root: Path) -> dict[str, str]:
    """Pin dates and hashing so the same commit builds the same book.

    SOURCE_DATE_EPOCH (the last commit's time, when git knows it) fixes the
    dates Sphinx writes; PYTHONHASHSEED fixes the order of sets in the kernel.
    """
    env = {"PYTHONHASHSEED": "0"}
    if "SOURCE_DATE_EPOCH" not in os.environ:
        try:
            result = subprocess.run(["git", "-C", str(root), "log", "-1", "--format=%ct"], capture_output=True, text=True)
        except OSError:  # no git: dates are today's
            return env
        if result.returncode == 0 and result.stdout.strip().isdigit():
            env["SOURCE_DATE_EPOCH"] = result.stdout.strip()
    return env


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m studyguide", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="load and check every seed text and sidecar")
    new = commands.add_parser("new", help="write the sidecar and chapter page for a new seed text")
    new.add_argument("seed", type=Path, help="the new text, e.g. seeds/my-text.txt")
    commands.add_parser("fetch-assets", help="download the pinned third-party browser files into _vendor/")
    build = commands.add_parser("build", help="check the inputs, then build the book with warnings as errors")
    build.add_argument("--path-output", type=Path, help="build into this folder instead of the project")
    printout = commands.add_parser("handout", help="print the text, glossary and questions of the built book to one PDF (Chromium, offline)")
    printout.add_argument("--html", type=Path, help="the built book (default: _build/html)")
    printout.add_argument("--output", type=Path, help="the PDF to write (default: _build/handout.pdf)")
    args = parser.parse_args(argv)

    try:
        root = project_root()
        if args.command == "check":
            corpus = load_corpus(root)
            for text in corpus:
                print(f"ok  {text.path.name}  {text.id}  {len(text.paragraphs)} paragraphs, {len(text.meta.notes)} notes")
            if (root / "data" / "timeline.toml").is_file():
                timeline = load_timeline(root / "data" / "timeline.toml")
                print(f"ok  data/timeline.toml  {len(timeline)} events, {len(timeline.figures)} contested figures")
        elif args.command == "new":
            for path in scaffold(args.seed, root):
                print(f"wrote {path.relative_to(root)}")
            print("Complete the sidecar, then rebuild: the text becomes its own chapter.")
        elif args.command == "fetch-assets":
            try:
                assets.verify(root)
                print("third-party browser files: present and unchanged")
            except InputError:
                for path in assets.fetch(root):
                    print(f"fetched {path.relative_to(root)}")
        elif args.command == "build":
            load_corpus(root)
            if (root / "data" / "timeline.toml").is_file():
                load_timeline(root / "data" / "timeline.toml")
            assets.verify(root)
            command = [jupyter_book(), "build", str(root), *BUILD_FLAGS]
            if args.path_output:
                command += ["--path-output", str(args.path_output)]
            return subprocess.call(command, env={**os.environ, **reproducible_env(root)})
        elif args.command == "handout":
            output = handout.make_handout(args.html or root / "_build" / "html", args.output or root / "_build" / "handout.pdf")
            print(f"wrote {output}")
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except handout.HandoutError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 3
    return 0


if __name__ == "__main__":
    sys.exit(main())
