"""Any text, any script: one tokenising path, languages detected and respected, no misleading numbers."""

from __future__ import annotations

import random
import unicodedata

import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from studyguide import load_corpus
from studyguide.analysis import address, sentiment, themes
from studyguide.analysis.concordance import concordance
from studyguide.analysis.dispersion import positions
from studyguide.analysis.frequency import rank_of, stopwords, text_profile, text_tokens, top_words, word_counts
from studyguide.analysis.keyness import against_general_english, against_others, general_frequency, reference_size_effect
from studyguide.analysis.keywords import highlight_words, key_words, word_weights
from studyguide.analysis.languages import applies, comparison_notice, general_reference, language_notice
from studyguide.analysis.overview import text_overview
from studyguide.analysis.tokens import APOSTROPHES, HYPHENS, key, sentences, word_spans, words
from studyguide.knowledge.lexicon import read_lexicon
from studyguide.texts.language import detect, language_name, language_problem
from studyguide.views import address_tables, sentiment_tables, theme_tables
from studyguide.views.size_tables import paragraph_rows
from studyguide.views.word_tables import weight_rows
from support import ROOT, TEXT_ID, titled_sidecar

RUSSIAN = ("Рабочие нефтяной отрасли Казахстана бастовали несколько месяцев в 2011 году. Они требовали повышения "
           "заработной платы и права на независимые профсоюзы. Компания уволила сотни бастующих, а власти не вмешивались. "
           "Шестнадцатого декабря полиция открыла огонь по людям на площади города, и многие были ранены.")
KAZAKH = ("Жаңаөзендегі мұнайшылар ереуілі 2011 жылы мамыр айында басталды. Жұмысшылар жалақыны көтеруді және "
          "тәуелсіз кәсіподақ құру құқығын талап етті. Компания жүздеген ереуілшіні жұмыстан шығарды, ал билік "
          "араласпады. Желтоқсанның он алтысында полиция алаңдағы адамдарға оқ атты.")
HINDI = "नमस्ते दुनिया। मजदूरों ने हड़ताल की और वेतन की मांग की। पुलिस ने गोली चलाई।"
DECOMPOSED = "Cafe\u0301 workers met at the cafe\u0301. The café was full."


def sidecar(text_id: str, language: str, title: str = "A Title") -> str:
    return titled_sidecar(text_id, title, language)


@pytest.fixture
def scripts(project):
    """A corpus of one text per script: Russian, Kazakh, Hindi, decomposed accents, mixed scripts."""
    root = project({
        "a.txt": f"A Title\n\n{RUSSIAN}\n\n{RUSSIAN}\n", "a.meta.toml": sidecar("ru", "ru"),
        "b.txt": f"A Title\n\n{KAZAKH}\n", "b.meta.toml": sidecar("kk", "kk"),
        "c.txt": f"A Title\n\n{HINDI}\n\n{HINDI}\n", "c.meta.toml": sidecar("hi", "hi"),
        "d.txt": f"A Title\n\n{DECOMPOSED}\n\nThey don't stop; they don’t stop. Self\u2010organization, self\u2011organization, "
                 "self-organization.\n", "d.meta.toml": sidecar("en", "en"),
        "e.txt": "A Title\n\nThe workers of Жаңаөзен and the café of नमस्ते met.\n", "e.meta.toml": sidecar("mixed", "en"),
    })
    return load_corpus(root)


# --- tokens ------------------------------------------------------------------------------


def test_one_word_whatever_the_apostrophe_or_hyphen_or_normal_form():
    assert words(DECOMPOSED)[:1] == ["café"] and words(DECOMPOSED).count("café") == 3
    assert len(set(words("don't don’t donʼt don‘t"))) == 1 and len(words("don't don’t donʼt don‘t")) == 4
    assert words("self\u2010organization self\u2011organization self-organization") == ["self-organization"] * 3
    assert words("a \u2010 b") == ["a", "b"]  # a Unicode hyphen between spaces is a dash, as "-" is
    assert words("नमस्ते दुनिया") == ["नमस्ते", "दुनिया"]
    assert words("Жаңаөзен") == ["жаңаөзен"]
    assert sentences(HINDI) == ["नमस्ते दुनिया।", "मजदूरों ने हड़ताल की और वेतन की मांग की।", "पुलिस ने गोली चलाई।"]


def test_words_equal_the_keys_of_word_spans_on_random_strings_of_every_script():
    alphabet = ("abcXYZ019 éЖңөं्क\u0301\u0308\u093f\u200d" + APOSTROPHES + HYPHENS + ".,;!?\"“”«»—–…।_ \n\tİßΣς")
    rng = random.Random(12)
    for _ in range(3000):
        sample = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        spans = word_spans(sample)
        assert words(sample) == [w for w, _, _ in spans], repr(sample)
        assert all(key(sample[start:end]) == w for w, start, end in spans), repr(sample)
        assert all(unicodedata.is_normalized("NFC", w) for w, _, _ in spans)


def test_every_count_agrees_on_every_script(scripts):
    for text in scripts:
        tokens = text_tokens(text)
        assert text_overview(text).tokens == text_profile(text).tokens == len(tokens) == sum(word_counts(text).values())
        assert sum(row[2] for row in paragraph_rows(text)) == len(tokens)
        for word, count in word_counts(text).most_common(3):
            assert len(concordance(text, word)) == len(positions(tokens, word)) == count


