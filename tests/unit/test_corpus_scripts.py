"""A class corpus, at the package level: each script counted right, ids, verse, titles, tokens, encodings.

The texts are tests/fixtures/texts (written for these tests); every expected figure is
hand-counted (tests/corpus_texts.py), never taken from the code under test.
"""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from corpus_texts import EXPECTED, REFUSED_CP1251, TEXTS, VERSE_LINE_5, VERSE_LINES

from studyguide.analysis.frequency import text_profile, word_counts
from studyguide.analysis.segmenters import NOT_COUNTED, uncounted_scripts
from studyguide.analysis.tokens import sentences, word_spans, words
from studyguide.base.errors import InputError
from studyguide.cli.scaffold import scaffold, slug
from studyguide.texts.language import direction
from studyguide.texts.text import load_text
from support import copy_project


@pytest.fixture(scope="module")
def texts():
    return {e.stem: load_text(TEXTS / f"{e.stem}.txt") for e in EXPECTED}


@pytest.mark.parametrize("expected", EXPECTED, ids=lambda e: e.stem)
def test_each_script_gives_the_hand_counted_words_sentences_and_id(texts, expected):
    text = texts[expected.stem]
    counts = word_counts(text)
    assert {word: counts.get(word, 0) for word in expected.counts} == expected.counts
    assert text_profile(text).sentences == expected.sentences
    assert len(text.paragraphs) == expected.paragraphs
    assert slug(text.title) == expected.id == text.id


def test_chinese_is_segmented_into_words_not_cut_at_punctuation():
    # 油田 / 工人 / 的 / 罢工: four words, not the one stretch between punctuation marks
    assert words("油田工人的罢工。") == ["油田", "工人", "的", "罢工"]
    assert sentences("工人要求更高的工资！公司为什么不回答？好。") == ["工人要求更高的工资！", "公司为什么不回答？", "好。"]


def test_japanese_and_thai_are_segmented_and_scripts_without_a_segmenter_are_not_counted():
    assert words("油田の労働者") == ["油田", "の", "労働", "者"]  # kana in the string: Japanese, not Chinese
    assert words("คนงานน้ำมัน") == ["คนงาน", "น้ำมัน"]  # Thai: "workers", "oil"
    assert words("ຄົນງານ ນ້ຳມັນ and two") == ["and", "two"]  # Lao: not counted, never a phrase as a "word"
    assert uncounted_scripts("ຄົນງານ") == ["Lao"] and set(NOT_COUNTED) == {"Lao", "Khmer", "Myanmar", "Tibetan"}


def test_persian_and_arabic_punctuation_digits_and_joined_words():
    # the zero-width non-joiner keeps one word; ، and ؛ are punctuation; ؟ ends a sentence
    assert words("می\u200cخواهند، کار؛ ۱۵ و ٢٠") == ["می\u200cخواهند", "کار", "۱۵", "و", "٢٠"]
    assert words("٣٫٥ و 1,000") == ["٣٫٥", "و", "1,000"]  # Arabic decimal separator: one number
    # Persian digits with the Arabic decimal separator, the Arabic thousands separator (U+066C): one number each,
    # as the tables list them (key and span alike)
    sample = "۱۲٫۵ و ١٬٠٠٠"
    assert words(sample) == ["۱۲٫۵", "و", "١٬٠٠٠"]
    assert [sample[s:e] for _, s, e in word_spans(sample)] == ["۱۲٫۵", "و", "١٬٠٠٠"]
    assert sentences("چرا؟ کارگران ماندند.") == ["چرا؟", "کارگران ماندند."]


def test_addresses_are_left_out_and_numbers_with_separators_are_one_word():
    sample = "See https://example.org/a.html, www.example.org or fred@example.org: 1,000 at 3.5 in 2011."
    assert words(sample) == ["see", "or", "1,000", "at", "3.5", "in", "2011"]
    assert [key for key, _, _ in word_spans(sample)] == words(sample)
    assert [sample[s:e] for _, s, e in word_spans(sample)][2:5] == ["1,000", "at", "3.5"]


def test_verse_keeps_its_lines_and_its_counts(texts, tmp_path):
    poem = texts["180_verse"]
    assert poem.verse and [len(p.lines) for p in poem.paragraphs] == [4, 4]
    assert poem.paragraphs[1].lines[0] == VERSE_LINE_5 and poem.line_numbers() == {1: 1, 2: 5}
    assert sum(len(p.lines) for p in poem.paragraphs) == VERSE_LINES
    assert text_profile(poem).tokens == 56  # hand-counted: 8+6+8+6 and 6+7+8+7 words a line
    # the same file read as prose (no form field): the same words, the lines joined
    shutil.copyfile(TEXTS / "180_verse.txt", tmp_path / "poem.txt")
    (tmp_path / "poem.meta.toml").write_text((TEXTS / "180_verse.meta.toml").read_text("utf-8").replace('form = "verse"', ""),
                                             "utf-8")
    prose = load_text(tmp_path / "poem.txt")
    assert not prose.verse and "\n" not in prose.paragraphs[0].text
    assert [t for t in word_counts(prose).items()] == [t for t in word_counts(poem).items()]


