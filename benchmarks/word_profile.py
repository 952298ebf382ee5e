"""How fast is the guide's word profile on a corpus of a million words?

Builds a realistic 1,000,000-word corpus, deterministically: words drawn (fixed
random seed) from wordfreq's English frequency list (its :data:`VOCABULARY` most
frequent words, each drawn with its frequency in general English, so the corpus
has tens of thousands of types and a natural long tail), in sentences of 6 to 30
words with a capital, commas and a full stop, five to eight sentences a
paragraph. Then times, each the median of :data:`RUNS` runs:

1. **tokenise and count** on the guide's path, ``studyguide.analysis.tokens.words``
   (every page of the book counts through it: NFC keys, combining marks,
   apostrophe and hyphen variants) and :class:`collections.Counter`;
2. the **floor**: ``re.findall(r"\w+", paragraph.lower())`` and ``Counter``, the
   least any tokeniser can do (it is wrong on apostrophes, hyphens and combining
   marks, which is why the guide does more); target: the guide at most 3x the floor;
3. a plain **NLTK** pipeline: ``TreebankWordTokenizer`` and ``FreqDist``;
4. tokenise and count again, guide and floor, on Russian and Hindi corpora made the
   same way (Devanagari text takes the pattern with combining marks, which the floor
   splits into fragments);
5. the guide's whole **profile**: tokenise, count, keyness of every word seen at
   least 3 times against general English (wordfreq), and the top word pairs (collocations of adjacent words)
   by log-likelihood ratio (NLTK's bigram finder).

Run: ``.venv/bin/python benchmarks/word_profile.py``
"""

from __future__ import annotations

import random
import re
import statistics
import time
from collections import Counter
from itertools import chain

from nltk.probability import FreqDist
from nltk.tokenize import TreebankWordTokenizer
from wordfreq import top_n_list, word_frequency

from studyguide.analysis.collocation import word_pairs
from studyguide.analysis.frequency import stopwords
from studyguide.analysis.keyness import against_general_english
from studyguide.analysis.tokens import words

TARGET_WORDS = 1_000_000
VOCABULARY = 50_000
SEED = 2012
RUNS = 3
FLOOR = re.compile(r"\w+")
OTHER_LANGUAGES = (("ru", "Russian"), ("hi", "Hindi"))  # Cyrillic; Devanagari, whose vowel signs are combining marks


def make_corpus(size: int = TARGET_WORDS, seed: int = SEED, language: str = "en") -> list[str]:
    """Paragraphs of sentences of words drawn from ``language``'s word frequencies, ``size`` words in all."""
    vocabulary = top_n_list(language, VOCABULARY)
    weights = [word_frequency(w, language) for w in vocabulary]
    rng = random.Random(seed)
    drawn = iter(rng.choices(vocabulary, weights, k=size))
    paragraphs: list[str] = []
    total = 0
    while total < size:
        sentences = []
        for _ in range(rng.randint(5, 8)):
            length = min(rng.randint(6, 30), size - total)
            if length <= 0:
                break
            chosen = [next(drawn) for _ in range(length)]
            total += length
            if length > 8:
                chosen[rng.randint(3, length - 3)] += ","
            chosen[0] = chosen[0][:1].upper() + chosen[0][1:]
            sentences.append(" ".join(chosen) + ".")
        paragraphs.append(" ".join(sentences))
    return paragraphs


def guide_count(paragraphs: list[str]) -> Counter:
    """The guide's tokenising path and a Counter."""
    counts: Counter = Counter()
    for paragraph in paragraphs:
        counts.update(words(paragraph))
    return counts


def floor_count(paragraphs: list[str]) -> Counter:
    """The floor: one regular expression over the lower-cased text, and a Counter."""
    counts: Counter = Counter()
    for paragraph in paragraphs:
        counts.update(FLOOR.findall(paragraph.lower()))
    return counts


def profile(paragraphs: list[str]) -> dict:
    """The guide's profile: tokens, counts, keyness and word pairs."""
    documents = [words(p) for p in paragraphs]
    counts = Counter(chain.from_iterable(documents))
    keywords = against_general_english(counts)
    pairs = word_pairs(documents, top=10, stopwords=stopwords("en"))
    return {"tokens": sum(counts.values()), "types": len(counts), "keywords": keywords, "word pairs": pairs}


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
    print(f"corpus: {len(paragraphs):,} paragraphs, {pieces:,} words drawn from wordfreq's {VOCABULARY:,} most "
          f"frequent English words, seed {SEED}")

    guide_wall, guide, counts = timed(guide_count, paragraphs)
    floor_wall, floor, floor_counts = timed(floor_count, paragraphs)
    nltk_wall, nltk, freqdist = timed(nltk_pipeline, paragraphs)
    ours_wall, ours, result = timed(profile, paragraphs)

    print(f"guide tokenise + count: {guide:.2f} s CPU ({guide_wall:.2f} s wall); "
          f"{sum(counts.values()):,} tokens, {len(counts):,} types")
    print(f"floor re.findall(\\w+) + Counter: {floor:.2f} s CPU ({floor_wall:.2f} s wall); "
          f"{sum(floor_counts.values()):,} tokens, {len(floor_counts):,} types")
    print(f"NLTK Treebank + FreqDist: {nltk:.2f} s CPU ({nltk_wall:.2f} s wall); "
          f"{freqdist.N():,} tokens (punctuation included), {freqdist.B():,} types")
    print(f"ratio guide / floor: {guide / floor:.2f}x CPU (target <= 3x: {'met' if guide <= 3 * floor else 'MISSED'}); "
          f"guide / NLTK: {guide / nltk:.2f}x CPU")
    for language, name in OTHER_LANGUAGES:
        other = make_corpus(language=language)
        _, other_guide, other_counts = timed(guide_count, other)
        _, other_floor, other_floor_counts = timed(floor_count, other)
        print(f"the same on a {name} corpus (wordfreq's {name} list): guide {other_guide:.2f} s CPU, floor "
              f"{other_floor:.2f} s CPU, ratio {other_guide / other_floor:.2f}x; {len(other_counts):,} types "
              f"(the floor finds {len(other_floor_counts):,})")
    top = ", ".join(f"{k.word} (G2 {k.g2:,.0f})" for k in result["keywords"][:3])
    pairs = ", ".join(f"{c.first} {c.second}" for c in result["word pairs"][:3])
    print(f"guide profile (tokenise, count, keyness, word pairs): {ours:.2f} s CPU, {ours_wall:.2f} s wall "
          f"(medians of {RUNS}); top keywords: {top}; top word pairs: {pairs}")


if __name__ == "__main__":
    main()