def test_decomposed_words_are_found_and_shown_as_written(scripts):
    text = scripts["en"]
    lines = concordance(text, "café")
    assert len(lines) == 3 and [line.keyword for line in lines] == ["Cafe\u0301", "cafe\u0301", "café"]
    shown = [line.keyword for line in concordance(text, "don't")]
    assert shown == ["don't", "don’t"]  # one word, each shown as written
    assert word_counts(text)["self-organization"] == 3


def test_one_rank_convention(scripts):
    counts = word_counts(scripts["en"])
    assert all(w.rank == rank_of(counts, w.word) for w in top_words(counts, 30))
    ties = [w for w in top_words(counts, 30) if w.count == 1]
    assert len({w.rank for w in ties}) == 1


# --- languages ---------------------------------------------------------------------------


def test_detection_names_the_language_and_knows_when_it_cannot_tell():
    assert detect(RUSSIAN).tag == "ru" and detect(RUSSIAN).sure
    assert detect(KAZAKH).tag == "kk" and detect(HINDI).tag == "hi"
    assert not detect("Жаңаөзен").sure
    assert language_problem("ru", RUSSIAN) is None and language_problem("ru-Cyrl", RUSSIAN) is None
    level, message = language_problem("en", RUSSIAN)
    assert level == "error" and "'en' (English)" in message and "Russian ('ru')" in message
    assert language_problem("en", "Привет, мир.")[0] == "warning"
    assert language_problem("xx", RUSSIAN)[0] == "warning"
    assert language_name("kk-Cyrl") == "Kazakh"


def test_each_analysis_applies_only_where_it_has_data(scripts):
    russian, kazakh, english = scripts["ru"], scripts["kk"], scripts["en"]
    for analysis in ("sentiment", "themes", "address"):
        assert applies(english, analysis) and not applies(russian, analysis)
        notice = language_notice(russian, analysis)
        assert "not computed" in notice and "Russian" in notice
        assert language_notice(english, analysis) is None
    assert general_reference("ru") == "ru" and general_reference("kk") is None
    assert applies(russian, "general") and not applies(kazakh, "general")
    assert "wordfreq" in language_notice(kazakh, "general")
    assert stopwords("ru") and "и" in stopwords("ru") and not stopwords("kk")
    assert "no list for Kazakh" in language_notice(kazakh, "stopwords")


def test_no_misleading_numbers_for_a_text_not_in_english(scripts, capsys):
    russian, kazakh = scripts["ru"], scripts["kk"]
    lexicon = read_lexicon(ROOT / "data" / "themes.toml")
    assert sentiment.sentence_scores(russian) == [] and sentiment_tables.paragraph_rows(russian) == []
    assert themes.score_paragraphs(russian, lexicon) == [] and themes.score_sentences(russian, lexicon) == []
    assert address.paragraph_address(russian) == [] and address_tables.address_rows(russian) == []
    assert address.author_totals(russian) is None
    totals = address_tables.author_totals(russian)
    assert totals[0] == "Not computed" and "Russian" in totals[1] and set(totals[2:]) == {"–"}
    assert "Author's own voice" not in " ".join(map(str, totals))
    assert address.voice_rows(russian) == [(1, "no", "no"), (2, "no", "no")]
    # Kazakh: wordfreq has no Kazakh; it must not quietly compare with Russian (nor print a warning)
    assert against_general_english(word_counts(kazakh), "kk") == [] and general_frequency("және", "kk") == 0.0
    assert reference_size_effect(word_counts(kazakh), ["және"], [10, 100], "kk") == []
    assert capsys.readouterr().err == ""
    assert not any("distinctive" in why for _, why in key_words(kazakh))
    assert word_weights(kazakh, ["және"])[0].general_per_1000 is None
    assert weight_rows(word_weights(kazakh, ["және"]))[0][4] == "-"
    assert highlight_words(kazakh)  # falls back to frequent words


def test_texts_are_compared_only_with_texts_in_their_language(scripts):
    russian = scripts["ru"]
    others = [word_counts(t) for t in scripts if t.id != russian.id]
    assert against_others(word_counts(russian), others) == []  # no other Russian text
    assert "only text in Russian" in comparison_notice(russian, scripts)
    english = scripts["en"]
    assert comparison_notice(english, scripts) is None  # "mixed" is English too


def test_every_analysis_runs_on_every_script(scripts):
    lexicon = read_lexicon(ROOT / "data" / "themes.toml")
    for text in scripts:
        counts = word_counts(text)
        key_words(text), highlight_words(text), word_weights(text, list(counts)[:3])
        against_general_english(counts, text.language)
        sentiment_tables.paragraph_rows(text), address_tables.address_rows(text), address_tables.author_totals(text)
        theme_tables.tracker_rows(themes.score_paragraphs(text, lexicon), lexicon)
        assert text_profile(text).tokens > 0


# --- sentiment: the reference VADER --------------------------------------------------------


def test_every_sentence_of_the_seed_scores_as_the_reference_vader():
    reference = SentimentIntensityAnalyzer()
    text = load_corpus(ROOT)[TEXT_ID]
    scores = sentiment.sentence_scores(text)
    assert len(scores) == sum(len(sentences(text.reading(p.number))) for p in text.paragraphs)
    for score in scores:
        assert score.compound == reference.polarity_scores(score.sentence)["compound"], score.sentence
    # where NLTK's port said 0.0 (it strips the punctuation differently)
    assert sentiment.sentence_with(text, 'Some sort of "free"').compound == pytest.approx(0.4601)
