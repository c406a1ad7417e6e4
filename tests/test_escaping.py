"""Hostile metadata: nothing executes, nothing is lost, every problem is named."""

from __future__ import annotations

import re

import pytest
from browser_fixtures import serve
from bs4 import BeautifulSoup
from conftest import FLAT, Build, build_in, template_overrides
from hostile import HOSTILE_SITE, LITERAL_TEXTS

import pelican_choices

DANGEROUS_ADDRESS = re.compile(r"\s*(javascript|data|vbscript):", re.IGNORECASE)


@pytest.fixture(scope="module")
def bundled_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The hostile site in the bundled theme."""
    return build_in(
        tmp_path_factory.mktemp("bundled"), HOSTILE_SITE, THEME=pelican_choices.THEME_PATH, **FLAT
    )


@pytest.fixture(scope="module")
def simple_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The hostile site in Pelican's simple theme, through the two-line override."""
    root = tmp_path_factory.mktemp("simple")
    overrides = template_overrides(root / "overrides")
    return build_in(root, HOSTILE_SITE, THEME="simple", THEME_TEMPLATES_OVERRIDES=overrides, **FLAT)


@pytest.fixture(scope="module", params=["bundled", "simple"])
def hostile_build(request) -> Build:
    """The hostile site in the bundled theme, and in simple through the partial.

    ``ours`` selects what the project printed: the whole page in the bundled
    theme, the partial's markup in Pelican's simple theme (whose own templates
    print titles and category names unescaped).
    """
    build = request.getfixturevalue(f"{request.param}_build")
    build.ours = "html" if request.param == "bundled" else "nav.choices"
    return build


def test_no_event_handler_script_or_dangerous_href_comes_from_metadata(hostile_build):
    with_choices = set()
    for path in hostile_build.output.rglob("*.html"):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for part in page.select(hostile_build.ours):
            if part.select("a.choice"):
                with_choices.add(path.name)
            for element in [part, *part.find_all(True)]:
                handlers = [name for name in element.attrs if name.lower().startswith("on")]
                assert handlers == [], (path.name, str(element)[:120])
                assert element.name != "script", path.name
                for name in ("href", "src", "action", "formaction"):
                    assert not DANGEROUS_ADDRESS.match(element.get(name, "")), path.name

    assert with_choices == {"start.html", "target.html", "news.html"}


def test_script_looking_text_shows_literally(hostile_build):
    page = BeautifulSoup(hostile_build.html("start.html"), "html.parser")

    texts = [span.get_text() for span in page.select("a.choice .choice-text")]

    assert texts == [LITERAL_TEXTS[0], LITERAL_TEXTS[1], LITERAL_TEXTS[2]]
    target = BeautifulSoup(hostile_build.html("news.html"), "html.parser")
    assert [s.get_text() for s in target.select("a.choice .choice-text")] == [LITERAL_TEXTS[3]]


def test_every_valid_choice_is_kept_with_its_address_intact(hostile_build):
    page = BeautifulSoup(hostile_build.html("start.html"), "html.parser")

    hrefs = [a["href"] for a in page.select("a.choice")]

    assert hrefs == [
        "/target.html",
        "https://example.org/%22%20onmouseover=%22window.pwned='href'",
        "/target.html#%22%3E%3Cscript%3Ewindow.pwned='fragment'%3C/script%3E",
    ]
    assert "Some text." in hostile_build.html("start.html")
    assert "Some text." in hostile_build.html("target.html")


def test_each_bad_field_is_named_with_its_file_and_key(hostile_build):
    named = {tuple(message.split(" ", 2)[:2]) for message in hostile_build.messages}

    assert named == {
        ("content/pages/start.md:7:", "choice1icon"),
        ("content/pages/start.md:10:", "choice3url"),
        ("content/pages/start.md:14:", "choice5url"),
        ("content/pages/start.md:16:", "choice6url"),
        ("content/pages/target.md:6:", "choiceicon"),
    }


def test_no_script_runs_in_a_browser_even_on_hover(visit, bundled_build):
    """In the bundled theme: Pelican's simple theme prints titles unescaped in its own menu."""
    hostile_build = bundled_build
    server, base = serve(hostile_build.output)
    try:
        for path in sorted(hostile_build.output.rglob("*.html")):
            opened = visit(f"{base}/{path.relative_to(hostile_build.output)}")
            page = opened.page
            dialogs = []
            page.on(
                "dialog",
                lambda dialog, seen=dialogs: (seen.append(dialog.message), dialog.dismiss()),
            )
            for link in page.locator("a:not(.skip-link)").all():
                if link.is_visible():
                    link.hover()
            page.wait_for_timeout(50)
            assert page.evaluate("() => typeof window.pwned") == "undefined", path.name
            assert dialogs == [], path.name
            assert opened.blocked == [], path.name
    finally:
        server.shutdown()
