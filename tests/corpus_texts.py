"""The test texts of tests/fixtures/texts, their hand-counted expectations, and their entries for the sandbox book.

Every figure here was counted by hand from the files (see fixtures/texts/README.md): how
often each listed word occurs in the body (the title line is not part of it), how many
sentences the body has, and the id ``new`` should make from the title (Chinese: toneless
pinyin per word, from a pinyin dictionary; Arabic, Hebrew, Persian: the title's own words
joined by hyphens, a Persian zero-width non-joiner dropped; Cyrillic: unidecode's table,
я -> ia, ю -> iu, й -> i, ұ -> u, і -> i).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from books import SandboxText

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


def sandbox_texts() -> tuple[SandboxText, ...]:
    """The test texts, each with its sidecar, for the one sandbox build (``sandbox_book``)."""
    return tuple(SandboxText(e.stem, (TEXTS / f"{e.stem}.txt").read_bytes(), (TEXTS / f"{e.stem}.meta.toml").read_bytes())
                 for e in EXPECTED)


def title(expected: Expected) -> str:
    """The text's title: the first line of its file."""
    return (TEXTS / f"{expected.stem}.txt").read_text("utf-8").split("\n", 1)[0]
