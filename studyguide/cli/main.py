"""The command line: ``python -m studyguide COMMAND``.

Bad input ends with a one-line message naming the file (and line) and exit
status 2, never a traceback; a missing tool (Chromium, Playwright) with status 3.
A build whose notebook fails ends with one line per failed notebook, naming the
notebook, the text and the exception (:mod:`studyguide.book.failures`), and status 1;
the full traceback is in ``_build/reports/``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

from ..analysis.counts import REQUEST_FORM, request
from ..analysis.languages import general_reference
from ..base.errors import InputError
from ..base.version import __version__
from ..book import vendor
from ..book.edition_names import EDITION_ENV, EDITIONS, HANDOUT_ENV
from ..book.failures import FAILURES
from ..knowledge.coverage import coverage
from ..knowledge.evidence import EVIDENCE_FOLDER
from ..knowledge.project import claims, load_project
from ..knowledge.publication import own_addresses
from ..knowledge.sources import audit
from ..texts.corpus import check_chapters, project_root
from ..texts.language import language_name, language_problem, primary
from ..texts.pages import chapter_page
from ..views.counting import counted_line
from . import handout, up_to_date
from .browser import ToolMissing
from .scaffold import scaffold, seeds_named

BUILD_FLAGS = ["--warningiserror", "--nitpick", "--keep-going"]
TEACHER_OUTPUT = Path("_build") / "teacher"  # the teacher edition: _build/teacher/_build/html
FAILED = ".studyguide-failed"  # in _build/ while the last build there failed
DESCRIPTION = "The study guide's tools: check the texts and data, add a text, build, serve and print the book."


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


def check_languages(project) -> None:
    """Each sidecar's language against the one detected in its text: a warning, or an error for a clear mismatch."""
    for text in project.corpus:
        problem = language_problem(text.language, "\n\n".join(p.text for p in text.paragraphs))
        if problem is None:
            continue
        level, message = problem
        if level == "error":
            raise InputError(text.meta.path, message, text.meta.language_line)
        print(f"warning: {InputError(text.meta.path, message, text.meta.language_line)}", file=sys.stderr)


def check_quiz_counts(project) -> None:
    """Every quiz answer computed from the text (``count``) asks for something countable, the one way the
    chapters' ``{seed-count}`` does (:func:`studyguide.analysis.counts.request`; the item names its text itself)."""
    for item in project.quiz or ():
        asked = request(item.count) if item.count else None
        if item.count and (asked is None or asked.text is not None):
            raise InputError(project.quiz.path, f"item '{item.id}': count {item.count!r} is not "
                                                f"{REQUEST_FORM.replace('[ID:]', '')}", item.line)


def check_word_frequencies(project) -> None:
    """A text whose language wordfreq can compare only with a package that is not installed (Chinese needs
    jieba, Japanese and Korean MeCab) is refused here, not by a notebook failing in the middle of the build."""
    for text in project.corpus:
        code = general_reference(text.language) if primary(text.language) != "en" else None
        if code is None:
            continue
        from wordfreq import tokenize

        try:
            tokenize(text.paragraphs[0].text, code)
        except ImportError as exc:
            raise InputError(text.meta.path, f"language = '{text.language}': comparing a text in "
                             f"{language_name(text.language)} with general language (wordfreq) needs the Python "
                             f"package '{exc.name}', which is not installed here", text.meta.language_line) from None


def check(root: Path) -> None:
    from .notebook_setup import mismatches

    project = load_project(root)
    check_chapters(project.corpus)
    check_languages(project)
    check_word_frequencies(project)
    check_quiz_counts(project)
    for warning in mismatches(root):
        print(f"warning: {warning}", file=sys.stderr)
    for text in project.corpus:
        print(f"ok  {text.path.name}  {text.id}  {len(text.paragraphs)} paragraphs, {len(text.meta.notes)} notes, "
              f"language {text.language}, chapter {chapter_page(text.id)}.md; {counted_line(text)}")
    if project.lexicon is not None:
        print(f"ok  {project.lexicon.path.relative_to(root)}  {len(project.lexicon)} themes")
    if project.glossary is not None:
        print(f"ok  {project.glossary.path.relative_to(root)}  {len(project.glossary)} terms")
    if project.timeline is not None:
        print(f"ok  {project.timeline.path.relative_to(root)}  {len(project.timeline)} events, "
              f"{len(project.timeline.figures)} contested figures")
    if project.people is not None:
        kinds = [entry.kind for entry in project.people]
        print(f"ok  {project.people.path.relative_to(root)}  who's who of {kinds.count('person')} people and "
              f"{kinds.count('organisation')} organisations")
    if project.quiz is not None:
        print(f"ok  {project.quiz.path.relative_to(root)}  {len(project.quiz)} quiz items, their evidence found in the texts")
    if project.evidence is not None:
        counted = coverage(root, claims(project), project.evidence, project.sources)
        print(f"ok  {EVIDENCE_FOLDER}  {len(project.evidence.passages)} passages, {len(project.evidence.derived)} "
              f"derived values; {counted.with_evidence} of {counted.claims} claims have evidence; chapters lint clean")
    if project.sources is not None:
        checked = audit(root, project.sources, own_addresses(root))
        print(f"ok  {project.sources.path.relative_to(root)}  {len(project.sources.publishers)} publishers, "
              f"{len(project.sources.ruled_out)} ruled out; {checked} cited URLs have a publisher and none is ruled out")


