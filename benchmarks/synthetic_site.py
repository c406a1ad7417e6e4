"""A synthetic guide site of any size, the same for the same size and seed.

Every page has about 500 words of varied Markdown prose (headings, lists,
emphasis, links, now and then a code block or a quote), a category, a
dotted ``sort-order`` and four choices: the next page in the reading order,
a page of the same section through ``{filename}``, a page anywhere by its
path, and the section's first page or an outside address. Icons mix Font
Awesome 4, 5 and 6 names, some with modifiers. Every choice is valid: no
page leads to itself, nor twice to one page.

Usage::

    python -m benchmarks.synthetic_site OUTPUT [--pages 1000] [--seed 1]

writes ``OUTPUT/pages/<section>/<slug>.md``; build it with
``PAGE_PATHS = ["pages"]`` and ``PAGE_URL = PAGE_SAVE_AS = "{slug}.html"``.
"""

from __future__ import annotations

import argparse
import random
from dataclasses import dataclass
from pathlib import Path

SECTIONS = (
    "Foundations",
    "Tools",
    "Data",
    "Web",
    "Deployment",
    "Testing",
    "Operations",
    "Reference",
)
ICONS = (
    "fa-terminal fa-inverse",
    "fa-dashboard",
    "fa-hdd-o",
    "fa-tint fa-lg",
    "fa-css3",
    "fa-pencil-square-o fa-inverse",
    "fa-fast-backward",
    "fa-code fa-inverse",
    "fa-user",
    "fa-book fa-fw",
    "fa-cloud-upload",
    "fa-bar-chart",
    "fas fa-tachometer-alt",
    "far fa-file-alt",
    "fab fa-github",
    "fas fa-flask fa-2x",
    "fas fa-sign-out-alt",
    "far fa-lightbulb",
    "fas fa-database",
    "fa-solid fa-flask",
    "fa-brands fa-python",
    "fa-solid fa-arrow-right fa-fw",
    "fa-solid fa-circle-question",
    "fa-solid fa-server fa-lg",
    "fa-solid fa-vial",
    "fa-brands fa-docker",
    "fa-solid fa-shield-halved",
    "fa-solid fa-book-open",
)
NOUNS = (
    "lantern", "harbour", "ledger", "compass", "orchard", "signal", "bridge", "engine",
    "garden", "archive", "kettle", "window", "river", "ladder", "beacon", "workshop",
    "market", "meadow", "quarry", "library", "tunnel", "valley", "furnace", "mirror",
    "cartographer", "weaver", "gardener", "courier", "builder", "keeper", "pilot", "baker",
    "request", "template", "schema", "queue", "cache", "index", "socket", "module",
)  # fmt: skip
ADJECTIVES = (
    "quiet", "copper", "patient", "narrow", "bright", "hollow", "steady", "gentle",
    "curious", "broad", "early", "distant", "careful", "plain", "sturdy", "hidden",
    "restless", "simple", "modest", "tidal", "woven", "amber", "silent", "rapid",
)  # fmt: skip
VERBS = (
    "carries", "gathers", "sorts", "follows", "measures", "guards", "mends", "opens",
    "shapes", "tests", "watches", "records", "balances", "lifts", "links", "reads",
    "trims", "builds", "answers", "signals", "counts", "turns", "names", "keeps",
)  # fmt: skip
ADVERBS = (
    "slowly", "often", "rarely", "gladly", "quietly", "always", "seldom", "boldly",
    "calmly", "nearly", "simply", "plainly",
)  # fmt: skip
LINKERS = ("because", "while", "although", "until", "whenever", "after", "before", "since")
TEXT_OPENERS = (
    "Show me",
    "I want to read about",
    "Take me to",
    "What about",
    "Explain",
    "Next:",
)
CODE = (
    "def {a}_{b}(items):\n    return sorted(items, key=len)\n",
    "{a} = {{'{b}': 3, 'depth': 2}}\nprint({a}['{b}'])\n",
    "for {a} in range(3):\n    print('{b}', {a})\n",
)


@dataclass(frozen=True)
class PagePlan:
    """Where one page stands: its section, slug, title and place in the section."""

    number: int
    section: int
    index: int
    slug: str
    title: str

    @property
    def folder(self) -> str:
        return SECTIONS[self.section].lower()

    @property
    def sort_order(self) -> str:
        return f"{self.section + 1}.{self.index + 1}"


def plan_site(pages: int, seed: int) -> list[PagePlan]:
    """The pages of the site, section by section, in reading order."""
    rng = random.Random(seed)
    plans = []
    for number in range(pages):
        section, index = divmod(number, _per_section(pages))
        adjective, noun, other = rng.choice(ADJECTIVES), rng.choice(NOUNS), rng.choice(NOUNS)
        slug = f"{adjective}-{noun}-{number + 1:04d}"
        title = f"The {adjective.capitalize()} {noun.capitalize()} and the {other.capitalize()}"
        plans.append(PagePlan(number, section, index, slug, title))
    return plans


