"""The study guide in real Chromium: offline hover definitions; in the teacher edition, folded model answers."""

from __future__ import annotations

import pytest

from support import CHAPTER, Visit, is_file

pytestmark = pytest.mark.browser


def test_glossary_term_in_the_text_shows_its_definition_on_hover_and_on_focus(chromium, book_url):
    with Visit(chromium) as visit:
        page = visit.open(f"{book_url}/{CHAPTER}")
        term = page.locator("#p1 .glossary-mark", has_text="Stalinism").first
        term.hover()
        tip = page.locator(".tippy-box").first
        tip.wait_for(state="visible", timeout=5000)
        assert "Joseph Stalin" in tip.inner_text()
        page.mouse.move(0, 0)
        page.locator("#p8 a:has(.glossary-mark)", has_text="Machiavellian").first.focus()
        page.wait_for_function("() => [...document.querySelectorAll('.tippy-box')].some(b => b.innerText.includes('Niccol'))")
        visit.assert_clean("text chapter")


def test_paragraph_link_in_the_commentary_previews_the_paragraph(chromium, book_url):
    with Visit(chromium) as visit:
        page = visit.open(f"{book_url}/chapters/guide/commentary.html")
        page.locator('article a[href$="solidarity-oil-workers.html#p7"]').first.hover()
        page.wait_for_function("() => [...document.querySelectorAll('.tippy-box')].some(b => b.innerText.includes('Nazarbayev clique'))")
        visit.assert_clean("commentary")


def test_model_answers_of_the_teacher_edition_are_folded_until_opened(chromium, teacher_book):
    with Visit(chromium, is_file) as visit:
        page = visit.open((teacher_book / "chapters/guide/questions.html").as_uri())
        question = page.locator("li", has_text='what does the author "advise" a worker to do')
        note = question.locator(".model-answer")
        answer = note.get_by_text("Not to stand up for their rights")
        assert not answer.is_visible()
        note.locator("button.toggle-button").click()
        answer.wait_for(state="visible", timeout=5000)
        visit.assert_clean("questions")
