"""Scaffolding for a new seed text: its sidecar and its chapter page.

``python -m studyguide new seeds/NAME.txt`` checks the text, then writes
``seeds/NAME.meta.toml`` (to be completed by hand) and
``chapters/texts/ID.md``. It never overwrites a file and never touches the
seed text itself.

- The id is readable whatever the script of the title (:func:`slug`): a Chinese
  title is written in toneless pinyin, one part per word as the segmenter cuts it
  ("油田工人的罢工" -> ``youtian-gongren-de-bagong``, never half a word); an Arabic,
  Hebrew or Persian title stays in its own letters (a Unicode id, ``عمال-النفط``);
  other scripts are transliterated to Latin letters by ``python-slugify`` (a
  Russian title gives a Russian reading in Latin letters, not "text"). ``--id``
  lets the teacher choose it instead. It is made unique: when another sidecar or
  chapter page already has it, ``-2``, ``-3``... is added. It is written once, into
  the sidecar, and never recomputed, so it stays stable when the title changes.
- The title is the first line that is not blank when it stands alone (a blank line
  after it) and is at most :data:`MAX_TITLE` characters long; otherwise the text has
  no title line and its file name stands in.
- The language is detected from the text (:mod:`studyguide.texts.language`);
  when the text is too short to tell, the sidecar says so in a comment.
"""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

from slugify import slugify

from ..analysis.segmenters import HAN, KANA, segment
from ..base.errors import InputError
from ..texts.corpus import inside_seeds, seeds_folder
from ..texts.language import detect, language_name
from ..texts.pages import CHAPTER_FOLDER, chapter_page
from ..texts.sidecar import SUFFIX as SIDECAR_SUFFIX
from ..texts.sidecar import TEXT_ID, sidecar_path
from ..texts.text import SUFFIX, read_seed, require_words, split_paragraphs

ID_WORDS = 6
MAX_TITLE = 200
_CHINESE = re.compile(f"[{HAN}]")
_JAPANESE = re.compile(f"[{KANA}]")
_OWN_LETTERS = re.compile(r"[\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\ufb1d-\ufdff\ufe70-\ufeff]")  # Hebrew, Arabic


def _pinyin(title: str) -> str:
    """A Chinese title in toneless pinyin, one hyphenated part per word as jieba cuts it."""
    from pypinyin import lazy_pinyin

    parts = []
    for piece in re.split(r"\s+", title):
        for start, end in segment(piece) if _CHINESE.search(piece) else [(0, len(piece))]:
            parts.append("".join(lazy_pinyin(piece[start:end])))
    return " ".join(parts)


def slug(title: str) -> str:
    """A readable id from a title in any script, lower case, at most :data:`ID_WORDS` words (see the module)."""
    if _CHINESE.search(title) and not _JAPANESE.search(title):
        words = slugify(_pinyin(title), separator="-").split("-")
    elif _OWN_LETTERS.search(title):
        # a zero-width non-joiner inside a Persian word is dropped, not made a hyphen: the word stays one
        words = slugify(title.replace("\u200c", ""), separator="-", allow_unicode=True).split("-")
    else:
        words = slugify(title, separator="-").split("-")
    return "-".join(w for w in words[:ID_WORDS] if w) or "text"


def find_title(blocks: list[tuple[int, str]], lines: list[str]) -> str | None:
    """The title line of a text (blank lines before it skipped): its first block when that is one line, short
    enough, and followed by more text; else None."""
    if len(blocks) < 2:
        return None
    line, first = blocks[0]
    alone = line >= len(lines) or not lines[line].strip()  # the next line is blank: the block is one line
    return first if alone and len(first) <= MAX_TITLE else None


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


def seeds_named(paths: list[Path], root: Path) -> list[Path]:
    """The seed texts named: files as given, and each folder's ``*.txt`` files (sorted) without a sidecar yet."""
    found: list[Path] = []
    for path in paths:
        if Path(path).is_dir() and not Path(path).is_symlink() and Path(path).suffix != SUFFIX:  # "x.txt/" is no seed
            found += [p for p in sorted(Path(path).glob(f"*{SUFFIX}")) if not sidecar_path(p).exists()]
        else:
            found.append(Path(path))
    return found


def chosen_id(wanted: str, seed: Path, root: Path) -> str:
    """The id the teacher gave with ``--id``, when it is well formed and not in use; else one error line."""
    if not TEXT_ID.fits(wanted):
        raise InputError(seed, f"--id {wanted!r}: an id is {TEXT_ID.doc}")
    if wanted in ids_in_use(root):
        raise InputError(seed, f"--id {wanted!r} is already used by another text or chapter page; choose another")
    return wanted


def scaffold(seed: Path, root: Path, text_id: str | None = None) -> list[Path]:
    """Write the sidecar and chapter page for ``seed`` (its id ``text_id`` when given); return the paths written."""
    seed = inside_seeds(seed, root)
    if seed.suffix != SUFFIX:
        raise InputError(seed, f"a new text must be a {SUFFIX} file inside seeds/")
    if not seed.exists():
        raise InputError(seed, "no such file")
    source = read_seed(seed)
    blocks = split_paragraphs(source)
    found_title = find_title(blocks, source.split("\n"))
    has_title = found_title is not None
    title = found_title or seed.stem
    body_blocks = blocks[1:] if has_title else blocks
    require_words(seed, body_blocks)  # before anything is written: a text without words cannot be analysed
    text_id = chosen_id(text_id, seed, root) if text_id else unique_id(slug(title), ids_in_use(root))
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
