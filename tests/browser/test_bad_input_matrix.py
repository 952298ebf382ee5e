"""The bad-input matrix: every kind of bad seed or sidecar, through the loader AND the
build command (``python -m studyguide build``).

Each case ends one of two ways, and no seed file is ever modified:

- it stops: exit status 2 and one line on stderr naming the file (and line), no
  traceback, before Jupyter Book starts;
- it renders safely: the book builds, every page shows the input as text (escaped,
  complete), and in Chromium no injected script runs, not even from the search page.

``support.py`` holds the loader-level cases with their exact messages (``BAD_TEXTS``,
``BAD_SIDECARS``, checked by ``tests/unit/test_loader.py``); this module adds the cases
they lack (at loader level and through the build) and runs all of them through the build
command.
"""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest
from books import SandboxText

from studyguide import InputError, load_corpus
from studyguide.cli.serve import pages, serve
from studyguide.texts.text import MAX_BYTES
from support import BAD_SIDECARS, BAD_TEXTS, BODY, GOOD_SIDECAR, Page, Visit, sidecar, snapshot, widget_views


def five_megabytes() -> bytes:
    paragraph = ("The strikers stayed in the square for months. " * 20).strip() + "\n\n"
    count = 5_000_000 // len(paragraph) + 1
    return ("A Title\n\n" + paragraph * count).encode()


def replace(old: str, new: str, extra: str = "") -> str:
    source = sidecar(extra=extra)
    assert old in source
    return source.replace(old, new)


# Cases support.BAD_TEXTS and support.BAD_SIDECARS do not have: (files besides the default pair, expected message).
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
    "cp1252 sidecar": (sidecar(extra='author_note = "It\u2019s fred"\n').encode("cp1252"), "a.meta.toml:8: not valid UTF-8 (byte 0x92"),
    "duplicate key": (sidecar(extra='id = "b"\n'), "a.meta.toml:8: malformed TOML: Cannot overwrite a value"),
    "title is a number": (replace('title = "A Title"', "title = 5"), "a.meta.toml:2: field 'title' must be a string, not an integer"),
    "title is blank": (replace('title = "A Title"', 'title = "   "'), "a.meta.toml:2: field 'title' is empty"),
    "source_urls is a string": (replace('source_urls = ["https://example.org/post"]', 'source_urls = "https://example.org/post"'), "a.meta.toml:7: field 'source_urls' must be an array, not a string"),
    "date is a boolean": (replace('date = "2012-05"', "date = true"), "a.meta.toml:6: field 'date' must be a string, not true or false"),
    "responds_to is a string": (sidecar(extra='responds_to = "the ICC article"\n'), "a.meta.toml:8: field 'responds_to' must be a table, not a string"),
    "notes are strings": (sidecar(extra='notes = ["tbe"]\n'), "a.meta.toml:8: every item of 'notes' must be a table, found a string"),
    "quotations hold a boolean": (sidecar(extra="quotations = [true]\n"), "every item of 'quotations' must be an integer, found true or false"),
    "note paragraph is a string": (sidecar(extra='[[notes]]\nparagraph = "1"\noriginal = "First"\nnote = "n"\n'), "a.meta.toml:9: notes entry 1: field 'paragraph' must be an integer, not a string"),
    "unknown table": (sidecar(extra="[extra]\nkey = 1\n"), "a.meta.toml: unknown field 'extra'"),
    "script in the id": (sidecar("<script>alert(1)</script>"), "a.meta.toml:1: id '<script>alert(1)</script>' must be lowercase"),
    "javascript: source URL": (replace("https://example.org/post", "javascript:alert(1)"), "a.meta.toml:7: source_urls 'javascript:alert(1)' must be an http(s) URL"),
    "markup in responds_to's date": (sidecar(extra='[responds_to]\ndate = "<script>window.__xss=9</script>"\n'),
                                     "a.meta.toml:9: responds_to: date '<script>window.__xss=9</script>' is not YYYY"),
    "data: URL in responds_to": (sidecar(extra='[responds_to]\nurl = "data:text/html,<script>alert(1)</script>"\n'), "a.meta.toml:9: responds_to: url 'data:text/html,<script>alert(1)</script>' must be an http(s) URL"),
    "markup in the language tag": (replace('language = "en"', 'language = "en\\" onmouseover=\\"x"'), "a.meta.toml:4: language 'en\" onmouseover=\"x' must be a language tag"),
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
def test_build_command_stops_with_one_line_naming_the_file(project, files, message, cli):
    root = project(files)
    before = snapshot(root / "seeds")
    result = cli(root, "build")  # in this process: it must stop before Jupyter Book starts
    assert result.returncode == 2, result.stdout[-2000:] + result.stderr[-2000:]
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith("error: seeds/"), result.stderr
    assert message in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""  # stopped before Jupyter Book started
    assert snapshot(root / "seeds") == before, "a seed file was modified"


