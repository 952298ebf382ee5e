"""The guide's sources: who publishes each cited URL, what kind of source it is, and what is ruled out.

``data/sources.toml`` (its header documents it) lists a ``[[publisher]]`` for every
domain the guide cites, with its kind (primary, NGO, news, partisan, scholarly, or
reference for links that support no claim about events), and the ``[[ruled_out]]``
domains and URL patterns no file may cite (reposts, personal blogs, tag-archive and
paginated listing pages, aggregators), each with its reason.

:func:`audit` reads every URL in the data files, the bibliography and the chapters
and stops at the first one that is ruled out or has no publisher, naming the file
and line. Links that are not sources (this machine, the project's own repository)
are not audited.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from ..base.errors import InputError
from ..base.schema import Field, Form, TomlFile

SOURCES_FILE = Path("data") / "sources.toml"
KINDS = ("primary", "ngo", "news", "partisan", "scholarly", "reference")
DOMAIN = Form(re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)+$"), "a domain such as 'hrw.org'")
PUBLISHER_FIELDS = {
    "domain": Field(str, True, "The domain; it also covers its subdomains.", form=DOMAIN),
    "name": Field(str, True, "Who publishes there."),
    "kind": Field(str, True, "One of: " + ", ".join(KINDS) + ".", choices=KINDS),
    "note": Field(str, False, "What the guide uses it for, or why it needs care."),
}
RULED_OUT_FIELDS = {
    "pattern": Field(str, True, "A domain, or a regular expression matched against the whole URL."),
    "reason": Field(str, True, "Why no file may cite it."),
}
FILE_FIELDS = {
    "publisher": Field(list, False, "The accepted publishers.", dict),
    "ruled_out": Field(list, False, "What may not be cited.", dict),
}
AUDITED = ("data/*.toml", "data/*.bib", "chapters/**/*.md", "index.md")
_URL = re.compile(r"https?://[^\s\"'<>(){}\[\]`]+")
_PLAIN_DOMAIN = re.compile(r"^[A-Za-z0-9.-]+$")
NOT_SOURCES = ("localhost", "127.0.0.1", "mybinder.org", "colab.research.google.com")


def site_name(url: str) -> str:
    """``https://www.hrw.org/news/...`` -> ``hrw.org``."""
    host = urlparse(url).hostname or url
    return host.removeprefix("www.").removeprefix("m.")


def short_name(name: str) -> str:
    """A publisher's name without its bracketed detail: "Reuters", "Jamestown Foundation"."""
    return name.split(" (")[0].strip()


def publisher_names(sources: Sources | None) -> set[str]:
    """The names a claim may cite a registered publisher by: its short name ("The Guardian"),
    or the acronym its name gives in brackets ("OSW" of "Centre for Eastern Studies (OSW)")."""
    names: set[str] = set()
    for publisher in (sources.publishers if sources else ()):
        names.add(short_name(publisher.name))
        names.update(re.findall(r"\(([A-Z][A-Za-z/&]*[A-Z])\)", publisher.name))
    return names


def source_names(urls, sources: Sources | None = None) -> list[str]:
    """What a reader sees for each of ``urls``: its publisher's name in the register
    (``sources``), so "Radio Free Europe/Radio Liberty" and not a content-delivery host, or
    else its site; a name given again is numbered ("Human Rights Watch (2)")."""
    bare = []
    for url in urls:
        publisher = sources.publisher_of(url) if sources else None
        bare.append(short_name(publisher.name) if publisher else site_name(url))
    return [f"{name} ({bare[:i].count(name) + 1})" if bare[:i].count(name) else name for i, name in enumerate(bare)]


def _on(host: str, domain: str) -> bool:
    return host == domain or host.endswith("." + domain)


@dataclass(frozen=True)
class Publisher:
    domain: str
    name: str
    kind: str
    note: str
    line: int


@dataclass(frozen=True)
class RuledOut:
    pattern: str
    reason: str
    line: int

    def matches(self, url: str) -> bool:
        if _PLAIN_DOMAIN.match(self.pattern):
            return _on(urlparse(url).hostname or "", self.pattern.lower())
        return re.search(self.pattern, url) is not None


@dataclass(frozen=True)
class Sources:
    path: Path
    publishers: tuple[Publisher, ...]
    ruled_out: tuple[RuledOut, ...]

    def publisher_of(self, url: str) -> Publisher | None:
        """The publisher whose domain is the longest match for the URL's host."""
        host = (urlparse(url).hostname or "").lower()
        found = [p for p in self.publishers if _on(host, p.domain)]
        return max(found, key=lambda p: len(p.domain)) if found else None

    def refusal(self, url: str) -> RuledOut | None:
        return next((r for r in self.ruled_out if r.matches(url)), None)


def load_sources(path: Path | str) -> Sources:
    """Parse and check ``data/sources.toml``."""
    toml = TomlFile.load(path, "missing sources file", FILE_FIELDS)
    publishers, seen = [], {}
    for number, entry, span in toml.entries("publisher"):
        toml.check(entry, PUBLISHER_FIELDS, span, f"publisher {number}: ")
        if entry["domain"] in seen:
            raise toml.error(f"publisher '{entry['domain']}' is listed twice (also at line {seen[entry['domain']]})",
                             toml.line("domain", span))
        seen[entry["domain"]] = span[0]
        publishers.append(Publisher(entry["domain"], entry["name"], entry["kind"], entry.get("note", ""), span[0]))
    ruled_out = []
    for number, entry, span in toml.entries("ruled_out"):
        toml.check(entry, RULED_OUT_FIELDS, span, f"ruled_out {number}: ")
        try:
            re.compile(entry["pattern"])
        except re.error as exc:
            raise toml.error(f"ruled_out {number}: bad pattern {entry['pattern']!r}: {exc}", toml.line("pattern", span)) from None
        ruled_out.append(RuledOut(entry["pattern"], entry["reason"], span[0]))
    sources = Sources(Path(path), tuple(publishers), tuple(ruled_out))
    for publisher in publishers:
        refusal = sources.refusal(f"https://{publisher.domain}/")
        if refusal is not None:
            raise toml.error(f"publisher '{publisher.domain}' is also ruled out (line {refusal.line})", publisher.line)
    return sources


def cited_urls(root: Path) -> Iterator[tuple[Path, int, str]]:
    """``(file, line, url)`` for every URL written in the audited files of the project at ``root``."""
    for pattern in AUDITED:
        for path in sorted(Path(root).glob(pattern)):
            if path.name == SOURCES_FILE.name:
                continue
            for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
                for url in _URL.findall(line):
                    yield path, number, url.rstrip(".,;:!?*_")


def audit(root: Path, sources: Sources, own: tuple[str, ...] = ()) -> int:
    """Check every cited URL; return how many were checked. ``own`` are addresses of the project itself."""
    checked = 0
    for path, line, url in cited_urls(root):
        host = (urlparse(url).hostname or "").lower()
        if any(_on(host, h) for h in NOT_SOURCES) or url.startswith(own or ("\0",)):
            continue
        refusal = sources.refusal(url)
        if refusal is not None:
            raise InputError(path, f"{url} is ruled out as a source ({SOURCES_FILE}:{refusal.line}): {refusal.reason}", line)
        if sources.publisher_of(url) is None:
            raise InputError(path, f"{url}: no publisher for {site_name(url)} in {SOURCES_FILE}; add one with its kind "
                                   f"({', '.join(KINDS)})", line)
        checked += 1
    return checked
