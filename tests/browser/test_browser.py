"""What a reader sees, in real headless Chromium: every page loads with nothing from
a third party, no failed request and no console error; the widget works.

No console error is tolerated (``support.Visit`` records them all): an upstream
nuisance would have to be fixed or worked around in the package, not listed here."""

from __future__ import annotations

import pytest
from crawl import MODES, VIEWPORTS

from studyguide.cli.serve import pages
from support import CHAPTER, Visit, is_file

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("mode", MODES)
def test_every_page_loads_only_from_the_book(crawl, built_book, mode):
    """At desktop and phone width: no third-party or failed request, no console error (shared crawl)."""
    names = pages(built_book)
    assert CHAPTER in names
    problems = [problem for name in names for viewport in VIEWPORTS for problem in crawl(name, viewport, mode).problems()]
    assert not problems, "\n".join(problems)


def test_paragraph_anchor_links_scroll_to_the_paragraph(chromium, book_url):
    with Visit(chromium) as visit:
        page = visit.open(f"{book_url}/{CHAPTER}#p7")
        target = page.locator("#p7")
        assert "Nazarbayev clique" in target.inner_text()
        assert target.evaluate("el => el.matches(':target')")
        visit.assert_clean("chapter")


def test_paragraph_browser_switches_without_a_kernel(chromium, book_url):
    with Visit(chromium) as visit:
        page = visit.open(f"{book_url}/notebooks/overview.html")
        select = page.locator(".studyguide-switcher select").first
        select.wait_for()
        view = page.locator(".studyguide-views").first
        assert "If anyone wants to know" in view.inner_text()
        select.focus()
        select.select_option(value="Paragraph 6")
        page.wait_for_function("() => document.querySelector('.studyguide-views').innerText.includes('media blackout')")
        assert "If anyone wants to know" not in view.inner_text()
        visit.assert_clean("overview")


def test_book_works_from_file_urls(chromium, built_book):
    with Visit(chromium, allowed=is_file) as visit:
        page = visit.open((built_book / "notebooks" / "overview.html").as_uri())
        page.locator(".studyguide-switcher select").first.wait_for()
        visit.assert_clean("overview from file://")
