"""The navigation map: the summary line, choices.json and the map page with its SVG."""

from __future__ import annotations

import json
import logging
import re
from html.parser import HTMLParser

import pytest
from conftest import FLAT, REPORTS, Build, build_in, markdown

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


class _SvgReader(HTMLParser):
    """The node links and the edges of the map's SVG, and the items of its text list."""

    def __init__(self) -> None:
        super().__init__()
        self.in_svg = False
        self.groups: list[str] = []
        self.nodes: list[tuple[str, str]] = []
        self.edges: dict[str, list[tuple[str, str]]] = {"near": [], "long": [], "out": []}
        self.titles: list[str] = []
        self.list_text = ""
        self.in_list = 0
        self.in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        classes = attributes.get("class", "").split()
        if tag == "svg" and "choices-map-svg" in classes:
            self.in_svg = True
        elif self.in_svg and tag == "g":
            self.groups.append(attributes.get("class", ""))
        elif self.in_svg and tag == "a":
            self.nodes.append((attributes["href"], " ".join(classes)))
        elif self.in_svg and tag == "path" and "choices-map-edge" in classes:
            kind = self.groups[-1].removeprefix("choices-map-edges-")
            self.edges[kind].append((attributes["data-from"], attributes["data-to"]))
        elif self.in_svg and tag == "title" and self.nodes:
            self.in_title = True
            self.titles.append("")
        elif tag == "ul" and ("choices-map-list" in classes or self.in_list):
            self.in_list += 1
            self.list_text += "\n"

    def handle_endtag(self, tag: str) -> None:
        if tag == "svg":
            self.in_svg = False
        elif self.in_svg and tag == "g":
            self.groups.pop()
        elif tag == "title":
            self.in_title = False
        elif tag == "ul" and self.in_list:
            self.in_list -= 1
        elif tag == "li" and self.in_list:
            self.list_text += "\n"

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.titles[-1] += data
        elif self.in_list:
            self.list_text += data


def read_map(html: str) -> _SvgReader:
    reader = _SvgReader()
    reader.feed(html)
    return reader


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
    found = read_map(site.html("choices-map.html"))

    assert found.nodes == [
        ("/start.html", "choices-map-node choices-map-has-broken"),
        ("/a.html", "choices-map-node"),
        ("/b.html", "choices-map-node choices-map-dead-end"),
        ("/lonely.html", "choices-map-node choices-map-orphan"),
        ("/self.html", "choices-map-node choices-map-orphan"),
        ("/secret.html", "choices-map-node choices-map-unordered"),
        (
            "/stray.html",
            "choices-map-node choices-map-orphan choices-map-dead-end "
            "choices-map-unordered choices-map-has-broken",
        ),
        ("/target.html", "choices-map-node choices-map-unordered"),
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
    assert found.edges == {
        "near": [
            ("start.html", "a.html"),
            ("a.html", "b.html"),
            ("a.html", "target.html"),
            ("lonely.html", "a.html"),
            ("lonely.html", "secret.html"),
            ("self.html", "self.html"),
        ],
        "long": [],
        "out": [("start.html", "https://example.org/")],
    }


def test_the_text_list_says_what_the_picture_shows(site):
    text = read_map(site.html("choices-map.html")).list_text

    assert [line for line in text.splitlines() if line] == [
        "Start (number 1 in the reading order)",
        "Choice 1, “Go to A”, leads to A",
        "Choice 2, “Elsewhere”, leads to https://example.org/ (outside the site)",
        "Broken: choice3url “/missing.html” leads to no page of this site",
        "A (number 2 in the reading order)",
        "Choice 1, “B”, leads to B",
        "Choice 2, “Target”, leads to Target",
        "B (number 3 in the reading order) Dead end: no valid choice leads on.",
        "Lonely (number 4 in the reading order) Orphan: no other page leads here.",
        "Choice 1, “A”, leads to A",
        "Choice 2, “Secret”, leads to Secret",
        "Self (number 5 in the reading order) Orphan: no other page leads here.",
        "Choice 1, “Self”, leads to Self",
        "Secret (outside the reading order)",
        "Stray (outside the reading order) Orphan: no other page leads here. "
        "Dead end: no valid choice leads on.",
        "Broken: choice1url “/gone.html” leads to no page of this site",
        "Target (outside the reading order)",
        "Broken, in pages/a-fr.md: choice2url “/perdu.html” leads to no page of this site",
    ]


def test_the_map_lists_every_problem_under_the_summary(site):
    html = site.html("choices-map.html")
    start = html.index('<ul class="choices-map-problems"')
    problems = html[start : html.index("</ul>", start)]

    assert html.index("choices-map-summary") < html.index("choices-map-problems")
    assert html.index("choices-map-problems") < html.index('<svg class="choices-map-svg"')
    assert re.findall(r'data-kind="([^"]*)">([^<]*)</li>', problems) == [
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


def test_two_builds_write_the_same_bytes(site, build_site):
    second = build_site(dict(reversed(SITE.items())), **REPORTS, **FLAT)

    assert second.html("choices.json") == site.html("choices.json")
    assert second.html("choices-map.html") == site.html("choices-map.html")


def test_chapters_get_their_own_columns(build_site):
    files = {
        f"pages/{slug}.md": markdown(
            slug.upper(), slug=slug, sort_order=str(order), category=category, choice1url=to
        )
        for order, (slug, category, to) in enumerate(
            [("a", "Basics", "/b.html"), ("b", "Basics", "/c.html"), ("c", "Deploy", "/a.html")],
            1,
        )
    }
    build = build_site(files, **REPORTS, **FLAT)
    html = build.html("choices-map.html")

    assert [n["chapter"] for n in json.loads(build.html("choices.json"))["nodes"]] == [
        "Basics",
        "Basics",
        "Deploy",
    ]
    assert html.count('class="choices-map-heading"') == 2
    assert ">Basics</text>" in html
    assert ">Deploy</text>" in html
    assert read_map(html).edges["near"] == [
        ("a.html", "b.html"),
        ("b.html", "c.html"),
        ("c.html", "a.html"),
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
    found = read_map(build.html("guide/map.html"))

    assert [href for href, _ in found.nodes][:2] == ["../start.html", "../a.html"]


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
    assert len(read_map(build.html("map/index.html")).nodes) == 8
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
    ("theme", "marker"),
    [("simple", "Proudly powered by"), ("notmyidea", 'id="banner"')],
)
def test_the_map_page_renders_in_pelicans_themes(build_site, theme, marker):
    build = build_site(SITE, THEME=theme, **REPORTS, **FLAT)
    html = build.html("choices-map.html")

    assert marker in html
    assert (
        '<meta name="robots" content="noindex">'
        in html[html.index("<head>") : html.index("</head>")]
    )
    assert "<title>Navigation map · " in html
    assert len(read_map(html).nodes) == 8
    assert html.index("<h1>Navigation map</h1>") < html.index('<svg class="choices-map-svg"')


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
