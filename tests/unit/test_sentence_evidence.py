"""A chapter sentence's own passages: ``{evidence}`claim-id``` and ``data/evidence/chapters/<chapter>.toml``.

Each check is shown on the mistake it stops: a claim id with no passage, a number the
passage does not state, a passage from a source the sentence does not cite, a passage
that no sentence names; and the claim counts see the sentence as having evidence.
"""

from __future__ import annotations

import pytest
from test_evidence import EVENT_PASSAGE, make

from studyguide import InputError, load_project
from studyguide.knowledge.coverage import coverage
from studyguide.knowledge.project import claims
from studyguide.knowledge.sentence_claims import cited, claim_text

SENTENCE = ("Around 8,000 workers joined the strike in May 2011 "
            "([Reuters](https://www.reuters.com/a)){evidence}`walkout-size`.\n")
CHAPTER = "# Context\n\nThe strike grew.\n\n" + SENTENCE
PASSAGE = EVENT_PASSAGE.replace('"strike"', '"walkout-size"')  # the records' schema, a sentence's claim id
GOOD_QUOTE = "Some eight thousand workers walked out in May, the company said."


def with_sentence(project, chapter: str = CHAPTER, passages: str | None = PASSAGE.format(quote=GOOD_QUOTE),
                  file: str = "context.toml", **more):
    root = make(project, chapter=chapter, **more)
    if passages is not None:
        (root / "data" / "evidence" / "chapters").mkdir()
        (root / "data" / "evidence" / "chapters" / file).write_text(passages, "utf-8")
    return root


def error_of(root) -> str:
    with pytest.raises(InputError) as caught:
        load_project(root)
    message = str(caught.value)
    assert "\n" not in message
    return message


def test_a_sentence_with_its_passage_loads_and_counts_as_having_evidence(project):
    root = with_sentence(project)
    loaded = load_project(root)
    counted = coverage(root, claims(loaded), loaded.evidence, loaded.sources)
    (sentence,) = counted.sentences
    assert sentence.claims() == ("walkout-size",)
    assert counted.sentences_with_evidence() == (sentence,) and counted.sentences_without() == []
    assert (counted.claims, counted.with_evidence) == (3, 3)  # an event, a figure, the sentence


def test_without_the_role_the_sentence_is_listed_with_the_default_or_given_reason(project):
    chapter = CHAPTER.replace("{evidence}`walkout-size`", "")
    root = with_sentence(project, chapter=chapter, passages=None)
    loaded = load_project(root)
    counted = coverage(root, claims(loaded), loaded.evidence, loaded.sources)
    assert [(s.line, r) for s, r in counted.sentences_without()] == [
        (5, "no passage found yet in a stored copy of its sources")]
    (root / "data" / "evidence" / "sentences-missing.toml").write_text(
        '[[missing]]\nfile = "chapters/context.md"\ntext = "Around 8,000 workers"\nreason = "paywalled"\n')
    loaded = load_project(root)
    assert [r for _, r in coverage(root, claims(loaded), loaded.evidence, loaded.sources).sentences_without()] == [
        "paywalled"]


def test_a_claim_id_with_no_passage_fails_at_its_line_in_the_chapter(project):
    root = with_sentence(project, passages=None)
    assert error_of(root) == (f"{root / 'chapters' / 'context.md'}:5: {{evidence}}`walkout-size`: no passage for "
                              "'walkout-size' in data/evidence/chapters/context.toml")


def test_a_number_no_passage_states_fails_at_the_sentence(project):
    root = with_sentence(project, passages=PASSAGE.format(quote="Thousands of workers walked out in May."))
    assert error_of(root) == (f"{root / 'chapters' / 'context.md'}:5: sentence 'walkout-size': '8,000' stands in none "
                              "of its passages (data/evidence/chapters/context.toml) and is not declared in "
                              "data/evidence/derived.toml")


