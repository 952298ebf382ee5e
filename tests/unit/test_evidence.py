"""The evidence behind the records (data/evidence/), its checks, the claim counts and the chapter lints.

Each check is shown to catch the kind of error the second fact-check found: a date no
source states, a figure credited to the wrong giver, a quotation from a topic page, a
sentence placed in the wrong paragraph, a figure retyped in a chapter.
"""

from __future__ import annotations

import datetime as dt

import pytest

from studyguide import InputError, load_corpus, load_project
from studyguide.book.guide import listed, paragraphs_holding, sentence_problem
from studyguide.knowledge.chapter_lint import lint, load_exceptions
from studyguide.knowledge.coverage import coverage
from studyguide.knowledge.evidence import load_evidence
from studyguide.knowledge.evidence_fold import fold_html
from studyguide.knowledge.evidence_values import Value, numbers_in, values_in, without_citations
from studyguide.knowledge.project import claims
from studyguide.knowledge.sources import Publisher, Sources, publisher_names
from studyguide.knowledge.timeline import load_timeline
from support import BODY, ROOT, sidecar

TIMELINE = """\
[[event]]
id = "strike"
date = "2011-05-26"
precision = "day"
category = "strike"
title = "Oil workers strike"
description = "Workers struck on 26 May; about 8,000 took part."
sources = ["https://www.reuters.com/a", "https://en.internationalism.org/icconline/article"]

[[figure]]
id = "deaths-official"
quantity = "deaths"
event = "strike"
value = "at least 15"
given_by = "Prosecutor General Askhat Daulbayev"
date = "2012-01-25"
sources = ["https://www.reuters.com/a"]
"""
SOURCES = """\
[[publisher]]
domain = "reuters.com"
name = "Reuters"
kind = "news"

[[publisher]]
domain = "internationalism.org"
name = "International Communist Current"
kind = "primary"

[[ruled_out]]
pattern = "internationalism\\\\.org/tag/"
reason = "Topic pages show only an article's opening."
"""
EVENT_PASSAGE = """\
[[passage]]
record = "strike"
url = "https://www.reuters.com/a"
quote = "{quote}"
checked = 2026-12-01
"""
GOOD_EVENT_QUOTE = "Some eight thousand workers walked out on May 26, the company said."  # 8,000 and 26 May
FIGURE_PASSAGE = """\
[[passage]]
record = "deaths-official"
url = "https://www.reuters.com/a"
quote = "{quote}"
checked = 2026-11-20
"""
GOOD_FIGURE_QUOTE = "Prosecutor-General Daulbayev said on Jan. 25 that at least fifteen people had died."


def make(project, events: str | None = EVENT_PASSAGE.format(quote=GOOD_EVENT_QUOTE),
         figures: str | None = FIGURE_PASSAGE.format(quote=GOOD_FIGURE_QUOTE), derived: str | None = None,
         chapter: str = "# Context\n\nNothing typed here.\n"):
    root = project({"a.txt": BODY, "a.meta.toml": sidecar()})
    (root / "data" / "evidence").mkdir(parents=True)
    (root / "data" / "timeline.toml").write_text(TIMELINE)
    (root / "data" / "sources.toml").write_text(SOURCES)
    for name, content in (("events.toml", events), ("figures.toml", figures), ("derived.toml", derived)):
        if content is not None:
            (root / "data" / "evidence" / name).write_text(content, "utf-8")
    (root / "chapters").mkdir()
    (root / "chapters" / "context.md").write_text(chapter)
    return root


def error_of(root) -> str:
    with pytest.raises(InputError) as caught:
        load_project(root)
    return str(caught.value)


# --- values: how a source may write a number or a date ---------------------------------------


def test_a_claim_states_dates_then_numbers():
    found = [(v.text, v.key) for v in values_in("On 21 May 2011, 6,000 strikers; eight days; December 2011; May 17")]
    assert found == [("21 May 2011", "d:2011-05-21"), ("May 17", "e:05-17"), ("December 2011", "m:2011-12"),
                     ("6,000", "n:6000"), ("eight", "n:8")]


@pytest.mark.parametrize("words", ["on 17 December", "December 17th", "Dec. 17", "17.12.2011", "17 декабря 2011",
                                   "le 17 décembre", "2011-12-17"])
def test_a_date_is_found_in_its_common_forms(words):
    assert Value("17 December 2011", "d:2011-12-17").stated_in(words)


@pytest.mark.parametrize("words", ["on 7 December", "December 16", "17.11.2011", "in 2011"])
def test_another_date_is_not_the_date(words):
    assert not Value("17 December 2011", "d:2011-12-17").stated_in(words)


