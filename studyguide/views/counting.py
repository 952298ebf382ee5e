"""What is counted of a text, in one line for ``check`` (the record is :func:`studyguide.analysis.languages.what_is_counted`)."""

from __future__ import annotations

from ..analysis.languages import Counted, what_is_counted
from ..analysis.segmenters import SEGMENTED
from ..texts.language import language_name
from ..texts.text import Text


def counted_line(text: Text, counted: Counted | None = None) -> str:
    """"765 words counted", with how a script was cut into words, what is not counted and which analyses do not apply."""
    counted = counted or what_is_counted(text)
    parts = [f"{counted.words:,} word{'s' if counted.words != 1 else ''} counted"]
    parts += [f"{name} cut into words by {SEGMENTED[name]}" for name in counted.segmented]
    if counted.uncounted:
        parts.append(f"not counted: its {' and '.join(counted.uncounted)} script (no offline segmenter)")
    if counted.not_applying:
        parts.append(f"not computed for {language_name(text.language)}: {', '.join(counted.not_applying)}")
    return "; ".join(parts)
