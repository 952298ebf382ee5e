"""Computing you can see: a short visible cell recomputes each measure the notebooks show, by hand.

The cells live on one page, ``notebooks/by-hand.ipynb`` ("The numbers by hand"), a section per notebook page
they check, and every page links each checked figure to its cell. Each cell (tagged ``recompute``) may use
Python's standard library and NLTK, the token list and the package's intermediate records (bound by the page's
one hidden plumbing cell), never the function whose figure it checks; it asserts equality with the figure as
printed, so a wrong package (or a wrong cell) fails the cell, and a failing cell fails the build
(:mod:`studyguide.book.failures`).
"""

from __future__ import annotations

import ast
import contextlib
import io
import json
import sys

import pytest
from myst_parser.mdit_to_docutils.base import default_slugify as slug  # the anchors the links name

from studyguide import load_corpus, load_project
from studyguide.analysis.placement import chart_marks, placements
from studyguide.texts.corpus import Corpus
from studyguide.views.printed import SKIPPED
from support import GOOD_SIDECAR, ROOT, TEXT_ID

TAG = "recompute"
BY_HAND = "by-hand"  # the notebook that holds every recompute cell
PAGES = ("overview", "words", "themes", "timeline")  # the notebook pages whose figures it recomputes, in book order
# measure -> (the page it checks, the cell's id, the package functions whose figures it checks: it may call none)
MEASURES = {
    "word counts and per 1,000": ("words", "words-by-hand-frequency", {"word_counts", "top_words", "per_thousand",
                                                                       "frequency_rows"}),
    "stopword share": ("words", "words-by-hand-stopwords", {"stopword_share"}),
    "G2 and log ratio": ("words", "words-by-hand-keyness", {"log_likelihood", "log_ratio", "keyness",
                                                            "against_general_english", "distinctive", "keyword_rows"}),
    "MATTR": ("words", "words-by-hand-mattr", {"mattr", "text_profile", "corpus_profiles", "profile_rows"}),
    "KWIC lines": ("words", "words-by-hand-kwic", {"concordance", "kwic_html", "sorted_lines"}),
    "a collocation score": ("words", "words-by-hand-pairs", {"word_pairs", "bigram_finder", "ngrams", "word_pair_rows",
                                                             "score_ngrams", "collocates"}),
    "dispersion": ("words", "words-by-hand-dispersion", {"positions", "paragraph_starts", "dispersion_figure", "describe"}),
    "theme cue counts": ("themes", "themes-by-hand-tracker", {"score_paragraphs", "score_paragraph", "count", "score",
                                                              "score_cell", "tracker_rows", "count_rate"}),
    "a VADER compound score": ("themes", "themes-by-hand-vader", {"compound", "polarity_scores", "sentence_scores",
                                                                  "paragraph_scores", "stretch_scores", "score_valence",
                                                                  "normalize", "paragraph_rows", "signed"}),
    "address counts": ("themes", "themes-by-hand-address", {"paragraph_address", "address_rows", "stretch_address",
                                                            "author_totals"}),
    "a timeline date span": ("timeline", "timeline-by-hand-span", {"chart_span", "timeline_chart"}),
    "words and distinct words as written": ("overview", "overview-by-hand-size", {"text_overview", "corpus_overview",
                                                                                  "size_rows"}),
}
# What a tampered figure looks like, per cell: the cell must then fail.
TAMPER = {
    "words-by-hand-frequency": lambda p: p["frequency"].__setitem__(0, (p["frequency"][0][0], p["frequency"][0][1],
                                                                          p["frequency"][0][2] + 0.1, 1)),
    "words-by-hand-stopwords": lambda p: p.__setitem__("stopwords", (*p["stopwords"][:2], "99")),
    "words-by-hand-keyness": lambda p: p["keywords"].__setitem__(0, (*p["keywords"][0][:5], p["keywords"][0][5] + 0.01)),
    "words-by-hand-mattr": lambda p: p.__setitem__("mattr", p["mattr"] + 0.001),
    "words-by-hand-kwic": lambda p: p["kwic"][1].pop(),
    "words-by-hand-pairs": lambda p: p["pairs"].__setitem__(0, (p["pairs"][0][0], p["pairs"][0][1], p["pairs"][0][2] + 0.1)),
    "words-by-hand-dispersion": lambda p: next(iter(p["dispersion"].values())).__setitem__(0, 0),
    "themes-by-hand-tracker": lambda p: p["tracker"].__setitem__(1, ("9 (9.9)", *p["tracker"][1][1:])),
    "themes-by-hand-vader": lambda p: p["vader"].__setitem__(1, "+0.99"),
    "themes-by-hand-address": lambda p: p["address"].__setitem__(1, (9, 9, 9)),
    "timeline-by-hand-span": lambda p: p.__setitem__("span", (p["span"][0], p["span"][0])),
    "overview-by-hand-size": lambda p: p.__setitem__("size", (p["size"][0] + 1, p["size"][1])),
}
RUSSIAN = "Рабочие нефтяной отрасли Казахстана бастовали несколько месяцев в 2011 году. Компания уволила сотни бастующих."


