"""The build's one data object: the project (texts, lexicon, glossary, timeline), loaded once.

It is loaded when Sphinx has read the configuration, from Sphinx's source folder
(the project root), and every directive and role reads it through
:func:`project`. Bad input stops the build there, with the one-line error.
"""

from __future__ import annotations

from pathlib import Path
from weakref import WeakKeyDictionary

from sphinx.application import Sphinx
from sphinx.errors import ConfigError

from ..base.errors import InputError
from ..knowledge.project import Project, load_project
from ..texts.corpus import check_chapters

_PROJECTS: WeakKeyDictionary[Sphinx, Project] = WeakKeyDictionary()


class StudyGuideError(ConfigError):
    """Bad input found at build start; its message is one line naming the file."""

    category = "Study guide input error"


def load(app: Sphinx) -> Project:
    """Load and check the project at Sphinx's source folder, for this build."""
    try:
        _PROJECTS[app] = load_project(Path(app.srcdir))
        check_chapters(_PROJECTS[app].corpus)
    except InputError as exc:
        raise StudyGuideError(str(exc)) from None
    return _PROJECTS[app]


def project(env) -> Project:
    """The project of the build that ``env`` belongs to."""
    return _PROJECTS[env.app]
