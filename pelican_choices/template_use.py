"""What a theme's templates do with the choices, read from their Jinja syntax trees.

A template, with every template it extends, includes or imports at any
depth, either prints the choices itself (the partial, or ``page.choices``),
reads the choice fields by hand (``page.choice1url``, ``page['choice2text']``,
``page|attr('choice3icon')``, ``page['choice' ~ n ~ 'url']``), reaches a
template whose name is computed and so cannot be told, or does none of these.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from jinja2 import Environment, TemplateNotFound, TemplateSyntaxError, nodes

PARTIAL = "pelican_choices/choices.html"
CHOICE_FIELD = re.compile(r"choice[0-9]+(?:url|icon|text)", re.IGNORECASE)
# The start of a key that a template builds: 'choice' ~ n ~ 'url', "choice%durl" % n...
CHOICE_KEY_START = re.compile(r"choice(?:[0-9]|\W|$)", re.IGNORECASE)
# Methods whose first argument is a metadata key, or the start of one.
KEY_METHODS = {"get", "startswith", "__getitem__", "__getattribute__"}


class Reference(NamedTuple):
    """A template named by an ``extends``, ``include`` or ``import``, and where."""

    name: str
    line: int
    included: bool  # by include or import, rather than extends


class Reading(NamedTuple):
    """What one template file does, before following the templates it names."""

    prints_choices: bool
    field: tuple[str, int] | None  # the first choice field it reads, and its line
    computed: int | None  # the line of its first template name that is computed
    references: tuple[Reference, ...]


class Place(NamedTuple):
    """Where a template reads a choice field, or names a computed template.

    ``where`` is the template and line (``chapter-choices.html:3``), ``field``
    the field it reads (``""`` for a computed name), and ``via`` the first
    include or import on the way there from the page template
    (``page.html:12``), or ``""`` when the page template itself, or one it
    extends, does it.
    """

    where: str
    field: str
    via: str


class Use(NamedTuple):
    """What a page template does with the choices, with every template it reaches.

    ``kind`` is ``"prints"``, ``"fields"`` (``places`` are every template
    that reads a field), ``"unknown"`` (``places`` holds the first computed
    name) or ``"none"``.
    """

    kind: str
    places: tuple[Place, ...] = ()


NO_USE = Use("none")
PARTIAL_READING = Reading(True, None, None, ())


class TemplateUses:
    """Reads the templates of one build's environment, each file once."""

    def __init__(self, env: Environment) -> None:
        self.env = env
        self._readings: dict[str, Reading | None] = {}

    def of(self, name: str) -> Use | None:
        """What template ``name`` and every template it reaches do with the choices.

        None when there is no template ``name``.
        """
        if self._reading(name) is None:
            return None
        fields: list[Place] = []
        unknown: list[Place] = []
        for template, via, reading in self._reached(name):
            if reading.prints_choices:
                return Use("prints")
            if reading.field is not None:
                field, line = reading.field
                fields.append(Place(f"{template}:{line}", field, via))
            if reading.computed is not None:
                unknown.append(Place(f"{template}:{reading.computed}", "", via))
        if fields:
            return Use("fields", tuple(fields))
        return Use("unknown", tuple(unknown[:1])) if unknown else NO_USE

    def _reached(self, name: str) -> Iterator[tuple[str, str, Reading]]:
        """Each template reached from ``name``, depth first, with the first include on the way."""
        stack = [(name, "")]
        seen = {name}
        while stack:
            template, via = stack.pop()
            reading = self._reading(template)
            if reading is None:
                continue
            yield template, via, reading
            for reference in reversed(reading.references):
                if reference.name not in seen:
                    seen.add(reference.name)
                    outermost = reference.included and not via
                    stack.append(
                        (reference.name, f"{template}:{reference.line}" if outermost else via)
                    )

    def _reading(self, name: str) -> Reading | None:
        if name == PARTIAL:
            return PARTIAL_READING  # whatever a theme's own copy of it holds
        if name not in self._readings:
            self._readings[name] = self._read(name)
        return self._readings[name]

    def _read(self, name: str) -> Reading | None:
        """One template's own reading; None when it is missing or does not parse."""
        try:
            source, _, _ = self.env.loader.get_source(self.env, name)
            tree = self.env.parse(source)
        except (TemplateNotFound, TemplateSyntaxError):
            return None  # never rendered in this build, or the build reports it itself
        references: list[Reference] = []
        computed = None
        for node in tree.find_all((nodes.Extends, nodes.Include, nodes.Import, nodes.FromImport)):
            names = _constant_names(node.template)
            if names is None:
                computed = computed if computed is not None else node.lineno
                continue
            included = not isinstance(node, nodes.Extends)
            references += (Reference(found, node.lineno, included) for found in names)
        return Reading(_reads_choices(tree), _first_field(tree), computed, tuple(references))


def _constant_names(template: nodes.Expr) -> list[str] | None:
    """The template names an expression gives, or None when they are computed."""
    if isinstance(template, nodes.Const) and isinstance(template.value, str):
        return [template.value]
    if isinstance(template, nodes.Const) and isinstance(template.value, (list, tuple)):
        values = list(template.value)
    elif isinstance(template, (nodes.List, nodes.Tuple)):
        values = [item.value if isinstance(item, nodes.Const) else None for item in template.items]
    else:
        return None
    return values if all(isinstance(value, str) for value in values) else None


def _reads_choices(tree: nodes.Template) -> bool:
    """Whether the template reads ``.choices``, the plugin's own list of an entry."""
    return any(node.attr == "choices" for node in tree.find_all(nodes.Getattr))


def _first_field(tree: nodes.Template) -> tuple[str, int] | None:
    """The first choice field the template reads, by its name or by a key it builds."""
    found = [
        (node.lineno, node.attr)
        for node in tree.find_all(nodes.Getattr)
        if CHOICE_FIELD.fullmatch(node.attr)
    ]
    found += (
        (node.lineno, node.value)
        for node in tree.find_all(nodes.Const)
        if isinstance(node.value, str) and CHOICE_FIELD.fullmatch(node.value)
    )
    found += (
        (key.lineno, f"a key built from {key.value!r}")
        for expression in _key_expressions(tree)
        for key in expression.find_all(nodes.Const)
        if isinstance(key.value, str) and CHOICE_KEY_START.match(key.value)
    )
    if not found:
        return None
    line, key = min(found, key=lambda read: read[0])  # on a line, the first read as written
    return key, line


def _key_expressions(tree: nodes.Template) -> Iterator[nodes.Node]:
    """The expressions a template uses as a metadata key, or keeps in a variable."""
    for node in tree.find_all((nodes.Getitem, nodes.Filter, nodes.Call, nodes.Assign)):
        if isinstance(node, nodes.Getitem):
            yield node.arg
        elif isinstance(node, nodes.Filter) and node.name == "attr":
            yield from node.args
        elif isinstance(node, nodes.Call):
            if isinstance(node.node, nodes.Getattr) and node.node.attr in KEY_METHODS:
                yield from node.args
        elif isinstance(node, nodes.Assign):
            yield node.node
