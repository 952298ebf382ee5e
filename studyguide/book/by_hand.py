"""The notebooks' "by hand" cells (tagged ``recompute``), each with its lead-in, in a fold that is open.

Every notebook page shows, next to a measure, a short visible cell that recomputes it with the
standard library or NLTK and checks the printed figure. Readers see them all at once (the fold
is open); a reader who has checked one can close it, and the notebook pages' length budget,
measured with every fold closed, counts the analyses rather than their checks. The lead-in's bold
opening ("The same number, by hand.") becomes the fold's summary, so it is said once.
"""

from __future__ import annotations

from html import escape

from docutils import nodes
from sphinx.application import Sphinx

TAG = "tag_recompute"  # MyST-NB's class for a cell tagged "recompute"
SUMMARY = "The same figure, by hand"  # when a cell has no bold lead-in


def _summary(lead: nodes.paragraph | None) -> str:
    """The lead-in's bold opening, taken out of it (it becomes the summary); :data:`SUMMARY` without one."""
    if lead is None:
        return SUMMARY
    while lead.children and isinstance(lead[0], nodes.Text) and not lead[0].astext().strip():
        lead.remove(lead[0])  # MyST opens a paragraph that starts with markup with an empty text
    if not lead.children or not isinstance(lead[0], nodes.strong):
        return SUMMARY
    opening = lead[0].astext().strip().rstrip(".")
    lead.remove(lead[0])
    if lead.children and isinstance(lead[0], nodes.Text):
        lead.replace(lead[0], nodes.Text(lead[0].astext().lstrip()))
    return opening


def fold_by_hand(app: Sphinx, doctree: nodes.document) -> None:
    for cell in list(doctree.findall(nodes.container)):
        if TAG not in cell["classes"]:
            continue
        parent = cell.parent
        index = parent.index(cell)
        lead = parent[index - 1] if index and isinstance(parent[index - 1], nodes.paragraph) else None
        opening = (f'<details class="sg-fold sg-by-hand" open><summary>{escape(_summary(lead))}</summary>'
                   '<div class="sg-fold-body">')
        parent.insert(parent.index(lead) if lead is not None else index, nodes.raw("", opening, format="html"))
        parent.insert(parent.index(cell) + 1, nodes.raw("", "</div></details>", format="html"))


def setup(app: Sphinx) -> None:
    app.connect("doctree-read", fold_by_hand)
