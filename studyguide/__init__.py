"""Analysis library and Sphinx extension of the study guide: seed texts in, checked and analysed data out.

Layers, each a folder; a module imports only from its own layer and the layers
listed before it (``tests/unit/test_layers.py`` checks every import, deferred ones too):

- ``base`` - what every layer stands on: :mod:`~.base.errors` (one-line
  ``file:line`` errors), :mod:`~.base.decoding` (bytes to text),
  :mod:`~.base.tomlfile`, :mod:`~.base.schema` (one checker for every TOML file),
  :mod:`~.base.dates` (days, months, ranges), :mod:`~.base.collection` (lookup by id),
  :mod:`~.base.version`
- ``texts`` - the seeds: :mod:`~.texts.sidecar`, :mod:`~.texts.text`,
  :mod:`~.texts.corpus` (discovery, order, the seeds/ boundary, chapter pages),
  :mod:`~.texts.language` (detecting and naming a text's language),
  :mod:`~.texts.pages` (the one chapter and paragraph URL function), :mod:`~.texts.current` (the text
  a loop over the corpus is working on, for naming it in a failure)
- ``knowledge`` - curated data in ``data/``: :mod:`~.knowledge.symbols` (colours
  and symbols), :mod:`~.knowledge.lexicon` (themes), :mod:`~.knowledge.glossary`,
  :mod:`~.knowledge.timeline`, :mod:`~.knowledge.sources`, :mod:`~.knowledge.people` (the who's who),
  :mod:`~.knowledge.wordings` (listed wordings found in a text), the evidence behind the
  records (:mod:`~.knowledge.evidence`: the passages in ``data/evidence/``;
  :mod:`~.knowledge.evidence_values`: the numbers and dates a claim states;
  :mod:`~.knowledge.evidence_check`: passages against records; :mod:`~.knowledge.sentence_claims`:
  chapter sentences with passages of their own; :mod:`~.knowledge.evidence_history`: checked dates
  against the git history; :mod:`~.knowledge.evidence_fold`:
  the fold a reader opens; :mod:`~.knowledge.coverage`: claims counted),
  :mod:`~.knowledge.chapter_lint` (places in the text and data facts written through roles),
  :mod:`~.knowledge.quiz` (self-check items, their evidence checked against the texts),
  :mod:`~.knowledge.close_reading` (the themes notebook's reading, each place checked against its text) and
  :mod:`~.knowledge.project` (texts and data loaded together, once),
  :mod:`~.knowledge.publication` (the repository setting and the published book's address)
- ``analysis`` - numbers and records out, no drawing, no formatting: :mod:`~.analysis.tokens` (the one
  tokenising path; :mod:`~.analysis.segmenters` cuts scripts written without spaces), :mod:`~.analysis.overview`, :mod:`~.analysis.counts`,
  :mod:`~.analysis.frequency`, :mod:`~.analysis.keyness`, :mod:`~.analysis.keywords`,
  :mod:`~.analysis.collocation`, :mod:`~.analysis.concordance`,
  :mod:`~.analysis.dispersion`, :mod:`~.analysis.quotations`,
  :mod:`~.analysis.sentiment`, :mod:`~.analysis.address`, :mod:`~.analysis.themes`,
  :mod:`~.analysis.placement` (texts on the timeline), :mod:`~.analysis.languages` (which
  analysis reads which language), :mod:`~.analysis.stretches` (the one rule that cuts long texts into runs),
  :mod:`~.analysis.comparison` (the texts compared within each language: distinctive words, likeness),
  :mod:`~.analysis.exercises` (the lab's exercises: right answers and how an answer is judged)
- ``views`` - what notebooks display (matplotlib, HTML, ipywidgets): :mod:`~.views.style`,
  :mod:`~.views.tables`, :mod:`~.views.prose`, :mod:`~.views.written` (paragraphs as written),
  :mod:`~.views.numbers` (numbers as the pages write them), the tables' headers and rows
  (:mod:`~.views.size_tables`, :mod:`~.views.word_tables`, :mod:`~.views.theme_tables`,
  :mod:`~.views.sentiment_tables`, :mod:`~.views.address_tables`, :mod:`~.views.timeline_tables`), the charts (:mod:`~.views.keyness_chart`,
  :mod:`~.views.dispersion_plot`, :mod:`~.views.emotional_arc`, :mod:`~.views.address_chart`,
  :mod:`~.views.theme_tracker`, :mod:`~.views.timeline_chart`), :mod:`~.views.kwic`,
  :mod:`~.views.widgets` (explorers that are ipywidgets live and plain HTML in the book),
  :mod:`~.views.screen_reader` (text for screen readers only, hidden inline), :mod:`~.views.links` (links to the
  book: relative in it, absolute in a live kernel), :mod:`~.views.places` (a place in a text, checked, for
  a notebook's output),
  :mod:`~.views.picker` (one text at a time: a notebook's per-text sections behind grouped "Text:" menus;
  the sections of each page: :mod:`~.views.word_sections`, :mod:`~.views.theme_sections`,
  :mod:`~.views.timeline_sections`),
  :mod:`~.views.corpus_tables` (every text at once: summary, distinctive words, likeness) and
  :mod:`~.views.modelids`, :mod:`~.views.word_index` (every word of a text, for the book's lookup), :mod:`~.views.counting`
  (what `check` says is counted of a text), :mod:`~.views.printed` (the figures a notebook prints for one
  text, as printed, which the visible cells of the page "The numbers by hand" recompute), and the explorers
  (:mod:`~.views.paragraph_browser`, :mod:`~.views.word_explorer`,
  :mod:`~.views.theme_explorer`, :mod:`~.views.timeline_explorer`, :mod:`~.views.cue_editor`), and the lab's self-checks (:mod:`~.views.lab`)
- ``book`` - the Sphinx extension (no matplotlib, no ipywidgets): one ``setup()`` in
  :mod:`studyguide.book`, the build's data (:mod:`~.book.data`), the directives and roles
  (:mod:`~.book.chapter`, :mod:`~.book.glossary`, :mod:`~.book.guide`,
  :mod:`~.book.timeline`, :mod:`~.book.fields`, :mod:`~.book.whoswho`, :mod:`~.book.quiz`,
  :mod:`~.book.evidence`),
  :mod:`~.book.mentions` (linking a first mention),
  the classroom editions (:mod:`~.book.editions`; the lab's solutions, merged in for teachers only:
  :mod:`~.book.solutions`; their names, read without Sphinx:
  :mod:`~.book.edition_names`), :mod:`~.book.freshness`,
  :mod:`~.book.bibliography` (author-year labels), :mod:`~.book.speed` (what each page loads),
  :mod:`~.book.hovertips` (hover previews built when first wanted),
  :mod:`~.book.upstream` (work-arounds), :mod:`~.book.vendor` (pinned browser files),
  :mod:`~.book.executed` (the executed notebooks written the same every build),
  :mod:`~.book.failures` (a failed notebook: one line, nothing published, no green rebuild) and
  :mod:`~.book.failed_cell` (its kernel's half: a failing cell's text and exception, first in the traceback)
- ``cli`` - ``python -m studyguide``: :mod:`~.cli.main`, :mod:`~.cli.scaffold`,
  :mod:`~.cli.handout`, :mod:`~.cli.serve`, :mod:`~.cli.pageweight`, :mod:`~.cli.browser`,
  :mod:`~.cli.sandbox` (throw-away project copies for tests and benchmarks),
  :mod:`~.cli.notebook_setup`, :mod:`~.cli.up_to_date` (a build with nothing changed is skipped;
  a failed one never is)
"""

from .base.errors import InputError
from .base.version import __version__
from .knowledge.project import Project, load_project
from .texts.corpus import Corpus, load_corpus
from .texts.text import Paragraph, Text

__all__ = ["Corpus", "InputError", "Paragraph", "Project", "Text", "load_corpus", "load_project", "__version__"]
