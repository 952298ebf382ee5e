"""Hover previews (sphinx-tippy's tips) set up when a reader first wants one, not at load.

sphinx-tippy 0.4.3 gives every page three scripts: Popper, tippy.js and a tip file
that, at ``window.onload``, looks up each previewed link and builds its tip in one
task (311 ms on the commentary in Lighthouse's mobile run, most of the page's total
blocking time). Here the page gets ``studyguide-tips.js`` instead (under 2 KB
compressed), whose listeners wait for a pointer over a link, a focus or a touch,
and only then load the three files and build the one tip wanted
(:file:`static/studyguide-tips.js`).

- :func:`defer_tips` swaps the page's tippy scripts for ``studyguide-tips.js``,
  naming the files it will load in ``data-`` attributes (paths under ``_static``);
- :func:`rewrite_tip_files` turns each tip file, once sphinx-tippy has written it,
  into data only: ``{"href": tip HTML}``, the tip settings and the links to skip.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.errors import ExtensionError

SCRIPT = "studyguide-tips.js"
STATIC = "_static/"  # how Sphinx names the files it serves
TIP_FOLDER = "tippy/"  # where sphinx-tippy writes each page's tip file, under _static/
VARIABLE = "studyguideTips"
UPSTREAM_TIPS = re.compile(r"\Aselector_to_html = (\{.*\})\nskip_classes = (\[.*\])\n")
EXACT_LINK = re.compile(r'\Aa\[href="([^"\\]*)"\]\Z')


def defer_tips(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Replace the page's tippy scripts with ``studyguide-tips.js``, which loads them on demand."""
    scripts = context.get("script_files")
    if not scripts:
        return
    libraries = [str(name) for name in getattr(app.config, "tippy_js", ())]
    names = [str(getattr(script, "filename", "") or "").removeprefix(STATIC) for script in scripts]
    tips = next((name for name in names if name.startswith(TIP_FOLDER)), None)
    if tips is None:
        return
    kept = [script for script, name in zip(scripts, names) if name not in libraries and not name.startswith(TIP_FOLDER)]
    model = type(scripts[0])
    kept.append(model(STATIC + SCRIPT, priority=500, defer="defer",
                      **{"data-tips": tips, "data-libraries": " ".join(libraries)}))
    scripts[:] = kept


def tip_data(upstream: str, props: dict[str, str], path: Path) -> str:
    """The tip file's script: one assignment of plain data, parsed only when a tip is first wanted."""
    match = UPSTREAM_TIPS.match(upstream)
    if match is None:
        raise ExtensionError(f"{path}: not the tip file sphinx-tippy 0.4.3 writes; check studyguide/book/hovertips.py")
    tips = {}
    for selector, html in json.loads(match.group(1)).items():
        link = EXACT_LINK.match(selector)
        if link is None:
            raise ExtensionError(f"{path}: tip selector {selector!r} is not a[href=\"...\"]; check studyguide/book/hovertips.py")
        tips[link.group(1)] = html
    settings = ", ".join(f"{key}: {value}" for key, value in props.items())  # JavaScript literals, as sphinx-tippy writes them
    data = json.dumps(tips, ensure_ascii=False, sort_keys=True)
    # JSON.parse of a string reads large data faster than a script's object literal.
    return (f"window.{VARIABLE} = {{skip: {match.group(2)}, props: {{{settings}}},\n"
            f"  tips: JSON.parse({json.dumps(data, ensure_ascii=False)})}};\n")


def rewrite_tip_files(app: Sphinx, exception: Exception | None) -> None:
    """Rewrite every tip file sphinx-tippy wrote in this build as data for ``studyguide-tips.js``."""
    if exception is not None or app.builder.format != "html":
        return
    import sphinx_tippy

    props = sphinx_tippy.get_tippy_config(app).props
    for data in sphinx_tippy.get_tippy_data(app)["pages"].values():
        path = Path(data["js_path"])
        if not path.is_file():
            continue
        upstream = path.read_text("utf-8")
        if not upstream or upstream.startswith(f"window.{VARIABLE} "):
            continue  # no tips on the page, or rewritten by an earlier build
        path.write_text(tip_data(upstream, props, path), "utf-8")


def setup(app: Sphinx) -> None:
    app.connect("html-page-context", defer_tips, priority=800)  # after sphinx-tippy adds its scripts (450)
    app.connect("build-finished", rewrite_tip_files, priority=600)  # after sphinx-tippy writes its files (500)
