"""What the tests share: the project's paths, throw-away projects, one way to build and to read
a built page (BeautifulSoup), and a browser visit that records every request and console error.

The server and Chromium settings come from the package itself (:mod:`studyguide.cli.serve`,
:mod:`studyguide.cli.browser`), which the benchmarks use too.
"""

from __future__ import annotations

import json
import re
from functools import cached_property, lru_cache
from pathlib import Path
from urllib.parse import urlparse

from bs4 import BeautifulSoup

from studyguide import InputError
from studyguide.cli import sandbox
from studyguide.cli.browser import chromium_path
from studyguide.cli.sandbox import build  # noqa: F401  (the tests' one way to build)

ROOT = Path(__file__).resolve().parents[1]
SEED = "000_3d1b1157ff71cf0a"
TEXT_ID = "solidarity-oil-workers"
CHAPTER = f"chapters/texts/{TEXT_ID}.html"
CHROMIUM = chromium_path()

GOOD_SIDECAR = """\
id = "{id}"
title = "A Title"
author = "someone"
language = "en"
published_in = "a forum"
date = "2012-05"
source_urls = ["https://example.org/post"]
"""
BODY = "A Title\n\nFirst paragraph,\nwrapped.\n\n\nSecond paragraph.\n"
BODY_FOR_CLI = "A letter to the workers\n\nFirst paragraph.\n\nSecond <b>paragraph</b> & more.\n"


def sidecar(text_id: str = "a", extra: str = "") -> str:
    return GOOD_SIDECAR.format(id=text_id) + extra


def titled_sidecar(text_id: str, title: str, language: str = "en") -> str:
    """A good sidecar with its own title and language."""
    return GOOD_SIDECAR.format(id=text_id).replace('language = "en"', f'language = "{language}"').replace(
        'title = "A Title"', f'title = "{title}"')


# --- projects and builds (a build goes through studyguide.cli.sandbox, as the benchmarks' do) ---


def copy_project(target: Path) -> Path:
    """A copy of this project without its environment, build output or git data."""
    return sandbox.copy_project(ROOT, target)


def snapshot(folder: Path) -> dict[str, tuple[int, int, bytes]]:
    """Name -> (size, mtime in ns, bytes) of every file under ``folder``."""
    return {
        str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns, p.read_bytes())
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


# --- built pages -----------------------------------------------------------------------

BLOCK = {"p", "div", "li", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "td", "th", "section",
         "blockquote", "table", "caption", "ul", "ol", "dl", "nav", "header", "footer", "main", "figcaption"}
ASSET_TAGS = ("script", "img", "source", "audio", "video", "iframe")


class Page:
    """One built page, parsed with BeautifulSoup."""

    def __init__(self, source: str):
        self.source = source
        self.soup = BeautifulSoup(source, "html.parser")

    @property
    def ids(self) -> set[str]:
        return {tag["id"] for tag in self.soup.find_all(id=True)}

    @property
    def assets(self) -> list[str]:
        """Every script, image, media and stylesheet the page loads."""
        found = [tag["src"] for tag in self.soup.find_all(ASSET_TAGS, src=True)]
        found += [link["href"] for link in self.soup.find_all("link", href=True)
                  if not {"canonical", "alternate"} & set(link.get("rel") or [])]
        return found

    def text_of(self, tag) -> str:
        """The visible text of ``tag``: scripts and styles left out, blocks apart, whitespace collapsed."""
        copy = BeautifulSoup(str(tag), "html.parser")
        for hidden in copy.find_all(["script", "style"]):
            hidden.decompose()
        for block in copy.find_all(BLOCK):
            block.insert_before(" ")
            block.insert_after(" ")
        return " ".join(copy.get_text("").split())

    @cached_property
    def visible(self) -> str:
        return self.text_of(self.soup)

    def select(self, css: str) -> list:
        return self.soup.select(css)

    def one(self, css: str):
        found = self.soup.select_one(css)
        assert found is not None, f"no element matches {css!r}"
        return found


def page(html: Path, name: str) -> Page:
    """The built page ``name`` of the book in ``html``, parsed once per run (tests only read it)."""
    path = Path(html) / name
    stat = path.stat()
    return parsed(path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=128)
def parsed(path: Path, mtime_ns: int, size: int) -> Page:
    return Page(path.read_text("utf-8"))


WIDGET_STATE = "application/vnd.jupyter.widget-state"


def widget_views(soup) -> list[tuple[str, str]]:
    """``(id, HTML)`` of every explorer view of a page: the book's static views (``.sg-view``,
    studyguide.views.widgets) and any saved ipywidgets model whose value is HTML."""
    views = []
    for number, view in enumerate(soup.select(".studyguide-views > .sg-view")):
        views.append((f"view-{number}", view.decode_contents()))
    for script in soup.find_all("script", type=lambda kind: (kind or "").startswith(WIDGET_STATE)):
        for model_id, model in json.loads(script.get_text() or "{}")["state"].items():
            value = model.get("state", {}).get("value")
            if isinstance(value, str) and "<" in value:
                views.append((model_id, value))
    return views


