"""Reading a TOML file of ours (sidecar or data file) with one-line errors.

Bytes that are not UTF-8 text and malformed TOML stop with :class:`InputError`
naming the file and, where known, the line. Checking the parsed content is
:mod:`studyguide.base.schema`'s business.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from .decoding import decode
from .errors import InputError

_POSITION = re.compile(r"\s*\(at line (\d+), column \d+\)")


def read_toml(path: Path) -> tuple[str, dict[str, Any]]:
    """``(source text, parsed data)`` of the TOML file at ``path``."""
    source = decode(path, Path(path).read_bytes())
    try:
        return source, tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        found = _POSITION.search(str(exc))
        message = _POSITION.sub("", str(exc))
        raise InputError(path, f"malformed TOML: {message}", int(found.group(1)) if found else None) from None
