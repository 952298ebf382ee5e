"""The Sphinx extension that joins the package to the book.

Listed in ``_config.yml`` (``sphinx.extra_extensions``). At start-up it loads
and checks the corpus (bad input stops the build with a one-line error),
checks the self-hosted third-party files, serves them and the package's own
stylesheet, points myst-nb's widget scripts at them, and registers the
``{seed-text}`` directive.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import ConfigError
from sphinx.util.docutils import SphinxDirective

from . import __version__, assets, upstream
from .chapter import SeedTextDirective
from .corpus import load_corpus
from .errors import InputError
from .sidecar import FIELDS
from .theme import LEXICON_FILE, read_lexicon

STATIC = Path(__file__).with_name("static")
TEMPLATES = Path(__file__).with_name("templates")
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
    refresh_execution_cache(app, config, root)


def refresh_execution_cache(app: Sphinx, config: Config, root: Path) -> None:
    """Re-execute the notebooks when what they compute from has changed.

    jupyter-cache keys a notebook on its own code only, so after an edit to the
    package, a data file or a seed an incremental build would show stale
    results. The digest of those inputs is a config value (a change makes every
    page out of date) and, when it differs from the last build's, the execution
    cache is emptied.
    """
    digest = static_digest(Path(__file__).parent, root / "data", root / "seeds")
    config.studyguide_inputs_digest = digest
    cache = Path(config.nb_execution_cache_path or Path(app.outdir).parent / ".jupyter_cache")
    stamp = cache.parent / ".studyguide-inputs"
    if stamp.is_file() and stamp.read_text("utf-8") != digest and cache.is_dir():
        shutil.rmtree(cache)
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(digest, "utf-8")


def relative_to(path: Path, folder: Path) -> str:
    """``path`` relative to ``folder`` when it lies below it, else absolute."""
    try:
        return str(Path(path).resolve().relative_to(folder.resolve()))
    except ValueError:
        return str(path)


def static_digest(*folders: Path) -> str:
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
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
    app.add_config_value("studyguide_inputs_digest", "", "env")
    app.connect("config-inited", configure, priority=400)
    upstream.setup(app)
    app.add_directive("seed-text", SeedTextDirective)
    app.add_directive("sidecar-fields", SidecarFieldsDirective)
    app.add_css_file("studyguide.css")
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
