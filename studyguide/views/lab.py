"""The lab ("Try it yourself", ``notebooks/lab.ipynb``): what the student works on, and the self-checks.

``lab.check("count-word", answer, word=word)`` judges an answer in the kernel
(:mod:`studyguide.analysis.exercises` computes the right answers) and shows the verdict in
words and with a symbol, so colour is never the only cue: right, not yet, a hint, or not tried
yet. No message holds a value: a message that quoted the right answer would give it away,
and one that quoted the student's would give it away when the student is right.

An exercise whose answer is one word is also a word box with a Check button (ipywidgets);
in the published book, where no kernel runs, it shows the cell's verdict and says where the
box works.
"""

from __future__ import annotations

from html import escape

import ipywidgets as widgets
from IPython.display import Markdown

from ..analysis.exercises import HINT, NOT_TRIED, PLACEHOLDER, RIGHT, WRONG, Bench, Verdict, exercise
from ..analysis.frequency import stopwords
from ..knowledge.project import Project
from . import modelids
from .prose import prose
from .theme_tracker import tracker_figure

modelids.install()  # the same widget model ids in every build (reproducible pages)

MARKS = {RIGHT: ("✓", "Right."), WRONG: ("✗", "Not yet."), HINT: ("?", "Hint:"), NOT_TRIED: ("○", "Not tried yet:")}
SAYS = {
    RIGHT: "The guide computes the same.",
    WRONG: "That is not what the guide computes. Reread the task, check your code and run the cell again.",
    NOT_TRIED: "replace ... with your answer, then run the cell.",
}
SHAPES = {  # hints for an answer of the wrong kind
    "count": "the answer is one whole number (an int), such as what len(...) or .count(...) gives.",
    "number": "the answer is a number, rounded with round(x, places) to the decimals the task asks for.",
    "word": "the answer is one word, written in quotes.",
    "positions": "the answer is a list of whole numbers, one position per occurrence.",
    "place": "the answer is a pair of whole numbers: (paragraph, sentence).",
}
HINTS = {  # (exercise, slip) -> what to look at again; never a value
    ("count-word", "capitals"): "that count misses the word where it is written with a capital. "
                                "Count in words, where every word is in lower case.",
    ("count-word", "inside-words"): "that count includes the word inside longer words. Count whole words only.",
    ("per-thousand", "per-hundred"): "that is per 100 words. Per 1,000 words is ten times as much.",
    ("per-thousand", "raw-count"): "that is the count itself. Divide it by the number of words, len(words), "
                                   "and multiply by 1,000.",
    ("per-thousand", "distinct"): "you divided by the number of distinct words. Divide by all running words, len(words).",
    ("frequent-word", "stopword"): "that word is on the stopword list (stop). Look for the most frequent word "
                                   "that is not on it.",
    ("frequent-word", "not-in-text"): "that is not a word of the text as the guide counts it (in lower case).",
    ("hapax", "distinct"): "that is the number of distinct words. A hapax is a word whose count is exactly one.",
    ("hapax", "twice"): "that count includes words seen twice. Keep only the words seen exactly once.",
    ("longest-paragraph", "from-zero"): "paragraph numbers start at one: paragraphs[0] is paragraph 1.",
    ("longest-paragraph", "characters"): "that paragraph is the longest in letters. Count words instead.",
    ("compare-paragraphs", "either"): "that counts the words found in either paragraph. Count those found in both "
                                      "(the intersection of two sets, &).",
    ("compare-paragraphs", "from-zero"): "paragraph 1 is paragraphs[0]: take one off each paragraph number.",
    ("compare-paragraphs", "repeats"): "that counts a repeated word each time. Count distinct words, with set(...).",
    ("concordance", "after"): "that word comes just after it. Look at the word just before each occurrence.",
    ("concordance", "the-word"): "that is the word itself. The answer is its neighbour on the left.",
    ("where-word", "from-zero"): "those positions count from zero. The guide's first word is at position 1: "
                                 "enumerate(words, 1).",
    ("collocation", "natural-log"): "that is the natural logarithm. Pointwise mutual information uses log base 2: math.log2.",
    ("collocation", "log10"): "that uses log base 10. Pointwise mutual information uses log base 2: math.log2.",
    ("collocation", "no-log"): "that is the ratio itself. Now take its logarithm to base 2.",
    ("cue-sentence", "negated"): "that sentence wins only if negated cues count too. Count only the matches with m.counted.",
    ("cue-sentence", "density"): "that sentence has the most cue words for its length. The task asks for the most cue words.",
    ("theme-cue", "total"): "that is the theme's new total. The task asks how many more: subtract the total "
                            "before the cue was added.",
    ("date-span", "both-days"): "that counts both the first and the last day. Subtract the two dates: (last - first).days.",
    ("date-span", "reversed"): "the dates are the wrong way round: subtract the earlier date from the later.",
}


NEXT = {  # after a right answer: a question that sends the student back to the text (never a value)
    "count-word": "Try another word: change word and run the cell again.",
    "per-thousand": "Why is this figure, and not the count, the one to compare between texts of different lengths?",
    "frequent-word": "Does the most frequent word that says something name the text's subject?",
    "hapax": "What share of the distinct words is that? Short texts use many words only once.",
    "longest-paragraph": "Read that paragraph in the text chapter: what does the author spend the most words on?",
    "compare-paragraphs": "How many of the shared words are stopwords? Try the shared set minus stop.",
    "concordance": "Read the concordance lines: what does the phrase stand for in this text?",
    "where-word": "Look at your plot: is the word spread through the text or bunched in one place?",
    "collocation": "A pair seen only a few times can score high: why is that a weakness of this measure?",
    "cue-sentence": "Read the sentence: does its count of cue words match what it says?",
    "theme-cue": "Is your cue a sign of the theme, or only a frequent word? Compare the two trackers.",
    "date-span": "What else does the timeline place inside that span?",
}