def test_right_to_left_languages():
    assert [direction(tag) for tag in ("ar", "he", "fa", "fa-IR", "ru", "zh", "de")] == ["rtl"] * 4 + ["ltr"] * 3


def test_ids_per_script():
    assert slug("油田工人的罢工") == "youtian-gongren-de-bagong"  # pinyin per word, not "you-tian-gong-ren"
    assert slug("عمال النفط في الشتاء") == "عمال-النفط-في-الشتاء"
    assert slug("עובדי הנפט בחורף") == "עובדי-הנפט-בחורף"
    assert slug("کارگران نفت می\u200cخواهند") == "کارگران-نفت-میخواهند"


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory):
    return copy_project(tmp_path_factory.mktemp("scripts") / "book")


def test_new_takes_a_chosen_id_several_files_and_skips_blank_lines_before_the_title(sandbox, cli):
    seeds = sandbox / "seeds"
    (seeds / "210_blank.txt").write_text("\n\n   \nA title after blank lines\n\nThe first paragraph, which is long "
                                         "enough to be a paragraph and not a title.\n\nThe second.\n", "utf-8")
    scaffold(seeds / "210_blank.txt", sandbox)
    assert 'title = "A title after blank lines"' in (seeds / "210_blank.meta.toml").read_text("utf-8")
    assert (sandbox / "chapters/texts/a-title-after-blank-lines.md").is_file()

    shutil.copyfile(TEXTS / "110_zh.txt", seeds / "220_zh.txt")
    result = cli(sandbox, "new", "seeds/220_zh.txt", "--id", "oil-strike-zh")
    assert result.returncode == 0, result.stderr
    assert 'id = "oil-strike-zh"' in (seeds / "220_zh.meta.toml").read_text("utf-8")
    taken = cli(sandbox, "new", "seeds/220_zh.txt", "--id", "oil-strike-zh")
    assert taken.returncode == 2 and "already" in taken.stderr and taken.stderr.count("\n") == 1

    for name in ("230_he.txt", "240_fa.txt"):
        shutil.copyfile(TEXTS / f"{name[:3].replace('23', '13').replace('24', '14')}_{name[4:]}", seeds / name)
    both = cli(sandbox, "new", "seeds/230_he.txt", "seeds/240_fa.txt")
    assert both.returncode == 0, both.stderr
    assert (sandbox / "chapters/texts/עובדי-הנפט-בחורף.md").is_file()
    assert (sandbox / "chapters/texts/کارگران-نفت-میخواهند.md").is_file()


def test_a_windows_1251_file_is_named_by_new_check_and_build(tmp_path, cli):
    root = copy_project(tmp_path / "book")
    shutil.copyfile(REFUSED_CP1251, root / "seeds" / "150_ru.txt")
    for command in (["new", "seeds/150_ru.txt"], ["check"], ["build", "--path-output", str(tmp_path / "out")]):
        result = cli(root, *command)
        assert result.returncode == 2, (command, result.stdout, result.stderr)
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr, result.stderr
        assert "seeds/150_ru.txt:1: not valid UTF-8" in result.stderr and "Windows-1251 (Cyrillic" in result.stderr
        assert "cp1252" not in result.stderr and "studyguide new" not in result.stderr


def test_timeline_covers_every_text_and_has_eight_line_styles():
    from studyguide.analysis.placement import TextMark
    from studyguide.base.dates import parse_period
    from studyguide.knowledge.project import load_project
    from studyguide.views.timeline_chart import LINES, chart_span, left_out

    timeline = load_project().timeline
    late = TextMark("A text of 2025", parse_period("2025-03"), "", "")
    first, last = chart_span(timeline, (late,))
    assert last >= dt.date(2025, 3, 1) and first <= dt.date(2011, 12, 16)
    assert len({name for name, _ in LINES}) == len({str(dash) for _, dash in LINES}) == 8
    assert "A text of 2025, March 2025" in left_out((late,), dt.date(2011, 5, 1), dt.date(2012, 12, 31))


