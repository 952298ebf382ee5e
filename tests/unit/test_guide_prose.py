"""The guide's own pages quote the text exactly, mark every quotation, and never type a count about it."""

from __future__ import annotations

import re

import pytest

from studyguide import load_corpus
from studyguide.analysis.quotations import find_quotation
from support import ROOT

PAGES = sorted([*ROOT.glob("chapters/**/*.md"), ROOT / "index.md"])
CORRECTIONS_LOG = ROOT / "chapters" / "guide" / "checking.md"  # quotes the guide's own past misquotations, as such
ROLE = re.compile(r"\{[a-z-]+\}`[^`]*`")  # any MyST role, e.g. {seed-quote}`...` or {term}`...`
FENCE = re.compile(r"^(```|:::).*?^\1", re.S | re.M)
QUOTED = re.compile(r"\"([^\"\n]{3,}?)\"|“([^”\n]{3,}?)”")
NUMBER = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
COUNT = re.compile(rf"(?<![\d,.])\b{NUMBER}\s+(?:rhetorical\s+)?(?:questions?|question marks?|exclamations?|paragraphs|sentences|words|times|occurrences)\b", re.I)


def prose(path) -> str:
    """A page's prose: fenced blocks, roles and link targets left out."""
    text = FENCE.sub("", path.read_text("utf-8"))
    text = ROLE.sub(" ", text)
    return re.sub(r"\]\([^)]*\)", "]", text)


def texts():
    return load_corpus(ROOT).texts


def written_and_read(text):
    return [p.text for p in text.paragraphs], [text.reading(p.number) for p in text.paragraphs]


@pytest.mark.parametrize("path", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_quotation_of_a_text_is_marked_and_exact(path):
    for match in QUOTED.finditer(prose(path)):
        quoted = " ".join((match.group(1) or match.group(2)).split())
        if len(quoted.split()) < 3:
            continue  # a word or two in quotation marks is a word discussed, not a quotation
        for text in texts():
            written, read = written_and_read(text)
            assert not any(quoted in p for p in written), f"{path.name}: unmarked quotation of the text: {quoted!r} (use {{seed-quote}})"
            if path != CORRECTIONS_LOG:
                assert not any(quoted in p for p in read), f"{path.name}: {quoted!r} quotes the editors' reading, not the text as written"


def test_every_marked_quotation_occurs_verbatim():
    corpus = load_corpus(ROOT)
    marked = [(path, m.group(1)) for path in PAGES for m in re.finditer(r"\{seed-quote\}`([^`]*)`", path.read_text("utf-8"))]
    assert len(marked) >= 100
    for path, quoted in marked:
        words, _, target = quoted.partition(" <")
        text_id = target.rstrip(">").split(":")[0] if target and not target.rstrip(">").isdigit() else None
        text = corpus[text_id] if text_id else corpus.texts[0]
        assert find_quotation(text, words) is not None, f"{path.name}: {words!r}"


@pytest.mark.parametrize("path", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_count_about_a_text_is_typed(path):
    typed = COUNT.findall(prose(path))
    assert not typed, f"{path.name}: counts typed by hand {typed}; use {{seed-count}} or {{seed-count-word}}"
