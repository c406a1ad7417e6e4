"""Pelican's signal handlers, kept to the builds that connected them.

Pelican connects a plugin's handlers at every build and never disconnects
them, so a plugin that one build listed goes on running in every later build
of the same process: pelican-sitemap writes sitemaps, a theme's own plugin
rewrites pages or sets ``THEME``. A fresh ``pelican`` process runs only the
plugins it lists; these builds do the same.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterator
from contextlib import contextmanager

import blinker
from pelican.plugins import signals


@contextmanager
def handlers_kept_to_the_block() -> Iterator[None]:
    """Disconnect, when the block ends, every handler that was connected inside it."""
    before = {signal: set(signal.receivers) for signal in _pelican_signals()}
    try:
        yield
    finally:
        for signal, connected in before.items():
            for receiver_id in set(signal.receivers) - connected:
                receiver = signal.receivers[receiver_id]
                signal.disconnect(receiver() if isinstance(receiver, weakref.ref) else receiver)


def _pelican_signals() -> list[blinker.Signal]:
    return [value for value in vars(signals).values() if isinstance(value, blinker.Signal)]
