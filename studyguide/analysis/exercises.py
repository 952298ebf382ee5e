"""The lab's exercises ("Try it yourself", ``notebooks/lab.ipynb``): each one's right answers,
computed from the text as the rest of the guide computes them, and how a student's answer is judged.

A verdict is one of four kinds: right, a hint (the answer is what a known slip gives: per 100
instead of per 1,000, counting from 0, the natural log...), wrong, or not tried yet (the cell
still holds the placeholder ``...``). Verdicts carry a reason code, never a value: the wording
is :mod:`studyguide.views.lab`'s, and no message may give the answer away.

The right answers are computed here with plain counting over the guide's tokens, not with the
code of the teacher's solutions (``notebooks/solutions/lab.py``, NLTK and matplotlib among it),
so a solution that is judged right has been checked against an independent computation.
Parameters (the word to count, the two paragraphs to compare...) come from the exercise cell,
so a student may try another word and is still judged.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from numbers import Integral, Real

from ..knowledge.lexicon import Lexicon
from ..knowledge.timeline import Timeline
from ..texts.text import Text
from .frequency import paragraph_words, stopwords, text_tokens
from .themes import score_paragraphs, score_sentences

PLACEHOLDER = ...  # what an exercise cell holds until the student writes an answer
RIGHT, HINT, WRONG, NOT_TRIED = "right", "hint", "wrong", "not tried"


@dataclass(frozen=True)
class Verdict:
    kind: str  # RIGHT, HINT, WRONG or NOT_TRIED
    reason: str = ""  # for a hint: which slip (an exercise's own, or "shape": not the kind of answer asked)


class Bench:
    """What the exercises work on: one text, the theme lexicon and the timeline (all read-only)."""

    def __init__(self, text: Text, lexicon: Lexicon, timeline: Timeline):
        self.text, self.lexicon, self.timeline = text, lexicon, timeline

    @cached_property
    def words(self) -> list[str]:
        return [t.word for t in text_tokens(self.text)]

    @cached_property
    def reading(self) -> str:
        """The whole text as counted (editors' readings applied), capitals kept."""
        return "\n\n".join(self.text.reading(p.number) for p in self.text.paragraphs)

    @cached_property
    def paragraphs(self) -> list[list[str]]:
        return paragraph_words(self.text)

    @cached_property
    def counts(self) -> Counter:
        return Counter(self.words)


@dataclass(frozen=True)
class Exercise:
    """One exercise: the shape of its answer, its right answers (all of them when there is a tie)
    and the answers typical slips give (reason -> answers, or a test of the answer), for parameters ``params``."""

    id: str
    shape: str  # "count", "number" (to ``places`` decimals), "word", "positions" or "place" (paragraph, sentence)
    answers: Callable[[Bench, dict], tuple]
    slips: Callable[[Bench, dict], dict[str, tuple]] = lambda bench, params: {}
    defaults: dict = field(default_factory=dict)
    places: int = 0

    def normal(self, answer: object) -> object | None:
        """``answer`` in this exercise's shape, or None when it has another shape."""
        if self.shape == "count":
            if isinstance(answer, Integral) and not isinstance(answer, bool):
                return int(answer)
            return int(answer) if isinstance(answer, float) and answer.is_integer() else None
        if self.shape == "number":
            return float(answer) if isinstance(answer, Real) and not isinstance(answer, bool) else None
        if self.shape == "word":
            return answer.strip().lower() if isinstance(answer, str) else None
        answer = answer.tolist() if hasattr(answer, "tolist") else answer  # a NumPy array or number, as plain Python
        if isinstance(answer, (list, tuple, range)) and all(isinstance(a, Integral) and not isinstance(a, bool) for a in answer):
            return tuple(int(a) for a in answer) if self.shape == "positions" or len(answer) == 2 else None
        return None

    def same(self, a: object, b: object) -> bool:
        if self.shape == "number":
            return abs(a - b) <= 0.5 * 10 ** -self.places + 1e-9  # rounded either way at the asked precision
        return a == b

    def judge(self, bench: Bench, answer: object, **params) -> Verdict:
        if answer is PLACEHOLDER or (isinstance(answer, str) and not answer.strip()):
            return Verdict(NOT_TRIED)
        given = self.normal(answer)
        if given is None:
            return Verdict(HINT, "shape")
        params = {**self.defaults, **params}
        if any(self.same(given, right) for right in self.answers(bench, params)):
            return Verdict(RIGHT)
        for reason, slipped in self.slips(bench, params).items():
            if slipped(given) if callable(slipped) else any(self.same(given, self.normal(s)) for s in slipped
                                                             if self.normal(s) is not None):
                return Verdict(HINT, reason)
        return Verdict(WRONG)


# ------------------------------------------------------------------ the exercises' computations


def _per(bench: Bench, word: str, per: int, total: int | None = None) -> float:
    return per * bench.counts[word] / (total or len(bench.words))


def _most(counter: Counter, leave_out=frozenset()) -> tuple:
    """Every key sharing the highest count (ties are all right)."""
    kept = {k: n for k, n in counter.items() if k not in leave_out}
    top = max(kept.values(), default=None)
    return tuple(sorted(k for k, n in kept.items() if n == top))


def _neighbours(bench: Bench, word: str, step: int) -> Counter:
    words = bench.words
    return Counter(words[i + step] for i, w in enumerate(words) if w == word and 0 <= i + step < len(words))


def _pmi(bench: Bench, first: str, second: str, log=math.log2) -> float:
    pairs = sum(1 for a, b in zip(bench.words, bench.words[1:]) if (a, b) == (first, second))
    if not pairs:
        return math.nan  # no such pair: no right answer
    return log(pairs * len(bench.words) / (bench.counts[first] * bench.counts[second]))


def _counted(segment, negated_too: bool = False) -> int:
    return sum(1 for m in segment.matches if m.counted or (negated_too and m.negated))


def _best_sentences(bench: Bench, score) -> tuple:
    segments = score_sentences(bench.text, bench.lexicon)
    top = max((score(s) for s in segments), default=None)
    return tuple((s.paragraph, s.sentence) for s in segments if top and score(s) == top)


def _theme_total(bench: Bench, lexicon: Lexicon, theme: str) -> int:
    return sum(s.count(theme) for s in score_paragraphs(bench.text, lexicon))


def _theme_gain(bench: Bench, p: dict) -> int:
    wider = bench.lexicon.with_cue(p["theme"], p["cue"], p["rule"])  # a copy: data/ is never written
    return _theme_total(bench, wider, p["theme"]) - _theme_total(bench, bench.lexicon, p["theme"])


def _paragraph(bench: Bench, number: int) -> list[str]:
    """The words of paragraph ``number`` (none when the text has no such paragraph)."""
    return bench.paragraphs[number - 1] if 1 <= number <= len(bench.paragraphs) else []


def _shared(bench: Bench, a: int, b: int) -> set:
    return set(_paragraph(bench, a)) & set(_paragraph(bench, b))


def _days(bench: Bench, first: str, last: str) -> int:
    return (bench.timeline[last].when - bench.timeline[first].when).days


def _lengths(bench: Bench, measure) -> Counter:
    return Counter({p.number: measure(p.number) for p in bench.text.paragraphs})


# Each exercise: its id (the lab's cell checks it by this id), the shape of its answer, its right answers,
# the answers its typical slips give (each slip has a hint in views.lab.HINTS) and its default parameters.
EXERCISES = (
    Exercise("count-word", "count", lambda b, p: (b.counts[p["word"]],),
             lambda b, p: {"capitals": (len(re.findall(rf"\b{re.escape(p['word'])}\b", b.reading)),),
                           "inside-words": (" ".join(b.words).count(p["word"]),)},
             {"word": "workers"}),
    Exercise("per-thousand", "number", lambda b, p: (_per(b, p["word"], 1000),),
             lambda b, p: {"per-hundred": (_per(b, p["word"], 100),), "raw-count": (b.counts[p["word"]],),
                           "distinct": (_per(b, p["word"], 1000, len(b.counts)),)},
             {"word": "workers"}, places=1),
    Exercise("frequent-word", "word", lambda b, p: _most(b.counts, stopwords(b.text.language)),
             lambda b, p: {"stopword": tuple(set(b.counts) & stopwords(b.text.language)),
                           "not-in-text": lambda given: given not in b.counts}),
    Exercise("hapax", "count", lambda b, p: (sum(1 for n in b.counts.values() if n == 1),),
             lambda b, p: {"distinct": (len(b.counts),), "twice": (sum(1 for n in b.counts.values() if n <= 2),)}),
    Exercise("longest-paragraph", "count", lambda b, p: _most(_lengths(b, lambda n: len(b.paragraphs[n - 1]))),
             lambda b, p: {"from-zero": tuple(n - 1 for n in _most(_lengths(b, lambda n: len(b.paragraphs[n - 1])))),
                           "characters": _most(_lengths(b, lambda n: len(b.text.paragraph(n).text)))}),
    Exercise("compare-paragraphs", "count", lambda b, p: (len(_shared(b, p["first"], p["second"])),),
             lambda b, p: {"either": (len(set(_paragraph(b, p["first"])) | set(_paragraph(b, p["second"]))),),
                           "from-zero": (len(_shared(b, p["first"] + 1, p["second"] + 1)),),
                           "repeats": (sum(1 for w in _paragraph(b, p["first"]) if w in _shared(b, p["first"], p["second"])),)},
             {"first": 2, "second": 3}),
    Exercise("concordance", "word", lambda b, p: _most(_neighbours(b, p["word"], -1)),
             lambda b, p: {"after": _most(_neighbours(b, p["word"], 1)), "the-word": (p["word"],)},
             {"word": "class"}),
    Exercise("where-word", "positions", lambda b, p: (tuple(i for i, w in enumerate(b.words, 1) if w == p["word"]),),
             lambda b, p: {"from-zero": (tuple(i for i, w in enumerate(b.words) if w == p["word"]),)},
             {"word": "you"}),
    Exercise("collocation", "number", lambda b, p: (_pmi(b, p["first"], p["second"]),),
             lambda b, p: {"natural-log": (_pmi(b, p["first"], p["second"], math.log),),
                           "no-log": (_pmi(b, p["first"], p["second"], lambda x: x),),
                           "log10": (_pmi(b, p["first"], p["second"], math.log10),)},
             {"first": "working", "second": "class"}, places=2),
    Exercise("cue-sentence", "place", lambda b, p: _best_sentences(b, _counted),
             lambda b, p: {"negated": _best_sentences(b, lambda s: _counted(s, negated_too=True)),
                           "density": _best_sentences(b, lambda s: _counted(s) / s.words if s.words else 0)}),
    Exercise("theme-cue", "count", lambda b, p: (_theme_gain(b, p),),
             lambda b, p: {"total": (_theme_total(b, b.lexicon.with_cue(p["theme"], p["cue"], p["rule"]), p["theme"]),)},
             {"theme": "repression", "cue": "fetters", "rule": "exact"}),
    Exercise("date-span", "count", lambda b, p: (_days(b, p["first"], p["last"]),),
             lambda b, p: {"both-days": (_days(b, p["first"], p["last"]) + 1,),
                           "reversed": (-_days(b, p["first"], p["last"]),)},
             {"first": "strike-begins-uzen", "last": "zhanaozen-shooting"}),
)
BY_ID = {exercise.id: exercise for exercise in EXERCISES}


def exercise(exercise_id: str) -> Exercise:
    try:
        return BY_ID[exercise_id]
    except KeyError:
        raise KeyError(f"no exercise {exercise_id!r}; the lab's exercises: {', '.join(BY_ID)}") from None
