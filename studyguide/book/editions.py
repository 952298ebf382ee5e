"""Two editions from the same sources: the student edition (the default, and the published
site) holds no model answer and no teacher note at all; the teacher edition holds every one,
one reveal per question, marked as the teacher's.

- ``{model-answer}`` goes right after a question (inside its list item) and
  ``{teacher-note}`` after a set of questions or activities. In the student edition
  neither directive produces anything: the content is never parsed, so it is in no page,
  no search index and no tooltip. The teacher edition shows each as a fold of its own,
  labelled as a teacher's text, opened when the page is printed.
- The page sources Sphinx copies to ``_sources/`` (the download button's source file)
  still hold the blocks' text: in the student edition :func:`strip_sources` removes them
  after the build.
- A notebook with a solutions file (the lab: ``notebooks/solutions/lab.py``) is read and run in
  the teacher edition with its solutions merged in (:mod:`.solutions`), and its page's download
  gives that notebook; the student edition reads, runs and offers the committed notebook, which
  holds no solution.

The edition is chosen at build time: ``python -m studyguide build --edition teacher``
(environment variable :data:`EDITION_ENV`); the teacher edition builds into its own folder.
"""

from __future__ import annotations

import os
import posixpath
import re
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective, SphinxRole

from ..base.errors import InputError
from .data import StudyGuideError
from .edition_names import DOWNLOADS, EDITION_ENV, EDITIONS, HANDOUT_ENV, HANDOUTS
from .solutions import merged_text, solutions_file

TEACHER_BLOCKS = ("model-answer", "teacher-note")
# A fenced teacher block in a MyST source: ``:::{model-answer}`` (any indent, three or more
# colons or backticks) up to the same fence closing it.
_BLOCK = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>:{3,}|`{3,})\{(?:" + "|".join(TEACHER_BLOCKS) + r")\}.*?\n"
                    r"(?:.*\n)*?(?P=indent)(?P=fence)[ \t]*\n?", re.M)


def edition_from_environment() -> str:
    edition = os.environ.get(EDITION_ENV, "student").strip().lower() or "student"
    if edition not in EDITIONS:
        raise ValueError(f"{EDITION_ENV}={edition!r}: choose one of {', '.join(EDITIONS)}")
    return edition


def is_teacher(env) -> bool:
    return env.config.studyguide_edition == "teacher"


class TeacherBlock(SphinxDirective):
    """A teacher's block: nothing in the student edition, a labelled fold in the teacher edition."""

    has_content = True
    optional_arguments = 1
    final_argument_whitespace = True
    label = "Teacher note"

    def run(self) -> list[nodes.Node]:
        if not is_teacher(self.env):
            return []
        title = self.label + (f": {self.arguments[0]}" if self.arguments else "")
        box = nodes.admonition(classes=["admonition", "dropdown", "teacher-note", self.name])
        box += nodes.title(title, title)
        self.state.nested_parse(self.content, self.content_offset, box)
        return [box]


class ModelAnswer(TeacherBlock):
    label = "Model answer"


class TeacherNote(TeacherBlock):
    label = "Teacher note"


def teacher_lines(source: str) -> set[int]:
    """The lines (from 1) of ``source`` that its teacher blocks span, fences included."""
    lines: set[int] = set()
    for block in _BLOCK.finditer(source):
        first = source.count("\n", 0, block.start()) + 1
        lines.update(range(first, first + block.group(0).count("\n") + 1))
    return lines


def strip_blocks(source: str) -> str:
    """``source`` (MyST) without its teacher blocks."""
    return _BLOCK.sub("", source)


def strip_sources(app: Sphinx, exception: Exception | None) -> None:
    """Student edition: take the teacher blocks out of the page sources copied to ``_sources/``."""
    if exception is not None or app.builder.format != "html" or app.config.studyguide_edition == "teacher":
        return
    folder = Path(app.outdir) / "_sources"
    for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
        if path.is_file() and path.suffix in (".md", ".txt"):
            source = path.read_text("utf-8")
            stripped = strip_blocks(source)
            if stripped != source:
                path.write_text(stripped, "utf-8")


def _solutions(app: Sphinx, docname: str) -> Path | None:
    """The solutions file of a notebook page (``notebooks/solutions/NAME.py``), if it has one."""
    source = Path(app.env.doc2path(docname))
    found = solutions_file(source)
    return found if source.suffix == ".ipynb" and found.is_file() else None


def download_link(docname: str) -> str:
    """The page's own source copy (``_sources/``), relative to the page: the notebook its download button gives."""
    return posixpath.relpath(f"_sources/{docname}.ipynb", posixpath.dirname(docname) or ".")


def merge_solutions(app: Sphinx, docname: str, source: list[str]) -> None:
    """Teacher edition: a notebook with a solutions file is read, and run, with its solutions merged in."""
    if not is_teacher(app.env) or (found := _solutions(app, docname)) is None:
        return
    app.env.note_dependency(str(found))  # a changed solution re-reads (and re-runs) the page
    try:
        source[0] = merged_text(source[0], found, download_link(docname))
    except InputError as exc:
        raise StudyGuideError(str(exc)) from None


def solutions_download(app: Sphinx, exception: Exception | None) -> None:
    """Teacher edition: the page's download button (``_sources/``) gives the notebook with its solutions."""
    if exception is not None or app.builder.format != "html" or app.config.studyguide_edition != "teacher":
        return
    for docname in sorted(app.env.found_docs):
        copied = Path(app.outdir) / "_sources" / f"{docname}.ipynb"
        if (found := _solutions(app, docname)) is not None and copied.is_file():
            source = Path(app.env.doc2path(docname)).read_text("utf-8")
            copied.write_text(merged_text(source, found, download_link(docname)), "utf-8")


class HandoutLinkRole(SphinxRole):
    """``{handout-link}`label```: a link to this edition's PDF when the build printed one
    (``build --handout``, as the published site does), else how to print it."""

    def run(self):
        name, what = HANDOUTS[self.config.studyguide_edition]
        if not self.config.studyguide_handout:
            note = f"{what} (PDF) is on the published site, or print it with: python -m studyguide build --handout"
            return [nodes.inline(self.rawtext, note, classes=["handout-link"])], []
        url = posixpath.relpath(f"{DOWNLOADS}/{name}", posixpath.dirname(self.env.docname) or ".")
        label = self.text or f"Download {what} (PDF)"
        return [nodes.reference(self.rawtext, label, refuri=url, classes=["handout-link"])], []


def add_edition_tag(app: Sphinx, config) -> None:
    """Let pages say which edition they are in (``{only} teacher`` works too)."""
    app.tags.add(config.studyguide_edition)


def setup(app: Sphinx) -> None:
    app.add_config_value("studyguide_edition", edition_from_environment(), "env", [str])
    app.add_config_value("studyguide_handout", bool(os.environ.get(HANDOUT_ENV)), "env", [bool])
    app.add_role("handout-link", HandoutLinkRole())
    app.connect("config-inited", add_edition_tag)
    app.connect("build-finished", strip_sources)
    app.connect("source-read", merge_solutions)
    app.connect("build-finished", solutions_download)
    app.add_directive("model-answer", ModelAnswer)
    app.add_directive("teacher-note", TeacherNote)
