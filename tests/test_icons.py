"""Icon strings of Font Awesome 4, 5 and 6 resolve to Font Awesome Free glyphs."""

from __future__ import annotations

import json
import os
import sys
from importlib.resources import files

import pytest
from conftest import FLAT, markdown, run_pelican, write_files

from pelican_choices.icons import GLYPHS_THAT_SAY, IconLibrary


@pytest.mark.parametrize(
    ("spec", "symbol", "modifiers"),
    [
        ("fa-terminal fa-inverse", "fa-solid-terminal", ("inverse",)),
        ("terminal", "fa-solid-terminal", ()),
        ("fa-flask", "fa-solid-flask", ()),
        ("fas fa-flask fa-2x", "fa-solid-flask", ("2x",)),
        ("fa-solid fa-flask fa-fw", "fa-solid-flask", ("fw",)),
        ("fa-brands fa-github", "fa-brands-github", ()),
        ("fab fa-python fa-lg", "fa-brands-python", ("lg",)),
        ("far fa-envelope", "fa-regular-envelope", ()),
        # Font Awesome 4 names, through the shims
        ("fa-dashboard", "fa-solid-gauge-high", ()),
        ("fa-hdd-o", "fa-regular-hard-drive", ()),
        ("fa-tint fa-inverse", "fa-solid-droplet", ("inverse",)),
        ("fa-css3 fa-inverse", "fa-brands-css3", ("inverse",)),
        ("fa fa-pencil-square-o", "fa-regular-pen-to-square", ()),
        ("fa-tasks", "fa-solid-bars-progress", ()),
        # Font Awesome 5 names, through the version 6 aliases
        ("fas fa-tachometer-alt", "fa-solid-gauge-high", ()),
        ("fas fa-sign-out-alt", "fa-solid-right-from-bracket", ()),
        ("fas fa-tasks", "fa-solid-list-check", ()),
        ("fa-eyedropper", "fa-solid-eye-dropper", ()),
        # Pro styles fall back to the free glyph of the same name
        ("fa-light fa-flask", "fa-solid-flask", ()),
    ],
)
def test_icon_strings_resolve(spec, symbol, modifiers):
    result = IconLibrary().resolve(spec)

    assert result.problem is None
    assert (result.icon.symbol_id, result.icon.modifiers) == (symbol, modifiers)
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


def test_a_font_awesome_4_name_is_the_glyph_its_shim_names():
    """Every name of the package's v4 shims table, written bare, is the shim's glyph."""
    root = files("fontawesomefree") / "static" / "fontawesomefree" / "metadata"
    shims = json.loads((root / "shims.json").read_text("utf-8"))
    library = IconLibrary()
    styles = {None: "solid", "fas": "solid", "far": "regular", "fab": "brands"}
    checked = 0
    for old, prefix, new in shims:
        if not isinstance(old, str) or not new:
            continue
        icon = library.resolve(f"fa-{old}").icon
        assert (old, icon.name, icon.style) == (old, new, styles[prefix])
        checked += 1
    assert checked > 250  # the walk went through the table


@pytest.mark.parametrize(
    ("spec", "symbol"),
    [
        ("fa-code-fork", "fa-solid-code-branch"),
        ("fa-repeat", "fa-solid-arrow-rotate-right"),
        ("fa-trash", "fa-solid-trash-can"),
        ("fas fa-code-fork", "fa-solid-code-fork"),
        ("fa-solid fa-repeat", "fa-solid-repeat"),
        ("fas fa-trash", "fa-solid-trash"),
    ],
)
def test_a_style_class_asks_for_the_version_6_glyph_of_that_name(spec, symbol):
    assert IconLibrary().resolve(spec).icon.symbol_id == symbol


def test_the_glyphs_that_say_outside_or_mail_are_every_such_glyph_of_the_package():
    """Outside: each glyph that Font Awesome 4 or 5 called external-link...; mail: each envelope."""
    root = files("fontawesomefree") / "static" / "fontawesomefree" / "metadata"
    icons = json.loads((root / "icons.json").read_text("utf-8"))
    aliases = {name: (entry.get("aliases") or {}).get("names", []) for name, entry in icons.items()}
    outside = {
        name for name, old in aliases.items() if any(a.startswith("external-link") for a in old)
    }
    mail = {name for name in icons if "envelope" in name}

    assert {"outside": outside, "mail": mail} == GLYPHS_THAT_SAY
    library = IconLibrary()
    for spec in ["fa-external-link", "fas fa-external-link-alt", "fa-external-link-square"]:
        assert library.resolve(spec).icon.says == "outside", spec
    for spec in ["fa-envelope-o", "fas fa-envelope-square", "fa-solid fa-envelopes-bulk"]:
        assert library.resolve(spec).icon.says == "mail", spec
    assert library.resolve("fa-share-square-o").icon.says == ""


def test_built_pages_carry_the_resolved_icon(build_site):
    build = build_site(
        {
            "pages/guide.md": markdown(
                "Guide",
                choice1url="/a.html",
                choice1icon="fa-hdd-o",
                choice2url="/a.html#top",
                choice2icon="fas fa-tachometer-alt fa-3x",
            ),
            "pages/a.md": markdown("A", slug="a"),
        },
        **FLAT,
    )

    assert [(c["data-icon"], c["data-modifiers"]) for c in build.choices("guide.html")] == [
        ("fa-regular-hard-drive", ""),
        ("fa-solid-gauge-high", "3x"),
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


def test_an_icon_package_without_its_metadata_gives_one_error_and_no_icons(tmp_path):
    """A ``fontawesomefree`` laid out as its version 7 is (no ``metadata/``), ahead on the path."""
    fake = tmp_path / "packages"
    write_files(
        fake,
        {
            "fontawesomefree/__init__.py": "",
            "fontawesomefree/static/fontawesomefree/svgs/solid/flask.svg": "<svg/>",
            "fontawesomefree-7.0.0.dist-info/METADATA": (
                "Metadata-Version: 2.1\nName: fontawesomefree\nVersion: 7.0.0\n"
            ),
        },
    )
    write_files(
        tmp_path / "site",
        {
            "pelicanconf.py": (
                'PATH = "content"\nPLUGINS = ["pelican_choices"]\nTIMEZONE = "UTC"\n'
                'PAGE_URL = PAGE_SAVE_AS = "{slug}.html"\n'
                "FEED_ALL_ATOM = CATEGORY_FEED_ATOM = TRANSLATION_FEED_ATOM = None\n"
                "AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None\n"
            ),
            "content/pages/guide.md": markdown(
                "Guide",
                slug="guide",
                choice1url="/a.html",
                choice1icon="fa-dashboard",
                choice2url="/a.html#2",
                choice2icon="fa-terminl",
                choice3url="/a.html#3",
            ),
            "content/pages/a.md": markdown("A", slug="a", choiceicon="fas fa-flask"),
        },
    )
    result = run_pelican(
        tmp_path / "site", env={"PYTHONPATH": os.pathsep.join([str(fake), *sys.path])}
    )

    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "Traceback" not in output
    assert output.count("ERROR") == 1
    assert output.count("fontawesomefree 7.0.0: its icon metadata cannot be read") == 1
    assert "needs fontawesomefree 6.2 or newer, below 7" in output
    assert output.count("WARNING") == 0
    page = (tmp_path / "site/output/guide.html").read_text(encoding="utf-8")
    assert page.count('<a class="choice"') == 3
    assert "<svg" not in page.partition('<nav class="choices"')[2]
