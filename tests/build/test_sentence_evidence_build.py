"""The built book: a chapter sentence's own passages ({evidence}) open from a mark after its citation."""

from __future__ import annotations

import pytest

from studyguide import load_project
from studyguide.knowledge.evidence import SENTENCE
from support import ROOT, page

pytestmark = pytest.mark.build

# The chapters whose sentences carry passages, and their pages
PAGES = {"context": "chapters/context.html", "perspectives": "chapters/guide/perspectives.html",
         "commentary": "chapters/guide/commentary.html"}


def test_each_sentence_claim_links_to_a_fold_with_its_quotations_and_back(built_book):
    data = load_project(ROOT)
    claims = {}
    for passage in data.evidence.passages:
        if passage.kind == SENTENCE and passage.path.stem in PAGES:
            claims.setdefault(passage.record, []).append(passage)
    assert claims
    for claim, passages in claims.items():
        soup = page(built_book, PAGES[passages[0].path.stem]).soup
        mark = soup.find("a", id=f"evidence-ref-{claim}")
        assert mark is not None and mark["href"] == f"#evidence-{claim}", claim
        assert "The source's words for this sentence" in mark.select_one(".sg-sr-only").get_text()
        target = soup.find(id=f"evidence-{claim}")
        fold = target.find_parent("details")  # a closed fold: following the mark opens it
        assert "evidence" in fold["class"] and fold.get("open") is None
        assert fold.summary.get_text().startswith("The source's words")
        quotes = [" ".join(q.get_text().split()) for q in target.select("figure.evidence-passage blockquote")]
        assert quotes == [p.quote for p in passages]
        assert target.select_one("p.evidence-back a")["href"] == f"#evidence-ref-{claim}"
        # the fold follows the paragraph (or list item's paragraph) that holds the mark
        assert mark.find_parent("p") in fold.find_previous_siblings("p")


def test_the_student_checking_page_quotes_no_model_answer(built_book):
    """The claims of model answers are counted, but the student edition shows none of their words."""
    from studyguide.book.editions import teacher_lines
    from studyguide.knowledge.coverage import sourced_sentences
    from studyguide.knowledge.sentence_claims import claim_text

    teacher = [s for s in sourced_sentences(ROOT) if s.line in teacher_lines(s.path.read_text("utf-8"))]
    assert teacher  # the model answers that state facts cite their sources
    visible = " ".join(page(built_book, "chapters/guide/checking.html").soup.get_text(" ").split())
    for sentence in teacher:
        opening = " ".join(claim_text(sentence.text).split()[:6])
        assert opening not in visible, opening
