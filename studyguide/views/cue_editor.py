"""The cue editor: in a live kernel, edit one theme's cues and redraw the tracker."""

from __future__ import annotations

import ipywidgets as widgets
from IPython.display import display

from ..base.errors import InputError
from ..knowledge.lexicon import Lexicon, parse_cues
from ..texts.text import Text
from .theme_tracker import tracker_figure


def cue_editor(text: Text, lexicon: Lexicon):
    """Live kernel only: edit one theme's cues (one per line, ``rule: cue``) and recompute the tracker."""
    choose = widgets.Dropdown(options=[(f"{t.symbol} {t.label}", t.id) for t in lexicon], description="Theme:")
    cues = widgets.Textarea(rows=10, layout=widgets.Layout(width="100%"),
                            description="Cues:", placeholder="exact: media\nstem: hide\npattern: self-organi[sz]ation")
    button = widgets.Button(description="Recompute the tracker", button_style="primary")
    out = widgets.Output()
    state = {"lexicon": lexicon}

    def fill(_=None):
        cues.value = "\n".join(f"{c.rule}: {c.text}" for c in state["lexicon"][choose.value].cues)

    def recompute(_=None):
        out.clear_output()
        with out:
            try:
                state["lexicon"] = state["lexicon"].with_cues(choose.value, parse_cues(cues.value))
                display(tracker_figure(text, state["lexicon"], note=" (edited cues)"))
            except InputError as exc:
                print(exc)

    choose.observe(fill, names="value")
    button.on_click(recompute)
    fill()  # the tracker is drawn when the button is pressed (only a live kernel runs callbacks)
    box = widgets.VBox([choose, cues, button, out])
    box.lexicon = lambda: state["lexicon"]  # the edited lexicon, for further cells
    return box

