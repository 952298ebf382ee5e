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

from ..base.errors import InputError
from ..texts.corpus import inside_seeds
from ..texts.pages import chapter_page
from ..texts.sidecar import sidecar_path
from ..texts.text import SUFFIX, read_seed, split_paragraphs


def slug(title: str) -> str:
    words = re.findall(r"[a-z0-9]+", title.lower())
    return "-".join(words[:6]) or "text"


def chapter_path(root: Path, text_id: str) -> Path:
    return root / f"{chapter_page(text_id)}.md"


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
# When it was written: YYYY, YYYY-MM, YYYY-MM-DD, a range START/END,
# START/.. (in or after START), ../END (in or before END), or "unknown".
date = "unknown"
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
    seed = inside_seeds(seed, root)
    if seed.suffix != SUFFIX:
        raise InputError(seed, f"a new text must be a {SUFFIX} file inside seeds/")
    if not seed.exists():
        raise InputError(seed, "no such file")
    blocks = split_paragraphs(read_seed(seed))
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
