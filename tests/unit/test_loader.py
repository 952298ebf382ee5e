"""The loader: good texts in a stable order, and a one-line error for each bad input."""

from __future__ import annotations

import os

import pytest

from studyguide import InputError, load_corpus
from studyguide.base.dates import parse_period
from studyguide.texts.text import MAX_BYTES, split_paragraphs
from support import BAD_SIDECARS, BAD_TEXTS, BODY, sidecar


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
    root = project({"b.txt": BODY, "b.meta.toml": sidecar("bee"), "a.txt": BODY, "a.meta.toml": sidecar("ay"),
                    "c.txt": BODY, "c.meta.toml": sidecar("sea")})
    assert [t.id for t in load_corpus(root)] == ["ay", "bee", "sea"]
    assert load_corpus(root)["sea"].path.name == "c.txt"
    with pytest.raises(KeyError, match="known: ay, bee, sea"):
        load_corpus(root)["dee"]


def test_bom_and_crlf_are_accepted_and_the_file_is_not_touched(project):
    raw = b"\xef\xbb\xbf" + BODY.replace("\n", "\r\n").encode()
    root = project({"a.txt": raw, "a.meta.toml": sidecar()})
    text = load_corpus(root).texts[0]
    assert [p.text for p in text.paragraphs] == ["First paragraph, wrapped.", "Second paragraph."]
    assert (root / "seeds" / "a.txt").read_bytes() == raw


def test_html_in_a_text_is_kept_as_text(project):
    root = project({"a.txt": "A Title\n\n<script>alert(1)</script> & more\n", "a.meta.toml": sidecar()})
    assert load_corpus(root).texts[0].paragraph(1).text == "<script>alert(1)</script> & more"


@pytest.mark.parametrize("text, label", [
    ("2012-05-16", "16 May 2012"),
    ("2012-05", "May 2012 (day not known)"),
    ("2012", "2012 (month not known)"),
    ("2012-05/..", "in or after May 2012 (exact date not known)"),
    ("../2012-06", "in or before June 2012 (exact date not known)"),
    ("2012-05/2012-06", "between May 2012 and June 2012 (exact date not known)"),
    ("unknown", "not known"),
])
def test_sidecar_dates_say_how_well_they_are_known(text, label):
    assert parse_period(text).described() == label


def test_an_undated_reply_is_a_range_with_an_open_end(project):
    root = project({"a.txt": BODY, "a.meta.toml": sidecar().replace('"2012-05"', '"2012-05/.."')})
    date = load_corpus(root).texts[0].meta.date
    assert (date.earliest.isoformat(), date.latest) == ("2012-05-01", None)


@pytest.mark.parametrize("content, message", BAD_TEXTS.values(), ids=BAD_TEXTS.keys())
def test_bad_text_gives_a_one_line_error_naming_the_file(project, content, message):
    root = project({"a.txt": content, "a.meta.toml": sidecar()})
    one_line_error(root, message)
    assert (root / "seeds" / "a.txt").read_bytes() == content


def test_a_text_over_the_size_limit_is_refused(project):
    root = project({"a.txt": "A Title\n\n" + "word " * (MAX_BYTES // 5 + 1), "a.meta.toml": sidecar()})
    one_line_error(root, "a.txt: 1.0 MB is too long for one text (limit 1 MB")


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


def test_a_symlinked_seed_is_refused_whatever_it_points_to(project, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside") / "secret.txt"
    outside.write_text("A Title\n\nNot for publication.\n")
    root = project({"a.meta.toml": sidecar()})
    os.symlink(outside, root / "seeds" / "a.txt")
    one_line_error(root, "seeds/a.txt: is a symbolic link")


def test_a_symlinked_sidecar_is_refused(project, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside") / "a.meta.toml"
    outside.write_text(sidecar())
    root = project({"a.txt": BODY})
    os.symlink(outside, root / "seeds" / "a.meta.toml")
    one_line_error(root, "seeds/a.meta.toml: is a symbolic link")


def test_a_symlinked_seeds_folder_is_refused(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "a.txt").write_text(BODY)
    (elsewhere / "a.meta.toml").write_text(sidecar())
    root = tmp_path / "project"
    root.mkdir()
    (root / "_config.yml").write_text("title: test\n")
    os.symlink(elsewhere, root / "seeds")
    one_line_error(root, "seeds: is a symbolic link")
