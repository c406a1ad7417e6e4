"""Problems found in choice metadata, and how they reach the author."""

from __future__ import annotations

import logging
from typing import NamedTuple

logger = logging.getLogger(__name__)

MAX_QUOTED_LENGTH = 80


class Problem(NamedTuple):
    """One thing wrong in one metadata field of one source file.

    ``template`` is the constant end of the message (a ``%``-style format for
    ``args``), so Pelican's ``LOG_FILTER`` can match it. ``broken`` marks a
    choice that was dropped, which ``CHOICES_ON_BROKEN`` governs. A
    ``private`` value (a draft's address) is logged, never written into a
    report.
    """

    source: str
    key: str
    value: str
    template: str
    args: tuple[object, ...] = ()
    broken: bool = False
    private: bool = False

    @property
    def reason(self) -> str:
        """The end of the message, with its arguments filled in."""
        return self.template % self.args if self.args else self.template

    def __str__(self) -> str:
        return f"{self.source}: {self.key} {quote(self.value)} {self.reason}"


class Rejection(NamedTuple):
    """Why a value cannot be used: the end of a message and its arguments."""

    template: str
    args: tuple[object, ...] = ()


class BrokenChoicesError(Exception):
    """Stops the build when ``CHOICES_ON_BROKEN = "error"`` and a choice is broken."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(f"{_count(problems)}; CHOICES_ON_BROKEN = 'error' stops the build")


class Reporter:
    """Collects the problems of one build and logs them as the settings ask.

    With ``log=False`` it only collects them: for a first look at metadata
    whose problems are reported when it is read again.
    """

    def __init__(self, on_broken: str, *, log: bool = True) -> None:
        self.on_broken = on_broken
        self.log = log
        self.problems: list[Problem] = []

    def report(self, problem: Problem) -> None:
        """Record ``problem`` and log it now unless it waits for the summary."""
        self.problems.append(problem)
        if not self.log:
            return
        level = logging.WARNING
        if problem.broken and self.on_broken == "ignore":
            level = logging.DEBUG
        elif problem.broken and self.on_broken == "error":
            return
        logger.log(
            level,
            "%s: %s %s " + problem.template,
            problem.source,
            problem.key,
            quote(problem.value),
            *problem.args,
        )

    @property
    def broken(self) -> list[Problem]:
        """The problems that cost a choice."""
        return [problem for problem in self.problems if problem.broken]

    def finish(self) -> None:
        """In ``error`` mode, log every broken choice in one message and stop the build."""
        broken = self.broken
        if self.on_broken != "error" or not broken:
            return
        lines = "".join(f"\n  {problem}" for problem in broken)
        logger.error("%s (CHOICES_ON_BROKEN = 'error'):%s", _count(broken), lines)
        raise BrokenChoicesError(broken)


def _count(problems: list[Problem]) -> str:
    return f"{len(problems)} broken choice" + ("" if len(problems) == 1 else "s")


def quote(value: str) -> str:
    """Quote a metadata value for a message, escaping control characters."""
    if len(value) > MAX_QUOTED_LENGTH:
        value = value[: MAX_QUOTED_LENGTH - 1] + "\u2026"
    return repr(value)
