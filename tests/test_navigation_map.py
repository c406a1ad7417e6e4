"""The navigation map: the summary line, choices.json and the map page with its SVG."""

from __future__ import annotations

import json
import logging

import pytest
from bs4 import BeautifulSoup, Tag
from conftest import FLAT, REPORTS, Build, build_in, markdown

from pelican_choices.layout import PAGE_PICTURE_LIMIT
from pelican_choices.problems import KINDS

# start -> a -> b (a dead end); a -> target; lonely -> a and to a hidden page;
# start also leads outside and to a missing page; "stray" has only a broken
# choice; "self" only leads to itself. The page nothing leads to, the hidden
# page nothing leads to, the article, the draft (whose broken choice is only
# logged) and the translation (whose choice leads to "lonely", and whose broken
# one is listed) are not part of the map.
SITE = {
    "pages/start.md": markdown(
        "Start",
        slug="start",
        sort_order="1",
        choice1url="/a.html",
        choice1text="Go to A",
        choice1icon="fa-flask",
        choice2url="https://example.org/",
        choice2text="Elsewhere",
        choice3url="/missing.html",
        choice3text="Nowhere",
    ),
    "pages/a.md": markdown(
        "A", slug="a", sort_order="2", choice1url="/b.html", choice2url="{filename}target.md#top"
    ),
    "pages/b.md": markdown("B", slug="b", sort_order="3"),
    "pages/lonely.md": markdown(
        "Lonely", slug="lonely", sort_order="4", choice1url="/a.html", choice2url="/secret.html"
    ),
    "pages/secret.md": markdown("Secret", slug="secret", status="hidden"),
    "pages/hidden.md": markdown("Hidden", slug="hidden", status="hidden"),
    "pages/a-fr.md": markdown(
        "A en français", slug="a", lang="fr", choice1url="/lonely.html", choice2url="/perdu.html"
    ),
    "pages/self.md": markdown("Self", slug="self", sort_order="5", choice1url="#more"),
    "pages/stray.md": markdown("Stray", slug="stray", choice1url="/gone.html"),
    "pages/target.md": markdown("Target", slug="target"),
    "pages/unrelated.md": markdown("Unrelated", slug="unrelated"),
    "posts/news.md": markdown("News", slug="news", date="2024-01-01"),
    "posts/draft.md": markdown("Draft", slug="draft", status="draft", choice1text="Lost"),
}


def node(url, title, source, *, position=None, sort_order=None):
    return {
        "url": url,
        "title": title,
        "source": source,
        "position": position,
        "sort_order": sort_order,
        "chapter": None,
    }


def edge(origin, to, number, text, *, icon="fa-solid-arrow-right", external=False):
    return {
        "from": origin,
        "to": to,
        "number": number,
        "text": text,
        "icon": icon,
        "external": external,
    }


EXPECTED = {
    "about": "pelican-choices report (CHOICES_GRAPH_SAVE_AS): the choice graph, for the author",
    "version": 1,
    "nodes": [
        node("start.html", "Start", "pages/start.md", position=1, sort_order="1"),
        node("a.html", "A", "pages/a.md", position=2, sort_order="2"),
        node("b.html", "B", "pages/b.md", position=3, sort_order="3"),
        node("lonely.html", "Lonely", "pages/lonely.md", position=4, sort_order="4"),
        node("self.html", "Self", "pages/self.md", position=5, sort_order="5"),
        node("secret.html", "Secret", "pages/secret.md"),
        node("stray.html", "Stray", "pages/stray.md"),
        node("target.html", "Target", "pages/target.md"),
    ],
    "edges": [
        edge("start.html", "a.html", 1, "Go to A", icon="fa-solid-flask"),
        edge("start.html", "https://example.org/", 2, "Elsewhere", external=True),
        edge("a.html", "b.html", 1, "B"),
        edge("a.html", "target.html", 2, "Target"),
        edge("lonely.html", "a.html", 1, "A"),
        edge("lonely.html", "secret.html", 2, "Secret"),
        edge("self.html", "self.html", 1, "Self"),
    ],
    "problems": [
        {
            "kind": "broken-choice",
            "source": "pages/a-fr.md",
            "line": 5,
            "key": "choice2url",
            "value": "/perdu.html",
            "reason": "leads to no page of this site",
        },
        {
            "kind": "broken-choice",
            "source": "pages/start.md",
            "line": 9,
            "key": "choice3url",
            "value": "/missing.html",
            "reason": "leads to no page of this site",
        },
        {
            "kind": "broken-choice",
            "source": "pages/stray.md",
            "line": 3,
            "key": "choice1url",
            "value": "/gone.html",
            "reason": "leads to no page of this site",
        },
    ],
    "summary": {
        "pages": 8,
        "choices": 7,
        "problems": {kind.name: 3 if kind.name == "broken-choice" else 0 for kind in KINDS},
        "orphans": 3,
        "dead_ends": 2,
    },
    "orphans": ["lonely.html", "self.html", "stray.html"],
    "dead_ends": ["b.html", "stray.html"],
}


