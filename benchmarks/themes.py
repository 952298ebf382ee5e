"""Time the theme, sentiment and address computations for every text (prints figures; not a test).

Run: .venv/bin/python benchmarks/themes.py
"""

from __future__ import annotations

import time

from studyguide import address, load_corpus, sentiment, theme, theme_explorer


def timed(label: str, function, repeat: int = 5) -> None:
    start = time.perf_counter()
    for _ in range(repeat):
        function()
    print(f"{label:<48} {1000 * (time.perf_counter() - start) / repeat:8.1f} ms")


def main() -> None:
    corpus = load_corpus()
    lexicon = theme.load_lexicon()
    words = sum(len(theme.words(p.text)) for t in corpus for p in t.paragraphs)
    print(f"{len(corpus)} text(s), {words} words, {len(lexicon)} themes, "
          f"{sum(len(t.cues) for t in lexicon)} cues")
    timed("load and check the lexicon", theme.load_lexicon)
    for text in corpus:
        timed(f"score paragraphs ({text.id})", lambda: theme.score_paragraphs(text, lexicon))
        timed(f"score sentences ({text.id})", lambda: theme.score_sentences(text, lexicon))
        timed(f"tracker figure ({text.id})", lambda: theme_explorer.tracker_figure(text, lexicon), repeat=2)
        timed(f"explorer views ({text.id})", lambda: [theme_explorer.theme_view(text, lexicon, t.id, theme.score_paragraphs(text, lexicon), "x.html") for t in lexicon])
        timed(f"VADER sentence scores ({text.id})", lambda: sentiment.sentence_scores(text))
        timed(f"address rows ({text.id})", lambda: address.address_rows(text))


if __name__ == "__main__":
    main()
