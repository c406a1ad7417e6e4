"""The built wheel, installed into a fresh virtual environment, works on its own."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import markdown, write_files

import pelican_choices

REPOSITORY = Path(__file__).resolve().parent.parent


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
    assert '<a class="choices-map-node' in (tmp_path / "output/choices-map.html").read_text()
    assert (tmp_path / "output/choices.json").is_file()


def test_a_checkout_uses_the_theme_folder_at_its_root():
    if Path(pelican_choices.__file__).resolve().is_relative_to(REPOSITORY):
        assert Path(pelican_choices.THEME_PATH) == REPOSITORY / "theme"
    else:
        assert Path(pelican_choices.THEME_PATH).parts[-2:] == ("pelican_choices", "theme")
    assert (Path(pelican_choices.THEME_PATH) / "templates").is_dir()
