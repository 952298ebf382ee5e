"""What a page loads and when (issue 18), on hand-made inputs: hover previews on demand, charts as
files, Bootstrap at the first move."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from types import SimpleNamespace

import pytest
from sphinx.builders.html._assets import _JavaScript
from sphinx.errors import ExtensionError

from studyguide.book.hovertips import defer_tips, tip_data
from studyguide.book.speed import bootstrap_on_demand, figures_as_files

LIBRARIES = ["tippyjs/popper.min.js", "tippyjs/tippy-bundle.umd.min.js"]
PROPS = {"placement": "'auto-start'", "maxWidth": "500", "interactive": "false"}


def upstream_tips(tips: dict[str, str]) -> str:
    """A tip file as sphinx-tippy 0.4.3 writes it (its first two lines, then its window.onload loop)."""
    return (f"selector_to_html = {json.dumps(tips)}\nskip_classes = [\"headerlink\", \"sd-stretched-link\"]\n\n"
            "window.onload = function () {\n    for (const [select, tip_html] of Object.entries(selector_to_html)) {}\n};\n")


def test_the_page_loads_one_small_script_that_names_the_tip_files_instead_of_tippy():
    scripts = [_JavaScript("_static/doctools.js", defer="defer"), *[_JavaScript(f"_static/{name}") for name in LIBRARIES],
               _JavaScript("_static/tippy/chapters/x.1234.js")]
    context = {"script_files": scripts}
    defer_tips(SimpleNamespace(config=SimpleNamespace(tippy_js=LIBRARIES)), "chapters/x", "page.html", context, None)
    assert [script.filename for script in scripts] == ["_static/doctools.js", "_static/studyguide-tips.js"]
    assert scripts[1].attributes == {"defer": "defer", "data-tips": "tippy/chapters/x.1234.js",
                                     "data-libraries": " ".join(LIBRARIES)}


def test_a_page_without_tips_keeps_its_scripts():
    scripts = [_JavaScript("_static/doctools.js")]
    defer_tips(SimpleNamespace(config=SimpleNamespace(tippy_js=LIBRARIES)), "search", "page.html", {"script_files": scripts}, None)
    assert [script.filename for script in scripts] == ["_static/doctools.js"]


def test_a_tip_file_becomes_data_keyed_by_link_with_no_code_run_at_load(tmp_path: Path):
    tips = {'a[href="glossary.html#term-x"]': "<dt>x</dt><dd>“quoted” and \"double\"</dd>", 'a[href="#p7"]': "<p>seven</p>"}
    script = tip_data(upstream_tips(tips), PROPS, tmp_path / "x.js")
    assert script.startswith("window.studyguideTips = {skip: [\"headerlink\", \"sd-stretched-link\"], "
                             "props: {placement: 'auto-start', maxWidth: 500, interactive: false},")
    assert "window.onload" not in script and "tippy(" not in script
    encoded = script.split("JSON.parse(", 1)[1].rsplit(")}", 1)[0]
    assert json.loads(json.loads(encoded)) == {"glossary.html#term-x": tips['a[href="glossary.html#term-x"]'],
                                               "#p7": "<p>seven</p>"}


@pytest.mark.parametrize("upstream, message", [
    ("tips = {}\n", "not the tip file sphinx-tippy 0.4.3 writes"),
    (upstream_tips({'a[href^="https://en.wikipedia.org/wiki/X#"]': "<p>x</p>"}), "is not a[href=\"...\"]"),
])
def test_a_tip_file_in_another_form_stops_the_build_naming_it(tmp_path: Path, upstream: str, message: str):
    with pytest.raises(ExtensionError, match="x.js: .*" + message.replace("[", r"\[").replace("^", r"\^")):
        tip_data(upstream, PROPS, tmp_path / "x.js")


SVG = b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="300pt" height="150pt" viewBox="0 0 300 150"/>'


def test_a_chart_carried_as_base64_becomes_a_file_named_by_its_content(tmp_path: Path):
    data = base64.b64encode(SVG).decode()
    body = f'<figure><img src="data:image/svg+xml;base64,{data}" alt="A chart" width="400" style="max-width:100%"></figure>'
    context = {"body": body, "pathto": lambda name, resource: f"../{name}"}
    figures_as_files(SimpleNamespace(outdir=str(tmp_path)), context)
    [written] = (tmp_path / "_images").iterdir()
    assert written.read_bytes() == SVG and written.name.startswith("sg-") and written.suffix == ".svg"
    assert context["body"] == (f'<figure><img src="../_images/{written.name}" alt="A chart" width="400" '
                               'style="max-width:100%" height="200"></figure>')
    again = {"body": body, "pathto": context["pathto"]}
    figures_as_files(SimpleNamespace(outdir=str(tmp_path)), again)
    assert again["body"] == context["body"] and len(list((tmp_path / "_images").iterdir())) == 1


def test_bootstrap_is_neither_preloaded_nor_run_but_named_for_the_menus_script():
    head = ('<link rel="preload" as="script" href="../_static/scripts/bootstrap.js?digest=abc" />\n'
            '<link rel="preload" as="script" href="../_static/scripts/pydata-sphinx-theme.js?digest=abc" />')
    end = ('<script defer src="../_static/scripts/bootstrap.js?digest=abc"></script>\n'
           '<script defer src="../_static/scripts/pydata-sphinx-theme.js?digest=abc"></script>')
    assert bootstrap_on_demand(head, "0123456789").strip() == head.split("\n", 1)[1]
    assert bootstrap_on_demand(end, "0123456789") == (
        '<script defer src="../_static/studyguide-menus.js?v=01234567" data-bootstrap="scripts/bootstrap.js?digest=abc">'
        '</script>\n<script defer src="../_static/scripts/pydata-sphinx-theme.js?digest=abc"></script>')
