"""Problems found in choice metadata and templates, and how they reach the author."""

from __future__ import annotations

import difflib
import logging
from collections.abc import Collection, Iterable
from typing import NamedTuple

from pelican_choices.sources import Repeat, SourceFiles

logger = logging.getLogger(__name__)

MAX_QUOTED_LENGTH = 80
MAX_SUGGESTIONS = 3


class Kind(NamedTuple):
    """A kind of problem: a stable ``name`` (``choices.json`` gives it), the words the
    summary counts it with, and ``what`` it covers."""

    name: str
    one: str
    many: str
    what: str

    def count(self, number: int) -> str:
        """``1 broken choice``, ``3 broken choices``."""
        return f"{number} {self.one if number == 1 else self.many}"


# Every kind of problem, in the order the summary counts them. A new check picks
# one of these for its problems, or adds its own here (and to the README's table).
BROKEN_CHOICE = Kind(
    "broken-choice",
    "broken choice",
    "broken choices",
    "a choice that is dropped: its URL leads to no page or file of the site, or to a draft, "
    "or to its own page, or is refused; or it has no URL, or no text",
)
SAME_PLACE = Kind(
    "same-place",
    "choice to the same place",
    "choices to the same place",
    "a choice leading where an earlier one of its page does (the same target, query and "
    "fragment): two buttons to one place",
)
ICON = Kind(
    "icon",
    "icon problem",
    "icon problems",
    "an icon that names no icon, is not a Font Awesome Free icon, or gives more than one",
)
UNREAD_KEY = Kind(
    "unread-key",
    "unread key",
    "unread keys",
    "a key that looks like a choice key and is not one (choice0url, choiceurl)",
)
REPEATED_KEY = Kind(
    "repeated-key",
    "repeated key",
    "repeated keys",
    "a field given twice: in two spellings (choice1url, choice01url) or on two lines",
)
TYPED_VALUE = Kind(
    "typed-value",
    "typed value",
    "typed values",
    "a number or a list where text is read, from a reader that types its values (YAML)",
)
HIDDEN_CHARACTERS = Kind(
    "hidden-characters",
    "value with hidden characters",
    "values with hidden characters",
    "control, invisible or direction-changing characters in a text or icon, removed",
)
SORT_ORDER = Kind(
    "sort-order",
    "sort-order problem",
    "sort-order problems",
    "a sort-order that is not a section number, placed after the numbered pages",
)
AMBIGUOUS_SORT_ORDER = Kind(
    "ambiguous-sort-order",
    "ambiguous sort-order",
    "ambiguous sort-orders",
    "sort-orders that plain numbers would order otherwise, until CHOICES_SORT_AS is set",
)
TEMPLATE = Kind(
    "template",
    "template problem",
    "template problems",
    "a template whose pages get no choices placed: it reads the choice fields itself, does "
    "not print the text once, or names a computed template, until "
    "CHOICES_PLACE_AFTER_CONTENT = False",
)
KINDS = (
    BROKEN_CHOICE,
    SAME_PLACE,
    ICON,
    UNREAD_KEY,
    REPEATED_KEY,
    TYPED_VALUE,
    HIDDEN_CHARACTERS,
    SORT_ORDER,
    AMBIGUOUS_SORT_ORDER,
    TEMPLATE,
)


class Problem(NamedTuple):
    """One thing wrong in one metadata field of one source file, or in one template.

    ``kind`` is one of ``KINDS``. ``source`` is the file's path below
    ``PATH``, or a template's name. ``template`` is the constant end of the
    message (a ``%``-style format for ``args``), so Pelican's ``LOG_FILTER``
    can match it. A ``private`` value (a draft's address) is logged, never
    written into a report. ``line`` is where the value is written (of a key
    written twice, the value the reader uses), filled in when the problem is
    reported, None when the file does not hold the key.

    A template's problem has no ``key`` nor ``value``: its message is
    ``path:line: reason``. It gives its ``line`` and the ``file`` the message
    names, and ``seen_on``, the source of the page it was found on: the
    reports show it when they show that page.
    """

    kind: Kind
    source: str
    key: str
    value: str
    template: str
    args: tuple[object, ...] = ()
    private: bool = False
    line: int | None = None
    file: str | None = None
    seen_on: str | None = None

    @property
    def broken(self) -> bool:
        """Whether the problem cost a choice, which ``CHOICES_ON_BROKEN`` governs."""
        return self.kind is BROKEN_CHOICE

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


