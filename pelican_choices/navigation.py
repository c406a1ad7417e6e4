"""The work of a build once all content is read: choices, reading order and choice graph."""

from __future__ import annotations

from pelican.generators import Generator

from pelican_choices.chapters import Chapters
from pelican_choices.choices import ChoiceBuilder
from pelican_choices.ending import BuildEnd
from pelican_choices.graph import build_graph, node_candidates
from pelican_choices.icons import IconLibrary
from pelican_choices.layout import lay_out
from pelican_choices.placement import Placement
from pelican_choices.problems import Reporter
from pelican_choices.reading_order import link_neighbours, reading_orders
from pelican_choices.reports import Reports
from pelican_choices.settings import ChoicesSettings
from pelican_choices.site import SiteIndex
from pelican_choices.sources import SourceFiles
from pelican_choices.stylesheet import stylesheet_url


def build_navigation(generators: list[Generator]) -> None:
    """Give every content its choices, chapter and neighbours, and the templates what they read.

    The context gets the reading order of each language, the pages outside
    them, the choice graph and its layout, the plugin's settings, what
    placing the choices needs, and what the build does once every file is
    written (see ``ending``).
    """
    context = generators[0].context
    settings = ChoicesSettings.from_pelican(generators[0].settings)
    readers = generators[0].readers.reader_classes
    reporter = Reporter(
        settings.on_broken,
        SourceFiles(generators[0].settings["PATH"], readers),
        log_filter=generators[0].settings.get("LOG_FILTER", ()),
    )
    site = SiteIndex(generators)
    icons = IconLibrary()
    builder = ChoiceBuilder(site, icons, settings, reporter)
    chapters = Chapters(site.settings)
    for content in site.contents:
        content.choices = builder.build(content)
        content.chapter = chapters.of(content, site.source(content))

    candidates = node_candidates(generators)
    orders = reading_orders(
        candidates.published,
        candidates.translations,
        settings.sort_key,
        reporter,
        site,
        sort_as=settings.sort_as,
    )
    link_neighbours(orders.languages.values(), site.contents, site)
    context["reading_orders"] = orders.languages
    context["reading_order"] = orders.languages[site.settings["DEFAULT_LANG"]]
    position = {id(content): index for index, content in enumerate(orders.listed)}
    if not settings.page_order_by_site and "pages" in context:
        context["pages"].sort(key=lambda page: position.get(id(page), len(position)))
    context["unordered_pages"] = [
        page for page in context.get("pages", ()) if id(page) not in position
    ]

    graph = build_graph(candidates, orders.listed, reporter.problems, settings.sort_key, site)
    context["choices_graph"] = graph
    context["choices_map"] = lay_out(graph) if settings.map_save_as else None
    context["choices_graph_url"] = settings.graph_save_as
    context["choices_map_url"] = settings.map_save_as
    context["choices_settings"] = settings
    context["choices_icon_credit"] = icons.credit
    context["choices_stylesheet_url"] = stylesheet_url() if settings.stylesheet else None
    context["choices_placement"] = Placement(generators[0].env, settings, site, reporter)
    reports = context["choices_reports"] = Reports(generators, settings)
    context["choices_build_end"] = BuildEnd(generators, reporter, reports)