# --- browser visits ----------------------------------------------------------------------


def is_local(url: str) -> bool:
    return urlparse(url).hostname == "127.0.0.1" or url.startswith(("data:", "blob:", "about:"))


def is_file(url: str) -> bool:
    return url.startswith(("file:", "data:", "blob:", "about:"))


def wait_for_widgets(page) -> None:
    """Wait until every saved widget view on the page has rendered: acting on a
    widget whose siblings are still being created can race the embed script."""
    page.wait_for_function(
        """() => [...document.querySelectorAll('script[type="application/vnd.jupyter.widget-view+json"]')]
              .every(s => s.parentElement.querySelector('.widget-subarea .jupyter-widgets'))"""
    )


def document(url: str) -> str:
    """A page's address without its fragment: ``#…`` moves within one document."""
    return url.split("#", 1)[0]


class Visit:
    """Opens pages in a fresh browser context, blocking and recording every request that leaves the book."""

    def __init__(self, browser, allowed=is_local, **context):
        self.context = browser.new_context(**context)
        self.blocked: list[str] = []
        self._failures: list[tuple[str, bool, str | None]] = []  # (what, cancelled?, the page that asked)
        self.errors: list[str] = []
        self._allowed = allowed
        self._documents: dict[int, str] = {}  # request -> the document that asked for it
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("request", lambda r: self._documents.setdefault(id(r), document(r.frame.url)))
        self.page.on("requestfailed", self._failed)
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _route(self, route):
        if self._allowed(route.request.url):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def _failed(self, request) -> None:
        # A request the browser cancelled because its page was left (a lazily loaded script still
        # on its way when the reader follows a link) failed nowhere the reader can see; any other did.
        # Which page is current is decided when the visit is judged: the navigation may not have
        # committed yet when the cancellation is reported.
        self._failures.append((f"{request.url} ({request.failure})", request.failure == "net::ERR_ABORTED",
                               self._documents.get(id(request))))

    @property
    def failed(self) -> list[str]:
        here = document(self.page.url)
        return [what for what, aborted, asked_by in self._failures if not (aborted and asked_by != here)]

    def open(self, url: str):
        self.page.goto(url, wait_until="networkidle")
        wait_for_widgets(self.page)
        return self.page

    def assert_clean(self, where: str) -> None:
        assert not self.blocked, f"{where}: third-party requests {self.blocked}"
        assert not self.failed, f"{where}: failed requests {self.failed}"
        assert not self.errors, f"{where}: console errors {self.errors}"

    def close(self) -> None:
        self.context.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


# --- bad input, shared by the loader's unit tests and the build's bad-input matrix -------


def load_error(load, path: Path, source: str) -> InputError:
    """Write ``source`` to ``path`` and load it with ``load``: the one-line :class:`InputError` it must raise."""
    path.write_text(source, "utf-8")
    try:
        load(path)
    except InputError as error:
        assert "\n" not in str(error)
        return error
    raise AssertionError(f"{path.name} loaded without an error")

BAD_TEXTS = {
    "empty": (b"", "a.txt: empty text"),
    "whitespace only": (b"  \n\t\n  ", "a.txt: empty text"),
    "cp1252": ("A Title\n\nIt\u2019s bad.\n".encode("cp1252"), "a.txt:3: not valid UTF-8 (byte 0x92"),
    "latin-1": ("A Title\n\nCaf\u00e9.\n".encode("latin-1"), "a.txt:3: not valid UTF-8 (byte 0xe9"),
    "utf-16": ("A Title\n\nHello.\n".encode("utf-16"), "a.txt: UTF-16 encoded"),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a.txt:3: binary file"),
    "control character": (b"A Title\n\nBell \x07 here.\n", "a.txt:3: control character U+0007"),
    "only a title": (b"A Title\n", "a.txt: no body paragraphs"),
    "punctuation only": ("A Title\n\n... !!! ---\n\n« — »\n".encode(), "a.txt:3: no words to count"),
}

