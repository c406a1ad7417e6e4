"""The end of a build, once Pelican has written every file: its ``finalized`` signal.

A template's problems are found as its first page is written, so only then
is every problem known. The graph takes them in, the summary line is
logged and the reports are written, so a build that fails still leaves its
map. Then, with ``CHOICES_ON_BROKEN = "error"``, one message lists every
problem and the build fails in the way that suits what runs it:

- the ``pelican`` command exits with status 1, without a traceback (Pelican
  logs an exception a plugin raises with its traceback, but lets a
  ``SystemExit`` through);
- its reloader (``pelican --autoreload``, with or without ``--listen``) goes
  on watching for changes, as after any build: an exception would make it
  build again at once, over and over, until the problems are fixed;
- any other program calling ``Pelican(settings).run()`` gets a
  ``BrokenChoicesError`` to catch.

What runs the build is read from the call stack: the function that called
``Pelican.run``. A ``PELICAN_CLASS`` whose ``run`` calls Pelican's own is
taken for a program.
"""

from __future__ import annotations

import inspect
from types import CodeType
from typing import Any

import pelican
from pelican import Pelican, signals
from pelican.generators import Generator

from pelican_choices.output import log_summary
from pelican_choices.problems import BrokenChoicesError, Problem, Reporter
from pelican_choices.reports import Reports


class BuildEnd:
    """What one build does once every file is written.

    Its connections to Pelican's signals are weak, and undone when this build
    ends or the same Pelican starts another, so that a build that stopped
    halfway never acts in a later one.
    """

    def __init__(self, generators: list[Generator], reporter: Reporter, reports: Reports) -> None:
        self.context: dict[str, Any] = generators[0].context
        self.settings = generators[0].settings
        self.reporter = reporter
        self.reports = reports
        signals.finalized.connect(self.finish)
        signals.get_generators.connect(self.expire)

    def expire(self, pelican: Any) -> None:
        """Forget this build when the same Pelican starts another, before this one finished."""
        if pelican.settings is self.settings:
            self._disconnect()

    def finish(self, pelican: Any) -> None:
        """Take in the last problems, sum up, write the reports, and fail in ``error`` mode."""
        if pelican.settings is not self.settings:
            return
        self._disconnect()
        graph = self.context["choices_graph"].with_problems(self.reporter.problems)
        self.context["choices_graph"] = graph
        log_summary(graph)
        self.reports.write()
        failing = self.reporter.finish()
        if failing:
            fail(failing)

    def _disconnect(self) -> None:
        signals.finalized.disconnect(self.finish)
        signals.get_generators.disconnect(self.expire)


def fail(problems: list[Problem]) -> None:
    """Fail the build for ``problems``, logged already, as suits what runs it."""
    runner = build_runner()
    if runner == "command":
        raise SystemExit(1)
    if runner == "program":
        raise BrokenChoicesError(problems)


def build_runner() -> str:
    """``"command"`` for the ``pelican`` command's build, ``"reloader"`` for its reloader's,
    ``"program"`` for a build that another program started."""
    frame = inspect.currentframe()
    try:
        while frame is not None and frame.f_code is not Pelican.run.__code__:
            frame = frame.f_back
        caller = frame.f_back.f_code if frame is not None and frame.f_back else None
    finally:
        del frame
    if caller is not None and caller is _code_of("main"):
        return "command"
    if caller is not None and caller is _code_of("autoreload"):
        return "reloader"
    return "program"


def _code_of(name: str) -> CodeType | None:
    """The code of Pelican's function ``name`` (``pelican.main``), None if it has none."""
    return getattr(getattr(pelican, name, None), "__code__", None)
