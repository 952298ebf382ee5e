"""Bibliography labels and citations that match: "(Demytrie, 2012)" in the text, "[Demytrie, 2012]" in the list.

pybtex's default labels are alphabetic codes ("[Dem12]") that match nothing in
an author-year text. :class:`AuthorYearLabels` gives each entry an author-year
label: the first author's (or organisation's) last name, "and" a second one,
"et al." for more, then the year or "n.d."; entries that would share a label get
"a", "b"... in bibliography order ("EurasiaNet, 2012a"). :class:`Style` is
pybtex's ``alpha`` style with those labels (``bibtex_default_style: studyguide``),
and :class:`Citations` cites by that same label in round brackets
(``bibtex_reference_style: studyguide``), so a citation and its entry read alike.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from pybtex.plugin import register_plugin
from pybtex.style.formatting.alpha import Style as AlphaStyle
from pybtex.style.labels import BaseLabelStyle
from sphinxcontrib.bibtex.plugin import register_plugin as register_bibtex_plugin
from sphinxcontrib.bibtex.style.referencing import BracketStyle
from sphinxcontrib.bibtex.style.referencing.label import LabelReferenceStyle

NAME = "studyguide"


def last_name(person) -> str:
    return " ".join(person.prelast_names + person.last_names).replace("{", "").replace("}", "")


def who(entry) -> str:
    persons = entry.persons.get("author") or entry.persons.get("editor") or []
    if not persons:
        return entry.fields.get("title", entry.key).replace("{", "").replace("}", "")
    if len(persons) == 1:
        return last_name(persons[0])
    if len(persons) == 2:
        return f"{last_name(persons[0])} and {last_name(persons[1])}"
    return f"{last_name(persons[0])} et al."


class AuthorYearLabels(BaseLabelStyle):
    def format_labels(self, sorted_entries):
        entries = list(sorted_entries)
        plain = [f"{who(entry)}, {entry.fields.get('year', 'n.d.')}" for entry in entries]
        shared = Counter(plain)
        seen: Counter = Counter()
        for label in plain:
            if shared[label] > 1:
                seen[label] += 1
                label += "abcdefghijklmnopqrstuvwxyz"[seen[label] - 1]
            yield label


class Style(AlphaStyle):
    default_label_style = AuthorYearLabels


def round_brackets() -> BracketStyle:
    return BracketStyle(left="(", right=")", sep="; ", sep2="; ", last_sep="; ")


@dataclass
class Citations(LabelReferenceStyle):
    """Cite by the bibliography's author-year label, in round brackets."""

    bracket_parenthetical: BracketStyle = field(default_factory=round_brackets)
    bracket_textual: BracketStyle = field(default_factory=round_brackets)


def setup() -> None:
    register_plugin("pybtex.style.formatting", NAME, Style, force=True)
    register_bibtex_plugin("sphinxcontrib.bibtex.style.referencing", NAME, Citations, force=True)
