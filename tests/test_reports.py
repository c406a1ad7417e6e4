"""The reports are private by default, never replace a file of the site, and never go stale."""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import (
    FLAT,
    PROBE_THEME,
    REPORTS,
    Build,
    build_in,
    different_files,
    markdown,
    pelican_settings,
    plugin_records,
    run_pelican,
    write_files,
)
from pelican import Pelican

from pelican_choices import BrokenChoicesError

SITEMAP = {"PLUGINS": ["pelican_choices", "pelican.plugins.sitemap"], "SITEMAP": {"format": "xml"}}
LONG_TEXT = "Read on " * 2_000

# What an owner has: a draft with a broken choice, hidden pages, a translation,
# a right-to-left override in a text, a .pdf link that shares a page's slug.
OWNERS_SITE = {
    "pages/t1.md": markdown(
        "Tee one",
        slug="t1",
        sort_order="1",
        choice1url="/t1.pdf",
        choice1text="Get the PDF",
        choice2url="/about.html",
        choice2text="Download report\u202efdp.exe",
        choice3url="/linked-hidden.html",
        choice4url="/drafts/pages/pricing.html",
        choice5url="/about.html#more",
        choice5text=LONG_TEXT,
    ),
    "pages/t1-fr.md": markdown("Tee un", slug="t1", lang="fr", choice1url="/about.html"),
    "pages/about.md": markdown("About", slug="about", sort_order="2", choice1url="/t1.html"),
    "pages/pricing.md": markdown(
        "Unreleased pricing",
        slug="pricing",
        status="draft",
        choice1url="/unreleased-pricing-2027.html",
    ),
    "pages/unlinked.md": markdown(
        "Unlinked hidden", slug="unlinked-hidden", status="hidden", choice1url="/t1.html"
    ),
    "pages/linked.md": markdown("Linked hidden", slug="linked-hidden", status="hidden"),
    "posts/news.md": markdown("News", slug="news", date="2024-01-01"),
}
DRAFT_TRACES = ("pricing", "unreleased", "Unreleased")
# A page template that includes the map partial.
MAP_PARTIAL_PAGE = (
    "<!doctype html>\n<title>{{ page.title|e }}</title>\n<main>{{ page.content }}</main>\n"
    '<div class="partial">{% include "pelican_choices/map.html" %}</div>\n'
)


# The owner's settings, as pelican-quickstart lays them out: publishconf.py imports pelicanconf.py.
PELICANCONF = f"""\
PATH = "content"
SITEURL = ""
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
THEME = {str(PROBE_THEME)!r}
PAGE_URL = PAGE_SAVE_AS = "{{slug}}.html"
PAGE_LANG_URL = PAGE_LANG_SAVE_AS = "{{slug}}-{{lang}}.html"
FEED_ALL_ATOM = CATEGORY_FEED_ATOM = TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None
PLUGINS = ["pelican_choices", "pelican.plugins.sitemap"]
SITEMAP = {{"format": "xml"}}
CHOICES_GRAPH_SAVE_AS = "choices.json"
CHOICES_MAP_SAVE_AS = "choices-map.html"
"""
PUBLISHCONF = """\
import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *

SITEURL = "https://example.org"
RELATIVE_URLS = False
FEED_ALL_ATOM = "feeds/all.atom.xml"
DELETE_OUTPUT_DIRECTORY = True
CHOICES_GRAPH_SAVE_AS = None
CHOICES_MAP_SAVE_AS = None
"""


@dataclass
class OwnersBuild(Build):
    """A build made with the ``pelican`` command, and what it printed."""

    log: str = ""


def owners_build(root: Path, config: str) -> OwnersBuild:
    """Build the owner's site with the ``pelican`` command, as its owner would."""
    write_files(root, {f"content/{name}": text for name, text in OWNERS_SITE.items()})
    write_files(root, {"pelicanconf.py": PELICANCONF, "publishconf.py": PUBLISHCONF})
    result = run_pelican(root, "content", settings=config)
    assert result.returncode == 0, result.stdout + result.stderr
    return OwnersBuild(root / "output", log=result.stdout + result.stderr)


