"""Rebuilding: cached, repeated and in-process builds give what a clean build gives."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from conftest import (
    FLAT,
    PROBE_THEME,
    QUIET_SETTINGS,
    Build,
    different_files,
    forget_logged_messages,
    markdown,
    pelican_settings,
    plugin_records,
    run_pelican,
    template_overrides,
    working_in,
    write_files,
)
from pelican import Pelican

# A site using every kind of choice, two problems, a translation and a reading order.
SITE: dict[str, str | bytes] = {
    "pages/start.md": markdown(
        "Start here",
        slug="start",
        sort_order="1",
        choice1url="/water.html",
        choice1icon="fa-hdd-o fa-lg",
        choice2url="{filename}light.rst",
        choice3url="{static}/files/care.pdf",
        choice3text="The care sheet",
        choice4url="#tips",
        choice5url="https://example.org/plants?a=1&b=2",
        choice5text="Outside",
        choice6url="{category}Guides",
        choice7url="{tag}ferns",
        choice8url="/nowhere.html",
        choice9url="javascript:alert(1)",
    ),
    "pages/start-fr.md": markdown(
        "Commencer", slug="start", lang="fr", choice1url="/water.html", choice2text="Sans URL"
    ),
    "pages/water.md": markdown(
        "Water",
        slug="water",
        sort_order="2",
        choicetext="How much water?",
        choiceicon="fa-tint",
        choice1url="{filename}start.md",
        choice1icon="fab fa-github",
    ),
    "pages/light.rst": "Light\n#####\n\n:slug: light\n:sort-order: 2.10\n"
    ":choice1url: /water.html\n:choice1icon: fas fa-tachometer-alt\n\nLight text.\n",
    "pages/soil.md": markdown("Soil", slug="soil", sort_order="appendix", choice1url="/fern.html"),
    "posts/fern.md": markdown(
        "Fern care",
        slug="fern",
        date="2024-05-01",
        category="Guides",
        tags="ferns, shade",
        choice1url="/start.html",
        choice2url="{author}Ada",
        author="Ada",
    ),
    "files/care.pdf": b"%PDF-1.4 care sheet\n",
}


def build(root: Path, output: str, **overrides: Any) -> Build:
    """One in-process build of ``root/content`` into ``root/output``, as a new process would."""
    forget_logged_messages()
    with plugin_records() as records, working_in(root):
        Pelican(pelican_settings(root, OUTPUT_PATH=str(root / output), **overrides)).run()
    return Build(root / output, records)


def build_in_a_new_process(root: Path, output: str, hash_seed: str, **overrides: Any) -> None:
    """Build with the ``pelican`` command, in a new Python process with its own hash seed."""
    settings = dict(QUIET_SETTINGS, THEME=str(PROBE_THEME))
    settings.update(CACHE_PATH=str(root / "cache"), **overrides)
    config = root / "pelicanconf.py"
    config.write_text("".join(f"{key} = {value!r}\n" for key, value in settings.items()))
    result = run_pelican(
        root,
        str(root / "content"),
        settings=str(config),
        output=output,
        env={"PYTHONHASHSEED": hash_seed},
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("layer", ["reader", "generator"])
def test_a_cached_build_gives_what_a_clean_build_gives(tmp_path, layer):
    write_files(tmp_path / "content", SITE)
    cache = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True, "CONTENT_CACHING_LAYER": layer}
    build(tmp_path, "first", **cache, **FLAT)
    # Proof that the next build reads the cache: a changed file whose time stamp is kept
    # is read from the cache, with its old text.
    canary = tmp_path / "content/pages/water.md"
    stamp = canary.stat().st_mtime_ns
    canary.write_text(canary.read_text().replace("Some text.", "Other text."))
    os.utime(canary, ns=(stamp, stamp))

    cached = build(tmp_path, "cached", **cache, **FLAT)
    canary.write_text(canary.read_text().replace("Other text.", "Some text."))
    clean = build(tmp_path, "clean", CACHE_CONTENT=False, LOAD_CONTENT_CACHE=False, **FLAT)

    assert "Some text." in cached.html("water.html")
    assert different_files(cached.output, clean.output) == []
    assert cached.messages == clean.messages
    assert len(clean.messages) == 4


@pytest.mark.parametrize("layer", ["reader", "generator"])
@pytest.mark.parametrize("change", ["renamed", "deleted"])
def test_a_cached_build_reports_choices_whose_target_is_gone(tmp_path, layer, change):
    write_files(
        tmp_path / "content",
        {
            "pages/guide.md": markdown(
                "Guide",
                slug="guide",
                choice1url="{filename}target.md",
                choice2url="/target.html#top",
                choice3url="/other.html",
            ),
            "pages/target.md": markdown("Target"),
            "pages/other.md": markdown("Other"),
        },
    )
    settings = {
        "CACHE_CONTENT": True,
        "LOAD_CONTENT_CACHE": True,
        "CONTENT_CACHING_LAYER": layer,
        "SLUGIFY_SOURCE": "basename",
        **FLAT,
    }
    first = build(tmp_path, "first", **settings)
    target = tmp_path / "content/pages/target.md"
    if change == "renamed":
        target.rename(target.with_name("moved.md"))
    else:
        target.unlink()

    cached = build(tmp_path, "cached", **settings)

    assert first.messages == []
    assert [c["data-url"] for c in first.choices("guide.html")] == [
        "/target.html",
        "/target.html#top",
        "/other.html",
    ]
    assert cached.messages == [
        "content/pages/guide.md:3: choice1url '{filename}target.md' names no source file "
        "of this site",
        "content/pages/guide.md:4: choice2url '/target.html#top' leads to no page of this site",
    ]
    assert [c["data-url"] for c in cached.choices("guide.html")] == ["/other.html"]


def test_two_clean_builds_are_byte_identical(tmp_path):
    """In Pelican's own theme, with the plugin's partial on every article and page."""
    write_files(tmp_path / "content", SITE)
    overrides = dict(
        FLAT,
        THEME="simple",
        THEME_TEMPLATES_OVERRIDES=template_overrides(tmp_path / "overrides"),
        FEED_ALL_ATOM="feeds/all.atom.xml",
    )

    build_in_a_new_process(tmp_path, "first", "1", **overrides)
    build_in_a_new_process(tmp_path, "second", "2", **overrides)

    assert (
        '<symbol id="choices-fa-regular-hard-drive"' in (tmp_path / "first/start.html").read_text()
    )
    assert (tmp_path / "first/files/care.pdf").is_file()
    assert different_files(tmp_path / "first", tmp_path / "second") == []


def change_the_site(content: Path) -> None:
    """An author's edit between two builds: a choice changed, a target deleted, a page added."""
    write_files(
        content,
        {
            "pages/start.md": markdown(
                "Start here", slug="start", sort_order="3", choice1url="/new.html"
            ),
            "pages/new.md": markdown(
                "New", slug="new", sort_order="1", choice1url="/water.html", choice2url="/soil.html"
            ),
        },
    )
    (content / "pages/soil.md").unlink()


@pytest.mark.parametrize("new_instance", [False, True], ids=["same-instance", "new-instance"])
def test_two_builds_in_one_process_match_a_fresh_process(tmp_path, new_instance):
    """``pelican --autoreload`` runs the same Pelican again, or a new one when settings change."""
    write_files(tmp_path / "content", SITE)
    settings = pelican_settings(tmp_path, DELETE_OUTPUT_DIRECTORY=True, **FLAT)
    pelican = Pelican(settings)
    pelican.run()
    change_the_site(tmp_path / "content")

    with plugin_records() as records, working_in(tmp_path):
        (Pelican(settings) if new_instance else pelican).run()
    build_in_a_new_process(tmp_path, "fresh", "3", **FLAT)

    assert different_files(tmp_path / "output", tmp_path / "fresh") == []
    reloaded = Build(tmp_path / "output", records)
    assert "content/pages/new.md:5: choice2url '/soil.html' leads to no page of this site" in (
        reloaded.messages
    )
    assert [c["data-url"] for c in reloaded.choices("start.html")] == ["/new.html"]
