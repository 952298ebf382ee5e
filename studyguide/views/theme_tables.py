"""The themes page's tables (:mod:`studyguide.analysis.themes`): evidence, tracker, overlaps, experiments.

A theme is named by its symbol and label ("■ Exploitation and class"); a count is shown
with its score per 100 words ("5 (5.6)"); a paragraph of a quotation says so.
"""

from __future__ import annotations

from ..analysis import themes
from ..analysis.themes import Segment
from ..knowledge.lexicon import Lexicon, Theme
from .numbers import NONE, count_rate, stretch_label

EVIDENCE_HEADERS = ("Paragraph", "Theme", "Matched", "Cue (rule)", "In context", "Counted?")
TRACKER_HEADERS_START = ("Paragraph", "Words")
DENSEST_HEADERS = ("Theme", "Where", "Cue words", "Per 100 words", "Sentence")


def theme_name(theme: Theme) -> str:
    return f"{theme.symbol} {theme.label}"


def evidence_headers(theme_id: str | None = None) -> tuple[str, ...]:
    """The headers of :func:`evidence_rows`: without the Theme column for one theme's rows."""
    return EVIDENCE_HEADERS if theme_id is None else tuple(h for h in EVIDENCE_HEADERS if h != "Theme")


def evidence_rows(segments: list[Segment], lexicon: Lexicon, theme_id: str | None = None) -> list[tuple]:
    """Per paragraph and theme, each matched word in context; negated matches say so.

    With ``theme_id``, that theme's rows only, without the Theme column (the table's
    caption names it; a column repeating it on every row only makes the table wider)."""
    rows = []
    for segment, m in themes.evidence(segments, lexicon, theme_id):
        left, hit, right = themes.context(segment.source, m)
        label = f"{segment.paragraph}" + (" (quoted)" if segment.quotation else "")
        which = () if theme_id else (theme_name(lexicon[m.theme]),)
        rows.append((label, *which, hit, str(m.cue), f"{left}[{hit}]{right}", "no: negated" if m.negated else "yes"))
    return rows


def score_cell(segment: Segment, theme_id: str) -> str:
    """"count (score per 100 words)", or a dash when nothing is counted."""
    return count_rate(segment.count(theme_id), segment.score(theme_id)) if segment.count(theme_id) else NONE


def tracker_headers(lexicon: Lexicon) -> tuple[str, ...]:
    return (*TRACKER_HEADERS_START, *(theme_name(t) for t in lexicon), "Leading theme(s)")


def tracker_rows(segments: list[Segment], lexicon: Lexicon) -> list[tuple]:
    """Per paragraph (per stretch of paragraphs in a long text): number, words, then 'count (score per 100 words)'
    for each theme, then leading theme(s)."""
    rows = []
    for stretch in themes.stretch_segments(segments):
        s = stretch.segment
        leading = " = ".join(theme_name(t) for t in s.leading(lexicon)) or "none"
        rows.append((stretch_label(stretch.paragraphs, stretch.quoted), s.words,
                     *(score_cell(s, t.id) for t in lexicon), leading))
    return rows


def overlaps(segments: list[Segment], lexicon: Lexicon) -> list[tuple[int, str, str]]:
    """Words that cue two or more themes: (paragraph, words as written, themes)."""
    return [(paragraph, word, ", ".join(theme_name(lexicon[t]) for t in ids))
            for paragraph, word, ids in themes.overlaps(segments)]


def compare(before: list[Segment], after: list[Segment], theme_id: str) -> list[tuple[int, str, str]]:
    """Paragraphs whose count for ``theme_id`` changed: (paragraph, before, after)."""
    return [(b.paragraph, count_rate(b.count(theme_id), b.score(theme_id)), count_rate(a.count(theme_id), a.score(theme_id)))
            for b, a in themes.changed_counts(before, after, theme_id)]


def leading_label(segment: Segment, lexicon: Lexicon) -> str:
    """The segment's leading theme(s) by label, ``" = "`` between ties; "none" without a counted cue."""
    return " = ".join(t.label for t in segment.leading(lexicon)) or "none"


def leading_changes(before: list[Segment], after: list[Segment], lexicon: Lexicon) -> list[tuple[int, str, str]]:
    """Paragraphs whose leading theme(s) changed: (paragraph, before, after)."""
    return [(b.paragraph, leading_label(b, lexicon), leading_label(a, lexicon))
            for b, a in themes.changed_leaders(before, after, lexicon)]


def densest_sentences(sentence_segments: list[Segment], lexicon: Lexicon) -> list[tuple]:
    """Per theme, the sentence with the highest score (the earlier one on a tie)."""
    return [(theme_name(theme), f"¶{best.paragraph}, sentence {best.sentence}", best.count(theme.id),
             round(best.score(theme.id), 1), best.source) for theme, best in themes.densest(sentence_segments, lexicon)]