def names(output: Path) -> set[str]:
    return {path.relative_to(output).as_posix() for path in output.rglob("*") if path.is_file()}


def sitemap_urls(build: Build) -> list[str]:
    return re.findall(r"<loc>([^<]*)</loc>", build.html("sitemap.xml"))


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> OwnersBuild:
    """The owner's site, built as it is published: ``pelican content -s publishconf.py``."""
    return owners_build(tmp_path_factory.mktemp("published"), "publishconf.py")


@pytest.fixture(scope="module")
def local(tmp_path_factory: pytest.TempPathFactory) -> OwnersBuild:
    """The same site, built for local work with ``pelicanconf.py``: both reports on."""
    return owners_build(tmp_path_factory.mktemp("local"), "pelicanconf.py")


def test_no_report_is_written_unless_asked(published, build_site):
    assert not {"choices.json", "choices-map.html"} & names(published.output)
    defaults = build_site(OWNERS_SITE, **FLAT)
    assert not {"choices.json", "choices-map.html"} & names(defaults.output)
    summary = [record.getMessage() for record in defaults.records]
    assert (
        "choices: 3 pages, 4 choices, 3 problems (2 broken choices, 1 value with hidden "
        "characters), 0 orphans, 0 dead ends"
    ) in summary


def test_the_published_site_holds_no_draft_and_no_source_path(published):
    written_by_pelican_for_drafts = {"drafts/pages/pricing.html"}
    for name in names(published.output) - written_by_pelican_for_drafts:
        text = (published.output / name).read_text(encoding="utf-8", errors="replace")
        assert not any(trace in text for trace in DRAFT_TRACES), name
        assert not re.search(r"\b(pages|posts)/\w+\.md\b", text), name
    assert [c["data-url"] for c in published.choices("t1.html")] == [
        "https://example.org/about.html",
        "https://example.org/linked-hidden.html",
        "https://example.org/about.html#more",
    ]
    assert "https://example.org/unlinked-hidden.html" not in sitemap_urls(published)


def test_the_owner_is_told_of_the_override_the_pdf_and_the_draft(published):
    for message in [
        "content/pages/t1.md:7: choice2text 'Download report\\u202efdp.exe' contains invisible "
        "or direction-changing characters (U+202E RIGHT-TO-LEFT OVERRIDE); they are removed",
        "content/pages/t1.md:4: choice1url '/t1.pdf' leads to no page of this site",
        "content/pages/t1.md:9: choice4url '/drafts/pages/pricing.html' leads to a draft; "
        "drafts are not published, nor are their addresses",
        "content/pages/pricing.md:4: choice1url '/unreleased-pricing-2027.html' "
        "leads to no page of this site",
    ]:
        assert message in published.log


def test_the_reports_hold_no_draft_nor_an_unlinked_hidden_page(local):
    graph = json.loads(local.html("choices.json"))
    page = local.html("choices-map.html")
    for text in (local.html("choices.json"), page):
        assert not any(trace in text for trace in DRAFT_TRACES)
        assert "unlinked" not in text.lower()
    assert [node["url"] for node in graph["nodes"]] == [
        "t1.html",
        "about.html",
        "linked-hidden.html",
    ]
    assert [(p["kind"], p["source"], p["key"], p["value"]) for p in graph["problems"]] == [
        ("broken-choice", "pages/t1.md", "choice1url", "/t1.pdf"),
        ("hidden-characters", "pages/t1.md", "choice2text", "Download reportfdp.exe"),
        ("broken-choice", "pages/t1.md", "choice4url", ""),
    ]


