"""Computing you can see: a short visible cell recomputes each measure the notebooks show, by hand.

Each cell (tagged ``recompute``) may use Python's standard library and NLTK, the token list and the
package's intermediate records (bound by a hidden plumbing cell just before), never the function
whose figure it checks; it asserts equality with the figure as printed, so a wrong package (or a
wrong cell) fails the cell, and a failing cell fails the build (:mod:`studyguide.book.failures`).
"""

from __future__ import annotations

import ast
import contextlib
import io
import json
import sys

import pytest

from studyguide import load_corpus, load_project
from studyguide.analysis.placement import chart_marks, placements
from studyguide.texts.corpus import Corpus
from studyguide.views.printed import SKIPPED
from support import GOOD_SIDECAR, ROOT, TEXT_ID

TAG = "recompute"
# measure -> (notebook, the cell's id, the package functions whose figures it checks: it may call none of them)
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


def test_every_listed_measure_has_one_recompute_cell_and_every_recompute_cell_is_listed():
    tagged = {(name, c["id"]) for name in ("overview", "words", "themes", "timeline")
              for c in cells(name) if TAG in c.get("metadata", {}).get("tags", ())}
    assert tagged == {(notebook, cell_id) for notebook, cell_id, _ in MEASURES.values()}
    assert set(TAMPER) == {cell_id for _, cell_id, _ in MEASURES.values()}


@pytest.mark.parametrize("measure", MEASURES)
def test_a_recompute_cell_is_short_visible_plain_python_and_never_calls_what_it_checks(measure):
    notebook, cell_id, checked = MEASURES[measure]
    index, cell = by_id(notebook, cell_id)
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
    if notebook != "timeline":  # the timeline's span is the whole data's, not one text's
        assert {"seed", "SKIPPED"} <= names(tree), cell_id
    lead = cells(notebook)[index - 1]
    assert lead["cell_type"] == "markdown" and source(lead).startswith("**The same"), cell_id
    assert source(lead).rstrip().count(". ") == 0, cell_id  # one sentence (after the bold opening)


def test_the_plumbing_cells_stay_hidden():
    for name in ("overview", "words", "themes", "timeline"):
        _, plumbing = by_id(name, f"{name}-by-hand-inputs")
        assert plumbing["metadata"]["tags"] == ["hide-input"], name


@pytest.fixture(scope="module")
def project():
    return load_project(ROOT)


def run(cell_ids: list[tuple[str, str]], namespace: dict) -> dict[str, str]:
    """Each notebook's plumbing cell, then its given recompute cells, in a copy of ``namespace`` per notebook (as in
    its own kernel): what each cell printed."""
    printed = {}
    for notebook in dict.fromkeys(n for n, _ in cell_ids):
        kernel = dict(namespace)
        exec(source(by_id(notebook, f"{notebook}-by-hand-inputs")[1]), kernel)  # noqa: S102 (the notebook's own code)
        for cell_id in (c for n, c in cell_ids if n == notebook):
            out = io.StringIO()
            with contextlib.redirect_stdout(out):
                exec(source(by_id(notebook, cell_id)[1]), kernel)  # noqa: S102
            printed[cell_id] = out.getvalue()
    return printed


def namespace(project, corpus) -> dict:
    marks = chart_marks(placements(corpus, project.timeline))
    return {"corpus": corpus, "lexicon": project.lexicon, "timeline": project.timeline, "marks": marks}


ALL = [(notebook, cell_id) for notebook, cell_id, _ in MEASURES.values()]


def test_every_recompute_cell_agrees_with_the_package_and_fails_when_a_printed_figure_is_off(project):
    space = namespace(project, project.corpus)
    shown = run(ALL, space)
    assert all(shown.values()) and SKIPPED not in "".join(shown.values())
    assert "bourgeoisie" in shown["words-by-hand-keyness"] and "MATTR: 0." in shown["words-by-hand-mattr"]
    for notebook, cell_id in ALL:
        tampered = dict(space)
        exec(source(by_id(notebook, f"{notebook}-by-hand-inputs")[1]), tampered)  # noqa: S102 (a fresh ``printed``)
        TAMPER[cell_id](tampered["printed"])
        with pytest.raises(AssertionError), contextlib.redirect_stdout(io.StringIO()):
            exec(source(by_id(notebook, cell_id)[1]), tampered)  # noqa: S102


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
    for notebook, cell_id in ALL:
        if notebook != "timeline":
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


def test_the_book_folds_each_by_hand_cell_with_its_lead_in_open_under_the_lead_ins_bold_opening():
    from docutils import nodes
    from docutils.utils import new_document

    from studyguide.book.by_hand import SUMMARY, fold_by_hand

    document = new_document("words.ipynb")
    section = nodes.section()
    lead = nodes.paragraph("", "", nodes.Text(""), nodes.strong("", "The same number, by hand."), nodes.Text(" Why."))
    cell = nodes.container(classes=["cell", "tag_recompute"])
    alone = nodes.container(classes=["cell", "tag_recompute"])
    section += [nodes.paragraph("", "Before."), lead, cell, nodes.container(classes=["cell", "tag_hide-input"]), alone]
    document += section
    fold_by_hand(None, document)
    kinds = [type(n).__name__ for n in section.children]
    assert kinds == ["paragraph", "raw", "paragraph", "container", "raw", "container", "raw", "container", "raw"]
    assert section[1].astext() == ('<details class="sg-fold sg-by-hand" open><summary>The same number, by hand</summary>'
                                   '<div class="sg-fold-body">')
    assert lead.astext() == "Why." and section[4].astext() == "</div></details>"
    assert f"<summary>{SUMMARY}</summary>" in section[6].astext()  # a cell with no lead-in paragraph before it
