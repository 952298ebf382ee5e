"""Widget model ids that come out the same in every build.

ipywidgets names each widget model with a random ``uuid4``; the executed
notebook and the built page embed those names, so two builds of the same
commit would differ. :func:`install` registers ipywidgets' public
construction hook (``Widget.on_widget_constructed``) so that every widget
created afterwards in this process, including the Layout and Style models
made implicitly, gets the next id of a fixed sequence instead. Widgets are
created in the same order on every run of a notebook, so their ids repeat.

The ids stay unique within a kernel (the sequence never repeats), which is
all the widget protocol needs; a restarted kernel starts the sequence again,
and the front end drops the old kernel's models on restart.
"""

from __future__ import annotations

import hashlib
import itertools

from ipywidgets import Widget

NAMESPACE = "studyguide-widget"
_sequence = itertools.count()


def model_id(number: int) -> str:
    """The ``number``-th model id: 32 hex digits, like the uuid4 ids it replaces."""
    return hashlib.sha256(f"{NAMESPACE}-{number}".encode()).hexdigest()[:32]


def _assign(widget: Widget) -> None:
    if widget._model_id is None:  # an id given explicitly (model_id=...) is kept
        widget._model_id = model_id(next(_sequence))


def install() -> None:
    """Give every widget created from now on a repeatable model id (idempotent).

    Leaves alone a construction hook that some other library installed first.
    """
    if Widget._widget_construction_callback in (None, _assign):
        Widget.on_widget_constructed(_assign)
