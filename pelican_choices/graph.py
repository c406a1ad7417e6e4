"""The choice graph of a build: which pages lead where, and which lead nowhere.

The nodes are the published articles and pages (not translations) that are
in the reading order or have choice metadata (a valid or a broken choice),
and the published or hidden ones a choice of such a page leads to. No draft
is a node, nor a hidden page nothing published leads to. The edges are the
valid choices of the nodes; the problems are those of the nodes and of
published translations, and of the templates of their pages. Texts are cut
to a length a person reads.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import chain
from typing import Any, NamedTuple

from pelican.contents import Content
from pelican.generators import ArticlesGenerator, Generator, PagesGenerator

from pelican_choices.choices import Choice
from pelican_choices.metadata import visible_text
from pelican_choices.problems import KINDS, Kind, Problem, count_by_kind, counted
from pelican_choices.site import SiteIndex, target_title

CANDIDATE_LISTS = {
    "published": {ArticlesGenerator: "articles", PagesGenerator: "pages"},
    "hidden": {ArticlesGenerator: "hidden_articles", PagesGenerator: "hidden_pages"},
    "translations": {ArticlesGenerator: "translations", PagesGenerator: "translations"},
}
MAX_TEXT_LENGTH = 200


class Edge(NamedTuple):
    """One valid choice of a node.

    ``origin`` is the URL of the node it is on, ``origin_index`` that node's
    place in ``NavigationGraph.nodes``. ``node_index`` is the place of the
    node it leads to, None when it leads off the graph. ``title`` is what the
    target is called (a file's path when it has no title) and ``text`` the
    choice's text, each cut to ``MAX_TEXT_LENGTH``.
    """

    origin: str
    origin_index: int
    node_index: int | None
    title: str
    choice: Choice
    text: str

    @property
    def to(self) -> str:
        """The target's URL relative to the site root (without the choice's query or
        fragment), or the outside address, cut to ``MAX_TEXT_LENGTH``."""
        return cut(self.choice.to)


class Node(NamedTuple):
    """An article or page of the graph, with its choices and what is wrong with it.

    ``position`` is its place in the reading order from 1, None outside it.
    ``chapter`` is its category when the author gave it (see ``chapters``), else ``""``.
    ``incoming`` holds the edges of the nodes that lead to it, in node order.
    An orphan is a node no choice of another node leads to, except the first
    of the reading order; a dead end has choice metadata or a place in the
    reading order, but no valid choice.
    """

    url: str
    title: str
    source: str
    sort_order: str | None
    position: int | None
    chapter: str
    edges: tuple[Edge, ...]
    incoming: tuple[Edge, ...]
    broken: tuple[Problem, ...]
    orphan: bool
    dead_end: bool


class NavigationGraph(NamedTuple):
    """The nodes in reading order (the others after it, by source path) and the problems.

    ``shown`` holds the sources whose problems the graph shows: its nodes' and
    the published translations'. ``translations`` gives the URL of each
    published translation by its source, so a report can link its problems.
    """

    nodes: tuple[Node, ...]
    problems: tuple[Problem, ...]
    shown: frozenset[str] = frozenset()
    translations: tuple[tuple[str, str], ...] = ()

    def with_problems(self, problems: Iterable[Problem]) -> NavigationGraph:
        """The graph with those of ``problems`` it shows, such as the templates' found later."""
        return self._replace(problems=shown_problems(problems, self.shown))

    @property
    def broken(self) -> list[Problem]:
        """The broken choices among the problems."""
        return [problem for problem in self.problems if problem.broken]

    @property
    def edges(self) -> list[Edge]:
        return [edge for node in self.nodes for edge in node.edges]

    @property
    def orphans(self) -> list[Node]:
        return [node for node in self.nodes if node.orphan]

    @property
    def dead_ends(self) -> list[Node]:
        return [node for node in self.nodes if node.dead_end]

    def by_kind(self) -> list[tuple[Kind, list[Problem]]]:
        """The problems of each kind that has any, in the order of ``KINDS``."""
        groups: dict[Kind, list[Problem]] = {}
        for problem in self.problems:
            groups.setdefault(problem.kind, []).append(problem)
        return [(kind, groups[kind]) for kind in KINDS if kind in groups]

    def places(self) -> dict[str, int | str]:
        """Where each source's problems are seen: its node's index, or a translation's URL.

        A template's problem is seen on the page of its ``seen_on`` source.
        """
        found: dict[str, int | str] = dict(self.translations)
        found.update((node.source, index) for index, node in enumerate(self.nodes))
        return found

    def summary(self) -> str:
        """``48 pages, 165 choices, 4 problems (3 broken choices, 1 icon problem), 12 orphans,
        0 dead ends``."""
        return ", ".join(
            (
                _count(len(self.nodes), "page", "pages"),
                _count(len(self.edges), "choice", "choices"),
                counted(self.problems),
                _count(len(self.orphans), "orphan", "orphans"),
                _count(len(self.dead_ends), "dead end", "dead ends"),
            )
        )

    def counts(self) -> dict[str, Any]:
        """The summary's numbers, the problems by the name of their kind (every kind)."""
        return {
            "pages": len(self.nodes),
            "choices": len(self.edges),
            "problems": {kind.name: n for kind, n in count_by_kind(self.problems).items()},
            "orphans": len(self.orphans),
            "dead_ends": len(self.dead_ends),
        }

    @property
    def chapters(self) -> list[str]:
        """The nodes' chapters (``""`` for none), in the order they first appear."""
        return list(dict.fromkeys(node.chapter for node in self.nodes))


