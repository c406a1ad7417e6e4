"""The real ``pelican`` command: what the author sees and the exit code CI sees."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import markdown, write_files
from conftest import run_pelican as run_in

from pelican_choices import PROBLEM_MATCHER

README = Path(__file__).resolve().parent.parent / "README.md"

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

    assert result.returncode == 1
    output = result.stdout + result.stderr
    heading = "2 problems (2 broken choices); CHOICES_ON_BROKEN = 'error' fails the build:"
    assert output.count(heading) == 1
    for message in BROKEN_CHOICES:
        assert output.count(message) == 1, message
    assert "Traceback" not in output
    assert "BrokenChoicesError" not in output


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


# The README's "In CI" example: a guide with a misspelt address, a misspelt icon and a
# sort-order that is not a number.
CI_SITE = {
    "content/pages/css.md": markdown(
        "CSS",
        slug="css",
        sort_order="2",
        choice1url="/javascript.html",
        choice1icon="fa-code",
        choice2url="/application-programming-intefaces.html",
        choice2text="What are APIs?",
    ),
    "content/pages/apis.md": markdown(
        "APIs", slug="application-programming-interfaces", sort_order="3"
    ),
    "content/pages/javascript.md": markdown(
        "JavaScript",
        slug="javascript",
        sort_order="two",
        choice1url="/css.html",
        choice1icon="fa-shovl",
    ),
}
# Its problems, as the build names them.
CI_PROBLEMS = [
    "content/pages/css.md:6: choice2url '/application-programming-intefaces.html' leads to no "
    "page of this site (did you mean /application-programming-interfaces.html?)",
    "content/pages/javascript.md:3: sort-order 'two' is not a section number such as 3, 021 "
    "or 2.10; it is placed after the numbered pages",
    "content/pages/javascript.md:5: choice1icon 'fa-shovl' is not a Font Awesome Free icon",
]
# The README's command for CI, as arguments after ``pelican -s pelicanconf.py -o output``.
CI_COMMAND = ("--log-handler", "plain", "-e", 'CHOICES_ON_BROKEN="error"')
# A page template that reads a choice field itself, on line 2.
HAND_WRITTEN = {
    "templates/page.html": (
        '{% extends "!theme/page.html" %}{% block content %}{{ super() }}\n'
        '<a href="{{ page.choice1url }}">next</a>{% endblock %}\n'
    )
}
HAND_WRITTEN_PROBLEM = (
    "templates/page.html:2: the choices are not placed in the pages of this template (first "
    "pages/css.md): it reads the choice fields itself (choice1url at page.html:2), so the "
    "theme prints them as they are written"
)
MATCHER = json.loads(Path(PROBLEM_MATCHER).read_text(encoding="utf-8"))["problemMatcher"]
COLOUR_CODE = re.compile(r"\x1b\[[0-9;]*m?")


@pytest.fixture
def ci_site(tmp_path: Path) -> Path:
    write_files(tmp_path, CI_SITE)
    return tmp_path


def readme_section(title: str) -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index(f"\n## {title}\n")
    return text[start : text.index("\n## ", start + 1)]


def test_the_readme_shows_what_the_recommended_ci_build_prints(ci_site):
    """The output under "In CI" is this build's, from the same input."""
    result = run_pelican(ci_site, *CI_COMMAND)

    assert result.returncode == 1
    shown = re.search(r"```text\n(.*?)```", readme_section("In CI"), re.DOTALL).group(1)
    assert result.stdout + result.stderr == shown
    assert shown == (
        "3 problems (1 broken choice, 1 icon problem, 1 sort-order problem); "
        "CHOICES_ON_BROKEN = 'error' fails the build:\n"
        + "".join(f"  {problem}\n" for problem in CI_PROBLEMS)
    )


def test_fatal_warnings_stop_at_the_first_warning_with_a_traceback(ci_site):
    result = run_pelican(ci_site, "--fatal", "warnings")

    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert [problem for problem in CI_PROBLEMS if problem in output] == CI_PROBLEMS[:1]
    assert "Traceback" in output
    assert "--fatal warnings` stops the build at the first warning" in readme_section("In CI")


def annotations(log: str) -> list[tuple[str, str, int, str]]:
    """What GitHub makes of ``log`` with the plugin's problem matcher: (severity, file, line,
    message) for each line a matcher matches, the first that does."""
    found = []
    for line in COLOUR_CODE.sub("", log).splitlines():
        for matcher in MATCHER:
            [pattern] = matcher["pattern"]
            match = re.search(pattern["regexp"], line)
            if match:
                file, number, message = (
                    match.group(pattern[part]) for part in ("file", "line", "message")
                )
                found.append((matcher["severity"], file, int(number), message))
                break
    return found


def expected_annotations(severity: str) -> list[tuple[str, str, int, str]]:
    problems = sorted([*CI_PROBLEMS, HAND_WRITTEN_PROBLEM])
    return [
        (severity, problem.split(":")[0], int(problem.split(":")[1]), problem.split(": ", 1)[1])
        for problem in problems
    ]


