"""Which language a text is written in: detected from its words, named for readers.

Detection uses the PyPI package ``lingua-language-detector`` (Lingua), whose
models ship inside its wheel: it runs offline and knows 75 languages, Kazakh
among them. It is used in low-accuracy mode (trigram models only) on the first
:data:`SAMPLE` characters of a text: fast enough for ``new`` and ``check``, and
reliable on a paragraph or more. A text with fewer than :data:`MIN_LETTERS`
letters is too short to tell, so a disagreement there is only a warning.

- ``python -m studyguide new`` writes the detected language into the sidecar;
- ``python -m studyguide check`` compares the sidecar's ``language`` with the
  detected one (:func:`language_problem`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

SAMPLE = 5_000  # characters of the text the detector reads
MIN_LETTERS = 200  # below this many letters a text is too short to tell
UNDETERMINED = "und"  # BCP 47's tag for "language not determined"


def primary(tag: str) -> str:
    """The language subtag of a BCP 47 tag, lower-cased: ``kk-Cyrl`` -> ``kk``."""
    return tag.split("-")[0].lower()


def _language(tag: str) -> Language | None:
    try:
        return Language.from_iso_code_639_1(IsoCode639_1.from_str(primary(tag)))
    except (ValueError, AttributeError):
        return None


def language_name(tag: str) -> str:
    """The English name of the language of ``tag`` ("Russian"); the tag itself when it is not known."""
    language = _language(tag)
    return language.name.title() if language else f"the language '{tag}'"


# Scripts written without spaces between words for which no segmenter works offline: their words
# are not counted (studyguide.analysis.segmenters), and a text written only in them has no words.
UNCOUNTED_SCRIPTS = {"Lao": "\u0e80-\u0eff", "Khmer": "\u1780-\u17ff\u19e0-\u19ff", "Myanmar": "\u1000-\u109f",
                     "Tibetan": "\u0f00-\u0fff"}

# Languages written right to left (in their usual script): Arabic, Persian, Urdu, Pashto, Sindhi,
# Uyghur, Central Kurdish, Dhivehi; Hebrew and Yiddish.
RIGHT_TO_LEFT = frozenset({"ar", "fa", "ur", "ps", "sd", "ug", "ckb", "dv", "he", "yi"})


def direction(tag: str) -> str:
    """``"rtl"`` for a language written right to left, else ``"ltr"``: the HTML ``dir`` of its text."""
    return "rtl" if primary(tag) in RIGHT_TO_LEFT else "ltr"


_RIGHT_TO_LEFT_LETTER = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")  # Hebrew, Arabic, Syriac, Thaana...


def isolated(value: str) -> str:
    """``value`` between Unicode's first-strong isolate marks (U+2068 ... U+2069) when it holds right-to-left
    letters, else unchanged: inside an English sentence it keeps its own direction, and a number after it
    stays in the sentence ("“العمال”: 5 times", not "5 :”العمال“ times"). Plain text's ``<bdi>``."""
    return f"\u2068{value}\u2069" if _RIGHT_TO_LEFT_LETTER.search(value) else value


def known(tag: str) -> bool:
    """True when the detector can recognise the language of ``tag``."""
    return _language(tag) is not None


@lru_cache(maxsize=1)
def _detector():
    return LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()


@dataclass(frozen=True)
class Detection:
    """The detector's answer for a text: a two-letter code (or ``und``) and how much text it had."""

    tag: str
    letters: int

    @property
    def sure(self) -> bool:
        return self.tag != UNDETERMINED and self.letters >= MIN_LETTERS


def detect(text: str) -> Detection:
    """The language of ``text`` as a two-letter ISO 639-1 code, ``und`` when it cannot tell."""
    sample = text[:SAMPLE]
    letters = sum(ch.isalpha() for ch in sample)
    found = _detector().detect_language_of(sample) if letters else None
    return Detection(found.iso_code_639_1.name.lower() if found else UNDETERMINED, letters)


def language_problem(declared: str, text: str) -> tuple[str, str] | None:
    """``("error" | "warning", message)`` when ``declared`` disagrees with the text's detected language; else None."""
    found = detect(text)
    if found.tag == UNDETERMINED:
        return "warning", f"language = '{declared}' could not be checked: the detector cannot tell the text's language"
    if primary(declared) == found.tag:
        return None
    if not known(declared):
        return "warning", (f"language = '{declared}' could not be checked: the detector does not know it "
                           f"(the text reads as {language_name(found.tag)}, '{found.tag}')")
    message = (f"language = '{declared}' ({language_name(declared)}), but the text reads as "
               f"{language_name(found.tag)} ('{found.tag}'); correct the sidecar's language")
    if not found.sure:
        return "warning", message + f" (only {found.letters} letters: too short to be sure)"
    return "error", message