def new(seeds: list[Path], root: Path, text_id: str | None = None) -> None:
    named = seeds_named(seeds, root)
    if text_id and len(named) != 1:
        raise InputError(seeds[0], f"--id names one text, but {len(named)} are given; add them one at a time")
    if not named:
        raise InputError(seeds[0], "no new text here (every .txt file in it has a sidecar already)")
    for seed in named:
        for path in scaffold(seed, root, text_id):
            print(f"wrote {path.relative_to(root)}")
    print("Complete the sidecar, then rebuild: the text becomes its own chapter.")


def fetch_assets(root: Path) -> None:
    try:
        vendor.verify(root)
        print("third-party browser files: present and unchanged")
    except InputError:
        for path in vendor.fetch(root):
            print(f"fetched {path.relative_to(root)}")


def build(root: Path, output: Path | None, edition: str = "student", with_handout: bool = False) -> int:
    """Build one edition (the teacher edition into its own folder unless ``output`` says otherwise),
    then, with ``with_handout``, print its PDF into the built book's downloads folder. When nothing the
    build reads has changed since the last successful build into the same folder, say so and stop."""
    output = output or (root / TEACHER_OUTPUT if edition == "teacher" else None)
    built = (output or root) / "_build"
    env = {**os.environ, **reproducible_env(root), EDITION_ENV: edition, HANDOUT_ENV: "1" if with_handout else ""}
    inputs = up_to_date.digest(root, [str(output or ""), edition, str(with_handout)], env)
    if up_to_date.is_up_to_date(built, inputs):
        print(f"{built / 'html'} is up to date: nothing it is built from has changed since its last successful build "
              f"(delete {built} to build anew)")
        return 0
    up_to_date.forget(built)
    project = load_project(root)  # bad input stops here, with one line, before Sphinx starts
    check_chapters(project.corpus)
    check_word_frequencies(project)
    check_quiz_counts(project)
    vendor.verify(root)
    command = [jupyter_book(), "build", str(root), *BUILD_FLAGS]
    if output:
        command += ["--path-output", str(output)]
    if (built / FAILED).is_file():  # Sphinx re-reads only changed pages: after a failure, every page, so it fails again
        command.append("--all")
    (built / FAILURES).unlink(missing_ok=True)  # written by this build's Sphinx, or not at all
    status = subprocess.call(command, env=env)
    failures = (built / FAILURES).read_text("utf-8").splitlines() if (built / FAILURES).is_file() else []
    for line in failures:
        print(f"error: {line}", file=sys.stderr)
    status = status or int(bool(failures))
    if status:
        built.mkdir(parents=True, exist_ok=True)
        (built / FAILED).write_text(f"the last build here exited with status {status}\n", "utf-8")
        return status
    (built / FAILED).unlink(missing_ok=True)
    outputs = [built / "html" / "index.html"]
    if with_handout:
        written = handout.make_handout(built / "html", edition=edition, epoch=int(env.get("SOURCE_DATE_EPOCH") or 0))
        print(f"wrote {written}")
        outputs.append(written)
    up_to_date.record(built, inputs, outputs)
    return status


def serve_book(html: Path, port: int) -> None:
    from .serve import server

    if not (html / "index.html").is_file():
        raise InputError(html, "no built book here; build it first: python -m studyguide build")
    httpd = server(html, port)
    print(f"serving {html} at http://127.0.0.1:{httpd.server_port}/ (Ctrl-C stops)")
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        httpd.server_close()


