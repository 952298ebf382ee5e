"""Where the guide is published: its repository (one setting) and the book's web address.

The setting is ``repository.url`` in ``_config.yml``. The Pages workflow overrides it with
the environment variable :data:`REPOSITORY_ENV`, filled from the repository it runs in
(``$GITHUB_REPOSITORY``), so a fork's Binder, Colab, repository and issue buttons point at
the fork. Without a setting the guide is not published anywhere known: no button and no
absolute link is made (a dead button is worse than none).

The book's address is ``html.baseurl`` when set, else the GitHub Pages address of the
repository. Live notebook outputs link there (:func:`live_book_url`); the built book links
relatively, so that it works from ``file://``. The book's Sphinx extension sets
:data:`BOOK_BUILD_ENV` for the kernels it starts, which is how a kernel knows it runs for
the book.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

import yaml

from ..base.errors import InputError
from ..texts.corpus import project_root

CONFIG = "_config.yml"
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML has it: the project loader reads this often
REPOSITORY_ENV = "STUDYGUIDE_REPOSITORY"  # the Pages workflow: https://github.com/$GITHUB_REPOSITORY
BOOK_BUILD_ENV = "STUDYGUIDE_BOOK_BUILD"  # set while the book is built: outputs link relatively
REPOSITORY = re.compile(r"^https://[\w.-]+/[\w.-]+/[\w.-]+$")


def _config(root: Path) -> dict:
    return yaml.load((Path(root) / CONFIG).read_text("utf-8"), Loader=LOADER) or {}


def _config_line(root: Path, section: str, key: str) -> int | None:
    """The line of ``section.key`` in _config.yml, for error messages (from YAML's own node positions)."""
    node = yaml.compose((Path(root) / CONFIG).read_text("utf-8"), Loader=LOADER)
    for name, value in getattr(node, "value", ()):
        if name.value == section:
            for inner, item in getattr(value, "value", ()):
                if getattr(inner, "value", None) == key:
                    return item.start_mark.line + 1
    return None


def checked(url: str | None, where: Path, line: int | None = None) -> str | None:
    """``url`` without a trailing slash, or None when empty; an address that is not a repository's stops."""
    url = (url or "").strip().rstrip("/")
    if url.endswith(".git"):
        url = url[:-4]
    if not url:
        return None
    if not REPOSITORY.match(url):
        raise InputError(where, f"'{url}' is not a repository address such as https://github.com/OWNER/NAME", line)
    return url


def configured_repository(root: Path) -> str | None:
    """``repository.url`` as committed in ``_config.yml`` (None when empty)."""
    value = (_config(root).get("repository") or {}).get("url")
    return checked(value if isinstance(value, str) else None, Path(root) / CONFIG, _config_line(root, "repository", "url"))


def repository_url(root: Path) -> str | None:
    """The repository setting: :data:`REPOSITORY_ENV` when set (the Pages workflow), else ``repository.url``."""
    if os.environ.get(REPOSITORY_ENV, "").strip():
        return checked(os.environ[REPOSITORY_ENV], Path(REPOSITORY_ENV))
    return configured_repository(root)


def book_url(root: Path) -> str | None:
    """The published book's address, ending in "/": ``html.baseurl``, else the repository's GitHub Pages site."""
    base = ((_config(root).get("html") or {}).get("baseurl") or "").strip()
    if base:
        return base.rstrip("/") + "/"
    repository = repository_url(root)
    match = re.match(r"^https://github\.com/([\w.-]+)/([\w.-]+)$", repository or "")
    if not match:
        return None
    owner, name = match.groups()
    site = f"https://{owner.lower()}.github.io/"
    return site if name.lower() == f"{owner.lower()}.github.io" else f"{site}{name}/"


@lru_cache(maxsize=4)
def _live_book_url(root: str, repository: str) -> str | None:
    return book_url(Path(root))


def live_book_url() -> str | None:
    """The published book's address when this runs in a live kernel of a guide whose book is published;
    None while the book is built (links stay relative) or when there is no setting."""
    if os.environ.get(BOOK_BUILD_ENV):
        return None
    try:
        root = project_root()
    except InputError:
        return None
    return _live_book_url(str(root), os.environ.get(REPOSITORY_ENV, ""))


def own_addresses(root: Path) -> tuple[str, ...]:
    """The project's own web addresses: links there are not sources."""
    return tuple(a for a in (repository_url(root), book_url(root)) if a)
