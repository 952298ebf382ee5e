"""The loader: good texts in a stable order, and a one-line error for each bad input."""

from __future__ import annotations

import pytest
from conftest import GOOD_SIDECAR

from studyguide import InputError, load_corpus
from studyguide.text import split_paragraphs

BODY = "A Title\n\nFirst paragraph,\nwrapped.\n\n\nSecond paragraph.\n"


def sidecar(text_id: str = "a", extra: str = "") -> str:
    return GOOD_SIDECAR.format(id=text_id) + extra


def one_line_error(root, match: str) -> InputError:
    with pytest.raises(InputError) as caught:
        load_corpus(root)
    message = str(caught.value)
    assert "\n" not in message
    assert match in message, message
    return caught.value


def test_paragraphs_are_split_on_blank_lines_and_joined_inside():
    assert split_paragraphs(BODY) == [(1, "A Title"), (3, "First paragraph, wrapped."), (7, "Second paragraph.")]


def test_title_line_is_not_a_body_paragraph(project):
    text = load_corpus(project({"a.txt": BODY, "a.meta.toml": sidecar()})).texts[0]
    assert [p.text for p in text.paragraphs] == ["First paragraph, wrapped.", "Second paragraph."]
    assert [p.line for p in text.paragraphs] == [3, 7]
    assert text.paragraph(2).anchor == "p2"


def test_texts_come_in_file_name_order(project):
    root = project(
        {
            "b.txt": BODY,
            "b.meta.toml": sidecar("bee"),
            "a.txt": BODY,
            "a.meta.toml": sidecar("ay"),
            "c.txt": BODY,
            "c.meta.toml": sidecar("sea"),
        }
    )
    assert [t.id for t in load_corpus(root)] == ["ay", "bee", "sea"]
    assert load_corpus(root)["sea"].path.name == "c.txt"


def test_bom_and_crlf_are_accepted_and_the_file_is_not_touched(project):
    raw = b"\xef\xbb\xbf" + BODY.replace("\n", "\r\n").encode()
    root = project({"a.txt": raw, "a.meta.toml": sidecar()})
    text = load_corpus(root).texts[0]
    assert [p.text for p in text.paragraphs] == ["First paragraph, wrapped.", "Second paragraph."]
    assert (root / "seeds" / "a.txt").read_bytes() == raw


def test_html_in_a_text_is_kept_as_text(project):
    root = project({"a.txt": "A Title\n\n<script>alert(1)</script> & more\n", "a.meta.toml": sidecar()})
    assert load_corpus(root).texts[0].paragraph(1).text == "<script>alert(1)</script> & more"


BAD_TEXTS = {
    "empty": (b"", "a.txt: empty text"),
    "whitespace only": (b"  \n\t\n  ", "a.txt: empty text"),
    "cp1252": ("A Title\n\nIt\u2019s bad.\n".encode("cp1252"), "a.txt:3: not valid UTF-8 (byte 0x92"),
    "latin-1": ("A Title\n\nCaf\u00e9.\n".encode("latin-1"), "a.txt:3: not valid UTF-8 (byte 0xe9"),
    "utf-16": ("A Title\n\nHello.\n".encode("utf-16"), "a.txt: UTF-16 encoded"),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a.txt:3: binary file"),
    "control character": (b"A Title\n\nBell \x07 here.\n", "a.txt:3: control character U+0007"),
    "only a title": (b"A Title\n", "a.txt: no body paragraphs"),
}


@pytest.mark.parametrize("content, message", BAD_TEXTS.values(), ids=BAD_TEXTS.keys())
def test_bad_text_gives_a_one_line_error_naming_the_file(project, content, message):
    root = project({"a.txt": content, "a.meta.toml": sidecar()})
    one_line_error(root, message)
    assert (root / "seeds" / "a.txt").read_bytes() == content


BAD_SIDECARS = {
    "missing": (None, "a.meta.toml: missing sidecar"),
    "malformed": ('id = "a"\ntitle = \n', "a.meta.toml:2: malformed TOML"),
    "unknown field": (sidecar(extra='colour = "red"\n'), "a.meta.toml:9: unknown field 'colour'"),
    "misspelt field": (sidecar(extra='auther = "x"\n'), "unknown field 'auther' (did you mean 'author'?)"),
    "wrong type": (sidecar().replace('date = "2012-05"', "date = 2012"), "a.meta.toml:6: field 'date' must be a string, not an integer"),
    "missing required": (sidecar().replace('author = "someone"\n', ""), "missing required field 'author'"),
    "bad id": (sidecar("Not An Id"), "a.meta.toml:1: id 'Not An Id'"),
    "bad precision": (sidecar().replace('"month"', '"week"'), "a.meta.toml:7: date_precision 'week'"),
    "bad date": (sidecar().replace('"2012-05"', '"May 2012"'), "a.meta.toml:6: date 'May 2012'"),
    "bad url": (sidecar().replace("https://example.org/post", "javascript:alert(1)"), "is not an http(s) URL"),
    "wrong item type": (sidecar(extra="quotations = ['7']\n"), "every item of 'quotations' must be an integer"),
    "quotation out of range": (sidecar(extra="quotations = [9]\n"), "quotations names paragraph 9, but the text has 2"),
    "note field unknown": (
        sidecar(extra='[[notes]]\nparagraph = 1\noriginal = "First"\nnote = "n"\nfix = "x"\n'),
        "a.meta.toml:13: unknown field 'fix' in notes entry 1",
    ),
    "note lacks field": (sidecar(extra='[[notes]]\nparagraph = 1\nnote = "n"\n'), "a.meta.toml:9: notes entry 1 lacks 'original'"),
    "note not in paragraph": (
        sidecar(extra='[[notes]]\nparagraph = 2\noriginal = "First"\nnote = "n"\n'),
        "note 1: 'First' does not occur in paragraph 2",
    ),
    "note ambiguous": (
        sidecar(extra='[[notes]]\nparagraph = 1\noriginal = "ap"\nnote = "n"\n'),
        "occurs 2 times (quote more context)",
    ),
    "responds_to unknown key": (sidecar(extra='[responds_to]\ntitel = "x"\n'), "unknown field 'titel' in responds_to (did you mean 'title'?)"),
    "not utf-8": (sidecar().encode("utf-8") + b'author_note = "caf\xe9"\n', "a.meta.toml:9: not valid UTF-8"),
}


@pytest.mark.parametrize("content, message", BAD_SIDECARS.values(), ids=BAD_SIDECARS.keys())
def test_bad_sidecar_gives_a_one_line_error_naming_the_file(project, content, message):
    files = {"a.txt": BODY}
    if content is not None:
        files["a.meta.toml"] = content
    one_line_error(project(files), message)


def test_duplicate_ids_are_refused(project):
    root = project({"a.txt": BODY, "a.meta.toml": sidecar("same"), "b.txt": BODY, "b.meta.toml": sidecar("same")})
    one_line_error(root, "b.meta.toml: duplicate id 'same' (also used by a.meta.toml)")


def test_sidecar_without_text_is_refused(project):
    root = project({"a.txt": BODY, "a.meta.toml": sidecar(), "z.meta.toml": sidecar("z")})
    one_line_error(root, "z.meta.toml: sidecar without a text")


def test_empty_seeds_folder_is_refused(project):
    one_line_error(project({}), "no seed texts")
