"""``{self-check} SECTION``: the self-check quiz of a section of questions, answered in the page.

Every item of ``data/quiz.toml`` in that section becomes a small form: a question,
its options (radio buttons in a fieldset) or a text box, a Check button, and a
feedback line that a screen reader announces (``role="status"``), followed by the
explanation with a link to the paragraph that answers it. The checking is done
in the browser by the project's own ``studyguide-quiz.js`` (no kernel, no server,
nothing loaded from elsewhere; it works from ``file://``). Ids come from the items'
ids, so every build writes the same page. Answers computed from the text (``count``)
are computed here, at build time.
"""

from __future__ import annotations

import json
from html import escape

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from ..analysis.counts import REQUEST_FORM, count, request
from ..knowledge.quiz import Item
from ..texts.pages import chapter_url
from ..texts.text import Text
from .data import project
from .guide import in_words


def accepted(item: Item, text: Text) -> list[str]:
    """What a short answer may be: the listed answers, or the computed count in digits and in words."""
    if not item.count:
        return list(item.accept)
    asked = request(item.count)
    if asked is None or asked.text is not None:  # the item names its text itself
        raise ValueError(f"item '{item.id}': count {item.count!r} is not {REQUEST_FORM.replace('[ID:]', '')}")
    value = count(text, asked.what, asked.number, asked.word)
    return [str(value), in_words(value)]


def item_html(item: Item, number: int, text: Text, page: str) -> str:
    """One item as an accessible form (every string escaped)."""
    key = f"quiz-{item.id}"
    question = f"{number}. {escape(item.question)}"
    if item.kind == "choice":
        choices = "".join(
            f'<div class="sg-quiz-option"><input type="radio" name="{key}" id="{key}-{i}" value="{i}">'
            f'<label for="{key}-{i}">{escape(option)}</label></div>'
            for i, option in enumerate(item.shown_options))
        body = f'<fieldset><legend>{question}</legend>{choices}</fieldset>'
        data = f'data-kind="choice" data-answer="{item.shown_options.index(item.answer)}"'
    else:
        body = (f'<p class="sg-quiz-question" id="{key}-q">{question}</p>'
                f'<label for="{key}-input">Your answer</label> '
                f'<input type="text" id="{key}-input" autocomplete="off" spellcheck="false" aria-describedby="{key}-q">')
        data = f'data-kind="short" data-accept="{escape(json.dumps(accepted(item, text), ensure_ascii=False))}"'
    link = escape(chapter_url(text.id, item.paragraph, page))
    return (
        f'<form class="sg-quiz-item" id="{key}" {data} novalidate>{body}'
        f'<button type="submit" class="sg-quiz-check">Check</button>'
        f'<p class="sg-quiz-feedback" role="status" aria-live="polite"></p>'
        f'<div class="sg-quiz-explanation" hidden><p>{escape(item.explanation)} '
        f'<a href="{link}">Read paragraph {item.paragraph}</a>.</p></div></form>'
    )


class SelfCheckDirective(SphinxDirective):
    """``{self-check} SECTION``: the quiz items of that section of ``data/quiz.toml``."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        data = project(self.env)
        if data.quiz is None:
            raise self.error("no quiz: data/quiz.toml is missing")
        items = data.quiz.section(self.arguments[0])
        if not items:
            raise self.error(f"data/quiz.toml has no items in section {self.arguments[0]!r}")
        parts = []
        for number, item in enumerate(items, 1):
            text = data.corpus[item.text] if item.text else data.corpus.texts[0]
            try:
                parts.append(item_html(item, number, text, self.env.docname))
            except ValueError as exc:
                raise self.error(str(exc)) from None
        heading = (f'<p class="sg-quiz-intro">{len(items)} questions. '
                   '<span class="sg-screen-only">Choose or type an answer, then press Check to see whether it is '
                   'right and why.</span><span class="sg-print-only">Choose or write an answer; check it in the '
                   'online guide, which says whether it is right and why.</span></p>')
        html = f'<section class="sg-quiz" aria-label="Self-check quiz">{heading}{"".join(parts)}</section>'
        return [nodes.raw("", html, format="html")]


def add_quiz_files(app, pagename: str, templatename: str, context: dict, doctree) -> None:
    """The quiz's script and styles, on the pages that have a quiz and on no other."""
    if doctree is not None and any("sg-quiz" in node.astext() for node in doctree.findall(nodes.raw)):
        app.add_css_file("studyguide-quiz.css")
        app.add_js_file("studyguide-quiz.js", loading_method="defer")
