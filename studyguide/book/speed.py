"""What each page loads: only what it uses, and nothing that blocks its first paint.

Measured with Lighthouse (``benchmarks/lighthouse.py``), a page of the book as
Jupyter Book 1 builds it loads about twenty CSS and JavaScript files, most of them
render-blocking, and Font Awesome's 275 KB of web fonts for a dozen header icons.
Here, per page (``html-page-context``):

- dropped where unused: Thebe (Live Code; Binder and Colab stay in the launch
  menu), the copy button (code is hidden), sphinx-design's tab script, the
  togglebutton script and styles (pages without a toggle), sphinx-design's
  styles (pages without cards), the saved ipywidgets state (the book shows the
  explorers' HTML form, :mod:`studyguide.views.widgets`);
- deferred: every remaining script file (the theme's two inline settings that
  would need ``documentation_options.js`` at once are dropped: they serve a
  version switcher and search-as-you-type, both off), except on the search page;
- dropped where unused too: Pygments' styles (pages without code), myst-nb's
  styles (pages without notebook cells);
- added: a meta description (the page's ``html_meta`` description, else its
  first paragraph, for search engines) and an empty favicon (no 404);
- moved out: each chart (an SVG the views hand over inside the page, base64) is
  written to ``_images/`` and linked (:func:`figures_as_files`): the page's HTML
  shrinks (the themes notebook from 96 to 27 KB compressed), so it is read and
  painted sooner, and the charts arrive beside it, compressed as plain SVG.

``templates/layout.html`` puts ``studyguide-menus.js`` in place of the theme's
Bootstrap (:func:`bootstrap_on_demand`), which it loads at the reader's first move,
leaves Sphinx's search index and tools to the search
page (the search box submits to it; search-as-you-type is off), and
:func:`write_icons` draws the header icons with CSS masks cut from the theme's
own Font Awesome data, so no icon font is downloaded.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path
from urllib.parse import quote

from docutils import nodes
from sphinx.application import Sphinx

WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
UNUSED = ("clipboard.min.js", "copybutton.js", "sphinx-thebe.js", "design-tabs.js", "copybutton.css", "sphinx-thebe.css")
IF_TOGGLES = ("togglebutton.js", "togglebutton.css")
IF_CARDS = ("sphinx-design.min.css",)
IF_CODE = ("pygments.css",)
IF_CELLS = ("mystnb.",)
# The theme's inline settings: pagename serves the version switcher and search-as-you-type, neither used here
# (and false is their default); dropping them lets documentation_options.js be deferred like the rest.
INLINE_SETTINGS = ("DOCUMENTATION_OPTIONS.pagename", "DOCUMENTATION_OPTIONS.search_as_you_type")
DESCRIPTION = 155  # characters, what search results show
ICONS_CSS = "studyguide-icons.css"
ICON_CLASS = re.compile(r'\bfa-([a-z0-9-]+)')
NOT_ICONS = {"solid", "regular", "brands", "lg", "sm", "xs", "2x", "3x", "fw", "spin", "pulse", "border", "inverse"}
# The theme's pseudo-element icons drawn with the icon font (external links, admonition titles...): dropped.
FONT_ICONS = ("a.github::before", "a.gitlab::before", ".nav-link.nav-external::after",
              "nav.bd-links li>a.reference.external::after", "ul.bd-breadcrumbs li.breadcrumb-item::before",
              "div#searchbox p.highlight-link a::before", "span.versionmodified::before",
              ".admonition>.admonition-title::after", "div.admonition>.admonition-title::after", "a.reference.download::before")
FA_FONT_FACE = re.compile(r"@font-face\{[^}]*Font Awesome[^}]*\}")
INLINE_SVG = re.compile(r'<img src="data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)"([^>]*)>')
SVG_HEIGHT = re.compile(rb'<svg[^>]*\sheight="([\d.]+)pt"')
FIGURES = "_images"
BOOTSTRAP_SCRIPT = re.compile(r'<script defer src="([^"]*_static/)(scripts/bootstrap\.js[^"]*)"></script>')
BOOTSTRAP_PRELOAD = re.compile(r'\s*<link rel="preload" as="script" href="[^"]*_static/scripts/bootstrap\.js[^"]*" />')
MENUS_SCRIPT = "studyguide-menus.js"
FA_ENTRY = re.compile(r'(?:"([a-z0-9-]+)"|\b([a-z0-9]+)):\[(\d+),(\d+),\[([^\]]*)\],"[0-9a-f]+","(M[^"]+)"\]')


def _name(item) -> str:
    return str(getattr(item, "filename", None) or "")


def _unused(name: str, body: str) -> bool:
    base = name.rsplit("/", 1)[-1].split("?", 1)[0]
    if base in UNUSED:
        return True
    if base in IF_TOGGLES:
        return "toggle" not in body and "dropdown" not in body
    if base in IF_CARDS:
        return ' sd-' not in body and '"sd-' not in body
    if base in IF_CODE:
        return 'class="highlight' not in body
    if base.startswith(IF_CELLS):
        return "cell_output" not in body and 'class="cell' not in body
    return False


def trim_assets(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    body = str(context.get("body", ""))
    scripts = context.get("script_files")
    if scripts:
        kept = []
        for script in scripts:
            attributes = getattr(script, "attributes", {})
            inline = str(attributes.get("body", ""))
            if attributes.get("type") == WIDGET_STATE or _unused(_name(script), body) or "THEBE_JS_URL" in inline:
                continue
            if pagename != "search" and inline.startswith(INLINE_SETTINGS):
                continue
            if ("toggleHint" in inline or "togglebuttonSelector" in inline or "toggleOpenOnPrint" in inline) and _unused(
                    "togglebutton.js", body):
                continue
            name = _name(script)
            if (name and pagename != "search"  # the search page's tools need doctools at once
                    and "async" not in attributes and "defer" not in attributes):
                # a new object: the page's list holds objects every page shares
                script = type(script)(script.filename, priority=script.priority, **{**attributes, "defer": "defer"})
            kept.append(script)
        scripts[:] = kept
    styles = context.get("css_files")
    if styles:
        styles[:] = [css for css in styles if not _unused(_name(css), body)]
    context["sg_description"] = description(context, doctree)
    figures_as_files(app, context)


def figures_as_files(app: Sphinx, context: dict) -> None:
    """Write each chart the page carries as a base64 ``data:`` image to ``_images/`` and link it instead.

    The file is named by its content (the same chart, the same name: builds stay reproducible).
    A height is added beside the width, so the page keeps the chart's place before it arrives.
    """
    body = context.get("body")
    if not isinstance(body, str) or "data:image/svg+xml;base64," not in body:
        return
    folder = Path(app.outdir) / FIGURES

    def link(match: re.Match) -> str:
        svg = base64.b64decode(match.group(1))
        name = f"sg-{hashlib.sha256(svg).hexdigest()[:20]}.svg"
        path = folder / name
        if not path.is_file():
            folder.mkdir(parents=True, exist_ok=True)
            path.write_bytes(svg)
        attributes = match.group(2)
        height = SVG_HEIGHT.search(svg)
        if height and " height=" not in attributes:
            attributes += f' height="{round(float(height.group(1)) * 4 / 3)}"'
        return f'<img src="{context["pathto"](f"{FIGURES}/{name}", 1)}"{attributes}>'

    context["body"] = INLINE_SVG.sub(link, body)


def description(context: dict, doctree) -> str:
    """The page's description: its own ``html_meta`` one if set (then Sphinx writes it), else its first paragraph."""
    if "name=\"description\"" in str(context.get("metatags", "")) or doctree is None:
        return ""
    for paragraph in doctree.findall(nodes.paragraph):
        if paragraph.next_node(nodes.field_list) or isinstance(paragraph.parent, (nodes.field_body, nodes.caption)):
            continue
        text = " ".join(paragraph.astext().split())
        if len(text) >= 40:
            if len(text) > DESCRIPTION:
                text = text[:DESCRIPTION].rsplit(" ", 1)[0].rstrip(",;:") + "…"
            return text
    return ""


