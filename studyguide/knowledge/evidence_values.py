"""The numbers and dates a claim states, and whether a source's words state them too.

A claim's text is read for dates first ("17 December 2011", "December 2011",
"May 17", "2011-12-17" from a date field), then for the numbers left ("6,000",
"1.64", "seven"). A :class:`Value` knows the forms a source may write it in:
a number as digits (with or without thousands separators) or as a word; a date as
"17 December", "December 17", "Dec. 17", "17th of December", "17.12.2011",
"2011-12-17", or with the month named in Russian, French or Polish (the languages of
the guide's non-English sources). The year of a day's date may be left out by the
source: news reports say "on December 17".

A date that only dates a cited article, inside its attribution ("(The Guardian, July
2011)": a publisher's name from the register, a comma, a date, the bracket closed), is a
citation, not a claim about the events: :func:`without_citations` blanks it before the
claim is read, for the publisher names the caller gives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..base.dates import MONTHS, When

# Month names other than English, by month number: genitive (as in dates) and nominative forms.
_OTHER_MONTHS = {
    1: ("января", "январь", "janvier", "stycznia", "styczeń"),
    2: ("февраля", "февраль", "février", "lutego", "luty"),
    3: ("марта", "март", "mars", "marca", "marzec"),
    4: ("апреля", "апрель", "avril", "kwietnia", "kwiecień"),
    5: ("мая", "май", "mai", "maja", "maj"),
    6: ("июня", "июнь", "juin", "czerwca", "czerwiec"),
    7: ("июля", "июль", "juillet", "lipca", "lipiec"),
    8: ("августа", "август", "août", "sierpnia", "sierpień"),
    9: ("сентября", "сентябрь", "septembre", "września", "wrzesień"),
    10: ("октября", "октябрь", "octobre", "października", "październik"),
    11: ("ноября", "ноябрь", "novembre", "listopada", "listopad"),
    12: ("декабря", "декабрь", "décembre", "grudnia", "grudzień"),
}
NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000, "dozen": 12,
}
_ENGLISH = "|".join(MONTHS[1:])
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_ENGLISH})\b(?:,?\s+(\d{{4}}))?")
_MONTH_DAY = re.compile(rf"\b({_ENGLISH})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?")
_MONTH_YEAR = re.compile(rf"\b({_ENGLISH})\s+(\d{{4}})\b")
_NUMBER = re.compile(r"\d+(?:[,.\u00a0 ]\d{3})*(?:[.,]\d+)?")
_WORD = re.compile(r"\b(" + "|".join(NUMBER_WORDS) + r")\b", re.I)
_COMPOUND = re.compile(r"\b(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(two|three|four|five|six|seven|eight|nine)\b",
                       re.I)
_ONE = re.compile(r"\bone\b", re.I)
_SCALES = {"hundred": 100, "thousand": 1000}
_SCALED = re.compile(r"\b(\d+(?:[.,]\d+)?|" + "|".join(NUMBER_WORDS) + r")\s+(hundred|thousand)\b", re.I)


def month_names(month: int) -> tuple[str, ...]:
    english = MONTHS[month]
    return (english.lower(), english[:3].lower(), *_OTHER_MONTHS[month])


@dataclass(frozen=True)
class Value:
    """One number or date stated by a claim: ``key`` compares it, ``text`` is how the claim writes it."""

    text: str
    key: str  # "n:6000", "d:2011-12-17", "m:2011-12", "y:2011"

    def stated_in(self, words: str) -> bool:
        """Whether ``words`` (a source's) state this value in one of its common forms."""
        kind, _, rest = self.key.partition(":")
        said = " ".join(words.lower().split())
        if kind == "n":
            return rest in numbers_in(said)
        if kind == "y":
            return re.search(rf"(?<!\d){rest}(?!\d)", said) is not None
        parts = [int(part) for part in rest.split("-")]
        year, month, day = (parts + [None])[:3] if kind in ("d", "m") else (None, *parts)
        names = "|".join(re.escape(n) for n in month_names(month))
        if day is None:  # a month: named, or written 12.2011
            return re.search(rf"(?<!\w)({names})(?!\w)|(?<!\d)0?{month}[./]{year}(?!\d)", said) is not None
        forms = [rf"(?<!\d){day}(?:st|nd|rd|th|er)?\s+(?:of\s+)?(?:{names})\.?(?!\w)",
                 rf"(?<!\w)(?:{names})\.?\s+{day}(?:st|nd|rd|th)?(?!\d)",
                 rf"(?<!\d)0?{day}[./]0?{month}(?!\d)"]
        if year:
            forms.append(f"{year}-{month:02d}-{day:02d}")
        return any(re.search(form, said) for form in forms)


def numbers_in(words: str) -> set[str]:
    """Every number in ``words`` as plain digits: "6,000" and "6 000" give "6000", "1,64" gives "1.64", "six" gives "6"."""
    found: set[str] = set()
    for match in _NUMBER.findall(words):
        plain = re.sub(r"[,\u00a0 ](?=\d{3}\b)", "", match)
        found.add(plain.replace(",", "."))
        if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", match):  # 6.000: a thousands point
            found.add(match.replace(".", ""))
    found.update(str(NUMBER_WORDS[tens.lower()] + NUMBER_WORDS[unit.lower()]) for tens, unit in _COMPOUND.findall(words))
    found.update(str(NUMBER_WORDS[w.lower()]) for w in _WORD.findall(_COMPOUND.sub(" ", words)))
    if _ONE.search(words):  # "one person was killed": a source's "one" is a number; a claim's rarely is
        found.add("1")
    for amount, scale in _SCALED.findall(words):  # "eight thousand", "3 hundred"
        base = NUMBER_WORDS.get(amount.lower()) or float(amount.replace(",", "."))
        found.add(f"{base * _SCALES[scale.lower()]:g}")
    return found


def date_value(when: When) -> Value:
    """The value of a date field, to its granularity."""
    first = when.first
    key = {"day": f"d:{first:%Y-%m-%d}", "month": f"m:{first:%Y-%m}", "year": f"y:{first.year}"}[when.granularity]
    return Value(when.label(), key)


def without_citations(claim: str, publishers) -> str:
    """``claim`` with the date of each bracketed attribution "(Publisher, date)" blanked.

    Only an attribution whose name is exactly one of ``publishers`` and whose rest is
    one date ("July 2011", "5 July 2011", "2011") counts: "(Reuters, 5 officers)" or
    "(a Guardian report, July 2011)" keep their numbers.
    """
    names = sorted({n for n in publishers if n}, key=len, reverse=True)
    if not names:
        return claim
    date = rf"(?:(?:\d{{1,2}}\s+)?(?:{_ENGLISH})\s+(?:\d{{1,2}},\s+)?)?(?:19|20)\d\d"
    attribution = re.compile(rf"(\((?:{'|'.join(re.escape(n) for n in names)}),\s+)({date})(\))")
    return attribution.sub(lambda m: m[1] + " " * len(m[2]) + m[3], claim)


def values_in(claim: str) -> list[Value]:
    """The dates, then the other numbers, that a claim's text states, each once."""
    found: list[Value] = []
    rest = claim

    def take(match: re.Match, value: Value) -> str:
        found.append(value)
        return " " * len(match.group(0))

    def day_month(match: re.Match) -> str:
        day, month, year = (match[1], match[2], match[3]) if match[1].isdigit() else (match[2], match[1], match[3])
        number = MONTHS.index(month)
        # a day written without its year ("on 21 May") is matched on day and month alone
        key = f"d:{year}-{number:02d}-{int(day):02d}" if year else f"e:{number:02d}-{int(day):02d}"
        return take(match, Value(match.group(0), key))

    rest = _DAY_MONTH.sub(day_month, rest)
    rest = _MONTH_DAY.sub(day_month, rest)
    rest = _MONTH_YEAR.sub(lambda m: take(m, Value(m.group(0), f"m:{m[2]}-{MONTHS.index(m[1]):02d}")), rest)
    for number in _NUMBER.findall(rest):
        plain = re.sub(r"[,\u00a0 ](?=\d{3}\b)", "", number)
        # a year is written as four bare digits; "2,000" is a number
        found.append(Value(number, f"y:{plain}" if re.fullmatch(r"(19|20)\d\d", number) else f"n:{plain}"))
    # "twenty-two" is 22, not 20 and 2: compounds first, then the single words left
    rest = _COMPOUND.sub(lambda m: take(m, Value(m.group(0), f"n:{NUMBER_WORDS[m[1].lower()] + NUMBER_WORDS[m[2].lower()]}")),
                         rest)
    found.extend(Value(w, f"n:{NUMBER_WORDS[w.lower()]}") for w in _WORD.findall(rest))
    unique: dict[str, Value] = {}
    for value in found:
        unique.setdefault(value.key, value)
    return list(unique.values())