def test_a_build_that_fails_in_error_mode_writes_its_reports_without_the_draft(tmp_path, local):
    with plugin_records() as records, pytest.raises(BrokenChoicesError) as failure:
        build_in(tmp_path, OWNERS_SITE, CHOICES_ON_BROKEN="error", **REPORTS, **FLAT)

    [message] = Build(tmp_path / "output", records).messages
    assert "content/pages/pricing.md:4: choice1url '/unreleased-pricing-2027.html'" in message
    assert len(failure.value.problems) == 4  # the draft's in the log, not in the reports
    for name in ("choices.json", "choices-map.html"):
        text = (tmp_path / "output" / name).read_text(encoding="utf-8")
        assert text == local.html(name), name
        assert not any(trace in text for trace in DRAFT_TRACES), name


def test_the_reports_cut_long_texts(local):
    graph = json.loads(local.html("choices.json"))
    [long_edge] = [edge for edge in graph["edges"] if edge["number"] == 5]
    assert len(long_edge["text"]) == 200
    assert long_edge["text"].endswith("\u2026")
    page = local.html("choices-map.html")
    assert LONG_TEXT[:300] not in page
    assert LONG_TEXT.strip()[:199] in page


def test_the_map_says_noindex_in_its_head_and_stays_out_of_the_sitemap(local):
    page = local.html("choices-map.html")
    head = page[: page.index("<main>")]  # the probe theme's page writes no head tags

    assert head.count('<meta name="robots" content="noindex">') == 1
    assert head.index("noindex") < head.index("<title>")
    assert page.count("noindex") == 1
    assert "/choices-map.html" not in " ".join(sitemap_urls(local))
    assert "/t1.html" in " ".join(sitemap_urls(local))


@pytest.mark.parametrize(
    ("base", "before"),
    [
        ("<!doctype html>\n<html><head><title>T</title></head><body>{0}</body></html>", "</head>"),
        ("<!DOCTYPE html>\n<HTML lang=en><HEAD>\n<title>T</title><BODY>{0}", "<title>"),
        ("<!doctype html>\n<title>T</title>\n{0}", "<title>"),
    ],
    ids=["head", "no-end-tag", "no-head"],
)
def test_noindex_goes_into_the_head_whatever_the_theme_writes(build_site, tmp_path, base, before):
    write_files(tmp_path / "overrides", {"page.html": base.format("{{ page.content }}")})
    build = build_site(
        OWNERS_SITE, THEME_TEMPLATES_OVERRIDES=[str(tmp_path / "overrides")], **REPORTS, **FLAT
    )

    page = build.html("choices-map.html")
    noindex = page.index('<meta name="robots" content="noindex">')
    assert noindex < page.index(before)
    assert page.index("<!-- pelican-choices report (CHOICES_MAP_SAVE_AS)") < noindex
    assert page.lower().startswith("<!doctype html>\n<!-- pelican-choices report")
    assert '<div class="choices-map">' in page


@pytest.mark.parametrize("on", [True, False])
def test_a_theme_that_includes_the_map_gets_nothing_when_it_is_off(build_site, tmp_path, on):
    write_files(tmp_path / "overrides", {"page.html": MAP_PARTIAL_PAGE})
    build = build_site(
        OWNERS_SITE,
        THEME_TEMPLATES_OVERRIDES=[str(tmp_path / "overrides")],
        CHOICES_MAP_SAVE_AS="choices-map.html" if on else None,
        **FLAT,
    )

    partial = build.html("about.html").partition('<div class="partial">')[2]
    assert ('<div class="choices-map">' in partial) is on
    pdf = "content/pages/t1.md:4: choice1url '/t1.pdf' leads to no page of this site"
    assert [m for m in build.messages if m.startswith(pdf)] != []


