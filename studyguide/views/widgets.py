"""Explorers that are ipywidgets in a live notebook and plain HTML in the published book.

Each explorer is a :class:`Switcher`: a dropdown linked (``widgets.jslink``) to
a ``Stack`` of views computed in advance. In Jupyter it is an ordinary ipywidget.
Its display also carries a ``text/html`` form (:meth:`Switcher.static_html`): a
native ``<select>`` and the same views as hidden panels, which the book shows
instead of the widget (``nb_mime_priority_overrides`` in ``_config.yml``) and
which the book's own small script (``studyguide-explorers.js``) switches. So the
published page needs neither a kernel nor the 4 MB ipywidgets manager, and works
from ``file://``.

How much is precomputed is decided by one stated rule, :data:`MAX_VIEWS`: an
explorer holds at most that many views, whatever the size of the text (a long
text's paragraph browser offers every n-th paragraph, see
:func:`spread`). Without JavaScript the menu stays disabled and the first view
shows, so no control does nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape

import ipywidgets as widgets

from ..analysis.stretches import stretches
from . import modelids

modelids.install()  # the same widget model ids in every build (reproducible pages)

MAX_VIEWS = 60  # views precomputed per explorer (a saved view costs 2-30 KB of page)
# A chart in a hidden view waits until its view is shown: Chromium does not fetch a lazy image that has no box.
DEFERRED_IMAGE = re.compile(r'(<img src="[^"]*")(?![^>]*\sloading=)')


def spread(items: Sequence, limit: int = MAX_VIEWS) -> list:
    """At most ``limit`` of ``items``, evenly spread, first and last included: the first item of each of
    ``limit - 1`` stretches of all but the last (the guide's one rule, :func:`~studyguide.analysis.stretches.stretches`),
    then the last."""
    if len(items) <= limit:
        return list(items)
    return [items[run.start] for run in stretches(len(items) - 1, limit - 1, first=0)] + [items[-1]]


class Switcher(widgets.VBox):
    """A labelled dropdown switching precomputed views; displays as static HTML in the book."""

    def __init__(self, label: str, views: Sequence[tuple[str, str | widgets.Widget]], name: str = "", extra: str = "",
                 group: str = "", keys: Sequence[str] = ()):
        if not views:
            raise ValueError("a switcher needs at least one view")
        if group and len(keys) != len(views):
            raise ValueError("a grouped switcher needs one key per view")
        dropdown = widgets.Dropdown(
            options=[(option, index) for index, (option, _) in enumerate(views)],
            value=0,
            description=label,
            style={"description_width": "initial"},
        )
        children = [view if isinstance(view, widgets.Widget) else widgets.HTML(view) for _, view in views]
        stack = widgets.Stack(children, selected_index=0)
        stack.add_class("studyguide-views")
        widgets.jslink((dropdown, "index"), (stack, "selected_index"))
        super().__init__([dropdown, stack], layout=widgets.Layout(width="100%"))
        self.add_class("studyguide-switcher")
        if name:
            self.add_class(name)
        self.label = label
        self.name = name
        self.views = list(views)
        self.extra = extra  # HTML shown between the menu and the views in the book (e.g. a chart the script marks)
        # Switchers of one group on a page (every text's views, say) show the same key: the book's script
        # switches them all together, and the page's address (#key) chooses it.
        self.group = group
        self.view_keys = list(keys)

    def static_html(self) -> str:
        """The explorer as plain HTML: a ``<select>`` (enabled by the book's script) and its views."""
        keyed = bool(self.group and self.view_keys)
        options = "".join(f'<option value="{escape(self.view_keys[i] if keyed else option)}"{" selected" if i == 0 else ""}>'
                          f'{escape(option)}</option>' for i, (option, _) in enumerate(self.views))
        shown = [static_html(view) for _, view in self.views]
        panels = "".join(
            f'<div class="sg-view" data-sg-view="{i}"{self._key(i)}{"" if html else " data-sg-empty"}'
            f'{"" if i == 0 else " hidden"}>{html if i == 0 or not keyed else deferred(html)}</div>'
            for i, html in enumerate(shown))
        group = f' data-sg-group="{escape(self.group)}"' if keyed else ""
        return (f'<div class="studyguide-switcher sg-static {escape(self.name)}"{group}>'
                f'<label class="sg-menu"><span class="sg-menu-label">{escape(self.label)}</span> '
                f'<select disabled data-sg-select>{options}</select></label>{self.extra}'
                f'<div class="studyguide-views">{panels}</div></div>')

    def _key(self, index: int) -> str:
        return f' data-sg-key="{escape(self.view_keys[index])}"' if self.group else ""

    def _repr_mimebundle_(self, **kwargs) -> dict:
        bundle = super()._repr_mimebundle_(**kwargs) or {}
        bundle["text/html"] = self.static_html()
        return bundle


def static_html(view: str | widgets.Widget) -> str:
    """A view as HTML: a string as it is, a switcher through its static form, an HTML widget's value."""
    if isinstance(view, str):
        return view
    if isinstance(view, Switcher):
        return view.static_html()
    if isinstance(view, widgets.HTML):
        return view.value
    if hasattr(view, "static_html"):  # an explorer with a static form of its own (the word explorer)
        return view.static_html()
    if isinstance(view, widgets.Box):  # views shown one under another
        return "".join(static_html(child) for child in view.children)
    raise TypeError(f"no static form for {type(view).__name__}")


def deferred(html: str) -> str:
    """``html`` with each image loaded only when shown (``loading="lazy"``)."""
    return DEFERRED_IMAGE.sub(r'\1 loading="lazy"', html)


def switcher(label: str, views: Sequence[tuple[str, str | widgets.Widget]], name: str = "", extra: str = "",
             group: str = "", keys: Sequence[str] = ()) -> Switcher:
    """A labelled dropdown showing one of ``views``: ``(option, html or widget)`` pairs.

    A view may itself be a switcher (the timeline explorer nests one per category).
    ``name`` is an extra CSS class for the whole box; ``extra`` is HTML shown under the menu in the book.
    Switchers of one ``group`` (with a key per view, e.g. a text's id) switch together in the book.
    """
    return Switcher(label, views, name, extra, group, keys)
