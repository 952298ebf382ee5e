"""Work-arounds for bugs in the pinned upstream versions, one function each.

Each names the version it fixes; re-check them when Sphinx (7.4.7),
sphinx-book-theme (1.3.0), sphinx-tippy (0.4.3) or sphinxcontrib-bibtex
(2.7.0) is upgraded, and delete what upstream has fixed.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from pathlib import Path

import markupsafe
from sphinx.application import Sphinx
from sphinx.search import js_index

FONTAWESOME_SCRIPT = re.compile(r'\s*<script defer src="[^"]*_static/scripts/fontawesome\.js[^"]*"></script>')
THEME_CSS = re.compile(r'href="([^"]*_static/)styles/theme\.css\?digest=[0-9a-f]+"')


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
    """The filters templates/layout.html uses: drop the Font Awesome script, link basic.css directly."""
    if hasattr(app.builder, "templates") and hasattr(app.builder.templates, "environment"):
        filters = app.builder.templates.environment.filters
        filters["drop_fontawesome_script"] = lambda html: FONTAWESOME_SCRIPT.sub("", str(html))
        filters["basic_css_directly"] = lambda html: THEME_CSS.sub(r'href="\1basic.css"', str(html))


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



def accessible_citation_roles(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Give bibliography entries the ARIA role their list needs.

    Sphinx 7.4 writes each citation as ``role="doc-biblioentry"`` (deprecated in
    ARIA 1.2) inside a ``role="list"`` container, which then has no list items:
    axe reports aria-deprecated-role and aria-required-children. ``listitem`` is
    what a list expects.
    """
    body = context.get("body")
    if isinstance(body, str) and 'role="doc-biblioentry"' in body:
        context["body"] = body.replace('role="doc-biblioentry"', 'role="listitem"')


class _PageDigestIds:
    """sphinx-tippy 0.4.3 names each page's tip file ``PAGE.<uuid4>.js``, so no two
    builds are alike. Its ``uuid4`` is replaced by this callable, which returns a
    UUID derived from the page being written (name and body): the same page gives
    the same file name, and a changed page still gets a new one (cache busting).
    """

    def __init__(self) -> None:
        self.current = uuid.UUID(int=0)

    def remember(self, app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
        digest = hashlib.sha256((pagename + "\0" + str(context.get("body", ""))).encode("utf-8")).digest()
        self.current = uuid.UUID(bytes=digest[:16], version=4)

    def __call__(self) -> uuid.UUID:
        return self.current


def sorted_tippy_sets(app: Sphinx, exception: Exception | None) -> None:
    """sphinx-tippy 0.4.3 keeps each page's references as a set of tuples that
    hold ``None``; on Python 3.11 ``hash(None)`` follows its memory address, so
    the order of the tips it writes changes from run to run. Sorted lists fix it.
    """
    import sphinx_tippy

    for data in sphinx_tippy.get_tippy_data(app)["pages"].values():
        for key, value in data.items():
            if isinstance(value, (set, frozenset)):
                data[key] = sorted(value, key=lambda item: repr(item))


def deterministic_tippy(app: Sphinx) -> None:
    try:
        import sphinx_tippy
    except ImportError:  # the book does not use hover previews
        return
    ids = _PageDigestIds()
    sphinx_tippy.uuid4 = ids
    app.connect("html-page-context", ids.remember, priority=400)  # before sphinx-tippy's (450)
    app.connect("build-finished", sorted_tippy_sets, priority=400)  # before it writes (500)


def setup(app: Sphinx) -> None:
    app.connect("html-page-context", drop_duplicate_scripts)
    app.connect("html-page-context", escape_page_title, priority=900)  # after the theme sets it
    app.connect("html-page-context", accessible_citation_roles)
    app.connect("build-finished", escape_search_titles)
    app.connect("builder-inited", add_template_filters)
    deterministic_tippy(app)