def test_numbers_as_digits_with_separators_or_words():
    assert {"6000", "1.64", "8", "240"} <= numbers_in("6 000 workers lost 1,64 million, eight days, 240 million")
    assert {"55", "1", "2000"} <= numbers_in("Fifty-five protestors face trial; one person was killed; two thousand")
    assert not Value("80", "n:80").stated_in("about 800 people")
    # a thousands separator makes a number, not a year; a claim's "one" is not read as a number
    assert [(v.text, v.key) for v in values_in("almost 2,000 fired in 2011, one of them")] == [
        ("2,000", "n:2000"), ("2011", "y:2011")]


@pytest.mark.parametrize("claim, kept", [
    ("2,500 to 16,000 strikers (The Guardian, July 2011)", ["2,500", "16,000"]),
    ("4,000 to 15,000 (OSW, 24 August 2011); 5 officers (BBC News, 2012)", ["4,000", "15,000", "5"]),
    # not a registered name, not a date alone, or not an attribution: still claims
    ("jailed in July 2012 (a Guardian report, July 2011)", ["July 2012", "July 2011"]),
    ("5 officers (Reuters, 5 officers)", ["5"]),
    ("Reuters, July 2011, said so", ["July 2011"]),
    ("(The Guardian, July 2011, and 5,000 more)", ["July 2011", "5,000"]),
])
def test_the_date_of_a_cited_article_is_a_citation_not_a_claim(claim, kept):
    names = {"The Guardian", "OSW", "BBC News", "Reuters"}
    assert [v.text for v in values_in(without_citations(claim, names))] == kept


def test_a_claim_may_cite_a_publisher_by_its_short_name_or_bracketed_acronym():
    register = Sources(ROOT / "data" / "sources.toml", tuple(
        Publisher("x.org", name, "news", "", 1) for name in
        ("Centre for Eastern Studies (OSW)", "International Communist Current (ICConline)", "The Guardian")), ())
    assert publisher_names(register) == {"Centre for Eastern Studies", "OSW", "International Communist Current",
                                         "The Guardian"}


def test_a_figure_attributed_to_a_dated_article_needs_no_passage_for_that_date(project):
    root = make(project)
    timeline = root / "data" / "timeline.toml"
    timeline.write_text(TIMELINE.replace("about 8,000 took part.", "about 8,000 took part (Reuters, July 2011)."))
    assert load_project(root).evidence.passages
    timeline.write_text(TIMELINE.replace("about 8,000 took part.", "about 8,000 took part (Agence X, July 2011)."))
    assert "'July 2011' stands in none of its passages" in error_of(root)


# --- the passages and their records -----------------------------------------------------------


def test_good_evidence_loads_and_counts(project):
    root = make(project)
    loaded = load_project(root)
    assert [p.record for p in loaded.evidence.passages] == ["strike", "deaths-official"]
    counted = coverage(root, claims(loaded), loaded.evidence, loaded.sources)
    assert (counted.claims, counted.with_evidence) == (2, 2)
    assert [p.record for p in counted.oldest()] == ["deaths-official", "strike"]  # checked longest ago first


def test_a_sourced_sentence_that_names_a_quoted_record_has_evidence(project):
    chapter = ("# Context\n\nThe strike began on {event-date}`strike` [per Reuters](https://www.reuters.com/a). "
               "It was long [per Reuters](https://www.reuters.com/b).\n")
    root = make(project, figures=None, chapter=chapter)
    loaded = load_project(root)
    counted = coverage(root, claims(loaded), loaded.evidence, loaded.sources)
    assert [s.records for s in counted.sentences] == [("strike",), ()]
    assert [s.text[:10] for s in counted.sentences_with_evidence()] == ["The strike"]


def test_a_date_no_passage_states_stops_the_build(project):
    root = make(project, events=EVENT_PASSAGE.format(quote="Some eight thousand workers walked out, the company said."))
    assert error_of(root) == ("{}:1: event 'strike': '26 May 2011' stands in none of its passages "
                              "(data/evidence/events.toml) and is not declared in data/evidence/derived.toml"
                              ).format(root / "data" / "timeline.toml")


