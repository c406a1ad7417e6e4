"""The benchmarks' synthetic site: the same for the same size and seed, and valid for the plugin."""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

from pelican import Pelican
from pelican.settings import read_settings

from benchmarks.build_once import variant_settings
from benchmarks.page_weight import pages_with_choices, summarise, weigh
from benchmarks.synthetic_site import SECTIONS, write_site

PAGES = 24


def sources(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(folder.rglob("*.md"))
    }


def test_the_site_depends_only_on_its_size_and_seed(tmp_path):
    first = sources(write_site(tmp_path / "one", PAGES, seed=3))
    again = sources(write_site(tmp_path / "two", PAGES, seed=3))
    other = sources(write_site(tmp_path / "three", PAGES, seed=4))

    assert first == again
    assert first != other
    assert len(first) == PAGES


def test_every_page_has_prose_a_sort_order_and_four_choices(tmp_path):
    for text in sources(write_site(tmp_path, PAGES)).values():
        metadata, body = text.split("\n\n", 1)
        assert re.search(r"^sort-order: \d+\.\d+$", metadata, re.MULTILINE)
        assert re.search(rf"^category: ({'|'.join(SECTIONS)})$", metadata, re.MULTILINE)
        assert [int(n) for n in re.findall(r"^choice(\d)url: ", metadata, re.MULTILINE)] == [
            1,
            2,
            3,
            4,
        ]
        assert len(re.findall(r"^choice\dicon: ", metadata, re.MULTILINE)) == 4
        assert 450 <= len(body.split()) <= 700


def test_the_plugin_builds_every_choice_without_a_warning(tmp_path, caplog):
    content = write_site(tmp_path / "content", PAGES)
    settings = variant_settings("b-reports", content, tmp_path / "output")

    Pelican(read_settings(override=settings)).run()

    plugin = [r for r in caplog.records if r.name.startswith("pelican_choices")]
    assert [r.getMessage() for r in plugin if r.levelno >= logging.WARNING] == []
    graph = json.loads((tmp_path / "output" / "choices.json").read_text(encoding="utf-8"))
    assert len(graph["nodes"]) == PAGES
    assert len(graph["edges"]) == 4 * PAGES
    assert graph["problems"] == []
    assert len(pages_with_choices(tmp_path / "output")) == PAGES


def test_page_weight_leaves_out_the_prose(tmp_path):
    output = tmp_path / "output"
    (output / "css").mkdir(parents=True)
    (output / "css" / "site.css").write_text("body{}", encoding="utf-8")
    html = (
        '<link rel="stylesheet" href="/css/site.css?v=1"><p>prose</p>'
        '<symbol id="a"><path d="M0"/></symbol><a class="choice" href="x">x</a>'
    )
    (output / "page.html").write_text(html, encoding="utf-8")

    weight = weigh(output, "page.html", prose=len("<p>prose</p>"))

    assert weight.html == len(html) - len("<p>prose</p>")
    assert weight.css == len("body{}")
    assert (weight.icons, weight.icon_bytes) == (1, len('<symbol id="a"><path d="M0"/></symbol>'))
    assert summarise([weight]).total == weight.html + weight.css
