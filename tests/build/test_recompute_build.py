"""The "by hand" cells in the built book: shown with their code and their output, the plumbing still folded away."""

from __future__ import annotations

import json

from support import ROOT, page


def recompute_cells(name: str) -> list[dict]:
    cells = json.loads((ROOT / "notebooks" / f"{name}.ipynb").read_text("utf-8"))["cells"]
    return [c for c in cells if "recompute" in c.get("metadata", {}).get("tags", ())]


def test_every_recompute_cell_is_shown_with_its_code_and_what_it_printed(built_book):
    for name in ("overview", "words", "themes", "timeline"):
        notebook = page(built_book, f"notebooks/{name}.html")
        shown = notebook.select("div.cell.tag_recompute")
        expected = recompute_cells(name)
        assert len(shown) == len(expected) >= 1, name
        for cell, source in zip(shown, expected, strict=True):
            code = cell.select_one("div.cell_input pre")
            fold = cell.find_parent("details")  # an open fold, its summary the lead-in's bold opening: closable, shown
            assert code is not None and not cell.select_one("details.hide"), name
            assert fold is not None and "sg-by-hand" in fold["class"] and fold.has_attr("open"), name
            assert fold.summary.get_text().startswith("The same") and fold.select_one("p"), name  # the lead-in is inside
            for line in "".join(source["source"]).splitlines():
                assert " ".join(line.split()) in " ".join(code.get_text().split()), (name, line)
            output = cell.select_one("div.cell_output")
            assert output is not None and output.get_text().strip(), (name, code.get_text()[:60])
            assert "Error" not in output.get_text() and "no longer in seeds/" not in output.get_text(), name
        plumbing = [c for c in notebook.select("div.cell") if "studyguide.views.printed" in c.get_text()]
        assert plumbing and all("tag_hide-input" in c["class"] for c in plumbing), name  # folded, as all plumbing
