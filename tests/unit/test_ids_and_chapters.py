"""Ids from any script, chapter pages matched with texts, languages checked, every text on the timeline, no mathtext."""

from __future__ import annotations

import os
import re
import shutil

import pytest

from studyguide import InputError, load_corpus, load_project
from studyguide.analysis.keyness import Keyword
from studyguide.analysis.placement import chart_marks, placements
from studyguide.cli.scaffold import slug, unique_id
from studyguide.texts.corpus import check_chapters
from studyguide.views.keyness_chart import keyness_chart
from studyguide.views.timeline_tables import placement_notes, placement_rows
from support import GOOD_SIDECAR, ROOT, copy_project

RUSSIAN_TITLE = "Солидарность с нефтяниками Жаңаөзена"
RUSSIAN_BODY = ("Рабочие нефтяной отрасли Казахстана бастовали несколько месяцев в 2011 году. Они требовали повышения "
                "заработной платы и права на независимые профсоюзы. Компания уволила сотни бастующих, а власти не "
                "вмешивались. Шестнадцатого декабря полиция открыла огонь по людям на площади города.")


def one_line_error(result, start: str) -> str:
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr, result.stderr
    assert result.stderr.startswith(f"error: {start}"), result.stderr
    return result.stderr


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    """A copy of the project; each test restores what it changes."""
    return copy_project(tmp_path_factory.mktemp("ids") / "book")


def test_ids_are_readable_from_any_script_and_unique():
    assert slug(RUSSIAN_TITLE).startswith("solidarnost-s-neftianikami-zha")
    assert slug("मजदूरों की हड़ताल").isascii() and slug("मजदूरों की हड़ताल") != "text"
    assert slug("Price of $5 and <b>more</b>") == "price-of-5-and-b-more"
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug("Café “quoted” don’t — ok"))
    assert unique_id("a", {"a", "a-2"}) == "a-3" and unique_id("b", {"a"}) == "b"


def test_new_gives_a_cyrillic_text_a_transliterated_distinct_id_and_its_language(cli, book):
    written = []
    try:
        for name in ("050_ru", "051_ru"):
            seed = book / "seeds" / f"{name}.txt"
            seed.write_text(f"{RUSSIAN_TITLE}\n\n{RUSSIAN_BODY}\n", "utf-8")
            written.append(seed)
            result = cli(book, "new", f"seeds/{name}.txt")
            assert result.returncode == 0, result.stderr
            written += [book / line.split(" ", 1)[1] for line in result.stdout.splitlines() if line.startswith("wrote ")]
        corpus = load_corpus(book)
        first, second = corpus.texts[-2:]
        assert first.id == slug(RUSSIAN_TITLE) and second.id == f"{first.id}-2"
        assert first.language == second.language == "ru"
        assert (book / "chapters" / "texts" / f"{second.id}.md").is_file()
        check = cli(book, "check")
        assert check.returncode == 0, check.stderr
        assert f"language ru, chapter chapters/texts/{first.id}.md" in check.stdout
    finally:
        for path in written:
            path.unlink(missing_ok=True)


def test_check_and_build_report_a_text_without_a_page_and_a_page_without_a_text(cli, book):
    chapter = book / "chapters" / "texts" / "solidarity-oil-workers.md"
    kept = chapter.read_text()
    chapter.unlink()
    try:
        for command in ("check", "build"):
            one_line_error(cli(book, command), "seeds/000_3d1b1157ff71cf0a.meta.toml: text 'solidarity-oil-workers' "
                                               "has no chapter page; write chapters/texts/solidarity-oil-workers.md")
    finally:
        chapter.write_text(kept)
    ghost = book / "chapters" / "texts" / "ghost.md"
    ghost.write_text("# Removed\n\n```{seed-text} ghost\n```\n")
    try:
        for command in ("check", "build"):
            one_line_error(cli(book, command), "chapters/texts/ghost.md:3: chapter page without a text: no sidecar")
        ghost.write_text("```{seed-text} solidarity-oil-workers\n```\n")
        one_line_error(cli(book, "check"), "chapters/texts/ghost.md:1: chapter page of 'solidarity-oil-workers' is named "
                                           "ghost.md")
        ghost.unlink()
        os.symlink(chapter, ghost)
        one_line_error(cli(book, "check"), "chapters/texts/ghost.md: is not a regular file")
    finally:
        ghost.unlink(missing_ok=True)
    assert check_chapters(load_corpus(book)) is None