@pytest.mark.parametrize("mode", ["warn", "error"])
@pytest.mark.parametrize(
    ("arguments", "columns"),
    [(("--log-handler", "plain"), "400"), ((), "400"), ((), "80")],
    ids=["plain", "rich", "rich-80-columns"],
)
def test_the_problem_matcher_makes_each_message_an_annotation_on_its_line(
    ci_site, mode, arguments, columns
):
    write_files(ci_site, HAND_WRITTEN)
    extra = f'THEME_TEMPLATES_OVERRIDES = ["templates"]\nCHOICES_ON_BROKEN = "{mode}"'
    (ci_site / "pelicanconf.py").write_text(CONFIG.format(extra=extra), encoding="utf-8")
    result = run_in(ci_site, *arguments, env={"COLUMNS": columns})

    found = annotations(result.stdout + result.stderr)
    expected = expected_annotations("warning" if mode == "warn" else "error")
    assert [annotation[:3] for annotation in sorted(found)] == [a[:3] for a in expected]
    for (_, _, _, message), (_, _, _, whole) in zip(sorted(found), expected, strict=True):
        if columns == "80":  # the rich handler wraps a long message: its first line is kept
            assert whole.startswith(message), message
        elif whole.startswith("the choices"):  # the template's warning goes on
            assert message.startswith(whole)
        else:
            assert message == whole
    assert all((ci_site / file).is_file() for _, file, _, _ in found)


def test_the_problem_matchers_regexps_are_read_alike_by_javascript_and_python():
    """GitHub reads them as JavaScript does: no named groups, lookbehinds or inline flags."""
    for matcher in MATCHER:
        [pattern] = matcher["pattern"]
        regexp = pattern["regexp"]
        assert re.compile(regexp).groups == 3
        assert not re.search(r"\(\?(?:P|<|[aiLmsux]|#)|\\[AZzh]", regexp), regexp
    assert {matcher["severity"] for matcher in MATCHER} == {"warning", "error"}
    assert '"::add-matcher::' in readme_section("In CI")


def test_in_error_mode_a_kind_the_log_filter_silences_does_not_count(broken_site):
    extra = (
        'CHOICES_ON_BROKEN = "error"\nimport logging\n'
        'LOG_FILTER = [(logging.WARNING, "%s: %s %s leads to no page of this site%s")]'
    )
    result = run_pelican(broken_site, extra=extra)

    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "leads to no page" not in output
    assert "Done: Processed" in output


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(condition: Callable[[], bool], seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.2)
    return True


@contextmanager
def reloader(root: Path, *arguments: str) -> Iterator[tuple[subprocess.Popen, Path]]:
    """``pelican`` with ``arguments`` running in ``root`` until the block ends, its output
    in a file."""
    log = root / "reloader.log"
    with log.open("w", encoding="utf-8") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "pelican", "-s", "pelicanconf.py", "-o", "output", *arguments],
            cwd=root,
            stdout=output,
            stderr=subprocess.STDOUT,
            env={**os.environ, "COLUMNS": "400", "NO_COLOR": "1"},
        )
        try:
            yield process, log
        finally:
            process.send_signal(signal.SIGINT)  # as Ctrl-C stops it, its server too
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@pytest.mark.parametrize("listen", [False, True], ids=["autoreload", "autoreload-listen"])
def test_under_the_reloader_error_mode_shows_the_message_and_the_reloader_keeps_watching(
    broken_site, listen
):
    (broken_site / "pelicanconf.py").write_text(
        CONFIG.format(extra='CHOICES_ON_BROKEN = "error"'), encoding="utf-8"
    )
    port = free_port()
    served = ("-l", "-b", "127.0.0.1", "-p", str(port)) if listen else ()
    heading = "2 problems (2 broken choices); CHOICES_ON_BROKEN = 'error' fails the build:"
    page = broken_site / "content/pages/javascript.md"

    with reloader(broken_site, "-r", "--log-handler", "plain", *served) as (process, log):
        assert wait_for(lambda: "Done: Processed" in log.read_text(encoding="utf-8"))
        rebuilt = "choice1url '/contents.html' leads to no page"
        for _ in range(10):  # until the reloader, which starts watching after the build, sees it
            page.write_text(markdown("JavaScript", slug="javascript", choice1url="/contents.html"))
            if wait_for(lambda: rebuilt in log.read_text(encoding="utf-8"), seconds=5):
                break
        assert wait_for(lambda: log.read_text(encoding="utf-8").count("Done: Processed") >= 2)
        if listen:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/css.html", timeout=10) as reply:
                assert reply.status == 200
        assert process.poll() is None

    text = log.read_text(encoding="utf-8")
    assert rebuilt in text
    assert text.count(heading) == text.count("Done: Processed") >= 2
    assert "Traceback" not in text
    assert "Caught exception" not in text