# --- Inputs that must render safely: the sandbox book (conftest.sandbox_book) holds them all ---

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
date_note = {toml(FIELD_PAYLOAD)}
source_urls = ["https://example.org/\\"><script>window.{MARK}=10</script>"]
quotations = [2]
quotation_note = {toml(FIELD_PAYLOAD)}

[responds_to]
title = {toml(FIELD_PAYLOAD)}
author = {toml(FIELD_PAYLOAD)}
date = "2012-05-16"
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


EXECUTABLE = {"", "text/javascript", "module", "application/javascript"}
URL_ATTRIBUTES = ("href", "src", "action", "formaction")


def markup_problems(found: Page, where: str) -> list[str]:
    """Markup in ``found`` that could run a payload: scripts, event handlers, javascript: URLs,
    also inside the HTML of its saved widget views; a JSON script a payload broke out of fails to load."""
    problems = []
    for tag in found.soup.find_all(True):
        for name, value in tag.attrs.items():
            value = " ".join(value) if isinstance(value, list) else value or ""
            if name.startswith("on") and MARK in value:
                problems.append(f"{where}: <{tag.name} {name}=...> carries a payload")
            if name in URL_ATTRIBUTES and value.strip().lower().startswith("javascript:"):
                problems.append(f"{where}: <{tag.name} {name}={value!r}>")
    for script in found.soup.find_all("script"):
        kind, body = (script.get("type") or "").lower(), script.get_text()
        if kind in EXECUTABLE:
            if MARK in body:
                problems.append(f"{where}: a script runs a payload: {body[:120]!r}")
        elif kind.startswith("application/") and "json" in kind:
            json.loads(body)
    for model_id, view in widget_views(found.soup):
        problems += markup_problems(Page(view), f"{where} widget {model_id}")
    return problems


SANDBOX_TEXTS = tuple(SandboxText(stem, text, meta) for stem, (text, meta, _) in safe_inputs().items())


@pytest.fixture(scope="module")
def safe_book(sandbox_book):
    """The sandbox book, which holds every render-safe bad input (built once; the build modified no seed file)."""
    built = sandbox_book(SANDBOX_TEXTS)
    return built.root, built.html


def test_safe_inputs_load_and_show_their_text(safe_book):
    root, _ = safe_book
    corpus = load_corpus(root)
    for stem, (_, _, paragraphs) in safe_inputs().items():
        text = next(t for t in corpus if t.path.stem == stem)
        assert [" ".join(p.text.split()) for p in text.paragraphs] == paragraphs


def test_every_page_shows_bad_input_as_text_and_runs_none_of_it(safe_book):
    root, html = safe_book
    corpus = load_corpus(root)
    problems: list[str] = []
    for name in pages(html):
        source = (html / name).read_text("utf-8")
        problems += markup_problems(Page(source), name)
        assert source.rstrip().endswith("</html>"), f"{name} is cut short"
    assert not problems, "\n".join(problems)
    for stem, (_, _, paragraphs) in safe_inputs().items():
        text = next(t for t in corpus if t.path.stem == stem)
        visible = Page((html / "chapters" / "texts" / f"{text.id}.html").read_text("utf-8")).visible
        for paragraph in paragraphs:  # complete: every paragraph whole, as text
            shown = paragraph.replace(TEXT_PAYLOADS[0], TEXT_PAYLOADS[0] + "[note 1]")
            assert shown in visible, f"{text.id}: paragraph not shown whole: {paragraph[:80]!r}"
    injected = Page((html / "chapters" / "texts" / "injection.html").read_text("utf-8"))
    for shown in (INJECTED_TITLE, FIELD_PAYLOAD):
        assert shown in injected.visible
    assert "mathjax" not in injected.source.lower(), "dollar signs in a seed turned into math"


def test_the_markup_check_finds_scripts_handlers_and_javascript_urls():
    found = markup_problems(Page(
        f'<p onclick="window.{MARK}=1">a</p><a href=" JavaScript:alert(1)">b</a><script>window.{MARK}=2</script>'
        f'<script type="text/plain">window.{MARK}=3</script>'
        '<script type="application/vnd.jupyter.widget-state+json">{"state": {"m": {"state": {"value": '
        + json.dumps(f'<img src=x onerror="window.{MARK}=4">') + '}}}}</script>'), "page")
    assert found == ["page: <p onclick=...> carries a payload", "page: <a href=' JavaScript:alert(1)'>",
                     "page: a script runs a payload: 'window.__xss=2'", "page widget m: <img onerror=...> carries a payload"]
    assert markup_problems(Page(f"<p>window.{MARK}=5 &lt;script&gt;</p>"), "page") == []
    with pytest.raises(json.JSONDecodeError):
        markup_problems(Page('<script type="application/json">{"a": </script><script>1}</script>'), "page")


@pytest.mark.browser
def test_no_payload_runs_in_chromium_even_from_search(safe_book, chromium):
    _, html = safe_book
    queries = [INJECTED_TITLE, "Injected", "onerror", "script"]
    ran: list[str] = []
    with serve(html) as base, Visit(chromium) as visit:
        page = visit.page
        page.on("dialog", lambda dialog: (ran.append(f"dialog: {dialog.message}"), dialog.dismiss()))
        urls = [f"{base}/{name}" for name in pages(html)] + [f"{base}/search.html?q={quote(q)}" for q in queries]
        for url in urls:
            page.goto(url, wait_until="networkidle")
            if "search.html?q=" in url:  # wait for the results, then for any image error handler
                page.wait_for_function("() => (document.querySelector('#search-results .search-summary') || {}).innerText")
                page.wait_for_timeout(300)
            if page.evaluate(f"() => window.{MARK} !== undefined"):
                ran.append(f"{url}: window.{MARK} = {page.evaluate(f'() => window.{MARK}')}")
        assert not visit.blocked, f"third-party requests {visit.blocked}"
    assert not ran, ran
