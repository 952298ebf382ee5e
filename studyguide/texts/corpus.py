"""The collection of seed texts: discovery, stable order, and corpus-wide checks.

Seeds are regular files directly inside the project's ``seeds/`` folder. A
symbolic link (to a file, or a ``seeds/`` folder that is itself a link) or any
path that resolves outside ``seeds/`` is refused: only what is in ``seeds/`` is
ever published.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..base.collection import Keyed
from ..base.errors import InputError
from .current import each
from .pages import CHAPTER_FOLDER, chapter_page
from .sidecar import SUFFIX as SIDECAR_SUFFIX
from .text import SUFFIX as TEXT_SUFFIX
from .text import Text, load_text

ROOT_ENV = "STUDYGUIDE_ROOT"
SEEDS = "seeds"


@dataclass(frozen=True)
class Corpus(Keyed[Text], items="texts", kind="text"):
    """All seed texts, ordered by file name (the order of the book's chapters); ``corpus[id]`` finds one."""

    root: Path
    texts: tuple[Text, ...]

    def __iter__(self) -> Iterator[Text]:
        return each(self.texts)  # a failure inside the loop can name its text (texts.current)


def project_root(start: Path | None = None) -> Path:
    """The folder holding ``_config.yml`` and ``seeds/``: $STUDYGUIDE_ROOT, or the first such folder upward."""
    if os.environ.get(ROOT_ENV):
        return Path(os.environ[ROOT_ENV]).resolve()
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "_config.yml").is_file() and (folder / SEEDS).is_dir():
            return folder
    raise InputError(here, "not inside the study guide (no _config.yml with a seeds/ folder here or above); "
                     f"run the notebook's first cell, or set {ROOT_ENV} to the guide's folder")


def seeds_folder(root: Path) -> Path:
    """``root/seeds``, refused when it is missing, a symbolic link, or elsewhere on disk."""
    seeds = Path(root) / SEEDS
    if seeds.is_symlink():
        raise InputError(seeds, "is a symbolic link; seeds/ must be a real folder of the project")
    if not seeds.is_dir():
        raise InputError(seeds, "no seeds folder")
    return seeds


def inside_seeds(path: Path, root: Path) -> Path:
    """``path`` when it names a file directly inside ``root/seeds`` (not through a link); else an error."""
    seeds = seeds_folder(root)
    path = Path(path)
    if path.is_symlink():
        raise InputError(path, "is a symbolic link; a seed must be a regular file inside seeds/")
    if path.absolute().parent.resolve() != seeds.resolve() or ".." in path.parts:
        raise InputError(path, "is not inside seeds/; a text must be a file in the project's seeds/ folder")
    return path.absolute()


def seed_paths(root: Path) -> list[Path]:
    """Seed texts in ``root/seeds``, sorted by name; links, stray sidecars and other oddities are errors."""
    seeds = seeds_folder(root)
    entries = sorted(seeds.iterdir())
    for entry in entries:
        if entry.name.endswith((TEXT_SUFFIX, SIDECAR_SUFFIX)) and entry.is_symlink():
            raise InputError(entry, "is a symbolic link; seeds and sidecars must be regular files inside seeds/")
    for entry in entries:
        if entry.name.endswith((TEXT_SUFFIX, SIDECAR_SUFFIX)) and not entry.is_file():
            raise InputError(entry, "not a regular file (a folder, a named pipe...); seeds and sidecars must be "
                                    "plain files inside seeds/")
    texts = [p for p in entries if p.suffix == TEXT_SUFFIX]
    names = {p.stem for p in texts}
    for sidecar in (p for p in entries if p.name.endswith(SIDECAR_SUFFIX)):
        if sidecar.name.removesuffix(SIDECAR_SUFFIX) not in names:
            raise InputError(sidecar, f"sidecar without a text (expected {sidecar.name.removesuffix(SIDECAR_SUFFIX)}{TEXT_SUFFIX} beside it)")
    if not texts:
        raise InputError(seeds, f"no seed texts (*{TEXT_SUFFIX})")
    return texts


CHAPTER_DIRECTIVE = re.compile(r"^\s*(`{3,}|:{3,})\{seed-text\}\s*(\S*)")


def chapter_pages(root: Path) -> list[Path]:
    """The text chapter pages, ``chapters/texts/*.md``, sorted by name."""
    return sorted((Path(root) / CHAPTER_FOLDER).glob("*.md"))


def check_chapters(corpus: Corpus) -> None:
    """Every text has its chapter page and every chapter page renders an existing text; else one error naming the file.

    A page ``chapters/texts/ID.md`` must hold the directive ``{seed-text} ID`` of its
    own id, and that id must be a text's. Both ``check`` and the build call this.
    """
    pages = chapter_pages(corpus.root)
    ids = {text.id for text in corpus}
    for page in pages:
        if page.is_symlink() or not page.is_file():
            raise InputError(page, "is not a regular file; a chapter page must be a plain file in the project")
        found = [(n, m.group(2)) for n, line in enumerate(page.read_text("utf-8", errors="replace").split("\n"), 1)
                 if (m := CHAPTER_DIRECTIVE.match(line))]
        if not found:
            raise InputError(page, f"chapter page without a {{seed-text}} directive; it should hold {{seed-text}} {page.stem}", 1)
        line, named = found[0]
        if named not in ids:
            raise InputError(page, f"chapter page without a text: no sidecar in seeds/ has id '{named}' "
                                   "(remove this page if its text was removed)", line)
        if named != page.stem:
            raise InputError(page, f"chapter page of '{named}' is named {page.name}; rename it to {named}.md", line)
    with_page = {page.stem for page in pages}
    for text in corpus:
        if text.id not in with_page:
            raise InputError(text.meta.path, f"text '{text.id}' has no chapter page; write {chapter_page(text.id)}.md "
                                             f"holding the directive {{seed-text}} {text.id}")


def load_corpus(root: Path | str | None = None) -> Corpus:
    """Load and check every seed text under ``root/seeds``."""
    root = Path(root).resolve() if root else project_root()
    texts: list[Text] = []
    seen: dict[str, Path] = {}
    for path in seed_paths(root):
        text = load_text(path)
        if text.id in seen:
            raise InputError(text.meta.path, f"duplicate id '{text.id}' (also used by {seen[text.id].name})")
        seen[text.id] = text.meta.path
        texts.append(text)
    return Corpus(root=root, texts=tuple(texts))
