"""Quoting a text exactly: finding its words, cutting a passage, marking omissions.

Quotations in the guide are taken from the seed or checked against it at build
time, never retyped, so a quotation cannot drift from the text. The text as
written is quoted (slips included), never the editors' readings.
"""

from __future__ import annotations

from ..texts.text import Text


def quotation(text: Text, number: int, start: str, end: str | None = None) -> str | None:
    """The words of paragraph ``number`` from phrase ``start`` through phrase ``end`` (or ``start`` alone)."""
    body = text.paragraph(number).text
    begin = body.find(start)
    if begin < 0:
        return None
    if not end:
        return start
    finish = body.find(end, begin)
    if finish < 0:
        return None
    return body[begin : finish + len(end)]


def with_ellipses(body: str, words: str) -> str:
    """``words`` with "… " before it when it starts inside a sentence of ``body``, and " …" after it when it stops inside one."""
    begin = body.find(words)
    before = body[:begin].rstrip()
    starts_sentence = not before or before[-1] in ".!?\"'"
    ends_sentence = words.rstrip()[-1:] in (".", "!", "?", '"', "'")
    return ("" if starts_sentence else "… ") + words + ("" if ends_sentence else " …")


GAP = " … "


def find_quotation(text: Text, quoted: str, number: int | None = None) -> int | None:
    """The first paragraph of ``text`` (or paragraph ``number`` only) holding ``quoted`` verbatim.

    Whitespace runs count as one space; `` … `` between parts is an omission:
    the parts must then stand in that order within one paragraph.
    """
    parts = [" ".join(part.split()) for part in " ".join(quoted.split()).split(GAP.strip())]
    parts = [part for part in parts if part]
    if not parts:
        return None
    for paragraph in text.paragraphs:
        if number is not None and paragraph.number != number:
            continue
        body, position = paragraph.text, 0
        for part in parts:
            found = body.find(part, position)
            if found < 0:
                break
            position = found + len(part)
        else:
            return paragraph.number
    return None
