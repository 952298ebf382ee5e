"""Numbers as the guide's pages write them: the analysis layer returns numbers, this module words them.

One way each: a paragraph or a stretch of paragraphs ("7", "7 (quoted)", "13–24 (quoted:
14, 20)"), a signed score ("+0.42"), a count with its rate ("5 (5.6)"), where a word
occurs ("“cat” occurs 2 times, in paragraphs 1 and 3").
"""

from __future__ import annotations

from collections.abc import Sequence

from ..analysis.frequency import Token

NONE = "–"  # a cell with nothing counted


def stretch_label(stretch: range, quoted: Sequence[int] = ()) -> str:
    """"7", "7 (quoted)", or "13–24" for a stretch of several paragraphs ("13–24 (quoted: 14, 20)")."""
    inside = [n for n in stretch if n in set(quoted)]
    if len(stretch) == 1:
        return f"{stretch.start}" + (" (quoted)" if inside else "")
    return f"{stretch.start}–{stretch.stop - 1}" + (f" (quoted: {', '.join(map(str, inside))})" if inside else "")


def signed(score: float) -> str:
    """A score from -1 to +1 with its sign and two decimals: "+0.42", "-0.10"."""
    return f"{score:+.2f}"


def count_rate(count: int, rate: float) -> str:
    """A count with its rate per 100 words: "5 (5.6)"."""
    return f"{count} ({rate:.1f})"


def paragraph_list(numbers: Sequence[int]) -> str:
    """"paragraph 3" or "paragraphs 1, 2 and 5"."""
    unique = sorted(set(numbers))
    if len(unique) == 1:
        return f"paragraph {unique[0]}"
    return "paragraphs " + ", ".join(str(n) for n in unique[:-1]) + f" and {unique[-1]}"


def describe(tokens: Sequence[Token], word: str) -> str:
    """How often and in which paragraphs ``word`` occurs, in words."""
    found = [t.paragraph for t in tokens if t.word == word]
    if not found:
        return f"“{word}” does not occur"
    times = "once" if len(found) == 1 else f"{len(found)} times"
    return f"“{word}” occurs {times}, in {paragraph_list(found)}"
