"""The built book: the text chapter, provenance, notes, notebook output, and no third-party assets."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from support import BODY_FOR_CLI, ROOT, build, copy_project, snapshot

from studyguide import load_corpus

pytestmark = pytest.mark.build
CHAPTER = "chapters/texts/solidarity-oil-workers.html"


BLOCK = {"p", "div", "li", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "td", "th",
         "section", "blockquote", "table", "caption", "ul", "ol", "dl", "nav", "header", "footer", "main"}


class Page(HTMLParser):
    """Collects element ids, asset URLs and the visible text of one page."""

    def __init__(self, source: str):
        super().__init__()
        self.ids: set[str] = set()
        self.assets: list[str] = []
        self.text: list[str] = []
        self._skip = 0
        self.feed(source)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag in ("script", "img", "source", "audio", "video", "iframe") and attrs.get("src"):
            self.assets.append(attrs["src"])
        if tag == "link" and attrs.get("href") and not {"canonical", "alternate"} & set((attrs.get("rel") or "").split()):
            self.assets.append(attrs["href"])
        if tag in ("script", "style"):
            self._skip += 1
        if tag in BLOCK:
            self.text.append(" ")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1
        if tag in BLOCK:
            self.text.append(" ")

    def handle_data(self, data):
        if not self._skip:
            self.text.append(data)

    @property
    def visible(self) -> str:
        return " ".join("".join(self.text).split())


def page(html: Path, name: str) -> Page:
    return Page((html / name).read_text("utf-8"))


def test_build_log_has_no_warnings(built_book):
    log = (built_book.parent / "build.log").read_text()
    assert "build succeeded" in log
    assert not re.search(r"WARNING|ERROR|Traceback", log), re.findall(r".*(?:WARNING|ERROR).*", log)[:5]


def test_landing_page_says_what_the_guide_is(built_book):
    landing = page(built_book, "index.html").visible
    assert "study guide" in landing
    assert "Who it is for" in landing
    assert "How to use it" in landing


def test_text_chapter_shows_every_paragraph_numbered_and_linkable(built_book):
    chapter = page(built_book, CHAPTER)
    text = load_corpus(ROOT)["solidarity-oil-workers"]
    assert text.title in chapter.visible
    for paragraph in text.paragraphs:
        assert f"p{paragraph.number}" in chapter.ids
        # the paragraph's words appear whole, with only note markers added
        marked = paragraph.text
        for note in text.notes_in(paragraph.number):
            marked = marked.replace(note.original, f"{note.original}[note {note.number}]", 1)
        assert " ".join(marked.split()) in chapter.visible
    source = (built_book / CHAPTER).read_text()
    numbers = re.findall(r'<a class="paragraph-number reference internal" href="#p(\d)"', source)
    assert numbers == [str(n) for n in range(1, 9)]
    assert re.search(r'<blockquote class="seed-quotation">.*?As always when it comes', source, re.S)


def test_text_chapter_shows_provenance_and_editorial_notes(built_book):
    chapter = page(built_book, CHAPTER)
    visible = chapter.visible
    assert "Author: fred." in visible
    assert "Responds to: “Solidarity with the oil workers" in visible
    assert "International Communist Current" in visible
    assert "exact date not known" in visible
    assert "en.internationalism.org/icconline/201205/4882" in (built_book / CHAPTER).read_text()
    assert "Editorial notes" in visible
    for number in range(1, 7):
        assert f"note-{number}" in chapter.ids
    for slip in ("tbe", "forceably", "it's condition", "you are also hide", "in such a warned."):
        assert f"“{slip}”" in visible
    assert "they are not corrected in the text" in visible


def test_overview_notebook_was_executed_with_figures_from_the_package(built_book):
    overview = page(built_book, "notebooks/overview.html")
    assert "Size of each text" in overview.visible
    assert "765" in overview.visible  # words in the seed, computed at build time
    source = (built_book / "notebooks/overview.html").read_text()
    assert "application/vnd.jupyter.widget-state+json" in source


def test_no_page_loads_third_party_assets(built_book):
    pages = sorted(built_book.rglob("*.html"))
    assert len(pages) >= 4
    for html in pages:
        for url in Page(html.read_text("utf-8")).assets:
            assert not re.match(r"^(https?:)?//", url), f"{html.relative_to(built_book)} loads {url}"
    for css in built_book.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", css.read_text("utf-8", "replace")):
            assert not re.match(r"^(https?:)?//", url), f"{css.relative_to(built_book)} loads {url}"


def test_self_hosted_widget_scripts_are_present(built_book):
    source = (built_book / "notebooks/overview.html").read_text()
    for script in ("_static/requirejs/require.js", "_static/studyguide-widgets.js", "_static/jupyter-widgets/embed-amd.js"):
        assert f'src="../{script}' in source
        assert (built_book / script).is_file()


def test_html_in_a_seed_is_escaped_and_a_new_text_becomes_a_chapter(tmp_path):
    root = copy_project(tmp_path / "book")
    (root / "seeds" / "010_letter.txt").write_text(BODY_FOR_CLI.replace("First paragraph.", "First <script>alert('x')</script> paragraph."))
    from studyguide.cli.scaffold import scaffold

    scaffold(root / "seeds" / "010_letter.txt", root)
    seeds_before = snapshot(root / "seeds")
    result = build(root, tmp_path / "out")
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    assert snapshot(root / "seeds") == seeds_before
    html = tmp_path / "out" / "_build" / "html"
    chapter = html / "chapters/texts/a-letter-to-the-workers.html"
    source = chapter.read_text()
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in source or "&lt;script&gt;alert('x')&lt;/script&gt;" in source
    assert "<script>alert" not in source
    assert {"p1", "p2"} <= Page(source).ids
    assert "a-letter-to-the-workers.html" in (html / "index.html").read_text()