def _per_section(pages: int) -> int:
    return -(-pages // len(SECTIONS))


def sentence(rng: random.Random) -> str:
    """One sentence of made-up prose."""
    words = [
        rng.choice(("The", "A", "Every", "One", "Each")),
        rng.choice(ADJECTIVES),
        rng.choice(NOUNS),
        rng.choice(ADVERBS),
        rng.choice(VERBS),
        rng.choice(("the", "a", "its", "every")),
        rng.choice(NOUNS),
    ]
    if rng.random() < 0.6:
        words += [rng.choice(LINKERS), "the", rng.choice(NOUNS), rng.choice(VERBS)]
        words += [rng.choice(("the", "a", "each")), rng.choice(ADJECTIVES), rng.choice(NOUNS)]
    return " ".join(words) + rng.choice((".", ".", ".", "!", "?"))


def paragraph(rng: random.Random, sentences: int) -> str:
    """A paragraph with some emphasis, inline code and an outside link."""
    parts = [sentence(rng) for _ in range(sentences)]
    first = parts[0].split(" ")
    first[2] = f"*{first[2]}*"
    parts[0] = " ".join(first)
    if sentences > 2:
        noun = rng.choice(NOUNS)
        parts[1] += f" Try `{noun}.{rng.choice(VERBS)}()` on the **{rng.choice(NOUNS)}**."
        parts[2] += f" See [the {noun} notes](https://example.org/{noun}/)."
    return " ".join(parts)


def body(rng: random.Random, words: int = 500) -> str:
    """About ``words`` words of Markdown."""
    blocks: list[str] = []
    count = 0
    while count < words:
        kind = len(blocks) % 5
        if kind == 1:
            block = f"## {rng.choice(ADJECTIVES).capitalize()} {rng.choice(NOUNS)} notes"
        elif kind == 3:
            block = "\n".join(f"- {sentence(rng)}" for _ in range(rng.randint(3, 5)))
        elif kind == 4 and rng.random() < 0.3:
            code = rng.choice(CODE).format(a=rng.choice(NOUNS), b=rng.choice(NOUNS))
            block = f"```python\n{code}```"
        elif kind == 4 and rng.random() < 0.3:
            block = f"> {sentence(rng)} {sentence(rng)}"
        else:
            block = paragraph(rng, rng.randint(3, 6))
        blocks.append(block)
        count += len(block.split())
    return "\n\n".join(blocks) + "\n"


def choices(plan: PagePlan, plans: list[PagePlan], rng: random.Random) -> list[tuple[str, str]]:
    """The four choices of a page, as (url, text) pairs; an empty text means the target's title."""
    start = plan.number - plan.index
    section = plans[start : start + _per_section(len(plans))]
    following = plans[(plan.number + 1) % len(plans)]
    sibling = _other(section, plans, rng, (plan, following))
    anywhere = _other(plans, plans, rng, (plan, following, sibling))
    same_folder = sibling.folder == plan.folder
    sibling_path = f"{sibling.slug}.md" if same_folder else f"../{sibling.folder}/{sibling.slug}.md"
    # The section's first page, unless that is the page itself or one it leads to already.
    if rng.random() < 0.15 or section[0] in (plan, following, sibling, anywhere):
        fourth = (f"https://example.org/{rng.choice(NOUNS)}/", "Read more elsewhere.")
    else:
        fourth = (f"/{section[0].slug}.html", f"Back to the start of {SECTIONS[plan.section]}.")
    return [
        (f"/{following.slug}.html", f"Next: {following.title}."),
        (f"{{filename}}{sibling_path}", _choice_text(sibling, rng)),
        (f"/{anywhere.slug}.html", _choice_text(anywhere, rng)),
        fourth,
    ]


def _other(
    among: list[PagePlan], plans: list[PagePlan], rng: random.Random, taken: tuple[PagePlan, ...]
) -> PagePlan:
    """A page of ``among`` not ``taken``: the one drawn, else the next one free after it.

    When every page of ``among`` is taken, the next free one of ``plans``
    (all of them), else the one drawn.
    """
    drawn = rng.choice(among)
    for pages in (among, plans):
        start = pages.index(drawn) if drawn in pages else 0
        for shift in range(len(pages)):
            other = pages[(start + shift) % len(pages)]
            if other not in taken:
                return other
    return drawn


def _choice_text(target: PagePlan, rng: random.Random) -> str:
    if rng.random() < 0.15:
        return ""
    return f"{rng.choice(TEXT_OPENERS)} {target.title.lower()}."


def page_source(plan: PagePlan, plans: list[PagePlan], seed: int) -> str:
    """The Markdown file of one page."""
    rng = random.Random(seed * 1_000_003 + plan.number)
    lines = [
        f"title: {plan.title}",
        f"slug: {plan.slug}",
        f"category: {SECTIONS[plan.section]}",
        f"sort-order: {plan.sort_order}",
    ]
    for number, (url, text) in enumerate(choices(plan, plans, rng), 1):
        lines += [f"choice{number}url: {url}", f"choice{number}icon: {rng.choice(ICONS)}"]
        if text:
            lines.append(f"choice{number}text: {text}")
    return "\n".join(lines) + "\n\n" + body(rng)


def write_site(folder: Path, pages: int = 1000, seed: int = 1) -> Path:
    """Write the site's Markdown under ``folder/pages`` and return ``folder``."""
    plans = plan_site(pages, seed)
    for plan in plans:
        path = folder / "pages" / plan.folder / f"{plan.slug}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page_source(plan, plans, seed), encoding="utf-8")
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output", type=Path, help="folder to write the content into")
    parser.add_argument("--pages", type=int, default=1000, help="number of pages (1000)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the prose and links (1)")
    arguments = parser.parse_args()
    write_site(arguments.output, arguments.pages, arguments.seed)


if __name__ == "__main__":
    main()
