"""Sentences with values from seeds: the values show as text, never as markup."""

from studyguide.views.prose import escape_markdown, prose


def test_values_are_escaped_and_the_template_is_not():
    sentence = prose("**{title}** has {n} words.", title='A <img src=x onerror="x()"> [l](javascript:x) _t_', n="1,234")
    assert sentence._repr_markdown_() == (
        '**A &lt;img src=x onerror="x\\(\\)"&gt; \\[l\\]\\(javascript\\:x\\) \\_t\\_** has 1,234 words.'
    )


def test_escape_markdown_keeps_plain_words():
    assert escape_markdown("Solidarity with the oil workers") == "Solidarity with the oil workers"
    assert escape_markdown("A & B") == "A &amp; B"