def test_a_derived_value_with_its_formula_passes_and_too_many_stop(project):
    quote = "Some 5,000 walked out at Uzen and 3,000 at Karazhanbas on May 26."
    derived = '[[derived]]\nrecord = "strike"\nvalue = "8,000"\nformula = "5,000 at Uzen + 3,000 at Karazhanbas"\n'
    root = make(project, events=EVENT_PASSAGE.format(quote=quote), derived=derived)
    assert load_project(root).evidence.derived[0].formula == "5,000 at Uzen + 3,000 at Karazhanbas"
    (root / "data" / "evidence" / "derived.toml").write_text(
        derived + '\n[[derived]]\nrecord = "strike"\nvalue = "26 May"\nformula = "the day of the walk-out"\n')
    assert "2 of 5 numbers and dates are derived; at most 10% may be" in error_of(root)
    (root / "data" / "evidence" / "derived.toml").write_text(derived.replace('"8,000"', '"9,000"'))
    assert "derived.toml:1: '9,000' is not written in the claim of 'strike'" in error_of(root)


def test_the_giver_must_be_quoted_or_be_the_source(project):
    root = make(project, figures=FIGURE_PASSAGE.format(quote="Officials said on Jan. 25 that at least fifteen had died."))
    assert "given_by 'Prosecutor General Askhat Daulbayev' names no one its passages quote" in error_of(root)


def test_the_giver_is_found_whatever_the_case(project):
    quote = "The prosecutor-general said on Jan. 25 that at least fifteen people had died."
    assert load_project(make(project, figures=FIGURE_PASSAGE.format(quote=quote))).evidence is not None


def test_a_passage_must_quote_one_of_the_records_sources(project):
    passage = EVENT_PASSAGE.format(quote=GOOD_EVENT_QUOTE).replace("https://www.reuters.com/a", "https://www.reuters.com/b")
    assert "https://www.reuters.com/b is not among the sources of event 'strike'" in error_of(make(project, events=passage))


def test_a_stored_copy_on_a_topic_page_is_refused(project):
    passage = EVENT_PASSAGE.format(quote=GOOD_EVENT_QUOTE) + 'page = "https://en.internationalism.org/tag/7/1287/oil"\n'
    assert ("events.toml:1: https://en.internationalism.org/tag/7/1287/oil is ruled out as a source"
            in error_of(make(project, events=passage)))


@pytest.mark.parametrize("extra, expected", [
    ('quote = "' + "word " * 31 + '"', "the quote has 31 words; quote at most 30"),
    ('lang = "ru"', "a quote in 'ru' needs a 'translation'"),
    ('translation = "our words"', "a 'translation' needs the original's 'lang'"),
    ('lang = "en"\ntranslation = "x"', "'lang' is only for sources not in English"),
    (f"checked = {dt.date.today() + dt.timedelta(days=2)}", "is in the future"),
    ('colour = "red"', "unknown field 'colour'"),
])
def test_a_bad_passage_is_one_line_naming_file_and_line(project, extra, expected):
    passage = EVENT_PASSAGE.format(quote=GOOD_EVENT_QUOTE)
    key = extra.split(" =")[0]
    passage = "\n".join(line for line in passage.splitlines() if not line.startswith(key + " =")) + "\n" + extra + "\n"
    message = error_of(make(project, events=passage))
    assert expected in message and "data/evidence/events.toml:" in message and "\n" not in message


def test_sixty_words_per_record_and_source_at_most(project):
    filler = " ".join(f"w{i}" for i in range(29))
    parts = [EVENT_PASSAGE.format(quote=GOOD_EVENT_QUOTE), EVENT_PASSAGE.format(quote=filler),
             EVENT_PASSAGE.format(quote=filler.replace("w", "v"))]
    assert "quotes 70 words from https://www.reuters.com/a; at most 60" in error_of(make(project, events="\n".join(parts)))


def test_a_passage_for_an_unknown_record(project):
    passage = EVENT_PASSAGE.format(quote=GOOD_EVENT_QUOTE).replace('"strike"', '"strikes"')
    assert "data/evidence/events.toml:1: no event with id 'strikes'" in error_of(make(project, events=passage))


def test_the_real_evidence_checks_and_quotes_within_limits():
    loaded = load_project(ROOT)
    assert loaded.evidence is not None and loaded.evidence.passages
    assert all(p.words <= 30 for p in loaded.evidence.passages)
    assert all(p.translation for p in loaded.evidence.passages if p.lang)


# --- the fold ---------------------------------------------------------------------------------


def test_the_fold_marks_quotation_language_and_translation():
    evidence = load_evidence(ROOT / "data" / "evidence")
    polish = [p for p in evidence.passages if p.lang == "pl"]
    html = fold_html(polish, "CITIC Group")
    assert html.startswith('<details class="evidence"><summary>') and "for CITIC Group" in html
    assert f'<blockquote cite="{polish[0].url}" lang="pl">' in html
    assert '<p class="evidence-translation" lang="en">' in html and "<q>" in html
    assert fold_html((), "nothing") == ""