def test_check_says_per_text_what_is_counted_and_the_page_lists_the_scripts_not_counted(texts, sandbox):
    from studyguide.analysis.segmenters import SEGMENTED
    from studyguide.views.counting import counted_line as what_is_counted

    assert what_is_counted(texts["180_verse"]) == "56 words counted"  # hand-counted above
    assert "Chinese cut into words by jieba" in what_is_counted(texts["110_zh"])
    kazakh = what_is_counted(texts["160_kk"])
    assert "not computed for Kazakh:" in kazakh and "keyness against general language" in kazakh
    (sandbox / "seeds" / "250_lao.txt").write_text("ຄົນງານ\n\nຄົນງານ ນ້ຳມັນ ຢຸດວຽກ 2011.\n\nສອງ.\n", "utf-8")
    scaffold(sandbox / "seeds" / "250_lao.txt", sandbox)
    lao = load_text(sandbox / "seeds" / "250_lao.txt")
    assert what_is_counted(lao).startswith("1 word counted; not counted: its Lao script (no offline segmenter)")
    page = (sandbox / "chapters" / "adding-a-text.md").read_text("utf-8")
    listed = page[page.index("**not counted**"):][:400]
    for name in NOT_COUNTED:
        assert name in listed, name
    for name in SEGMENTED:
        assert f"**{name}**" in page, name


def plot_width(svg: str) -> float:
    """The width of a chart's plotting area in the SVG (its axes' background, matplotlib's patch_2), in points."""
    import re

    found = re.search(r'<g id="patch_2">\s*<path d="M ([\d.]+) [\d.]+\s*L ([\d.]+) ', svg)
    return float(found.group(2)) - float(found.group(1))


def test_the_timeline_legend_never_narrows_the_plot():
    from studyguide.analysis.placement import TextMark
    from studyguide.base.dates import parse_period
    from studyguide.knowledge.project import load_project
    from studyguide.views.timeline_chart import timeline_chart

    timeline = load_project().timeline
    one = (TextMark("“A short title” (by someone)", parse_period("2012-05"), "", ""),)
    eight = tuple(TextMark(f"“Ein außerordentlich langer Titel eines Textes Nummer {i} mit vielen Wörtern” (by the editors)",
                           parse_period(f"201{i}-0{i + 1}"), "", "") for i in range(8))
    assert plot_width(timeline_chart(timeline, eight).svg) >= plot_width(timeline_chart(timeline, one).svg) - 0.5


def test_a_right_to_left_value_is_isolated_in_an_english_sentence():
    from studyguide.views.prose import prose

    assert prose("“{word}”: {n} times", word="العمال", n=5).data == "“\u2068العمال\u2069”: 5 times"
    assert prose("“{word}”: {n} times", word="workers", n=5).data == "“workers”: 5 times"  # others unchanged


def test_one_log_ratio_per_word_whatever_the_table(texts):
    from studyguide.analysis.keyness import against_general_english, reference_size_effect
    from studyguide.analysis.keywords import word_weights

    german = texts["170_de"]
    counts = word_counts(german)
    chosen = ["arbeiter", "arbeiterschutzgesetzgebungsverfahren", "die"]  # the second is in no general word list
    sizes = (1_000_000, 10_000_000, 100_000_000, 1_000_000_000)
    by_size = {row[0]: row[-1] for row in reference_size_effect(counts, chosen, sizes, "de")}
    weights = {weight.word: round(weight.log_ratio, 2) for weight in word_weights(german, chosen)}
    keyness = {k.word: round(k.log_ratio, 2) for k in against_general_english(counts, "de", min_count=1)}
    assert by_size == weights == {word: keyness[word] for word in chosen}


def test_beyond_eight_lines_each_text_line_is_numbered():
    from studyguide.analysis.placement import TextMark
    from studyguide.base.dates import parse_period
    from studyguide.knowledge.project import load_project
    from studyguide.views.timeline_chart import timeline_chart

    marks = tuple(TextMark(f"“Text {n}”", parse_period(f"{2010 + n}-05"), "", "") for n in range(10))
    chart = timeline_chart(load_project().timeline, marks)
    # styles repeat after eight (line 10 is dotted like line 2), so every line carries its number
    assert "(day not known) (line 10, dotted)" in chart.alt and "(day not known) (line 2, dotted)" in chart.alt
    assert "10. “Text 9”: May 2019" in chart.svg
    assert "“Text 9”, May 2019" in chart.alt and "May 2019, the month of line 10" in chart.alt


@pytest.mark.parametrize("content", [REFUSED_CP1251.read_bytes(), b"...\n\n!!! ???\n", "ຄົນງານ\n\nນ້ຳມັນ\n".encode()],
                         ids=["windows-1251", "punctuation", "lao"])
def test_a_file_new_refuses_is_refused_for_its_reason_before_its_missing_sidecar(tmp_path, content):
    (tmp_path / "x.txt").write_bytes(content)
    with pytest.raises(InputError) as refused:
        load_text(tmp_path / "x.txt")
    reason = refused.value.reason  # the message without the file's name
    assert "sidecar" not in reason and "new" not in reason
    assert "Windows-1251" in reason or "no words to count" in reason
