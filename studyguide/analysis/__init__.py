"""Analyses of the texts: words, frequencies, keyness, collocations, concordance,
dispersion, sentiment, address, themes, and the texts' place on the timeline.
Plain data in, plain data out: no drawing, no widgets, no Sphinx."""
