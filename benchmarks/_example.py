"""Shared by the scripts here: build the example site, serve it on 127.0.0.1, find Chromium."""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from pelican import Pelican
from pelican.settings import read_settings

EXAMPLE_SITE = Path(__file__).resolve().parent.parent / "example_site"


def build_example(output: Path) -> Path:
    """Build the example site with its pelicanconf.py into ``output``."""
    settings = read_settings(
        str(EXAMPLE_SITE / "pelicanconf.py"),
        override={"OUTPUT_PATH": str(output), "CACHE_PATH": str(output.parent / "cache")},
    )
    Pelican(settings).run()
    return output


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """Serve without a line per request."""


@contextmanager
def served(folder: Path) -> Iterator[str]:
    """Serve ``folder`` on a free port of 127.0.0.1 and give its base URL."""
    handler = partial(_QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()


def find_chromium() -> str:
    """``CHROMIUM_PATH``, or the first Chromium on the PATH."""
    found = os.environ.get("CHROMIUM_PATH") or next(
        filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))), None
    )
    if not found:
        raise SystemExit("no Chromium found: install Debian's chromium or set CHROMIUM_PATH")
    return found
