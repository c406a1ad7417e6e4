"""The real ``pelican`` command: what the author sees and the exit code CI sees."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from conftest import markdown, write_files
from conftest import run_pelican as run_in

CONFIG = """\
PATH = "content"
PAGE_PATHS = ["pages"]
PAGE_URL = PAGE_SAVE_AS = "{{slug}}.html"
PLUGINS = ["pelican_choices"]
TIMEZONE = "UTC"
FEED_ALL_ATOM = CATEGORY_FEED_ATOM = TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None
{extra}
"""

BROKEN_SITE = {
    "content/pages/css.md": markdown(
        "CSS",
        slug="css",
        choice1url="/javascript.html",
        choice4url="/application-programming-intefaces.html",
        choice4text="What are APIs?",
    ),
    "content/pages/javascript.md": markdown(
        "JavaScript", slug="javascript", choice1url="/table-of-contents.html"
    ),
}


# The two broken choices of BROKEN_SITE, as the build names them.
BROKEN_CHOICES = (
    "content/pages/css.md:4: choice4url '/application-programming-intefaces.html' "
    "leads to no page of this site",
    "content/pages/javascript.md:3: choice1url '/table-of-contents.html' "
    "leads to no page of this site",
)
# What Pelican prints when --fatal stops the build.
STOPPED = "Warning or error encountered"


def run_pelican(root: Path, *arguments: str, extra: str = "") -> subprocess.CompletedProcess:
    (root / "pelicanconf.py").write_text(CONFIG.format(extra=extra), encoding="utf-8")
    return run_in(root, *arguments)


@pytest.fixture
def broken_site(tmp_path: Path) -> Path:
    write_files(tmp_path, BROKEN_SITE)
    return tmp_path


def test_warnings_name_file_key_and_value_and_the_build_succeeds(broken_site):
    result = run_pelican(broken_site)

    assert result.returncode == 0, result.stderr
    output = result.stdout + result.stderr
    for message in BROKEN_CHOICES:
        assert output.count(message) == 1, message
    assert STOPPED not in output
    assert (broken_site / "output/css.html").is_file()


def test_fatal_warnings_fail_the_build(broken_site):
    result = run_pelican(broken_site, "--fatal", "warnings")

    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert [message for message in BROKEN_CHOICES if message in output] != []
    assert STOPPED in output


def test_log_filter_silences_one_kind_of_message_by_its_template(broken_site):
    """The README's LOG_FILTER line: the build then passes even with --fatal warnings."""
    extra = (
        "import logging\n"
        'LOG_FILTER = [(logging.WARNING, "%s: %s %s leads to no page of this site%s")]'
    )
    result = run_pelican(broken_site, "--fatal", "warnings", extra=extra)

    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "leads to no page" not in output
    assert "WARNING" not in output
    assert (broken_site / "output/css.html").is_file()


def test_error_mode_fails_with_one_message_listing_every_broken_choice(broken_site):
    result = run_pelican(broken_site, extra='CHOICES_ON_BROKEN = "error"')

    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert output.count("2 broken choices (CHOICES_ON_BROKEN = 'error'):") == 1
    for message in BROKEN_CHOICES:
        assert output.count(message) == 1, message


def test_a_clean_site_passes_with_fatal_warnings(tmp_path):
    write_files(
        tmp_path,
        {
            "content/pages/a.md": markdown("A", slug="a", choice1url="/b.html", sort_order="1"),
            "content/pages/b.md": markdown("B", slug="b", choice1url="{filename}a.md"),
        },
    )

    result = run_pelican(tmp_path, "--fatal", "warnings")

    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "WARNING" not in output
    assert "Done: Processed" in output
    assert " 2 pages" in output
    assert (tmp_path / "output/a.html").is_file()


@pytest.mark.parametrize(
    ("setting", "name", "replaced"),
    [
        ("CHOICES_GRAPH_SAVE_AS", "index.html", "index.html"),
        ("CHOICES_GRAPH_SAVE_AS", "a.html", "a.html"),
        ("CHOICES_MAP_SAVE_AS", "Sitemap.xml", "sitemap.xml"),
    ],
)
def test_a_report_named_like_a_file_of_the_site_leaves_it_intact(tmp_path, setting, name, replaced):
    write_files(tmp_path, {"content/pages/a.md": markdown("A", slug="a", choice1url="/b.html")})
    write_files(tmp_path, {"content/pages/b.md": markdown("B", slug="b", choice1url="/a.html")})
    extra = f'PLUGINS = ["pelican_choices", "pelican.plugins.sitemap"]\n{setting} = {name!r}\n'

    result = run_pelican(tmp_path, extra=extra)
    fatal = run_pelican(tmp_path, "--fatal", "warnings", extra=extra)

    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    message = f"settings: {setting} = {name!r} would replace {replaced}, "
    assert output.count(message + "a file this build writes; the report is not written") == 1
    assert "Traceback" not in output
    written = (tmp_path / "output" / replaced).read_text(encoding="utf-8")
    assert written.startswith("<?xml" if replaced.endswith(".xml") else "<!DOCTYPE html>")
    assert "pelican-choices report" not in written
    fatal_output = fatal.stdout + fatal.stderr
    assert fatal.returncode != 0
    assert message + "a file this build writes; the report is not written" in fatal_output
    assert STOPPED in fatal_output
