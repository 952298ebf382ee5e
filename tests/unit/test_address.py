"""Address and rhetoric: pronouns, questions, exclamations, imperatives, quoted paragraphs."""

from __future__ import annotations

from studyguide import load_corpus
from studyguide.analysis.address import (
    imperative_clause,
    imperative_rows,
    looks_quoted,
    paragraph_address,
    second_person_sentences,
    sentence_end,
)
from studyguide.views.address_tables import address_rows, author_totals
from support import GOOD_SIDECAR, ROOT


def test_imperative_heuristic():
    assert imperative_clause("Read this.") == "Read this."
    assert imperative_clause("Workers unite!") == "Workers unite!"
    assert imperative_clause("Then read it, and stop.") == "Then read it"
    assert imperative_clause("And definitely do not strike!") == "And definitely do not strike!"
    assert imperative_clause("We unite!") is None
    assert imperative_clause("You will be beaten.") is None


def test_sentence_ends_and_quoted_paragraphs():
    assert [sentence_end(s) for s in ('Is it "free"?', "No!", "Yes.", 'He said "go!"')] == ["?", "!", ".", "!"]
    assert looks_quoted("“A whole quotation.”") and looks_quoted('"Another."')
    assert not looks_quoted('He said "this" and left.')


def test_counts_on_a_small_text(project):
    body = ("A Title\n\nWe know. Do you? They don't! Read our words.\n\n"
            "\"You and your friends: they will see us.\"\n")
    root = project({"a.txt": body, "a.meta.toml": GOOD_SIDECAR.format(id="a") + "quotations = [2]\n"})
    text = load_corpus(root).texts[0]
    assert address_rows(text) == [
        (1, "author", 2, 1, 1, 1, 1, 1),
        (2, "quoted (another text)", 1, 2, 1, 0, 0, 0),
    ]
    assert [a.looks_quoted for a in paragraph_address(text)] == [False, True]
    assert author_totals(text) == ("Author's own voice (without ¶2)", "1 paragraphs", 2, 1, 1, 1, 1, 1)


def test_seed_addressee_shifts_and_quotation():
    text = load_corpus(ROOT)["solidarity-oil-workers"]
    you = second_person_sentences(text)
    assert (2, "author", "You will be beaten unmercifully.") in you
    assert (8, "author", "How cunning you are!") in you
    assert {p for p, _, _ in you} == {2, 8}  # "you" is a worker in 2, the bourgeoisie in 8
    rows = {a.paragraph: a for a in paragraph_address(text)}
    assert rows[7].quotation and rows[7].looks_quoted and rows[7].voice == "quoted (another text)"
    assert not any(a.looks_quoted for n, a in rows.items() if n != 7)
    assert author_totals(text)[0] == "Author's own voice (without ¶7)"
    assert [(p, clause) for p, _, clause in imperative_rows(text)] == [
        (1, "then read this remarkably vivid account."),
        (2, "Do not even try to stick up for your rights"),
        (4, "Workers unite!"),
    ]
