"""Notebook outputs as a client without the book's stylesheet shows them (JupyterLab, Notebook 7, Colab).

Every HTML output of the executed notebooks (the build's own, ``_build/jupyter_execute``:
no second execution) is rendered alone in Chromium, with no stylesheet, every fold opened
and every explorer view shown.
What is visible is read from the layout (text with a box of more than a pixel, nothing
clipped away), not from the markup: each table title is seen once, no screen-reader
string is seen, and no MyST markup shows as text. The notebooks' own Markdown holds no
MyST-only syntax either (Jupyter shows it as typed).
"""

from __future__ import annotations

import json

import pytest

from studyguide.cli.notebook_setup import notebooks
from support import MYST, ROOT, SCREEN_READER_STRINGS, VISIBLE_TEXT, times_seen

pytestmark = pytest.mark.browser
PLAIN = {"by-hand.ipynb"}  # its cells print plain text only: no HTML, so nothing a stylesheet would have to hide

def html_outputs(executed):
    for path in sorted(executed.glob("*.ipynb")):
        for cell in json.loads(path.read_text("utf-8"))["cells"]:
            for output in cell.get("outputs", []):
                html = output.get("data", {}).get("text/html")
                if html:
                    yield path.name, "".join(html) if isinstance(html, list) else html


def visible(page, html: str) -> tuple[str, str, list[str]]:
    page.set_content(f"<!doctype html><html lang='en'><body>{html}</body></html>")
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true);"  # every fold open,
                  "document.querySelectorAll('[hidden]').forEach(e => e.hidden = false)")  # every explorer view shown
    captions = page.evaluate("[...document.querySelectorAll('caption')].map(c => c.textContent.trim())")
    return page.evaluate(VISIBLE_TEXT), page.evaluate("document.body.textContent"), captions


def test_no_book_only_text_is_visible_in_any_output_without_the_book_stylesheet(built_book, chromium):
    executed = built_book.parent / "jupyter_execute" / "notebooks"
    outputs = list(html_outputs(executed))
    assert {name for name, _ in outputs} == {p.name for p in notebooks(ROOT)} - PLAIN, "every other notebook has HTML"
    plain = [o for name in PLAIN for c in json.loads((executed / name).read_text("utf-8"))["cells"]
             for o in c.get("outputs", [])]
    assert plain and {o["output_type"] for o in plain} == {"stream"}, "the by-hand page printed something else"
    page = chromium.new_page(viewport={"width": 1280, "height": 900})
    problems, hidden_strings, titles = [], 0, 0
    for name, html in outputs:
        seen, everything, captions = visible(page, html)
        for caption in captions:
            titles += 1
            if times_seen(caption, seen) != 1:
                problems.append(f"{name}: table title seen {times_seen(caption, seen)} times: {caption[:80]}")
        for string in SCREEN_READER_STRINGS:
            hidden_strings += everything.count(string)
            if string in seen:
                problems.append(f"{name}: screen-reader text visible: {string}")
        if MYST.search(seen):
            problems.append(f"{name}: MyST markup shown as text: {MYST.search(seen).group(0)}")
    page.close()
    assert not problems, "\n".join(problems[:20])
    assert titles >= 40 and hidden_strings >= 20  # the check saw the tables and the screen-reader text it is about


def test_the_notebooks_markdown_has_no_myst_only_syntax():
    for path in notebooks(ROOT):
        for cell in json.loads(path.read_text("utf-8"))["cells"]:
            if cell["cell_type"] == "markdown":
                source = "".join(cell["source"])
                assert not MYST.search(source), f"{path.name}: Jupyter shows this as typed: {MYST.search(source).group(0)}"
