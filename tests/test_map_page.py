"""The map page in Chromium, as the author reads it: a small guide and a generated 300-page one.

Both are built in the bundled theme. From the map alone the author finds
every problem, orphan and dead end named and linked at the top, what leads
to any page, and pictures that fit the window, scroll sideways in their own
box with the scrollbar in view, and take the page's colours, light or dark.
"""

from __future__ import annotations

import io
import json

import pytest
from axe_playwright_python.sync_playwright import Axe
from browser_fixtures import serve
from conftest import FLAT, REPORTS, Build, build_in, markdown
from PIL import Image
from test_any_theme import contrast, luminance

import pelican_choices
from benchmarks.synthetic_site import write_site
from pelican_choices.layout import PAGE_PICTURE_LIMIT

BUNDLED = {"THEME": pelican_choices.THEME_PATH, **FLAT, **REPORTS}

# Ten pages in two chapters: an orphan, a dead end, a broken choice, a misspelt
# icon, a file and an outside address among the targets.
SMALL = {
    "pages/start.md": markdown(
        "Start here",
        slug="start",
        sort_order="1",
        category="Basics",
        choice1url="/soil.html",
        choice2url="/water.html",
        choice2icon="fa-shovl",
        choice3url="{static}/files/planting-calendar.pdf",
        choice3text="Print the planting calendar",
    ),
    "pages/soil.md": markdown(
        "Soil", slug="soil", sort_order="2", category="Basics", choice1url="/water.html"
    ),
    "pages/water.md": markdown(
        "Water",
        slug="water",
        sort_order="3",
        category="Basics",
        choice1url="/soil.html",
        choice2url="/seeds.html",
        choice3url="/start.html",
    ),
    "pages/seeds.md": markdown(
        "Seeds",
        slug="seeds",
        sort_order="4",
        category="Growing",
        choice1url="/beds.html",
        choice2url="/missing.html",
    ),
    "pages/beds.md": markdown(
        "Beds",
        slug="beds",
        sort_order="5",
        category="Growing",
        choice1url="/tools.html",
        choice2url="/seeds.html",
    ),
    "pages/tools.md": markdown(
        "Tools",
        slug="tools",
        sort_order="6",
        category="Growing",
        choice1url="/harvest.html",
        choice2url="https://example.org/tools",
        choice2text="Where to buy tools",
    ),
    "pages/harvest.md": markdown("Harvest", slug="harvest", sort_order="7", category="Growing"),
    "pages/pests.md": markdown(
        "Pests", slug="pests", sort_order="8", category="Growing", choice1url="/beds.html"
    ),
    "pages/compost.md": markdown(
        "Compost", slug="compost", sort_order="9", category="Basics", choice1url="/soil.html"
    ),
    "pages/about.md": markdown("About", slug="about", sort_order="10", choice1url="/start.html"),
    "files/planting-calendar.pdf": b"%PDF-1.4\n",
}
# What makes the generated guide's problems: an orphan that leads to a dead end, with a
# broken choice and a misspelt icon.
GUIDE_EXTRAS = {
    "pages/extra/lonely.md": markdown(
        "The lonely page",
        slug="lonely",
        sort_order="9.1",
        choice1url="/the-end.html",
        choice1icon="fa-shovl",
        choice2url="/no-such-page.html",
    ),
    "pages/extra/the-end.md": markdown("The end", slug="the-end", sort_order="9.2"),
}
GUIDE_PAGES = 300


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return build_in(tmp_path_factory.mktemp("small"), SMALL, **BUNDLED)


