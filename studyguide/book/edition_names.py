"""The two editions' names, what chooses them, and their PDFs: what the command line needs
without loading Sphinx (a no-change rebuild must start fast). The editions themselves are
:mod:`studyguide.book.editions`."""

from __future__ import annotations

EDITIONS = ("student", "teacher")
EDITION_ENV = "STUDYGUIDE_EDITION"  # set by ``build --edition``
HANDOUT_ENV = "STUDYGUIDE_HANDOUT"  # set by ``build --handout``: the edition's PDF will be in downloads/
DOWNLOADS = "downloads"  # the built book's folder for the PDFs (studyguide.cli.handout writes them)
HANDOUTS = {"student": ("student-handout.pdf", "the student handout"),
            "teacher": ("teacher-guide.pdf", "the teacher guide")}
