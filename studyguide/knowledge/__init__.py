"""Curated knowledge in ``data/``: the theme lexicon, the glossary, the timeline, and the
project that holds them with the texts. Loading and checking only; no analysis."""
