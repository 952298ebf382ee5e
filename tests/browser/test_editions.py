"""Classroom editions: the student edition holds no answer anywhere, the teacher edition holds every
one (one reveal per question, labelled); self-check quizzes answer in the page; printing and the PDFs
follow the same rules, and keep a glossary term with its definition and a heading with its text."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.search import js_index
from sphinx.search.en import SearchEnglish

from studyguide import load_project
from studyguide.book.editions import TEACHER_BLOCKS
from studyguide.cli.serve import pages, serve
from support import CHROMIUM, ROOT, Page, Visit, is_file, page

pytestmark = pytest.mark.browser
QUESTIONS = "chapters/guide/questions.html"
BLOCK = re.compile(r"^[ \t]*:{3,}\{(?:" + "|".join(TEACHER_BLOCKS) + r")\}.*?\n(.*?)^[ \t]*:{3,}[ \t]*$", re.M | re.S)
ROLE = re.compile(r"\{[a-z-]+\}`([^`<]*?)(?:\s*<[^>]*>)?`")
PARA = re.compile(r"\{para\}`(\d+)(?:\s*\|[^`]*)?`")  # {para}`3` and {para}`3 | words it checks`
EVENT_DATE = re.compile(r"\{event-date\}`([a-z0-9-]+)`")
SENTENCE = re.compile(r"\{sentence\}`[^`<]*<(first|last|\w+) (\d+)>`")
# a citation shows as "(ICC, 2012)" and a sentence's evidence as a mark: neither as the words of its role
UNREAD = re.compile(r"\{(?:cite:[a-z]+|evidence)\}`[^`]*`")
LINK = re.compile(r"\[([^\]]*)\]\([^)\s]*\)")  # a Markdown link shows its label


TIMELINE = load_project(ROOT).timeline


def squeeze(text: str) -> str:
    """Letters and digits only, ligatures unfolded: PDF text extraction breaks lines and spaces freely."""
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", text)).lower()


def sources() -> list[Path]:
    return [*ROOT.glob("chapters/**/*.md"), ROOT / "index.md", *ROOT.glob("notebooks/*.ipynb")]


def as_read(source: str) -> str:
    """MyST roles as a reader sees them: {para}`3` is "paragraph 3", {sentence}`words <first 8>` "the first
    sentence of paragraph 8", a citation or an evidence mark nothing, a link its label, any other role its text."""
    source = LINK.sub(r"\1", UNREAD.sub("", source))
    source = SENTENCE.sub(r"the \1 sentence of paragraph \2", source)
    source = EVENT_DATE.sub(lambda m: TIMELINE[m[1]].date_label(), source)  # the date the data holds
    return ROLE.sub(r"\1", PARA.sub(r"paragraph \1", source))


def teacher_sentences(pattern: str = "chapters/**/*.md") -> list[str]:
    """The sentences of the model answers and teacher notes (of the pages ``pattern`` matches) that
    the rest of the guide does not say too, as a reader would see them (roles shown as their text)."""
    public = squeeze(" ".join(as_read(BLOCK.sub("", path.read_text("utf-8"))) for path in sources()))
    sentences = []
    for path in ROOT.glob(pattern):
        for block in BLOCK.findall(path.read_text("utf-8")):
            plain = " ".join(as_read(block).split())
            sentences += [s for s in re.split(r"(?<=[.!?])\s+", plain) if len(s.split()) >= 6 and squeeze(s) not in public]
    return sentences


def stems(text: str) -> set[str]:
    """The words of ``text`` as Sphinx's English search index stores them."""
    stemmer = SearchEnglish({})
    return {stemmer.stem(w.lower()) for w in re.findall(r"[A-Za-z]{4,}", text)}