COLLISIONS = [
    ("CHOICES_GRAPH_SAVE_AS", "index.html", "index.html", "a file this build writes"),
    ("CHOICES_GRAPH_SAVE_AS", "INDEX.HTML", "index.html", "a file this build writes"),
    ("CHOICES_GRAPH_SAVE_AS", "about.html", "about.html", "a file this build writes"),
    ("CHOICES_MAP_SAVE_AS", "t1.html", "t1.html", "a file this build writes"),
    ("CHOICES_MAP_SAVE_AS", "sitemap.xml", "sitemap.xml", "a file this build writes"),
    ("CHOICES_MAP_SAVE_AS", "Sitemap.XML", "sitemap.xml", "a file this build writes"),
    ("CHOICES_GRAPH_SAVE_AS", "files/t1.pdf", "files/t1.pdf", "a file this build writes"),
    ("CHOICES_GRAPH_SAVE_AS", "FILES/T1.PDF", "files/t1.pdf", "a file this build writes"),
    ("CHOICES_GRAPH_SAVE_AS", "Files", "files", "a folder"),
    (
        "CHOICES_GRAPH_SAVE_AS",
        "feeds/all.atom.xml",
        "feeds/all.atom.xml",
        "a file this build writes",
    ),
    ("CHOICES_GRAPH_SAVE_AS", "index.html/graph.json", "index.html", "a file this build writes"),
    ("CHOICES_GRAPH_SAVE_AS", "files", "files", "a folder"),
    (
        "CHOICES_MAP_SAVE_AS",
        "pelican-choices/choices.css",
        "pelican-choices/choices.css",
        ("a file this plugin did not write"),
    ),
]


COLLIDING_FILES = OWNERS_SITE | {"files/t1.pdf": b"%PDF-1.4\n"}
COLLIDING_SETTINGS = dict(
    SITEMAP, STATIC_PATHS=["files"], FEED_ALL_ATOM="feeds/all.atom.xml", **FLAT
)


