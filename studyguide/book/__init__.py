"""The Sphinx extension that joins the package to the book: its one entry point is :func:`setup`.

Listed once in ``_config.yml`` (``sphinx.extra_extensions``). When the
configuration is read, it loads and checks the project (texts, lexicon, glossary,
timeline; bad input stops the build with a one-line error), checks the
self-hosted third-party files, serves them and the package's stylesheet, points
myst-nb's widget scripts at them, and keeps incremental builds fresh. It
registers the book's directives and roles:

- ``{seed-text}`` (:mod:`.chapter`): a text chapter, rendered from ``seeds/``;
- ``{study-glossary}`` (:mod:`.glossary`) and the term marks in the texts;
- ``{para}``, ``{sentence}``, ``{occurs}``, ``{text-quote}``, ``{seed-quote}``, ``{seed-count}`` (:mod:`.guide`);
- ``{event-date}``, ``{figure}``, ``{text-date}``, ``{answered-date}``,
  ``{contested-figures}`` (:mod:`.timeline`);
- ``{sidecar-fields}`` (:mod:`.fields`);
- ``{model-answer}``, ``{teacher-note}``, ``{handout-link}`` (:mod:`.editions`): the
  student and teacher editions;
- ``{self-check}`` (:mod:`.quiz`): a self-check quiz from ``data/quiz.toml``;
- ``{whos-who}`` and the links to it from every page (:mod:`.whoswho`);
- ``{evidence-summary}``, ``{evidence}`` (a chapter sentence's own passages) and the folds
  of the sources' words (:mod:`.evidence`).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from ..base.errors import InputError
from ..base.version import __version__

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

# The directives, roles and Sphinx itself are imported in setup(), when Sphinx loads
# the extension: the command line imports this package (for ``vendor``) on every
# build, and a no-change rebuild must stay fast.

STATIC = Path(__file__).with_name("static")
TEMPLATES = Path(__file__).with_name("templates")
SAME_PAGE_PARAGRAPH = r"^#p\d+$"


def configure(app: Sphinx, config: Config) -> None:
    from . import data, vendor
    from .freshness import digest, refresh_execution_cache

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
    # A chapter's paragraph numbers link to their own paragraph: a hover preview of the
    # paragraph one is reading would copy the whole text into the page's tip file (1.3 MB
    # for a 1 MB text). Links to a paragraph from other pages keep their previews.
    config.tippy_skip_urls = (*getattr(config, "tippy_skip_urls", ()), SAME_PAGE_PARAGRAPH)
    config.templates_path = [*config.templates_path, str(TEMPLATES)]
    config.studyguide_static_digest = digest(STATIC, folder)
    refresh_execution_cache(app, config, root)
    publish(config, root)


def publish(config: Config, root: Path) -> None:
    """Repository, issue and launch buttons from the one repository setting
    (:mod:`studyguide.knowledge.publication`), or none at all without it; and kernels
    started for the book are told so, so that their outputs link relatively."""
    from ..knowledge.publication import BOOK_BUILD_ENV, repository_url

    os.environ[BOOK_BUILD_ENV] = "1"
    try:
        url = repository_url(root)
    except InputError as exc:
        from . import data

        raise data.StudyGuideError(str(exc)) from None
    options = config.html_theme_options = dict(config.html_theme_options or {})
    if url:
        options.update(repository_url=url, use_repository_button=True, use_issues_button=True)
    else:
        for key in ("repository_url", "launch_buttons"):
            options.pop(key, None)
        options.update(use_repository_button=False, use_issues_button=False, use_edit_page_button=False)


def relative_to(path: Path, folder: Path) -> str:
    """``path`` relative to ``folder`` when it lies below it, else absolute."""
    try:
        return str(Path(path).resolve().relative_to(folder.resolve()))
    except ValueError:
        return str(path)


def setup(app: Sphinx) -> dict:
    from . import bibliography, editions, executed, failures, hovertips, speed, upstream, whoswho
    from .chapter import ChapterOrder, SeedTextDirective, prune_removed_chapters, set_direction
    from .evidence import EvidenceFolds, EvidenceRole, EvidenceSummaryDirective
    from .fields import SidecarFieldsDirective
    from .glossary import GlossaryDirective, unmarked_term
    from .guide import OccursRole, ParagraphRole, SeedCountRole, SeedQuoteRole, SentenceRole, TextQuoteDirective
    from .quiz import SelfCheckDirective, add_quiz_files
    from .timeline import ContestedFiguresDirective, EventDateRole, FigureRole, TextDateRole

    app.add_config_value("studyguide_static_digest", "", "html")
    app.add_config_value("studyguide_inputs_digest", "", "env")
    app.connect("config-inited", configure)
    app.connect("missing-reference", unmarked_term)
    app.connect("build-finished", prune_removed_chapters)
    app.add_transform(ChapterOrder)
    app.add_transform(EvidenceFolds)
    bibliography.setup()
    upstream.setup(app)
    failures.setup(app)
    executed.setup(app)
    speed.setup(app)
    hovertips.setup(app)
    whoswho.setup(app)
    editions.setup(app)
    app.add_directive("seed-text", SeedTextDirective)
    app.add_directive("sidecar-fields", SidecarFieldsDirective)
    app.add_directive("study-glossary", GlossaryDirective)
    app.add_directive("text-quote", TextQuoteDirective)
    app.add_directive("contested-figures", ContestedFiguresDirective)
    app.add_directive("self-check", SelfCheckDirective)
    app.add_directive("evidence-summary", EvidenceSummaryDirective)
    app.connect("html-page-context", add_quiz_files)
    app.connect("html-page-context", set_direction)
    app.add_role("para", ParagraphRole())
    app.add_role("seed-quote", SeedQuoteRole())
    app.add_role("sentence", SentenceRole())
    app.add_role("occurs", OccursRole())
    app.add_role("seed-count", SeedCountRole())
    app.add_role("seed-count-word", SeedCountRole())
    app.add_role("event-date", EventDateRole())
    app.add_role("figure", FigureRole())
    app.add_role("evidence", EvidenceRole())
    app.add_role("text-date", TextDateRole())
    app.add_role("answered-date", TextDateRole())
    app.add_css_file("studyguide.css")
    app.add_js_file("studyguide-explorers.js", loading_method="defer")
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
