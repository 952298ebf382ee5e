"""Time the theme, sentiment and address computations for every text (prints figures; not a test).

Run: .venv/bin/python benchmarks/themes.py
"""

from __future__ import annotations

import time
from functools import partial

from studyguide import load_project
from studyguide.analysis import sentiment, themes
from studyguide.analysis.tokens import words
from studyguide.knowledge.lexicon import read_lexicon
from studyguide.views import address_tables, theme_explorer, theme_tracker


def timed(label: str, function, repeat: int = 5) -> None:
    start = time.perf_counter()
    for _ in range(repeat):
        function()
    print(f"{label:<48} {1000 * (time.perf_counter() - start) / repeat:8.1f} ms")


def explorer_views(text, lexicon) -> list[str]:
    segments = themes.score_paragraphs(text, lexicon)
    return [theme_explorer.theme_view(text, lexicon, t.id, segments) for t in lexicon]


def main() -> None:
    project = load_project()
    corpus, lexicon = project.corpus, project.lexicon
    count = sum(len(words(p.text)) for t in corpus for p in t.paragraphs)
    print(f"{len(corpus)} text(s), {count} words, {len(lexicon)} themes, {sum(len(t.cues) for t in lexicon)} cues")
    timed("load and check the lexicon", partial(read_lexicon, lexicon.path))
    for text in corpus:
        timed(f"score paragraphs ({text.id})", partial(themes.score_paragraphs, text, lexicon))
        timed(f"score sentences ({text.id})", partial(themes.score_sentences, text, lexicon))
        timed(f"tracker figure ({text.id})", partial(theme_tracker.tracker_figure, text, lexicon), repeat=2)
        timed(f"explorer views ({text.id})", partial(explorer_views, text, lexicon))
        timed(f"VADER sentence scores ({text.id})", partial(sentiment.sentence_scores, text))
        timed(f"address rows ({text.id})", partial(address_tables.address_rows, text))


if __name__ == "__main__":
    main()