def icon_css(fontawesome: str, names: set[str]) -> str:
    """CSS drawing each Font Awesome icon in ``names`` with a mask of its path (no web font)."""
    paths: dict[str, tuple[str, str, str]] = {}
    for match in FA_ENTRY.finditer(fontawesome):
        name = match.group(1) or match.group(2)
        width, height, aliases, path = match.group(3), match.group(4), match.group(5), match.group(6)
        for alias in [name, *re.findall(r'"([a-z0-9-]+)"', aliases)]:
            paths.setdefault(alias, (width, height, path))
    rules = [f'@font-face{{font-family:"{family}";font-style:normal;font-weight:{weight};src:local("studyguide-no-icon-font")}}'
             for family, weight in (("Font Awesome 6 Free", 900), ("Font Awesome 6 Free", 400), ("Font Awesome 6 Brands", 400))]
    rules.append(",".join(FONT_ICONS) + "{content:none!important}")
    rules += [".fa-solid::before,.fa-regular::before,.fa-brands::before,.fas::before,.far::before,.fab::before{"
             "content:\"\"!important;display:inline-block;width:1.1em;height:1em;vertical-align:-0.125em;"
             "background-color:currentColor;-webkit-mask:var(--sg-icon) no-repeat center/contain;"
             "mask:var(--sg-icon) no-repeat center/contain}"]
    for name in sorted(names):
        if name in paths:
            width, height, path = paths[name]
            svg = f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}"><path d="{path}"/></svg>'
            rules.append(f'.fa-{name}{{--sg-icon:url("data:image/svg+xml,{quote(svg, safe=" =/:")}")}}')
    return "\n".join(rules) + "\n"


