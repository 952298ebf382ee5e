"""Whether each passage's ``checked`` date moved only with a re-check, read from the git history.

``checked`` is the day a quotation was found word for word in a stored copy of its source;
the checking page lists the passages checked longest ago, so a date moved forward without a
new search would hide a stale passage. In every commit that touches ``data/evidence/``, a
passage whose quote, URL and record stay the same but whose ``checked`` changes counts as
re-checked only when the commit message says so, on a line of its own:

    Re-checked: sokolova-sentenced, deaths-official-17
    Re-checked: people.toml

naming each record whose passage was searched for again, or the file all of whose passages
were. A passage whose quote, URL or record is new is a new find: its date is its own. In any
commit, ``checked`` may not be later than the day the commit was made (UTC). Merges bring no
change of their own: the commits they merge are read instead.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import tomllib
from dataclasses import dataclass
from pathlib import Path

from .evidence import EVIDENCE_FOLDER

RECHECK = re.compile(r"^\s*Re-checked:\s*(.+)$", re.M | re.I)
_EMPTY_BLOB = "0" * 40


class NoHistory(RuntimeError):
    """The project is not a git clone with its full history (a download, or a shallow clone)."""


@dataclass(frozen=True)
class Unexplained:
    """A ``checked`` that moved without a re-check, or a date later than its commit."""

    commit: str
    path: str
    record: str
    before: dt.date | None
    after: dt.date
    why: str

    def __str__(self) -> str:
        return f"{self.commit[:10]} {self.path}: {self.record}: {self.why}"


def unexplained_dates(root: Path | str) -> list[Unexplained]:
    """Every change of a passage's ``checked`` in the history of ``data/evidence/`` that no re-check explains."""
    root = Path(root)
    commits = _commits(root)
    blobs = _blobs(root, {sha for _, _, _, changes in commits for _, old, new in changes for sha in (old, new)})
    found: list[Unexplained] = []
    parsed: dict[tuple[str, str], dict] = {}  # each version of a file is read once, though two commits see it

    def dates(sha: str, path: str) -> dict:
        if (sha, path) not in parsed:
            parsed[sha, path] = _dates(blobs.get(sha, ""), path)
        return parsed[sha, path]

    for commit, day, message, changes in commits:
        named = {n.strip() for line in RECHECK.findall(message) for n in re.split(r"[,\s]+", line) if n.strip()}
        before, after = {}, {}
        for path, old, new in changes:
            before.update(dates(old, path))
            after.update(dates(new, path))
        for key, (date, path) in after.items():
            record = key[0]
            if date > day:
                found.append(Unexplained(commit, path, record, None, date, f"checked {date} is later than the commit ({day})"))
            old = before.get(key)
            if old is not None and old[0] != date and record not in named and Path(path).name not in named:
                found.append(Unexplained(commit, path, record, old[0], date,
                                         f"checked moved from {old[0]} to {date} with the same quote, and the commit "
                                         "message names no re-check of it (a line 'Re-checked: <record or file>')"))
    return found


def _git(root: Path, *args: str, stdin: bytes | None = None) -> bytes:
    try:
        return subprocess.run(["git", "-C", str(root), *args], input=stdin, capture_output=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError) as exc:
        raise NoHistory(f"git {' '.join(args[:2])} failed in {root}: {exc}") from None


def _commits(root: Path) -> list[tuple[str, dt.date, str, list[tuple[str, str, str]]]]:
    """``(commit, UTC day, message, [(path, old blob, new blob)])`` of the non-merge commits touching the evidence."""
    if _git(root, "rev-parse", "--is-shallow-repository").strip() != b"false":
        raise NoHistory(f"{root} is a shallow clone: the history of {EVIDENCE_FOLDER} is incomplete")
    out = _git(root, "log", "--no-merges", "--raw", "--no-abbrev", "--no-renames", "--format=%x01%H%x00%ct%x00%B%x00",
               "--", str(EVIDENCE_FOLDER)).decode("utf-8")
    commits = []
    for chunk in out.split("\x01")[1:]:
        sha, stamp, message, raw = chunk.split("\x00", 3)
        changes = []
        for line in raw.splitlines():
            if line.startswith(":") and line.endswith(".toml"):
                meta, path = line.split("\t", 1)
                _, _, old, new, _ = meta.split()
                changes.append((path, old, new))
        commits.append((sha, dt.datetime.fromtimestamp(int(stamp), dt.UTC).date(), message, changes))
    return commits


def _blobs(root: Path, shas: set[str]) -> dict[str, str]:
    """The text of each blob, fetched by one ``git cat-file --batch``."""
    wanted = sorted(s for s in shas if s != _EMPTY_BLOB)
    out = _git(root, "cat-file", "--batch", stdin="".join(f"{s}\n" for s in wanted).encode())
    texts, at = {}, 0
    for sha in wanted:
        header_end = out.index(b"\n", at)
        _, kind, size = out[at:header_end].split()
        start = header_end + 1
        texts[sha] = out[start:start + int(size)].decode("utf-8", "replace") if kind == b"blob" else ""
        at = start + int(size) + 1
    return texts


_PASSAGE = re.compile(r'^record = "(?P<record>[^"]*)"\nurl = "(?P<url>[^"]*)"\nquote = "(?P<quote>(?:[^"\\\n]|\\.)*)"\n'
                      r'(?:(?:lang|translation) = "(?:[^"\\\n]|\\.)*"\n)*checked = (?P<checked>\d{4}-\d\d-\d\d)\s*$', re.M)


_TABLE = re.compile(r"^\[\[passage\]\]", re.M)


def _unescaped(value: str) -> str:
    """A TOML basic string's escapes (those JSON shares) resolved, as the TOML parser would."""
    try:
        return json.loads(f'"{value}"')
    except ValueError:
        return value


def _dates(text: str, path: str) -> dict[tuple[str, str, str], tuple[dt.date, str]]:
    """``(record, url, quote) -> (checked, path)`` of one version of an evidence file.

    The files are written one field a line in a fixed order, so most versions are read by a
    pattern (a full TOML parse of every version of every file took seconds); a version with
    another layout is parsed as TOML.
    """
    quick = list(_PASSAGE.finditer(text))
    if len(quick) == len(_TABLE.findall(text)):
        return {(m["record"], m["url"], " ".join(_unescaped(m["quote"]).split())):
                (dt.date.fromisoformat(m["checked"]), path) for m in quick}
    try:
        data = tomllib.loads(text) if text else {}
    except tomllib.TOMLDecodeError:
        return {}  # a version that did not load was never a passage anyone relied on
    found = {}
    for passage in data.get("passage", []):
        checked = passage.get("checked")
        if isinstance(passage, dict) and isinstance(checked, dt.date):
            key = (str(passage.get("record", "")), str(passage.get("url", "")), " ".join(str(passage.get("quote", "")).split()))
            found[key] = (checked, path)
    return found
