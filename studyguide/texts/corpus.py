"""The collection of seed texts: discovery, stable order, and corpus-wide checks.

Seeds are regular files directly inside the project's ``seeds/`` folder. A
symbolic link (to a file, or a ``seeds/`` folder that is itself a link) or any
path that resolves outside ``seeds/`` is refused: only what is in ``seeds/`` is
ever published.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..base.collection import Keyed
from ..base.errors import InputError
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


def project_root(start: Path | None = None) -> Path:
    """The folder holding ``_config.yml`` and ``seeds/``: $STUDYGUIDE_ROOT, or the first such folder upward."""
    if os.environ.get(ROOT_ENV):
        return Path(os.environ[ROOT_ENV]).resolve()
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "_config.yml").is_file() and (folder / SEEDS).is_dir():
            return folder
    raise InputError(here, "not inside the study guide (no _config.yml with a seeds/ folder here or above)")


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
    texts = [p for p in entries if p.suffix == TEXT_SUFFIX and p.is_file()]
    names = {p.stem for p in texts}
    for sidecar in (p for p in entries if p.name.endswith(SIDECAR_SUFFIX)):
        if sidecar.name.removesuffix(SIDECAR_SUFFIX) not in names:
            raise InputError(sidecar, f"sidecar without a text (expected {sidecar.name.removesuffix(SIDECAR_SUFFIX)}{TEXT_SUFFIX} beside it)")
    if not texts:
        raise InputError(seeds, f"no seed texts (*{TEXT_SUFFIX})")
    return texts


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
