"""The example site in a real Chromium: click, tab, read in light and dark, phone and desktop."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from browser_fixtures import serve
from conftest import EXAMPLE_SITE, FLAT, build_in, markdown
from test_partial import MARKED

import pelican_choices

TITLE = re.compile(r"^:?title:[ \t]*(.+)$", re.MULTILINE)
RST_TITLE = re.compile(r"\A(.+)\n#+\n")
SLUG = re.compile(r"^:?slug:[ \t]*(\S+)", re.MULTILINE)


def pages_of(output: Path) -> list[str]:
    """Every HTML page of a built site, as a path below its root."""
    return sorted("/" + str(p.relative_to(output)) for p in output.rglob("*.html"))


def source_titles() -> dict[str, str]:
    """The title each example source declares, by the URL the example site gives it."""
    titles = {}
    for source in EXAMPLE_SITE.glob("content/**/*.*"):
        text = source.read_text(encoding="utf-8")
        title = TITLE.search(text) or RST_TITLE.search(text)
        slug = SLUG.search(text).group(1)
        folder = "/articles/" if source.parent.name == "articles" else "/"
        titles[f"{folder}{slug}.html"] = title.group(1).strip()
    return titles


def choice_hrefs(page) -> list[str]:
    return page.eval_on_selector_all("nav.choices a.choice", "links => links.map(a => a.href)")


def test_every_page_loads_cleanly_without_leaving_127_0_0_1(visit, example_url, example_output):
    problems = []
    for path in pages_of(example_output):
        opened = visit(example_url + path)
        if opened.status != 200 or opened.blocked or opened.errors:
            problems.append((path, opened.status, opened.blocked, opened.errors))

    assert problems == []


def test_every_choice_leads_to_a_page_that_loads_and_shows_its_title(
    visit, example_url, example_output
):
    titles = source_titles()
    clicked = 0
    for path in pages_of(example_output):
        opened = visit(example_url + path)
        page = opened.page
        for index, href in enumerate(choice_hrefs(page)):
            page.goto(example_url + path)
            if not href.startswith(example_url):
                external = page.locator("nav.choices a.choice").nth(index)
                assert "choice-external" in external.get_attribute("class"), href
                continue
            with page.expect_navigation() as navigation:
                page.locator("nav.choices a.choice").nth(index).click()
            assert navigation.value.status == 200, (path, href)
            assert page.url == href
            heading = page.locator("main h1").first.inner_text()
            expected = titles.get(href.removeprefix(example_url))
            assert heading == expected if expected else heading.strip(), (path, href)
            clicked += 1
        assert opened.blocked == [], path

    assert clicked >= 35


def test_tab_reaches_the_buttons_in_number_order_with_a_visible_focus(
    visit, example_url, example_output
):
    for path in pages_of(example_output):
        page = visit(example_url + path).page
        expected = choice_hrefs(page)
        if not expected:
            continue
        reached = []
        for _ in range(200):
            page.keyboard.press("Tab")
            focused = page.evaluate(FOCUSED_CHOICE)
            if focused:
                reached.append(focused)
                style = page.evaluate(FOCUS_STYLE)
                assert style["focused"] != style["unfocused"], (path, focused)
            elif reached:
                break
        assert reached == expected, path


FOCUSED_CHOICE = "() => document.activeElement.closest('a.choice')?.href ?? null"
FOCUS_STYLE = """() => {
  const link = document.activeElement;
  const look = () => {
    const s = getComputedStyle(link);
    return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow].join(' ');
  };
  const focused = look();
  link.blur();
  const unfocused = look();
  link.focus({focusVisible: true});
  return {focused, unfocused};
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations(visit, example_url, example_output, scheme):
    axe = Axe()
    violations = {}
    for path in pages_of(example_output):
        page = visit(example_url + path, scheme=scheme).page
        results = axe.run(page)
        if results.violations_count:
            violations[path] = [v["id"] for v in results.response["violations"]]

    assert violations == {}


def test_buttons_stack_on_a_phone_without_sideways_scrolling(visit, example_url, example_output):
    for path in pages_of(example_output):
        page = visit(example_url + path, width=375).page
        lefts = page.eval_on_selector_all(
            "a.choice", "links => links.map(a => Math.round(a.getBoundingClientRect().left))"
        )
        assert len(set(lefts)) <= 1, path
        overflow = page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, path


def test_up_to_four_buttons_share_a_row_on_a_desktop(visit, example_url, example_output):
    rows_checked = 0
    for path in pages_of(example_output):
        page = visit(example_url + path, width=1280).page
        tops = page.eval_on_selector_all(
            "a.choice", "links => links.map(a => Math.round(a.getBoundingClientRect().top))"
        )
        if tops:
            assert len(set(tops[:4])) == 1, (path, tops)
            assert len(tops) <= 4 or tops[4] > tops[0], (path, tops)
            rows_checked += 1

    assert rows_checked >= 12


# How wide the widest number of a list is, against the room its list leaves for numbers.
NUMBER_ROOM = """(list) => {
  const style = getComputedStyle(list.querySelector('li'));
  const context = document.createElement('canvas').getContext('2d');
  context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  const last = `${list.children.length}. `;
  return {number: context.measureText(last).width,
          room: parseFloat(getComputedStyle(list).paddingLeft)};
}"""


@pytest.mark.parametrize("width", [1280, 375])
def test_a_long_table_of_contents_keeps_every_number_in_view(visit, tmp_path, width):
    pages = {
        f"pages/p{n:03}.md": markdown(f"Chapter {n}", slug=f"p{n:03}", sort_order=f"{n:03}")
        for n in range(1, 121)
    }
    build = build_in(tmp_path, pages, THEME=pelican_choices.THEME_PATH, DISPLAY_PAGES_ON_MENU=False)
    server, url = serve(build.output)
    try:
        page = visit(f"{url}/index.html", width=width).page
        measured = page.eval_on_selector("ol.toc-list", NUMBER_ROOM)
        assert page.locator("ol.toc-list > li").count() == 120
        assert measured["number"] <= measured["room"], measured
    finally:
        server.shutdown()


# What follows each choice's text on the screen, in the order of test_partial.MARKS:
# ↗ or ✉ (drawn as text, not as an emoji) once, nothing after an icon that says it
# already; the empty text after the slash is what screen readers read of it.
OUTSIDE, MAIL = '"\u00a0\u2197" / ""', '"\u00a0\u2709\ufe0e" / ""'
MARKS_SHOWN = [OUTSIDE, "", "", "", MAIL, "", MAIL, ""]
AFTER_TEXT = """(links) => links.map(link => {
  const content = getComputedStyle(link.querySelector('.choice-text'), '::after').content;
  return content === 'none' || content === 'normal' ? '' : content;
})"""


@pytest.mark.parametrize("theme", ["simple", pelican_choices.THEME_PATH], ids=["simple", "bundled"])
def test_an_outside_choice_shows_one_mark_that_screen_readers_skip(visit, tmp_path, theme):
    build = build_in(tmp_path, MARKED, THEME=theme, **FLAT)
    server, url = serve(build.output)
    try:
        page = visit(f"{url}/links.html", width=1280).page
        shown = page.eval_on_selector_all("nav.choices a.choice", AFTER_TEXT)
        texts = page.locator("nav.choices .choice-text").all_inner_texts()
        for text in texts:
            assert page.get_by_role("link", name=text, exact=True).count() >= 1, text
    finally:
        server.shutdown()
    assert shown == MARKS_SHOWN
