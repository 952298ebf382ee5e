"""The bad-input matrix: every kind of bad seed or sidecar, through the loader AND the
build command (``python -m studyguide build``).

Each case ends one of two ways, and no seed file is ever modified:

- it stops: exit status 2 and one line on stderr naming the file (and line), no
  traceback, before Jupyter Book starts;
- it renders safely: the book builds, every page shows the input as text (escaped,
  complete), and in Chromium no injected script runs, not even from the search page.

``test_loader.py`` holds the loader-level cases with their exact messages; this module
adds the cases it lacks (at loader level and through the build) and runs all of them
through the build command.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from urllib.parse import quote

import pytest
from support import GOOD_SIDECAR, build, built_pages, copy_project, serve, snapshot
from test_loader import BAD_SIDECARS, BAD_TEXTS, BODY, sidecar

from studyguide import InputError, load_corpus
from studyguide.cli.scaffold import chapter_path, chapter_source
from studyguide.texts.text import MAX_BYTES


def five_megabytes() -> bytes:
    paragraph = ("The strikers stayed in the square for months. " * 20).strip() + "\n\n"
    count = 5_000_000 // len(paragraph) + 1
    return ("A Title\n\n" + paragraph * count).encode()


def replace(old: str, new: str, extra: str = "") -> str:
    source = sidecar(extra=extra)
    assert old in source
    return source.replace(old, new)


# Cases test_loader.py does not have: (files besides the default pair, expected message).
# Texts get the good sidecar; sidecars get the good text BODY.
NEW_TEXTS = {
    "utf-16 big-endian with BOM": (b"\xfe\xff" + "A Title\n\nHello.\n".encode("utf-16-be"), "a.txt: UTF-16 encoded (big-endian byte order mark)"),
    "utf-16 little-endian without BOM": ("A Title\n\nHello.\n".encode("utf-16-le"), "a.txt: looks like UTF-16 (little-endian, no byte order mark)"),
    "utf-16 big-endian without BOM": ("A Title\n\nHello.\n".encode("utf-16-be"), "a.txt: looks like UTF-16 (big-endian, no byte order mark)"),
    "utf-16 cyrillic without BOM": ("Жаңаөзен\n\nМұнайшылар ереуілі.\n".encode("utf-16-le"), "a.txt: looks like UTF-16 (little-endian"),
    "binary with NULs on both sides": (bytes(range(256)) * 4, "a.txt:1: binary file (NUL byte)"),
    "a 5 MB text": (five_megabytes(), f"a.txt: 5.0 MB is too long for one text (limit {MAX_BYTES / 1e6:g} MB"),
}
NEW_SIDECARS = {
    "empty sidecar": (b"", "a.meta.toml: missing required field 'id'"),
    "whitespace-only sidecar": (b"  \n\t\n  \n", "a.meta.toml: missing required field 'id'"),
    "binary sidecar": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a.meta.toml:3: binary file (NUL byte)"),
    "utf-16 sidecar with BOM": (sidecar().encode("utf-16"), "a.meta.toml: UTF-16 encoded (little-endian byte order mark)"),
    "utf-16 sidecar without BOM": (sidecar().encode("utf-16-le"), "a.meta.toml: looks like UTF-16 (little-endian, no byte order mark)"),
    "cp1252 sidecar": (sidecar(extra='author_note = "It\u2019s fred"\n').encode("cp1252"), "a.meta.toml:9: not valid UTF-8 (byte 0x92)"),
    "duplicate key": (sidecar(extra='id = "b"\n'), "a.meta.toml:9: malformed TOML: Cannot overwrite a value"),
    "title is a number": (replace('title = "A Title"', "title = 5"), "a.meta.toml:2: field 'title' must be a string, not an integer"),
    "title is blank": (replace('title = "A Title"', 'title = "   "'), "a.meta.toml:2: field 'title' is empty"),
    "source_urls is a string": (replace('source_urls = ["https://example.org/post"]', 'source_urls = "https://example.org/post"'), "a.meta.toml:8: field 'source_urls' must be an array, not a string"),
    "date_precision is a boolean": (replace('date_precision = "month"', "date_precision = true"), "a.meta.toml:7: field 'date_precision' must be a string, not true or false"),
    "responds_to is a string": (sidecar(extra='responds_to = "the ICC article"\n'), "a.meta.toml:9: field 'responds_to' must be a table, not a string"),
    "notes are strings": (sidecar(extra='notes = ["tbe"]\n'), "a.meta.toml:9: every item of 'notes' must be a table, found a string"),
    "quotations hold a boolean": (sidecar(extra="quotations = [true]\n"), "every item of 'quotations' must be an integer, found true or false"),
    "note paragraph is a string": (sidecar(extra='[[notes]]\nparagraph = "1"\noriginal = "First"\nnote = "n"\n'), "a.meta.toml:10: notes entry 1: 'paragraph' must be an integer"),
    "unknown table": (sidecar(extra="[extra]\nkey = 1\n"), "a.meta.toml: unknown field 'extra'"),
    "script in the id": (sidecar("<script>alert(1)</script>"), "a.meta.toml:1: id '<script>alert(1)</script>' must be lowercase"),
    "javascript: source URL": (replace("https://example.org/post", "javascript:alert(1)"), "a.meta.toml:8: 'javascript:alert(1)' is not an http(s) URL"),
    "data: URL in responds_to": (sidecar(extra='[responds_to]\nurl = "data:text/html,<script>alert(1)</script>"\n'), "is not an http(s) URL"),
    "markup in the language tag": (replace('language = "en"', 'language = "en\\" onmouseover=\\"x"'), "a.meta.toml:4: language 'en\" onmouseover=\"x' is not a language tag"),
}


def cases() -> dict[str, tuple[dict[str, bytes | str], str]]:
    """Every stopping case: id -> (files in seeds/, expected message)."""
    matrix: dict[str, tuple[dict[str, bytes | str], str]] = {}
    for name, (content, message) in {**BAD_TEXTS, **NEW_TEXTS}.items():
        matrix[f"text: {name}"] = ({"a.txt": content, "a.meta.toml": sidecar()}, message)
    for name, (content, message) in {**BAD_SIDECARS, **NEW_SIDECARS}.items():
        files: dict[str, bytes | str] = {"a.txt": BODY}
        if content is not None:
            files["a.meta.toml"] = content
        matrix[f"sidecar: {name}"] = (files, message)
    matrix["seed without a sidecar"] = ({"a.txt": BODY, "b.txt": BODY, "b.meta.toml": sidecar("b")}, "a.meta.toml: missing sidecar")
    matrix["duplicate ids"] = (
        {"a.txt": BODY, "a.meta.toml": sidecar("same"), "b.txt": BODY, "b.meta.toml": sidecar("same")},
        "b.meta.toml: duplicate id 'same' (also used by a.meta.toml)",
    )
    matrix["sidecar without a seed"] = ({"a.txt": BODY, "a.meta.toml": sidecar(), "z.meta.toml": sidecar("z")}, "z.meta.toml: sidecar without a text")
    return matrix


CASES = cases()
NEW_CASES = {name: case for name, case in CASES.items() if name.split(": ", 1)[-1] in {**NEW_TEXTS, **NEW_SIDECARS}}


@pytest.mark.parametrize("files, message", NEW_CASES.values(), ids=NEW_CASES.keys())
def test_loader_stops_with_one_line_naming_the_file(project, files, message):
    root = project(files)
    before = snapshot(root / "seeds")
    with pytest.raises(InputError) as caught:
        load_corpus(root)
    assert "\n" not in str(caught.value)
    assert message in str(caught.value)
    assert snapshot(root / "seeds") == before


@pytest.mark.parametrize("files, message", CASES.values(), ids=CASES.keys())
def test_build_command_stops_with_one_line_naming_the_file(project, files, message):
    root = project(files)
    before = snapshot(root / "seeds")
    result = subprocess.run([sys.executable, "-m", "studyguide", "build"], cwd=root, capture_output=True, text=True,
                            env={**os.environ, "STUDYGUIDE_ROOT": str(root)}, timeout=120)
    assert result.returncode == 2, result.stdout[-2000:] + result.stderr[-2000:]
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith("error: seeds/"), result.stderr
    assert message in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""  # stopped before Jupyter Book started
    assert snapshot(root / "seeds") == before, "a seed file was modified"


# --- Inputs that must render safely: one build of a copy of the project holds them all ---

MARK = "__xss"  # every payload sets window.__xss if it ever runs
TEXT_PAYLOADS = (
    f"<script>window.{MARK}=1</script>",
    f'<img src=x onerror="window.{MARK}=2">',
    f'<a href="javascript:window.{MARK}=3">click</a>',
    f"</script><script>window.{MARK}=4</script>",
    f"```{{raw}} html\n<script>window.{MARK}=5</script>\n```",
    "{{ config }} {% raw %} $E = mc^2$ :::{note} not a directive ::: [link](javascript:alert(1))",
)
FIELD_PAYLOAD = f'<img src=x onerror="window.{MARK}=6"><script>window.{MARK}=7</script>'
INJECTED_TITLE = f'Injected <img src=x onerror="window.{MARK}=8"> title'
LONG_PARAGRAPH = " ".join(f"word{n % 997}" for n in range(7_000))[:50_000]
CYRILLIC = "Жаңаөзен мұнайшыларының ереуілі, 2011 жыл."


def toml(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a valid TOML basic string


def injection_sidecar() -> str:
    return f"""id = "injection"
