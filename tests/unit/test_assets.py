"""Pinned third-party browser files: integrity checks and the build-time presence check."""

import base64
import hashlib
import io
import json
import tarfile
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

from studyguide import InputError
from studyguide.book import vendor as assets


def tarball(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name, content in files.items():
            info = tarfile.TarInfo(f"package/{name}")
            info.size = len(content)
            archive.addfile(info, io.BytesIO(content))
    return buffer.getvalue()


def integrity(blob: bytes) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(blob).digest()).decode()


def test_every_pinned_asset_has_a_version_and_sha512_integrity():
    for asset in assets.assets():
        assert asset.version[0].isdigit()
        assert asset.integrity.startswith("sha512-")
        assert asset.files


def test_integrity_mismatch_is_refused():
    asset = assets.Asset("x", "1.0.0", integrity(b"right"), {"a.js": "x/a.js"})
    assets.check_integrity(asset, b"right")
    with pytest.raises(InputError, match="integrity mismatch"):
        assets.check_integrity(asset, b"wrong")


def test_fetch_verifies_extracts_and_locks(tmp_path, monkeypatch):
    blob = tarball({"dist/a.js": b"alert(1)", "dist/f1.woff2": b"F1", "dist/f2.woff2": b"F2", "README": b"r"})
    registry = tmp_path / "registry" / "x" / "-"
    registry.mkdir(parents=True)
    (registry / "x-1.0.0.tgz").write_bytes(blob)
    asset = assets.Asset("x", "1.0.0", integrity(blob), {"dist/a.js": "x/a.js", "dist/*.woff2": "x/"})
    monkeypatch.setattr(assets, "assets", lambda: [asset])
    handler = partial(SimpleHTTPRequestHandler, directory=str(tmp_path / "registry"))
    handler.log_message = lambda *a: None
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        root = tmp_path / "book"
        root.mkdir()
        written = assets.fetch(root, registry=f"http://127.0.0.1:{server.server_port}/")
    finally:
        server.shutdown()
    assert sorted(p.name for p in written) == ["a.js", "f1.woff2", "f2.woff2"]
    assert (root / "_vendor/x/a.js").read_bytes() == b"alert(1)"
    assert assets.verify(root) == root / "_vendor"
    (root / "_vendor/x/f1.woff2").write_bytes(b"tampered")
    with pytest.raises(InputError, match="changed since it was fetched"):
        assets.verify(root)


def test_missing_or_stale_assets_are_reported(tmp_path):
    with pytest.raises(InputError, match="run: python -m studyguide fetch-assets"):
        assets.verify(tmp_path)
    (tmp_path / "_vendor").mkdir()
    (tmp_path / "_vendor" / assets.LOCK_NAME).write_text(json.dumps({"manifest": "old", "files": {}}))
    with pytest.raises(InputError, match="out of date"):
        assets.verify(tmp_path)
