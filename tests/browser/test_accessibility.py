"""Accessibility of every built page (WCAG 2.1 A and AA), checked in headless Chromium.

- axe-core (bundled by the ``axe-playwright-python`` package, nothing downloaded) runs on
  every page found in the built HTML, in the light and the dark theme, at desktop and phone
  widths, with the rules tagged wcag2a, wcag2aa, wcag21a and wcag21aa (in the dark theme
  only those about colour, the only ones the theme can change), and must report no
  violation. It runs again on every view of every explorer, since a hidden view is not
  audited with its page. The audits are made by the shared crawl (``tests/crawl.py``).
- Every image has meaningful alt text, in the page and in the widget views it embeds.
- Every explorer (``.studyguide-switcher``, found automatically) works by keyboard alone.
- Every page declares its language.

Rules we cannot satisfy: none so far. Add an entry to ``crawl.UNSATISFIABLE`` (rule id ->
reason) only for an upstream element that cannot be fixed in studyguide/static/studyguide.css
or the templates; every other rule stays strict.
"""

from __future__ import annotations

import json
import re

import pytest
from crawl import COLOUR_RULES, MODES, VIEWPORTS, WCAG_TAGS, axe_options

from studyguide.cli.serve import pages
from support import CHAPTER, Page, Visit, page, widget_views

pytestmark = pytest.mark.browser

IMAGE_FILE = re.compile(r"\.(png|jpe?g|gif|svg|webp|bmp|tiff?)$", re.I)
GENERIC_ALT = {"image", "img", "figure", "fig", "plot", "chart", "graph", "picture", "photo", "icon", "logo", "untitled"}


DESKTOP = {"width": 1280, "height": 900}


def visit(chromium, viewport: dict = DESKTOP, mode: str = "light") -> Visit:
    """A fresh browser context at ``viewport`` in the book's ``mode`` (light or dark, as its theme button sets it)."""
    found = Visit(chromium, color_scheme=mode, viewport=viewport)
    found.page.add_init_script(f"localStorage.setItem('mode', '{mode}'); localStorage.setItem('theme', '{mode}')")
    return found


@pytest.mark.parametrize("mode", MODES)
def test_every_page_has_no_wcag_21_a_or_aa_violation(crawl, built_book, mode):
    """axe-core, from the shared crawl: every page at desktop and phone width, and every view of
    every explorer at desktop width; all rules in light mode, the colour rules in dark mode."""
    names = pages(built_book)
    assert {"index.html", CHAPTER, "notebooks/overview.html"} <= set(names)
    problems: list[str] = []
    audited_views = 0
    for name in names:
        for viewport in VIEWPORTS:
            record = crawl(name, viewport, mode)
            assert record.theme == mode, f"{record.where}: not in the {mode} theme"
            problems += record.violations
            audited_views += record.views_audited
    print(f"axe ({mode}): {len(names)} pages (desktop and phone width) and {audited_views} extra explorer views audited, "
          f"{len(problems)} violations")
    assert audited_views >= 10, "too few explorer views audited: is the crawl finding the explorers?"
    assert not problems, "\n".join(problems)


def test_dark_mode_audits_every_rule_that_depends_on_colour(chromium):
    """The dark-mode audit runs fewer rules: every WCAG A/AA rule of the bundled axe-core that
    is about colour or contrast, which are the only ones whose outcome changes with the mode."""
    from axe_playwright_python.sync_playwright import Axe

    assert axe_options("light")["runOnly"] == {"type": "tag", "values": WCAG_TAGS}
    with Visit(chromium) as blank:
        blank.page.evaluate(Axe().axe_script)
        rules = blank.page.evaluate("tags => axe.getRules(tags).map(r => [r.ruleId, r.help + ' ' + r.description])", WCAG_TAGS)
    assert len(rules) > 40, "axe-core's WCAG rules were not found"
    about_colour = {rule for rule, text in rules if re.search(r"colou?r|contrast", text, re.I)}
    assert "color-contrast" in about_colour
    assert set(axe_options("dark")["runOnly"]["values"]) == about_colour == set(COLOUR_RULES)


IMAGES = ["img", "svg", "input"]


def images_and_captions(found: Page) -> tuple[list, list[str]]:
    """Every <img>, <svg> and image button of a page, and the caption text of each <figure>,
    including those inside its saved widget views."""
    images = [tag for tag in found.soup.find_all(IMAGES) if tag.name != "input" or tag.get("type") == "image"]
    captions = []
    for figure in found.soup.find_all("figure"):
        caption = figure.find("figcaption")
        captions.append(found.text_of(caption) if caption else "")
    for _, view in widget_views(found.soup):
        inner_images, inner_captions = images_and_captions(Page(view))
        images += inner_images
        captions += inner_captions
    return images, captions


