"""The Sphinx extension that joins the package to the book: its one entry point is :func:`setup`.

Listed once in ``_config.yml`` (``sphinx.extra_extensions``). When the
configuration is read, it loads and checks the project (texts, lexicon, glossary,
timeline; bad input stops the build with a one-line error), checks the
self-hosted third-party files, serves them and the package's stylesheet, points
myst-nb's widget scripts at them, and keeps incremental builds fresh. It
registers the book's directives and roles:

- ``{seed-text}`` (:mod:`.chapter`): a text chapter, rendered from ``seeds/``;
- ``{study-glossary}`` (:mod:`.glossary`) and the term marks in the texts;
- ``{para}``, ``{text-quote}``, ``{seed-quote}``, ``{seed-count}`` (:mod:`.guide`);
- ``{event-date}``, ``{figure}``, ``{text-date}``, ``{answered-date}``,
  ``{contested-figures}`` (:mod:`.timeline`);
- ``{sidecar-fields}`` (:mod:`.fields`);
- ``{whos-who}`` and the links to it from every page (:mod:`.whoswho`).
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config

from ..base.errors import InputError
from ..base.version import __version__
from . import bibliography, data, speed, upstream, vendor, whoswho
from .chapter import SeedTextDirective
from .fields import SidecarFieldsDirective
from .freshness import digest, refresh_execution_cache
from .glossary import GlossaryDirective, unmarked_term
from .guide import ParagraphRole, SeedCountRole, SeedQuoteRole, TextQuoteDirective
from .timeline import ContestedFiguresDirective, EventDateRole, FigureRole, TextDateRole

STATIC = Path(__file__).with_name("static")
TEMPLATES = Path(__file__).with_name("templates")


def configure(app: Sphinx, config: Config) -> None:
    root = Path(app.srcdir)
    data.load(app)
    try:
        folder = vendor.verify(root)
    except InputError as exc:
        raise data.StudyGuideError(str(exc)) from None
    # The vendor folder relative to the project: an absolute path would leak into the
    # config hash in .buildinfo, and the same commit built elsewhere would differ.
    config.html_static_path = [*config.html_static_path, str(STATIC), relative_to(folder, Path(app.confdir))]
    # Explorers display as plain HTML run by studyguide-explorers.js (views.widgets): no widget manager.
    config.nb_ipywidgets_js = {}
    config.nb_mime_priority_overrides = [*config.nb_mime_priority_overrides, ("html", "text/html", 5)]
    config.templates_path = [*config.templates_path, str(TEMPLATES)]
    config.studyguide_static_digest = digest(STATIC, folder)
    refresh_execution_cache(app, config, root)


def relative_to(path: Path, folder: Path) -> str:
    """``path`` relative to ``folder`` when it lies below it, else absolute."""
    try:
        return str(Path(path).resolve().relative_to(folder.resolve()))
    except ValueError:
        return str(path)


def setup(app: Sphinx) -> dict:
    app.add_config_value("studyguide_static_digest", "", "html")
    app.add_config_value("studyguide_inputs_digest", "", "env")
    app.connect("config-inited", configure)
    app.connect("missing-reference", unmarked_term)
    bibliography.setup()
    upstream.setup(app)
    speed.setup(app)
    whoswho.setup(app)
    app.add_directive("seed-text", SeedTextDirective)
    app.add_directive("sidecar-fields", SidecarFieldsDirective)
    app.add_directive("study-glossary", GlossaryDirective)
    app.add_directive("text-quote", TextQuoteDirective)
    app.add_directive("contested-figures", ContestedFiguresDirective)
    app.add_role("para", ParagraphRole())
    app.add_role("seed-quote", SeedQuoteRole())
    app.add_role("seed-count", SeedCountRole())
    app.add_role("seed-count-word", SeedCountRole())
    app.add_role("event-date", EventDateRole())
    app.add_role("figure", FigureRole())
    app.add_role("text-date", TextDateRole())
    app.add_role("answered-date", TextDateRole())
    app.add_css_file("studyguide.css")
    app.add_js_file("studyguide-explorers.js", loading_method="defer")
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
