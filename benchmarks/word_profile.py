"""How fast is the guide's word profile on a corpus of a million words?

Builds a 1,000,000-word corpus from the seed texts, deterministically: the
editors' readings of every paragraph, their words shuffled with a fixed
random seed, paragraph after paragraph until a million words. Then times:

1. the guide's frequency profile: tokenise (the guide's word pattern,
   compiled once), count (collections.Counter), keyness of every word seen
   at least 3 times against general English (wordfreq), and the top
   collocations by log-likelihood ratio (NLTK's bigram finder);
2. a plain NLTK pipeline on the same input: TreebankWordTokenizer and
   FreqDist (tokenise and count only).

Prints both times (CPU and wall clock) and their ratio. The profile tokenises with
``studyguide.analysis.tokens.words``, the path every page of the book uses. Target: the profile in at
most 5 s, and no slower than the plain NLTK pipeline.

Run: ``.venv/bin/python benchmarks/word_profile.py``
"""

from __future__ import annotations

import random
import statistics
import time
from collections import Counter
from itertools import chain
from pathlib import Path

from nltk.probability import FreqDist
from nltk.tokenize import TreebankWordTokenizer

from studyguide import load_corpus
from studyguide.analysis.collocation import collocations
from studyguide.analysis.frequency import stopwords
from studyguide.analysis.keyness import against_general_english
from studyguide.analysis.tokens import words

TARGET_WORDS = 1_000_000
SEED = 2012
RUNS = 3


def make_corpus(size: int = TARGET_WORDS, seed: int = SEED) -> list[str]:
    """Paragraphs of shuffled seed words (punctuation kept on its words), ``size`` words in all."""
    corpus = load_corpus(Path(__file__).resolve().parents[1])
    sources = [text.reading(p.number).split() for text in corpus for p in text.paragraphs]
    rng = random.Random(seed)
    paragraphs: list[str] = []
    total = 0
    while total < size:
        for pieces in sources:
            shuffled = pieces[:]
            rng.shuffle(shuffled)
            shuffled = shuffled[: size - total]
            paragraphs.append(" ".join(shuffled))
            total += len(shuffled)
            if total >= size:
                break
    return paragraphs


def profile(paragraphs: list[str]) -> dict:
    """The guide's profile: tokens, counts, keyness and collocations."""
    documents = [words(p) for p in paragraphs]
    counts = Counter(chain.from_iterable(documents))
    keywords = against_general_english(counts)
    pairs = collocations(documents, top=10, stopwords=stopwords("en"))
    return {"tokens": sum(counts.values()), "types": len(counts), "keywords": keywords, "collocations": pairs}


def nltk_pipeline(paragraphs: list[str]) -> FreqDist:
    """A plain NLTK word count: Treebank tokens, lower-cased, in a FreqDist."""
    tokenizer = TreebankWordTokenizer()
    counts = FreqDist()
    for paragraph in paragraphs:
        counts.update(token.lower() for token in tokenizer.tokenize(paragraph))
    return counts


def timed(function, *args):
    """Median wall-clock and CPU seconds of :data:`RUNS` runs, and the result.

    CPU time (``time.process_time``) is what the process itself used; on a
    shared, busy machine it is the fairer figure, so the targets use it.
    """
    wall, cpu = [], []
    for _ in range(RUNS):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = function(*args)
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall), statistics.median(cpu), result


def main() -> None:
    paragraphs = make_corpus()
    pieces = sum(len(p.split()) for p in paragraphs)
    print(f"corpus: {len(paragraphs):,} paragraphs, {pieces:,} words (whitespace-separated), seed {SEED}")

    ours_wall, ours, result = timed(profile, paragraphs)
    theirs_wall, theirs, freqdist = timed(nltk_pipeline, paragraphs)

    top = ", ".join(f"{k.word} (G2 {k.g2:,.0f})" for k in result["keywords"][:3])
    pairs = ", ".join(f"{c.first} {c.second}" for c in result["collocations"][:3])
    print(f"guide profile (tokenise, count, keyness, collocations): {ours:.2f} s CPU, {ours_wall:.2f} s wall (medians of {RUNS})")
    print(f"  {result['tokens']:,} tokens, {result['types']:,} types; top keywords: {top}; top collocations: {pairs}")
    print(f"plain NLTK (TreebankWordTokenizer + FreqDist, tokenise and count only): {theirs:.2f} s CPU, {theirs_wall:.2f} s wall (medians of {RUNS})")
    print(f"  {freqdist.N():,} tokens (punctuation included), {freqdist.B():,} types")
    print(f"ratio NLTK / guide: {theirs / ours:.1f}x CPU, {theirs_wall / ours_wall:.1f}x wall")
    print(f"target <= 5 s CPU: {'met' if ours <= 5 else 'MISSED'}; no slower than NLTK: {'met' if ours <= theirs else 'MISSED'}")


if __name__ == "__main__":
    main()
