"""Bytes of an input file (seed text, sidecar, data file) as checked Unicode text.

Every input must be UTF-8. Editors on Windows often save UTF-16 instead, with or
without a byte order mark; without one, every ASCII character carries a NUL
byte on the same side, which would otherwise look like a binary file. Naming the
encoding lets the one-line error say what to do.
"""

from __future__ import annotations

from pathlib import Path

from .errors import InputError

BOMS = {b"\xff\xfe": "little-endian", b"\xfe\xff": "big-endian"}
UTF8_BOM = b"\xef\xbb\xbf"


def utf16_kind(raw: bytes) -> str | None:
    """A phrase naming the UTF-16 encoding of ``raw``, or ``None`` when it is not UTF-16.

    With a byte order mark: ``"UTF-16 encoded (little-endian byte order mark)"``.
    Without one, the bytes look like UTF-16 when every NUL byte sits at an odd
    offset (little-endian) or every one at an even offset (big-endian) and they
    decode, in that byte order, to printable text. Binary files fail one of these.
    """
    for bom, order in BOMS.items():
        if raw.startswith(bom):
            return f"UTF-16 encoded ({order} byte order mark)"
    if len(raw) < 2 or b"\x00" not in raw:
        return None
    even, odd = raw[0::2].count(0), raw[1::2].count(0)
    if even and odd:
        return None
    codec, order = ("utf-16-le", "little-endian") if odd else ("utf-16-be", "big-endian")
    try:
        text = raw[: len(raw) // 2 * 2].decode(codec)
    except UnicodeDecodeError:
        return None
    printable = sum(ch.isprintable() or ch in "\t\n\r" for ch in text)
    if printable < 0.95 * len(text):
        return None
    return f"looks like UTF-16 ({order}, no byte order mark)"


def guess(raw: bytes) -> str:
    """What a file that is not UTF-8 was most likely saved as, for the error message.

    Windows saves Russian and other Cyrillic text as Windows-1251, in which the letters А-я are
    the bytes 0xC0-0xFF: when most bytes above 0x7F are those (and read so, the text is mostly
    Cyrillic letters), it is named; else the Western European encodings are.
    """
    high = [b for b in raw if b > 0x7F]
    letters = sum(1 for b in high if b >= 0xC0 or b in (0xA8, 0xB8, 0xB2, 0xB3, 0xAA, 0xBA, 0xAF, 0xBF))
    if high and letters >= 0.9 * len(high):
        text = raw.decode("cp1251", errors="replace")
        cyrillic = sum("\u0400" <= ch <= "\u04ff" for ch in text)
        latin = sum(ch.isalpha() and ch.isascii() for ch in text)
        if cyrillic > latin:
            return "Windows-1251 (Cyrillic, as Windows saves Russian text)"
    return "cp1252 or latin-1"


def decode(path: Path, raw: bytes) -> str:
    """``raw`` as text: UTF-8 (a byte order mark is dropped), newlines normalised to ``\\n``.

    UTF-16, binary (a NUL byte) and other encodings stop with an :class:`InputError`
    naming the file and, where it helps, the line.
    """
    utf16 = utf16_kind(raw)
    if utf16:
        raise InputError(path, f"{utf16}; save the file as UTF-8")
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise InputError(path, "binary file (NUL byte); expected plain UTF-8 text", line)
    raw = raw.removeprefix(UTF8_BOM)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError(path, f"not valid UTF-8 (byte 0x{raw[exc.start]:02x}, perhaps {guess(raw)}); "
                               "save the file as UTF-8", line) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")
