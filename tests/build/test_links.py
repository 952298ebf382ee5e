"""Links: no broken internal link or anchor in the built book; external links checked
where the network exists.

- Internal: every href and src of every built page (and of the HTML inside its saved
  widget views) resolves to a file of the book, and every #fragment to an id in it.
- External: ``jupyter-book build . --builder linkcheck`` with the ``linkcheck_*``
  settings in _config.yml. It runs weekly in .github/workflows/links.yml; here it runs
  when the network is reachable and is skipped, saying so, when it is not.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from studyguide.cli.serve import pages
from support import ROOT, copy_project, widget_views

NOT_FILES = ("mailto:", "tel:", "data:", "blob:", "about:")


class Links:
    """The ids of a page and the URLs it links to or loads, widget views included."""

    def __init__(self, source: str, where: str = ""):
        soup = BeautifulSoup(source, "html.parser")
        self.ids: set[str] = {tag["id"] for tag in soup.find_all(id=True) if tag["id"]}
        self.ids |= {tag["name"] for tag in soup.find_all(["a", "map"], attrs={"name": True}) if tag["name"]}
        self.urls: list[tuple[str, str]] = []  # (tag, url)
        for tag in soup.find_all(True):
            if tag.name == "link" and {"canonical", "alternate"} & set(tag.get("rel") or []):
                continue
            self.urls += [(tag.name + where, tag[key]) for key in ("href", "src") if tag.has_attr(key)]
        for _, view in widget_views(soup):
            inner = Links(view, " in a widget view")
            self.ids |= inner.ids
            self.urls += inner.urls


@cache
def parse(path: Path) -> Links:
    return Links(path.read_text("utf-8"))


def broken_links(html: Path) -> tuple[list[str], int]:
    problems: list[str] = []
    checked = 0
    for name in pages(html):
        page = html / name
        for tag, url in parse(page).urls:
            parts = urlsplit(url)
            if parts.scheme or parts.netloc or url.startswith(NOT_FILES):
                if parts.scheme == "javascript":
                    problems.append(f"{name}: <{tag}> links to {url!r}")
                continue
            checked += 1
            target = page if not parts.path else (page.parent / unquote(parts.path)).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file() or html.resolve() not in (target.resolve(), *target.resolve().parents):
                problems.append(f"{name}: <{tag}> {url!r} -> no such file in the book")
                continue
            fragment = unquote(parts.fragment)
            if fragment and target.suffix == ".html" and fragment not in parse(target).ids:
                problems.append(f"{name}: <{tag}> {url!r} -> no id {fragment!r} in {target.relative_to(html.resolve())}")
    return problems, checked


def test_no_internal_link_or_anchor_is_broken(built_book):
    problems, checked = broken_links(built_book)
    print(f"internal links: {checked} checked, {len(problems)} broken")
    assert checked > 100
    assert not problems, "\n".join(problems)


def test_the_check_finds_a_broken_file_and_a_broken_anchor(tmp_path):
    (tmp_path / "index.html").write_text('<a href="other.html#missing">x</a><a href="gone.html">y</a>'
                                         '<a href="#here" id="here">z</a><a href="https://example.org/">e</a>')
    (tmp_path / "other.html").write_text('<p id="present">p</p>')
    problems, checked = broken_links(tmp_path)
    assert checked == 3
    assert [p.split(" -> ")[1] for p in problems] == ["no id 'missing' in other.html", "no such file in the book"]


def test_the_check_looks_inside_saved_widget_views(tmp_path):
    state = json.dumps({"state": {"m": {"state": {"value": '<a href="gone.html">g</a><p id="inside">i</p>'}}}})
    (tmp_path / "index.html").write_text(f'<a href="#inside">i</a><script type="application/vnd.jupyter.widget-state+json">{state}</script>')
    problems, checked = broken_links(tmp_path)
    assert checked == 2
    assert problems == ["index.html: <a in a widget view> 'gone.html' -> no such file in the book"]


def network_reachable(host: str = "github.com", port: int = 443) -> bool:
    try:
        with socket.create_connection((host, port), timeout=5):
            return True
    except OSError:
        return False


def test_linkcheck_is_configured_for_the_scheduled_workflow():
    workflow = (ROOT / ".github" / "workflows" / "links.yml").read_text()
    assert "schedule:" in workflow and "--builder linkcheck" in workflow
    config = (ROOT / "_config.yml").read_text()
    for setting in ("linkcheck_timeout", "linkcheck_retries", "linkcheck_ignore"):
        assert setting in config, f"_config.yml lacks {setting}"


@pytest.mark.build
@pytest.mark.skipif(not network_reachable(), reason="no network (github.com:443 unreachable): external links are checked by the weekly links workflow")
def test_external_links_resolve(tmp_path):
    root = copy_project(tmp_path / "book")
    result = subprocess.run([str(Path(sys.executable).with_name("jupyter-book")), "build", str(root), "--builder", "linkcheck",
                             "--path-output", str(tmp_path / "out")], capture_output=True, text=True, timeout=1800)
    output = (tmp_path / "out" / "_build" / "linkcheck" / "output.txt")
    report = output.read_text() if output.exists() else result.stdout[-3000:]
    assert result.returncode == 0, report
