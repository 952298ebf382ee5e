"""Widgets that keep working in the published book, where no kernel runs.

Each explorer is a dropdown linked in the browser (``widgets.jslink``) to a
``Stack`` of views computed in advance, so choosing an option switches the
view client-side from the widget state saved in the page. The dropdown is a
native ``<select>``: it takes focus with Tab and changes with the arrow keys.
"""

from __future__ import annotations

from collections.abc import Sequence

import ipywidgets as widgets

from . import modelids

modelids.install()  # the same widget model ids in every build (reproducible pages)


def switcher(label: str, views: Sequence[tuple[str, str | widgets.Widget]], name: str = "") -> widgets.VBox:
    """A labelled dropdown showing one of ``views``: ``(option, html or widget)`` pairs.

    A view may itself be a switcher (the timeline explorer nests one per category).
    ``name`` is an extra CSS class for the whole box.
    """
    if not views:
        raise ValueError("a switcher needs at least one view")
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
    box = widgets.VBox([dropdown, stack], layout=widgets.Layout(width="100%"))
    box.add_class("studyguide-switcher")
    if name:
        box.add_class(name)
    return box