class MapPage:
    """What the map page shows, read as a browser parses it."""

    def __init__(self, html: str) -> None:
        self.soup = BeautifulSoup(html, "html.parser")
        self.map = self.soup.select_one("div.choices-map")

    def picture(self, which: str = "pages") -> Tag | None:
        return self.soup.select_one(f"div.choices-map-{which} svg.choices-map-svg")

    @property
    def nodes(self) -> list[tuple[str, str]]:
        """Each page box of the pages' picture: its link and its classes."""
        return [
            (a["href"], " ".join(a["class"])) for a in self.picture().select("a.choices-map-node")
        ]

    @property
    def titles(self) -> list[str]:
        return [a.title.get_text() for a in self.picture().select("a.choices-map-node")]

    def edges(self, group: str) -> list[tuple[str, str]]:
        """The arrows of one group of the pages' picture (``in``, ``out``): from and to."""
        return [
            (path["data-from"], path["data-to"])
            for path in self.picture().select(f"g.choices-map-edges-{group} path.choices-map-edge")
        ]

    @property
    def list_lines(self) -> list[str]:
        """Each entry of the list of pages, and each line of it, as text."""
        lines = []
        for item in self.soup.select("li.choices-map-item"):
            own = [
                child for child in item.children if getattr(child, "name", None) not in ("ul", "p")
            ]
            lines.append(" ".join("".join(_text(c) for c in own).split()))
            lines += [
                " ".join(li.get_text().split()) for li in item.select("ul.choices-map-out > li")
            ]
            lines += [" ".join(p.get_text().split()) for p in item.select("p.choices-map-in")]
        return lines

    def entry(self, anchor: str) -> Tag:
        """The element a link within the map leads to (``#choices-map-p2``)."""
        return self.soup.find(id=anchor.removeprefix("#"))

    def links(self, selector: str) -> list[tuple[str, str]]:
        return [(a.get_text(), a["href"]) for a in self.soup.select(selector)]


def _text(node: object) -> str:
    return node.get_text() if isinstance(node, Tag) else str(node)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """SITE with both reports on, as most of these tests read it."""
    return build_in(tmp_path_factory.mktemp("map"), SITE, **REPORTS, **FLAT)


def test_choices_json_holds_the_whole_graph(site):
    assert json.loads(site.html("choices.json")) == EXPECTED


