"""The test texts of tests/fixtures/texts, their hand-counted expectations, and one sandbox build of them all.

Every figure here was counted by hand from the files (see fixtures/texts/README.md): how
often each listed word occurs in the body (the title line is not part of it), how many
sentences the body has, and the id ``new`` should make from the title (Chinese: toneless
pinyin per word, from a pinyin dictionary; Arabic, Hebrew, Persian: the title's own words
joined by hyphens, a Persian zero-width non-joiner dropped; Cyrillic: unidecode's table,
я -> ia, ю -> iu, й -> i, ұ -> u, і -> i).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from studyguide.cli.sandbox import copy_project
from studyguide.cli.scaffold import chapter_path, chapter_source
from support import ROOT, build

TEXTS = Path(__file__).with_name("fixtures") / "texts"
REFUSED_CP1251 = TEXTS / "refused" / "ru-windows-1251.txt"


@dataclass(frozen=True)
class Expected:
    stem: str  # the file name without .txt
    id: str
    language: str
    sentences: int
    counts: dict[str, int]  # word (its key: lower case) -> occurrences in the body
    paragraphs: int = 3


EXPECTED = (
    Expected("110_zh", "youtian-gongren-de-bagong", "zh", 7,
             {"油田": 3, "工人": 4, "罢工": 2, "公司": 1, "广场": 1, "工资": 1}),
    Expected("120_ar", "عمال-النفط-في-الشتاء", "ar", 5,
             {"العمال": 4, "الساحة": 2, "في": 3, "إلى": 2, "٢٠": 1, "الشتاء": 1}),
    Expected("130_he", "עובדי-הנפט-בחורף", "he", 5,
             {"העובדים": 3, "לעובדים": 1, "בחורף": 1, "החברה": 1, "שכר": 1}),
    Expected("140_fa", "کارگران-نفت-میخواهند", "fa", 4,
             {"کارگران": 3, "می\u200cخواهند": 1, "خانواده\u200cها": 1, "۱۵": 1, "کار": 1, "نفت": 1}),
    Expected("150_ru", "neftianiki-trebuiut-spravedlivosti", "ru", 5,
             {"нефтяники": 3, "на": 2, "площади": 1, "площадь": 1, "зиму": 1}),
    Expected("160_kk", "munaishylar-ereuili", "kk", 5,
             {"мұнайшылар": 3, "компания": 1, "алаңда": 1, "қыс": 1, "жұмысқа": 1}),
    Expected("170_de", "arbeiterschutzgesetzgebungsverfahren", "de", 5,
             {"die": 4, "arbeiter": 3, "arbeiterschutzgesetzgebungsverfahren": 1, "im": 2, "löhne": 1}),
    Expected("180_verse", "song-of-the-cold-square", "en", 2,
             {"the": 6, "we": 4, "square": 2, "counted": 2, "and": 3}, paragraphs=2),
    Expected("190_numbers", "numbers-from-the-strike", "en", 4,
             {"1,000": 2, "3.5": 2, "example": 1, "https": 0, "org": 0, "workers": 1, "2011": 1}, paragraphs=2),
)
BY_LANGUAGE = {e.language: e for e in EXPECTED if e.language != "en"}
VERSE_LINES = 8  # the poem: two stanzas of four lines
VERSE_LINE_5 = "We counted days like rusted coins,"
GERMAN_WORD = "Arbeiterschutzgesetzgebungsverfahren"


def add_texts(root: Path) -> Path:
    """Put every test text (and its sidecar and chapter page) into the project copy at ``root``."""
    for expected in EXPECTED:
        for suffix in (".txt", ".meta.toml"):
            shutil.copyfile(TEXTS / f"{expected.stem}{suffix}", root / "seeds" / f"{expected.stem}{suffix}")
        chapter_path(root, expected.id).write_text(chapter_source(expected.id), "utf-8")
    return root


_BUILT: dict[str, Path] = {}


def corpus_book(tmp_path_factory) -> Path:
    """The built HTML of the seed plus every test text: built once per test run, shared by the build
    and browser tests (each module's fixture calls this)."""
    if "html" not in _BUILT:
        root = add_texts(copy_project(ROOT, tmp_path_factory.mktemp("corpus") / "book"))
        output = root.parent / "out"
        result = build(root, output)
        assert result.returncode == 0, (result.stdout + result.stderr)[-6000:]
        _BUILT["html"] = output / "_build" / "html"
        _BUILT["log"] = result.stdout + result.stderr
    return _BUILT["html"]


def build_log() -> str:
    return _BUILT.get("log", "")