def advice(exercise_id: str, verdict: Verdict) -> str:
    """What the verdict says after its label."""
    if verdict.kind == NOT_TRIED and exercise(exercise_id).shape == "word":
        return "replace ... with your answer and run the cell (in a running notebook you can also type it in the box below and press Check)."
    if verdict.kind == RIGHT:
        return f"{SAYS[RIGHT]} {NEXT[exercise_id]}"
    if verdict.kind != HINT:
        return SAYS[verdict.kind]
    return SHAPES[exercise(exercise_id).shape] if verdict.reason == "shape" else HINTS[(exercise_id, verdict.reason)]


def message(exercise_id: str, verdict: Verdict) -> str:
    """The verdict in words, its mark first (plain text)."""
    mark, label = MARKS[verdict.kind]
    return f"{mark} {label} {advice(exercise_id, verdict)}"


def verdict_html(exercise_id: str, verdict: Verdict) -> str:
    mark, label = MARKS[verdict.kind]
    said = advice(exercise_id, verdict)
    kind = verdict.kind.replace(" ", "-")
    # The left rule is drawn in the text's own colour here; the book's stylesheet colours it by verdict.
    return (f'<div class="studyguide-lab-check sg-lab-{kind}" data-exercise="{escape(exercise_id)}" role="status" '
            f'style="border-left: 4px solid; padding: 0.3em 0.6em; margin: 0.3em 0">'
            f'<span class="sg-lab-mark" aria-hidden="true">{mark}</span> <strong>{escape(label)}</strong> {escape(said)}</div>')


class Check:
    """One verdict as a cell shows it: HTML in Jupyter and the book, plain text elsewhere."""

    def __init__(self, exercise_id: str, verdict: Verdict):
        self.exercise_id, self.verdict = exercise_id, verdict

    def _repr_html_(self) -> str:
        return verdict_html(self.exercise_id, self.verdict)

    def __repr__(self) -> str:
        return message(self.exercise_id, self.verdict)


class WordBox(widgets.VBox):
    """A word box and a Check button that judge what is typed (a live kernel); the book shows the verdict."""

    def __init__(self, lab: Lab, exercise_id: str, answer: object, params: dict):
        typed = answer if isinstance(answer, str) else ""
        self.box = widgets.Text(value=typed, placeholder="type one word", description="Your answer:",
                                style={"description_width": "initial"})
        self.button = widgets.Button(description="Check", tooltip="Check the word in the box")
        self.said = widgets.HTML(verdict_html(exercise_id, lab.verdict(exercise_id, answer, **params)))
        self.first = self.said.value

        def judge(_=None):
            self.said.value = verdict_html(exercise_id, lab.verdict(exercise_id, self.box.value, **params))

        self.button.on_click(judge)
        self.box.continuous_update = False  # Enter (or leaving the box) judges too: keyboard users need no button
        self.box.observe(judge, names="value")
        super().__init__([widgets.HBox([self.box, self.button]), self.said])
        self.add_class("studyguide-lab-box")

    def _repr_mimebundle_(self, **kwargs) -> dict:
        bundle = super()._repr_mimebundle_(**kwargs) or {}
        bundle["text/html"] = (f'<div class="studyguide-lab-box sg-static">{self.first}<p class="sg-lab-where">'
                               "In a running notebook (Binder, Colab or your own computer) a word box and a Check "
                               "button appear here.</p></div>")
        return bundle


class Lab:
    """The lab's materials (one text, the themes, the timeline) and its self-checks.

    The text is the guide's first text, the forum post, unless ``text_id`` names another."""

    def __init__(self, project: Project, text_id: str | None = None):
        self.project = project
        text = project.corpus[text_id] if text_id else project.corpus.texts[0]
        self.bench = Bench(text, project.lexicon, project.timeline)
        self.results: dict[str, Verdict] = {}  # each exercise's latest verdict

    text = property(lambda self: self.bench.text)
    lexicon = property(lambda self: self.bench.lexicon)
    timeline = property(lambda self: self.bench.timeline)
    words = property(lambda self: list(self.bench.words))  # copies: a student's edit cannot change a check
    stopwords = property(lambda self: set(stopwords(self.text.language)))
    paragraphs = property(lambda self: [list(p) for p in self.bench.paragraphs])

    def about(self) -> Markdown:
        others = [t.id for t in self.project.corpus if t.id != self.text.id]
        return prose("The exercises work on “{title}” (id {id}): {words} words in {paragraphs} paragraphs. "
                     + ("Other texts of the guide: {others}. " if others else "")
                     + "The checks judge your answers for this text.", title=self.text.title, id=self.text.id,
                     words=f"{len(self.bench.words):,}", paragraphs=len(self.bench.paragraphs), others=", ".join(others))

    def verdict(self, exercise_id: str, answer: object = PLACEHOLDER, **params) -> Verdict:
        verdict = exercise(exercise_id).judge(self.bench, answer, **params)
        self.results[exercise_id] = verdict
        return verdict

    def check(self, exercise_id: str, answer: object = PLACEHOLDER, **params) -> Check | WordBox:
        """The verdict on ``answer``: a word box for a one-word answer, a message otherwise."""
        if exercise(exercise_id).shape == "word":
            return WordBox(self, exercise_id, answer, params)
        return Check(exercise_id, self.verdict(exercise_id, answer, **params))

    def tracker(self, lexicon=None):
        """The theme tracker of the lab's text, with ``lexicon`` (an edited copy) or the guide's own."""
        return tracker_figure(self.text, lexicon or self.lexicon)
