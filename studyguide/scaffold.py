"""Scaffolding for a new seed text: its sidecar and its chapter page.

``python -m studyguide new seeds/NAME.txt`` checks the text, then writes
``seeds/NAME.meta.toml`` (to be completed by hand) and
``chapters/texts/ID.md``. It never overwrites a file and never touches the
seed text itself.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from .errors import InputError
from .sidecar import sidecar_path
from .text import decode, split_paragraphs

CHAPTER_DIR = Path("chapters") / "texts"


def slug(title: str) -> str:
    words = re.findall(r"[a-z0-9]+", title.lower())
    return "-".join(words[:6]) or "text"


def chapter_path(root: Path, text_id: str) -> Path:
    return root / CHAPTER_DIR / f"{text_id}.md"


def sidecar_source(title: str, text_id: str) -> str:
    def q(value: str) -> str:
        return json.dumps(value, ensure_ascii=False)  # a valid TOML basic string

    return f"""# Metadata for the seed text beside this file. Complete what is known;
# keep 'unknown' where it is not. Field reference: chapters/adding-a-text.md.

id = {q(text_id)}
title = {q(title)}
author = "unknown"
language = "en"
published_in = "unknown"
date = "unknown"
date_precision = "unknown"
date_note = "Not yet researched."
source_urls = []

# Paragraphs that quote another text, e.g. quotations = [7]
quotations = []

# One entry per apparent slip in the original; the text itself is never corrected.
# [[notes]]
# paragraph = 1
# original = "tbe"
# reading = "the"
# note = "Apparent typing slip for 'the'."
"""


def chapter_source(text_id: str) -> str:
    return f"""```{{seed-text}} {text_id}
```
"""


def scaffold(seed: Path, root: Path) -> list[Path]:
    """Write the sidecar and chapter page for ``seed``; return the paths written."""
    seed = seed.resolve()
    if seed.parent != (root / "seeds").resolve() or seed.suffix != ".txt":
        raise InputError(seed, "a new text must be a .txt file inside seeds/")
    if not seed.is_file():
        raise InputError(seed, "no such file")
    blocks = split_paragraphs(decode(seed, seed.read_bytes()))
    first = blocks[0][1]
    has_title = len(blocks) > 1 and len(first) <= 200 and "\n" not in first
    title = first if has_title else seed.stem
    text_id = slug(title)
    sidecar = sidecar_path(seed)
    chapter = chapter_path(root, text_id)
    for path in (sidecar, chapter):
        if path.exists():
            raise InputError(path, "already exists; not overwritten")
    sidecar.write_text(sidecar_source(title, text_id), "utf-8")
    chapter.parent.mkdir(parents=True, exist_ok=True)
    chapter.write_text(chapter_source(text_id), "utf-8")
    return [sidecar, chapter]