title = {toml(INJECTED_TITLE)}
author = {toml(FIELD_PAYLOAD)}
author_note = {toml(FIELD_PAYLOAD)}
language = "en"
published_in = {toml(FIELD_PAYLOAD)}
date = "2012"
date_precision = "year"
date_note = {toml(FIELD_PAYLOAD)}
source_urls = ["https://example.org/\\"><script>window.{MARK}=10</script>"]
quotations = [2]
quotation_note = {toml(FIELD_PAYLOAD)}

[responds_to]
title = {toml(FIELD_PAYLOAD)}
author = {toml(FIELD_PAYLOAD)}
date = {toml(FIELD_PAYLOAD)}
url = "https://example.org/x'onclick='window.{MARK}=11'"
note = {toml(FIELD_PAYLOAD)}

[[notes]]
paragraph = 1
original = {toml(TEXT_PAYLOADS[0])}
reading = {toml(FIELD_PAYLOAD)}
note = {toml(FIELD_PAYLOAD)}
"""


def safe_inputs() -> dict[str, tuple[bytes, bytes, list[str]]]:
    """Seed name -> (text bytes, sidecar bytes, paragraphs the chapter must show whole)."""
    plain = GOOD_SIDECAR.format(id="{id}").replace('title = "A Title"', "title = {title}")
    crlf_text = "A Title\r\n\r\nFirst line,\r\nwrapped.\r\n\r\n" + CYRILLIC + "\r\n"
    injection = "\n\n".join((INJECTED_TITLE, *TEXT_PAYLOADS))
    return {
        "900_bom-crlf": (
            b"\xef\xbb\xbf" + crlf_text.encode(),
            b"\xef\xbb\xbf" + plain.format(id="bom-crlf", title='"A Title"').replace("\n", "\r\n").encode(),
            ["First line, wrapped.", CYRILLIC],
        ),
        "901_old-mac": (b"A Title\r\rOnly carriage returns.\rStill the same paragraph.\r", plain.format(id="old-mac", title='"A Title"').encode(),
                        ["Only carriage returns. Still the same paragraph."]),
        "902_injection": (injection.encode(), injection_sidecar().encode(), [" ".join(p.split()) for p in TEXT_PAYLOADS]),
        "903_long-paragraph": (f"A Title\n\n{LONG_PARAGRAPH}\n".encode(), plain.format(id="long-paragraph", title='"A Title"').encode(), [LONG_PARAGRAPH]),
    }


class Markup(HTMLParser):
    """Finds markup that could run a payload: scripts, event handlers, javascript: URLs."""

    EXECUTABLE = {"", "text/javascript", "module", "application/javascript"}

    def __init__(self, where: str):
        super().__init__(convert_charrefs=True)
        self.where = where
        self.problems: list[str] = []
        self.text: list[str] = []
        self._script: dict | None = None

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.startswith("on") and MARK in (value or ""):
                self.problems.append(f"{self.where}: <{tag} {name}=...> carries a payload")
            if name in ("href", "src", "action", "formaction") and (value or "").strip().lower().startswith("javascript:"):
                self.problems.append(f"{self.where}: <{tag} {name}={value!r}>")
        if tag == "script":
            self._script = {"type": (dict(attrs).get("type") or "").lower(), "body": []}

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.check_script(self._script["type"], "".join(self._script["body"]))
            self._script = None

    def handle_data(self, data):
        if self._script is not None:
            self._script["body"].append(data)
        else:
            self.text.append(data)

    def check_script(self, kind: str, body: str) -> None:
        if kind in self.EXECUTABLE:
            if MARK in body:
                self.problems.append(f"{self.where}: a script runs a payload: {body[:120]!r}")
        elif kind.startswith("application/vnd.jupyter.widget-state"):
            state = json.loads(body)  # a payload that broke out of the JSON would fail here
            for model_id, model in state["state"].items():
                value = model.get("state", {}).get("value")
                if isinstance(value, str) and "<" in value:
                    inner = Markup(f"{self.where} widget {model_id}")
                    inner.feed(value)
                    self.problems.extend(inner.problems)
        elif kind.startswith("application/") and "json" in kind:
            json.loads(body)

    @property
    def visible(self) -> str:
        return " ".join("".join(self.text).split())


@pytest.fixture(scope="module")
def safe_book(tmp_path_factory):
    """A copy of the project with every render-safe bad input added, built once."""
    base = tmp_path_factory.mktemp("safe-inputs")
    root = copy_project(base / "book")
    for stem, (text, meta, _) in safe_inputs().items():
        (root / "seeds" / f"{stem}.txt").write_bytes(text)
        (root / "seeds" / f"{stem}.meta.toml").write_bytes(meta)
    for text in load_corpus(root):
        chapter = chapter_path(root, text.id)
        if not chapter.exists():
            chapter.write_text(chapter_source(text.id), "utf-8")
    before = snapshot(root / "seeds")
    result = build(root, base / "out")
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
    assert snapshot(root / "seeds") == before, "the build modified a seed file"
    return root, base / "out" / "_build" / "html"


def test_safe_inputs_load_and_show_their_text(safe_book):
    root, _ = safe_book
    corpus = load_corpus(root)
    for stem, (_, _, paragraphs) in safe_inputs().items():
        text = next(t for t in corpus if t.path.stem == stem)
        assert [" ".join(p.text.split()) for p in text.paragraphs] == paragraphs


def test_every_page_shows_bad_input_as_text_and_runs_none_of_it(safe_book):
    root, html = safe_book
    pages = sorted(p for p in html.rglob("*.html") if "_static" not in p.parts)
    corpus = load_corpus(root)
    problems: list[str] = []
    for page in pages:
        source = page.read_text("utf-8")
        markup = Markup(str(page.relative_to(html)))
        markup.feed(source)
        markup.close()
        problems.extend(markup.problems)
        assert source.rstrip().endswith("</html>"), f"{page.name} is cut short"
    assert not problems, "\n".join(problems)
    for stem, (_, _, paragraphs) in safe_inputs().items():
        text = next(t for t in corpus if t.path.stem == stem)
        markup = Markup(text.id)
        markup.feed((html / "chapters" / "texts" / f"{text.id}.html").read_text("utf-8"))
        for paragraph in paragraphs:  # complete: every paragraph whole, as text
            shown = paragraph.replace(TEXT_PAYLOADS[0], TEXT_PAYLOADS[0] + "[note 1]")
            assert shown in markup.visible, f"{text.id}: paragraph not shown whole: {paragraph[:80]!r}"
    injected = (html / "chapters" / "texts" / "injection.html").read_text("utf-8")
    chapter = Markup("injection")
    chapter.feed(injected)
    for shown in (INJECTED_TITLE, FIELD_PAYLOAD):
        assert shown in chapter.visible
    assert "mathjax" not in injected.lower(), "dollar signs in a seed turned into math"


@pytest.mark.browser
def test_no_payload_runs_in_chromium_even_from_search(safe_book, chromium):
    _, html = safe_book
    queries = [INJECTED_TITLE, "Injected", "onerror", "script"]
    ran: list[str] = []
    with serve(html) as base:
        context = chromium.new_context()
        context.route(re.compile(r"^(?!http://127\.0\.0\.1[:/]|data:|blob:|about:)"), lambda route: route.abort())
        page = context.new_page()
        page.on("dialog", lambda dialog: (ran.append(f"dialog: {dialog.message}"), dialog.dismiss()))
        urls = [f"{base}/{name}" for name in built_pages(html)] + [f"{base}/search.html?q={quote(q)}" for q in queries]
        for url in urls:
            page.goto(url, wait_until="networkidle")
            if "search.html?q=" in url:  # wait for the results, then for any image error handler
                page.wait_for_function("() => (document.querySelector('#search-results .search-summary') || {}).innerText")
                page.wait_for_timeout(300)
            if page.evaluate(f"() => window.{MARK} !== undefined"):
                ran.append(f"{url}: window.{MARK} = {page.evaluate(f'() => window.{MARK}')}")
        context.close()
    assert not ran, ran