def test_check_reports_a_language_that_disagrees_with_the_text(cli, book):
    sidecar = book / "seeds" / "000_3d1b1157ff71cf0a.meta.toml"
    kept = sidecar.read_text()
    line = kept.split("\n").index('language = "en"') + 1
    try:
        sidecar.write_text(kept.replace('language = "en"', 'language = "ru"'))
        message = one_line_error(cli(book, "check"), f"seeds/000_3d1b1157ff71cf0a.meta.toml:{line}: language = 'ru' (Russian)")
        assert "reads as English ('en')" in message
        sidecar.write_text(kept.replace('language = "en"', 'language = "tlh"'))  # not known to the detector: a warning
        result = cli(book, "check")
        assert result.returncode == 0 and result.stderr.startswith("warning: seeds/000_") and "could not be checked" in result.stderr
    finally:
        sidecar.write_text(kept)


def test_a_fifo_or_a_directory_is_no_seed(cli, book):
    fifo = book / "seeds" / "060_pipe.txt"
    os.mkfifo(fifo)
    try:
        for command in (("new", "seeds/060_pipe.txt"), ("check",), ("build",)):  # the same refusal everywhere
            one_line_error(cli(book, *command), "seeds/060_pipe.txt: not a regular file")
    finally:
        fifo.unlink()
    folder = book / "seeds" / "061_folder.txt"
    folder.mkdir()
    try:
        one_line_error(cli(book, "new", "seeds/061_folder.txt"), "seeds/061_folder.txt: not a regular file")
        one_line_error(cli(book, "check"), "seeds/061_folder.txt: not a regular file")
    finally:
        folder.rmdir()


# --- the timeline --------------------------------------------------------------------------


def test_every_text_is_placed_and_what_is_not_known_is_said(project):
    root = project({
        "a.txt": "A Title\n\nFirst.\n", "a.meta.toml": GOOD_SIDECAR.format(id="a") + 'events = ["zhanaozen-shooting"]\n',
        "b.txt": "A Title\n\nSecond.\n", "b.meta.toml": GOOD_SIDECAR.format(id="b").replace('"2012-05"', '"unknown"'),
    })
    (root / "data").mkdir()
    shutil.copy(ROOT / "data" / "timeline.toml", root / "data" / "timeline.toml")
    project_ = load_project(root)
    placed = placements(project_.corpus, project_.timeline)
    assert [p.text.id for p in placed] == ["a", "b"]
    rows = placement_rows(placed)
    assert rows[0][1] == "May 2012 (day not known)" and "Police open fire" in rows[0][3]
    assert rows[1][1] == "not known" and rows[1][3] == "none: its sidecar links it to no event"
    assert placement_notes(placed[0]) == []
    notes = placement_notes(placed[1])
    assert any("has no known date" in n for n in notes) and any("links it to no event" in n for n in notes)
    assert [m.label for m in chart_marks(placed)] == ["“A Title” (by someone)"]
    (root / "seeds" / "a.meta.toml").write_text(GOOD_SIDECAR.format(id="a") + 'events = ["no-such-event"]\n')
    with pytest.raises(InputError) as caught:
        load_project(root)
    assert str(caught.value).endswith("a.meta.toml:8: events: no event with id 'no-such-event' in data/timeline.toml")


def test_the_seed_is_linked_to_events_and_placed_in_or_after_may_2012():
    project_ = load_project(ROOT)
    placed = placements(project_.corpus, project_.timeline)
    seed = next(p for p in placed if p.text.id == "solidarity-oil-workers")
    assert seed.events and seed.own.date_label() == "in or after May 2012 (exact date not known)"


# --- markup never becomes maths ------------------------------------------------------------


@pytest.mark.parametrize("title", ["Price of $x^2$ and $y$", "An unbalanced $ sign and \\frac{a", "$$ {math} $$"])
def test_chart_titles_keep_dollar_signs_as_characters(title):
    figure = keyness_chart([Keyword("word", 5, 10.0, 1.0, 20.0, 2.0)], title)
    assert title.replace("&", "&amp;").replace("<", "&lt;") in figure.svg or title.split()[0] in figure.svg
    assert "$" in figure.svg and "mathtext" not in figure.svg