BAD_SIDECARS = {
    "missing": (None, "a.meta.toml: missing sidecar"),
    "malformed": ('id = "a"\ntitle = \n', "a.meta.toml:2: malformed TOML"),
    "unknown field": (sidecar(extra='colour = "red"\n'), "a.meta.toml:8: unknown field 'colour'"),
    "misspelt field": (sidecar(extra='auther = "x"\n'), "unknown field 'auther' (did you mean 'author'?)"),
    "wrong type": (sidecar().replace('date = "2012-05"', "date = 2012"), "a.meta.toml:6: field 'date' must be a string, not an integer"),
    "missing required": (sidecar().replace('author = "someone"\n', ""), "missing required field 'author'"),
    "bad id": (sidecar("Not An Id"), "a.meta.toml:1: id 'Not An Id' must be lowercase letters"),
    "bad language": (sidecar().replace('"en"', '"english!"'), "a.meta.toml:4: language 'english!' must be a language tag"),
    "bad date": (sidecar().replace('"2012-05"', '"May 2012"'), "a.meta.toml:6: date 'May 2012' is not YYYY"),
    "bad range": (sidecar().replace('"2012-05"', '"2012-05/2011"'), "a.meta.toml:6: date '2012-05/2011' ends before it starts"),
    "open range both ways": (sidecar().replace('"2012-05"', '"../.."'), "a.meta.toml:6: date '../..' has no known end"),
    "bad url": (sidecar().replace("https://example.org/post", "javascript:alert(1)"), "must be an http(s) URL"),
    "wrong item type": (sidecar(extra="quotations = ['7']\n"), "every item of 'quotations' must be an integer"),
    "quotation out of range": (sidecar(extra="quotations = [9]\n"), "quotations names paragraph 9, but the text has 2"),
    "note field unknown": (
        sidecar(extra='[[notes]]\nparagraph = 1\noriginal = "First"\nnote = "n"\nfix = "x"\n'),
        "a.meta.toml:12: notes entry 1: unknown field 'fix'",
    ),
    "note lacks field": (sidecar(extra='[[notes]]\nparagraph = 1\nnote = "n"\n'),
                         "a.meta.toml:8: notes entry 1: missing required field 'original'"),
    "note not in paragraph": (
        sidecar(extra='[[notes]]\nparagraph = 2\noriginal = "First"\nnote = "n"\n'),
        "note 1: 'First' does not occur in paragraph 2",
    ),
    "note ambiguous": (
        sidecar(extra='[[notes]]\nparagraph = 1\noriginal = "ap"\nnote = "n"\n'),
        "occurs 2 times (quote more context)",
    ),
    "responds_to unknown key": (sidecar(extra='[responds_to]\ntitel = "x"\n'),
                                "a.meta.toml:9: responds_to: unknown field 'titel' (did you mean 'title'?)"),
    "responds_to bad date": (sidecar(extra='[responds_to]\ndate = "spring 2012"\n'), "a.meta.toml:9: responds_to: date 'spring 2012'"),
    "not utf-8": (sidecar().encode("utf-8") + b'author_note = "caf\xe9"\n', "a.meta.toml:8: not valid UTF-8"),
    "events is a string": (sidecar(extra='events = "zhanaozen-shooting"\n'), "a.meta.toml:8: field 'events' must be an array, not a string"),
    "too long": (sidecar(extra='author_note = "' + "x" * 150_000 + '"\n'), "a.meta.toml: 150 KB is too long for a sidecar (limit 100 KB)"),
    "event id not an id": (sidecar(extra='events = ["The Shooting"]\n'), "a.meta.toml:8: events 'The Shooting' must be lowercase letters"),
}


# Notebook outputs in a client without the book's stylesheet (tests/browser/test_live_outputs.py,
# test_jupyterlab.py): strings only screen readers may hear, MyST markup, and the text a reader sees.
SCREEN_READER_STRINGS = ("(counted)", "(negated, not counted)", "(as written; counted as")
MYST = re.compile(r"\{[a-z][\w-]*\}`|```\{|^:::", re.M)  # a role, a directive, a colon fence

# Text a reader sees: text nodes with a rendered box, no ancestor clipping them to nothing.
def times_seen(title: str, seen: str) -> int:
    """How often ``title`` stands in ``seen`` (VISIBLE_TEXT), spaces aside: the visible text joins the
    text of each element with a space, so a title with an inline element (<bdi>) reads "“ word ” in…"."""
    return re.sub(r"\s+", "", seen).count(re.sub(r"\s+", "", title))


VISIBLE_TEXT = """(root) => {
  const clipped = el => { for (; el; el = el.parentElement) { const s = getComputedStyle(el);
      if (s.clip === 'rect(0px, 0px, 0px, 0px)' || s.display === 'none' || s.visibility === 'hidden') return true; }
    return false; };
  const walker = document.createTreeWalker(root || document.body, NodeFilter.SHOW_TEXT);
  const seen = [];
  for (let node; (node = walker.nextNode());) {
    if (!node.textContent.trim()) continue;
    const range = document.createRange(); range.selectNodeContents(node);
    const box = range.getBoundingClientRect();
    if (box.width > 1 && box.height > 1 && !clipped(node.parentElement)) seen.push(node.textContent);
  }
  return seen.join(' ');
}"""