@pytest.fixture(scope="module")
def guide(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = tmp_path_factory.mktemp("guide")
    write_site(root / "content", GUIDE_PAGES)
    return build_in(root, GUIDE_EXTRAS, PAGE_PATHS=["pages"], **BUNDLED)


@pytest.fixture(scope="module")
def urls(small: Build, guide: Build):
    servers = {name: serve(build.output) for name, build in (("small", small), ("guide", guide))}
    yield {name: f"{url}/choices-map.html" for name, (_, url) in servers.items()}
    for server, _ in servers.values():
        server.shutdown()


def test_the_guide_is_large_enough_for_the_chapters_picture_only(guide):
    graph = json.loads(guide.html("choices.json"))

    assert len(graph["nodes"]) == GUIDE_PAGES + 2 > PAGE_PICTURE_LIMIT
    assert graph["summary"]["orphans"] == 1
    assert graph["summary"]["dead_ends"] == 1


TOP = """() => {
  const map = document.querySelector('div.choices-map');
  const picture = map.querySelector('div.choices-map-picture');
  const named = (selector) => [...map.querySelectorAll(selector)].map((a) => ({
    text: a.closest('li').textContent.replace(/\\s+/g, ' ').trim(),
    href: a.getAttribute('href'),
    bottom: a.getBoundingClientRect().bottom + scrollY,
  }));
  return {
    summary: map.querySelector('p.choices-map-summary').textContent,
    problems: named('ul.choices-map-problems a'),
    kinds: [...map.querySelectorAll('ul.choices-map-problems')].map((ul) =>
      [ul.previousElementSibling.textContent, ul.dataset.kind]),
    orphans: named('ul.choices-map-orphans a'),
    deadEnds: named('ul.choices-map-dead-ends a'),
    picture: picture.getBoundingClientRect().top + scrollY,
  };
}"""


def test_the_top_names_and_links_every_problem_orphan_and_dead_end(visit, urls):
    page = visit(urls["guide"]).page
    top = page.evaluate(TOP)

    assert top["summary"] == (
        "302 pages, 1201 choices, 2 problems (1 broken choice, 1 icon problem), "
        "1 orphan, 1 dead end."
    )
    assert top["kinds"] == [["Broken choices (1)", "broken-choice"], ["Icon problems (1)", "icon"]]
    assert [p["text"] for p in top["problems"]] == [
        "pages/extra/lonely.md:6: choice2url “/no-such-page.html” leads to no page of this site",
        "pages/extra/lonely.md:5: choice1icon “fa-shovl” is not a Font Awesome Free icon",
    ]
    assert [o["text"] for o in top["orphans"]] == ["The lonely page (pages/extra/lonely.md)"]
    assert [d["text"] for d in top["deadEnds"]] == ["The end (pages/extra/the-end.md)"]
    listed = top["problems"] + top["orphans"] + top["deadEnds"]
    assert max(link["bottom"] for link in listed) < top["picture"]
    # Each link leads to the page's entry, which names it and opens the page.
    for link, title, url in [
        (top["problems"][0], "The lonely page", "/lonely.html"),
        (top["orphans"][0], "The lonely page", "/lonely.html"),
        (top["deadEnds"][0], "The end", "/the-end.html"),
    ]:
        page.click(f'div.choices-map a[href="{link["href"]}"] >> nth=0')
        entry = page.locator(link["href"])
        assert entry.locator("a").first.inner_text() == title
        assert entry.locator("a").first.get_attribute("href") == url
        assert entry.evaluate("(e) => e.getBoundingClientRect().top") < 900
        assert entry.evaluate("(e) => e.getBoundingClientRect().bottom") > 0


INCOMING = """() => Object.fromEntries([...document.querySelectorAll('li.choices-map-item')].map(
  (item) => [item.querySelector('a').getAttribute('href'),
             [...item.querySelectorAll('p.choices-map-in a')].map((a) =>
               document.getElementById(a.getAttribute('href').slice(1))
                 .querySelector('a').getAttribute('href'))]))"""


def test_every_page_lists_the_pages_whose_choices_lead_to_it(visit, urls, guide):
    graph = json.loads(guide.html("choices.json"))
    expected = {f"/{node['url']}": [] for node in graph["nodes"]}
    for edge in graph["edges"]:
        if f"/{edge['to']}" in expected:
            expected[f"/{edge['to']}"].append(f"/{edge['from']}")

    assert visit(urls["guide"]).page.evaluate(INCOMING) == expected
    assert sum(len(sources) for sources in expected.values()) > 1000


PICTURE = """(selector) => {
  const box = document.querySelector(selector);
  box.scrollIntoView({block: 'start'});
  const place = box.getBoundingClientRect();
  const column = document.querySelector('p.choices-map-summary').getBoundingClientRect();
  return {
    left: place.left, right: place.right, top: place.top, bottom: place.bottom,
    width: place.width, column: [column.left, column.width],
    scrolls: box.scrollWidth > box.clientWidth,
    svg: box.querySelector('svg').getBoundingClientRect().width,
    window: [innerWidth, innerHeight],
    overflow: document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth,
  };
}"""


@pytest.mark.parametrize("width", [375, 1280, 3400])
def test_the_chapters_picture_fits_the_window_with_its_scrollbar_in_view(visit, urls, width):
    found = visit(urls["guide"], width=width).page.evaluate(
        PICTURE, "div.choices-map-picture.choices-map-chapters"
    )
    window_width, window_height = found["window"]

    assert found["overflow"] == 0
    assert found["left"] >= 0
    assert found["right"] <= window_width
    assert found["bottom"] <= window_height  # the whole box, its scrollbar too, is in view
    if found["svg"] <= window_width - 16:
        assert found["width"] >= found["svg"]  # all of it, nothing to scroll sideways
        assert not found["scrolls"]
    else:
        assert found["scrolls"]  # sideways, in its own box, whose bottom is in view
        assert found["width"] > found["column"][1]  # wider than the text column
        assert found["left"] < found["column"][0]


ENDS = """(box) => {
  const points = [];
  for (const path of box.querySelectorAll('path.choices-map-edge')) {
    const length = path.getTotalLength();
    for (const at of [0, length]) {
      const point = path.getPointAtLength(at);
      points.push([Math.round(point.x * 10) / 10, Math.round(point.y * 10) / 10,
                   path.dataset.from, path.dataset.to, at === 0 ? 'from' : 'to']);
    }
  }
  const boxes = [...box.querySelectorAll('a.choices-map-node rect')].map((rect) => {
    const b = rect.getBBox();
    return [b.x, b.y, b.width, b.height, rect.parentElement.getAttribute('href')];
  });
  return {points, boxes};
}"""


def test_in_the_small_site_s_picture_no_two_arrows_of_a_box_share_an_end_point(visit, urls):
    page = visit(urls["small"]).page
    found = page.locator("div.choices-map-pages").evaluate(ENDS)

    points = [(x, y) for x, y, *_ in found["points"]]
    inside = [p for p in found["points"] if not p[3].startswith(("https:", "files/"))]
    assert len(inside) == 2 * 13  # the choices between pages, two ends each
    assert len(set(points)) == len(points)
    for x, y, *_ in inside:
        on_a_side = [
            box
            for box in found["boxes"]
            if x in (box[0], box[0] + box[2]) and box[1] < y < box[1] + box[3]
        ]
        assert len(on_a_side) == 1, (x, y)


def test_the_small_site_gets_both_pictures_in_its_column(visit, urls):
    page = visit(urls["small"]).page

    for which in ("chapters", "pages"):
        found = page.evaluate(PICTURE, f"div.choices-map-picture.choices-map-{which}")
        assert found["overflow"] == 0
        assert abs(found["left"] - found["column"][0]) <= 1
        assert found["width"] >= found["svg"]
        assert found["bottom"] <= found["window"][1]
    texts = page.eval_on_selector_all("div.choices-map a", "links => links.map(a => a.textContent)")
    assert all(text.strip() for text in texts)
    assert "files/planting-calendar.pdf" in texts


COLOURS = """() => {
  const svg = document.querySelector('svg.choices-map-svg');
  const text = document.querySelector('p.choices-map-summary');
  let ground = 'rgba(0, 0, 0, 0)';
  for (let e = svg.parentElement; e; e = e.parentElement) {
    const colour = getComputedStyle(e).backgroundColor;
    if (!/^rgba\\(.*, 0\\)$|^transparent$/.test(colour)) { ground = colour; break; }
  }
  return {
    svg: getComputedStyle(svg).color,
    text: getComputedStyle(text).color,
    line: getComputedStyle(svg.querySelector('.choices-map-edge, .choices-map-link')).stroke,
    ground,
  };
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("site", ["small", "guide"])
def test_the_pictures_take_the_page_s_colours(visit, urls, site, scheme):
    page = visit(urls[site], scheme=scheme).page
    found = page.evaluate(COLOURS)

    assert found["svg"] == found["text"]
    assert found["line"] == found["text"]
    assert contrast(found["text"], found["ground"]) >= 4.5
    # Drawn, the picture's most common colour is the page's ground: no block of its own.
    shot = page.locator("div.choices-map-picture").first.screenshot()
    image = Image.open(io.BytesIO(shot)).convert("RGB")
    _, common = max(image.getcolors(image.width * image.height))
    drawn = luminance(*(channel / 255 for channel in common))
    ground = [float(n) for n in found["ground"][found["ground"].index("(") + 1 : -1].split(",")]
    assert abs(drawn - luminance(*(c / 255 for c in ground[:3]))) < 0.02
    assert (drawn < 0.2) is (scheme == "dark")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("site", ["small", "guide"])
def test_the_map_page_loads_cleanly_and_axe_finds_no_violation(visit, urls, site, scheme):
    opened = visit(urls[site], scheme=scheme)
    results = Axe().run(opened.page)

    assert opened.status == 200
    assert opened.blocked == []
    assert opened.errors == []
    assert [v["id"] for v in results.response["violations"]] == []
