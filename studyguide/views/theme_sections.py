"""The themes page's per-text sections: each a function of one text (and the lexicon), shown for the chosen text
(:mod:`.picker`); each returns what the section displays for the text."""

from __future__ import annotations

from ..analysis import address, themes
from ..knowledge.lexicon import Lexicon
from ..texts.text import Text
from . import address_chart, address_tables, emotional_arc, sentiment_tables, theme_explorer, theme_tables, theme_tracker
from .tables import table


def tracker(lexicon: Lexicon, text: Text) -> list:
    segments = themes.score_paragraphs(text, lexicon)
    return [theme_tracker.tracker_figure(text, lexicon, segments),
            table(f"Theme tracker for “{text.title}”: cue words counted (per 100 words)",
                  theme_tables.tracker_headers(lexicon), theme_tables.tracker_rows(segments, lexicon), labels=True,
                  empty=f"No tracker table for “{text.title}”: its themes are not scored.")]


def explorer(lexicon: Lexicon, text: Text):
    return theme_explorer.explorer(text, lexicon)


def arc(text: Text) -> list:
    return [emotional_arc.arc_figure(text),
            table(f"Sentiment by paragraph in “{text.title}” (VADER compound, mean of sentences)",
                  sentiment_tables.PARAGRAPH_HEADERS, sentiment_tables.paragraph_rows(text),
                  empty=f"No sentiment table for “{text.title}”: its sentences are not scored.")]


def addressed(text: Text) -> list:
    return [address_chart.address_figure(text),
            table(f"Address and rhetoric by paragraph in “{text.title}”", address_tables.HEADERS,
                  [*address_tables.address_rows(text), address_tables.author_totals(text)],
                  empty=f"“{text.title}” has no paragraph to count.")]


def voices(text: Text):
    return table(f"How each paragraph's voice is decided in “{text.title}”", address_tables.VOICE_HEADERS,
                 address.voice_rows(text), empty=f"“{text.title}” has no paragraph to decide.")
