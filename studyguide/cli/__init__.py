"""The command line (``python -m studyguide``) and the tools behind it: scaffolding a new
text, building, serving and weighing the book, printing the handout, fetching the
pinned browser files. The top layer: it may use every other."""
