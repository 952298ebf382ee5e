"""Third-party browser files, fetched pinned and integrity-checked at install time.

The list lives in ``vendor.toml`` beside this module. Nothing here runs at
build time: the build only checks that the files are present and unchanged.
"""

from __future__ import annotations

import base64
import fnmatch
import hashlib
import io
import json
import os
import tarfile
import tomllib
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from ..base.errors import InputError

MANIFEST = Path(__file__).with_name("vendor.toml")
VENDOR_DIR = "_vendor"
LOCK_NAME = "vendor-lock.json"
REGISTRY_ENV = "NPM_CONFIG_REGISTRY"
DEFAULT_REGISTRY = "https://registry.npmjs.org/"


@dataclass(frozen=True)
class Asset:
    package: str
    version: str
    integrity: str
    files: dict[str, str]  # path (or glob) inside the tarball's package/ -> path (or folder/) under _vendor/

    def tarball_url(self, registry: str) -> str:
        base = self.package.rsplit("/", 1)[-1]
        return f"{registry.rstrip('/')}/{self.package}/-/{base}-{self.version}.tgz"


def assets() -> list[Asset]:
    data = tomllib.loads(MANIFEST.read_text("utf-8"))
    return [Asset(a["package"], a["version"], a["integrity"], dict(a["files"])) for a in data["asset"]]


def manifest_digest() -> str:
    """SHA-256 of vendor.toml: a fetch made for another manifest is out of date."""
    return hashlib.sha256(MANIFEST.read_bytes()).hexdigest()


def check_integrity(asset: Asset, blob: bytes) -> None:
    algorithm, _, expected = asset.integrity.partition("-")
    actual = base64.b64encode(hashlib.new(algorithm, blob).digest()).decode()
    if actual != expected:
        raise InputError(MANIFEST, f"{asset.package}@{asset.version}: integrity mismatch (got {algorithm}-{actual})")


def fetch(root: Path, registry: str | None = None) -> list[Path]:
    """Download, verify and extract every asset into ``root/_vendor``; return the files written."""
    registry = registry or os.environ.get(REGISTRY_ENV) or DEFAULT_REGISTRY
    target = root / VENDOR_DIR
    written: list[Path] = []
    lock: dict[str, str] = {}
    for asset in assets():
        with urllib.request.urlopen(asset.tarball_url(registry), timeout=120) as response:
            blob = response.read()
        check_integrity(asset, blob)
        with tarfile.open(fileobj=io.BytesIO(blob), mode="r:gz") as archive:
            members = {m.name.removeprefix("package/"): m for m in archive.getmembers() if m.isfile()}
            for pattern, dest in asset.files.items():
                names = sorted(fnmatch.filter(members, pattern))
                if not names:
                    raise InputError(MANIFEST, f"{asset.package}@{asset.version} has no file {pattern}")
                for name in names:
                    relative = dest + name.rsplit("/", 1)[-1] if dest.endswith("/") else dest
                    content = archive.extractfile(members[name]).read()
                    path = target / relative
                    path.parent.mkdir(parents=True, exist_ok=True)
                    path.write_bytes(content)
                    lock[relative] = hashlib.sha256(content).hexdigest()
                    written.append(path)
    record = {"manifest": manifest_digest(), "files": lock}
    (target / LOCK_NAME).write_text(json.dumps(record, indent=1, sort_keys=True) + "\n", "utf-8")
    return written


def verify(root: Path) -> Path:
    """Check that every asset is present and unchanged since fetching; return the folder."""
    target = root / VENDOR_DIR
    lock_path = target / LOCK_NAME
    hint = "run: python -m studyguide fetch-assets"
    if not lock_path.is_file():
        raise InputError(target, f"third-party browser files are missing; {hint}")
    lock = json.loads(lock_path.read_text("utf-8"))
    if lock.get("manifest") != manifest_digest():
        raise InputError(lock_path, f"out of date with studyguide/vendor.toml; {hint}")
    lock = lock["files"]
    for dest, digest in lock.items():
        path = target / dest
        if not path.is_file() or hashlib.sha256(path.read_bytes()).hexdigest() != digest:
            raise InputError(path, f"missing or changed since it was fetched; {hint}")
    return target