def alt_problem(tag: str, attrs: dict) -> str | None:
    """Why this image's text alternative is missing or meaningless, or None when it is fine."""
    if attrs.get("aria-hidden") == "true" or attrs.get("role") in ("presentation", "none"):
        return None if tag == "svg" or attrs.get("alt") == "" else "decorative image with alt text"
    if tag == "svg":
        label = attrs.get("aria-label") or attrs.get("aria-labelledby")
        return None if attrs.get("role") == "img" and label else "inline SVG without role=img and aria-label (or aria-hidden)"
    alt = (attrs.get("alt") or "").strip()
    src = (attrs.get("src") or "").split("?")[0]
    if not alt:
        return "no alt text"
    if IMAGE_FILE.search(alt) or alt == src.rsplit("/", 1)[-1] or "/" in alt and " " not in alt:
        return f"alt text is a file name: {alt!r}"
    if alt.lower().strip(".: ") in GENERIC_ALT or len(alt) < 5:
        return f"alt text says nothing: {alt!r}"
    return None


def test_every_image_and_figure_has_meaningful_alt_text(built_book):
    problems: list[str] = []
    counted = 0
    for name in pages(built_book):
        images, captions = images_and_captions(page(built_book, name))
        for tag in images:
            counted += 1
            problem = alt_problem(tag.name, tag.attrs)
            if problem:
                problems.append(f"{name}: <{tag.name} src={str(tag.get('src'))[:60]!r}>: {problem}")
        problems += [f"{name}: a <figure> without a caption" for caption in captions if not caption]
    print(f"alt text: {counted} images checked")
    assert counted >= 10, "too few images found: is the check looking in the right place?"
    assert not problems, "\n".join(problems)


def test_alt_text_check_refuses_file_names_and_empty_text():
    assert alt_problem("img", {"src": "a.png", "alt": ""}) == "no alt text"
    assert "file name" in alt_problem("img", {"src": "../_images/fig.png", "alt": "../_images/fig.png"})
    assert "file name" in alt_problem("img", {"src": "x", "alt": "overview_3_0.svg"})
    assert "says nothing" in alt_problem("img", {"src": "x", "alt": "Figure"})
    assert alt_problem("img", {"src": "x", "alt": "Bar chart: paragraph 7 is the longest, with 160 words."}) is None
    assert alt_problem("svg", {"aria-hidden": "true"}) is None
    assert alt_problem("svg", {}) is not None


def test_images_and_figure_captions_are_found_in_widget_views_too():
    view = '<figure><img src="x.png"><figcaption> </figcaption></figure><svg></svg>'
    state = json.dumps({"state": {"m": {"state": {"value": view}}}})
    images, captions = images_and_captions(Page(
        '<figure><img src="a.png" alt="A chart"><figcaption>A <b>caption</b></figcaption></figure>'
        f'<input type="image" src="b.png"><input type="text"><script type="application/vnd.jupyter.widget-state+json">{state}</script>'))
    assert [tag.name for tag in images] == ["img", "input", "img", "svg"]
    assert captions == ["A caption", ""]


def test_every_page_declares_its_language(built_book):
    for name in pages(built_book):
        root = page(built_book, name).soup.find("html")
        lang = root.get("lang") if root else None
        assert lang and re.fullmatch(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*", lang), f"{name}: no lang attribute on <html>"
        assert lang == "en", f"{name}: lang={lang}"


def visible_text(locator) -> str:
    return " ".join(locator.inner_text().split())


def test_every_explorer_works_by_keyboard_alone(chromium, book_url, built_book):
    """Tab to each explorer's menu, press ArrowDown, and the visible view changes."""
    tried = 0
    for name in pages(built_book):
        if not page(built_book, name).select(".studyguide-switcher"):
            continue
        with visit(chromium) as desktop:
            tab = desktop.open(f"{book_url}/{name}")
            switchers = tab.locator(".studyguide-switcher")
            for index in range(switchers.count()):
                switcher = switchers.nth(index)
                select = switcher.locator("select").first
                if not select.is_visible():
                    continue  # a nested explorer inside a view not shown
                views = switcher.locator(".studyguide-views").first
                # Tab from the page start (first explorer) or from the previous explorer's menu.
                for _ in range(1, 1001):
                    tab.keyboard.press("Tab")
                    if select.evaluate("el => el === document.activeElement"):
                        break
                else:
                    pytest.fail(f"{name}: explorer {index + 1} cannot be reached with Tab")
                ring = select.evaluate("el => { const s = getComputedStyle(el); return [s.outlineStyle, s.outlineWidth, s.boxShadow]; }")
                assert ring[0] != "none" and ring[1] != "0px" or ring[2] != "none", f"{name}: explorer {index + 1} shows no focus ring"
                options = select.locator("option").count()
                if options < 2:
                    continue  # one view: nothing to switch
                before = visible_text(views)
                tab.keyboard.press("ArrowDown")
                tab.wait_for_function("([el, old]) => el.innerText.split(/\\s+/).join(' ').trim() !== old",
                                      arg=[views.element_handle(), before], timeout=5000)
                assert visible_text(views) != before
                assert select.evaluate("el => el === document.activeElement"), f"{name}: focus lost after ArrowDown"
                tried += 1
    assert tried >= 1, "no explorer found to try (the overview notebook has one)"
    print(f"keyboard: {tried} explorers switched by keyboard alone")