def write_icons(app: Sphinx, exception: Exception | None) -> None:
    """Write ``_static/studyguide-icons.css`` for every icon class used in the built pages."""
    if exception is not None or app.builder.format != "html":
        return
    out = Path(app.outdir)
    source = out / "_static" / "scripts" / "fontawesome.js"
    if not source.is_file():
        return
    names: set[str] = set()
    for page in sorted(out.rglob("*.html")):
        if "_static" not in page.relative_to(out).parts:
            names |= set(ICON_CLASS.findall(page.read_text("utf-8")))
    names |= {"sun", "moon", "circle-half-stroke", "xmark", "magnifying-glass"}  # drawn by the theme's scripts
    css = icon_css(source.read_text("utf-8"), names - NOT_ICONS)
    target = out / "_static" / ICONS_CSS
    if not target.is_file() or target.read_text("utf-8") != css:
        target.write_text(css, "utf-8")
    # Chromium fetches a face for elements that carry the icon family even with no text in them;
    # without the theme's @font-face rules for Font Awesome, nothing can fetch its 275 KB of fonts.
    theme = out / "_static" / "styles" / "pydata-sphinx-theme.css"
    if theme.is_file():
        styles = theme.read_text("utf-8")
        lean = FA_FONT_FACE.sub("", styles)
        if lean != styles:
            theme.write_text(lean, "utf-8")


def bootstrap_on_demand(html: str, version: str) -> str:
    """The theme's scripts with ``studyguide-menus.js`` (which loads Bootstrap when first wanted) in Bootstrap's
    place, and no preload of Bootstrap in the head."""
    html = BOOTSTRAP_PRELOAD.sub("", str(html))
    return BOOTSTRAP_SCRIPT.sub(lambda m: f'<script defer src="{m.group(1)}{MENUS_SCRIPT}?v={version[:8]}" '
                                          f'data-bootstrap="{m.group(2)}"></script>', html)


def add_template_filter(app: Sphinx) -> None:
    """The ``bootstrap_on_demand`` filter for ``templates/layout.html``."""
    if hasattr(app.builder, "templates") and hasattr(app.builder.templates, "environment"):
        version = app.config.studyguide_static_digest  # a changed script gets a new URL
        app.builder.templates.environment.filters["bootstrap_on_demand"] = lambda html: bootstrap_on_demand(html, version)


def setup(app: Sphinx) -> None:
    app.connect("html-page-context", trim_assets, priority=900)  # after myst-nb and the extensions add theirs
    app.connect("build-finished", write_icons)
    app.connect("builder-inited", add_template_filter)
    app.add_css_file(ICONS_CSS)