def test_a_value_may_stand_in_the_passage_of_a_record_the_sentence_names(project):
    # "26 May" is the event's, written through its role; "8,000" is quoted by the event's passage
    chapter = ("# Context\n\nOn {event-date}`strike`, 8,000 workers walked out "
               "([Reuters](https://www.reuters.com/a)){evidence}`walkout-size`.\n")
    root = with_sentence(project, chapter=chapter, passages=PASSAGE.format(quote="The workers walked out."))
    assert load_project(root).evidence is not None
    (root / "chapters" / "context.md").write_text(chapter.replace("8,000", "9,000"))
    assert "'9,000' stands in none of its passages" in error_of(root)


def test_a_passage_from_a_source_the_sentence_does_not_cite_fails_at_the_passage(project):
    root = with_sentence(project, passages=PASSAGE.format(quote=GOOD_QUOTE).replace("/a\"", "/b\""))
    message = error_of(root)
    assert message.startswith(f"{root / 'data' / 'evidence' / 'chapters' / 'context.toml'}:1: "
                              "https://www.reuters.com/b is not cited by the sentence of 'walkout-size' (context.md:5)")


def test_a_bibliography_entry_the_sentence_cites_counts_as_cited(project):
    chapter = "# Context\n\nAround 8,000 workers joined in May 2011 {cite:p}`reuters2011`{evidence}`walkout-size`.\n"
    root = with_sentence(project, chapter=chapter)
    (root / "data" / "sources.bib").write_text("@misc{reuters2011,\n  title = {{X}},\n  url = {https://www.reuters.com/a}\n}\n")
    assert load_project(root).evidence is not None
    assert cited(chapter, {"reuters2011": "https://www.reuters.com/a"}) == ("https://www.reuters.com/a",)


def test_a_claim_no_sentence_names_fails_at_the_passage(project):
    root = with_sentence(project, passages=PASSAGE.format(quote=GOOD_QUOTE) + "\n"
                         + PASSAGE.format(quote=GOOD_QUOTE).replace("walkout-size", "orphan"))
    assert error_of(root) == (f"{root / 'data' / 'evidence' / 'chapters' / 'context.toml'}:7: no chapter sentence "
                              "names {evidence}`orphan`")


def test_a_claims_passages_live_in_its_chapters_file(project):
    root = with_sentence(project, file="perspectives.toml")
    assert ("perspectives.toml:1: claim 'walkout-size' belongs to a sentence of context.md; its passages go in "
            "data/evidence/chapters/context.toml") in error_of(root)


def test_a_claim_id_is_one_sentences_and_not_a_records(project):
    root = with_sentence(project, chapter=CHAPTER + "\nAgain 8,000 ([Reuters](https://www.reuters.com/a))"
                         "{evidence}`walkout-size`.\n")
    assert "context.md:7: {evidence}`walkout-size` is named by two sentences (also at context.md:5)" in error_of(root)
    (root / "chapters" / "context.md").write_text(CHAPTER.replace("walkout-size", "strike"))
    (root / "data" / "evidence" / "chapters" / "context.toml").write_text(
        PASSAGE.format(quote=GOOD_QUOTE).replace("walkout-size", "strike"))
    assert "context.md:5: {evidence}`strike`: 'strike' is the id of a data record" in error_of(root)


def test_the_claim_is_the_sentence_outside_roles_links_and_citations():
    assert claim_text("On {event-date}`x`, 40 ([BBC, 2012](https://bbc.com/1)) {cite:p}`k2011`{evidence}`c`.") == "On , 40 ."  # no "( )" left of the link


def test_a_reason_for_a_sentence_that_no_longer_holds_its_words_fails(project):
    root = with_sentence(project, chapter=CHAPTER.replace("{evidence}`walkout-size`", ""), passages=None)
    (root / "data" / "evidence" / "sentences-missing.toml").write_text(
        '[[missing]]\nfile = "chapters/context.md"\ntext = "Around 9,000 workers"\nreason = "paywalled"\n')
    assert error_of(root) == (f"{root / 'data' / 'evidence' / 'sentences-missing.toml'}:1: no sentence of "
                              "chapters/context.md holds the words 'Around 9,000 workers'")
