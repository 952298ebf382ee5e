"""Shared fixtures: a small project factory and one book build per test run."""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = "000_3d1b1157ff71cf0a"

GOOD_SIDECAR = """\
id = "{id}"
title = "A Title"
author = "someone"
language = "en"
published_in = "a forum"
date = "2012-05"
date_precision = "month"
source_urls = ["https://example.org/post"]
"""


@pytest.fixture
def project(tmp_path: Path):
    """A factory for throw-away projects: ``project({"a.txt": bytes_or_str, ...})``."""

    def make(files: dict[str, bytes | str]) -> Path:
        (tmp_path / "_config.yml").write_text("title: test\n")
        (tmp_path / "seeds").mkdir(exist_ok=True)
        for name, content in files.items():
            path = tmp_path / "seeds" / name
            if isinstance(content, str):
                path.write_text(content, "utf-8")
            else:
                path.write_bytes(content)
        return tmp_path

    return make


def copy_project(target: Path) -> Path:
    """A copy of this project without its environment, build output or git data."""
    ignore = shutil.ignore_patterns(".venv", "_build", ".git", ".pytest_cache", "__pycache__", "*.egg-info", ".research")
    shutil.copytree(ROOT, target, ignore=ignore)
    return target


def build(project_root: Path, output: Path) -> subprocess.CompletedProcess:
    """Build the book with the README's build command (warnings are errors)."""
    return subprocess.run(
        [sys.executable, "-m", "studyguide", "build", "--path-output", str(output)],
        cwd=project_root,
        capture_output=True,
        text=True,
        env={**__import__("os").environ, "STUDYGUIDE_ROOT": str(project_root)},
    )


def snapshot(folder: Path) -> dict[str, tuple[int, int, bytes]]:
    """Name -> (size, mtime in ns, bytes) of every file under ``folder``."""
    return {
        str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns, p.read_bytes())
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="session")
def built_book(tmp_path_factory) -> Path:
    """Build the book once per test run into a temporary folder; return its HTML folder."""
    output = tmp_path_factory.mktemp("book")
    before = snapshot(ROOT / "seeds")
    result = build(ROOT, output)
    log = result.stdout + result.stderr
    assert result.returncode == 0, log[-4000:]
    assert snapshot(ROOT / "seeds") == before, "the build changed a file in seeds/"
    html = output / "_build" / "html"
    (html.parent / "build.log").write_text(log)
    return html


BODY_FOR_CLI = "A letter to the workers\n\nFirst paragraph.\n\nSecond <b>paragraph</b> & more.\n"


# --- Browser helpers shared by the accessibility, page-weight and bad-input tests ---

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep the test output clean
        pass


@contextmanager
def serve(folder: Path, handler: type[SimpleHTTPRequestHandler] = QuietHandler):
    """Serve ``folder`` on 127.0.0.1 (a free port) for the duration of the block; yield its URL."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(folder)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def built_pages(html: Path) -> list[str]:
    """Every page of a built book, found in its HTML (not the theme's _static fragments)."""
    return sorted(str(p.relative_to(html)) for p in html.rglob("*.html") if "_static" not in p.relative_to(html).parts)


@pytest.fixture(scope="module")
def book_url(built_book):
    """The session's built book, served over HTTP for one test module."""
    with serve(built_book) as url:
        yield url


@pytest.fixture(scope="module")
def chromium():
    """Headless Debian Chromium for one test module (skips when it is not installed)."""
    if CHROMIUM is None:
        pytest.skip("Debian's chromium is not installed: browser tests skipped")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
