"""A table with no rows is never shown: the page says why there is none (views.tables)."""

from __future__ import annotations

import ast
import json

import pytest
from bs4 import BeautifulSoup

from studyguide import load_corpus
from studyguide.analysis import themes
from studyguide.knowledge.lexicon import read_lexicon
from studyguide.views import sentiment_tables, theme_tables
from studyguide.views.prose import escape_markdown
from studyguide.views.tables import TURN_COLUMNS, boxed_table, folded, table
from support import ROOT, sidecar

REASON = "No two-word sequence occurs twice in “A <b>text</b>”."


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


@pytest.mark.parametrize("headers", [("Sequence", "Count"), tuple(f"Measure {i}" for i in range(TURN_COLUMNS + 3))],
                         ids=["narrow", "wide enough to turn"])
def test_an_empty_table_shows_its_reason_and_no_table(headers):
    shown = table("Two-word sequences", headers, [], empty=REASON)
    assert shown._repr_html_() is None  # in a notebook the sentence is Markdown, as the notebooks' other sentences
    assert shown._repr_markdown_() == escape_markdown(REASON)
    for html in (shown.table_html(), folded("Sequences", shown)._repr_html_()):  # inside a fold: HTML
        page = soup(html)
        assert not page.find("table") and not page.find("th"), html  # no header-only table, no column of headers
        assert page.find("p", class_="sg-no-rows").get_text() == REASON  # escaped: shown as written
    assert str(shown) == REASON


def test_an_empty_table_without_a_reason_is_refused():
    with pytest.raises(ValueError, match="“Two-word sequences” has no rows"):
        table("Two-word sequences", ("Sequence", "Count"), iter(()))
    with pytest.raises(ValueError, match="no rows"):
        table("Two-word sequences", ("Sequence", "Count"), [], empty="  \n ")
    with pytest.raises(ValueError, match="“Figures” has no rows"):
        boxed_table("Figures", "<th>Figure</th>", "")


def test_a_table_with_rows_ignores_its_reason():
    shown = table("Two-word sequences", ("Sequence", "Count"), (r for r in [("the bourgeoisie", 3)]), empty=REASON)
    assert shown._repr_markdown_() is None
    page = soup(shown._repr_html_())
    assert [td.get_text() for td in page.select("tbody td")] == ["3"]
    assert REASON not in page.get_text()


def test_a_text_not_in_english_gets_reasons_not_header_only_tables(project):
    root = project({"a.txt": "Заголовок\n\nРабочие нефтяной отрасли бастовали несколько месяцев.\n",
                    "a.meta.toml": sidecar("ru").replace('"en"', '"ru"')})
    text = load_corpus(root)["ru"]
    lexicon = read_lexicon(ROOT / "data" / "themes.toml")
    segments = themes.score_paragraphs(text, lexicon)
    tracker = table("Theme tracker", theme_tables.tracker_headers(lexicon), theme_tables.tracker_rows(segments, lexicon),
                    labels=True, empty="No tracker table: its themes are not scored.")
    feeling = table("Sentiment", sentiment_tables.PARAGRAPH_HEADERS, sentiment_tables.paragraph_rows(text),
                    empty="Not scored.")
    for shown in (tracker, feeling):  # the tracker was a header-only column of theme names (turned)
        assert shown._repr_html_() is None and shown._repr_markdown_() == escape_markdown(shown.empty)


# The modules that hold the notebooks' per-text sections and corpus views (views.picker shows them).
SECTION_MODULES = ("word_sections", "theme_sections", "timeline_sections", "corpus_tables", "size_tables")


def notebook_tables():
    """Every call of ``table(...)`` in the notebooks' code cells and in their section modules: (where, call)."""
    sources = [(path.name, "".join(cell["source"])) for path in sorted((ROOT / "notebooks").glob("*.ipynb"))
               for cell in json.loads(path.read_text("utf-8"))["cells"] if cell["cell_type"] == "code"]
    sources += [(f"views/{name}.py", (ROOT / "studyguide" / "views" / f"{name}.py").read_text("utf-8"))
                for name in SECTION_MODULES]
    for where, source in sources:
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "table":
                yield where, node


def test_every_table_a_notebook_shows_says_why_when_it_has_no_rows():
    calls = list(notebook_tables())
    assert len(calls) >= 20  # every notebook shows tables; a change in how they are called must not empty this test
    missing = [f"{name}: {ast.unparse(call)[:80]}" for name, call in calls
               if not any(k.arg == "empty" for k in call.keywords)]
    assert not missing, "tables without a sentence for when they have no rows:\n" + "\n".join(missing)
