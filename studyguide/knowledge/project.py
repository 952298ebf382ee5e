"""The project: the texts and the curated knowledge beside them, loaded once and checked.

Every TOML file of ``data/`` is read here, by its loader in this layer, and nowhere
else (:data:`DATA_FILES`); ``data/sources.bib`` is sphinxcontrib-bibtex's (:mod:`.sentence_claims` reads only its URLs).

Loading also audits the sources (:func:`studyguide.knowledge.sources.audit`) when the
project has a ``data/sources.toml``, checks the evidence passages in ``data/evidence/``
against their records and the chapter sentences that carry their own
(:mod:`.evidence_check`, :mod:`.sentence_claims`), and lints the chapters
(:mod:`.chapter_lint`).

The book's Sphinx extension loads one :class:`Project` per build, from Sphinx's
source folder; notebooks and the command line load it from the folder they run
in. A file that is absent gives ``None`` (a project of texts alone still builds);
a file that is present but bad stops with a one-line error naming file and line.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..base.errors import InputError
from ..texts.corpus import Corpus, load_corpus, project_root
from .chapter_lint import EXCEPTIONS_FILE, Exceptions, lint, load_exceptions
from .close_reading import CLOSE_READING_FILE, CloseReading, check_places, load_close_reading
from .evidence import EVIDENCE_FOLDER, Evidence, load_evidence
from .evidence_check import check_evidence as check_passages
from .evidence_check import records
from .glossary import GLOSSARY_FILE, Glossary, load_glossary
from .lexicon import LEXICON_FILE, Lexicon, read_lexicon
from .people import PEOPLE_FILE, People, load_people
from .publication import own_addresses
from .quiz import QUIZ_FILE, Quiz, load_quiz
from .sentence_claims import check_reasons, sentence_records
from .sources import SOURCES_FILE, Sources, audit, load_sources
from .timeline import TIMELINE_FILE, Timeline, load_timeline

DATA_FOLDER = "data"
DATA_FILES = (LEXICON_FILE, GLOSSARY_FILE, TIMELINE_FILE, SOURCES_FILE, QUIZ_FILE, PEOPLE_FILE, EXCEPTIONS_FILE,
              CLOSE_READING_FILE)


@dataclass(frozen=True)
class Project:
    root: Path
    corpus: Corpus
    lexicon: Lexicon | None
    glossary: Glossary | None
    timeline: Timeline | None
    sources: Sources | None
    quiz: Quiz | None
    people: People | None
    evidence: Evidence | None = None  # data/evidence/: the sources' words behind the records
    exceptions: Exceptions | None = None  # what the chapter lints allow, with reasons
    close_reading: CloseReading | None = None  # the themes notebook's paragraph-by-paragraph reading


def load_project(root: Path | str | None = None) -> Project:
    """Load and check the texts and every data file of the project at ``root``."""
    root = Path(root).resolve() if root else project_root()
    project = Project(
        root=root,
        corpus=load_corpus(root),
        lexicon=_optional(root / LEXICON_FILE, read_lexicon),
        glossary=_optional(root / GLOSSARY_FILE, load_glossary),
        timeline=_optional(root / TIMELINE_FILE, load_timeline),
        sources=_optional(root / SOURCES_FILE, load_sources),
        quiz=_optional(root / QUIZ_FILE, load_quiz),
        people=_optional(root / PEOPLE_FILE, load_people),
        evidence=load_evidence(root / EVIDENCE_FOLDER) if (root / EVIDENCE_FOLDER).is_dir() else None,
        exceptions=_optional(root / EXCEPTIONS_FILE, load_exceptions),
        close_reading=_optional(root / CLOSE_READING_FILE, load_close_reading),
    )
    _check_events(project)
    if project.sources is not None:  # every cited URL has a publisher, and none is ruled out
        audit(root, project.sources, own_addresses(root))
    if project.quiz is not None:
        check_evidence(project.quiz, project.corpus)
    if project.close_reading is not None:
        check_places(project.close_reading, project.corpus)
    if project.evidence is not None:  # every passage quotes an accepted source of its record, and covers its claim
        found = claims(project)
        # chapter sentences with passages of their own ({evidence}) are checked as records are
        check_passages(project.evidence, found + sentence_records(root, project.evidence, {r.id for r in found}),
                       project.sources)
        check_reasons(root, project.evidence)
    # places in the text and facts from the data, written through roles
    findings = lint(root, project.timeline, project.people, project.exceptions)
    if findings:
        raise findings[0].error()
    return project


def claims(project: Project) -> list:
    """The records that make claims about events: events, contested figures, who's who entries."""
    return records(project.timeline, project.people)


def check_evidence(quiz: Quiz, corpus: Corpus) -> None:
    """Every quiz item cites a paragraph of a text and words that stand in it as written."""
    for item in quiz:
        try:
            text = corpus[item.text] if item.text else corpus.texts[0]
        except KeyError as exc:
            raise InputError(quiz.path, f"item '{item.id}': {exc.args[0]}", item.line) from None
        if problem := text.citation_problem(item.paragraph, item.evidence):
            raise InputError(quiz.path, f"item '{item.id}': its evidence: {problem}", item.line)


def _check_events(project: Project) -> None:
    """Every event a sidecar names is in the timeline."""
    for text in project.corpus:
        for event in text.meta.events:
            if project.timeline is None or event not in {e.id for e in project.timeline}:
                raise InputError(text.meta.path, f"events: no event with id '{event}' in {TIMELINE_FILE}",
                                 text.meta.events_line)


def _optional(path: Path, load):
    return load(path) if path.is_file() else None