@pytest.fixture(scope="module")
def without_reports(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The site of the collisions, with no report asked for."""
    return build_in(tmp_path_factory.mktemp("without"), COLLIDING_FILES, **COLLIDING_SETTINGS)


@pytest.mark.parametrize(("setting", "value", "existing", "what"), COLLISIONS)
def test_a_report_never_replaces_a_file_of_the_site(  # noqa: PLR0917
    without_reports, tmp_path, setting, value, existing, what
):
    build = build_in(tmp_path, COLLIDING_FILES, **{setting: value}, **COLLIDING_SETTINGS)

    assert [m for m in build.messages if "SAVE_AS" in m] == [
        f"settings: {setting} = {value!r} would replace {existing}, {what}; "
        "the report is not written"
    ]
    assert not [record for record in build.records if record.exc_info]
    assert different_files(without_reports.output, build.output) == []


def test_the_map_never_replaces_the_json(build_site):
    build = build_site(
        OWNERS_SITE, CHOICES_GRAPH_SAVE_AS="report.json", CHOICES_MAP_SAVE_AS="REPORT.json", **FLAT
    )

    assert json.loads(build.html("report.json"))["version"] == 1
    assert [m for m in build.messages if "SAVE_AS" in m] == [
        "settings: CHOICES_MAP_SAVE_AS = 'REPORT.json' would replace report.json, "
        "the file of CHOICES_GRAPH_SAVE_AS; the report is not written"
    ]


def test_a_file_the_plugin_did_not_write_is_left_alone(tmp_path):
    write_files(tmp_path / "output", {"choices.json": '{"mine": true}\n'})
    build = build_in(tmp_path, OWNERS_SITE, **REPORTS, **FLAT)

    assert build.html("choices.json") == '{"mine": true}\n'
    assert (
        "settings: CHOICES_GRAPH_SAVE_AS = 'choices.json' would replace choices.json, "
        "a file this plugin did not write; the report is not written"
    ) in build.messages
    assert (build.output / "choices-map.html").is_file()


def test_a_report_of_an_earlier_build_is_written_again_without_a_word(tmp_path):
    build_in(tmp_path, OWNERS_SITE, **REPORTS, **FLAT)
    shutil.rmtree(tmp_path / "cache", ignore_errors=True)  # the mark alone is proof
    write_files(tmp_path / "content", {"pages/about.md": markdown("About us", slug="about")})
    build = build_in(tmp_path, {}, **REPORTS, **FLAT)

    assert not [m for m in build.messages if "SAVE_AS" in m]
    assert "About us" in [node["title"] for node in json.loads(build.html("choices.json"))["nodes"]]
    assert "About us" in build.html("choices-map.html")


def test_reports_turned_off_or_renamed_are_removed(tmp_path):
    build_in(tmp_path, OWNERS_SITE, **REPORTS, **FLAT)
    renamed = build_in(
        tmp_path,
        {},
        CHOICES_GRAPH_SAVE_AS="notes/graph.json",
        CHOICES_MAP_SAVE_AS="map.html",
        **FLAT,
    )
    assert {"notes/graph.json", "map.html"} <= names(renamed.output)
    assert not {"choices.json", "choices-map.html"} & names(renamed.output)

    off = build_in(tmp_path, {}, **FLAT)
    assert not {"notes/graph.json", "map.html"} & names(off.output)
    assert "about.html" in names(off.output)
    assert not [m for m in off.messages if "SAVE_AS" in m]


def test_a_file_that_replaced_a_report_is_never_removed(tmp_path):
    build_in(tmp_path, OWNERS_SITE, **REPORTS, **FLAT)
    (tmp_path / "output/choices.json").write_text('{"mine": true}\n', encoding="utf-8")
    (tmp_path / "output/choices-map.html").write_text("<p>My own map</p>\n", encoding="utf-8")
    build_in(tmp_path, {}, **FLAT)

    assert (tmp_path / "output/choices.json").read_text(encoding="utf-8") == '{"mine": true}\n'
    assert "My own map" in (tmp_path / "output/choices-map.html").read_text(encoding="utf-8")


def test_a_page_saved_where_a_report_was_stays(tmp_path):
    build_in(tmp_path, OWNERS_SITE, **REPORTS, **FLAT)
    write_files(tmp_path / "content", {"pages/map.md": markdown("My map", slug="choices-map")})
    build = build_in(tmp_path, {}, CHOICES_GRAPH_SAVE_AS="choices.json", **FLAT)

    assert "My map" in build.html("choices-map.html")
    assert "choices.json" in names(build.output)


def test_a_build_that_stopped_halfway_writes_nothing_into_the_next(tmp_path):
    """Under ``pelican --autoreload`` the same Pelican builds again after a template error."""
    write_files(tmp_path / "content", OWNERS_SITE)
    write_files(tmp_path / "overrides", {"page.html": "{{ page.title|no_such_filter }}"})
    settings = pelican_settings(
        tmp_path, THEME_TEMPLATES_OVERRIDES=[str(tmp_path / "overrides")], **REPORTS, **FLAT
    )
    pelican = Pelican(settings)
    with pytest.raises(Exception, match="no_such_filter") as failure:
        pelican.run()  # its traceback keeps that build's objects alive, as a debugger would
    (tmp_path / "overrides/page.html").unlink()
    write_files(
        tmp_path / "content",
        {
            "pages/about.md": markdown("About us", slug="about"),
            "pages/map.md": markdown("My own map", slug="choices-map"),
        },
    )

    with plugin_records() as records:
        pelican.run()

    assert [m for m in Build(tmp_path / "output", records).messages if "SAVE_AS" in m] == [
        "settings: CHOICES_MAP_SAVE_AS = 'choices-map.html' would replace choices-map.html, "
        "a file this build writes; the report is not written"
    ]
    graph = json.loads((tmp_path / "output/choices.json").read_text(encoding="utf-8"))
    assert "About us" in [node["title"] for node in graph["nodes"]]
    assert "My own map" in (tmp_path / "output/choices-map.html").read_text(encoding="utf-8")
    assert failure.traceback