ERROR_MODE = "CHOICES_ON_BROKEN = 'error' fails the build"


class BrokenChoicesError(Exception):
    """Raised by ``Pelican(settings).run()`` with ``CHOICES_ON_BROKEN = "error"`` when the
    build found problems; ``problems`` holds them."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(f"{counted(problems)}; {ERROR_MODE}")


class Reporter:
    """Collects the problems of one build and logs them as the settings ask.

    Each message starts with ``path:line:``, found in ``sources``. Without
    ``sources`` (and with ``log=False``) it only collects them: for a first
    look at metadata whose problems are reported when it is read again. In
    ``error`` mode the problems wait for ``finish``, which lists them in one
    message; those ``log_filter`` (Pelican's ``LOG_FILTER``) silences are
    logged as warnings, for it to drop, and do not count.
    """

    def __init__(
        self,
        on_broken: str,
        sources: SourceFiles | None = None,
        *,
        log: bool = True,
        log_filter: Collection[tuple[int, str]] = (),
    ) -> None:
        self.on_broken = on_broken
        self.sources = sources
        self.log = log
        self.log_filter = {tuple(entry) for entry in log_filter}
        self.problems: list[Problem] = []

    def report(self, problem: Problem) -> None:
        """Record ``problem`` with its line, and log it now unless it waits for ``finish``."""
        if self.sources is not None and problem.file is None:
            line = self.sources.line(problem.source, problem.key)
            problem = problem._replace(line=line)
        self.problems.append(problem)
        if not self.log or (self.on_broken == "error" and not self._silenced(problem)):
            return
        level = logging.WARNING
        if problem.broken and self.on_broken == "ignore":
            level = logging.DEBUG
        logger.log(level, _format(problem), *self._arguments(problem))

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

    def finish(self) -> list[Problem]:
        """In ``error`` mode, log every problem that counts in one message, by file and line,
        and return them."""
        if self.on_broken != "error":
            return []
        counting = [problem for problem in self.problems if not self._silenced(problem)]
        if counting:
            listed = sorted(counting, key=_place)
            lines = "".join(f"\n  {self._text(problem)}" for problem in listed)
            logger.error("%s; %s:%s", counted(counting), ERROR_MODE, lines)
        return counting

    def _silenced(self, problem: Problem) -> bool:
        if not self.log_filter:
            return False
        template = _format(problem)
        message = template % self._arguments(problem)
        return bool({(logging.WARNING, template), (logging.WARNING, message)} & self.log_filter)

    def _arguments(self, problem: Problem) -> tuple[object, ...]:
        if not problem.key:
            return (self._location(problem), *problem.args)
        return (self._location(problem), problem.key, quote(problem.value), *problem.args)

    def _location(self, problem: Problem) -> str:
        if self.sources is None:
            return problem.file or problem.source
        return self.sources.where(problem.file or problem.source, problem.line)

    def _text(self, problem: Problem) -> str:
        return _format(problem) % self._arguments(problem)


def _place(problem: Problem) -> tuple[str, bool, int]:
    """Where a problem is: its file, then its line, those without one last."""
    return (problem.file or problem.source, problem.line is None, problem.line or 0)


def _format(problem: Problem) -> str:
    """The message's ``%``-style template: ``path:line: key 'value' reason``, or for a
    template ``path:line: reason``."""
    return ("%s: " if not problem.key else "%s: %s %s ") + problem.template


def counted(problems: Iterable[Problem]) -> str:
    """``4 problems (3 broken choices, 1 icon problem)``, the kinds in the order of ``KINDS``."""
    by_kind = count_by_kind(problems)
    total = sum(by_kind.values())
    parts = ", ".join(kind.count(number) for kind, number in by_kind.items() if number)
    return f"{total} problem{'' if total == 1 else 's'}" + (f" ({parts})" if parts else "")


def count_by_kind(problems: Iterable[Problem]) -> dict[Kind, int]:
    """How many of ``problems`` are of each kind: every kind of ``KINDS``, 0 included."""
    counts = dict.fromkeys(KINDS, 0)
    for problem in problems:
        counts[problem.kind] = counts.get(problem.kind, 0) + 1
    return counts


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