def test_the_student_edition_holds_no_answer_in_any_published_file(built_book):
    sentences = [squeeze(s) for s in teacher_sentences()]
    assert len(sentences) >= 30
    for path in sorted(built_book.rglob("*")):
        if path.suffix in (".html", ".js", ".md", ".txt", ".ipynb", ".json"):
            content = squeeze(Page(path.read_text("utf-8", "replace")).visible if path.suffix == ".html" else path.read_text("utf-8", "replace"))
            leaked = [s for s in sentences if s in content]
            assert not leaked, f"{path.relative_to(built_book)} holds a teacher's sentence: {leaked[0][:80]}"
    index = js_index.loads((built_book / "searchindex.js").read_text("utf-8"))
    terms = set(index["terms"]) | set(index.get("titleterms", {}))
    shown = stems(" ".join(page(built_book, name).visible for name in pages(built_book)))
    teacher = stems(" ".join(BLOCK.findall(" ".join(path.read_text("utf-8") for path in ROOT.glob("chapters/**/*.md")))))
    only = teacher - shown  # words of the teacher blocks that no student page shows
    assert len(only) >= 10, "the check needs words that only the teacher blocks use"
    assert not only & terms, f"the student search index knows teacher-only words: {sorted(only & terms)[:10]}"


def test_the_teacher_edition_has_one_labelled_reveal_per_question(teacher_book):
    questions = page(teacher_book, QUESTIONS)
    answers = questions.select(".admonition.teacher-note.model-answer")
    source = (ROOT / "chapters" / "guide" / "questions.md").read_text("utf-8")
    assert len(answers) == source.count(":::{model-answer}") >= 20
    for answer in answers:
        assert questions.text_of(answer.select_one(".admonition-title")) == "Model answer"
        assert answer.find_parent("li") is not None, "a model answer sits under its own question"
    notes = questions.select(".admonition.teacher-note:not(.model-answer)")
    assert notes and all(questions.text_of(n.select_one(".admonition-title")).startswith("Teacher note") for n in notes)
    # a sentence's evidence mark is a control after its citation, not words of the sentence
    shown = BeautifulSoup(str(questions.soup), "html.parser")  # a copy: parsed pages are shared, read only
    for mark in shown.select("a.evidence-ref"):
        mark.decompose()
    visible = squeeze(questions.text_of(shown))
    assert all(squeeze(s) in visible for s in teacher_sentences("chapters/guide/questions.md") if "teacher" not in s.lower())
    assert "Teacher edition" in questions.visible and "teacher edition only" not in questions.visible


@pytest.fixture(scope="module")
def student_url(built_book):
    with serve(built_book) as url:
        yield url


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed")
def test_quiz_gives_feedback_by_mouse_and_keyboard_with_no_kernel(chromium, built_book):
    project = load_project(ROOT)
    with Visit(chromium, is_file) as visit:  # from file://, offline
        tab = visit.open((built_book / QUESTIONS).as_uri())
        first = project.quiz.section("comprehension")[0]
        wrong = next(i for i, o in enumerate(first.shown_options) if o != first.answer)
        tab.check(f"#quiz-{first.id}-{wrong}")
        tab.click(f"#quiz-{first.id} .sg-quiz-check")
        feedback = tab.locator(f"#quiz-{first.id} .sg-quiz-feedback")
        assert feedback.inner_text().startswith("✗ Not quite")
        assert tab.locator(f"#quiz-{first.id} .sg-quiz-explanation").is_visible()
        # keyboard only: reach the right option, choose it with the arrow keys, check with Enter
        right = first.shown_options.index(first.answer)
        tab.focus(f"#quiz-{first.id}-{wrong}")
        for _ in range((right - wrong) % len(first.options)):
            tab.keyboard.press("ArrowDown")
        assert tab.is_checked(f"#quiz-{first.id}-{right}")
        tab.keyboard.press("Enter")
        assert feedback.inner_text() == "✓ Right."
        short = next(item for item in project.quiz if item.count)
        tab.fill(f"#quiz-{short.id}-input", "Five")  # in words, any case
        tab.press(f"#quiz-{short.id}-input", "Enter")
        assert tab.locator(f"#quiz-{short.id} .sg-quiz-feedback").inner_text() == "✓ Right."
        link = tab.locator(f"#quiz-{short.id} .sg-quiz-explanation a")
        assert link.get_attribute("href").endswith(f"solidarity-oil-workers.html#p{short.paragraph}")
        assert tab.evaluate("document.documentElement.scrollWidth") <= 1280
        visit.assert_clean("questions page, file://")


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed")
@pytest.mark.parametrize("mode", ["light", "dark"])
def test_quiz_has_no_accessibility_violation(chromium, student_url, mode):
    from axe_playwright_python.sync_playwright import Axe

    with Visit(chromium, color_scheme=mode, viewport={"width": 390, "height": 844}) as visit:
        tab = visit.open(f"{student_url}/{QUESTIONS}")
        tab.evaluate(f"document.documentElement.dataset.theme = '{mode}'; document.documentElement.dataset.mode = '{mode}'")
        tab.locator("form.sg-quiz-item .sg-quiz-check").first.click()  # an answer shown
        options = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
        violations = Axe().run(tab, context=".sg-quiz", options=options).response["violations"]
        assert not violations, [(v["id"], v["nodes"][0]["html"][:100]) for v in violations]
        assert tab.evaluate("document.documentElement.scrollWidth") <= 390


