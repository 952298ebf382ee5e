"""Texts a teacher adds, in any script and with any characters, through the real build.

The sandbox book (``conftest.sandbox_book``) gets three texts, each added with
``python -m studyguide new``: a text whose title is full of dollar signs (maths in MyST and
matplotlib) with decomposed accents and curly apostrophes, an English text whose id sorts
before the seed's though its file name sorts after, and a Russian text. It is built once;
then a text is removed and the same output rebuilt.
"""

from __future__ import annotations

from urllib.parse import unquote

import pytest
from books import SandboxText

from studyguide import load_corpus
from studyguide.analysis.languages import language_notice
from support import TEXT_ID, Page

pytestmark = pytest.mark.build

DOLLAR_TITLE = "Price of $x^2$ and $$ {math} $5 for <b>workers</b>"
TEXTS = {
    "005_dollar": f"{DOLLAR_TITLE}\n\nThe cafe\u0301 workers met at the café. They don’t stop; they don't stop. "
                  "Self\u2010organization is what the workers of the café want, the workers say.\n\n"
                  "The workers struck again, and the café closed for the day.\n",
    "010_later": "A later text\n\nThe strike went on for months in the oil fields of the west. The workers asked for "
                 "better pay and for the right to organise. The company sacked hundreds of them.\n\n"
                 "In December the police fired on the crowd in the town square.\n",
    "020_russian": "Солидарность с нефтяниками\n\nРабочие нефтяной отрасли Казахстана бастовали несколько месяцев в "
                   "2011 году. Они требовали повышения заработной платы и права на независимые профсоюзы. Компания "
                   "уволила сотни бастующих, а власти не вмешивались.\n\nШестнадцатого декабря полиция открыла огонь "
                   "по людям на площади города, и многие были ранены. После этого в городе ввели чрезвычайное положение.\n",
}


SANDBOX_TEXTS = tuple(SandboxText(name, body.encode(), removed=name == "010_later") for name, body in TEXTS.items())


@pytest.fixture(scope="module")
def any_book(sandbox_book):
    built = sandbox_book(SANDBOX_TEXTS)
    assert len(built.added) >= len(TEXTS)
    for added in built.added:  # each text added with `new`
        assert added.returncode == 0, added.stderr
    assert built.checked.returncode == 0, built.checked.stderr  # then `check` accepts them
    return built.root, built.out, built.html


def read(html, name) -> Page:
    return Page((html / name).read_text("utf-8"))


def test_chapters_follow_the_seed_file_names(any_book):
    root, _, html = any_book
    corpus = load_corpus(root)
    assert sorted(t.id for t in corpus) != [t.id for t in corpus]  # ids alone would order them otherwise
    nav = read(html, "index.html").select("nav.bd-docs-nav a.reference.internal")
    # an id in Arabic or Hebrew letters is percent-encoded in the link
    listed = [unquote(a["href"]).removesuffix(".html").split("/")[-1] for a in nav if "chapters/texts/" in a["href"]]
    assert listed == [t.id for t in corpus]


def test_each_chapter_carries_its_language(any_book):
    root, _, html = any_book
    for text in load_corpus(root):
        section = read(html, f"chapters/texts/{text.id}.html").one("section.seed-text")
        assert section["lang"] == text.language
    ours = [t for t in load_corpus(root) if t.path.stem in TEXTS or t.id == TEXT_ID]
    assert {t.language for t in ours} == {"en", "ru"}  # the seed and this module's texts (other modules add their own)


def test_dollar_signs_stay_characters_everywhere(any_book):
    root, _, html = any_book
    text = next(t for t in load_corpus(root) if t.title == DOLLAR_TITLE)
    chapter = read(html, f"chapters/texts/{text.id}.html")
    assert chapter.one("h1").get_text().startswith(DOLLAR_TITLE)
    for name in ("notebooks/overview.html", "notebooks/words.html", "notebooks/themes.html", "notebooks/timeline.html",
                 f"chapters/texts/{text.id}.html"):
        found = read(html, name)
        assert DOLLAR_TITLE in found.visible, name
        assert not found.select(".math, mjx-container, span.math, div.math"), name
    assert "Price of $x^2$" in (html / "searchindex.js").read_text("utf-8")
    # chart captions and alt text name the title as written (the SVG is text, not mathtext)
    words = read(html, "notebooks/words.html")
    assert any(DOLLAR_TITLE in (img.get("alt") or "") for img in words.soup.find_all("img"))


def test_a_text_not_in_english_gets_plain_notices_and_no_scores(any_book):
    root, _, html = any_book
    russian = next(t for t in load_corpus(root) if t.language == "ru")
    themes = read(html, "notebooks/themes.html").visible
    for analysis in ("sentiment", "themes", "address"):
        assert language_notice(russian, analysis) in themes
    assert "Author's own voice" in themes  # the English texts still have theirs
    page = read(html, "notebooks/themes.html")
    assert not [img for img in page.soup.find_all("img") if russian.title in (img.get("alt") or "")]  # no chart of it
    for table in page.select("table"):  # and no number about it (the notebook's tables of it have no rows)
        caption = table.find("caption")
        if caption and russian.title in caption.get_text() and not caption.get_text().startswith("How each paragraph's voice"):
            assert not table.select("tbody tr") or "Not computed" in table.get_text(), caption.get_text()
    timeline = read(html, "notebooks/timeline.html").visible
    for text in load_corpus(root):
        assert text.title in timeline
    assert f"“{russian.title}” has no known date" in timeline


@pytest.mark.sandbox_removal
def test_a_removed_text_is_no_longer_published(any_book, sandbox_book):
    root, _, first = any_book
    later = next(t for t in load_corpus(root) if t.title == "A later text")
    assert (first / "chapters" / "texts" / f"{later.id}.html").is_file()
    # the sandbox's project and output, rebuilt after "A later text" (seed, sidecar, chapter page) is deleted
    rebuilt = sandbox_book.after_removal(SANDBOX_TEXTS)
    html = rebuilt.html
    assert not list(rebuilt.root.glob("seeds/010_later.*")) and not (rebuilt.root / "chapters" / "texts" / f"{later.id}.md").exists()
    page = html / "chapters" / "texts" / f"{later.id}.html"
    assert not page.exists()
    assert not list((html / "_sources").rglob(f"{later.id}.*"))
    assert f"{later.id}.html" not in (html / "index.html").read_text("utf-8")
    assert later.id not in (html / "searchindex.js").read_text("utf-8")
