"""One text at a time: a notebook's per-text outputs behind one menu, so a class corpus stays readable.

Every per-text section of a notebook goes through :func:`by_text`, which calls the section's
``render(text)`` for each text of the corpus. With one text the outputs are displayed as they
are. With several, they become one :class:`~.widgets.Switcher` per section, its views keyed by
the texts' ids and grouped (``group="text"``): in a live kernel each is a Dropdown over a Stack
(the explorers' pattern); in the book every such menu on the page switches together
(``studyguide-explorers.js``), the first text is shown, the others stay in the page (hidden,
their charts not fetched until shown), and ``#ID`` in the page's address chooses a text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from html import escape

import ipywidgets as widgets
from IPython.display import HTML, display

from ..texts.language import language_name
from ..texts.text import Text
from .links import chapter_link
from .widgets import Switcher, static_html, switcher

GROUP = "text"
LABEL = "Text:"


def output_html(output: object) -> str:
    """What the book shows for one notebook output: its static form, its HTML, or its Markdown rendered."""
    if output is None:
        return ""
    if isinstance(output, str):
        return output
    if isinstance(output, widgets.Widget):
        return static_html(output)
    html = output._repr_html_() if hasattr(output, "_repr_html_") else None
    if html is not None:
        return html
    markdown = output._repr_markdown_() if hasattr(output, "_repr_markdown_") else None
    if markdown is not None:
        from markdown_it import MarkdownIt  # myst-parser's own parser: the book renders these sentences with it

        return MarkdownIt("commonmark").render(markdown)
    raise TypeError(f"no HTML form for {type(output).__name__}")


def _outputs(rendered: object) -> list:
    if rendered is None:
        return []
    if isinstance(rendered, (list, tuple)):
        return [o for o in rendered if o is not None]
    return [rendered]


def text_view(outputs: Iterable[object]) -> str | widgets.Widget:
    """One text's outputs as one view: HTML, or (when an output is a widget) a box of widgets for a live kernel."""
    outputs = list(outputs)
    if not any(isinstance(o, widgets.Widget) for o in outputs):
        return "".join(output_html(o) for o in outputs)
    return widgets.VBox([o if isinstance(o, widgets.Widget) else widgets.HTML(output_html(o)) for o in outputs])


_FIRST_MENUS: dict[tuple[str, ...], widgets.Dropdown] = {}  # per corpus (its ids), the kernel's first "Text:" menu


def text_switcher(texts: list[Text], views: list[str | widgets.Widget]) -> Switcher:
    """The texts' views behind one "Text:" menu, grouped with every other on the page.

    In a live kernel each menu is linked (``widgets.jslink``) to the first one shown for the same texts,
    so there too one choice switches every section, as the book's script does on the page.
    """
    box = switcher(LABEL, [(text.title, view) for text, view in zip(texts, views)], name="sg-by-text",
                   group=GROUP, keys=[text.id for text in texts])
    menu = box.children[0]
    first = _FIRST_MENUS.setdefault(tuple(text.id for text in texts), menu)
    if first is not menu:
        box.link = widgets.jslink((first, "index"), (menu, "index"))
    return box


def by_text(corpus: Iterable[Text], render: Callable[[Text], object], nothing: str = "") -> None:
    """Display ``render(text)`` (an output, a list of outputs, or None) for each text, one text at a time.

    A text for which ``render`` gives nothing shows ``nothing`` (a sentence; ``{title}`` is its title),
    or, without one, nothing at all: the section (its menu too) takes no room while that text is chosen.
    Every menu on the page offers every text.
    """
    texts = list(corpus)
    views = [_outputs(render(text)) or ([_sentence(nothing.format(title=text.title))] if nothing else [])
             for text in texts]
    if len(texts) == 1:
        for output in views[0]:
            display(HTML(output) if isinstance(output, str) else output)
        return
    if texts:
        display(text_switcher(texts, [text_view(v) for v in views]))


def _sentence(text: str) -> str:
    return f'<p class="sg-no-rows">{escape(text)}</p>'


def text_card(text: Text, words: int) -> str:
    """HTML: one line on the text a page shows, with a link to its chapter."""
    return (f'<p class="sg-text-card">“<bdi lang="{escape(text.meta.language)}">{escape(text.title)}</bdi>”: '
            f"{language_name(text.language)}, {words:,} words. "
            f"{chapter_link(text.id, None, 'Read it in its chapter')}.</p>")


def text_picker(corpus: Iterable[Text]) -> None:
    """The page's first "Text:" menu, with a sentence on how it works (nothing with a single text)."""
    from ..analysis.frequency import text_tokens

    texts = list(corpus)
    if len(texts) < 2:
        return
    display(HTML(f'<p class="sg-note sg-picker-note">This page shows one of the guide’s {len(texts)} texts at a '
                 "time. Every “Text:” menu on it switches all its sections; a link to the page then opens it on that "
                 "text.</p>"))
    display(text_switcher(texts, [text_card(text, len(text_tokens(text))) for text in texts]))
