"""The partial's own stylesheet: where it is written, and its address with a content hash."""

from __future__ import annotations

import hashlib
import os

from pelican_choices.location import PACKAGE_DIR

SOURCE = PACKAGE_DIR / "static" / "choices.css"
SAVE_AS = "pelican-choices/choices.css"


def _text() -> str:
    return SOURCE.read_text(encoding="utf-8")


def stylesheet_url() -> str:
    """Its address relative to the site root, with a hash of its content: ``...css?v=1a2b3c4d``."""
    digest = hashlib.sha256(_text().encode("utf-8")).hexdigest()[:10]
    return f"{SAVE_AS}?v={digest}"


def write_stylesheet(output_path: str) -> str:
    """Copy the stylesheet into a site's output folder; returns the path written."""
    path = os.path.join(output_path, *SAVE_AS.split("/"))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as file:
        file.write(_text())
    return path
