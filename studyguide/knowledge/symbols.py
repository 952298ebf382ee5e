"""The one definition of the guide's colours and symbols.

- :data:`PALETTE`: Okabe and Ito's colour-blind-safe colours, used by every chart
  and by the theme lexicon (a theme's ``colour`` must be one of them).
- :data:`SYMBOLS`: each symbol a theme (or a timeline category) can carry, and the
  matplotlib marker drawn for it, so that colour is never the only cue.
"""

from __future__ import annotations

PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")
SYMBOLS = {"●": "o", "■": "s", "▲": "^", "◆": "D", "▼": "v", "✚": "P", "✖": "X", "★": "*"}
MARKERS = tuple(SYMBOLS.values())  # in the order the charts hand them out
_BY_MARKER = {marker: symbol for symbol, marker in SYMBOLS.items()}


def symbol_of(marker: str) -> str:
    """The symbol drawn in text for a matplotlib marker (``"o"`` -> ``"●"``)."""
    return _BY_MARKER[marker]
