"""Issue 13 in the built HTML: the landing page, the legend, the context chapter, the who's who,
hidden code, and what each page loads."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from studyguide.cli.serve import pages
from studyguide.knowledge.lexicon import read_lexicon
from studyguide.knowledge.people import PEOPLE_FILE, load_people
from support import CHAPTER, ROOT, page

NOTEBOOKS = ("notebooks/overview.html", "notebooks/words.html", "notebooks/themes.html", "notebooks/timeline.html",
             "notebooks/by-hand.html")


def test_landing_page_has_the_summary_a_start_link_and_cards(built_book):
    landing = page(built_book, "index.html")
    lead = landing.text_of(landing.one(".sg-lead"))
    assert lead.startswith("The text in three sentences.") and len(re.findall(r"[.!?](?:\s|$)", lead)) == 4  # label + 3
    start = landing.one("a.sg-start")
    assert start["href"].startswith(CHAPTER) and "Start here" in start.get_text()
    cards = landing.select(".sg-cards .sd-card")
    assert len(cards) >= 5 and all(card.select_one("a[href]") for card in cards)


def test_legend_precedes_paragraph_1_in_the_lexicons_order(built_book):
    chapter = page(built_book, CHAPTER)
    source = chapter.source
    assert source.index('class="theme-legend"') < source.index('id="p1"')
    lexicon = read_lexicon(ROOT / "data" / "themes.toml")
    legend = [urlsplit(a["href"]).fragment for a in chapter.select("aside.theme-legend li a")]
    assert legend == [t.anchor for t in lexicon]
    for group in chapter.select(".theme-symbols"):
        shown = [urlsplit(a["href"]).fragment for a in group.select("a.theme-symbol")]
        assert shown == [anchor for anchor in legend if anchor in shown], shown
    how = page(built_book, "chapters/guide/how-to-use.html")
    assert "theme-symbols" in how.ids and "legend" in how.text_of(how.one("#theme-symbols").find_parent("section"))


def test_context_starts_in_short_and_its_citations_match_the_labels(built_book):
    context = page(built_book, "chapters/context.html")
    headings = [h.get_text(" ", strip=True).rstrip("#").strip() for h in context.select("article h2")]
    assert headings[0] == "In short"
    labels = {context.text_of(label).strip("[] ") for label in context.select("[role=listitem] .label, div.citation .label")}
    assert "Demytrie, 2012" in labels and not [label for label in labels if re.fullmatch(r"[A-Za-z]{2,4}\d\d", label)]
    cited = {a.get_text(" ", strip=True) for a in context.select("a.reference.internal[href^='#id']")}
    assert cited and cited <= labels, sorted(cited - labels)[:5]


def test_whos_who_lists_everyone_and_names_link_to_it(built_book):
    people = load_people(ROOT / PEOPLE_FILE)
    who = page(built_book, "chapters/guide/whos-who.html")
    for entry in people:
        assert f"who-{entry.id}" in who.ids, entry.id
        box = who.one(f"#who-{entry.id}")
        assert entry.line in who.text_of(box) and box.select("a.reference.external[href^='http']")
    assert who.select("#who-publishers ~ dl .whos-who-entry")  # the cited publishers too
    linked = set()
    for name in pages(built_book):
        for link in page(built_book, name).select("a.whos-who-link"):
            target = urlsplit(link["href"])
            assert target.path.endswith("whos-who.html") and target.fragment in who.ids, (name, link["href"])
            linked.add(target.fragment)
    for entry_id in ("nazarbayev", "kozlov", "sokolova", "tuletaeva", "svetlana", "kazmunaigas", "ersai"):
        assert f"who-{entry_id}" in linked or entry_id == "nazarbayev", entry_id  # Nazarbayev is a glossary link in the text
    text_links = page(built_book, CHAPTER).select("a.whos-who-link")
    assert "Svetlana" in [a.get_text() for a in text_links]


def test_notebook_code_is_hidden_behind_a_toggle_and_no_maintainer_code_is_shown(built_book):
    for name in NOTEBOOKS:
        notebook = page(built_book, name)
        cells = notebook.select("div.cell")
        assert cells, name
        for cell in cells:
            if "tag_recompute" in cell["class"]:  # the "by hand" cells are meant to be read (tests/build/test_recompute_build.py)
                continue
            if cell.select_one("div.cell_input"):
                assert "tag_hide-input" in cell["class"], (name, cell.get_text()[:80])
                assert cell.select_one("details.hide.above-input > summary"), name
        assert "tempfile" not in notebook.source and "except InputError" not in notebook.source, name


def test_every_page_has_a_description_and_loads_only_what_it_uses(built_book):
    for name in pages(built_book):
        found = page(built_book, name)
        description = found.soup.find("meta", attrs={"name": "description"})
        assert name in ("genindex.html", "search.html") or (description and len(description["content"]) >= 40), name
        assets = " ".join(found.assets)
        for unused in ("sphinx-thebe", "copybutton", "clipboard.min.js", "design-tabs.js", "embed-amd.js", "require.js",
                       "fontawesome.js"):
            assert unused not in assets, (name, unused)
        if name != "search.html":
            assert "searchindex.js" not in assets and "searchtools.js" not in assets, name
            blocking = [s["src"] for s in found.soup.select("head script[src]")
                        if not s.has_attr("defer") and not s.has_attr("async")]
            assert not blocking, (name, blocking)
        assert found.soup.find("link", rel="icon"), name  # no favicon request, no 404
    styles = (built_book / "_static" / "styles" / "pydata-sphinx-theme.css").read_text("utf-8")
    assert "fa-solid-900.woff2" not in styles  # the icon fonts can never be fetched


def test_charts_are_files_beside_the_page_with_their_size(built_book):
    charts = 0
    for name in NOTEBOOKS:
        found = page(built_book, name)
        assert "data:image/svg+xml;base64," not in found.source, name
        for img in found.select("figure.studyguide-figure img"):
            charts += 1
            file = (built_book / name).parent / img["src"]
            assert file.is_file() and file.read_bytes().lstrip().startswith(b"<?xml"), (name, img["src"])
            assert int(img["width"]) > 300 and int(img["height"]) > 100, (name, img.attrs)  # its place is kept
    assert charts >= 9
