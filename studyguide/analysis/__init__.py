"""Analyses of the texts: words, frequencies, keyness, word pairs and collocates, concordance,
dispersion, sentiment, address, themes, and the texts' place on the timeline.
Plain data in, numbers and records out: no drawing, no widgets, no Sphinx, no column titles
and no numbers turned into text (``studyguide.views`` words them; ``tests/unit/test_layers.py``
checks it)."""
