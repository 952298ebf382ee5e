"""Tokens, size figures and the tables and widgets that show them, on hand-checkable texts."""

from studyguide import load_corpus
from studyguide.analysis.overview import corpus_overview, text_overview
from studyguide.analysis.tokens import sentences, words
from studyguide.views.paragraph_browser import paragraph_browser, paragraph_view
from studyguide.views.screen_reader import ATTRIBUTES as HIDDEN
from studyguide.views.size_tables import paragraph_rows, size_rows
from studyguide.views.tables import table
from support import GOOD_SIDECAR, ROOT


def test_words_keep_inner_apostrophes_and_hyphens_and_drop_punctuation():
    assert words('It\'s the family\'s "free" self-organization - 2011, i.e. now...') == [
        "it's", "the", "family's", "free", "self-organization", "2011", "i", "e", "now",
    ]
    assert words("don’t stop") == ["don't", "stop"]  # every apostrophe counts as one: see test_languages.py


def test_sentences_do_not_end_at_known_abbreviations():
    assert sentences("Workers i.e. Stalinism. It is horrific. What? Yes!") == [
        "Workers i.e. Stalinism.", "It is horrific.", "What?", "Yes!",
    ]


def test_overview_counts_a_small_text(project):
    root = project({
        "a.txt": "A Title\n\nThe cat sat. The cat ran.\n\nA dog!\n",
        "a.meta.toml": GOOD_SIDECAR.format(id="a"),
        "b.txt": "A Title\n\nDog days.\n",
        "b.meta.toml": GOOD_SIDECAR.format(id="b"),
    })
    corpus = load_corpus(root)
    first = text_overview(corpus["a"])
    assert (first.paragraphs, first.sentences, first.tokens, first.types) == (2, 3, 8, 6)
    rows = corpus_overview(corpus)
    assert [r.label for r in rows] == ["A Title", "A Title", "All texts"]
    assert size_rows(rows)[-1][1:] == (3, 4, 10, 7)  # types: the cat sat ran a dog days
    assert paragraph_rows(corpus["a"]) == [(1, 2, 6, "no"), (2, 1, 2, "no")]


def test_overview_of_the_seed():
    text = load_corpus(ROOT)["solidarity-oil-workers"]
    overview = text_overview(text)
    assert overview.paragraphs == 8
    assert overview.tokens == sum(row[2] for row in paragraph_rows(text))
    assert overview.tokens == 765
    assert paragraph_rows(text)[6][3] == "yes"


def test_table_escapes_cells_and_labels_headers():
    html = table("Cap <b>", ("Text", "Count"), [("<script>x</script>", 1200)])._repr_html_()
    assert f"<caption {HIDDEN}>Cap &lt;b&gt;</caption>" in html
    assert '<th scope="col">Count</th>' in html
    assert '<th scope="row" class="sg-name">&lt;script&gt;x&lt;/script&gt;</th>' in html
    assert '<td class="num">1,200</td>' in html
    assert "<script>" not in html


def test_paragraph_browser_links_one_view_per_paragraph():
    text = load_corpus(ROOT)["solidarity-oil-workers"]
    browser = paragraph_browser(text)
    dropdown, stack = browser.children
    assert [label for label, _ in dropdown.options] == [f"Paragraph {n}" for n in range(1, 9)]
    assert len(stack.children) == 8
    assert "Nazarbayev clique" in stack.children[6].value
    assert "a quotation from another text" in stack.children[6].value
    assert 'href="../chapters/texts/solidarity-oil-workers.html#p3"' in paragraph_view(text, 3)


def test_reading_applies_suggested_readings_only_for_counting():
    text = load_corpus(ROOT)["solidarity-oil-workers"]
    assert "barbarity of the bourgeoisie" in text.reading(1)
    assert "barbarity of tbe bourgeoisie" in text.paragraph(1).text
    assert "in such a warned." in text.reading(2)  # no reading given: unchanged
    assert "forcibly starved" in text.reading(2)
    assert "you also hide" in text.reading(8)


def test_figures_carry_alt_text_and_caption():
    import matplotlib.pyplot as plt
    import pytest

    from studyguide.views.style import figure_style, finish

    with figure_style():
        fig, ax = plt.subplots()
        ax.bar(["a", "b"], [3, 1])
        figure = finish(fig, alt="Bar chart: a 3, b 1.", caption="Two bars")
    html = figure._repr_html_()
    assert 'alt="Bar chart: a 3, b 1."' in html and "<figcaption>Two bars</figcaption>" in html
    assert "<dc:date>" not in figure.svg
    with figure_style():
        fig, _ = plt.subplots()
        with pytest.raises(ValueError):
            finish(fig, alt=" ", caption="x")
