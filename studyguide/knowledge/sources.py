"""Sources as the guide shows them: a URL named by its site."""

from __future__ import annotations

from urllib.parse import urlparse


def site_name(url: str) -> str:
    """``https://www.hrw.org/news/...`` -> ``hrw.org``."""
    host = urlparse(url).hostname or url
    return host.removeprefix("www.").removeprefix("m.")
