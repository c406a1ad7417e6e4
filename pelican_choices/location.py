"""Where the bundled theme, the plugin's partials and its problem matcher live."""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
TEMPLATES_PATH = str(PACKAGE_DIR / "templates")
# GitHub Actions' problem matcher for the plugin's messages: ``echo "::add-matcher::PATH"``.
PROBLEM_MATCHER = str(PACKAGE_DIR / "problem-matcher.json")


def theme_path() -> str:
    """The bundled theme's folder: package data in a wheel, ``theme/`` in a checkout."""
    for candidate in (PACKAGE_DIR / "theme", PACKAGE_DIR.parent / "theme"):
        if (candidate / "templates").is_dir():
            return str(candidate)
    raise FileNotFoundError(f"the pelican-choices theme is missing beside {PACKAGE_DIR}")


THEME_PATH = theme_path()
