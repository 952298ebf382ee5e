"""Set up when a reader first wants it, not at load (issue 18): hover previews (by pointer, keyboard
and touch) and the theme's header menus (Bootstrap)."""

from __future__ import annotations

import pytest

from support import CHAPTER, Visit

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
TERM = "a[href*='glossary.html#term-']"
VISIBLE_TIP = "() => [...document.querySelectorAll('.tippy-box')].filter(b => b.offsetParent && b.innerText.trim()).map(b => b.innerText)"


def tips_shown(tab) -> list[str]:
    return tab.evaluate(VISIBLE_TIP)


def test_no_tip_is_built_at_load_and_a_hover_builds_only_its_own(chromium, book_url):
    with Visit(chromium) as visit:
        requested: list[str] = []
        visit.page.on("request", lambda request: requested.append(request.url))
        tab = visit.open(f"{book_url}/chapters/guide/commentary.html")
        tab.wait_for_timeout(500)  # idle after load: still nothing may be set up
        assert tab.evaluate("typeof window.tippy") == "undefined"
        assert not [url for url in requested if "tippy" in url], requested
        link = tab.locator('article a[href$="solidarity-oil-workers.html#p7"]').first
        link.hover()
        tab.wait_for_function(f"() => ({VISIBLE_TIP})().some(t => t.includes('Nazarbayev clique'))")
        assert tab.evaluate("document.querySelectorAll('.tippy-box').length") == 1
        built = tab.evaluate("[...document.querySelectorAll('a[href]')].filter(a => a._tippy).length")
        assert built == 1, f"{built} tips built for one hover"
        tab.mouse.move(0, 0)
        tab.wait_for_function(f"() => ({VISIBLE_TIP})().length === 0")
        visit.assert_clean("commentary")


def test_the_keyboard_opens_a_tip_on_focus_and_escape_closes_it(chromium, book_url):
    with Visit(chromium) as visit:
        tab = visit.open(f"{book_url}/{CHAPTER}")
        for _ in range(400):  # Tab through the page, as a keyboard user does, to the first glossary term
            tab.keyboard.press("Tab")
            if tab.evaluate(f"!!document.activeElement.matches(\"{TERM}\")"):
                break
        else:
            pytest.fail("no glossary term reached with Tab")
        term = tab.evaluate("document.activeElement.textContent.trim()")
        tab.wait_for_function(f"() => ({VISIBLE_TIP})().length === 1")
        definition = tips_shown(tab)[0]
        assert term.split()[0].lower()[:5] in definition.lower(), (term, definition)
        tab.keyboard.press("Escape")
        tab.wait_for_function(f"() => ({VISIBLE_TIP})().length === 0")
        assert tab.evaluate(f"!!document.activeElement.matches(\"{TERM}\")"), "Escape moved the focus"
        visit.assert_clean("text chapter, keyboard")


def test_a_glossary_term_shows_its_definition_on_the_first_tap_and_follows_on_the_second(chromium, book_url):
    with Visit(chromium, viewport=PHONE, has_touch=True, is_mobile=True) as phone:
        tab = phone.open(f"{book_url}/{CHAPTER}")
        term = tab.locator(TERM).first
        term.scroll_into_view_if_needed()
        term.tap()
        tab.wait_for_function(f"() => ({VISIBLE_TIP})().length === 1")
        assert tab.url.endswith(CHAPTER), "the first tap followed the link"
        box = tab.locator(".tippy-box").first.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"] + 1, box
        term.tap()
        tab.wait_for_url("**/glossary.html#term-*")
        phone.assert_clean("text chapter, phone")


@pytest.mark.parametrize("how", ["click", "keyboard", "tap"])
def test_a_header_menu_opens_though_its_script_loads_only_at_the_first_move(chromium, book_url, how):
    phone = how == "tap"
    with Visit(chromium, **({"viewport": PHONE, "has_touch": True, "is_mobile": True} if phone else {})) as visit:
        tab = visit.open(f"{book_url}/notebooks/themes.html")
        assert tab.evaluate("typeof window.bootstrap") == "undefined", "Bootstrap ran at load"
        menu = tab.locator("button.dropdown-toggle[aria-label='Download this page']")
        if how == "keyboard":
            for _ in range(100):
                tab.keyboard.press("Tab")
                if tab.evaluate("document.activeElement.getAttribute('aria-label')") == "Download this page":
                    break
            tab.keyboard.press("Enter")
        else:
            menu.tap() if phone else menu.click()
        tab.wait_for_function("() => document.querySelector('.dropdown-menu.show')")
        assert tab.locator(".dropdown-menu.show", has_text=".pdf").is_visible()
        tab.keyboard.press("Escape")
        tab.wait_for_function("() => !document.querySelector('.dropdown-menu.show')")
        visit.assert_clean(f"header menu by {how}")
