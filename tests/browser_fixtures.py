"""Fixtures that serve a built site on 127.0.0.1 and drive a real Chromium with Playwright.

Chromium is Debian's (``chromium`` on the PATH) or the one named by the
``CHROMIUM_PATH`` environment variable; Playwright's own browser download is
never used. Without a Chromium the browser tests skip, except when ``CI`` is
set: there they fail.
"""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

LOCAL_HOST = "127.0.0.1"
QUIET_CHROMIUM = [
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
]


def chromium_path() -> str | None:
    """The Chromium to drive: ``CHROMIUM_PATH``, else the first one on the PATH."""
    if os.environ.get("CHROMIUM_PATH"):
        return os.environ["CHROMIUM_PATH"]
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if found := shutil.which(name):
            return found
    return None


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """Keep the test output for the tests."""


def serve(folder: Path) -> tuple[ThreadingHTTPServer, str]:
    """Serve ``folder`` on a free port of 127.0.0.1; returns the server and its base URL."""
    server = ThreadingHTTPServer((LOCAL_HOST, 0), partial(_QuietHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://{LOCAL_HOST}:{server.server_port}"


@dataclass
class Visit:
    """An open page, with what it tried to fetch elsewhere and what it logged as errors."""

    page: object
    status: int = 0
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    path = chromium_path()
    if path is None:
        reason = "no Chromium found: install Debian's chromium or set CHROMIUM_PATH"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright  # noqa: PLC0415

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=path, args=QUIET_CHROMIUM)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def example_url(example_output: Path) -> Iterator[str]:
    """The example site, served over HTTP."""
    server, url = serve(example_output)
    yield url
    server.shutdown()


def new_visit(browser: object, *, width: int, scheme: str) -> Visit:
    """A page in a fresh context that refuses every request off 127.0.0.1."""
    context = browser.new_context(
        viewport={"width": width, "height": 900}, color_scheme=scheme, reduced_motion="reduce"
    )
    visit = Visit(page=None)

    def guard(route, request) -> None:
        if urlsplit(request.url).hostname == LOCAL_HOST:
            route.continue_()
        else:
            visit.blocked.append(request.url)
            route.abort()

    context.route("**/*", guard)
    visit.page = context.new_page()
    visit.page.on("console", lambda m: visit.errors.append(m.text) if m.type == "error" else None)
    visit.page.on("pageerror", lambda error: visit.errors.append(str(error)))
    return visit


@pytest.fixture
def visit(browser: object) -> Iterator[Callable[..., Visit]]:
    """Open a URL at a viewport width and colour scheme; one context per pair, per test.

    Each call starts a new record of blocked requests and console errors.
    """
    visits: dict[tuple[int, str], Visit] = {}

    def open_url(url: str, *, width: int = 1280, scheme: str = "light") -> Visit:
        key = (width, scheme)
        if key not in visits:
            visits[key] = new_visit(browser, width=width, scheme=scheme)
        current = visits[key]
        current.blocked.clear()
        current.errors.clear()
        current.status = current.page.goto(url).status
        return current

    yield open_url
    for current in visits.values():
        current.page.context.close()
