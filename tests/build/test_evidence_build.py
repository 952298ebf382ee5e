"""The built book: the sources' words open under figures, events and who's who entries, and the
checking page counts the claims, all from data/evidence/ at build time."""

from __future__ import annotations

import pytest

from studyguide import load_project
from studyguide.knowledge.coverage import coverage
from studyguide.knowledge.project import claims
from support import ROOT, page

pytestmark = pytest.mark.build


@pytest.fixture(scope="module")
def data():
    return load_project(ROOT)


def passages_of(data, kind):
    return {p.record: p for p in data.evidence.passages if p.kind == kind}


# Where each kind of record is shown with its folds: contested figures of the deaths and the injured
# on the context chapter, the others (dismissals, arrests...) beside their events in the timeline.
SHOWN_ON = {"figure": ("chapters/context.html", "notebooks/timeline.html"), "entry": ("chapters/guide/whos-who.html",),
            "event": ("notebooks/timeline.html",)}


@pytest.mark.parametrize("kind", sorted(SHOWN_ON))
def test_every_record_with_a_passage_has_a_fold_with_its_quotation(built_book, data, kind):
    folds = [f for name in SHOWN_ON[kind] for f in page(built_book, name).soup.select("details.evidence")]
    quoted = passages_of(data, kind)
    assert folds and quoted
    for record, passage in quoted.items():
        blockquotes = [q for f in folds for q in f.select(f'blockquote[cite="{passage.url}"]')]
        assert any(" ".join(q.get_text().split()) == passage.quote for q in blockquotes), record
    for fold in folds:  # native, closed, named for screen readers, each quotation attributed and dated
        assert fold.get("open") is None and fold.summary.get_text().startswith("The source's words for ")
        for figure in fold.select("figure.evidence-passage"):
            assert figure.blockquote["cite"].startswith("http") and "found word for word" in figure.figcaption.get_text()


def test_an_original_carries_its_language_and_the_translation_follows(built_book, data):
    html = page(built_book, "chapters/guide/whos-who.html").soup
    originals = html.select("details.evidence blockquote[lang]")
    translated = [p for p in data.evidence.passages if p.lang and p.kind == "entry"]
    assert len(originals) == len(translated) >= 1
    for quote in originals:
        following = quote.find_next_sibling("p", class_="evidence-translation")
        assert following is not None and following["lang"] == "en" and following.q.get_text()


def test_the_checking_page_counts_what_the_data_holds(built_book, data):
    html = page(built_book, "chapters/guide/checking.html").soup
    counted = coverage(ROOT, claims(data), data.evidence, data.sources)
    lead = html.select_one("table.evidence-counts").find_previous("p").get_text(" ", strip=True)
    assert f"makes {counted.claims} claims" in lead and f"{counted.with_evidence} of them have evidence" in lead
    days = {p.checked for p in data.evidence.passages}
    rows = html.select("table.evidence-oldest tbody tr")
    if len(days) == 1:  # no list of "the oldest" among passages all checked the same day: one sentence says so
        assert not rows and "Every passage was checked on" in html.select_one("p.evidence-oldest").get_text()
    else:
        assert len(rows) == min(10, len(counted.oldest()))
    records, sentences = html.select("details.evidence-missing")
    missing = records.select("li")
    assert len(missing) == len(counted.without_passage())
    assert len(sentences.select("li")) == len(counted.sentences) - len(counted.sentences_with_evidence())
    reasons = {r.label: why for r, why in counted.without_passage()}
    blair = next(r for r in counted.records if r.id == "deaths-blair-letter")
    assert reasons[blair.label] in " ".join(li.get_text(" ", strip=True) for li in missing)


def test_places_in_the_text_are_links_checked_at_build(built_book):
    html = page(built_book, "chapters/guide/commentary.html").soup
    labels = {a.get_text(" ", strip=True): a["href"] for a in html.select("a.paragraph-link")}
    assert labels["the first sentence of paragraph 8"].endswith("#p8")
    assert labels["the first sentence of paragraph 1"].endswith("#p1")
    checking = page(built_book, "chapters/guide/checking.html").soup
    assert any(a.get_text() == "paragraph 6" for a in checking.select("a.paragraph-link"))  # {occurs}`class war`
