"""The built wheel, installed into a fresh virtual environment, works on its own."""

from __future__ import annotations

import email
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import EXAMPLE_SITE, markdown, write_files
from packaging.requirements import Requirement
from packaging.version import Version

import pelican_choices

REPOSITORY = Path(__file__).resolve().parent.parent
# What pip says when it cannot reach the package index at all.
UNREACHABLE = (
    "NewConnectionError",
    "Failed to establish a new connection",
    "Temporary failure in name resolution",
    "Name or service not known",
    "Network is unreachable",
    "ProxyError",
    "ConnectTimeoutError",
)


def run(*command: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
        env=dict(os.environ, COLUMNS="400", PIP_DISABLE_PIP_VERSION_CHECK="1"),
    )


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    result = run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", dist, REPOSITORY)
    assert result.returncode == 0, result.stderr
    [built] = dist.glob("pelican_choices-*.whl")
    return built


@pytest.fixture(scope="module")
def fresh_python(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Python of a new virtual environment holding only the wheel and its dependencies."""
    venv = tmp_path_factory.mktemp("venv")
    assert run(sys.executable, "-m", "venv", venv).returncode == 0
    python = venv / "bin" / "python"
    result = run(python, "-m", "pip", "install", "-q", wheel)
    assert result.returncode == 0, result.stderr
    return python


def test_the_wheel_holds_the_theme_and_the_namespace_module(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())

    assert "pelican_choices/theme/templates/page.html" in names
    assert "pelican_choices/templates/pelican_choices/nav.html" in names
    assert "pelican_choices/static/choices.css" in names
    assert "pelican_choices/problem-matcher.json" in names
    assert "pelican/plugins/pelican_choices/__init__.py" in names
    assert "pelican/__init__.py" not in names
    assert "pelican/plugins/__init__.py" not in names
    assert any(name.endswith(".dist-info/licenses/LICENSE") for name in names)


def test_theme_path_points_into_the_installed_package(fresh_python, tmp_path):
    result = run(
        fresh_python,
        "-c",
        "import pelican_choices, pathlib; p = pathlib.Path(pelican_choices.THEME_PATH);"
        "print(p); print((p / 'templates').is_dir())",
        cwd=tmp_path,
    )

    assert result.returncode == 0, result.stderr
    path, has_templates = result.stdout.split()
    assert "site-packages" in path
    assert Path(path).parts[-2:] == ("pelican_choices", "theme")
    assert has_templates == "True"


def test_the_problem_matcher_is_a_file_of_the_installed_package(fresh_python, tmp_path):
    """The README's ``echo "::add-matcher::..."`` line, run where only the wheel is installed."""
    result = run(
        fresh_python,
        "-c",
        "import json, pelican_choices; print(pelican_choices.PROBLEM_MATCHER);"
        "print(json.load(open(pelican_choices.PROBLEM_MATCHER))['problemMatcher'][0]['owner'])",
        cwd=tmp_path,
    )

    assert result.returncode == 0, result.stderr
    path, owner = result.stdout.split()
    assert "site-packages" in path
    assert Path(path).parts[-2:] == ("pelican_choices", "problem-matcher.json")
    assert owner == "pelican-choices-warning"


def test_pelican_finds_the_plugin_by_itself_when_plugins_is_unset(fresh_python, tmp_path):
    write_files(
        tmp_path,
        {
            "pelicanconf.py": (
                "import pelican_choices\n"
                'PATH = "content"\n'
                "THEME = pelican_choices.THEME_PATH\n"
                'TIMEZONE = "UTC"\n'
                "FEED_ALL_ATOM = CATEGORY_FEED_ATOM = TRANSLATION_FEED_ATOM = None\n"
                "AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None\n"
            ),
            "content/pages/a.md": markdown("A", slug="a", choice1url="/nowhere.html"),
        },
    )
    pelican = fresh_python.parent / "pelican"

    result = run(pelican, "-s", "pelicanconf.py", "-o", "output", cwd=tmp_path)

    assert result.returncode == 0, result.stderr
    assert "content/pages/a.md:3: choice1url '/nowhere.html' leads to no page of this site" in (
        result.stdout + result.stderr
    )
    assert (tmp_path / "output/pages/a.html").is_file()
    assert not (tmp_path / "output/choices-map.html").exists()
    assert not (tmp_path / "output/choices.json").exists()


def test_a_checkout_uses_the_theme_folder_at_its_root():
    if Path(pelican_choices.__file__).resolve().is_relative_to(REPOSITORY):
        assert Path(pelican_choices.THEME_PATH) == REPOSITORY / "theme"
    else:
        assert Path(pelican_choices.THEME_PATH).parts[-2:] == ("pelican_choices", "theme")
    assert (Path(pelican_choices.THEME_PATH) / "templates").is_dir()


def lowest_versions(wheel: Path) -> list[str]:
    """Each dependency the wheel declares, the example site's sitemap plugin too, at its lowest."""
    with zipfile.ZipFile(wheel) as archive:
        [name] = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        metadata = email.message_from_bytes(archive.read(name))
    pins = []
    for line in metadata.get_all("Requires-Dist"):
        requirement = Requirement(line)
        wanted = requirement.marker is None or requirement.name == "pelican-sitemap"
        lowest = [spec.version for spec in requirement.specifier if spec.operator == ">="]
        if wanted and lowest:
            pins.append(f"{requirement.name}=={lowest[0]}")
    return pins


def install(python: Path, *requirements: str | Path) -> None:
    """Install into a fresh environment; skip only where the package index cannot be reached."""
    result = run(python, "-m", "pip", "install", "-q", *requirements)
    if result.returncode == 0:
        return
    if not os.environ.get("CI") and any(sign in result.stderr for sign in UNREACHABLE):
        pytest.skip(f"the package index cannot be reached: {result.stderr.strip()[-300:]}")
    pytest.fail(result.stderr)


def test_the_example_site_builds_with_the_lowest_declared_versions(wheel, tmp_path):
    pins = lowest_versions(wheel)
    assert sorted(pin.split("==")[0] for pin in pins) == [
        "fontawesomefree",
        "jinja2",
        "markdown",
        "pelican",
        "pelican-sitemap",
    ]
    venv = tmp_path / "venv"
    assert run(sys.executable, "-m", "venv", venv).returncode == 0
    python = venv / "bin" / "python"
    install(python, wheel, *pins)
    site = tmp_path / "site"
    shutil.copytree(EXAMPLE_SITE, site, ignore=shutil.ignore_patterns("output", "cache"))

    found = run(
        python,
        "-c",
        "import sys, importlib.metadata as m; "
        "print(' '.join(f'{n}=={m.version(n)}' for n in sys.argv[1:]))",
        *(pin.split("==")[0] for pin in pins),
    )
    built = run(
        python, "-m", "pelican", "content", "-s", "pelicanconf.py", "-o", "output",
        "--fatal", "warnings", cwd=site,
    )  # fmt: skip

    installed = dict(pin.split("==") for pin in found.stdout.split())
    for pin in pins:
        name, lowest = pin.split("==")
        assert Version(installed[name]) == Version(lowest), (pin, installed[name])
    assert built.returncode == 0, built.stdout + built.stderr
    assert "Done: Processed" in built.stdout + built.stderr
    page = (site / "output/light.html").read_text(encoding="utf-8")
    assert page.count('<a class="choice') >= 2
    assert '<use href="#choices-fa-' in page
    assert '<meta name="robots" content="noindex">' in (site / "output/choices-map.html").read_text(
        encoding="utf-8"
    )
    assert "choices-map" not in (site / "output/sitemap.xml").read_text(encoding="utf-8")