class Candidates(NamedTuple):
    """The contents a graph is drawn from, drafts left out."""

    published: list[Content]
    hidden: list[Content]
    translations: list[Content]


def node_candidates(generators: Iterable[Generator]) -> Candidates:
    """The published and hidden articles and pages, and the published translations."""
    generators = list(generators)
    found = {
        group: [
            content
            for generator in generators
            for kind, name in lists.items()
            if isinstance(generator, kind)
            for content in getattr(generator, name, ())
        ]
        for group, lists in CANDIDATE_LISTS.items()
    }
    return Candidates(**found)


def build_graph(
    candidates: Candidates,
    order: list[Content],
    problems: Iterable[Problem],
    sort_key: str,
    site: SiteIndex,
) -> NavigationGraph:
    """The graph of ``candidates``, whose ``choices`` are built, in the reading ``order``."""
    problems = list(problems)
    with_broken = {problem.source for problem in problems if problem.broken}
    position = {id(content): index for index, content in enumerate(order, 1)}

    def has_choices(content: Content) -> bool:
        return bool(content.choices) or site.source(content) in with_broken

    leading = [c for c in candidates.published if id(c) in position or has_choices(c)]
    leading_ids = {id(content) for content in leading}
    targeted = {
        id(choice.target)
        for content in leading
        for choice in content.choices
        if choice.target is not None
    }
    members = [
        c
        for c in chain(candidates.published, candidates.hidden)
        if id(c) in leading_ids or id(c) in targeted
    ]
    members.sort(key=lambda c: (position.get(id(c), len(position) + 1), site.source(c)))
    index = {id(content): number for number, content in enumerate(members)}
    shown = frozenset(site.source(c) for c in chain(members, candidates.translations))
    listed = shown_problems(problems, shown)
    broken_by_source: dict[str, list[Problem]] = {}
    for problem in listed:
        if problem.broken:
            broken_by_source.setdefault(problem.source, []).append(problem)

    edges = {}
    incoming: dict[int, list[Edge]] = {}
    for content in members:
        origin, number = site.url(content), index[id(content)]
        found = tuple(_edge(origin, number, choice, index) for choice in content.choices)
        edges[id(content)] = found
        for edge in found:
            if edge.node_index is not None:
                incoming.setdefault(edge.node_index, []).append(edge)
    reached = {
        edge.node_index
        for content in members
        for edge in edges[id(content)]
        if edge.node_index is not None and edge.node_index != index[id(content)]
    }
    first = id(order[0]) if order else None
    nodes = []
    for number, content in enumerate(members):
        source = site.source(content)
        in_order = id(content) in position
        nodes.append(
            Node(
                url=site.url(content),
                title=cut(str(getattr(content, "title", ""))),
                source=source,
                sort_order=cut(_text(content.metadata.get(sort_key))) if in_order else None,
                position=position.get(id(content)),
                chapter=cut(_text(content.chapter)),
                edges=edges[id(content)],
                incoming=tuple(incoming.get(number, ())),
                broken=tuple(broken_by_source.get(source, ())),
                orphan=number not in reached and id(content) != first,
                dead_end=id(content) in leading_ids and not content.choices,
            )
        )
    translations = tuple(sorted((site.source(c), site.url(c)) for c in candidates.translations))
    return NavigationGraph(tuple(nodes), listed, shown, translations)


def shown_problems(problems: Iterable[Problem], shown: frozenset[str]) -> tuple[Problem, ...]:
    """The problems of the ``shown`` sources, and of templates on their pages, cut.

    They are sorted by source, then line (those without one last); a private
    value is blanked.
    """
    return tuple(
        sorted(
            (_cut_problem(p) for p in problems if (p.seen_on or p.source) in shown),
            key=lambda p: (p.source, p.line is None, p.line or 0, p.key, p.value, p.reason),
        )
    )


def cut(text: str) -> str:
    """``text`` without invisible characters, cut to ``MAX_TEXT_LENGTH`` with an ellipsis."""
    text = visible_text(text)
    if len(text) <= MAX_TEXT_LENGTH:
        return text
    return text[: MAX_TEXT_LENGTH - 1] + "\u2026"


def _cut_problem(problem: Problem) -> Problem:
    args = tuple(_cut_part(arg) if isinstance(arg, str) else arg for arg in problem.args)
    return problem._replace(value="" if problem.private else cut(problem.value), args=args)


def _cut_part(text: str) -> str:
    """A part of a message cut as ``cut`` does, with the space that joins it to the text before.

    `` (did you mean /flask.html?)`` then reads in the reports as in the log.
    """
    return (" " if text[:1].isspace() else "") + cut(text)


def _edge(origin: str, number: int, choice: Choice, index: dict[int, int]) -> Edge:
    target = choice.target
    text = cut(choice.text)
    if target is None:
        return Edge(origin, number, None, cut(choice.link), choice, text)
    title = cut(target_title(target)) or cut(choice.to)
    return Edge(origin, number, index.get(id(target)), title, choice, text)


def _text(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        value = " ".join(str(part) for part in value)
    return " ".join(str(value or "").split())


def _count(number: int, one: str, many: str) -> str:
    """``1 orphan``, ``2 orphans``."""
    return f"{number} {one if number == 1 else many}"
