"""Fixtures: throw-away projects, one book build per test run, the book served, Chromium.

Shared constants and helpers are in ``support.py`` (``pythonpath`` in pyproject.toml
puts this folder on the import path, so test modules import it by name).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from studyguide.cli.browser import launch, sync_playwright
from studyguide.cli.serve import serve
from support import CHROMIUM, ROOT, build, snapshot


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


def build_edition(tmp_path_factory, name: str, *options: str) -> Path:
    output = tmp_path_factory.mktemp(name)
    before = snapshot(ROOT / "seeds")
    # With Chromium, the build also prints the edition's PDF and links it, as the published site does.
    result = build(ROOT, output, *options, *(("--handout",) if CHROMIUM else ()))
    log = result.stdout + result.stderr
    assert result.returncode == 0, log[-4000:]
    assert snapshot(ROOT / "seeds") == before, "the build changed a file in seeds/"
    html = output / "_build" / "html"
    (html.parent / "build.log").write_text(log)
    return html


@pytest.fixture(scope="session")
def built_book(tmp_path_factory) -> Path:
    """The student edition (the published site), built once per test run; its HTML folder."""
    return build_edition(tmp_path_factory, "book")


@pytest.fixture(scope="session")
def teacher_book(tmp_path_factory) -> Path:
    """The teacher edition, built once per test run (only by the tests that need it); its HTML folder."""
    return build_edition(tmp_path_factory, "teacher-book", "--edition", "teacher")


@pytest.fixture(scope="module")
def book_url(built_book):
    """The session's built book, served over HTTP (gzipped, as GitHub Pages serves it) for one test module."""
    with serve(built_book) as url:
        yield url


@pytest.fixture(scope="module")
def chromium():
    """Headless Debian Chromium for one test module (skips when it is not installed)."""
    if CHROMIUM is None:
        pytest.skip("Debian's chromium is not installed: browser tests skipped")
    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()
