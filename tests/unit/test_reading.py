"""What issue 13 adds at package level: the word index, static explorers, table rules,
the who's who data, bibliography labels and page trimming (hand-checkable inputs)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from studyguide import InputError, load_corpus
from studyguide.analysis.collocation import collocates
from studyguide.analysis.frequency import text_tokens, word_counts
from studyguide.analysis.keywords import key_words
from studyguide.book.bibliography import AuthorYearLabels
from studyguide.book.speed import icon_css
from studyguide.knowledge.people import PEOPLE_FILE, load_people
from studyguide.knowledge.sources import SOURCES_FILE, load_sources
from studyguide.knowledge.wordings import Wordings
from studyguide.views.tables import FOLD_ROWS, MAX_ROWS, TURN_COLUMNS, table
from studyguide.views.widgets import MAX_VIEWS, spread, switcher
from studyguide.views.word_explorer import static_explorer
from studyguide.views.word_index import ALPHABET, HALF, decode, encode, index_json, word_index
from support import ROOT, TEXT_ID, sidecar


@pytest.fixture(scope="module")
def text():
    return load_corpus(ROOT)[TEXT_ID]


def test_the_variable_length_code_round_trips_and_stays_short():
    numbers = [0, 1, HALF - 1, HALF, HALF * HALF - 1, HALF * HALF, 681_471, 5]
    assert decode("".join(encode(n) for n in numbers)) == numbers
    assert [len(encode(n)) for n in (0, HALF - 1, HALF, HALF * HALF - 1, HALF * HALF)] == [1, 1, 2, 2, 3]
    assert not set(ALPHABET) & set('"\\<>&') and len(set(ALPHABET)) == 2 * HALF


def test_the_index_holds_every_running_word_of_the_text(text):
    index = word_index(text, key_words(text))
    counts = word_counts(text)
    assert sorted(index["types"]) == sorted(counts)
    assert index["types"][0] == counts.most_common(1)[0][0]
    decoded = Counter(index["types"][n] for entry in index["paragraphs"] for n in decode(entry[2]))
    assert decoded == counts
    # Each word is found, in order, by searching the lower-cased paragraph (what the script does).
    for number, reading, stream, *_ in index["paragraphs"]:
        lower, cursor = reading.lower(), 0
        for n in decode(stream):
            at = lower.find(index["types"][n], cursor)
            assert at >= 0, (number, index["types"][n])
            cursor = at + len(index["types"][n])
    assert "</script" not in index_json(index) and len(index_json(index)) < 20_000
    # A paragraph the editors read differently carries its text as written and each word's place in it.
    changed = [entry for entry in index["paragraphs"] if len(entry) > 4]
    assert changed and all(len(entry[5]) == 2 * len(decode(entry[2])) for entry in changed)


def test_collocates_count_each_place_once_and_rank_by_g2(text):
    tokens = text_tokens(text)
    rows = collocates(tokens, "you")
    assert rows and all(a >= 2 and a <= n for _, a, n, _ in rows)
    assert [g for *_, g in rows] == sorted((g for *_, g in rows), reverse=True)
    assert collocates(tokens, "owl") == []


def test_the_static_word_explorer_carries_the_index_and_no_live_only_box(text):
    soup = BeautifulSoup(static_explorer(text, key_words(text)), "html.parser")
    data = json.loads(soup.select_one("script[data-sg-index]").get_text())
    assert data["key"][0][0] == "bourgeoisie" and len(data["types"]) == len(word_counts(text))
    assert "live notebook only" not in soup.get_text()
    assert all(control.has_attr("disabled") for control in soup.select("select, input, button"))  # until the script runs


def test_switchers_are_plain_html_in_the_book_with_the_first_view_shown():
    box = switcher("Pick:", [("one", "<p>1</p>"), ("two", switcher("Inner:", [("a", "<p>a</p>")]))], name="x")
    bundle = box._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle  # still an ipywidget in Jupyter
    soup = BeautifulSoup(bundle["text/html"], "html.parser")
    views = soup.select(".studyguide-switcher.x > .studyguide-views > .sg-view")
    assert [v.has_attr("hidden") for v in views] == [False, True]
    assert soup.select_one("select")["disabled"] is not None and len(soup.select("select")) == 2


def test_explorers_precompute_at_most_max_views():
    items = list(range(1000))
    chosen = spread(items)
    assert len(chosen) == MAX_VIEWS and chosen[0] == 0 and chosen[-1] == 999
    assert spread(items[:5]) == items[:5]


def test_tables_pad_numbers_fold_and_cap():
    short = BeautifulSoup(table("Short", ("Word", "Count", "Share"), [("a", 3, "5 (5.6)"), ("b", 90, "-0.43")])._repr_html_(),
                          "html.parser")
    assert short.select_one("div.sg-table-box[role=region][tabindex='0'] table") and not short.select("details")
    assert [td.get("class") for td in short.select("td")] == [["num"]] * 4
    long = BeautifulSoup(table("Long", ("Row", "N"), [(i, i) for i in range(MAX_ROWS + 5)])._repr_html_(), "html.parser")
    assert long.select_one("details.sg-fold > summary").get_text().startswith("Long (")
    assert len(long.select("tbody tr")) == MAX_ROWS and f"first {MAX_ROWS} of" in long.select_one("caption").get_text()
    assert f"first {MAX_ROWS} of" in long.select_one("summary").get_text()  # seen with the fold closed too
    # the eye reads a caption above the table's box (it would scroll away inside it), or in a
    # folded table's summary line; the <caption> stays, for screen readers
    assert short.select_one("p.sg-table-title[aria-hidden=true]").get_text() == "Short"
    assert short.select_one("caption.sg-sr-only").get_text() == "Short"
    assert not long.select("p.sg-table-title") and long.select_one("caption.sg-sr-only")
    assert FOLD_ROWS < MAX_ROWS


def test_the_whos_who_file_loads_and_every_url_has_a_publisher():
    people = load_people(ROOT / PEOPLE_FILE)
    sources = load_sources(ROOT / SOURCES_FILE)
    assert {"nazarbayev", "kozlov", "sokolova", "tuletaeva", "svetlana", "kazmunaigas", "ersai"} <= {e.id for e in people}
    for entry in people:
        assert entry.line.endswith(".") and entry.sources
        for url in entry.sources:
            assert sources.publisher_of(url) and not sources.refusal(url), url
    names = Wordings({wording: e for e in people for wording in e.wordings})  # as the who's who links them
    found = [(e.id, m) for m in ("Tuletayeva", "Kozlov", "sting") for _, _, e in names.find(f"x {m} y")]
    assert found == [("tuletaeva", "Tuletayeva"), ("kozlov", "Kozlov")]  # names keep their case: "sting" is no one


@pytest.mark.parametrize("source, message", [
    ('[[entry]]\nid = "a"\nname = "A"\nkind = "robot"\nline = "x."\nsources = ["https://a.org"]\n', "must be one of"),
    ('[[entry]]\nid = "a"\nname = "A"\nkind = "person"\nline = "x."\n', "missing required field 'sources'"),
    ('[[entry]]\nid = "a"\nname = "A"\nkind = "person"\nline = "x."\nsources = ["https://a.org"]\n'
     '[[entry]]\nid = "b"\nname = "A"\nkind = "person"\nline = "y."\nsources = ["https://a.org"]\n', "'A' is listed twice"),
])
def test_a_bad_whos_who_entry_stops_with_one_line(tmp_path: Path, source: str, message: str):
    path = tmp_path / "people.toml"
    path.write_text(source, "utf-8")
    with pytest.raises(InputError) as info:
        load_people(path)
    assert message in str(info.value) and "\n" not in str(info.value) and "people.toml" in str(info.value)


class _Person:
    def __init__(self, last):
        self.prelast_names, self.last_names = [], [last]


class _Entry:
    def __init__(self, key, authors, year):
        self.key, self.persons, self.fields = key, {"author": [_Person(a) for a in authors]}, {"year": year} if year else {}


def test_bibliography_labels_read_like_the_citations():
    entries = [_Entry("a", ["{Human Rights Watch}"], "2012"), _Entry("b", ["{Human Rights Watch}"], "2012"),
               _Entry("c", ["Demytrie"], "2012"), _Entry("d", ["Levy", "Pirani", "Other"], None)]
    assert list(AuthorYearLabels().format_labels(entries)) == [
        "Human Rights Watch, 2012a", "Human Rights Watch, 2012b", "Demytrie, 2012", "Levy et al., n.d."]


def test_icons_are_drawn_from_the_themes_own_paths():
    data = 'x={github:[496,512,[],"f09b","M1 2z"],"magnifying-glass":[512,512,[128269,"search"],"f002","M3 4z"]}'
    css = icon_css(data, {"github", "search", "nothing"})
    assert ".fa-github{" in css and ".fa-search{" in css and ".fa-nothing" not in css
    assert 'src:local("studyguide-no-icon-font")' in css  # the icon fonts are never downloaded


def test_words_written_otherwise_than_their_key_carry_their_places(project):
    root = project({"a.txt": "A Title\n\nI don\u2019t know. Cafe\u0301 or café, don't.\n\nPlain words here.\n",
                    "a.meta.toml": sidecar("a")})
    text = load_corpus(root)["a"]
    index = word_index(text, [])
    curly, plain = index["paragraphs"]
    assert len(plain) == 4  # found by searching for each key: no places stored
    places = curly[7]
    words = [index["types"][n] for n in decode(curly[2])]
    assert words.count("don't") == 2 and words.count("café") == 2
    shown = [curly[1][places[2 * k]:places[2 * k + 1]] for k in range(len(words))]
    assert shown[1] == "don\u2019t" and shown[3] == "Cafe\u0301"


def test_a_wide_table_with_few_rows_is_shown_turned():
    headers = ("Text", *(f"Measure {i}" for i in range(TURN_COLUMNS + 3)))
    one_text = table("Summary", headers, [("The post", *range(TURN_COLUMNS + 3))])
    soup = BeautifulSoup(one_text._repr_html_(), "html.parser")
    assert [th.get_text() for th in soup.select("thead th")] == ["Text", "The post"]
    assert [th.get_text() for th in soup.select("tbody th[scope=row]")] == list(headers[1:])
    assert [td.get_text() for td in soup.select("tbody td.num")] == [str(i) for i in range(TURN_COLUMNS + 3)]
    narrow = table("Narrow", headers[:TURN_COLUMNS], [("The post", *range(TURN_COLUMNS - 1))])
    assert not narrow.turned  # few columns: as given
    many_rows = table("Long", headers, [(f"text {i}", *range(TURN_COLUMNS + 3)) for i in range(len(headers))])
    assert not many_rows.turned  # as many rows as columns: turning would not make it narrower


def test_whos_who_names_each_source_by_its_publisher():
    # a student reads "Radio Free Europe/Radio Liberty", not a content-delivery host's name;
    # two pages of one publisher are told apart
    from studyguide.book.whoswho import _links

    sources = load_sources(ROOT / SOURCES_FILE)
    links = BeautifulSoup(_links(["https://www.hrw.org/a", "https://www.hrw.org/b",
                                  "https://drvpu8u8hwoyd.cloudfront.net/a/x", "https://example.net/z"], sources),
                          "html.parser").select("a")
    assert [a.get_text() for a in links] == ["Human Rights Watch", "Human Rights Watch (2)",
                                             "Radio Free Europe/Radio Liberty", "example.net"]


def test_long_words_of_the_guides_own_labels_may_break_but_a_texts_words_never():
    from studyguide.views.tables import breakable

    assert "\u00ad" in breakable("Exclamations") and breakable("Exclamations").replace("\u00ad", "") == "Exclamations"
    assert breakable("Words") == "Words"  # short words stay whole
    rows = [("1", "Internationalism and solidarity")]
    as_given = BeautifulSoup(table("T", ("Paragraph", "Leading theme"), rows)._repr_html_(), "html.parser")
    labelled = BeautifulSoup(table("T", ("Paragraph", "Leading theme"), rows, labels=True)._repr_html_(), "html.parser")
    assert as_given.select_one("td").get_text() == "Internationalism and solidarity"  # cells as given by default
    assert "\u00ad" in labelled.select_one("td").get_text()
    title = "Internationalisation considered"  # a text's title heads a turned table's column: as written
    turned = table("S", ("Text", *(f"Measure {i}" for i in range(7))), [(title, *range(7))])
    assert BeautifulSoup(turned._repr_html_(), "html.parser").select("thead th")[1].get_text() == title


def test_wordings_are_whole_words_longest_first_across_line_breaks():
    names = Wordings({"Human Rights Watch": "hrw", "Human Rights": "rights", "Sting": "sting"})
    text = "said Human\nRights Watch; Stingray; Human Rights; Sting."
    assert [(text[s:e], owner) for s, e, owner in names.find(text)] == [
        ("Human\nRights Watch", "hrw"), ("Human Rights", "rights"), ("Sting", "sting")]
    assert Wordings({}).find(text) == []