def test_choices_json_is_indented_by_two_spaces_with_sorted_keys(build_site):
    awkward = 'Say "hi" \\ to ünïcode 🦤 </script>'
    pages = SITE | {
        "pages/awkward.md": markdown(
            awkward,
            slug="awkward",
            sort_order="6",
            choice1url="/start.html",
            choice1text=awkward,
            choice1icon="fa-flask",
            choice2url='/no "such" page.html',
        )
    }
    build = build_site(pages, **REPORTS, **FLAT)

    text = build.html("choices.json")
    assert text == json.dumps(json.loads(text), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    assert awkward in [node["title"] for node in json.loads(text)["nodes"]]
    assert awkward in [edge["text"] for edge in json.loads(text)["edges"]]


def test_the_build_sums_up_the_graph_in_one_info_line(site):
    lines = [
        record.getMessage()
        for record in site.records
        if record.levelno == logging.INFO and not record.getMessage().startswith("Writing")
    ]
    assert lines == [
        "choices: 8 pages, 7 choices, 3 problems (3 broken choices), 3 orphans, 2 dead ends"
    ]


def test_the_map_links_every_node_and_draws_every_edge(site):
    found = MapPage(site.html("choices-map.html"))

    assert found.nodes == [
        ("#choices-map-p1", "choices-map-node choices-map-has-broken"),
        ("#choices-map-p2", "choices-map-node"),
        ("#choices-map-p3", "choices-map-node choices-map-dead-end"),
        ("#choices-map-p4", "choices-map-node choices-map-orphan"),
        ("#choices-map-p5", "choices-map-node choices-map-orphan"),
        ("#choices-map-p6", "choices-map-node choices-map-unordered"),
        (
            "#choices-map-p7",
            "choices-map-node choices-map-orphan choices-map-dead-end "
            "choices-map-unordered choices-map-has-broken",
        ),
        ("#choices-map-p8", "choices-map-node choices-map-unordered"),
    ]
    assert found.titles == [
        "Start; 1 broken choice",
        "A",
        "B; dead end",
        "Lonely; orphan",
        "Self; orphan",
        "Secret",
        "Stray; orphan; dead end; 1 broken choice",
        "Target",
    ]
    assert found.edges("in") == [
        ("start.html", "a.html"),
        ("a.html", "b.html"),
        ("a.html", "target.html"),
        ("lonely.html", "a.html"),
        ("lonely.html", "secret.html"),
        ("self.html", "self.html"),
    ]
    assert found.edges("out") == [("start.html", "https://example.org/")]
    # A site without chapters, and small: no picture of chapters.
    assert found.picture("chapters") is None


def test_the_list_gives_each_page_its_place_its_choices_and_what_leads_to_it(site):
    assert MapPage(site.html("choices-map.html")).list_lines == [
        "Start (number 1 of 5 in the reading order; pages/start.md)",
        "Choice 1, “Go to A”, leads to A",
        "Choice 2, “Elsewhere”, leads to https://example.org/ (outside the site)",
        "Broken: choice3url “/missing.html” leads to no page of this site",
        "A (number 2 of 5 in the reading order; pages/a.md)",
        "Choice 1, “B”, leads to B",
        "Choice 2, “Target”, leads to Target",
        "Choices that lead here: Start (choice 1), Lonely (choice 1).",
        "B (number 3 of 5 in the reading order; pages/b.md) Dead end: no valid choice leads on.",
        "Choices that lead here: A (choice 1).",
        "Lonely (number 4 of 5 in the reading order; pages/lonely.md) "
        "Orphan: no other page leads here.",
        "Choice 1, “A”, leads to A",
        "Choice 2, “Secret”, leads to Secret",
        "Self (number 5 of 5 in the reading order; pages/self.md) "
        "Orphan: no other page leads here.",
        "Choice 1, “Self”, leads to Self",
        "Choices that lead here: Self (choice 1).",
        "Secret (outside the reading order; pages/secret.md)",
        "Choices that lead here: Lonely (choice 2).",
        "Stray (outside the reading order; pages/stray.md) Orphan: no other page leads here. "
        "Dead end: no valid choice leads on.",
        "Broken: choice1url “/gone.html” leads to no page of this site",
        "Target (outside the reading order; pages/target.md)",
        "Choices that lead here: A (choice 2).",
    ]


def test_every_page_named_in_the_map_links_to_its_entry_and_the_entry_to_the_page(site):
    found = MapPage(site.html("choices-map.html"))
    entries = found.soup.select("li.choices-map-item")

    assert [(item["id"], item.a["href"]) for item in entries][:2] == [
        ("choices-map-p1", "/start.html"),
        ("choices-map-p2", "/a.html"),
    ]
    inside = found.map.select('a[href^="#"]')
    assert len(inside) > 20
    for link in inside:
        assert found.entry(link["href"]) is not None, link
        assert link.get_text().strip(), link
    # Each link to an entry says the title of the page it leads to.
    for link in found.soup.select("ul.choices-map-out a[href^='#'], p.choices-map-in a"):
        assert link.get_text() == found.entry(link["href"]).a.get_text()


def test_the_top_names_and_links_every_problem_by_kind_every_orphan_and_dead_end(site):
    found = MapPage(site.html("choices-map.html"))
    top = found.map.find_all(recursive=False)

    assert [tag.get_text() for tag in top if tag.name in ("h2", "h3")] == [
        "Problems",
        "Broken choices (3)",
        "Orphans (3)",
        "Dead ends (2)",
        "Pages",
    ]
    assert top[0]["class"] == ["choices-map-summary"]
    assert found.links("ul.choices-map-problems a") == [
        ("pages/a-fr.md:5", "/a-fr.html"),
        ("pages/start.md:9", "#choices-map-p1"),
        ("pages/stray.md:3", "#choices-map-p7"),
    ]
    assert found.links("ul.choices-map-orphans a") == [
        ("Lonely", "#choices-map-p4"),
        ("Self", "#choices-map-p5"),
        ("Stray", "#choices-map-p7"),
    ]
    assert found.links("ul.choices-map-dead-ends a") == [
        ("B", "#choices-map-p3"),
        ("Stray", "#choices-map-p7"),
    ]
    html = site.html("choices-map.html")
    assert html.index("choices-map-dead-ends") < html.index('<svg class="choices-map-svg"')


def test_the_map_lists_every_problem_under_the_summary(site):
    html = site.html("choices-map.html")
    found = MapPage(html)

    assert html.index("choices-map-summary") < html.index("choices-map-problems")
    assert [
        (item["data-kind"], item.get_text())
        for item in found.soup.select("ul.choices-map-problems li.choices-map-problem")
    ] == [
        (
            "broken-choice",
            "pages/a-fr.md:5: choice2url \u201c/perdu.html\u201d leads to no page of this site",
        ),
        (
            "broken-choice",
            "pages/start.md:9: choice3url \u201c/missing.html\u201d leads to no page of this site",
        ),
        (
            "broken-choice",
            "pages/stray.md:3: choice1url \u201c/gone.html\u201d leads to no page of this site",
        ),
    ]


def test_a_file_or_a_listing_a_choice_leads_to_shows_its_path_or_name(build_site):
    files = {
        "pages/start.md": markdown(
            "Start",
            slug="start",
            sort_order="1",
            choice1url="{static}/files/planting-calendar.pdf",
            choice1text="The calendar",
            choice2url="/category/tools.html",
            choice3url="/next.html",
        ),
        "pages/next.md": markdown("Next", slug="next", sort_order="2"),
        "posts/news.md": markdown("News", slug="news", date="2024-01-01", category="Tools"),
        "files/planting-calendar.pdf": b"%PDF-1.4\n",
    }
    found = MapPage(build_site(files, **REPORTS, **FLAT).html("choices-map.html"))

    assert found.links("ul.choices-map-out a") == [
        ("files/planting-calendar.pdf", "/files/planting-calendar.pdf"),
        ("Tools", "/category/tools.html"),
        ("Next", "#choices-map-p2"),
    ]
    assert all(text for text, _ in found.links("div.choices-map a"))


def test_two_builds_write_the_same_bytes(site, build_site):
    second = build_site(dict(reversed(SITE.items())), **REPORTS, **FLAT)

    assert second.html("choices.json") == site.html("choices.json")
    assert second.html("choices-map.html") == site.html("choices-map.html")


CHAPTERS = {
    f"pages/{slug}.md": markdown(
        slug.upper(), slug=slug, sort_order=str(order), category=category, choice1url=to
    )
    for order, (slug, category, to) in enumerate(
        [
            ("a", "Basics", "/b.html"),
            ("b", "Basics", "/c.html"),
            ("c", "Deploy", "/a.html"),
            ("d", "Deploy", "/e.html"),
            ("e", "Deploy", "/a.html"),
        ],
        1,
    )
}


def test_each_chapter_is_a_box_with_the_choices_between_chapters_counted(build_site):
    build = build_site(CHAPTERS, **REPORTS, **FLAT)
    found = MapPage(build.html("choices-map.html"))
    chapters = found.picture("chapters")

    assert [(a["href"], a.title.get_text()) for a in chapters.select("a.choices-map-group")] == [
        ("#choices-map-g1", "Basics: 2 pages, 1 choice inside"),
        ("#choices-map-g2", "Deploy: 3 pages, 1 choice inside; 1 orphan"),
    ]
    assert [
        (path["data-from"], path["data-to"], path["data-count"])
        for path in chapters.select("path.choices-map-link")
    ] == [("Basics", "Deploy", "1"), ("Deploy", "Basics", "2")]
    assert [text.get_text() for text in chapters.select("g.choices-map-counts text")] == ["1", "2"]
    # The pages' picture and the list group the pages by chapter too.
    pages = found.picture("pages")
    assert [h.get_text() for h in pages.select("text.choices-map-heading")] == ["Basics", "Deploy"]
    assert [(h["id"], h.get_text()) for h in found.map.select("h3[id]")] == [
        ("choices-map-g1", "Basics"),
        ("choices-map-g2", "Deploy"),
    ]
    assert [
        " ".join(p.get_text().split()) for p in found.map.select("p.choices-map-group-links")
    ] == [
        "Choices to Deploy (1). Choices from Deploy (2).",
        "Choices to Basics (2). Choices from Basics (1).",
    ]
    assert found.edges("in") == [
        ("a.html", "b.html"),
        ("b.html", "c.html"),
        ("c.html", "a.html"),
        ("d.html", "e.html"),
        ("e.html", "a.html"),
    ]


def test_without_chapters_dotted_sort_orders_make_the_sections(build_site):
    files = {
        f"pages/{slug}.md": markdown(slug.upper(), slug=slug, sort_order=order, choice1url=to)
        for slug, order, to in [
            ("a", "1.1", "/b.html"),
            ("b", "1.2", "/c.html"),
            ("c", "2.1", "/a.html"),
        ]
    } | {"pages/aside.md": markdown("Aside", slug="aside", choice1url="/a.html")}
    found = MapPage(build_site(files, **REPORTS, **FLAT).html("choices-map.html"))

    assert [a.title.get_text() for a in found.picture("chapters").select("a")] == [
        "Section 1: 2 pages, 1 choice inside",
        "Section 2: 1 page, 0 choices inside",
        "Outside the reading order: 1 page, 0 choices inside; 1 orphan",
    ]


def test_above_the_limit_the_chapters_picture_and_the_list_stand_for_the_pages(build_site):
    size = PAGE_PICTURE_LIMIT + 1
    files = {
        f"pages/p{n}.md": markdown(
            f"P{n}", slug=f"p{n}", sort_order=str(n), choice1url=f"/p{(n + 1) % size}.html"
        )
        for n in range(size)
    }
    found = MapPage(build_site(files, **REPORTS, **FLAT).html("choices-map.html"))

    assert found.picture("pages") is None
    assert found.map.select_one("p.choices-map-no-picture").get_text() == (
        f"The picture of every page is drawn for a site of at most {PAGE_PICTURE_LIMIT} "
        f"pages, and this one has {size}: the entries below, and the picture of the "
        "chapters above, say where each page leads."
    )
    assert [a.title.get_text() for a in found.picture("chapters").select("a")] == [
        "Pages 1\u201325: 25 pages, 24 choices inside",
        "Pages 26\u201350: 25 pages, 24 choices inside",
        "Pages 51\u201361: 11 pages, 10 choices inside",
    ]
    assert len(found.soup.select("li.choices-map-item")) == size
    assert found.list_lines[-3:] == [
        f"P{size - 1} (number {size} of {size} in the reading order; pages/p{size - 1}.md)",
        "Choice 1, “P0”, leads to P0",
        f"Choices that lead here: P{size - 2} (choice 1).",
    ]


def test_values_are_escaped_in_the_picture_and_the_list(build_site):
    files = {
        "pages/a.md": markdown(
            "<script>alert(1)</script>",
            slug="a",
            sort_order="1",
            choice1url="/b.html",
            choice1text='"><img src=x onerror=alert(2)>',
        ),
        "pages/b.md": markdown("B & <b>", slug="b", sort_order="2", choice1url="/a.html"),
    }
    page = build_site(files, **REPORTS, **FLAT).html("choices-map.html")
    html = page[page.index('<div class="choices-map">') :]

    assert "<script>alert" not in html
    assert "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "B &amp; &lt;b&gt;" in html


def test_hrefs_follow_relative_urls(build_site):
    build = build_site(SITE, CHOICES_MAP_SAVE_AS="guide/map.html", RELATIVE_URLS=True, **FLAT)
    found = MapPage(build.html("guide/map.html"))

    entries = found.soup.select("li.choices-map-item > a")
    assert [a["href"] for a in entries][:2] == ["../start.html", "../a.html"]
    assert found.links("ul.choices-map-problems a")[0] == ("pages/a-fr.md:5", "../a-fr.html")


@pytest.mark.parametrize(
    ("setting", "off", "still_there"),
    [
        ("CHOICES_GRAPH_SAVE_AS", "choices.json", "choices-map.html"),
        ("CHOICES_MAP_SAVE_AS", "choices-map.html", "choices.json"),
    ],
)
def test_none_turns_a_file_off(build_site, setting, off, still_there):
    build = build_site(SITE, **REPORTS | {setting: None}, **FLAT)

    assert not (build.output / off).exists()
    assert (build.output / still_there).is_file()


def test_the_files_go_where_the_settings_say(build_site):
    build = build_site(
        SITE, CHOICES_GRAPH_SAVE_AS="data/graph.json", CHOICES_MAP_SAVE_AS="map/index.html", **FLAT
    )

    assert json.loads(build.html("data/graph.json")) == EXPECTED
    assert len(MapPage(build.html("map/index.html")).nodes) == 8
    assert not (build.output / "choices.json").exists()
    assert not (build.output / "choices-map.html").exists()


@pytest.mark.parametrize("value", ["../outside.json", "/etc/graph.json", "dir/", ".", "a/./b", 3])
def test_a_save_as_outside_the_output_is_refused(build_site, value):
    build = build_site(SITE, CHOICES_GRAPH_SAVE_AS=value, **FLAT)

    assert (
        f"settings: CHOICES_GRAPH_SAVE_AS = {value!r} is not valid (expected a file name "
        "inside the output folder, or None); using the default None"
    ) in build.messages
    assert not (build.output.parent / "outside.json").exists()
    assert not list(build.output.rglob("*.json"))


@pytest.mark.parametrize(
    ("theme", "column", "heading"),
    [("simple", "article", "h2"), ("notmyidea", "section#content.body", "h1.entry-title")],
)
def test_the_map_is_the_text_of_a_page_in_pelicans_themes(build_site, theme, column, heading):
    """The theme's page template writes the map page: its heading, then the map in its column."""
    build = build_site(SITE, THEME=theme, **REPORTS, **FLAT)
    html = build.html("choices-map.html")
    found = MapPage(html)

    assert found.soup.head.select('meta[name="robots"][content="noindex"]')
    assert "Navigation map" in found.soup.title.get_text()
    [text] = found.soup.select(f"{column} div.choices-map")
    assert text.find_previous(heading.split(".")[0]).get_text().strip() == "Navigation map"
    assert len(found.nodes) == 8


def test_a_site_without_choices_gets_an_empty_map(build_site):
    build = build_site({"posts/news.md": markdown("News", date="2024-01-01")}, **REPORTS, **FLAT)

    assert json.loads(build.html("choices.json")) == {
        "about": EXPECTED["about"],
        "version": 1,
        "nodes": [],
        "edges": [],
        "problems": [],
        "orphans": [],
        "dead_ends": [],
        "summary": {
            "pages": 0,
            "choices": 0,
            "problems": dict.fromkeys((kind.name for kind in KINDS), 0),
            "orphans": 0,
            "dead_ends": 0,
        },
    }
    html = build.html("choices-map.html")
    assert "0 pages, 0 choices, 0 problems, 0 orphans, 0 dead ends." in html
    assert "<svg" not in html
