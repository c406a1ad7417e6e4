"""The plugin's shortcuts for Pelican's source paths give Pelican's own answers."""

from __future__ import annotations

import copy

from hypothesis import given
from hypothesis import strategies as st
from pelican.contents import Page
from pelican.settings import DEFAULT_CONFIG

from pelican_choices.facts import ContentFacts, relative_source_path

ROOTS = st.sampled_from(["/site", "/site/content/", "//srv/site", "/", "//", "/a/../c", "rel"])
PARTS = st.sampled_from(["pages", "..", ".", "", "p.md", "x y.md", "/abs", "site", "content"])
PATHS = st.lists(PARTS, max_size=5).map("/".join)


def page(root: str, source: str) -> Page:
    settings = copy.deepcopy(DEFAULT_CONFIG)
    settings["PATH"] = root
    return Page("", metadata={"title": "T"}, settings=settings, source_path=source)


@given(ROOTS, PATHS, PATHS)
def test_relative_source_paths_are_pelicans(root, source, path):
    content = page(root, "/" + source)

    assert relative_source_path(content, path) == content.get_relative_source_path(path)
    assert relative_source_path(content) == content.get_relative_source_path()


@given(ROOTS, PATHS)
def test_a_contents_folder_is_pelicans(root, source):
    content = page(root, "/" + source)

    assert ContentFacts().folder(content) == content.relative_dir
