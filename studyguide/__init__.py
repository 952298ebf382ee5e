"""Analysis library of the study guide: seed texts in, checked and analysed data out.

Modules, one concept each:

- :mod:`studyguide.sidecar` - the metadata sidecar beside each seed and its schema
- :mod:`studyguide.tomlfile` - reading our TOML files with one-line file:line errors
- :mod:`studyguide.text` - one seed text: decoding, title, numbered paragraphs
- :mod:`studyguide.encoding` - naming the wrong encodings (UTF-16) that inputs arrive in
- :mod:`studyguide.corpus` - all seed texts, in a stable order
- :mod:`studyguide.tokens` - words and sentences (NLTK, no downloaded data)
- :mod:`studyguide.overview` - size figures per text
- :mod:`studyguide.frequency` - running words, summary measures (TTR, MATTR), word lists, stopwords
- :mod:`studyguide.keyness` - distinctive words: log-likelihood and log ratio against a reference
- :mod:`studyguide.collocation` - n-grams and collocations (NLTK's bigram finder)
- :mod:`studyguide.concordance` - keyword in context, linked to the text chapter
- :mod:`studyguide.dispersion` - where words occur in a text (dispersion plot)
- :mod:`studyguide.word_explorer` - one word's figures, concordance and plot, as an explorer
- :mod:`studyguide.table` - accessible HTML tables for notebooks
- :mod:`studyguide.style` - the shared plotting style; figures with alt text
- :mod:`studyguide.widgets` - explorers that switch precomputed views without a kernel
- :mod:`studyguide.timeline` - the dated events and contested figures of ``data/timeline.toml``
- :mod:`studyguide.timeline_chart` - timeline charts and tables of contested figures
- :mod:`studyguide.timeline_explorer` - filter the events by category and step through them
- :mod:`studyguide.timeline_directives` - roles and a directive that put timeline data into chapters
- :mod:`studyguide.theme` - the theme lexicon (data/themes.toml), cue matching and scores
- :mod:`studyguide.theme_explorer` - theme tracker chart, theme explorer, cue editor, chapter symbols
- :mod:`studyguide.sentiment` - the emotional arc: VADER sentiment per sentence and paragraph
- :mod:`studyguide.address` - who a paragraph speaks to: pronouns, questions, commands
- :mod:`studyguide.modelids` - widget model ids that repeat from build to build
- :mod:`studyguide.chapter` - the text chapter, rendered at build time
- :mod:`studyguide.extension` - the Sphinx extension that wires it into the book
- :mod:`studyguide.upstream` - work-arounds for bugs in the pinned Sphinx, theme and extension versions
- :mod:`studyguide.assets` - pinned third-party browser files
- :mod:`studyguide.scaffold` - sidecar and chapter for a new seed text
- :mod:`studyguide.glossary` - the glossary (data/glossary.toml): terms, marks in the texts, glossary directive
- :mod:`studyguide.guide` - links and exact quotations from the guide's pages into the text chapters
- :mod:`studyguide.handout` - the printable handout (text, glossary, questions) as one PDF
"""

__version__ = "0.1.0"

from .corpus import Corpus, load_corpus  # noqa: E402
from .errors import InputError  # noqa: E402
from .text import Paragraph, Text  # noqa: E402

__all__ = ["Corpus", "InputError", "Paragraph", "Text", "load_corpus", "__version__"]
