"""Icon strings of Font Awesome 4, 5 and 6 resolve to Font Awesome Free glyphs."""

from __future__ import annotations

import pytest
from conftest import FLAT, markdown

from pelican_choices.icons import IconLibrary


@pytest.mark.parametrize(
    ("spec", "symbol", "classes"),
    [
        ("fa-terminal fa-inverse", "fa-solid-terminal", "fa-inverse"),
        ("terminal", "fa-solid-terminal", ""),
        ("fa-flask", "fa-solid-flask", ""),
        ("fas fa-flask fa-2x", "fa-solid-flask", "fa-2x"),
        ("fa-solid fa-flask fa-fw", "fa-solid-flask", "fa-fw"),
        ("fa-brands fa-github", "fa-brands-github", ""),
        ("fab fa-python fa-lg", "fa-brands-python", "fa-lg"),
        ("far fa-envelope", "fa-regular-envelope", ""),
        # Font Awesome 4 names, through the shims
        ("fa-dashboard", "fa-solid-gauge-high", ""),
        ("fa-hdd-o", "fa-regular-hard-drive", ""),
        ("fa-tint fa-inverse", "fa-solid-droplet", "fa-inverse"),
        ("fa-css3 fa-inverse", "fa-brands-css3", "fa-inverse"),
        ("fa fa-pencil-square-o", "fa-regular-pen-to-square", ""),
        ("fa-tasks", "fa-solid-bars-progress", ""),
        # Font Awesome 5 names, through the version 6 aliases
        ("fas fa-tachometer-alt", "fa-solid-gauge-high", ""),
        ("fas fa-sign-out-alt", "fa-solid-right-from-bracket", ""),
        ("fas fa-tasks", "fa-solid-list-check", ""),
        ("fa-eyedropper", "fa-solid-eye-dropper", ""),
        # Pro styles fall back to the free glyph of the same name
        ("fa-light fa-flask", "fa-solid-flask", ""),
    ],
)
def test_icon_strings_resolve(spec, symbol, classes):
    result = IconLibrary().resolve(spec)

    assert result.problem is None
    assert (result.icon.symbol_id, result.icon.classes) == (symbol, classes)
    assert result.icon.paths
    assert all(path.startswith("M") for path in result.icon.paths)


def test_glyph_geometry_comes_from_the_svg_file():
    icon = IconLibrary().resolve("fa-terminal").icon

    assert icon.view_box == "0 0 576 512"
    assert (icon.width, icon.height) == (576, 512)


def test_the_licence_credit_is_read_from_the_package():
    library = IconLibrary()
    library.resolve("fa-flask")

    assert "Font Awesome Free" in library.credit
    assert "fontawesome.com/license/free" in library.credit


def test_each_glyph_is_read_once_per_library():
    library = IconLibrary()

    first = library.resolve("fa-flask fa-inverse").icon
    second = library.resolve("fas fa-flask").icon

    assert library._glyphs == {("solid", "flask"): library._glyphs["solid", "flask"]}
    assert first.paths is second.paths


def test_built_pages_carry_the_resolved_icon(build_site):
    build = build_site(
        {
            "pages/guide.md": markdown(
                "Guide",
                choice1url="/a.html",
                choice1icon="fa-hdd-o",
                choice2url="/a.html",
                choice2icon="fas fa-tachometer-alt fa-3x",
            ),
            "pages/a.md": markdown("A", slug="a"),
        },
        **FLAT,
    )

    assert [(c["data-icon"], c["data-classes"]) for c in build.choices("guide.html")] == [
        ("fa-regular-hard-drive", ""),
        ("fa-solid-gauge-high", "fa-3x"),
    ]
    assert build.messages == []


@pytest.mark.parametrize(
    ("spec", "size"),
    [
        ("fa-flask", "1em"),
        ("fa-flask fa-lg", "1.25em"),
        ("fa-flask fa-2x", "2em"),
        ("fa-xs fa-flask", "0.75em"),
    ],
)
def test_size_modifiers_give_the_icon_size(spec, size):
    assert IconLibrary().resolve(spec).icon.size == size


@pytest.mark.parametrize(
    "spec", ["x" * 300, "fa-" + "a-" * 300 + "a", "fa-../svgs/solid/flask", "fa-flask/../flask"]
)
def test_strings_that_cannot_be_icon_names_are_refused(spec):
    result = IconLibrary().resolve(spec)

    assert result.icon is None
    assert result.problem.template == "is not a Font Awesome Free icon%s"
