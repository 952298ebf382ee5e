"""The words page's per-text sections: each a function of one text, shown for the chosen text (:mod:`.picker`).

Each returns what the section displays for ``text`` (a table, a chart, a sentence, or a list of them),
or None when the section has nothing for it; the notebook hands it to :func:`.picker.by_text`.
"""

from __future__ import annotations

from IPython.display import HTML

from ..analysis.collocation import MEASURE_NAME, top_ngrams, word_pairs
from ..analysis.concordance import concordance
from ..analysis.frequency import (
    paragraph_words,
    reading_rows,
    stopword_share,
    stopwords,
    text_profile,
    text_tokens,
    top_words,
    word_counts,
)
from ..analysis.keyness import CRITICAL_G2, MIN_COUNT, against_general_english, against_others, distinctive, reference_size_effect
from ..analysis.keywords import address_words, highlight_words, word_weights
from ..analysis.languages import applies, comparison_notice, language_notice
from ..texts.language import language_name
from ..texts.text import Text
from .dispersion_plot import dispersion_figure
from .keyness_chart import keyness_chart
from .kwic import kwic_html
from .prose import prose
from .tables import table
from .word_explorer import word_explorer
from .word_tables import (
    FREQUENCY_HEADERS,
    KEYWORD_HEADERS,
    READING_HEADERS,
    WEIGHT_HEADERS,
    WORD_PAIR_HEADERS,
    frequency_rows,
    keyword_rows,
    weight_rows,
    word_pair_rows,
)

SIZES = (1_000_000, 10_000_000, 100_000_000, 1_000_000_000)  # assumed sizes of the general reference
FEW_TEXTS = 8  # as many texts as the timeline has line styles: beyond, the corpus views take over


def readings(text: Text):
    return table(f"Editors' readings used for counting in “{text.title}”", READING_HEADERS, reading_rows(text),
                 empty=f"The editors give no readings for “{text.title}”: its words are counted as written.")


def frequent(text: Text) -> list:
    counts = word_counts(text)
    shown = [table(f"“{text.title}”: the 20 most frequent words", FREQUENCY_HEADERS,
                   frequency_rows(top_words(counts, 20)), empty=f"“{text.title}” has no words to count.")]
    if applies(text, "stopwords"):  # without a list the table would repeat the one above (the notice below says so)
        shown.append(table(f"“{text.title}”: the 20 most frequent words that are not stopwords", FREQUENCY_HEADERS,
                           frequency_rows(top_words(counts, 20, stopwords(text.language))),
                           empty=f"Every word of “{text.title}” is on the stopword list."))
    return shown


def stopwords_removed(text: Text):
    if not applies(text, "stopwords"):  # no list: the notice on its language says so
        return None
    share = stopword_share(word_counts(text), stopwords(text.language))
    return prose(
        "In “{title}” the `stop-words` list removes {types} of the {distinct} distinct words, "
        "which make up {tokens} of the {running} running words ({percent} %)."
        + (" Among the most frequent words it removes: {frequent}." if share.frequent else ""),
        title=text.title, types=share.types, distinct=share.distinct, tokens=share.tokens, running=share.running,
        percent=f"{share.percent:.0f}", frequent=", ".join(f"“{w.word}” ({w.count})" for w in share.frequent),
    )


def language_notices(text: Text) -> list:
    return [prose("{notice}", notice=notice) for analysis in ("general", "stopwords")
            if (notice := language_notice(text, analysis))]


def against_general(text: Text):
    if not applies(text, "general"):
        return prose("{notice}", notice=language_notice(text, "general"))
    general = f"general {language_name(text.language)}"
    top = distinctive(against_general_english(word_counts(text), text.language), 15)
    return [table(f"“{text.title}”: the {len(top)} most distinctive words against {general} "
                  f"(at least {MIN_COUNT} times; G2 at least {CRITICAL_G2}; by G2)", KEYWORD_HEADERS, keyword_rows(top),
                  empty=f"No word of “{text.title}” occurs at least {MIN_COUNT} times with G2 of at least {CRITICAL_G2}."),
            keyness_chart(top, text.title, reference=general) if top else None]


def reference_sizes(text: Text):
    if not applies(text, "general"):
        return None
    return table(f"“{text.title}”: G2 under different assumed sizes of the reference",
                 ("Word", *(f"G2, reference of {d:,} words" for d in SIZES), "Log ratio (any size; as in the table above)"),
                 reference_size_effect(word_counts(text), highlight_words(text), SIZES, text.language),
                 empty=f"“{text.title}” has no word to follow.")


def against_the_others(corpus, text: Text):
    if len(corpus) < 2 or comparison_notice(text, corpus):  # alone in its language: the notice says so
        return None
    others = [word_counts(other) for other in corpus if other.id != text.id]
    top = distinctive(against_others(word_counts(text), others), 15)
    shown = [table(f"“{text.title}”: words used more than in the other texts", KEYWORD_HEADERS, keyword_rows(top),
                   empty=f"No word of “{text.title}” is significantly more frequent than in the other texts.")]
    # Its chart only while the texts are few: in a class corpus the comparison table above gives every text's
    # most distinctive words, and the page keeps to a readable height.
    if top and len(corpus) <= FEW_TEXTS:
        shown.append(keyness_chart(top, text.title, reference="the other texts"))
    return shown


def compared_or_not(corpus, text: Text):
    notice = comparison_notice(text, corpus)
    return prose("{notice}", notice=notice) if notice else None


def sequences(text: Text) -> list:
    paragraphs = paragraph_words(text)
    shown = [table(f"“{text.title}”: the most frequent {name} sequences (seen at least twice)", ("Sequence", "Count"),
                   top_ngrams(paragraphs, n, 10), empty=f"No {name} sequence occurs twice in “{text.title}”.")
             for n, name in ((2, "two-word"), (3, "three-word"))]
    shown.append(table(f"“{text.title}”: word pairs (adjacent words) by {MEASURE_NAME}, seen at least twice",
                       WORD_PAIR_HEADERS, word_pair_rows(word_pairs(paragraphs, 10, stopwords=stopwords(text.language))),
                       empty=f"No pair of adjacent words (other than two stopwords) occurs twice in “{text.title}”."))
    return shown


def dispersion(text: Text):
    chosen = highlight_words(text, distinct=5, address=0)
    chosen += [w for w in address_words(text) if w not in chosen]
    return dispersion_figure(text_tokens(text), chosen, text.title)


def concordances(text: Text) -> list:
    return [HTML(kwic_html(text, word, concordance(text, word))) for word in highlight_words(text, distinct=1)]


def explorer(text: Text) -> list:
    return [prose("**{title}**", title=text.title), word_explorer(text)]


def weights(text: Text):
    chosen = highlight_words(text)
    return table(f"Words to follow in “{text.title}”: {', '.join(chosen)}", WEIGHT_HEADERS,
                 weight_rows(word_weights(text, chosen)), empty=f"“{text.title}” has no word to follow.")


def short_text(text: Text):
    profile = text_profile(text)
    return prose("- **A short text.** “{label}” has {tokens} words, and {hapax} of its {types} distinct words occur only once.",
                 label=profile.label, tokens=f"{profile.tokens:,}", hapax=profile.hapax, types=profile.types)
