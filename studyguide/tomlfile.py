"""Reading a TOML file of ours (sidecar or data file) with one-line errors.

Bytes that are not UTF-8 text (UTF-16, binary, cp1252) and malformed TOML
stop with :class:`InputError` naming the file and, where known, the line.
Checking the parsed content is each loader's own business.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from .encoding import utf16_kind
from .errors import InputError

_POSITION = re.compile(r"\s*\(at line (\d+), column \d+\)")


def read_toml(path: Path) -> tuple[str, dict[str, Any]]:
    """``(source text, parsed data)`` of the TOML file at ``path``."""
    raw = path.read_bytes()
    utf16 = utf16_kind(raw)
    if utf16:
        raise InputError(path, f"{utf16}; save the file as UTF-8")
    if b"\x00" in raw:
        raise InputError(path, "binary file (NUL byte); expected UTF-8 text", raw[: raw.index(b"\x00")].count(b"\n") + 1)
    try:
        source = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError(path, f"not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8", line) from None
    try:
        return source, tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        found = _POSITION.search(str(exc))
        message = _POSITION.sub("", str(exc))
        raise InputError(path, f"malformed TOML: {message}", int(found.group(1)) if found else None) from None
