"""The glossary data file, term finding and marking (package level, hand-checkable inputs)."""

from __future__ import annotations

from pathlib import Path

import pytest
from docutils import nodes

from studyguide import InputError, load_corpus
from studyguide.book.glossary import mark
from studyguide.knowledge.glossary import Glossary, Term, load_glossary
from support import ROOT

ENTRY = '[[term]]\nterm = "class war"\ndefinition = "Open conflict between classes."\n'


def small() -> Glossary:
    return Glossary(
        path=Path("g.toml"),
        terms=(
            Term("trade union", "A workers' organisation.", forms=("trades union",)),
            Term("free trade union", "An independent union.", forms=('"free" Trades Union',)),
            Term("bourgeoisie", "The owning class.", forms=("bourgeois",)),
        ),
    )


def write(tmp_path: Path, source: str) -> Path:
    path = tmp_path / "glossary.toml"
    path.write_text(source, "utf-8")
    return path


def test_longest_wording_wins_and_matches_never_start_inside_a_word():
    text = 'Some sort of "free" Trades Union organization, a trades union, bourgeoisie and the bourgeois state; unbourgeois.'
    found = [(text[s:e], t.term) for s, e, t in small().find(text)]
    assert found == [
        ('"free" Trades Union', "free trade union"),
        ("trades union", "trade union"),
        ("bourgeoisie", "bourgeoisie"),
        ("bourgeois", "bourgeoisie"),
    ]


def test_marking_links_the_first_occurrence_per_term_and_keeps_every_character():
    seen: set[str] = set()
    text = "the bourgeoisie and the bourgeois state"
    result = mark(small(), text, seen)
    assert "".join(n.astext() for n in result) == text
    refs = [n for n in result if not isinstance(n, nodes.Text)]
    assert [(r["reftarget"], r.astext()) for r in refs] == [("bourgeoisie", "bourgeoisie")]
    assert seen == {"bourgeoisie"}
    # the set carries over to the next piece of the same paragraph
    assert all(isinstance(n, nodes.Text) for n in mark(small(), "a bourgeoisie", seen))


def test_no_glossary_means_plain_text():
    assert [n.astext() for n in mark(None, "the bourgeoisie", set())] == ["the bourgeoisie"]
    assert mark(None, "", set()) == []


def test_the_project_glossary_loads_sorted_and_marks_terms_in_every_paragraph_group():
    glossary = load_glossary(ROOT / "data" / "glossary.toml")
    keys = [t.key for t in glossary]
    assert keys == sorted(keys)
    required = {"bourgeoisie", "proletariat", "working class", "class struggle", "class war", "exploitation",
                "stalinism", "trade union", "free trade union", "self-organisation", "internecine", "machiavellian",
                "dark satanic", "imperialism", "media blackout", "hunger strike", "nazarbayev", "zhanaozen",
                "international communist current"}
    assert required <= set(keys)
    text = load_corpus(ROOT)["solidarity-oil-workers"]
    marked = {t.term for p in text.paragraphs for _, _, t in glossary.find(p.text)}
    assert {"Stalinism", "free trade union", "self-organisation", "dark satanic", "Machiavellian", "media blackout"} <= marked


@pytest.mark.parametrize(
    ("source", "message", "line"),
    [
        (ENTRY + "colour = 'red'\n", "unknown field 'colour'", 4),
        ('[[term]]\nterm = "x"\n', "term entry 1: missing required field 'definition'", 1),
        (ENTRY + 'sources = ["ftp://example.org"]\n', "sources 'ftp://example.org' must be an http(s) URL", 4),
        (ENTRY + "forms = [1]\n", "every item of 'forms'", 4),
        (ENTRY + ENTRY.replace("class war", "war").replace('"Open', '"Other') + 'forms = ["Class War"]\n', "listed twice (also at line 1)", 4),
        (ENTRY + 'see = ["nothing"]\n', "see 'nothing' is not a headword", 4),
        ('[[term]\nterm = "x"\n', "malformed TOML", 1),
        ("[other]\nx = 1\n", "unknown field 'other'", None),
        ("", "no [[term]] entries", None),
    ],
)
def test_bad_glossary_gives_one_line_naming_file_and_line(tmp_path, source, message, line):
    with pytest.raises(InputError) as caught:
        load_glossary(write(tmp_path, source))
    error = caught.value
    assert "\n" not in str(error)
    assert message in str(error), str(error)
    assert error.path.name == "glossary.toml"
    assert error.line == line
