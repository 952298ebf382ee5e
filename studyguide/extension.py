"""The Sphinx extension that joins the package to the book.

Listed in ``_config.yml`` (``sphinx.extra_extensions``). At start-up it loads
and checks the corpus (bad input stops the build with a one-line error),
checks the self-hosted third-party files, serves them and the package's own
stylesheet, points myst-nb's widget scripts at them, and registers the
``{seed-text}`` directive.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import markupsafe
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import ConfigError
from sphinx.search import js_index
from sphinx.util.docutils import SphinxDirective

from . import __version__, assets
from .chapter import SeedTextDirective
from .corpus import load_corpus
from .errors import InputError
from .sidecar import FIELDS
from .theme import LEXICON_FILE, read_lexicon

STATIC = Path(__file__).with_name("static")
TEMPLATES = Path(__file__).with_name("templates")
FONTAWESOME_SCRIPT = re.compile(r'\s*<script defer src="[^"]*_static/scripts/fontawesome\.js[^"]*"></script>')
WIDGET_SCRIPTS = {  # in load order; paths under _static/
    "requirejs/require.js": {},
    "studyguide-widgets.js": {},
    "jupyter-widgets/embed-amd.js": {},
}


class StudyGuideError(ConfigError):
    """Bad input found at build start; its message is one line naming the file."""

    category = "Study guide input error"


def configure(app: Sphinx, config: Config) -> None:
    root = Path(app.srcdir)
    try:
        app.studyguide_corpus = load_corpus(root)
        if (root / LEXICON_FILE).is_file():  # themes: a bad lexicon stops the build with file:line
            read_lexicon(root / LEXICON_FILE)
        vendor = assets.verify(root)
    except InputError as exc:
        raise StudyGuideError(str(exc)) from None
    # The vendor folder relative to the project: an absolute path would leak into the
    # config hash in .buildinfo, and the same commit built elsewhere would differ.
    config.html_static_path = [*config.html_static_path, str(STATIC), relative_to(vendor, Path(app.confdir))]
    config.nb_ipywidgets_js = WIDGET_SCRIPTS
    config.templates_path = [*config.templates_path, str(TEMPLATES)]
    # Sphinx copies static files only when it writes pages: a changed stylesheet
    # or script changes this value, which makes every page out of date.
    config.studyguide_static_digest = static_digest(STATIC, vendor)


def relative_to(path: Path, folder: Path) -> str:
    """``path`` relative to ``folder`` when it lies below it, else absolute."""
    try:
        return str(Path(path).resolve().relative_to(folder.resolve()))
    except ValueError:
        return str(path)


def drop_duplicate_scripts(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Keep one copy of each script tag on a page.

    Sphinx 7.4 registers an inline script (file name ``None``) a second time
    under the name ``''`` when it prepares writing, so sphinx-thebe's inline
    configuration appears twice and the second copy throws "Identifier
    'THEBE_JS_URL' has already been declared" on every page.
    """
    scripts = context.get("script_files")
    if not scripts:
        return
    seen: set = set()
    unique = []
    for script in scripts:
        attributes = getattr(script, "attributes", {})
        key = (getattr(script, "filename", str(script)) or "", tuple(sorted((k, str(v)) for k, v in attributes.items())))
        if key not in seen:
            seen.add(key)
            unique.append(script)
    scripts[:] = unique


def add_template_filters(app: Sphinx) -> None:
    """The filter templates/layout.html uses to drop the Font Awesome script."""
    if hasattr(app.builder, "templates") and hasattr(app.builder.templates, "environment"):
        app.builder.templates.environment.filters["drop_fontawesome_script"] = lambda html: FONTAWESOME_SCRIPT.sub("", str(html))


def escape_page_title(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Escape the page title that sphinx-book-theme prints unescaped.

    The theme sets ``pagetitle`` to the title's raw text and writes it into the
    print-only ``<h1>`` as is, so a seed title with markup in it would become live
    HTML. ``markupsafe.escape`` returns markup-safe text, so a template that
    escapes it again does not double it.
    """
    if isinstance(context.get("pagetitle"), str):
        context["pagetitle"] = markupsafe.escape(context["pagetitle"])


def escape_search_titles(app: Sphinx, exception: Exception | None) -> None:
    """Escape the section titles in the search index, which Sphinx's search shows as HTML.

    Sphinx 7.4 stores each section title's raw text in ``alltitles`` and its
    search page inserts a matching title with ``innerHTML``: a seed title with
    markup in it would run when someone searches for it. Page titles in the
    index are HTML already; this makes section titles HTML too. Replacing only
    ``<`` and ``>`` keeps the step idempotent (an unchanged index is not rewritten).
    """
    if exception is not None or app.builder.format != "html":
        return
    path = Path(app.outdir) / "searchindex.js"
    if not path.is_file():
        return
    index = js_index.loads(path.read_text("utf-8"))
    titles = index.get("alltitles", {})
    safe: dict[str, list] = {}
    for title, places in titles.items():
        safe.setdefault(title.replace("<", "&lt;").replace(">", "&gt;"), []).extend(places)
    if safe != titles:
        index["alltitles"] = safe
        path.write_text(js_index.dumps(index), "utf-8")


def static_digest(*folders: Path) -> str:
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


class SidecarFieldsDirective(SphinxDirective):
    """``{sidecar-fields}``: the sidecar schema as a table, straight from :data:`FIELDS`."""

    def run(self) -> list[nodes.Node]:
        table = nodes.table(classes=["sidecar-fields"])
        group = nodes.tgroup(cols=3)
        table += group
        group.extend(nodes.colspec(colwidth=w) for w in (2, 1, 6))
        head = nodes.thead()
        body = nodes.tbody()
        group += head
        group += body

        def row(cells: tuple[str, str, str], into: nodes.Element) -> None:
            line = nodes.row()
            for cell in cells:
                line += nodes.entry("", nodes.paragraph("", cell))
            into += line

        row(("Field", "Required", "Meaning"), head)
        for name, spec in FIELDS.items():
            row((name, "yes" if spec.required else "no", spec.doc), body)
        return [table]


def setup(app: Sphinx) -> dict:
    app.add_config_value("studyguide_static_digest", "", "html")
    app.connect("config-inited", configure, priority=400)
    app.connect("html-page-context", drop_duplicate_scripts)
    app.connect("html-page-context", escape_page_title, priority=900)  # after the theme sets it
    app.connect("build-finished", escape_search_titles)
    app.connect("builder-inited", add_template_filters)
    app.add_directive("seed-text", SeedTextDirective)
    app.add_directive("sidecar-fields", SidecarFieldsDirective)
    app.add_css_file("studyguide.css")
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
