"""The seed text is kept byte for byte and loads as the expected 8 paragraphs."""

import hashlib

import pytest

from studyguide import load_corpus
from support import ROOT, SEED

SEED_SHA256 = "2413a3d68f532e8d44e2208c9f0ba2156bc35dd56f197785e47370849582bb5d"


def test_seed_bytes_are_unchanged():
    data = (ROOT / "seeds" / f"{SEED}.txt").read_bytes()
    assert hashlib.sha256(data).hexdigest() == SEED_SHA256


def test_seed_matches_the_shared_copy_when_present():
    shared = ROOT.parent / "shared" / "seeds" / f"{SEED}.txt"
    if not shared.is_file():
        pytest.skip(f"no shared copy of the seed at {shared} (only the developers' machines have one)")
    assert shared.read_bytes() == (ROOT / "seeds" / f"{SEED}.txt").read_bytes()


def test_seed_loads_as_eight_paragraphs_with_a_quotation():
    text = load_corpus(ROOT)["solidarity-oil-workers"]
    assert text.sha256 == SEED_SHA256
    assert text.title == "Solidarity with the oil workers of Kazakhstan in the face of state repression"
    assert len(text.paragraphs) == 8
    assert [p.number for p in text.paragraphs if p.quotation] == [7]
    assert text.paragraph(1).text.startswith("If anyone wants to know")
    assert text.paragraph(8).text.endswith("How cunning you are!")
    assert text.paragraph(7).text.startswith('"As always')


def test_seed_editorial_notes_point_at_the_slips():
    text = load_corpus(ROOT)["solidarity-oil-workers"]
    notes = {(n.paragraph, n.original) for n in text.meta.notes}
    assert notes == {
        (1, "tbe"),
        (4, "tbe"),
        (2, "forceably"),
        (3, "it's condition"),
        (8, "you are also hide"),
        (2, "in such a warned."),
    }
    for note in text.meta.notes:
        assert note.original in text.paragraph(note.paragraph).text


def test_seed_provenance_says_the_date_is_not_known():
    meta = load_corpus(ROOT)["solidarity-oil-workers"].meta
    assert meta.author == "fred"
    assert meta.date.text == "2012-05/.." and meta.date.described() == "in or after May 2012 (exact date not known)"
    assert "not known" in meta.date_note
    assert meta.responds_to["date"] == "2012-05"
    assert all(u.startswith("https://") for u in meta.source_urls)
