"""Showing themes: the tracker chart, the theme explorer, the cue editor, the chapter's symbols.

- :func:`tracker_figure`: paragraphs x themes, one marker per theme (its own
  shape, area by score, the count written beside it), through
  :func:`studyguide.style.finish` with alt text from the data.
- :func:`explorer`: a :func:`studyguide.widgets.switcher` with one
  precomputed view per theme (its tracker row, then the paragraphs with the
  matched words marked and a tooltip naming the cue), so it works in the
  published page with no kernel.
- :func:`cue_editor`: in a live kernel, edit a theme's cues and recompute.
- :func:`paragraph_symbols`: the theme symbols after a paragraph's number
  in the text chapter, each linking to the theme's section of the themes page.
"""

from __future__ import annotations

from dataclasses import dataclass

from html import escape

from .text import Paragraph, Text
from .tokens import words
from .theme import Lexicon, Segment, find_matches, lexicon_for, read_lexicon, score_paragraphs

THEMES_PAGE = "notebooks/themes.html"


def tracker_figure(text: Text, lexicon: Lexicon, segments: list[Segment] | None = None, note: str = ""):
    """The theme tracker: a row per theme, a column per paragraph."""
    from .style import INK, figure_style, finish, plt  # matplotlib only when drawing

    segments = segments if segments is not None else score_paragraphs(text, lexicon)
    themes = list(lexicon)
    top = max((s.score(t.id) for s in segments for t in themes), default=0) or 1
    with figure_style():
        fig, ax = plt.subplots(figsize=(7.5, 0.55 * len(themes) + 1.6))
        for row, theme in enumerate(themes):
            y = len(themes) - 1 - row
            for s in segments:
                if s.count(theme.id):
                    ax.scatter(s.paragraph, y, s=60 + 540 * s.score(theme.id) / top, marker=theme.marker,
                               color=theme.colour, edgecolors=INK, linewidths=0.6, zorder=3)
                    ax.text(s.paragraph + 0.28, y + 0.18, str(s.count(theme.id)), fontsize=8, color=INK)
                else:
                    ax.text(s.paragraph, y, "·", ha="center", va="center", color="#999999")
        for s in segments:
            if s.quotation:
                ax.axvspan(s.paragraph - 0.5, s.paragraph + 0.5, facecolor="#eeeeee", hatch="//",
                           edgecolor="#bbbbbb", zorder=0)
        ax.set_yticks(range(len(themes)), [f"{t.label} ({t.symbol})" for t in reversed(themes)])
        ax.set_xticks([s.paragraph for s in segments],
                      [f"{s.paragraph}" + ("\nquoted" if s.quotation else "") for s in segments])
        ax.set_xlim(0.4, len(segments) + 0.7)
        ax.set_ylim(-0.6, len(themes) - 0.4)
        ax.set_xlabel("Paragraph (numbers as in the text chapter)")
        ax.grid(axis="y", color="#e5e5e5", zorder=0)
    parts = []
    for theme in themes:
        present = [s for s in segments if s.count(theme.id)]
        if present:
            best = max(present, key=lambda s: s.score(theme.id))
            parts.append(f"{theme.label}: in {len(present)} of {len(segments)} paragraphs, "
                         f"strongest in paragraph {best.paragraph} ({best.score(theme.id):.1f} per 100 words)")
        else:
            parts.append(f"{theme.label}: in no paragraph")
    alt = (f"Theme tracker for “{text.title}”, {len(segments)} paragraphs by {len(themes)} themes; "
           f"marker size shows cue words per 100 words. " + "; ".join(parts) + "."
           + "".join(f" Paragraph {s.paragraph} is a quotation (hatched)." for s in segments if s.quotation))
    caption = (f"Theme tracker for “{text.title}”{note}. Each theme has its own marker shape; marker area is "
               "proportional to cue words per 100 words, and the small number is the count of cue words. "
               "A hatched column is a quoted paragraph.")
    return finish(fig, alt, caption)


def marked_paragraph(source: str, segment_matches, lexicon: Lexicon, theme_id: str) -> str:
    """``source`` as HTML with the matches of one theme in <mark>, each titled with its cue."""
    out, position = [], 0
    for m in sorted((m for m in segment_matches if m.theme == theme_id), key=lambda m: m.start):
        out.append(escape(source[position : m.start]))
        status = "negated, not counted" if m.negated else "counted"
        theme = lexicon[theme_id]
        title = f"{theme.label}: cue “{m.cue.text}” ({m.cue.rule}), {status}"
        cls = "theme-cue negated" if m.negated else "theme-cue"
        out.append(f'<mark class="{cls}" data-theme="{theme.id}" title="{escape(title)}">'
                   f"{escape(source[m.start:m.end])}<span class=\"sg-sr-only\"> ({escape(status)})</span></mark>")
        position = m.end
    out.append(escape(source[position:]))
    return "".join(out)