# --- the chapter lints ------------------------------------------------------------------------


@pytest.mark.parametrize("prose, found", [
    ("As paragraph 2 says.", ("place", "paragraph 2")),
    ("See ¶ 3.", ("place", "¶ 3")),
    ("Its last sentence is a taunt.", ("place", "last sentence")),
    ("The word occurs in paragraphs 5 and 7.", ("place", "occurs in paragraphs")),
    ("Workers struck on 26 May 2011.", ("fact", "26 May 2011")),
    ("Officials counted at least 15 dead.", ("fact", "at least 15")),
    ("As {para}`2` says.", ("place", "{para}`2`")),  # a paragraph link that names no words of it
])
def test_a_bare_place_or_a_retyped_fact_is_found(project, prose, found):
    root = make(project, chapter=f"# Context\n\n{prose}\n")
    findings = lint(root, load_timeline(root / "data" / "timeline.toml"))
    assert [(f.lint, f.text) for f in findings] == [found]
    assert f"chapters/context.md:3: '{found[1]}'" in str(findings[0].error())


@pytest.mark.parametrize("prose", [
    "As {para}`2 | You will not escape` says; on {event-date}`strike`; {figure}`deaths-official`.",
    "## Paragraph 2: the advice",
    "([Reuters, 26 May 2011](https://www.reuters.com/a))",
])
def test_roles_headings_and_link_labels_pass(project, prose):
    root = make(project, chapter=f"# Context\n\n{prose}\n")
    assert lint(root, load_timeline(root / "data" / "timeline.toml")) == []


def test_an_exception_needs_its_reason_and_allows_only_its_words(project):
    root = make(project, chapter="# Log\n\nIt said 26 May 2011 then. Later, 26 May 2011 again.\n\nAnd 26 May 2011.\n")
    exceptions = root / "data" / "chapter-exceptions.toml"
    exceptions.write_text('[[exception]]\nlint = "fact"\nfile = "chapters/context.md"\ntext = "It said 26 May 2011 then"\n'
                          'reason = "the log records what the page said"\n')
    findings = lint(root, load_timeline(root / "data" / "timeline.toml"), None, load_exceptions(exceptions))
    assert [f.line for f in findings] == [5]  # the excused line's other mention is in the same line: allowed
    assert "chapters/context.md:5: '26 May 2011'" in error_of(root)  # the project loader runs the lints
    exceptions.write_text('[[exception]]\nlint = "fact"\nfile = "x"\ntext = "y"\n')
    assert error_of(root).endswith("chapter-exceptions.toml:1: exception 1: missing required field 'reason'")


def test_the_real_chapters_lint_clean():
    loaded = load_project(ROOT)  # loading lints; a finding would raise
    assert loaded.timeline is not None


# --- places in the text, checked against the seed ({sentence}, {occurs}, {para}) ----------------


@pytest.fixture(scope="module")
def text():
    return load_corpus(ROOT).texts[0]


def test_a_sentence_is_named_by_words_that_stand_in_it(text):
    assert sentence_problem(text, 8, "first", "daily tv news") == ""
    assert sentence_problem(text, 8, "last", "How cunning you are!") == ""
    # finding 11: the sentence with the tv news is the first of paragraph 8, not the last
    assert "is not in the last sentence of paragraph 8" in sentence_problem(text, 8, "last", "daily tv news")
    assert sentence_problem(text, 2, "2nd", "Do not even try") == ""
    assert "has paragraphs 1 to 8" in sentence_problem(text, 9, "first", "x")
    assert "sentences" in sentence_problem(text, 4, "9th", "x")


def test_where_a_phrase_occurs_is_computed(text):
    # finding 12: "class war" stands in paragraph 6 only (7 has "class struggle", 8 "class enemy")
    assert paragraphs_holding(text, "class war") == [6]
    assert listed(paragraphs_holding(text, "bourgeoisie")).startswith("paragraphs 1, 2, 3")
    assert listed([6]) == "paragraph 6" and listed([5, 7, 8]) == "paragraphs 5, 7 and 8"


def test_a_compound_number_word_is_one_number():
    # "Twenty-two" states 22 (it was read as 20 and 2, so a claim written so needed passages stating both)
    from studyguide.knowledge.evidence_values import numbers_in, values_in
    assert [v.key for v in values_in("Twenty-two people were charged")] == ["n:22"]
    assert numbers_in("twenty-two people") == {"22"}
    assert "20" not in numbers_in("twenty-two") and "2" not in numbers_in("twenty-two")
