"""The "by hand" cells in the built book: all on their own page, shown plainly with their code and their output,
the plumbing folded away; every page whose figures they check links each figure to its cell."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

from support import ROOT, page

PAGES = ("overview", "words", "themes", "timeline")


def notebook_cells(name: str) -> list[dict]:
    return json.loads((ROOT / "notebooks" / f"{name}.ipynb").read_text("utf-8"))["cells"]


def test_every_recompute_cell_is_shown_plainly_on_the_by_hand_page_with_its_code_and_what_it_printed(built_book):
    by_hand = page(built_book, "notebooks/by-hand.html")
    shown = by_hand.select("div.cell.tag_recompute")
    expected = [c for c in notebook_cells("by-hand") if "recompute" in c.get("metadata", {}).get("tags", ())]
    assert len(shown) == len(expected) >= 12
    for cell, source in zip(shown, expected, strict=True):
        code = cell.select_one("div.cell_input pre")
        assert code is not None and not cell.select_one("details") and not cell.find_parent("details"), source["id"]
        for line in "".join(source["source"]).splitlines():
            assert " ".join(line.split()) in " ".join(code.get_text().split()), (source["id"], line)
        output = cell.select_one("div.cell_output")
        assert output is not None and output.get_text().strip(), source["id"]
        assert "Error" not in output.get_text() and "no longer in seeds/" not in output.get_text(), source["id"]
        heading = cell.find_previous(["h2", "h3"])  # under its own heading, the lead-in sentence between
        assert heading.name == "h3" and heading.find_next("p").find_next("div", class_="cell") is cell, source["id"]
    plumbing = [c for c in by_hand.select("div.cell") if "studyguide.views.printed" in c.get_text()]
    assert len(plumbing) == 1 and "tag_hide-input" in plumbing[0]["class"]  # folded, as all plumbing
    for name in PAGES:
        notebook = page(built_book, f"notebooks/{name}.html")
        assert not notebook.select("div.cell.tag_recompute"), name
        assert not [c for c in notebook.select("div.cell") if "studyguide.views.printed" in c.get_text()], name
        back = [a for a in by_hand.select("section > h2 ~ p a[href]") if urlsplit(a["href"]).path == f"{name}.html"]
        assert back, f"the by-hand page's section on {name} does not link back to it"


def test_each_page_links_each_checked_figure_to_its_own_cell_on_the_by_hand_page(built_book):
    by_hand = page(built_book, "notebooks/by-hand.html")
    linked = []
    for name in PAGES:
        for link in page(built_book, f"notebooks/{name}.html").select('main a[href^="by-hand.html#"]'):
            assert link.find_parent("p").get_text().startswith("Recompute this by hand: "), (name, link["href"])
            section = by_hand.soup.find(id=urlsplit(link["href"]).fragment)
            assert section is not None and section.name == "section" and section.select_one("div.cell.tag_recompute"), (
                name, link["href"])
            linked.append(section["id"])
    assert sorted(linked) == sorted(s["id"] for s in by_hand.select("section:has(> h3)")), linked  # one each