def cells(name: str) -> list[dict]:
    return json.loads((ROOT / "notebooks" / f"{name}.ipynb").read_text("utf-8"))["cells"]


def source(cell: dict) -> str:
    return "".join(cell["source"])


def by_id(name: str, cell_id: str) -> tuple[int, dict]:
    return next((i, c) for i, c in enumerate(cells(name)) if c.get("id") == cell_id)


def names(tree: ast.AST) -> set[str]:
    """Every name the code mentions: variables, attributes and called functions."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            found.add(node.id)
        elif isinstance(node, ast.Attribute):
            found.add(node.attr)
        elif isinstance(node, ast.alias):
            found.add(node.asname or node.name.split(".")[-1])
    return found


def test_every_listed_measure_has_one_recompute_cell_on_the_by_hand_page_and_no_other_page_has_one():
    tagged = [c["id"] for c in cells(BY_HAND) if TAG in c.get("metadata", {}).get("tags", ())]
    assert sorted(tagged) == sorted(cell_id for _, cell_id, _ in MEASURES.values())
    assert set(TAMPER) == set(tagged)
    for name in (*PAGES, "lab"):
        assert not [c["id"] for c in cells(name) if TAG in c.get("metadata", {}).get("tags", ())], name
        assert not [c["id"] for c in cells(name) if c["cell_type"] == "code" and "views.printed" in source(c)], name


def test_the_by_hand_page_has_a_section_per_page_in_book_order_each_linking_back_and_holding_its_cells():
    order = [c["id"] for c in cells(BY_HAND)]
    sections = [(i, c) for i, c in enumerate(cells(BY_HAND)) if source(c).startswith("## ")]
    assert [c["id"] for _, c in sections] == [f"by-hand-{name}" for name in PAGES]
    for (start, section), name in zip(sections, PAGES, strict=True):
        assert f"]({name}.ipynb)" in source(section), name  # opens with a link back to its page
        end = next((i for i, _ in sections if i > start), len(order))
        inside = {cell_id for cell_id in order[start:end]}
        assert inside >= {cell_id for page, cell_id, _ in MEASURES.values() if page == name}, name


@pytest.mark.parametrize("measure", MEASURES)
def test_each_checked_figure_links_to_its_cell_from_the_page_that_prints_it(measure):
    page, cell_id, _ = MEASURES[measure]
    index, _ = by_id(BY_HAND, cell_id)
    heading = source(cells(BY_HAND)[index - 1]).splitlines()[0]
    assert heading.startswith("### "), cell_id
    _, link = by_id(page, f"{cell_id}-link")  # one short line on the page, next to the figure
    text = source(link)
    assert link["cell_type"] == "markdown" and text.count("\n") == 0 and text.startswith("Recompute this by hand: ["), text
    assert f"](by-hand.ipynb#{slug(heading[4:])})" in text, (text, slug(heading[4:]))  # relative: file:// and Jupyter


@pytest.mark.parametrize("measure", MEASURES)
def test_a_recompute_cell_is_short_visible_plain_python_and_never_calls_what_it_checks(measure):
    page, cell_id, checked = MEASURES[measure]
    index, cell = by_id(BY_HAND, cell_id)
    code = source(cell)
    lines = [line for line in code.splitlines() if line.strip()]
    assert len(lines) <= 8, (cell_id, len(lines))
    assert cell["metadata"]["tags"] == [TAG]  # nothing hides it: no hide-input, remove-input or remove-cell
    tree = ast.parse(code)
    for node in ast.walk(tree):
        assert not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)), cell_id
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            modules = [node.module] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
            for module in modules:
                top = module.split(".")[0]
                assert top == "nltk" or top in sys.stdlib_module_names, (cell_id, module)
    assert not names(tree) & checked, (cell_id, names(tree) & checked)
    asserts = [node for node in ast.walk(tree) if isinstance(node, ast.Assert)]
    assert asserts and "printed" in names(tree), cell_id  # compared with the page's figure (tampering fails it: below)
    if page != "timeline":  # the timeline's span is the whole data's, not one text's
        assert {"seed", "SKIPPED"} <= names(tree), cell_id
    lead = cells(BY_HAND)[index - 1]  # its heading and one sentence naming the figure and where the page prints it
    heading, _, sentence = source(lead).partition("\n\n")
    assert lead["cell_type"] == "markdown" and heading.startswith("### ") and "\n\n" not in sentence, cell_id
    assert sentence.startswith(f"The {page} page's ") and sentence.rstrip().count(". ") == 0, cell_id


def test_the_one_plumbing_cell_stays_hidden():
    plumbing = [c for c in cells(BY_HAND) if c["cell_type"] == "code" and "printed =" in source(c)]
    assert [c["id"] for c in plumbing] == ["by-hand-inputs"]
    assert all(c["metadata"]["tags"] == ["hide-input"] for c in cells(BY_HAND)[1:] if c["cell_type"] == "code"
               and TAG not in c["metadata"].get("tags", ()))


@pytest.fixture(scope="module")
def project():
    return load_project(ROOT)


def run(cell_ids: list[str], namespace: dict) -> dict[str, str]:
    """The by-hand page's plumbing cell, then its given recompute cells, in a copy of ``namespace`` (as in its own
    kernel): what each cell printed."""
    printed = {}
    kernel = dict(namespace)
    exec(source(by_id(BY_HAND, "by-hand-inputs")[1]), kernel)  # noqa: S102 (the notebook's own code)
    for cell_id in cell_ids:
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(source(by_id(BY_HAND, cell_id)[1]), kernel)  # noqa: S102
        printed[cell_id] = out.getvalue()
    return printed


def namespace(project, corpus) -> dict:
    marks = chart_marks(placements(corpus, project.timeline))
    return {"corpus": corpus, "lexicon": project.lexicon, "timeline": project.timeline, "marks": marks}


ALL = [cell_id for _, cell_id, _ in MEASURES.values()]


def test_every_recompute_cell_agrees_with_the_package_and_fails_when_a_printed_figure_is_off(project):
    space = namespace(project, project.corpus)
    shown = run(ALL, space)
    assert all(shown.values()) and SKIPPED not in "".join(shown.values())
    assert "bourgeoisie" in shown["words-by-hand-keyness"] and "MATTR: 0." in shown["words-by-hand-mattr"]
    for cell_id in ALL:
        tampered = dict(space)
        exec(source(by_id(BY_HAND, "by-hand-inputs")[1]), tampered)  # noqa: S102 (a fresh ``printed``)
        TAMPER[cell_id](tampered["printed"])
        with pytest.raises(AssertionError), contextlib.redirect_stdout(io.StringIO()):
            exec(source(by_id(BY_HAND, cell_id)[1]), tampered)  # noqa: S102


def test_recompute_cells_skip_with_one_line_without_the_seed_and_ignore_a_text_in_another_language(project, tmp_path):
    (tmp_path / "_config.yml").write_text("title: test\n")
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "a.txt").write_text(f"Забастовка\n\n{RUSSIAN}\n\n{RUSSIAN}\n", "utf-8")
    (tmp_path / "seeds" / "a.meta.toml").write_text(
        GOOD_SIDECAR.format(id="ru").replace('language = "en"', 'language = "ru"'), "utf-8")
    russian = load_corpus(tmp_path).texts
    with_russian = Corpus(ROOT, (*project.corpus.texts, *russian))
    assert TEXT_ID in with_russian
    shown = run(ALL, namespace(project, with_russian))
    assert SKIPPED not in "".join(shown.values())
    alone = run(ALL, namespace(project, Corpus(tmp_path, russian)))
    for page, cell_id, _ in MEASURES.values():
        if page != "timeline":
            assert alone[cell_id] == SKIPPED + "\n", cell_id


def test_vader_valences_are_what_each_compound_score_is_computed_from_and_only_for_english(project, tmp_path):
    from math import copysign, sqrt

    from studyguide.analysis.sentiment import sentence_scores, sentence_valences

    seed = project.corpus[TEXT_ID]
    records, scores = sentence_valences(seed), sentence_scores(seed)
    assert [(v.paragraph, v.sentence) for v in records] == [(s.paragraph, s.sentence) for s in scores]
    for v, s in zip(records, scores, strict=True):
        total = sum(v.words) + (copysign(v.punctuation, sum(v.words)) if sum(v.words) else 0)
        assert round(total / sqrt(total * total + 15), 4) == s.compound, v.sentence
    assert any(v.punctuation for v in records) and any(w < 0 for v in records for w in v.words)
    (tmp_path / "_config.yml").write_text("title: test\n")
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "a.txt").write_text(f"Забастовка\n\n{RUSSIAN}\n", "utf-8")
    (tmp_path / "seeds" / "a.meta.toml").write_text(
        GOOD_SIDECAR.format(id="ru").replace('language = "en"', 'language = "ru"'), "utf-8")
    assert sentence_valences(load_corpus(tmp_path)["ru"]) == []
