"""The project: the texts and the curated knowledge beside them, loaded once and checked.

The book's Sphinx extension loads one :class:`Project` per build, from Sphinx's
source folder; notebooks and the command line load it from the folder they run
in. A file that is absent gives ``None`` (a project of texts alone still builds);
a file that is present but bad stops with a one-line error naming file and line.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..texts.corpus import Corpus, load_corpus, project_root
from .glossary import GLOSSARY_FILE, Glossary, load_glossary
from .lexicon import LEXICON_FILE, Lexicon, read_lexicon
from .timeline import TIMELINE_FILE, Timeline, load_timeline

DATA_FOLDER = "data"


@dataclass(frozen=True)
class Project:
    root: Path
    corpus: Corpus
    lexicon: Lexicon | None
    glossary: Glossary | None
    timeline: Timeline | None


def load_project(root: Path | str | None = None) -> Project:
    """Load and check the texts and every data file of the project at ``root``."""
    root = Path(root).resolve() if root else project_root()
    return Project(
        root=root,
        corpus=load_corpus(root),
        lexicon=_optional(root / LEXICON_FILE, read_lexicon),
        glossary=_optional(root / GLOSSARY_FILE, load_glossary),
        timeline=_optional(root / TIMELINE_FILE, load_timeline),
    )


def _optional(path: Path, load):
    return load(path) if path.is_file() else None

