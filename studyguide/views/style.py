"""One plotting style for every figure, and figures that carry their own alt text.

- Palette: Okabe & Ito's colour-blind-safe colours (``PALETTE``, from
  :mod:`studyguide.knowledge.symbols`); every series also gets a marker or hatch
  (``MARKERS`` / :data:`HATCHES`),
  so colour is never the only cue.
- Fonts: DejaVu Sans (matplotlib's own: Latin, Cyrillic, Greek, Arabic, Hebrew), then the
  fonts that cover the scripts it lacks (:data:`FALLBACK_FONTS`: Chinese and Japanese,
  Thai), which the README's commands install from Debian (``fonts-noto-cjk``,
  ``fonts-tlwg-loma``). matplotlib measures every glyph of a label in the first font that
  has it, so no chart lays out a glyph it cannot draw; the SVG keeps its text as text with
  the same font list, which the browser shapes (Arabic joined, right to left).
- Figures are rendered to SVG (sharp in print and at any width) and shown as
  ``<figure><img alt=...><figcaption>`` HTML, with alt text computed from the
  data by the caller. SVG ids and metadata are fixed so builds are repeatable.
"""

from __future__ import annotations

import base64
import io
import os
import re
import warnings
from contextlib import contextmanager
from dataclasses import dataclass
from html import escape

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from ..knowledge.symbols import PALETTE  # noqa: E402

MAX_WIDTH = 7.0  # inches, 672 CSS px: the book's text column at 1280 px (see fit_width)
MIN_FONT = 8  # points: 10.7 CSS px at a figure's own size
POOL = 60  # columns a chart draws at most: a longer text's paragraphs are pooled in stretches (analysis.stretches)
HATCHES = ("", "//", "..", "xx", "\\\\", "++", "--", "oo")
INK = "#1a1a1a"
MISSING_GLYPH = r"Glyph \d+ .* missing from font"  # matplotlib's warning, silenced only while charts are drawn
# (family, font file name) of the fonts a chart falls back on for the scripts DejaVu Sans lacks.
FALLBACK_FONTS = (("Noto Sans CJK JP", "NotoSansCJK-Regular.ttc"), ("Loma", "Loma.ttf"))


def font_families() -> list[str]:
    """DejaVu Sans, then each fallback font that is installed on this machine.

    matplotlib's font list is cached when it is first imported; a font installed later (the
    README's apt command) is added from its file here, so the charts find it at once.
    """
    from matplotlib import font_manager

    known = {f.name for f in font_manager.fontManager.ttflist}
    missing = {file for name, file in FALLBACK_FONTS if name not in known}
    if missing:
        for path in font_manager.findSystemFonts():
            if os.path.basename(path) in missing:
                font_manager.fontManager.addfont(path)
        known = {f.name for f in font_manager.fontManager.ttflist}
    return ["DejaVu Sans", *(name for name, _ in FALLBACK_FONTS if name in known)]


RC = {
    "figure.figsize": (7.0, 3.6),
    "figure.dpi": 100,
    "font.size": 11,
    "xtick.labelsize": 10,
    "ytick.labelsize": 10,
    "legend.fontsize": 10,
    "axes.titlesize": 12,
    "axes.labelsize": 11,
    "axes.edgecolor": INK,
    "axes.labelcolor": INK,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.prop_cycle": matplotlib.cycler(color=PALETTE),
    "xtick.color": INK,
    "ytick.color": INK,
    "text.color": INK,
    "legend.frameon": False,
    "svg.fonttype": "none",  # text stays text: searchable, small, crisp
    "svg.hashsalt": "studyguide",  # stable element ids across builds
    "text.parse_math": False,  # titles and labels come from seeds: "$x$" stays "$x$", never mathtext (or a crash)
    "font.family": font_families(),
}


@contextmanager
def figure_style():
    """Apply the guide's matplotlib settings inside a ``with`` block.

    matplotlib's "Glyph ... missing from font" is silenced while a chart is laid out, as when it is
    saved (:func:`finish`): on a machine without the fallback fonts it measures such a label roughly,
    but the SVG keeps the text as text, which the reader's browser draws with its own fonts.
    """
    with plt.rc_context(RC), warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=MISSING_GLYPH, category=UserWarning)
        yield


@dataclass(frozen=True)
class Figure:
    """An SVG figure with a caption and alt text, displayed as accessible HTML."""

    svg: str
    alt: str
    caption: str

    def _repr_html_(self) -> str:
        data = base64.b64encode(self.svg.encode("utf-8")).decode("ascii")
        width = self.width_px()
        return (
            '<figure class="studyguide-figure" tabindex="0">'  # focusable: on a phone it scrolls sideways
            f'<img src="data:image/svg+xml;base64,{data}" alt="{escape(self.alt)}"'
            + (f' width="{width}"' if width else "") + ' style="max-width:100%;height:auto">'
            f"<figcaption>{escape(self.caption)}</figcaption></figure>"
        )

    def width_px(self) -> int:
        """The SVG's own width in CSS px (matplotlib writes it in points), 0 if unknown."""
        match = re.search(r'<svg[^>]*\swidth="([\d.]+)pt"', self.svg)
        return round(float(match.group(1)) * 4 / 3) if match else 0

    def __repr__(self) -> str:  # the plain-text form of the output: the caption, not the SVG
        return f"Figure: {self.caption}"


def fit_width(fig: matplotlib.figure.Figure, width: float = MAX_WIDTH) -> None:
    """Narrow ``fig`` until its drawn extent (labels included) is at most ``width`` inches.

    The book's text column is 672 CSS px wide at a 1280 px window: a figure no wider
    is shown at its own size, so text of 8 pt or more is at least 10 CSS px. Only the
    plotting area shrinks; the type keeps its size.
    """
    for _ in range(8):
        extent = fig.get_tightbbox(fig.canvas.get_renderer()).width
        if extent <= width + 0.02:
            return
        w, h = fig.get_size_inches()
        fig.set_size_inches(max(2.5, w - (extent - width)), h)


def finish(fig: matplotlib.figure.Figure, alt: str, caption: str) -> Figure:
    """Render ``fig`` to SVG (no date, fixed ids), close it, and attach alt text and caption."""
    if not alt.strip() or not caption.strip():
        raise ValueError("every figure needs alt text and a caption")
    fit_width(fig)
    buffer = io.StringIO()
    # The SVG settings apply when saving, so they are set here too: a caller may
    # call finish() after leaving figure_style().
    with plt.rc_context({key: RC[key] for key in ("svg.fonttype", "svg.hashsalt")}), warnings.catch_warnings():
        # Text stays text in the SVG ("svg.fonttype": "none") and the browser draws it with its own fonts;
        # matplotlib's bundled font lacks most scripts (Devanagari...) and would only warn while measuring.
        warnings.filterwarnings("ignore", message=MISSING_GLYPH, category=UserWarning)
        fig.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None, "Creator": None})
    plt.close(fig)
    return Figure(svg=buffer.getvalue(), alt=alt, caption=caption)
