"""Text for screen readers only, hidden by an inline style.

Not by a class alone: Jupyter, Colab and any client without the book's stylesheet would
show such text (every table title twice, "(counted)" after each cue word). The style is
the usual visually-hidden pattern; the class stays for the book's stylesheet and tests.
"""

from __future__ import annotations

SCREEN_READER_ONLY = ("position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;"
                      "clip:rect(0,0,0,0);white-space:nowrap;border:0")
ATTRIBUTES = f'class="sg-sr-only" style="{SCREEN_READER_ONLY}"'


def screen_reader_text(html: str) -> str:
    """``html`` (already escaped) in a span that screen readers read and no one sees."""
    return f"<span {ATTRIBUTES}>{html}</span>"
