"""Texts a teacher adds, in any script and with any characters, through the real build.

One copy of the project gets three texts, each added with ``python -m studyguide new``:
a text whose title is full of dollar signs (maths in MyST and matplotlib) with decomposed
accents and curly apostrophes, an English text whose id sorts before the seed's though
its file name sorts after, and a Russian text. The copy is built once; then a text is
removed and the same output rebuilt.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from studyguide import load_corpus
from studyguide.analysis.languages import language_notice
from support import Page, build, copy_project

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


def run(root, *args):
    return subprocess.run([sys.executable, "-m", "studyguide", *args], cwd=root, capture_output=True, text=True,
                          env={**os.environ, "STUDYGUIDE_ROOT": str(root)})


@pytest.fixture(scope="module")
def any_book(tmp_path_factory):
    base = tmp_path_factory.mktemp("any-text")
    root = copy_project(base / "book")
    for name, body in TEXTS.items():
        (root / "seeds" / f"{name}.txt").write_text(body, "utf-8")
        added = run(root, "new", f"seeds/{name}.txt")
        assert added.returncode == 0, added.stderr
    checked = run(root, "check")
    assert checked.returncode == 0, checked.stderr
    result = build(root, base / "out")
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
    return root, base / "out", base / "out" / "_build" / "html"


def read(html, name) -> Page:
    return Page((html / name).read_text("utf-8"))


def test_chapters_follow_the_seed_file_names(any_book):
    root, _, html = any_book
    corpus = load_corpus(root)
    assert sorted(t.id for t in corpus) != [t.id for t in corpus]  # ids alone would order them otherwise
    nav = read(html, "index.html").select("nav.bd-docs-nav a.reference.internal")
    listed = [a["href"].removesuffix(".html").split("/")[-1] for a in nav if "chapters/texts/" in a["href"]]
    assert listed == [t.id for t in corpus]


def test_each_chapter_carries_its_language(any_book):
    root, _, html = any_book
    for text in load_corpus(root):
        section = read(html, f"chapters/texts/{text.id}.html").one("section.seed-text")
        assert section["lang"] == text.language
    assert {t.language for t in load_corpus(root)} == {"en", "ru"}


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


def test_a_removed_text_is_no_longer_published(any_book):
    root, out, html = any_book
    later = next(t for t in load_corpus(root) if t.title == "A later text")
    page = html / "chapters" / "texts" / f"{later.id}.html"
    assert page.is_file()
    later.path.unlink()
    later.meta.path.unlink()
    (root / "chapters" / "texts" / f"{later.id}.md").unlink()
    result = build(root, out)
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
    assert not page.exists()
    assert not list((html / "_sources").rglob(f"{later.id}.*"))
    assert f"{later.id}.html" not in (html / "index.html").read_text("utf-8")
    assert later.id not in (html / "searchindex.js").read_text("utf-8")
