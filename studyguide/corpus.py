"""The collection of seed texts: discovery, stable order, and corpus-wide checks."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError
from .sidecar import SUFFIX as SIDECAR_SUFFIX
from .text import SUFFIX as TEXT_SUFFIX
from .text import Text, load_text

ROOT_ENV = "STUDYGUIDE_ROOT"


@dataclass(frozen=True)
class Corpus:
    """All seed texts, ordered by file name (the order of the book's chapters)."""

    root: Path
    texts: tuple[Text, ...]

    def __iter__(self):
        return iter(self.texts)

    def __len__(self) -> int:
        return len(self.texts)

    def __getitem__(self, text_id: str) -> Text:
        for text in self.texts:
            if text.id == text_id:
                return text
        raise KeyError(f"no text with id {text_id!r}; known: {', '.join(t.id for t in self.texts)}")


def project_root(start: Path | None = None) -> Path:
    """The folder holding ``_config.yml`` and ``seeds/``: $STUDYGUIDE_ROOT, or the first such folder upward."""
    if os.environ.get(ROOT_ENV):
        return Path(os.environ[ROOT_ENV]).resolve()
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "_config.yml").is_file() and (folder / "seeds").is_dir():
            return folder
    raise InputError(here, "not inside the study guide (no _config.yml with a seeds/ folder here or above)")


def seed_paths(seeds: Path) -> list[Path]:
    """Seed texts in ``seeds/``, sorted by name; stray sidecars are an error."""
    if not seeds.is_dir():
        raise InputError(seeds, "no seeds folder")
    texts = sorted(p for p in seeds.iterdir() if p.suffix == TEXT_SUFFIX and p.is_file())
    names = {p.stem for p in texts}
    for sidecar in sorted(seeds.glob("*" + SIDECAR_SUFFIX)):
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
    for path in seed_paths(root / "seeds"):
        text = load_text(path)
        if text.id in seen:
            raise InputError(text.meta.path, f"duplicate id '{text.id}' (also used by {seen[text.id].name})")
        seen[text.id] = text.meta.path
        texts.append(text)
    return Corpus(root=root, texts=tuple(texts))
