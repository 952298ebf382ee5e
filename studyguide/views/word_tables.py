"""The words page's tables: headers, and rows with their numbers rounded for reading.

The analyses (:mod:`studyguide.analysis.frequency`, :mod:`~studyguide.analysis.keyness`,
:mod:`~studyguide.analysis.keywords`, :mod:`~studyguide.analysis.collocation`) return
records of full-precision numbers; what a reader sees is decided here.
"""

from __future__ import annotations

from ..analysis.collocation import WordPair
from ..analysis.frequency import MATTR_WINDOW, Profile, WordFrequency
from ..analysis.keyness import Keyword, significant
from ..analysis.keywords import WordWeight

NOT_COMPUTED = "-"
PROFILE_HEADERS = (
    "Text", "Words (tokens), editors' readings", "Distinct words (types), editors' readings", "Type-token ratio",
    f"MATTR ({MATTR_WINDOW}-word windows)", "Hapax legomena", "Sentences", "Words per sentence", "Words per paragraph",
)
FREQUENCY_HEADERS = ("Word", "Count", "Per 1,000 words", "Rank")
READING_HEADERS = ("Paragraph", "As written", "Counted as")
KEYWORD_HEADERS = ("Word", "Count", "Per 1,000 words here", "Per 1,000 in the reference", "Log-likelihood G2", "Log ratio")
WORD_PAIR_HEADERS = ("Word pair", "Times together", "Log-likelihood ratio")
WEIGHT_HEADERS = ("Word", "Count", "Per 1,000 words", "Rank in the text", "Per 1,000 in general language (wordfreq)",
                  "Log ratio", "Log-likelihood G2", "Paragraphs")


def profile_rows(profiles: list[Profile]) -> list[tuple]:
    return [(p.label, p.tokens, p.types, round(p.ttr, 3), round(p.mattr, 3), p.hapax, p.sentences,
             round(p.mean_sentence, 1), round(p.mean_paragraph, 1)) for p in profiles]


def frequency_rows(words: list[WordFrequency]) -> list[tuple]:
    return [(w.word, w.count, round(w.per_1000, 1), w.rank) for w in words]


def keyword_rows(keywords: list[Keyword]) -> list[tuple]:
    return [(k.word, k.count, round(k.per_1000, 1), significant(k.reference_per_1000), round(k.g2, 1),
             round(k.log_ratio, 2)) for k in keywords]


def word_pair_rows(pairs: list[WordPair]) -> list[tuple]:
    return [(f"{p.first} {p.second}", p.count, round(p.score, 1)) for p in pairs]


def weight_rows(weights: list[WordWeight]) -> list[tuple]:
    """Per word: count, rate, rank, general-language rate, log ratio, G2 and paragraphs ("-" where not computed)."""
    def shown(value, rounded):
        return NOT_COMPUTED if value is None else rounded(value)

    return [(w.word, w.count, round(w.per_1000, 1), shown(w.rank, int), shown(w.general_per_1000, significant),
             shown(w.log_ratio, lambda v: round(v, 2)), shown(w.g2, lambda v: round(v, 1)),
             ", ".join(map(str, w.paragraphs)) or NOT_COMPUTED) for w in weights]
