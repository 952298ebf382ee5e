"""A class corpus, in the built HTML: the test texts of tests/fixtures/texts in the one sandbox build.

Right-to-left chapters, verse lines, labels in the text's own language, the timeline's
reach, the word index the explorer reads; expectations hand-counted (tests/corpus_texts.py).
"""

from __future__ import annotations

import json
from urllib.parse import unquote

import pytest
from corpus_texts import BY_LANGUAGE, EXPECTED, GERMAN_WORD, VERSE_LINE_5, VERSE_LINES, sandbox_texts, title

from support import page

pytestmark = pytest.mark.build

RTL = ("ar", "he", "fa")


SANDBOX_TEXTS = sandbox_texts()


@pytest.fixture(scope="module")
def built(sandbox_book):
    return sandbox_book(SANDBOX_TEXTS)


@pytest.fixture(scope="module")
def html(built):
    return built.html


def chapter(html, language: str):
    return page(html, f"chapters/texts/{BY_LANGUAGE[language].id}.html")


def test_no_third_party_message_reaches_the_build_or_a_page(built, html):
    log = built.log
    for message in ("Building prefix dict", "Loading model", "Glyph", "findfont", "WARNING"):
        assert message not in log, message
    for name in ("notebooks/words.html", "notebooks/timeline.html", "notebooks/overview.html", "notebooks/themes.html"):
        visible = page(html, name).visible
        assert "Glyph" not in visible and "prefix dict" not in visible, name


@pytest.mark.parametrize("language", RTL)
def test_right_to_left_chapters_are_rtl_with_the_guides_words_ltr(html, language):
    soup = chapter(html, language)
    section = soup.one("section.seed-text")
    assert section["dir"] == "rtl" and section["lang"] == language
    paragraphs = soup.select(".seed-paragraph")
    assert len(paragraphs) == 3 and all(p["dir"] == "rtl" and p.select_one("p")["dir"] == "rtl" for p in paragraphs)
    provenance = soup.one(".provenance")
    assert provenance["dir"] == "ltr" and provenance["lang"] == "en"
    assert not soup.select(".theme-legend")  # no theme can be scored in these languages: no symbols to explain


def test_left_to_right_chapters_have_no_rtl(html):
    for language in ("zh", "ru", "kk", "de"):
        assert not chapter(html, language).select('[dir="rtl"]'), language


def test_verse_keeps_its_lines_numbered_every_fifth_and_linkable(html):
    poem = page(html, "chapters/texts/song-of-the-cold-square.html")
    lines = poem.select(".verse-line")
    assert len(lines) == VERSE_LINES and [line["id"] for line in lines] == [f"l{n}" for n in range(1, VERSE_LINES + 1)]
    assert [a.get_text() for a in poem.select("a.line-number")] == ["5"]
    assert poem.one("#l5").get_text(" ", strip=True) == "5 " + VERSE_LINE_5
    assert len(poem.select(".seed-paragraph")) == 2
    # the paragraph browser shows the stanzas with their line breaks too (an inline style: Jupyter has no stylesheet)
    shown = [p.get_text() for p in page(html, "notebooks/overview.html").select('p[style="white-space: pre-line"]')]
    assert VERSE_LINE_5 + "\nwe counted names" in "".join(shown)


def test_keyness_is_labelled_with_the_texts_own_language(html):
    words = page(html, "notebooks/words.html").visible
    assert f"“{GERMAN_WORD}”: the" in words
    assert "against general German" in words and "against general English (at least" in words
    assert f"“{GERMAN_WORD}”: the 1 most distinctive words against general English" not in words
    kazakh = BY_LANGUAGE["kk"]
    assert "Keyness against general language: not computed for “Мұнайшылар ереуілі”" in words
    assert "No word of “Мұнайшылар ереуілі” occurs" not in words  # no computed-sounding line beside "not computed"
    assert "it removes: ." not in words and kazakh.id
    # no list of stopwords for Kazakh: no second top-20 table repeating the first
    assert "“Мұнайшылар ереуілі”: the 20 most frequent words that are not stopwords" not in words
    assert "“Мұнайшылар ереуілі”: the 20 most frequent words" in words


def test_the_word_index_holds_the_words_python_counted(html):
    soup = page(html, "notebooks/words.html")
    boxes = soup.select(".studyguide-word-explorer")
    indexes = {index["title"]: index for index in (json.loads(box.select_one("script[data-sg-index]").string) for box in boxes)}
    for language, expected in BY_LANGUAGE.items():
        index = indexes[title(expected)]
        assert {w for w, n in expected.counts.items() if n} <= set(index["types"]), language
        assert index["dir"] == ("rtl" if language in RTL else "ltr") and index["lang"] == language
    assert indexes[GERMAN_WORD]["language"] == "German"
    numbers = indexes["Numbers from the strike"]
    assert {"1,000", "3.5"} <= set(numbers["types"]) and not {"https", "org", "www"} & set(numbers["types"])


def test_concordances_of_right_to_left_texts_are_mirrored(html):
    soup = page(html, "notebooks/words.html")
    directions = {table["lang"]: table["dir"] for table in soup.select("table.kwic")}
    assert [directions[language] for language in RTL] == ["rtl"] * 3
    assert directions["de"] == directions["zh"] == "ltr"
    for table in soup.select("table.kwic[dir=rtl]"):  # the English caption stays left to right; columns named by order
        assert table.caption["dir"] == "ltr" and [th.get_text() for th in table.select("thead th")][1::2] == [
            "Words before", "Words after"]


def test_the_timeline_covers_a_text_of_2025_or_says_it_leaves_it_out(html):
    soup = page(html, "notebooks/timeline.html")
    # beyond eight texts each text has its own charts (it against the corpus), shown when it is chosen
    german = BY_LANGUAGE["de"].id
    whole, zoomed = (soup.select(f'[data-sg-key="{german}"] figure.studyguide-figure')
                     or soup.select("figure.studyguide-figure"))[:2]
    assert "2025" in whole.figcaption.get_text() and f"“{GERMAN_WORD}” (by" in whole.img["alt"]
    assert "Not on this chart" not in whole.img["alt"]
    assert f"Not on this chart, being dated outside it: “{GERMAN_WORD}”" in zoomed.figcaption.get_text()
    assert f"Not on this chart, being dated outside it: “{GERMAN_WORD}”" in zoomed.img["alt"]


def test_every_text_has_its_chapter_under_its_readable_id(html):
    built = {unquote(p.stem) for p in (html / "chapters/texts").glob("*.html")}
    assert {e.id for e in EXPECTED} <= built
