"""A notebook cell that fails: one line that says where and why, nothing of it published, no green rebuild.

What myst-nb 1.4.0 (with jupyter-cache 1.0.1) does when a cell raises, and what this
module does instead:

- it logs "Executing notebook failed: CellExecutionError" and the path of a report it
  writes *into the published HTML* (``reports/``). Here the build logs one warning
  (``-W`` makes it fail), ``notebooks/words.ipynb: text 'x': ValueError: choose at
  least one word`` (:func:`failure_line`), and writes the same lines to
  :data:`FAILURES` for ``python -m studyguide build``; the report moves to
  ``_build/reports/``, outside the HTML;
- it renders the failing cell's traceback, full of the building machine's paths, into
  the page. Here a sentence (:data:`NOTICE`) stands in its place;
- on the next build, with nothing changed, Sphinx does not read the notebook again:
  no warning, "build succeeded". Here a notebook whose execution failed is out of
  date at every build until it runs through, so the build fails every time;
- when every cell runs but one raises while its result is *shown* (IPython catches an
  error of a ``_repr_html_`` and shows its traceback as the cell's output), myst-nb
  publishes that traceback and the build succeeds. Here it is a failure like the others.

The kernels start with :func:`.failed_cell.install` (through ``PYTHONSTARTUP``), which
puts the text the cell was working on first in the traceback.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from .failed_cell import MARK

if TYPE_CHECKING:  # Sphinx and docutils are imported when Sphinx calls: the command line reads FAILURES
    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.config import Config

FAILURES = "notebook-failures.txt"  # in _build/, beside .doctrees: one line per failed notebook
REPORTS = "reports"
NOTICE = ("This part of the page could not be computed when the book was built, "
          "so the results from here on are missing.")
STARTUP = "studyguide-kernel-startup.py"
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
_MARKED = re.compile(rf"^{re.escape(MARK)}(.+)$", re.MULTILINE)
_EXCEPTION = re.compile(r"^[A-Za-z_][\w.]*(?:Error|Exception|Exit|Interrupt)\b.*$", re.MULTILINE)


def failure_line(notebook: str, traceback: str) -> str:
    """``NOTEBOOK: text 'ID': Name: message`` from the traceback myst-nb recorded of the failure.

    The kernel's first traceback line (:data:`.failed_cell.MARK`) gives the
    text and the exception; without it (a kernel that did not start the guide's way, a
    cell that timed out), the last line of the traceback that names an exception.
    """
    plain = _ANSI.sub("", traceback)
    found = _MARKED.findall(plain) or _EXCEPTION.findall(plain)
    return f"{notebook}: {found[-1].strip() if found else 'a cell failed (no exception was reported)'}"


def build_folder(app: Sphinx) -> Path:
    """``_build``: the folder of the doctrees, the execution cache and the HTML."""
    return Path(app.doctreedir).parent


def start_kernels_the_guides_way(app: Sphinx, config: Config) -> None:
    """Kernels started by this build run :func:`.failed_cell.install` first;
    myst-nb's own two warnings about a failure give way to :func:`failure_line`."""
    startup = Path(app.doctreedir) / STARTUP
    startup.parent.mkdir(parents=True, exist_ok=True)
    startup.write_text("__import__('studyguide.book.failed_cell', fromlist=['install']).install(get_ipython())\n",
                       "utf-8")
    os.environ["PYTHONSTARTUP"] = str(startup)  # inherited by the kernels myst-nb starts
    config.suppress_warnings = [*config.suppress_warnings, "mystnb.exec"]


SHOWN = "studyguide_shown_errors"  # on the environment: docname -> the traceback an output showed


def failed(env, docname: str) -> str | None:
    """The traceback of ``docname``'s (a notebook's) last failure: of its execution, as myst-nb recorded it,
    or of an output that could not be shown; None when it ran through and showed every output."""
    data = getattr(env, "nb_metadata", {}).get(docname, {}).get("exec_data")
    if data and not data.get("succeeded", True):
        return data.get("traceback") or ""
    return getattr(env, SHOWN, {}).get(docname)


def forget_shown_error(app: Sphinx, env, docname: str) -> None:
    """A page read again finds its shown errors anew."""
    getattr(env, SHOWN, {}).pop(docname, None)


def notebook_of(app: Sphinx, docname: str) -> str:
    return Path(app.env.doc2path(docname)).resolve().relative_to(Path(app.srcdir).resolve()).as_posix()


def hide_failure(app: Sphinx, doctree: nodes.document) -> None:
    """In a notebook that failed: the sentence for the traceback, one warning, the report out of the HTML."""
    from docutils import nodes
    from sphinx.util import logging

    docname = app.env.docname
    shown = list(doctree.findall(lambda n: isinstance(n, nodes.Element) and "traceback" in n["classes"]))
    traceback = failed(app.env, docname)
    if traceback is None and shown:  # every cell ran, but a result raised while it was shown
        traceback = shown[0].astext()
        app.env.__dict__.setdefault(SHOWN, {})[docname] = traceback
    if traceback is None:
        return
    for output in shown:
        notice = nodes.paragraph("", NOTICE)
        output.replace_self(notice)
        notice["classes"] = ["sg-failed-cell"]  # replace_self gave it the traceback's classes
    report = Path(app.outdir, REPORTS, *f"{docname}.err.log".split("/"))
    if report.is_file():
        kept = build_folder(app) / REPORTS / report.relative_to(Path(app.outdir, REPORTS))
        kept.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(report, kept)
    logging.getLogger(__name__).warning(failure_line(notebook_of(app, docname), traceback), type="studyguide", subtype="notebook")


def read_failed_again(app: Sphinx, env, added: set[str], changed: set[str], removed: set[str]) -> list[str]:
    """Notebooks whose last execution failed: out of date, so they run (and fail) again."""
    return [docname for docname in getattr(env, "nb_metadata", {}) if failed(env, docname) is not None
            and docname not in removed]


def record_failures(app: Sphinx, exception: Exception | None) -> None:
    """Write :data:`FAILURES` (or remove it when every notebook ran through); no ``reports/`` in the HTML,
    and in ``_build/reports/`` only the reports of notebooks that still fail."""
    shutil.rmtree(Path(app.outdir) / REPORTS, ignore_errors=True)
    failures = {d: tb for d in sorted(getattr(app.env, "nb_metadata", {})) if (tb := failed(app.env, d)) is not None}
    kept = build_folder(app) / REPORTS
    for report in kept.rglob("*.err.log"):  # the report of a failure since fixed would mislead
        if report.relative_to(kept).as_posix().removesuffix(".err.log") not in failures:
            report.unlink()
    lines = [failure_line(notebook_of(app, d), tb) for d, tb in failures.items()]
    path = build_folder(app) / FAILURES
    if lines:
        path.write_text("\n".join(lines) + "\n", "utf-8")
    else:
        path.unlink(missing_ok=True)


def setup(app: Sphinx) -> None:
    app.connect("config-inited", start_kernels_the_guides_way)
    app.connect("env-get-outdated", read_failed_again)
    app.connect("env-purge-doc", forget_shown_error)
    app.connect("doctree-read", hide_failure)
    app.connect("build-finished", record_failures)