def print_text(chromium, html: Path) -> str:
    pypdf = pytest.importorskip("pypdf")
    import io

    with Visit(chromium, is_file) as visit:
        tab = visit.open((html / QUESTIONS).as_uri())
        tab.emulate_media(media="print")
        pdf = tab.pdf(format="A4")
    return squeeze(" ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages))


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed")
def test_printing_the_questions_page_shows_answers_only_in_the_teacher_edition(chromium, built_book, teacher_book):
    answer = squeeze(teacher_sentences()[0])
    student, teacher = print_text(chromium, built_book), print_text(chromium, teacher_book)
    assert squeeze("Comprehension") in student and answer not in student
    assert squeeze(load_project(ROOT).quiz.items[0].explanation) not in student  # a quiz prints as a worksheet
    assert squeeze("press Check") not in student and squeeze("check it in the online guide") in student  # no button on paper
    assert answer in teacher and squeeze("Model answer") in teacher


def pdf_pages(path: Path) -> list[list[str]]:
    pypdf = pytest.importorskip("pypdf")
    return [[line.strip() for line in p.extract_text().splitlines() if line.strip()] for p in pypdf.PdfReader(str(path)).pages]


@pytest.mark.skipif(CHROMIUM is None, reason="the PDFs are printed by Chromium")
@pytest.mark.parametrize("edition, name", [("student", "student-handout.pdf"), ("teacher", "teacher-guide.pdf")])
def test_each_edition_links_its_pdf_and_the_pdf_keeps_terms_and_headings_with_their_text(
        built_book, teacher_book, edition, name):
    html = built_book if edition == "student" else teacher_book
    pdf = html / "downloads" / name
    assert pdf.read_bytes().startswith(b"%PDF")
    how_to = page(html, "chapters/guide/how-to-use.html")
    assert [a["href"] for a in how_to.select("a.handout-link")] == [f"../../downloads/{name}"]
    other = "teacher-guide.pdf" if edition == "student" else "student-handout.pdf"
    assert not (html / "downloads" / other).exists()
    built = [page(html, p) for p in pages(html)]
    headings = {" ".join(b.text_of(h).replace("#", "").split()) for b in built for h in b.soup.select("main h1, main h2, main h3, main h4")}
    terms = {b.text_of(dt) for b in built for dt in b.soup.select("dl.glossary dt")}
    content = pdf_pages(pdf)
    text = squeeze(" ".join(" ".join(lines) for lines in content))
    for sentence in teacher_sentences():
        assert (squeeze(sentence) in text) == (edition == "teacher"), sentence[:60]
    for number, lines in enumerate(content, 1):
        last = lines[-2] if len(lines) > 1 else ""  # the last line is the footer
        assert last not in terms, f"{name} page {number} ends with the glossary term {last!r}"
        assert last not in headings, f"{name} page {number} ends with the heading {last!r}"