def weigh(html: Path) -> None:
    from .pageweight import measure_book, report

    if not (html / "index.html").is_file():
        raise InputError(html, "no built book here; build it first: python -m studyguide build")
    print(report(measure_book(html)))


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="python -m studyguide", description=DESCRIPTION)
    main.add_argument("--version", action="version", version=f"studyguide {__version__}")
    commands = main.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, summary: str, details: str = "") -> argparse.ArgumentParser:
        return commands.add_parser(name, help=summary, description=summary + (" " + details if details else ""))

    command("check", "Load and check every seed text, sidecar and data file.",
            "Prints one line per file; bad input stops with file:line: message (exit status 2).")
    new_text = command("new", "Write the sidecar and chapter page for a new seed text.",
                       "Never overwrites a file and never changes the text itself.")
    new_text.add_argument("seed", type=Path, nargs="+",
                          help="the new texts, .txt files in seeds/ (e.g. seeds/010_my-text.txt), or the seeds/ folder "
                               "for every text there without a sidecar")
    new_text.add_argument("--id", dest="text_id", help="the text's id (default: made from its title, readable in any script)")
    command("fetch-assets", "Download the pinned third-party browser files into _vendor/.",
            "Each npm tarball is checked against its SHA-512 integrity hash (studyguide/book/vendor.toml).")
    build_book = command("build", "Check the inputs, then build the book with warnings as errors.",
                         "Offline; the result is _build/html/index.html.")
    build_book.add_argument("--path-output", type=Path, help="build into this folder instead of the project")
    build_book.add_argument("--handout", action="store_true",
                            help="also print the edition's PDF (student handout or teacher guide) into the built book's "
                                 "downloads/ and link it; needs the test tools and Debian's chromium")
    build_book.add_argument("--edition", choices=EDITIONS, default="student",
                            help="student (default, the published site: no model answers or teacher notes) or teacher "
                                 f"(everything; built into {TEACHER_OUTPUT}/_build/html)")
    serve_it = command("serve", "Serve the built book on this machine, compressed as GitHub Pages serves it.")
    serve_it.add_argument("--port", type=int, default=8000, help="the port (default 8000)")
    serve_it.add_argument("--html", type=Path, help="the built book (default: _build/html)")
    weigh_it = command("weigh", "Print each built page's requests and bytes, as a reader downloads them (Chromium).")
    weigh_it.add_argument("--html", type=Path, help="the built book (default: _build/html)")
    setup = command("setup-cells", "Write the set-up cell (for Colab) into every notebook, from its one template.",
                    "It clones the repository setting (repository.url in _config.yml, or $STUDYGUIDE_REPOSITORY).")
    setup.add_argument("--repository", metavar="URL",
                       help="first make URL the repository setting (https://github.com/OWNER/NAME): publish your own copy")
    printout = command("handout", "Print an edition's PDF from the built book (Chromium, offline).",
                       "The student handout: the text, the glossary and the questions; the teacher guide: the text, "
                       "the commentary and the questions with model answers and teacher notes.")
    printout.add_argument("--edition", choices=EDITIONS, default="student", help="student (default) or teacher")
    printout.add_argument("--html", type=Path, help=f"the built book (default: _build/html, or {TEACHER_OUTPUT}/_build/html)")
    printout.add_argument("--output", type=Path, help="the PDF to write (default: the built book's downloads/ folder)")
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        root = project_root()
        html = getattr(args, "html", None) or root / "_build" / "html"
        if args.command == "check":
            check(root)
        elif args.command == "new":
            new(args.seed, root, args.text_id)
        elif args.command == "fetch-assets":
            fetch_assets(root)
        elif args.command == "build":
            return build(root, args.path_output, args.edition, args.handout)
        elif args.command == "serve":
            serve_book(html, args.port)
        elif args.command == "weigh":
            weigh(html)
        elif args.command == "setup-cells":
            from .notebook_setup import write_setup_cells

            for path in write_setup_cells(root, args.repository):
                print(f"wrote {path.relative_to(root)}")
        elif args.command == "handout":
            if args.edition == "teacher" and not args.html:
                html = root / TEACHER_OUTPUT / "_build" / "html"
            epoch = int(reproducible_env(root).get("SOURCE_DATE_EPOCH") or os.environ.get("SOURCE_DATE_EPOCH") or 0)
            print(f"wrote {handout.make_handout(html, args.output, args.edition, epoch=epoch)}")
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except ToolMissing as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 3
    return 0
