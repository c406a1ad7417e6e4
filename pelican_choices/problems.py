"""Problems found in choice metadata, and how they reach the author."""

from __future__ import annotations

import difflib
import logging
from collections.abc import Iterable
from typing import NamedTuple

from pelican_choices.sources import Repeat, SourceFiles

logger = logging.getLogger(__name__)

MAX_QUOTED_LENGTH = 80
MAX_SUGGESTIONS = 3


class Problem(NamedTuple):
    """One thing wrong in one metadata field of one source file.

    ``source`` is the file's path below ``PATH``. ``template`` is the constant
    end of the message (a ``%``-style format for ``args``), so Pelican's
    ``LOG_FILTER`` can match it. ``broken`` marks a choice that was dropped,
    which ``CHOICES_ON_BROKEN`` governs. A ``private`` value (a draft's
    address) is logged, never written into a report. ``line`` is where the
    value is written (of a key written twice, the value the reader uses),
    filled in when the problem is reported, None when the file does not hold
    the key.
    """

    source: str
    key: str
    value: str
    template: str
    args: tuple[object, ...] = ()
    broken: bool = False
    private: bool = False
    line: int | None = None

    @property
    def reason(self) -> str:
        """The end of the message, with its arguments filled in."""
        return self.template % self.args if self.args else self.template


class Rejection(NamedTuple):
    """Why a value cannot be used: the end of a message and its arguments.

    A ``private`` rejection makes a private problem: the value names a draft.
    """

    template: str
    args: tuple[object, ...] = ()
    private: bool = False


class BrokenChoicesError(Exception):
    """Stops the build when ``CHOICES_ON_BROKEN = "error"`` and a choice is broken."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(f"{_count(problems)}; CHOICES_ON_BROKEN = 'error' stops the build")


class Reporter:
    """Collects the problems of one build and logs them as the settings ask.

    Each message starts with ``path:line:``, found in ``sources``. Without
    ``sources`` (and with ``log=False``) it only collects them: for a first
    look at metadata whose problems are reported when it is read again.
    """

    def __init__(
        self, on_broken: str, sources: SourceFiles | None = None, *, log: bool = True
    ) -> None:
        self.on_broken = on_broken
        self.sources = sources
        self.log = log
        self.problems: list[Problem] = []

    def report(self, problem: Problem) -> None:
        """Record ``problem`` with its line, and log it now unless it waits for the summary."""
        if self.sources is not None:
            line = self.sources.line(problem.source, problem.key)
            problem = problem._replace(line=line)
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
            self._location(problem),
            problem.key,
            quote(problem.value),
            *problem.args,
        )

    def where(self, source: str, key: str) -> str:
        """``content/pages/css.md:15``: where a key of a source file is written."""
        if self.sources is None:
            return source
        return self.sources.where(source, self.sources.line(source, key))

    def line(self, source: str, key: str) -> int | None:
        """The line of a source file where ``key`` is written; None when it is not known."""
        return None if self.sources is None else self.sources.line(source, key)

    def times_written(self, source: str, key: str) -> int:
        """How many lines of a source file ``key`` is written on; 0 when it is not known."""
        return 0 if self.sources is None else len(self.sources.written(source, key))

    def repeat(self, source: str, key: str) -> Repeat | None:
        """``key`` written twice with different values, in a file whose reader keeps one."""
        return None if self.sources is None else self.sources.repeat(source, key)

    def typed(self, source: str) -> bool:
        """Whether the file was read by a reader that gives typed values (YAML front matter)."""
        return self.sources is not None and self.sources.typed(source)

    @property
    def broken(self) -> list[Problem]:
        """The problems that cost a choice."""
        return [problem for problem in self.problems if problem.broken]

    def finish(self) -> None:
        """In ``error`` mode, log every broken choice in one message and stop the build."""
        broken = self.broken
        if self.on_broken != "error" or not broken:
            return
        lines = "".join(f"\n  {self._text(problem)}" for problem in broken)
        logger.error("%s (CHOICES_ON_BROKEN = 'error'):%s", _count(broken), lines)
        raise BrokenChoicesError(broken)

    def _location(self, problem: Problem) -> str:
        if self.sources is None:
            return problem.source
        return self.sources.where(problem.source, problem.line)

    def _text(self, problem: Problem) -> str:
        return f"{self._location(problem)}: {problem.key} {quote(problem.value)} {problem.reason}"


def _count(problems: list[Problem]) -> str:
    return f"{len(problems)} broken choice" + ("" if len(problems) == 1 else "s")


def quote(value: str) -> str:
    """Quote a metadata value for a message, escaping control characters."""
    if len(value) > MAX_QUOTED_LENGTH:
        value = value[: MAX_QUOTED_LENGTH - 1] + "\u2026"
    return repr(value)


def did_you_mean(word: str, candidates: Iterable[tuple[str, str]], cutoff: float = 0.75) -> str:
    """`` (did you mean fa-terminal?)`` for the candidates closest to ``word``, or ``""``.

    Each candidate is the text compared with ``word`` and the text shown.
    Letter case is ignored: ``/SOIL.html`` finds ``/soil.html``.
    """
    shown_for: dict[str, list[str]] = {}
    for compared, shown in candidates:
        shown_for.setdefault(compared.casefold(), []).append(shown)
    close = difflib.get_close_matches(
        word.casefold(), list(shown_for), n=MAX_SUGGESTIONS, cutoff=cutoff
    )
    names = list(dict.fromkeys(shown for match in close for shown in sorted(shown_for[match])))
    if not names:
        return ""
    return f" (did you mean {' or '.join(names[:MAX_SUGGESTIONS])}?)"
