"""The theme explorer: choose a theme, see its tracker row and its cue words marked in the text.

:func:`explorer` is a :func:`studyguide.views.widgets.switcher` with one
precomputed view per theme (its tracker row, then the paragraphs with the
matched words marked and a tooltip naming the cue), so it works in the
published page with no kernel. :func:`theme_sections` gives each theme an
anchored section, which the text chapter's theme symbols link to.
"""

from __future__ import annotations

from html import escape

from IPython.display import HTML

from ..analysis.languages import language_notice
from ..analysis.themes import Segment, score_paragraphs
from ..knowledge.lexicon import Lexicon
from ..texts.pages import chapter_url
from ..texts.text import Reading, Text
from .prose import prose
from .tables import fold_html
from .theme_tracker import pooled
from .widgets import switcher
from .written import paragraph_attributes, reading_mark, written_html

MAX_PARAGRAPHS = 20  # paragraphs shown per theme view: those with the most cue words, in text order


def marked_paragraph(reading: Reading, segment_matches, lexicon: Lexicon, theme_id: str) -> str:
    """The paragraph as written, as HTML, with the matches of one theme in <mark>, each titled with its cue.

    Matches are found in the editors' reading (what is counted); they are shown
    where they stand in the text as written, and the readings are marked.
    """
    theme = lexicon[theme_id]
    marks = []
    for m in sorted((m for m in segment_matches if m.theme == theme_id), key=lambda m: m.start):
        status = "negated, not counted" if m.negated else "counted"
        title = f"{theme.label}: cue “{m.cue.text}” ({m.cue.rule}), {status}"
        cls = "theme-cue negated" if m.negated else "theme-cue"
        marks.append(reading_mark(reading, m.start, m.end, f'<mark class="{cls}" data-theme="{theme.id}" title="{escape(title)}">',
                                  "</mark>", f'<span class="sg-sr-only"> ({escape(status)})</span>'))
    return written_html(reading, marks)


def theme_view(text: Text, lexicon: Lexicon, theme_id: str, segments: list[Segment], page: str = "notebooks/") -> str:
    """HTML for one theme: description, its tracker row, then the paragraphs where it appears."""
    theme = lexicon[theme_id]
    cues = "; ".join(f"{c.text} ({c.rule})" for c in theme.cues)
    columns = pooled(segments)  # at most style.POOL columns: a long text's paragraphs in runs
    head = "".join(f'<th scope="col">¶{escape(label.replace(chr(10) + "quoted", " (quoted)"))}</th>' for label, _ in columns)
    cells = "".join(
        f'<td class="num has-theme">{s.count(theme_id)}<br><small>({s.score(theme_id):.1f})</small></td>'
        if s.count(theme_id) else '<td class="num">–</td>' for _, s in columns)
    row = (f'<table class="studyguide-table theme-row"><caption>Tracker row for {escape(theme.symbol)} '
           f"{escape(theme.label)}: cue words (and per 100 words) by paragraph</caption>"
           f'<thead><tr><th scope="col">Theme</th>{head}</tr></thead><tbody><tr>'
           f'<th scope="row"><span aria-hidden="true" style="color:{theme.colour}">{escape(theme.symbol)}</span> '
           f"{escape(theme.label)}</th>{cells}</tr></tbody></table>")
    paragraphs = []
    found = [s for s in segments if any(m.theme == theme_id for m in s.matches)]
    strongest = {id(s) for s in sorted(found, key=lambda s: -s.count(theme_id))[:MAX_PARAGRAPHS]}
    for s in found:
        if id(s) not in strongest:
            continue
        paragraph = text.paragraph(s.paragraph)
        kind = " (quoted from another text)" if s.quotation else ""
        paragraphs.append(
            f'<div class="theme-paragraph"><p><a href="{escape(chapter_url(text.id, paragraph.number, page))}">Paragraph '
            f"{s.paragraph}</a>{kind}: {s.count(theme_id)} counted, {s.negated(theme_id)} negated, "
            f"{s.score(theme_id):.1f} per 100 words.</p>"
            f"<blockquote><p{paragraph_attributes(text)}>{marked_paragraph(text.aligned(s.paragraph), s.matches, lexicon, theme_id)}</p></blockquote></div>")
    shown = (f"The {len(paragraphs)} paragraph{'s' if len(paragraphs) != 1 else ''} with cue words of {theme.label}"
             if len(paragraphs) == len(found) else
             f"The {len(paragraphs)} of {len(found)} paragraphs with the most cue words of {theme.label}")
    body = (fold_html(f"{shown}, the cues marked", "".join(paragraphs)) if paragraphs
            else "<p>No paragraph of this text has a cue word of this theme.</p>")
    return (f'<div class="theme-view" data-theme="{theme.id}" lang="{escape(text.meta.language)}">'
            f"<p><strong>{escape(theme.symbol)} {escape(theme.label)}</strong>: {escape(theme.description)}</p>"
            f"<p><small>Cues: {escape(cues)}</small></p>{row}{body}</div>")


def explorer(text: Text, lexicon: Lexicon, page: str = "notebooks/"):
    """Choose a theme: see its tracker row and its cue words marked in the paragraphs (no kernel needed).

    For a text not in English, a notice saying why there is nothing to explore.
    """
    if notice := language_notice(text, "themes"):
        return prose("{notice}", notice=notice)
    segments = score_paragraphs(text, lexicon)
    views = [(f"{t.symbol} {t.label}", theme_view(text, lexicon, t.id, segments, page)) for t in lexicon]
    return switcher("Theme:", views)


def theme_sections(lexicon: Lexicon) -> HTML:
    """One anchored section per theme (the chapter's symbols link here)."""
    parts = []
    for t in lexicon:
        rules = {r: [c.text for c in t.cues if c.rule == r] for r in ("exact", "stem", "pattern")}
        cues = "".join(f"<dt>{r}</dt><dd>{escape(', '.join(v))}</dd>" for r, v in rules.items() if v)
        parts.append(f'<section class="theme-section" id="{t.anchor}" tabindex="-1">'
                     f'<h3><span aria-hidden="true" style="color:{t.colour}">{escape(t.symbol)}</span> {escape(t.label)}</h3>'
                     f"<p>{escape(t.description)}</p>"
                     f'<details class="sg-fold"><summary>Cue words of {escape(t.label)} ({len(t.cues)})</summary>'
                     f"<dl>{cues}</dl></details></section>")
    return HTML(f'<div class="theme-sections">{"".join(parts)}</div>')
