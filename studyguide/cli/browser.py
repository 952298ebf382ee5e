"""Debian's Chromium, driven by Playwright, offline: the one place its settings live.

Used by the handout, the page-weight tool, the tests and the benchmarks. The
browser is the system's ``chromium``; Playwright's own browser download is never
used (it cannot work offline).
"""

from __future__ import annotations

import os
import shutil

CHROMIUM_ENV = "STUDYGUIDE_CHROMIUM"
# Without the networking flags Chromium calls home at start-up, which a closed network refuses.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]


class ToolMissing(RuntimeError):
    """A tool the command needs (Chromium, Playwright, pypdf) is not installed here."""


def chromium_path() -> str | None:
    """$STUDYGUIDE_CHROMIUM, else ``chromium`` or ``chromium-browser`` on PATH, else None."""
    return os.environ.get(CHROMIUM_ENV) or shutil.which("chromium") or shutil.which("chromium-browser")


def launch(playwright, executable: str | None = None):
    """A headless Chromium browser from a running ``sync_playwright()``."""
    executable = executable or chromium_path()
    if not executable:
        raise ToolMissing("Chromium is not installed (apt-get install chromium), or set " + CHROMIUM_ENV)
    return playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)


def sync_playwright():
    """Playwright's synchronous API, or a clear error when the test tools are not installed."""
    try:
        from playwright.sync_api import sync_playwright as start
    except ImportError:
        raise ToolMissing("Playwright is missing: pip install -r requirements-test.txt") from None
    return start()
