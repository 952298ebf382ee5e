"""Scaffolding for a new seed text: its sidecar and its chapter page.

``python -m studyguide new seeds/NAME.txt`` checks the text, then writes
``seeds/NAME.meta.toml`` (to be completed by hand) and
``chapters/texts/ID.md``. It never overwrites a file and never touches the
seed text itself.

- The id is readable whatever the script of the title: it is transliterated to
  Latin letters by ``python-slugify`` (a Russian title gives a Russian reading in
  Latin letters, not "text"), and made unique: when another sidecar or chapter
  page already has it, ``-2``, ``-3``... is added. It is written once, into the
  sidecar, and never recomputed, so it stays stable when the title changes.
- The language is detected from the text (:mod:`studyguide.texts.language`);
  when the text is too short to tell, the sidecar says so in a comment.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

from slugify import slugify

from ..base.errors import InputError
from ..texts.corpus import inside_seeds, seeds_folder
from ..texts.language import detect, language_name
from ..texts.pages import CHAPTER_FOLDER, chapter_page
from ..texts.sidecar import SUFFIX as SIDECAR_SUFFIX
from ..texts.sidecar import sidecar_path
from ..texts.text import SUFFIX, read_seed, require_words, split_paragraphs

ID_WORDS = 6


def slug(title: str) -> str:
    """A readable id from a title in any script: transliterated, lower case, at most :data:`ID_WORDS` words."""
    words = slugify(title, separator="-").split("-")
    return "-".join(w for w in words[:ID_WORDS] if w) or "text"


def ids_in_use(root: Path) -> set[str]:
    """The ids of the sidecars in seeds/ and of the chapter pages, as far as they can be read."""
    used = {page.stem for page in (root / CHAPTER_FOLDER).glob("*.md")}
    for sidecar in seeds_folder(root).glob(f"*{SIDECAR_SUFFIX}"):
        try:
            found = tomllib.loads(sidecar.read_text("utf-8")).get("id")
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            continue  # a broken sidecar is check's business
        if isinstance(found, str):
            used.add(found)
    return used


def unique_id(wanted: str, used: set[str]) -> str:
    """``wanted``, or ``wanted-2``, ``wanted-3``... : the first not in ``used``."""
    candidate, number = wanted, 1
    while candidate in used:
        number += 1
        candidate = f"{wanted}-{number}"
    return candidate


def chapter_path(root: Path, text_id: str) -> Path:
    return root / f"{chapter_page(text_id)}.md"


def sidecar_source(title: str, text_id: str, language: str = "en", language_note: str = "") -> str:
    def q(value: str) -> str:
        return json.dumps(value, ensure_ascii=False)  # a valid TOML basic string

    return f"""# Metadata for the seed text beside this file. Complete what is known;
# keep 'unknown' where it is not. Field reference: chapters/adding-a-text.md.

id = {q(text_id)}
title = {q(title)}
author = "unknown"
language = {q(language)}{language_note}
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
    text_id = unique_id(slug(title), ids_in_use(root))
    body_blocks = blocks[1:] if has_title else blocks
    require_words(seed, body_blocks)  # before anything is written: a text without words cannot be analysed
    body = "\n\n".join(block for _, block in body_blocks)
    found = detect(body)
    if found.sure:
        language, note = found.tag, f"  # detected: {language_name(found.tag)}; correct it if wrong"
    else:
        language = found.tag if found.tag != "und" else "en"
        note = f"  # the text is too short to detect its language reliably ({found.letters} letters): check this"
    sidecar = sidecar_path(seed)
    chapter = chapter_path(root, text_id)
    for path in (sidecar, chapter):
        if path.exists():
            raise InputError(path, "already exists; not overwritten")
    sidecar.write_text(sidecar_source(title, text_id, language, note), "utf-8")
    chapter.parent.mkdir(parents=True, exist_ok=True)
    chapter.write_text(chapter_source(text_id), "utf-8")
    return [sidecar, chapter]
