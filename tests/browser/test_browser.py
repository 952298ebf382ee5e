"""What a reader sees, in real headless Chromium: every page loads with nothing from
a third party, no failed request and no unexpected console error; the widget works."""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest
from support import CHROMIUM

pytestmark = pytest.mark.browser
if CHROMIUM is None:
    pytest.skip("Debian's chromium is not installed: browser tests skipped", allow_module_level=True)

# Console errors a page may log without failing. None so far: keep it that way, and add
# an entry only for a known upstream nuisance, with the reason.
TOLERATED_CONSOLE_ERRORS: tuple[re.Pattern, ...] = ()


@pytest.fixture(scope="module")
def server(book_url):
    """The built book over HTTP (conftest's ``book_url``), under the name these tests use."""
    return book_url


@pytest.fixture(scope="module")
def browser(chromium):
    """Headless Chromium (conftest's ``chromium``), under the name these tests use."""
    return chromium


class Visit:
    """Opens pages, blocking and recording every request that leaves the book."""

    def __init__(self, browser, allowed):
        self.context = browser.new_context()
        self.blocked: list[str] = []
        self.failed: list[str] = []
        self.errors: list[str] = []
        self.context.route("**/*", self._route)
        self._allowed = allowed
        self.page = self.context.new_page()
        self.page.on("requestfailed", lambda r: self.failed.append(f"{r.url} ({r.failure})"))
        self.page.on("console", lambda m: m.type == "error" and self._error(m.text))
        self.page.on("pageerror", lambda e: self._error(str(e)))

    def _route(self, route):
        if self._allowed(route.request.url):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def _error(self, text):
        if not any(p.search(text) for p in TOLERATED_CONSOLE_ERRORS):
            self.errors.append(text)

    def open(self, url):
        self.page.goto(url, wait_until="networkidle")
        wait_for_widgets(self.page)
        return self.page

    def assert_clean(self, where):
        assert not self.blocked, f"{where}: third-party requests {self.blocked}"
        assert not self.failed, f"{where}: failed requests {self.failed}"
        assert not self.errors, f"{where}: console errors {self.errors}"


def wait_for_widgets(page) -> None:
    """Wait until every saved widget view on the page has rendered: acting on a
    widget whose siblings are still being created can race the embed script."""
    page.wait_for_function(
        """() => [...document.querySelectorAll('script[type="application/vnd.jupyter.widget-view+json"]')]
              .every(s => s.parentElement.querySelector('.widget-subarea .jupyter-widgets'))"""
    )


def is_local(url):
    return urlparse(url).hostname == "127.0.0.1" or url.startswith(("data:", "blob:", "about:"))


def test_every_page_loads_only_from_the_book(browser, server, built_book):
    pages = sorted(str(p.relative_to(built_book)) for p in built_book.rglob("*.html") if "_static" not in p.parts)
    assert "chapters/texts/solidarity-oil-workers.html" in pages
    for name in pages:
        visit = Visit(browser, is_local)
        visit.open(f"{server}/{name}")
        visit.assert_clean(name)
        visit.context.close()


def test_paragraph_anchor_links_scroll_to_the_paragraph(browser, server):
    visit = Visit(browser, is_local)
    page = visit.open(f"{server}/chapters/texts/solidarity-oil-workers.html#p7")
    target = page.locator("#p7")
    assert "Nazarbayev clique" in target.inner_text()
    assert target.evaluate("el => el.matches(':target')")
    visit.assert_clean("chapter")
    visit.context.close()


def test_paragraph_browser_switches_without_a_kernel(browser, server):
    visit = Visit(browser, is_local)
    page = visit.open(f"{server}/notebooks/overview.html")
    select = page.locator(".studyguide-switcher select").first
    select.wait_for()
    view = page.locator(".studyguide-views").first
    assert "If anyone wants to know" in view.inner_text()
    select.focus()
    select.select_option(value="Paragraph 6")
    page.wait_for_function("() => document.querySelector('.studyguide-views').innerText.includes('media blackout')")
    assert "If anyone wants to know" not in view.inner_text()
    visit.assert_clean("overview")
    visit.context.close()


def test_book_works_from_file_urls(browser, built_book):
    visit = Visit(browser, lambda url: url.startswith(("file:", "data:", "blob:", "about:")))
    page = visit.open((built_book / "notebooks" / "overview.html").as_uri())
    page.locator(".studyguide-switcher select").first.wait_for()
    visit.assert_clean("overview from file://")
    visit.context.close()
