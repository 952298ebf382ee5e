"""A record's passages as the fold a reader opens under it: one markup for the book and the notebooks.

The book (timeline tables, who's who) and the notebook explorers show the same
fold, and the layer rules let them share only what lies at or below this layer, so
the markup is made here, as a string, with no drawing library. It is a native
``<details>`` element: the keyboard opens it (Tab, then Enter or Space), screen readers
announce it as a collapsed group, and it works from ``file://`` with no script. Each
quotation is a ``<blockquote cite=URL>`` with the source's ``lang``; the guide's
translation follows it, marked as such.
"""

from __future__ import annotations

from html import escape

from ..base.dates import MONTHS
from .evidence import Passage
from .sources import Sources, source_names

SUMMARY = "The source's words"


def day_label(day) -> str:
    return f"{day.day} {MONTHS[day.month]} {day.year}"


def fold_html(passages: tuple[Passage, ...] | list[Passage], about: str, sources: Sources | None = None,
              anchor: str = "", back: str = "", mark: str = "") -> str:
    """The fold for one record (``about`` names it for screen readers); empty when it has no passage.

    A chapter sentence's fold (``{evidence}``) has an ``anchor``, the id of its passages that the
    sentence's control links to (a browser opens a closed fold to show a target inside it),
    ``back``, the id of that control, for a link back to the sentence, and ``mark``, the number
    the control and the fold share when one paragraph has several.
    """
    if not passages:
        return ""
    names = dict(zip(dict.fromkeys(p.url for p in passages), source_names(list(dict.fromkeys(p.url for p in passages)),
                                                                           sources)))
    items = []
    for passage in passages:
        lang = f' lang="{escape(passage.lang)}"' if passage.lang else ""
        translation = (f'<p class="evidence-translation" lang="en"><span class="evidence-label">The guide\'s '
                       f"translation:</span> <q>{escape(passage.translation)}</q></p>") if passage.translation else ""
        copy = (f' in <a href="{escape(passage.page)}" rel="noopener">a stored copy</a>' if passage.page else "")
        items.append(
            f'<figure class="evidence-passage"><blockquote cite="{escape(passage.url)}"{lang}>'
            f"<p>{escape(passage.quote)}</p></blockquote>{translation}"
            f'<figcaption><a href="{escape(passage.url)}" rel="noopener">{escape(names[passage.url])}</a>; '
            f"found word for word{copy} on {day_label(passage.checked)}</figcaption></figure>")
    body = "".join(items)
    if back:
        body += f'<p class="evidence-back"><a href="#{escape(back)}">Back to the sentence</a></p>'
    if anchor:
        body = f'<div id="{escape(anchor)}" tabindex="-1">{body}</div>'
    number = f" ({escape(mark)})" if mark else ""  # folds of several sentences after one paragraph, numbered
    return (f'<details class="evidence"><summary>{SUMMARY}<span class="sg-sr-only"> for '
            f"{escape(about)}</span>{number}</summary>{body}</details>")