def theme_view(text: Text, lexicon: Lexicon, theme_id: str, segments: list[Segment], chapter_url: str) -> str:
    """HTML for one theme: description, its tracker row, then the paragraphs where it appears."""
    theme = lexicon[theme_id]
    cues = "; ".join(f"{c.text} ({c.rule})" for c in theme.cues)
    head = "".join(f'<th scope="col">¶{s.paragraph}{" (quoted)" if s.quotation else ""}</th>' for s in segments)
    cells = "".join(
        f'<td class="num has-theme">{s.count(theme_id)}<br><small>({s.score(theme_id):.1f})</small></td>'
        if s.count(theme_id) else '<td class="num">–</td>' for s in segments)
    row = (f'<table class="studyguide-table theme-row"><caption>Tracker row for {escape(theme.symbol)} '
           f"{escape(theme.label)}: cue words (and per 100 words) by paragraph</caption>"
           f'<thead><tr><th scope="col">Theme</th>{head}</tr></thead><tbody><tr>'
           f'<th scope="row"><span aria-hidden="true" style="color:{theme.colour}">{escape(theme.symbol)}</span> '
           f"{escape(theme.label)}</th>{cells}</tr></tbody></table>")
    paragraphs = []
    for s in segments:
        if not any(m.theme == theme_id for m in s.matches):
            continue
        paragraph = text.paragraph(s.paragraph)
        kind = " (quoted from another text)" if s.quotation else ""
        paragraphs.append(
            f'<div class="theme-paragraph"><p><a href="{escape(chapter_url)}#{paragraph.anchor}">Paragraph '
            f"{s.paragraph}</a>{kind}: {s.count(theme_id)} counted, {s.negated(theme_id)} negated, "
            f"{s.score(theme_id):.1f} per 100 words.</p>"
            f"<blockquote><p>{marked_paragraph(s.source, s.matches, lexicon, theme_id)}</p></blockquote></div>")
    body = "".join(paragraphs) or "<p>No paragraph of this text has a cue word of this theme.</p>"
    return (f'<div class="theme-view" data-theme="{theme.id}" lang="{escape(text.meta.language)}">'
            f"<p><strong>{escape(theme.symbol)} {escape(theme.label)}</strong>: {escape(theme.description)}</p>"
            f"<p><small>Cues: {escape(cues)}</small></p>{row}{body}</div>")


def explorer(text: Text, lexicon: Lexicon, chapter_url: str):
    """Choose a theme: see its tracker row and its cue words marked in the paragraphs (no kernel needed)."""
    from .widgets import switcher

    segments = score_paragraphs(text, lexicon)
    views = [(f"{t.symbol} {t.label}", theme_view(text, lexicon, t.id, segments, chapter_url)) for t in lexicon]
    return switcher("Theme:", views)


def cue_editor(text: Text, lexicon: Lexicon):
    """Live kernel only: edit one theme's cues (one per line, ``rule: cue``) and recompute the tracker."""
    import ipywidgets as widgets
    from IPython.display import display

    from .errors import InputError

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
                state["lexicon"] = state["lexicon"]._with(choose.value, parse_cues(cues.value))
                display(tracker_figure(text, state["lexicon"], note=" (edited cues)"))
            except InputError as exc:
                print(exc)

    choose.observe(fill, names="value")
    button.on_click(recompute)
    fill()  # the tracker is drawn when the button is pressed (only a live kernel runs callbacks)
    box = widgets.VBox([choose, cues, button, out])
    box.lexicon = lambda: state["lexicon"]  # the edited lexicon, for further cells
    return box


def parse_cues(source: str, where: str = "cue editor") -> tuple:
    """Cues written one per line as ``exact: word``, ``stem: word`` or ``pattern: regex``."""
    from .errors import InputError
    from .theme import RULES, _make_cue

    cues = []
    for number, line in enumerate(source.splitlines(), 1):
        if line.strip():
            rule, sep, cue = line.partition(":")
            if not sep or rule.strip() not in RULES:
                raise InputError(where, "write each cue as 'exact: word', 'stem: word' or 'pattern: regex'", number)
            cues.append(_make_cue(where, cue, rule.strip(), number))
    return tuple(cues)


def theme_sections(lexicon: Lexicon) -> str:
    """One anchored section per theme (the chapter's symbols link here)."""
    parts = []
    for t in lexicon:
        rules = {r: [c.text for c in t.cues if c.rule == r] for r in ("exact", "stem", "pattern")}
        cues = "".join(f"<dt>{r}</dt><dd>{escape(', '.join(v))}</dd>" for r, v in rules.items() if v)
        parts.append(f'<section class="theme-section" id="{t.anchor}" tabindex="-1">'
                     f'<h3><span aria-hidden="true" style="color:{t.colour}">{escape(t.symbol)}</span> {escape(t.label)}</h3>'
                     f"<p>{escape(t.description)}</p><dl>{cues}</dl></section>")
    return "".join(parts)


@dataclass(frozen=True)
class Sections:
    """The themes' anchored sections as HTML (a plain repr keeps executed notebooks repeatable)."""

    html: str

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return "Sections of the theme lexicon"


def sections(lexicon: Lexicon) -> Sections:
    return Sections(theme_sections(lexicon))


def paragraph_symbols(text: Text, paragraph: Paragraph, depth: int = 2):
    """Docutils node for the text chapter: the paragraph's theme symbols, linked; None without a lexicon.

    ``depth`` is how many folders the chapter page lies below the book's root
    (``chapters/texts/ID.html``: 2).
    """
    from docutils import nodes

    lexicon = lexicon_for(text)
    if lexicon is None:
        return None
    source = text.reading(paragraph.number)
    segment = Segment(paragraph.number, None, source, len(words(source)),
                      tuple(find_matches(source, lexicon)), paragraph.quotation)
    ranked = segment.ranked(lexicon)
    if not ranked:
        return None
    base = "../" * depth + THEMES_PAGE
    links = "".join(
        f'<a class="theme-symbol" href="{base}#{t.anchor}" title="Theme: {escape(t.label)} '
        f'({segment.count(t.id)} cue word{"s" if segment.count(t.id) != 1 else ""})">'
        f'<span aria-hidden="true" style="color:{t.colour}">{escape(t.symbol)}</span>'
        f'<span class="sg-sr-only">{escape(t.label)}</span></a>'
        for t in ranked)
    return nodes.raw("", f'<span class="theme-symbols" role="group" aria-label="Themes of paragraph {paragraph.number}">{links}</span>',
                     format="html")


__all__ = ["cue_editor", "explorer", "paragraph_symbols", "read_lexicon", "sections", "tracker_figure"]
